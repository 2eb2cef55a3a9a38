import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulators/salesforce';
import { CallMeter } from '../src/core/callMeter';
import { ManualClock } from '../src/core/clock';
import { silentLogger } from '../src/core/logger';
import { Redactor } from '../src/core/redact';
import { connectSalesforce } from '../src/salesforce/adapter';
import type { SalesforcePort } from '../src/salesforce/port';
import { bindSchema } from '../src/salesforce/schema';
import { START } from './support/world';

describe('Salesforce adapter against the emulator over HTTP', () => {
  let emulator: SalesforceEmulator;
  let sf: SalesforcePort;
  const meter = new CallMeter();
  const clock = new ManualClock(START, { autoAdvance: true });
  const schema = bindSchema('tlms');

  before(async () => {
    emulator = await startSalesforceEmulator({ clock });
    sf = await connectSalesforce({
      instanceUrl: emulator.instanceUrl,
      apiVersion: emulator.apiVersion,
      auth: { kind: 'clientCredentials', clientId: emulator.clientId, clientSecret: emulator.clientSecret },
      clock,
      logger: silentLogger,
      meter,
      redactor: new Redactor()
    });
  });
  after(() => emulator.close());

  function learners(n: number, from = 0) {
    return Array.from({ length: n }, (_, i) => ({
      Name: `Learner ${from + i}`,
      [schema.Learner.f.SalesforceId]: `0035g00000X${String(from + i).padStart(7, '0')}`,
      [schema.Learner.f.PersonType]: 'Contact'
    }));
  }

  it('takes the Organization and user from the token', () => {
    assert.equal(sf.identity.organizationId, emulator.organizationId);
    assert.equal(sf.identity.userId, emulator.runAsUserId);
  });

  it('upserts in Collections of 200 and returns one result per record, in order', async () => {
    emulator.calls.reset();
    const before = meter.total('salesforce');
    const records = learners(450);
    const results = await sf.upsert(schema.Learner.name, schema.Learner.f.SalesforceId, records);
    assert.equal(results.length, 450);
    assert.ok(results.every((r) => r.success && r.created === true && r.id));
    assert.equal(meter.total('salesforce') - before, 3, '200 + 200 + 50');
    assert.equal(emulator.calls.snapshot().total, 3);
    const again = await sf.upsert(schema.Learner.name, schema.Learner.f.SalesforceId, records.slice(0, 2));
    assert.deepEqual(
      again.map((r) => [r.id, r.created]),
      [
        [results[0].id, false],
        [results[1].id, false]
      ],
      'the same external ids update the same records'
    );
  });

  it('reads every page of a large query, each page a metered call', async () => {
    await sf.upsert(schema.Learner.name, schema.Learner.f.SalesforceId, learners(4_000, 450));
    emulator.calls.reset();
    const before = meter.total('salesforce');
    const rows = await sf.query<{ Id: string }>(
      `SELECT Id, ${schema.Learner.f.SalesforceId} FROM ${schema.Learner.name}`
    );
    assert.equal(rows.length, 4_450);
    assert.ok(!('attributes' in rows[0]), 'plain records');
    assert.equal(meter.total('salesforce') - before, 3, '2,000 rows a page');
    assert.equal(emulator.calls.snapshot().total, 3);
  });

  it('retries records locked by another transaction (UNABLE_TO_LOCK_ROW) with backoff on the clock', async () => {
    const rule = emulator.faults.add({ kind: 'lockError', method: 'PATCH', times: 2 });
    const startedAt = clock.now();
    const results = await sf.upsert(schema.Learner.name, schema.Learner.f.SalesforceId, learners(3, 9_000));
    emulator.faults.remove(rule.id);
    assert.ok(
      results.every((r) => r.success),
      JSON.stringify(results)
    );
    assert.ok(clock.now() - startedAt >= 3_000, 'waited 1 s, then 2 s, on the injected clock');
  });

  it('deletes by id in batches and reports per-record results', async () => {
    const rows = await sf.query<{ Id: string }>(`SELECT Id FROM ${schema.Learner.name} LIMIT 250`);
    emulator.calls.reset();
    const results = await sf.delete(rows.map((r) => r.Id));
    assert.equal(results.length, 250);
    assert.ok(results.every((r) => r.success));
    assert.equal(emulator.calls.snapshot().total, 2, '200 + 50');
  });
});
