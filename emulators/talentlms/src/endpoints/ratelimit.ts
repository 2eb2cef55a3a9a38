import { epochSeconds, formatDateTimeMinutes } from '../format/dates';
import type { Endpoint } from './types';

/** "calling this method does not count against your rate limit" (reference §3); the server skips metering. */
const ratelimit: Endpoint = {
  name: 'ratelimit',
  style: 'get',
  handle(ctx) {
    const snapshot = ctx.rateLimiter.snapshot();
    const reset = epochSeconds(snapshot.resetMs);
    return {
      limit: String(snapshot.limit),
      remaining: String(snapshot.remaining),
      reset: String(reset),
      formatted_reset: formatDateTimeMinutes(reset, ctx.settings.portal.dateFormat)
    };
  }
};

export const rateLimitEndpoints: Endpoint[] = [ratelimit];
