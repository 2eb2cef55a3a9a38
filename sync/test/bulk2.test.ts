import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulators/salesforce';
import { CallMeter } from '../src/core/callMeter';
import { ManualClock } from '../src/core/clock';
import { silentLogger } from '../src/core/logger';
import { Redactor } from '../src/core/redact';
import { type BulkThresholds, connectSalesforce } from '../src/salesforce/adapter';
import {
  parseBulkErrors,
  recordsToCsv,
  parseCsvRows,
  resultsInRequestOrder
} from '../src/salesforce/bulk2Csv';
import { bulkQueryable } from '../src/salesforce/bulk2Soql';
import type { SalesforcePort } from '../src/salesforce/port';
import { bindSchema } from '../src/salesforce/schema';
import { START } from './support/world';

describe('Bulk API 2.0 CSV and SOQL rules', () => {
  it('writes nulls as #N/A, leaves missing fields blank and quotes what CSV needs quoted', () => {
    const { csv, columns } = recordsToCsv([
      { Name: 'Ada, "the first"', Points__c: 3, Flag__c: true },
      { Name: 'line\nbreak', Points__c: null, Other__c: 'x' }
    ]);
    assert.deepEqual(columns, ['Name', 'Points__c', 'Flag__c', 'Other__c']);
    assert.equal(
      csv,
      'Name,Points__c,Flag__c,Other__c\n"Ada, ""the first""",3,true,\n"line\nbreak",#N/A,,x\n'
    );
    assert.deepEqual(parseCsvRows(csv)[1], {
      Name: 'line\nbreak',
      Points__c: '#N/A',
      Flag__c: '',
      Other__c: 'x'
    });
  });

  it('reads sf__Error entries as Collections errors (code, message with colons, fields)', () => {
    assert.deepEqual(
      parseBulkErrors(
        'REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name -- STRING_TOO_LONG:Login: data value too large:Login__c,Email__c --'
      ),
      [
        {
          statusCode: 'REQUIRED_FIELD_MISSING',
          message: 'Required fields are missing: [Name]',
          fields: ['Name']
        },
        {
          statusCode: 'STRING_TOO_LONG',
          message: 'Login: data value too large',
          fields: ['Login__c', 'Email__c']
        }
      ]
    );
  });

  it('puts results back in request order and marks records found in no result as unprocessed', () => {
    const results = resultsInRequestOrder([{ K: 'a' }, { K: 'b' }, { K: 'c' }], 'K', {
      successful: [{ sf__Id: 'id-c', sf__Created: 'true', K: 'C' }],
      failed: [{ sf__Id: '', sf__Error: 'DUPLICATE_VALUE:dup:K --', K: 'a' }],
      unprocessed: []
    });
    assert.deepEqual(
      results.map((r) => [r.success, r.id, r.errors[0]?.statusCode ?? null]),
      [
        [false, null, 'DUPLICATE_VALUE'],
        [false, null, 'BULK_ROW_UNPROCESSED'],
        [true, 'id-c', null]
      ]
    );
  });

  it('sends to Bulk only what Bulk 2.0 can answer', () => {
    assert.equal(bulkQueryable('SELECT Id, Account.Name FROM Contact WHERE Email != null'), true);
    for (const soql of [
      'SELECT Id FROM Contact ORDER BY Id',
      'SELECT Id FROM Contact LIMIT 10',
      'SELECT COUNT() FROM Contact',
      'SELECT AccountId, COUNT(Id) FROM Contact GROUP BY AccountId',
      'SELECT Id, (SELECT Id FROM Contacts) FROM Account',
      'not soql'
    ]) {
      assert.equal(bulkQueryable(soql), false, soql);
    }
  });
});

