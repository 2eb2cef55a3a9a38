import type { Clock } from '../core/clock';
import { QuotaExhaustedError } from '../core/errors';
import type { Logger } from '../core/logger';

/**
 * The TalentLMS quota is per portal per hour and shared with every other integration (reference §3). The
 * governor reads the free /ratelimit, lets this run spend only its configured share of the hour (leaving the
 * rest to others), keeps under the burst limit of 200 calls per 5 s by waiting on the Clock, and throws
 * QuotaExhaustedError when the share is spent before the window resets, so the run ends cleanly (exit 3).
 */
export interface RateLimitInfo {
  limit: number;
  remaining: number;
  /** Epoch ms when the hourly window resets. */
  resetAt: number;
}

export interface QuotaGovernorOptions {
  /** 0 < share ≤ 1: the part of the hourly quota this runner may use. */
  share: number;
  clock: Clock;
  logger: Logger;
  readRateLimit: () => Promise<RateLimitInfo>;
  /** Calls allowed per burst window (documented 200 per 5 s; kept below it). */
  burstCalls?: number;
  burstWindowMs?: number;
  /** Re-read /ratelimit (free) after this many calls, to see other integrations' use. */
  refreshEvery?: number;
}

export class QuotaGovernor {
  private info: RateLimitInfo | null = null;
  private budget = 0;
  private spentSinceRead = 0;
  private readonly recent: number[] = [];

  constructor(private readonly options: QuotaGovernorOptions) {
    if (!(options.share > 0 && options.share <= 1)) throw new RangeError('The quota share must be in (0, 1]');
  }

  /** Reads /ratelimit and sizes the budget for the current window. */
  async refresh(): Promise<RateLimitInfo> {
    const info = await this.options.readRateLimit();
    this.info = info;
    this.spentSinceRead = 0;
    // Keep (1 - share) of the hour for others: spend only down to that reserve.
    const reserve = info.limit - Math.floor(info.limit * this.options.share);
    this.budget = Math.max(0, info.remaining - reserve);
    this.options.logger.debug('TalentLMS quota read', {
      ...info,
      share: this.options.share,
      budget: this.budget
    });
    return info;
  }

  /** Waits for room in the burst window; throws when the hourly share is spent. Call before every request. */
  async acquire(signal?: AbortSignal): Promise<void> {
    if (!this.info) await this.refresh();
    const refreshEvery = this.options.refreshEvery ?? 200;
    if (this.spentSinceRead >= this.budget || this.spentSinceRead >= refreshEvery) {
      await this.refresh();
      if (this.budget <= 0) {
        throw new QuotaExhaustedError('talentlms', {
          limit: this.info?.limit,
          remaining: this.info?.remaining,
          resetAt: this.info ? new Date(this.info.resetAt).toISOString() : null,
          share: this.options.share
        });
      }
    }
    await this.waitForBurstRoom(signal);
    this.spentSinceRead += 1;
    this.recent.push(this.options.clock.now());
  }

  /** After a 429: wait out the burst window before the caller retries. */
  async backOff(signal?: AbortSignal): Promise<void> {
    await this.options.clock.sleep(this.options.burstWindowMs ?? 5_000, signal);
  }

  private async waitForBurstRoom(signal?: AbortSignal): Promise<void> {
    const windowMs = this.options.burstWindowMs ?? 5_000;
    const maxCalls = this.options.burstCalls ?? 180;
    for (;;) {
      const now = this.options.clock.now();
      while (this.recent.length > 0 && this.recent[0] <= now - windowMs) this.recent.shift();
      if (this.recent.length < maxCalls) return;
      const wait = this.recent[0] + windowMs - now;
      this.options.logger.debug('Pacing TalentLMS calls under the burst limit', { waitMs: wait });
      await this.options.clock.sleep(wait, signal);
    }
  }

  /** Window usage as last known, for the run summary. */
  snapshot(): { used: number | null; limit: number | null; resetAt: number | null } {
    if (!this.info) return { used: null, limit: null, resetAt: null };
    const remaining = Math.max(0, this.info.remaining - this.spentSinceRead);
    return { used: this.info.limit - remaining, limit: this.info.limit, resetAt: this.info.resetAt };
  }
}
