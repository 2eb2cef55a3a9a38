import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Connection } from 'jsforce';
import { connect, raw, startFixtureEmulator } from './helpers';

type Emulator = Awaited<ReturnType<typeof startFixtureEmulator>>;
interface Result {
  id?: string;
  success: boolean;
  created?: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
}

const UC = 'tlms__UserCourse__c';
const KEY = 'tlms__ExternalKey__c';

describe('sObject Collections and single-record writes', () => {
  let sf: Emulator;
  let conn: Connection;
  before(async () => {
    sf = await startFixtureEmulator();
    conn = await connect(sf);
  });
  after(() => sf.close());

  test('create returns ids in order and per-record errors for invalid records', async () => {
    const results = (await conn.sobject('tlms__Learner__c').create([
      { Name: 'Ok', tlms__SalesforceId__c: 'sf-1' },
      { Name: 'Bad picklist', tlms__State__c: 'Bogus' },
      { Name: 'Too long', tlms__SalesforceId__c: 'x'.repeat(19) },
      { Name: 'Dup', tlms__SalesforceId__c: 'sf-1' },
      { Name: 'Unknown field', tlms__Nope__c: 1 },
      { Name: 'Bad email', tlms__Email__c: 'not-an-email' }
    ])) as Result[];
    assert.equal(results[0].success, true);
    assert.match(results[0].id ?? '', /^a0[0-9A-Z][A-Za-z0-9]{15}$/, 'an 18-character custom-object id');
    assert.deepEqual(
      results.slice(1).map((r) => r.errors[0].statusCode),
      [
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        'STRING_TOO_LONG',
        'DUPLICATE_VALUE',
        'INVALID_FIELD',
        'INVALID_EMAIL_ADDRESS'
      ]
    );
    assert.ok(results.slice(1).every((r) => r.success === false && r.id === undefined));
    assert.deepEqual(results[2].errors[0].fields, ['tlms__SalesforceId__c']);
  });

  test('REQUIRED_FIELD_MISSING names the field; read-only fields are INVALID_FIELD_FOR_INSERT_UPDATE', async () => {
    const [missing, readOnly] = (await conn
      .sobject(UC)
      .create([
        { [KEY]: 'k-req' },
        { [KEY]: 'k-ro', tlms__CourseName__c: 'C', CreatedDate: '2020-01-01T00:00:00Z' }
      ])) as Result[];
    assert.deepEqual(missing.errors[0], {
      statusCode: 'REQUIRED_FIELD_MISSING',
      message: 'Required fields are missing: [tlms__CourseName__c]',
      fields: ['tlms__CourseName__c']
    });
    assert.equal(readOnly.errors[0].statusCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
    assert.deepEqual(readOnly.errors[0].fields, ['CreatedDate']);
  });

  test('upsert by external id creates, then updates, with created flags and per-record errors', async () => {
    const first = (await conn.sobject(UC).upsert(
      [
        { [KEY]: 'P1:U1:C1', tlms__CourseName__c: 'Course 1', tlms__Status__c: 'NotStarted' },
        { [KEY]: 'P1:U1:C2', tlms__CourseName__c: 'Course 2' }
      ],
      KEY
    )) as Result[];
    assert.deepEqual(
      first.map((r) => [r.success, r.created]),
      [
        [true, true],
        [true, true]
      ]
    );
    const second = (await conn.sobject(UC).upsert(
      [
        { [KEY]: 'p1:u1:c1', tlms__Status__c: 'Completed' }, // case-insensitive external id: same record
        { [KEY]: 'P1:U1:C3', tlms__Status__c: 'Completed' }, // new record without the required course name
        { [KEY]: 'P1:U1:C4', tlms__CourseName__c: 'Course 4', tlms__Status__c: 'SomethingNew' } // unrestricted picklist
      ],
      KEY
    )) as Result[];
    assert.deepEqual(
      second.map((r) => [r.success, r.created ?? null, r.errors[0]?.statusCode ?? null]),
      [
        [true, false, null],
        [false, null, 'REQUIRED_FIELD_MISSING'],
        [true, true, null]
      ]
    );
    assert.equal(second[0].id, first[0].id, 'the update hit the record created first');
    const stored = sf.store.get(first[0].id!);
    assert.equal(stored?.tlms__Status__c, 'Completed');
    assert.equal(stored?.tlms__CourseName__c, 'Course 1', 'fields not sent are unchanged');
    assert.match(String(stored?.Name), /^UC-\d{6}$/, 'auto-number name');
  });

  test('an external id repeated in one upsert fails every record that carries it', async () => {
    const results = (await conn.sobject(UC).upsert(
      [
        { [KEY]: 'DUPE', tlms__CourseName__c: 'a' },
        { [KEY]: 'dupe', tlms__CourseName__c: 'b' },
        { [KEY]: 'UNIQUE-ONE', tlms__CourseName__c: 'c' }
      ],
      KEY
    )) as Result[];
    assert.deepEqual(
      results.map((r) => r.errors[0]?.statusCode ?? 'OK'),
      ['DUPLICATE_EXTERNAL_ID', 'DUPLICATE_EXTERNAL_ID', 'OK']
    );
    assert.equal(sf.store.count(`SELECT Id FROM ${UC} WHERE ${KEY} = 'DUPE'`), 0);
  });

  test('allOrNone rolls back every record when one fails', async () => {
    const results = (await conn.sobject(UC).upsert(
      [
        { [KEY]: 'AON-1', tlms__CourseName__c: 'ok' },
        { [KEY]: 'AON-2', tlms__CourseName__c: 'y'.repeat(256) }
      ],
      KEY,
      { allOrNone: true }
    )) as Result[];
    assert.equal(results[0].errors[0].statusCode, 'ALL_OR_NONE_OPERATION_ROLLED_BACK');
    assert.equal(results[1].errors[0].statusCode, 'STRING_TOO_LONG');
    assert.equal(sf.store.count(`SELECT Id FROM ${UC} WHERE ${KEY} LIKE 'AON-%'`), 0, 'nothing was kept');
  });

  test('update, delete and ENTITY_IS_DELETED', async () => {
    const [id] = sf.store.insert('UserCourse__c', [{ ExternalKey__c: 'DEL-1', CourseName__c: 'D' }]);
    const updated = (await conn.sobject(UC).update([{ Id: id, tlms__Status__c: 'Completed' }])) as Result[];
    assert.deepEqual(updated, [{ id, success: true, errors: [] }]);
    const deleted = (await conn.sobject(UC).destroy([id])) as Result[];
    assert.deepEqual(deleted, [{ id, success: true, errors: [] }]);
    const again = (await conn.sobject(UC).update([{ Id: id, tlms__Status__c: 'NotStarted' }])) as Result[];
    assert.equal(again[0].errors[0].statusCode, 'ENTITY_IS_DELETED');
    const queryAll = await conn.query(`SELECT Id FROM ${UC} WHERE Id = '${id}'`, { scanAll: true });
    assert.equal(queryAll.totalSize, 1, 'deleted records stay visible to queryAll');
  });

  test('more than 200 records is a request-level error', async () => {
    const records = Array.from({ length: 201 }, (_, i) => ({
      attributes: { type: UC },
      [KEY]: `big-${i}`,
      tlms__CourseName__c: 'x'
    }));
    const res = await raw(sf, conn, `/composite/sobjects/${UC}/${KEY}`, {
      method: 'PATCH',
      body: JSON.stringify({ allOrNone: false, records })
    });
    assert.equal(res.status, 400);
    const body = (await res.json()) as Array<{ errorCode: string }>;
    assert.equal(body[0].errorCode, 'EXCEEDED_ID_LIMIT');
  });

  test('an upsert naming a field that is not an external id is refused', async () => {
    await assert.rejects(
      conn.sobject(UC).upsert([{ tlms__CourseName__c: 'x' }], 'tlms__CourseName__c'),
      (e: Error & { errorCode?: string }) => e.errorCode === 'NOT_FOUND'
    );
  });

  test('UNABLE_TO_LOCK_ROW on demand, per record, then the retry succeeds', async () => {
    sf.faults.add({ kind: 'lockError', route: '/composite/sobjects', times: 1 });
    const records = [{ [KEY]: 'LOCK-1', tlms__CourseName__c: 'L' }];
    const locked = (await conn.sobject(UC).upsert(records, KEY)) as Result[];
    assert.equal(locked[0].errors[0].statusCode, 'UNABLE_TO_LOCK_ROW');
    const retried = (await conn.sobject(UC).upsert(records, KEY)) as Result[];
    assert.equal(retried[0].success, true);
  });

  test('single-record routes: create 201, upsert 201 then 204, retrieve, delete', async () => {
    const created = (await conn.sobject('Contact').create({ LastName: 'Single' })) as Result;
    assert.equal(created.success, true);
    const one = (await conn
      .sobject(UC)
      .upsert({ [KEY]: 'ONE-1', tlms__CourseName__c: 'One' }, KEY)) as Result;
    assert.equal(one.created, true, '201 with created=true');
    const two = (await conn
      .sobject(UC)
      .upsert({ [KEY]: 'ONE-1', tlms__Status__c: 'Completed' }, KEY)) as Result;
    assert.deepEqual(two, { success: true, errors: [] }, '204 No Content as jsforce reports it');
    const record = (await conn.sobject('Contact').retrieve(created.id!)) as unknown as Record<
      string,
      unknown
    >;
    assert.equal(record.LastName, 'Single');
    assert.equal(record.Name, 'Single', 'compound name derived');
    await conn.sobject('Contact').destroy(created.id!);
    await assert.rejects(
      conn.sobject('Contact').retrieve(created.id!),
      (e: Error & { errorCode?: string }) => e.errorCode === 'NOT_FOUND'
    );
    await assert.rejects(
      conn.sobject(UC).create({ [KEY]: 'ONE-2' }),
      (e: Error & { errorCode?: string }) => e.errorCode === 'REQUIRED_FIELD_MISSING'
    );
  });

  test('a parent can be named by its external id through the relationship', async () => {
    const [learner] = sf.store.insert('Learner__c', [{ Name: 'By key', SalesforceId__c: 'SF-BYKEY' }]);
    const results = (await conn.sobject(UC).upsert(
      [
        { [KEY]: 'REL-1', tlms__CourseName__c: 'R', tlms__Learner__r: { tlms__SalesforceId__c: 'SF-BYKEY' } },
        {
          [KEY]: 'REL-2',
          tlms__CourseName__c: 'R',
          tlms__Learner__r: { tlms__SalesforceId__c: 'SF-MISSING' }
        }
      ],
      KEY
    )) as Result[];
    assert.equal(results[0].success, true);
    assert.equal(sf.store.get(results[0].id!)?.tlms__Learner__c, learner);
    assert.equal(results[1].errors[0].statusCode, 'INVALID_FIELD');
    assert.match(results[1].errors[0].message, /Foreign key external ID: SF-MISSING not found/);
  });

  test('a lookup to a missing or wrong-type record is rejected', async () => {
    const [learner] = sf.store.insert('Learner__c', [{ Name: 'Ref' }]);
    const results = (await conn.sobject(UC).create([
      { [KEY]: 'REF-1', tlms__CourseName__c: 'R', tlms__Learner__c: learner },
      { [KEY]: 'REF-2', tlms__CourseName__c: 'R', tlms__Learner__c: sf.runAsUserId },
      { [KEY]: 'REF-3', tlms__CourseName__c: 'R', tlms__Learner__c: 'garbage' }
    ])) as Result[];
    assert.deepEqual(
      results.map((r) => r.errors[0]?.statusCode ?? 'OK'),
      ['OK', 'FIELD_INTEGRITY_EXCEPTION', 'MALFORMED_ID']
    );
  });
});
