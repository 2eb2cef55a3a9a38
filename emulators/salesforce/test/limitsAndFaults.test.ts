import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Connection } from 'jsforce';
import { ManualClock } from '../../../sync/src/core/clock';
import { connect, raw, startFixtureEmulator } from './helpers';

type Emulator = Awaited<ReturnType<typeof startFixtureEmulator>>;

describe('limits, Sforce-Limit-Info and call accounting', () => {
  let sf: Emulator;
  let conn: Connection;
  before(async () => {
    sf = await startFixtureEmulator({ dailyRequestLimit: 50 });
    conn = await connect(sf);
  });
  after(() => sf.close());

  test('every REST response carries Sforce-Limit-Info and jsforce tracks it', async () => {
    const used = sf.usage.used();
    const res = await raw(sf, conn, `/query?q=${encodeURIComponent('SELECT Id FROM Organization')}`);
    assert.equal(res.headers.get('sforce-limit-info'), `api-usage=${used + 1}/50`);
    const bad = await raw(sf, conn, `/query?q=${encodeURIComponent('SELECT Nope FROM Organization')}`);
    assert.equal(bad.status, 400);
    assert.equal(
      bad.headers.get('sforce-limit-info'),
      `api-usage=${used + 2}/50`,
      'failed calls count and carry the header'
    );
    await conn.query('SELECT Id FROM Organization');
    assert.deepEqual(conn.limitInfo.apiUsage, { used: used + 3, limit: 50 });
  });

  test('/limits reports the daily allowance', async () => {
    const limits = (await conn.limits()) as unknown as Record<string, { Max: number; Remaining: number }>;
    assert.equal(limits.DailyApiRequests.Max, 50);
    assert.equal(limits.DailyApiRequests.Remaining, 50 - sf.usage.used());
    assert.ok(limits.DailyBulkV2QueryJobs.Max > 0);
  });

  test('calls are counted per route, tokens apart, and the daily limit is enforced with REQUEST_LIMIT_EXCEEDED', async () => {
    sf.calls.reset();
    await conn.query('SELECT Id FROM Organization');
    await conn.sobject('Contact').create([{ LastName: 'Counted' }]);
    const counts = sf.calls.snapshot();
    assert.equal(counts.total, 2);
    assert.equal(counts.byRoute['GET /query'], 1);
    assert.equal(counts.byRoute['POST /composite/sobjects'], 1);
    assert.equal(counts.tokens, 0);
    sf.usage.setExternalUsage(50);
    await assert.rejects(
      async () => conn.query('SELECT Id FROM Organization'),
      (e: Error & { errorCode?: string }) => {
        assert.equal(e.errorCode, 'REQUEST_LIMIT_EXCEEDED');
        assert.match(e.message, /TotalRequests Limit exceeded/);
        return true;
      }
    );
    assert.equal(sf.calls.snapshot().byStatus['403'], 1, 'the refused call is still a call');
    sf.usage.setExternalUsage(0);
  });
});

describe('the daily limit is a rolling 24-hour window on the emulator clock', () => {
  test('usage drops once requests are older than a day', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 25, 9, 0, 0));
    const sf = await startFixtureEmulator({
      clock,
      dailyRequestLimit: 3,
      tokenLifetimeMs: 10 * 24 * 3600 * 1000
    });
    try {
      const conn = await connect(sf);
      for (let i = 0; i < 3; i += 1) await conn.query('SELECT Id FROM Organization');
      await assert.rejects(
        async () => conn.query('SELECT Id FROM Organization'),
        /TotalRequests Limit exceeded/
      );
      clock.advance(24 * 60 * 60 * 1000 + 1);
      const result = await conn.query('SELECT Id FROM Organization');
      assert.equal(result.totalSize, 1, 'allowed again a day later');
    } finally {
      await sf.close();
    }
  });
});

describe('fault injection', () => {
  let sf: Emulator;
  let conn: Connection;
  let clock: ManualClock;
  before(async () => {
    clock = new ManualClock(Date.UTC(2026, 10, 25, 9, 0, 0), { autoAdvance: true });
    sf = await startFixtureEmulator({ clock, tokenLifetimeMs: 365 * 24 * 3600 * 1000 });
    conn = await connect(sf);
  });
  after(() => sf.close());

  test('a 503 answers the documented body once, is counted, and the next call works', async () => {
    sf.faults.add({ kind: 'status', status: 503, route: '/query', times: 1 });
    sf.calls.reset();
    const res = await raw(sf, conn, `/query?q=${encodeURIComponent('SELECT Id FROM Organization')}`);
    assert.equal(res.status, 503);
    assert.deepEqual(await res.json(), [
      { errorCode: 'SERVER_UNAVAILABLE', message: 'Server temporarily unavailable, please try again later' }
    ]);
    assert.equal(sf.calls.snapshot().byStatus['503'], 1);
    assert.equal((await conn.query('SELECT Id FROM Organization')).totalSize, 1);
  });

  test('latency is spent on the emulator clock, not in real time', async () => {
    sf.faults.add({ kind: 'latency', ms: 60 * 60 * 1000, times: 1 });
    const simulatedBefore = clock.now();
    const realBefore = Date.now();
    await conn.query('SELECT Id FROM Organization');
    assert.ok(clock.now() - simulatedBefore >= 60 * 60 * 1000, 'an hour passed on the clock');
    assert.ok(Date.now() - realBefore < 5000, 'in well under five real seconds');
  });

  test('a reset destroys the connection without an answer', async () => {
    sf.faults.add({ kind: 'reset', times: 1 });
    await assert.rejects(raw(sf, conn, '/limits'));
    assert.equal((await raw(sf, conn, '/limits')).status, 200);
  });

  test('a timeout holds the request until the client gives up', async () => {
    sf.faults.add({ kind: 'timeout', times: 1 });
    await assert.rejects(
      fetch(`${sf.instanceUrl}/services/data/v62.0/limits`, {
        headers: { authorization: `Bearer ${conn.accessToken}` },
        signal: AbortSignal.timeout(200)
      }),
      /aborted|timeout/i
    );
  });

  test('a quota fault answers REQUEST_LIMIT_EXCEEDED', async () => {
    sf.faults.add({ kind: 'quota', times: 1 });
    const res = await raw(sf, conn, '/limits');
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as Array<{ errorCode: string }>)[0].errorCode, 'REQUEST_LIMIT_EXCEEDED');
  });

  test('a query URL longer than 16,384 characters is 414 and still a call', async () => {
    const ids = Array.from({ length: 900 }, (_, i) => `'003000000000${String(i).padStart(3, '0')}AAA'`).join(
      ','
    );
    sf.calls.reset();
    const res = await raw(
      sf,
      conn,
      `/query?q=${encodeURIComponent(`SELECT Id FROM Contact WHERE Id IN (${ids})`)}`
    );
    assert.equal(res.status, 414);
    assert.equal(((await res.json()) as Array<{ errorCode: string }>)[0].errorCode, 'URI_TOO_LONG');
    assert.equal(sf.calls.snapshot().byStatus['414'], 1);
  });

  test('an unsupported API version and an unknown route are 404 NOT_FOUND', async () => {
    const res = await fetch(`${sf.instanceUrl}/services/data/v99.0/limits`, {
      headers: { authorization: `Bearer ${conn.accessToken}` }
    });
    assert.equal(res.status, 404);
    const unknown = await raw(sf, conn, '/nothing/here');
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), [
      { message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }
    ]);
  });
});
