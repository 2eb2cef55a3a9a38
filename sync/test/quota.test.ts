import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../src/core/clock';
import { QuotaExhaustedError } from '../src/core/errors';
import { silentLogger } from '../src/core/logger';
import { QuotaGovernor, type RateLimitInfo } from '../src/talentlms/quota';

/** A fake portal quota: every acquire() the governor grants is one call spent from the hour. */
function portal(clock: ManualClock, limit: number) {
  let windowStart = clock.now();
  let used = 0;
  let reads = 0;
  return {
    spend: () => (used += 1),
    setUsedByOthers: (n: number) => (used += n),
    get reads() {
      return reads;
    },
    read: async (): Promise<RateLimitInfo> => {
      reads += 1;
      if (clock.now() >= windowStart + 3_600_000) {
        windowStart = clock.now();
        used = 0;
      }
      return { limit, remaining: limit - used, resetAt: windowStart + 3_600_000 };
    }
  };
}

describe('QuotaGovernor', () => {
  it('spends only its share of the hour, then stops with QuotaExhaustedError until the window resets', async () => {
    const clock = new ManualClock(0, { autoAdvance: true });
    const quota = portal(clock, 300);
    const governor = new QuotaGovernor({
      share: 0.5,
      clock,
      logger: silentLogger,
      readRateLimit: quota.read
    });
    let granted = 0;
    await assert.rejects(
      (async () => {
        for (;;) {
          await governor.acquire();
          quota.spend();
          granted += 1;
        }
      })(),
      (error: unknown) => error instanceof QuotaExhaustedError && error.exitCode === 3
    );
    assert.equal(granted, 150, 'half of 300 calls');
    assert.deepEqual(governor.snapshot(), { used: 150, limit: 300, resetAt: 3_600_000 });
    clock.advance(3_600_000);
    await governor.acquire();
    assert.equal(governor.snapshot().used, 1, 'a new window grants a new share');
  });

  it('leaves the reserve to other integrations that already used the quota', async () => {
    const clock = new ManualClock(0, { autoAdvance: true });
    const quota = portal(clock, 2000);
    quota.setUsedByOthers(900);
    const governor = new QuotaGovernor({
      share: 0.5,
      clock,
      logger: silentLogger,
      readRateLimit: quota.read
    });
    let granted = 0;
    try {
      for (;;) {
        await governor.acquire();
        quota.spend();
        granted += 1;
      }
    } catch (error) {
      assert.ok(error instanceof QuotaExhaustedError);
    }
    assert.equal(granted, 100, 'only down to the 1,000-call reserve');
  });

  it('paces bursts on the clock instead of exceeding 200 calls per 5 seconds', async () => {
    const clock = new ManualClock(0, { autoAdvance: true });
    const quota = portal(clock, 10_000);
    const governor = new QuotaGovernor({ share: 1, clock, logger: silentLogger, readRateLimit: quota.read });
    const stamps: number[] = [];
    for (let i = 0; i < 400; i += 1) {
      await governor.acquire();
      quota.spend();
      stamps.push(clock.now());
    }
    for (let i = 0; i < stamps.length; i += 1) {
      const inWindow = stamps.filter((t) => t > stamps[i] - 5_000 && t <= stamps[i]).length;
      assert.ok(inWindow <= 180, `at most 180 calls in any 5 s window (saw ${inWindow})`);
    }
    assert.ok(clock.now() >= 5_000, 'time passed on the clock, not in real life');
  });

  it('re-reads /ratelimit periodically to see other integrations', async () => {
    const clock = new ManualClock(0, { autoAdvance: true });
    const quota = portal(clock, 10_000);
    const governor = new QuotaGovernor({
      share: 1,
      clock,
      logger: silentLogger,
      readRateLimit: quota.read,
      refreshEvery: 50
    });
    for (let i = 0; i < 120; i += 1) {
      await governor.acquire();
      quota.spend();
    }
    assert.equal(quota.reads, 3, 'read at start, after 50 and after 100 calls');
  });

  it('refuses a share outside (0, 1]', () => {
    const clock = new ManualClock(0);
    const read = async () => ({ limit: 1, remaining: 1, resetAt: 0 });
    assert.throws(
      () => new QuotaGovernor({ share: 0, clock, logger: silentLogger, readRateLimit: read }),
      RangeError
    );
    assert.throws(
      () => new QuotaGovernor({ share: 1.5, clock, logger: silentLogger, readRateLimit: read }),
      RangeError
    );
  });
});
