import type { Clock } from '../../../../sync/src/core/clock';
import type { EmulatorSettings } from '../options';

const HOUR_MS = 3_600_000;

export type Admission = { ok: true } | { ok: false; reason: 'hourly' | 'burst'; retryAfterMs: number };

export interface RateLimitSnapshot {
  limit: number;
  remaining: number;
  /** Epoch ms when the hourly window resets. */
  resetMs: number;
  used: number;
  /** Calls admitted in the current burst window. */
  burstUsed: number;
}

/**
 * The two v1 limits on the injected clock (reference §3): an hourly quota per plan and at most `burstLimit`
 * calls per `burstWindowMs`. Only admitted calls use quota; rejected ones do not (the portal's accounting of
 * rejected calls is unknown). The hourly window starts at the first call by default (C1's `reset` sample).
 */
export class RateLimiter {
  private windowStart: number | null = null;
  private used = 0;
  private readonly burst: number[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly settings: EmulatorSettings
  ) {}

  private roll(now: number, start: boolean): void {
    if (this.settings.quirks.hourlyWindow === 'clockHour') {
      const hour = Math.floor(now / HOUR_MS) * HOUR_MS;
      if (this.windowStart !== hour) {
        this.windowStart = hour;
        this.used = 0;
      }
      return;
    }
    if (this.windowStart !== null && now >= this.windowStart + HOUR_MS) {
      this.windowStart = null;
      this.used = 0;
    }
    if (this.windowStart === null && start) this.windowStart = now;
  }

  /** Admits one metered call (and counts it) or says which limit refused it. */
  admit(): Admission {
    const now = this.clock.now();
    this.roll(now, true);
    const { hourlyLimit, burstLimit, burstWindowMs } = this.settings.plan;
    if (this.used >= hourlyLimit) {
      return { ok: false, reason: 'hourly', retryAfterMs: (this.windowStart ?? now) + HOUR_MS - now };
    }
    while (this.burst.length > 0 && this.burst[0] <= now - burstWindowMs) this.burst.shift();
    if (this.burst.length >= burstLimit) {
      return { ok: false, reason: 'burst', retryAfterMs: this.burst[0] + burstWindowMs - now };
    }
    this.burst.push(now);
    this.used += 1;
    return { ok: true };
  }

  snapshot(): RateLimitSnapshot {
    const now = this.clock.now();
    this.roll(now, false);
    const limit = this.settings.plan.hourlyLimit;
    while (this.burst.length > 0 && this.burst[0] <= now - this.settings.plan.burstWindowMs)
      this.burst.shift();
    return {
      limit,
      remaining: Math.max(0, limit - this.used),
      resetMs: (this.windowStart ?? now) + HOUR_MS,
      used: this.used,
      burstUsed: this.burst.length
    };
  }

  /** Spends the rest of the hourly quota, as if another integration on the portal had used it. */
  exhaust(): void {
    this.roll(this.clock.now(), true);
    this.used = this.settings.plan.hourlyLimit;
  }

  reset(): void {
    this.windowStart = null;
    this.used = 0;
    this.burst.length = 0;
  }
}
