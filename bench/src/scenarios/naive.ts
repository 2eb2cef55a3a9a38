import type { Harness } from '../../../emulators/harness';
import type { ManualClock } from '../../../sync/src/core/clock';

/**
 * Scenario 6, the pattern the connector avoids: every hour, `GET users/id:{id}` for every linked learner
 * (talentlms-api.md §9a "What not to do"). A plain HTTP client with the runner's concurrency, on the same
 * clock, latency and quota; a 429 waits for the burst window or the hourly reset, as a careful poller would.
 * The caller resets the counters first; `calls` is what the TalentLMS emulator counted (429s included).
 */
export async function naivePoll(
  h: Harness,
  clock: ManualClock,
  concurrency: number
): Promise<{ calls: number; throttled: number; windows: number; simulatedMs: number }> {
  const ids = h.world.talentlms.users.filter((u) => u.salesforceId && !u.deleted).map((u) => u.id);
  const auth = `Basic ${Buffer.from(`${h.env.TLMS_API_KEY}:`).toString('base64')}`;
  const base = `${h.env.TLMS_BASE_URL}/api/v1`;
  const started = clock.now();
  let next = 0;
  let throttled = 0;
  let windows = 1;
  let waiting: Promise<void> | null = null;
  const waitForReset = async () => {
    const limit = (await (await fetch(`${base}/ratelimit`, { headers: { authorization: auth } })).json()) as {
      reset: string | number;
      remaining: string | number;
    };
    if (Number(limit.remaining) > 0) {
      // Refused by the 200-per-5-s burst rule, not the hourly quota: wait out the burst window.
      await clock.sleep(h.talentlms.settings.plan.burstWindowMs);
      return;
    }
    const resetAt = Number(limit.reset) * 1000 + 1000;
    if (resetAt > clock.now()) {
      clock.advance(resetAt - clock.now());
      windows += 1;
    }
  };
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      for (;;) {
        if (waiting) await waiting;
        const response = await fetch(`${base}/users/id:${id}`, { headers: { authorization: auth } });
        await response.arrayBuffer();
        if (response.status !== 429) break;
        throttled += 1;
        waiting ??= waitForReset().finally(() => (waiting = null));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  return {
    calls: h.talentlms.calls.snapshot().total,
    throttled,
    windows,
    simulatedMs: clock.now() - started
  };
}
