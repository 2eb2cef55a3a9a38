import { z } from 'zod';
import type { CallMeter } from '../core/callMeter';
import type { Clock } from '../core/clock';
import { AuthError, QuotaExhaustedError, type SyncError, TalentLmsApiError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { Redactor } from '../core/redact';
import { mapTalentLmsError } from './errors';
import { formBody, type Params, v1Path } from './params';
import type { QuotaGovernor, RateLimitInfo } from './quota';
import { asInt } from './values';

/**
 * The one module that talks HTTP to TalentLMS v1: Basic auth (API key as user, empty password), `key:value`
 * path parameters, form bodies, string/number tolerant parsing, error mapping to coded errors, call metering
 * and quota pacing (QuotaGovernor, on the Clock). Endpoint-specific calls live with the phases that use them.
 */
export interface TalentLmsClientOptions {
  /** Origin, e.g. https://acme.talentlms.com; the API is at <baseUrl>/api/v1/. */
  baseUrl: string;
  apiKey: string;
  clock: Clock;
  logger: Logger;
  meter: CallMeter;
  redactor: Redactor;
  fetchImpl?: typeof fetch;
  /** Network timeout per request (real time: it bounds waiting on a socket, not pacing). */
  timeoutMs?: number;
  /** Attempts for GETs that fail with 5xx, 429 or a network error. */
  attempts?: number;
}

const rateLimitSchema = z.object({
  limit: z.union([z.string(), z.number()]),
  remaining: z.union([z.string(), z.number()]),
  reset: z.union([z.string(), z.number()])
});

export class TalentLmsClient {
  private governor: QuotaGovernor | null = null;
  private readonly authorization: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: TalentLmsClientOptions) {
    this.authorization = `Basic ${Buffer.from(`${options.apiKey}:`).toString('base64')}`;
    options.redactor.add(options.apiKey);
    options.redactor.add(this.authorization);
    this.fetchImpl = options.fetchImpl ?? fetch;
  }

  /** From now on every metered call goes through the governor (budget share and burst pacing). */
  useGovernor(governor: QuotaGovernor): void {
    this.governor = governor;
  }

  /**
   * GET /ratelimit: free ("does not count against your rate limit"), so it also serves as the key check.
   * A wrong key answers 401 here like anywhere else.
   */
  async rateLimit(): Promise<RateLimitInfo> {
    const body = await this.send('GET', 'ratelimit', v1Path('ratelimit'), undefined, false);
    const parsed = rateLimitSchema.safeParse(body);
    const limit = parsed.success ? asInt(parsed.data.limit) : null;
    const remaining = parsed.success ? asInt(parsed.data.remaining) : null;
    const reset = parsed.success ? asInt(parsed.data.reset) : null;
    if (limit === null || remaining === null || reset === null) {
      throw new TalentLmsApiError(
        'TALENTLMS_REQUEST_FAILED',
        'TalentLMS /ratelimit answered an unexpected shape',
        200,
        {
          data: { body: JSON.stringify(body).slice(0, 300) }
        }
      );
    }
    return { limit, remaining, resetAt: reset * 1000 };
  }

  /** GET /api/v1/<endpoint>/<key:value,…>. Retried on 5xx/429/network errors (GETs are safe to repeat). */
  get<T = unknown>(endpoint: string, params?: Params, signal?: AbortSignal): Promise<T> {
    return this.send('GET', endpoint, v1Path(endpoint, params), undefined, true, signal) as Promise<T>;
  }

  /** POST /api/v1/<endpoint> with a form body. Not retried: creates are not idempotent. */
  post<T = unknown>(endpoint: string, fields: Params, signal?: AbortSignal): Promise<T> {
    return this.send('POST', endpoint, v1Path(endpoint), formBody(fields), true, signal) as Promise<T>;
  }

  private async send(
    method: 'GET' | 'POST',
    endpoint: string,
    path: string,
    body: string | undefined,
    metered: boolean,
    signal?: AbortSignal
  ): Promise<unknown> {
    const attempts = method === 'GET' ? (this.options.attempts ?? 3) : 1;
    let lastError: SyncError | null = null;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      if (metered && this.governor) await this.governor.acquire(signal);
      try {
        return await this.once(method, endpoint, path, body, metered, signal);
      } catch (error) {
        lastError = error as SyncError;
        const code = lastError.code;
        const retryable =
          code === 'TALENTLMS_SERVER_ERROR' ||
          code === 'TALENTLMS_RATE_LIMITED' ||
          code === 'TALENTLMS_UNREACHABLE';
        // 429 after waiting out the burst window: the hour is spent (other integrations share it); stop cleanly.
        if (code === 'TALENTLMS_RATE_LIMITED' && attempt === attempts) {
          throw new QuotaExhaustedError('talentlms', { endpoint, status: 429 });
        }
        if (!retryable || attempt === attempts) throw lastError;
        this.options.logger.info('TalentLMS call failed; retrying', { endpoint, code, attempt });
        if (code === 'TALENTLMS_RATE_LIMITED' && this.governor) await this.governor.backOff(signal);
        else await this.options.clock.sleep(1_000 * 2 ** (attempt - 1), signal);
      }
    }
    throw lastError;
  }

  private async once(
    method: 'GET' | 'POST',
    endpoint: string,
    path: string,
    body: string | undefined,
    metered: boolean,
    signal?: AbortSignal
  ): Promise<unknown> {
    const url = `${this.options.baseUrl}${path}`;
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 60_000);
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers: {
          authorization: this.authorization,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' })
        },
        body,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      // A timed-out request reached the server and is metered there; a refused connection did not.
      if (metered && timeout.aborted) this.options.meter.record('talentlms');
      throw new AuthError('TALENTLMS_UNREACHABLE', `TalentLMS could not be reached (${endpoint})`, {
        data: { endpoint, reason: (error as Error)?.message?.slice(0, 200) ?? 'unknown' }
      });
    }
    if (metered) this.options.meter.record('talentlms');
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    this.options.logger.debug('TalentLMS call', { method, endpoint, status: response.status });
    if (!response.ok) throw mapTalentLmsError(response.status, parsed, endpoint);
    if (parsed === undefined) {
      throw new TalentLmsApiError(
        'TALENTLMS_REQUEST_FAILED',
        `TalentLMS ${endpoint} answered a non-JSON body`,
        response.status,
        {
          data: { endpoint }
        }
      );
    }
    return parsed;
  }
}
