import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Connection } from 'jsforce';
import { connect, raw, startFixtureEmulator } from './helpers';

type Emulator = Awaited<ReturnType<typeof startFixtureEmulator>>;
const UC = 'tlms__UserCourse__c';
const KEY = 'tlms__ExternalKey__c';

function collect(stream: NodeJS.EventEmitter): Promise<Array<Record<string, string>>> {
  return new Promise((resolve, reject) => {
    const rows: Array<Record<string, string>> = [];
    stream.on('record', (r: Record<string, string>) => rows.push(r));
    stream.on('end', () => resolve(rows));
    stream.on('error', reject);
  });
}

describe('Bulk API 2.0', () => {
  let sf: Emulator;
  let conn: Connection;
  before(async () => {
    sf = await startFixtureEmulator();
    conn = await connect(sf);
    conn.bulk2.pollInterval = 20;
    const [account] = sf.store.insert('Account', [{ Name: 'Bulk Co' }]);
    sf.store.insert(
      'Contact',
      Array.from({ length: 2500 }, (_, i) => ({
        LastName: `Bulk ${i}`,
        Email: i % 2 ? `b${i}@x.example` : null,
        AccountId: account
      }))
    );
  });
  after(() => sf.close());

  test("jsforce bulk2.query reads a single-page result (Sforce-Locator 'null')", async () => {
    const stream = await conn.bulk2.query(
      "SELECT Id, LastName, Email, Account.Name FROM Contact WHERE LastName LIKE 'Bulk 1%' ORDER BY LastName"
    );
    const rows = await collect(stream);
    const expected = sf.store.count("SELECT Id FROM Contact WHERE LastName LIKE 'Bulk 1%'");
    assert.equal(rows.length, expected);
    assert.equal(rows[0]['Account.Name'], 'Bulk Co', 'relationship columns are dotted paths');
    assert.ok(
      rows.some((r) => r.Email === ''),
      'null is an empty cell'
    );
  });

  test('query results page by hand with maxRecords and Sforce-Locator; every page repeats the header', async () => {
    sf.calls.reset();
    const created = await raw(sf, conn, '/jobs/query', {
      method: 'POST',
      body: JSON.stringify({ operation: 'query', query: 'SELECT Id, LastName FROM Contact' })
    });
    const job = (await created.json()) as { id: string; state: string; contentType: string };
    assert.equal(job.state, 'UploadComplete');
    assert.equal(job.contentType, 'CSV');
    assert.match(job.id, /^750/);
    const states: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const info = (await (await raw(sf, conn, `/jobs/query/${job.id}`)).json()) as { state: string };
      states.push(info.state);
      if (info.state === 'JobComplete') break;
    }
    assert.deepEqual(states, ['UploadComplete', 'InProgress', 'JobComplete']);
    const ids = new Set<string>();
    let locator: string | null = null;
    let pages = 0;
    do {
      const query = `maxRecords=1000${locator ? `&locator=${locator}` : ''}`;
      const res = await raw(sf, conn, `/jobs/query/${job.id}/results?${query}`);
      assert.equal(res.headers.get('content-type'), 'text/csv');
      const text = await res.text();
      const rows = parse(text, { columns: true }) as Array<{ Id: string; LastName: string }>;
      assert.equal(res.headers.get('sforce-numberofrecords'), String(rows.length));
      rows.forEach((r) => ids.add(r.Id));
      locator = res.headers.get('sforce-locator');
      pages += 1;
      assert.ok(locator, 'Sforce-Locator is always sent');
    } while (locator !== 'null');
    assert.equal(pages, 3);
    const otherVersion = await fetch(`${sf.instanceUrl}/services/data/v61.0/jobs/query/${job.id}/results`, {
      headers: { authorization: `Bearer ${conn.accessToken}` }
    });
    assert.equal(otherVersion.status, 409, 'results are read with the version that created the job');
    assert.equal(ids.size, 2500, 'all rows once');
    const calls = sf.calls.snapshot();
    assert.equal(
      calls.byRoute['GET /jobs/query/{id}/results'],
      4,
      'every Bulk 2.0 request is a call, refused ones too'
    );
    assert.equal(calls.byRoute['POST /jobs/query'], 1);
  });

  test('a query job with an unknown field is refused when created', async () => {
    const res = await raw(sf, conn, '/jobs/query', {
      method: 'POST',
      body: JSON.stringify({ operation: 'query', query: 'SELECT Bogus__c FROM Contact' })
    });
    assert.equal(res.status, 400);
    const [error] = (await res.json()) as Array<{ errorCode: string; message: string }>;
    assert.equal(error.errorCode, 'INVALIDJOB');
    assert.match(error.message, /No such column 'Bogus__c'/);
  });

  test('ingest upsert through jsforce: successful and failed results, parents by external id', async () => {
    sf.store.insert('Learner__c', [{ Name: 'Parent', SalesforceId__c: 'SF-PARENT' }]);
    const input = [
      `${KEY},tlms__CourseName__c,tlms__Status__c,tlms__Learner__r.tlms__SalesforceId__c`,
      'B-1,Course 1,Completed,SF-PARENT',
      'B-2,,NotStarted,',
      `B-3,${'z'.repeat(300)},,`,
      'B-4,Course 4,#N/A,NO-SUCH-PARENT'
    ].join('\n');
    const results = await conn.bulk2.loadAndWaitForResults({
      object: UC,
      operation: 'upsert',
      externalIdFieldName: KEY,
      input
    });
    assert.equal(results.successfulResults.length, 1);
    assert.equal(results.successfulResults[0].sf__Created, 'true');
    assert.deepEqual(
      results.failedResults.map((r) => String(r.sf__Error).split(':')[0]),
      ['REQUIRED_FIELD_MISSING', 'STRING_TOO_LONG', 'INVALID_FIELD']
    );
    assert.match(
      String(results.failedResults[0].sf__Error),
      /^REQUIRED_FIELD_MISSING:Required fields are missing: \[tlms__CourseName__c\]:tlms__CourseName__c --$/
    );
    assert.equal(results.unprocessedRecords.length, 0);
    const [stored] = sf.store.query(
      `SELECT tlms__Learner__r.Name, tlms__Status__c FROM ${UC} WHERE ${KEY} = 'B-1'`
    );
    assert.deepEqual((stored.tlms__Learner__r as { Name: string }).Name, 'Parent');

    const again = await conn.bulk2.loadAndWaitForResults({
      object: UC,
      operation: 'upsert',
      externalIdFieldName: KEY,
      input: [{ [KEY]: 'B-1', tlms__Status__c: null }]
    });
    assert.equal(again.successfulResults[0].sf__Created, 'false', 'second upsert updated the record');
    assert.equal(
      sf.store.query(`SELECT tlms__Status__c FROM ${UC} WHERE ${KEY} = 'B-1'`)[0].tlms__Status__c,
      null,
      '#N/A clears the field'
    );
  });

  test('ingest upsert fails rows whose external id repeats in the job', async () => {
    const input = `${KEY},tlms__CourseName__c\nREP-1,a\nrep-1,b\nREP-2,c\n`;
    const results = await conn.bulk2.loadAndWaitForResults({
      object: UC,
      operation: 'upsert',
      externalIdFieldName: KEY,
      input
    });
    assert.deepEqual(
      results.successfulResults.map((r) => (r as Record<string, unknown>)[KEY]),
      ['REP-2']
    );
    assert.deepEqual(
      results.failedResults.map((r) => String(r.sf__Error).split(':')[0]),
      ['DUPLICATE_EXTERNAL_ID', 'DUPLICATE_EXTERNAL_ID']
    );
  });

  test('a cell of the wrong type fails only its row', async () => {
    const input = `${KEY},tlms__CourseName__c,tlms__CompletionPercent__c\nTYPE-1,a,50\nTYPE-2,b,lots\n`;
    const results = await conn.bulk2.loadAndWaitForResults({ object: UC, operation: 'insert', input });
    assert.equal(results.successfulResults.length, 1);
    assert.match(
      String(results.failedResults[0].sf__Error),
      /^INVALID_TYPE_ON_FIELD_IN_RECORD:tlms__CompletionPercent__c/
    );
  });

  test('ingest delete and hardDelete; queryAll sees soft-deleted rows only', async () => {
    const [soft, hard] = sf.store.insert('UserCourse__c', [
      { ExternalKey__c: 'DEL-SOFT', CourseName__c: 'x' },
      { ExternalKey__c: 'DEL-HARD', CourseName__c: 'x' }
    ]);
    const deleted = await conn.bulk2.loadAndWaitForResults({
      object: UC,
      operation: 'delete',
      input: `Id\n${soft}\n`
    });
    assert.equal(deleted.successfulResults[0].sf__Id, soft);
    await conn.bulk2.loadAndWaitForResults({ object: UC, operation: 'hardDelete', input: `Id\n${hard}\n` });
    const all = sf.store.all('UserCourse__c', { includeDeleted: true }).map((r) => r.Id);
    assert.ok(all.includes(soft) && !all.includes(hard));
  });

  test('an unknown column fails the job with the documented message', async () => {
    await assert.rejects(
      conn.bulk2.loadAndWaitForResults({ object: UC, operation: 'insert', input: 'tlms__Nope__c\nx\n' }),
      /Ingest job failed to complete due to: InvalidBatch : Field name not found : tlms__Nope__c/
    );
  });

  test('an aborted job reports its rows as unprocessed', async () => {
    const created = (await (
      await raw(sf, conn, '/jobs/ingest', {
        method: 'POST',
        body: JSON.stringify({ object: UC, operation: 'insert' })
      })
    ).json()) as { id: string; state: string };
    assert.equal(created.state, 'Open');
    const put = await raw(sf, conn, `/jobs/ingest/${created.id}/batches`, {
      method: 'PUT',
      body: `${KEY},tlms__CourseName__c\nAB-1,x\nAB-2,y\n`,
      headers: { 'content-type': 'text/csv' }
    });
    assert.equal(put.status, 201);
    const aborted = (await (
      await raw(sf, conn, `/jobs/ingest/${created.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ state: 'Aborted' })
      })
    ).json()) as { state: string };
    assert.equal(aborted.state, 'Aborted');
    const unprocessed = await (await raw(sf, conn, `/jobs/ingest/${created.id}/unprocessedrecords`)).text();
    assert.deepEqual(parse(unprocessed), [
      [KEY, 'tlms__CourseName__c'],
      ['AB-1', 'x'],
      ['AB-2', 'y']
    ]);
    assert.equal(sf.store.count(`SELECT Id FROM ${UC} WHERE ${KEY} LIKE 'AB-%'`), 0);
  });
});