describe('Bulk API 2.0 through the adapter, against the emulator over HTTP', () => {
  let emulator: SalesforceEmulator;
  const clock = new ManualClock(START, { autoAdvance: true });
  const schema = bindSchema('tlms');
  const L = schema.Learner;

  async function connect(bulk: Partial<BulkThresholds>): Promise<{ sf: SalesforcePort; meter: CallMeter }> {
    const meter = new CallMeter();
    const sf = await connectSalesforce({
      instanceUrl: emulator.instanceUrl,
      apiVersion: emulator.apiVersion,
      auth: { kind: 'clientCredentials', clientId: emulator.clientId, clientSecret: emulator.clientSecret },
      clock,
      logger: silentLogger,
      meter,
      redactor: new Redactor(),
      bulk
    });
    return { sf, meter };
  }

  function learners(n: number, from = 0) {
    return Array.from({ length: n }, (_, i) => ({
      Name: `Learner ${from + i}`,
      [L.f.SalesforceId]: `0035g00000B${String(from + i).padStart(7, '0')}`,
      [L.f.PersonType]: 'Contact',
      [L.f.Points]: (from + i) % 7 === 0 ? null : from + i,
      [L.f.LastProvisionedAt]:
        (from + i) % 5 === 0 ? null : new Date(START + (from + i) * 1000).toISOString(),
      ...((from + i) % 3 === 0 ? { [L.f.User]: emulator.runAsUserId } : {})
    }));
  }

  before(async () => {
    emulator = await startSalesforceEmulator({ clock });
  });
  after(() => emulator.close());

  it('upserts above the threshold as one ingest job, with failures in the Collections shape', async () => {
    const { sf, meter } = await connect({ writeRows: 50 });
    const records = learners(120);
    records[7] = { ...records[7], [L.f.Login]: 'x'.repeat(300) }; // too long for the field
    emulator.calls.reset();
    const results = await sf.upsert(L.name, L.f.SalesforceId, records);
    const routes = emulator.calls.snapshot().byRoute;
    assert.equal(routes['POST /jobs/ingest'], 1, 'one ingest job');
    assert.equal(routes['PATCH /composite/sobjects/{T}/{field}'] ?? 0, 0, 'no Collections call');
    assert.equal(meter.total('salesforce'), emulator.calls.snapshot().total, 'every Bulk request is counted');
    assert.equal(results.length, 120);
    assert.equal(results.filter((r) => r.success).length, 119);
    assert.ok(results.every((r, i) => i === 7 || (r.success && r.created === true && /^a/.test(r.id ?? ''))));

    // The same bad record through Collections (below the threshold) fails the same way.
    const { sf: small } = await connect({ writeRows: 1_000 });
    const [viaCollections] = await small.upsert(L.name, L.f.SalesforceId, [records[7]]);
    assert.equal(results[7].success, false);
    assert.deepEqual(results[7].errors, viaCollections.errors, 'same error shape on both paths');
    assert.equal(results[7].errors[0].statusCode, 'STRING_TOO_LONG');

    // A second job updates in place: created is false, the ids are the same.
    const again = await sf.upsert(L.name, L.f.SalesforceId, learners(60));
    assert.deepEqual(
      again.map((r, i) => (i === 7 ? r.created : [r.id, r.created])),
      results.slice(0, 60).map((r, i) => (i === 7 ? true : [r.id, false])),
      'the corrected record is created now'
    );
  });

  it('reads a large query as a Bulk job paged by hand with Sforce-Locator, equal to the REST answer', async () => {
    // More rows than one REST page (2,000), so the first page reports the total and Bulk takes over.
    await (await connect({ writeRows: 50 })).sf.upsert(L.name, L.f.SalesforceId, learners(2_130, 120));
    const soql = `SELECT Id, Name, ${L.f.SalesforceId}, ${L.f.Points}, ${L.f.LastProvisionedAt}, ${L.f.User.replace(/__c$/, '__r')}.Username FROM ${L.name} WHERE ${L.f.PersonType} = 'Contact'`;
    const { sf: viaRest } = await connect({ queryRows: 100_000 });
    const expected = await viaRest.query(soql);
    assert.equal(expected.length, 2_250);

    const { sf, meter } = await connect({ queryRows: 2_000, pageRows: 1_000 });
    emulator.calls.reset();
    const rows = await sf.query(soql);
    const routes = emulator.calls.snapshot().byRoute;
    assert.equal(routes['POST /jobs/query'], 1, 'one query job');
    assert.equal(routes['GET /jobs/query/{id}/results'], 3, '2,250 rows in pages of 1,000');
    assert.equal(routes['GET /query'], 1, 'the one REST page that showed the size');
    assert.equal(meter.total('salesforce'), emulator.calls.snapshot().total);
    const byId = (a: { Id?: string }, b: { Id?: string }) => String(a.Id).localeCompare(String(b.Id));
    assert.deepEqual([...rows].sort(byId), [...expected].sort(byId), 'typed and nested as REST returns them');
    const withPoints = rows.find((r) => r[L.f.Points] !== null);
    assert.equal(typeof withPoints?.[L.f.Points], 'number');
  });

  it('stays on REST below the threshold and for queries Bulk cannot answer', async () => {
    const { sf } = await connect({ queryRows: 2_000, pageRows: 1_000 });
    emulator.calls.reset();
    const rows = await sf.query(`SELECT Id FROM ${L.name} ORDER BY Id`);
    assert.equal(rows.length, 2_250);
    assert.equal(emulator.calls.snapshot().byRoute['GET /query/{locator}'], 1, 'two REST pages');
    assert.equal(emulator.calls.snapshot().byRoute['POST /jobs/query'] ?? 0, 0);
  });

  it('retries rows that failed UNABLE_TO_LOCK_ROW, as Collections does', async () => {
    const { sf } = await connect({ writeRows: 50 });
    // The next upload is processed with every row locked by another transaction.
    emulator.faults.add({ kind: 'lockError', route: '/jobs/ingest/', method: 'PUT', times: 1 });
    emulator.calls.reset();
    const results = await sf.upsert(L.name, L.f.SalesforceId, learners(60, 5_000));
    assert.equal(emulator.calls.snapshot().byRoute['POST /jobs/ingest'], 2, 'the locked rows went again');
    assert.ok(results.every((r) => r.success && r.created === true));
    await sf.delete(
      results.map((r) => String(r.id)),
      L.name
    );
  });

  it('deletes above the threshold as one Bulk delete job', async () => {
    const { sf } = await connect({ writeRows: 50 });
    const ids = (await sf.query<{ Id: string }>(`SELECT Id FROM ${L.name}`)).map((r) => r.Id);
    emulator.calls.reset();
    const results = await sf.delete(ids.slice(0, 200), L.name);
    assert.equal(emulator.calls.snapshot().byRoute['POST /jobs/ingest'], 1);
    assert.ok(results.every((r, i) => r.success && r.id === ids[i] && r.created === undefined));
    assert.equal(emulator.store.all(L.name).length, 2_050);
  });
});
