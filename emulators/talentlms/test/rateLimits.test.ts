import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Messages } from '..';
import { type Harness, errorOf, start } from './support/client';

type Json = Record<string, string>;

async function burn(h: Harness, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const answer = await h.api.get('siteinfo');
    assert.equal(answer.status, 200, `call ${i + 1}: ${answer.text}`);
  }
}

/** Reference §3 and checklist §8.4: hourly quota and 200 calls per 5 s on the injected clock. */
describe('TalentLMS emulator: rate limits', () => {
  it('answers 429 with the v1 error body after the 2,000 calls of the hourly quota, and /ratelimit stays free', async () => {
    const h = await start({ plan: { hourlyLimit: 2000 } });
    try {
      for (let second = 0; second < 10; second += 1) {
        await burn(h, 200);
        h.clock.advance(5000); // stay under the burst limit
      }
      const limit = await h.api.json<Json>('ratelimit');
      assert.equal(limit.limit, '2000');
      assert.equal(limit.remaining, '0');
      const over = await h.api.get('users');
      assert.equal(over.status, 429);
      assert.deepEqual(over.body, {
        error: { type: 'invalid_request_error', message: Messages.rateLimited }
      });
      assert.equal(
        (await h.api.get('ratelimit')).status,
        200,
        'ratelimit is free even when the quota is spent'
      );
      const calls = h.tl.calls.snapshot();
      assert.equal(calls.total, 2001, '2,000 admitted + 1 refused; ratelimit not counted');
      assert.equal(calls.byStatus['429'], 1);
      assert.equal(calls.byRoute.ratelimit, undefined);
      // The window started at the first call; it resets one hour later.
      assert.equal(Number(limit.reset), Date.UTC(2026, 0, 15, 10) / 1000);
      assert.equal(limit.formatted_reset, '15/01/2026, 10:00');
      h.clock.setTime(Date.UTC(2026, 0, 15, 10, 0, 0));
      assert.equal((await h.api.get('users')).status, 200);
      assert.equal((await h.api.json<Json>('ratelimit')).remaining, '1999');
    } finally {
      await h.tl.close();
    }
  });

  it('refuses the 201st call inside 5 seconds and admits again once the window slides', async () => {
    const h = await start({ plan: { hourlyLimit: 10000 } });
    try {
      await burn(h, 200);
      const burst = await h.api.get('users');
      assert.equal(burst.status, 429);
      assert.equal(errorOf(burst).message, Messages.rateLimited);
      assert.equal((await h.api.json<Json>('ratelimit')).remaining, '9800', 'refused calls use no quota');
      h.clock.advance(4999);
      assert.equal((await h.api.get('users')).status, 429, 'still inside the 5 s window');
      h.clock.advance(1);
      assert.equal((await h.api.get('users')).status, 200);
    } finally {
      await h.tl.close();
    }
  });

  it('uses the configured status, burst size and headers for the uncertain parts', async () => {
    const h = await start({
      plan: { hourlyLimit: 5, burstLimit: 3, burstWindowMs: 1000 },
      rateLimitStatus: 403,
      quirks: { rateLimitHeaders: true }
    });
    try {
      await burn(h, 3);
      const burst = await h.api.get('users');
      assert.equal(burst.status, 403);
      assert.equal(burst.headers.get('retry-after'), '1');
      h.clock.advance(1000);
      await burn(h, 2);
      const hourly = await h.api.get('users');
      assert.equal(hourly.status, 403);
      assert.equal(hourly.headers.get('x-ratelimit-remaining'), '0');
      assert.equal(hourly.headers.get('retry-after'), String(3600 - 1));
      h.tl.configure({ rateLimitStatus: 429, plan: { hourlyLimit: 6 } });
      const ok = await h.api.get('users');
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('x-ratelimit-limit'), '6');
    } finally {
      await h.tl.close();
    }
  });

  it('can anchor the hourly window at the top of the clock hour', async () => {
    const h = await start({ plan: { hourlyLimit: 3 }, quirks: { hourlyWindow: 'clockHour' } });
    try {
      h.clock.advance(30 * 60_000); // 09:30
      await burn(h, 3);
      assert.equal((await h.api.get('users')).status, 429);
      assert.equal((await h.api.json<Json>('ratelimit')).reset, String(Date.UTC(2026, 0, 15, 10) / 1000));
      h.clock.advance(30 * 60_000); // 10:00, a new clock hour
      assert.equal((await h.api.get('users')).status, 200);
    } finally {
      await h.tl.close();
    }
  });
});
