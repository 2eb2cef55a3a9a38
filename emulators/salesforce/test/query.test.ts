import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Connection } from 'jsforce';
import { connect, raw, startFixtureEmulator } from './helpers';

type Emulator = Awaited<ReturnType<typeof startFixtureEmulator>>;

describe('query, queryMore and query locators', () => {
  let sf: Emulator;
  let conn: Connection;
  let accountId: string;
  before(async () => {
    sf = await startFixtureEmulator();
    conn = await connect(sf);
    [accountId] = sf.store.insert('Account', [{ Name: 'Acme' }]);
    sf.store.insert(
      'Contact',
      Array.from({ length: 4500 }, (_, i) => ({
        LastName: `Person ${String(i).padStart(4, '0')}`,
        Email: `p${i}@acme.example`,
        AccountId: accountId
      }))
    );
  });
  after(() => sf.close());

  test('autoFetch pages past 2,000 rows through /query/{locator}', async () => {
    sf.calls.reset();
    const result = await conn.query<{ Id: string }>('SELECT Id, LastName FROM Contact', {
      autoFetch: true,
      maxFetch: 100000
    });
    assert.equal(result.totalSize, 4500);
    assert.equal(result.records.length, 4500, 'every row arrived');
    assert.equal(new Set(result.records.map((r) => r.Id)).size, 4500, 'no row twice');
    const calls = sf.calls.snapshot();
    assert.equal(calls.byRoute['GET /query'], 1, 'one query call');
    assert.equal(calls.byRoute['GET /query/{locator}'], 2, 'two more pages of 2,000 at most');
  });

  test('queryMore follows nextRecordsUrl by hand; the last page has done=true and no nextRecordsUrl', async () => {
    const first = await conn.query('SELECT Id FROM Contact ORDER BY LastName');
    assert.equal(first.done, false);
    assert.equal(first.records.length, 2000, 'default batch size is 2,000');
    const rawFirst = (await (
      await raw(sf, conn, `/query?q=${encodeURIComponent('SELECT Id FROM Contact')}`)
    ).json()) as {
      nextRecordsUrl: string;
    };
    assert.match(
      rawFirst.nextRecordsUrl,
      /^\/services\/data\/v62\.0\/query\/0r8[A-Za-z0-9]+-2000$/,
      'relative URL, no / in the locator'
    );
    const second = await conn.queryMore(first.nextRecordsUrl!);
    const third = await conn.queryMore(second.nextRecordsUrl!);
    assert.equal(third.done, true);
    assert.equal(third.nextRecordsUrl, undefined);
    assert.equal(first.records.length + second.records.length + third.records.length, 4500);
  });

  test('Sforce-Query-Options batchSize is honoured between 200 and 2,000', async () => {
    const headers = { 'Sforce-Query-Options': 'batchSize=500' };
    const page = await conn.query('SELECT Id FROM Contact', { headers });
    assert.equal(page.records.length, 500);
    const small = await conn.query('SELECT Id FROM Contact', {
      headers: { 'Sforce-Query-Options': 'batchSize=10' }
    });
    assert.equal(small.records.length, 200, 'below the minimum the batch is 200');
    sf.calls.reset();
    const all = await conn.query('SELECT Id FROM Contact', { headers, autoFetch: true, maxFetch: 100000 });
    assert.equal(all.records.length, 4500);
    assert.equal(sf.calls.snapshot().byRoute['GET /query/{locator}'], 8, '4,500 rows in pages of 500');
  });

  test('two long text fields cut the batch to 200; one does not', async () => {
    sf.store.insert(
      'Learner__c',
      Array.from({ length: 450 }, (_, i) => ({ Name: `L${i}`, Notes__c: 'n'.repeat(300), Summary__c: 's' }))
    );
    const two = await conn.query('SELECT Id, tlms__Notes__c, tlms__Summary__c FROM tlms__Learner__c');
    assert.equal(two.records.length, 200);
    const one = await conn.query('SELECT Id, tlms__Notes__c FROM tlms__Learner__c');
    assert.equal(one.records.length, 450);
  });

  test('an unknown or expired locator is INVALID_QUERY_LOCATOR', async () => {
    const res = await raw(sf, conn, '/query/0r8doesnotexist-2000');
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), [
      { message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }
    ]);
    const first = await conn.query('SELECT Id FROM Contact');
    sf.manualClock.advance(2 * 24 * 60 * 60 * 1000 + 1);
    conn = await connect(sf); // the token expired too; take a fresh one so only the cursor is stale
    await assert.rejects(
      async () => conn.queryMore(first.nextRecordsUrl!),
      (e: Error & { errorCode?: string }) => e.errorCode === 'INVALID_QUERY_LOCATOR'
    );
  });

  test('parent relationship fields come back as nested records', async () => {
    const [managerId] = sf.store.insert('User', [
      { Username: 'boss@acme.example', Email: 'boss@acme.example', LastName: 'Boss', Alias: 'boss' }
    ]);
    const [userId] = sf.store.insert('User', [
      {
        Username: 'emp@acme.example',
        Email: 'emp@acme.example',
        LastName: 'Emp',
        Alias: 'emp',
        ManagerId: managerId
      }
    ]);
    sf.store.insert('Learner__c', [{ Name: 'With user', User__c: userId, SalesforceId__c: userId }]);
    const users = await conn.query<Record<string, unknown>>(
      `SELECT Id, Manager.Email, Manager.Manager.Email FROM User WHERE Id = '${userId}'`
    );
    assert.deepEqual(users.records[0].Manager, {
      attributes: { type: 'User', url: `/services/data/v62.0/sobjects/User/${managerId}` },
      Email: 'boss@acme.example',
      Manager: null
    });
    const contacts = await conn.query<Record<string, { Name: string }>>(
      'SELECT Account.Name FROM Contact LIMIT 1'
    );
    assert.equal(contacts.records[0].Account.Name, 'Acme');
    const learners = await conn.query<Record<string, Record<string, unknown>>>(
      "SELECT tlms__User__r.Username, tlms__User__r.Manager.LastName FROM tlms__Learner__c WHERE Name = 'With user'"
    );
    assert.equal(learners.records[0].tlms__User__r.Username, 'emp@acme.example');
    assert.deepEqual((learners.records[0].tlms__User__r.Manager as Record<string, unknown>).LastName, 'Boss');
  });

  test('errors come back in the documented array shape', async () => {
    const cases: Array<[string, string]> = [
      ['SELECT Bogus__c FROM Contact', 'INVALID_FIELD'],
      ['SELECT Id FROM Nope__c', 'INVALID_TYPE'],
      ['SELECT FROM Contact', 'MALFORMED_QUERY'],
      ['SELECT Id FROM Contact GROUP BY Id', 'MALFORMED_QUERY'],
      ['SELECT Bogus.Name FROM Contact', 'INVALID_FIELD']
    ];
    for (const [soql, code] of cases) {
      const res = await raw(sf, conn, `/query?q=${encodeURIComponent(soql)}`);
      assert.equal(res.status, 400, soql);
      const body = (await res.json()) as Array<{ errorCode: string; message: string }>;
      assert.equal(body.length, 1, soql);
      assert.equal(body[0].errorCode, code, soql);
      assert.equal(typeof body[0].message, 'string');
    }
    const res = await raw(sf, conn, `/query?q=${encodeURIComponent('SELECT Bogus__c FROM Contact')}`);
    const [error] = (await res.json()) as Array<{ message: string }>;
    assert.match(error.message, /ERROR at Row:1:Column:8\nNo such column 'Bogus__c' on entity 'Contact'/);
  });

  test('queryAll returns deleted and merged rows; query does not', async () => {
    const [master, loser, gone] = sf.store.insert('Contact', [
      { LastName: 'Merge master' },
      { LastName: 'Merge loser' },
      { LastName: 'Deleted one' }
    ]);
    sf.store.merge('Contact', master, [loser]);
    await conn.sobject('Contact').destroy([gone]);
    const soql =
      "SELECT Id, IsDeleted, MasterRecordId FROM Contact WHERE LastName LIKE 'Merge%' OR LastName = 'Deleted one'";
    const live = await conn.query<{ Id: string }>(soql);
    assert.deepEqual(
      live.records.map((r) => r.Id),
      [master]
    );
    const all = await conn.query<{ Id: string; IsDeleted: boolean; MasterRecordId: string | null }>(soql, {
      scanAll: true
    });
    assert.deepEqual(
      all.records.map((r) => [r.Id, r.IsDeleted, r.MasterRecordId]),
      [
        [master, false, null],
        [loser, true, master],
        [gone, true, null]
      ]
    );
  });

  test('COUNT() returns totalSize and no records', async () => {
    const result = await conn.query("SELECT COUNT() FROM Contact WHERE Email LIKE '%@acme.example'");
    assert.equal(result.totalSize, 4500);
    assert.deepEqual(result.records, []);
  });
});
