import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../src/core/clock';

describe('ManualClock', () => {
  it('wakes sleepers only when advanced past their wake-up time', async () => {
    const clock = new ManualClock(1_000);
    let woke = false;
    const sleeping = clock.sleep(500).then(() => (woke = true));
    clock.advance(499);
    await Promise.resolve();
    assert.equal(woke, false, 'a sleeper must not wake before its time');
    clock.advance(1);
    await sleeping;
    assert.equal(woke, true, 'the sleeper wakes once its time has come');
    assert.equal(clock.now(), 1_500);
  });

  it('auto-advances to the earliest wake-up so simulated hours take no real time', async () => {
    const clock = new ManualClock(0, { autoAdvance: true });
    await Promise.all([clock.sleep(3_600_000), clock.sleep(1_000)]);
    assert.equal(clock.now(), 3_600_000, 'concurrent sleeps overlap instead of adding up');
  });

  it('rejects a sleep whose signal aborts', async () => {
    const clock = new ManualClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await assert.rejects(sleeping, /stop/);
    assert.equal(clock.pendingSleepers, 0, 'an aborted sleeper is forgotten');
  });
});
