import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { CallCounter } from '../../../shared/calls';
import { type ActiveFault, type FaultInjector, applyLatency } from '../../../shared/faults';
import type { EmulatorContext } from '../context';
import { applyScheduledDeactivations } from '../domain/portal';
import { hasValidKey } from './auth';
import { ApiError, Messages, statusFor } from './errors';
import { Params, matchApiPath, parsePathParams } from './params';
import type { Admission } from './rateLimit';
import { ENDPOINTS, UNMETERED } from './router';

const MAX_BODY_BYTES = 1_000_000;

export interface ServerDeps {
  ctx: EmulatorContext;
  calls: CallCounter;
  faults: FaultInjector;
  /** Sockets held open by `timeout` faults, destroyed on close. */
  heldSockets: Set<Socket>;
  /** The last unexpected handler error (answered as a 500), for debugging tests. */
  onInternalError(error: unknown): void;
}

/** Answered without a body: the socket is destroyed (reset) or held (timeout). */
class NoAnswer {
  constructor(readonly kind: 'reset' | 'timeout') {}
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function bodyParams(
  ctx: EmulatorContext,
  req: IncomingMessage,
  body: string
): URLSearchParams | Record<string, unknown> {
  if (body === '') return {};
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('application/json')) {
    if (!ctx.settings.quirks.acceptJsonBodies) return {}; // v1 reads form fields only
    try {
      const parsed: unknown = JSON.parse(body);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  }
  if (type.includes('multipart/')) return {};
  return new URLSearchParams(body);
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const contentType =
    typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    ...headers
  });
  res.end(text);
}

function rateLimitHeaders(ctx: EmulatorContext, admission?: Admission): Record<string, string> {
  if (!ctx.settings.quirks.rateLimitHeaders) return {};
  const snapshot = ctx.rateLimiter.snapshot();
  const headers: Record<string, string> = {
    'X-RateLimit-Limit': String(snapshot.limit),
    'X-RateLimit-Remaining': String(snapshot.remaining),
    'X-RateLimit-Reset': String(Math.floor(snapshot.resetMs / 1000))
  };
  if (admission && !admission.ok) headers['Retry-After'] = String(Math.ceil(admission.retryAfterMs / 1000));
  return headers;
}

/** Status faults answer with the body the API would send for that status. */
function faultError(status: number): ApiError {
  if (status === 429) return new ApiError(429, Messages.rateLimited);
  if (status === 401) return new ApiError(401, Messages.invalidKey);
  if (status === 403) return new ApiError(403, Messages.apiDisabled);
  if (status >= 500) return new ApiError(status, Messages.internal, 'api_error');
  return new ApiError(status, Messages.invalidArguments);
}

async function applyFaults(
  deps: ServerDeps,
  req: IncomingMessage,
  pathname: string,
  metered: boolean
): Promise<void> {
  let hits: ActiveFault[] = deps.faults.match(req.method ?? 'GET', pathname, [
    'latency',
    'status',
    'timeout',
    'reset',
    'quota'
  ]);
  // A rule without a route covers every metered route; /ratelimit is hit only when named.
  if (!metered) hits = hits.filter((rule) => rule.route !== undefined);
  await applyLatency(deps.ctx.clock, deps.faults.latencyMs(hits));
  for (const rule of hits) {
    if (rule.kind === 'reset' || rule.kind === 'timeout') throw new NoAnswer(rule.kind);
    if (rule.kind === 'status') throw faultError(rule.status ?? 500);
    if (rule.kind === 'quota') deps.ctx.rateLimiter.exhaust();
  }
}

/**
 * The request pipeline: route → faults → auth (401) → API switch (403) → rate limits (429) → endpoint.
 * Every request to /api/v1/** except /ratelimit is one metered call, whatever its answer (DESIGN.md).
 */
export async function handleRequest(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const { ctx } = deps;
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  const route = matchApiPath(url.pathname);
  const endpointName = route?.endpoint ?? null;
  const metered =
    url.pathname.startsWith('/api/v1') && !(endpointName !== null && UNMETERED.has(endpointName));
  let status = 200;
  let counted = metered;
  let admission: Admission | undefined;
  try {
    const body = await readBody(req);
    if (url.pathname.startsWith('/api/v1')) await applyFaults(deps, req, url.pathname, metered);
    if (!hasValidKey(req, ctx.settings.apiKey)) {
      status = 401;
      if (ctx.settings.quirks.unauthorizedBody === 'text') {
        send(res, 401, 'You need a valid user and password', {
          'WWW-Authenticate': 'Basic realm="TalentLMS API"'
        });
        return;
      }
      throw new ApiError(401, Messages.invalidKey);
    }
    if (!ctx.settings.apiEnabled || !ctx.settings.domainActive) throw new ApiError(403, Messages.apiDisabled);
    if (metered) {
      admission = ctx.rateLimiter.admit();
      if (!admission.ok) throw new ApiError(ctx.settings.rateLimitStatus, Messages.rateLimited);
    }
    const endpoint = endpointName === null ? undefined : ENDPOINTS.get(endpointName);
    if (!route || !endpoint) throw new ApiError(404, Messages.unknownAction);
    if (endpoint.style === 'post' && req.method !== 'POST')
      throw new ApiError(400, Messages.invalidArguments);
    const pathParams = parsePathParams(route.rawParams, ctx.settings.quirks.plusAsSpaceInPath);
    const params = Params.merge(pathParams, bodyParams(ctx, req, body), url.searchParams);
    applyScheduledDeactivations(ctx);
    const result = endpoint.handle(ctx, params);
    send(res, 200, result, rateLimitHeaders(ctx));
  } catch (error) {
    if (error instanceof NoAnswer) {
      status = 0;
      if (error.kind === 'reset') {
        // A client cannot tell a reset from a refused connection, so neither side counts it; a timeout
        // is counted (the client knows the request was sent and meters it too).
        counted = false;
        req.socket.destroy();
      } else {
        deps.heldSockets.add(req.socket);
        req.socket.once('close', () => deps.heldSockets.delete(req.socket));
      }
      return;
    }
    const apiError = error instanceof ApiError ? error : new ApiError(500, Messages.internal, 'api_error');
    if (!(error instanceof ApiError)) deps.onInternalError(error);
    status = statusFor(apiError, ctx.settings.quirks.errorStatus);
    send(res, status, apiError.body(), rateLimitHeaders(ctx, admission));
  } finally {
    if (counted) deps.calls.record(endpointName ?? 'unknown', status);
  }
}
