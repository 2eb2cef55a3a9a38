import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Messages } from '../..';
import { type Harness, errorOf, start } from '../support/client';

/** Fault injection (emulators/shared/faults.ts) applied to the v1 API; latency runs on the injected clock. */
describe('TalentLMS emulator: fault injection', () => {
  let h: Harness;
  before(async () => (h = await start()));
  after(() => h.tl.close());

  it('answers a status fault with the v1 body for that status and counts the call', async () => {
    h.tl.calls.reset();
    h.tl.faults.add({ kind: 'status', status: 503, route: '/api/v1/users', times: 1 });
    const failed = await h.api.get('users');
    assert.equal(failed.status, 503);
    assert.deepEqual(errorOf(failed), { type: 'api_error', message: Messages.internal });
    assert.equal((await h.api.get('users')).status, 200, 'the rule had one use');
    assert.deepEqual(h.tl.calls.snapshot().byStatus, { '200': 1, '503': 1 });
  });

  it('delays answers on the emulator clock, not in real time', async () => {
    h.tl.faults.add({ kind: 'latency', ms: 30_000, route: 'siteinfo', times: 1 });
    let settled = false;
    const pending = h.api.get('siteinfo').then((answer) => {
      settled = true;
      return answer;
    });
    while (h.clock.pendingSleepers === 0) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(settled, false);
    h.clock.advance(30_000);
    assert.equal((await pending).status, 200);
  });

  it('spends the quota on a quota fault, so /ratelimit shows 0 and calls get the rate-limit answer', async () => {
    h.tl.faults.add({ kind: 'quota', route: 'courses', times: 1 });
    const answer = await h.api.get('courses');
    assert.equal(answer.status, 429);
    assert.equal(errorOf(answer).message, Messages.rateLimited);
    assert.equal((await h.api.json('ratelimit')).remaining, '0');
    h.tl.rateLimiter.reset();
    assert.equal((await h.api.get('courses')).status, 200);
  });

  it('resets connections and holds them open for timeouts', async () => {
    h.tl.calls.reset();
    h.tl.faults.add({ kind: 'reset', route: 'groups', times: 1 });
    await assert.rejects(h.api.get('groups'));
    assert.equal(
      h.tl.calls.snapshot().total,
      0,
      'a reset is not a call (clients cannot tell it from a refusal)'
    );
    h.tl.faults.add({ kind: 'timeout', route: 'branches', times: 1 });
    await assert.rejects(
      fetch(`${h.tl.baseUrl}/api/v1/branches`, {
        headers: { Authorization: h.api.authHeader() },
        signal: AbortSignal.timeout(200)
      }),
      /timeout|abort/i
    );
    assert.equal((await h.api.get('branches')).status, 200);
    assert.deepEqual(h.tl.calls.snapshot().byStatus, { '0': 1, '200': 1 }, 'a timed-out request is a call');
  });

  it('answers 500 api_error when the emulator itself fails, and keeps the cause for diagnosis', async () => {
    const broken = h.tl.state.addCourse({ name: 'Broken' });
    (broken as unknown as { units: unknown }).units = null;
    const answer = await h.api.get(`courses/id:${broken.id}`);
    assert.equal(answer.status, 500);
    assert.deepEqual(errorOf(answer), { type: 'api_error', message: 'Internal server error' });
    assert.ok(h.tl.lastInternalError instanceof TypeError);
  });
});
