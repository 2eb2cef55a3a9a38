import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { CallCounter } from '../shared/calls';
import { applyLatency, type FaultInjector } from '../shared/faults';
import type { EmulatorContext } from './context';
import { ApiError, RecordFailure } from './errors';
import { errorResponse, readBody, send, type RouteRequest, type RouteResponse } from './http';
import { loginHostToken, type TokenService } from './oauth';
import { matchRoute, routeName } from './routes';

/**
 * The HTTP side: one listener for the My Domain (token endpoint + REST API) and one standing for
 * login.salesforce.com. Every request to `/services/data/**` is a metered call (DESIGN.md "Time and calls are
 * injectable"), whatever its answer; token requests are counted apart.
 */
export interface ServerDeps {
  ctx: EmulatorContext;
  tokens: TokenService;
  calls: CallCounter;
  faults: FaultInjector;
  /** Oldest and newest API versions the org serves. */
  versions: { oldest: number; latest: number };
}

const TOKEN_PATH = '/services/oauth2/token';
const USERINFO_PATH = '/services/oauth2/userinfo';
/** Longest request URI the REST API accepts (a long SOQL query must then be shortened or sent another way). */
export const MAX_URI_LENGTH = 16384;
const DATA_PREFIX = '/services/data';

export class EmulatorServer {
  private readonly held = new Set<Socket>();
  private urls = { instanceUrl: '', loginUrl: '' };
  readonly instance: Server;
  readonly login: Server;

  constructor(private readonly deps: ServerDeps) {
    // Node's own header limit (16 KB) would cut long query URLs with a 431 before the documented 414.
    this.instance = createServer(
      { maxHeaderSize: 256 * 1024 },
      (req, res) => void this.handleInstance(req, res)
    );
    this.login = createServer((req, res) => void this.handleLogin(req, res));
  }

  async listen(
    host: string,
    ports: { instance?: number; login?: number } = {}
  ): Promise<{ instanceUrl: string; loginUrl: string }> {
    const listen = (server: Server, port = 0) =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : 0);
        });
      });
    const [instancePort, loginPort] = await Promise.all([
      listen(this.instance, ports.instance),
      listen(this.login, ports.login)
    ]);
    this.urls = { instanceUrl: `http://${host}:${instancePort}`, loginUrl: `http://${host}:${loginPort}` };
    return this.urls;
  }

  async close(): Promise<void> {
    for (const socket of this.held) socket.destroy();
    this.held.clear();
    const stop = (server: Server) =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    await Promise.all([stop(this.instance), stop(this.login)]);
  }

  private async handleLogin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://login').pathname;
    await readBody(req).catch(() => Buffer.alloc(0));
    if (req.method === 'POST' && path === TOKEN_PATH) {
      this.deps.calls.recordToken();
      send(res, loginHostToken());
      return;
    }
    if (req.method === 'GET' && path.startsWith('/id/')) return send(res, this.identity(req, path, false));
    send(res, {
      status: 404,
      body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]
    });
  }

  private async handleInstance(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://instance');
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      if (url.pathname === TOKEN_PATH) {
        const body = await readBody(req);
        this.deps.calls.recordToken();
        if (method !== 'POST')
          return send(res, {
            status: 405,
            body: { error: 'invalid_request', error_description: 'must use HTTP POST' }
          });
        return send(res, this.deps.tokens.token(body, req));
      }
      if (url.pathname === USERINFO_PATH && (method === 'GET' || method === 'POST')) {
        await readBody(req);
        return send(res, this.identity(req, url.pathname, true));
      }
      if (method === 'GET' && url.pathname.startsWith('/id/')) {
        await readBody(req);
        return send(res, this.identity(req, url.pathname, false));
      }
      if (url.pathname === DATA_PREFIX || url.pathname.startsWith(`${DATA_PREFIX}/`)) {
        return await this.handleData(req, res, url, method);
      }
      send(res, {
        status: 404,
        body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]
      });
    } catch (error) {
      if (!res.headersSent) send(res, toResponse(error));
    }
  }

  /**
   * The identity URL from the token's `id` (jsforce `conn.identity()`) and the OpenID Connect userinfo
   * endpoint (the runner's access-token mode). Neither is a metered route. Only the run-as user exists.
   */
  private identity(req: IncomingMessage, path: string, openId: boolean): RouteResponse {
    const { ctx, tokens } = this.deps;
    if (!tokens.isValid(req.headers.authorization)) {
      return { status: 403, body: 'Bad_OAuth_Token', contentType: 'text/plain' };
    }
    const [orgId, userId] = openId ? [ctx.organizationId, ctx.runAsUserId] : path.split('/').slice(2);
    const user = ctx.store.get(userId ?? '');
    if (orgId !== ctx.organizationId || !user || userId !== ctx.runAsUserId) {
      return { status: 404, body: 'Bad_Id', contentType: 'text/plain' };
    }
    const r = user.record;
    const idUrl = `${this.urls.loginUrl}/id/${orgId}/${userId}`;
    const version = '{version}';
    const urls = {
      rest: `${this.urls.instanceUrl}/services/data/v${version}/`,
      sobjects: `${this.urls.instanceUrl}/services/data/v${version}/sobjects/`,
      query: `${this.urls.instanceUrl}/services/data/v${version}/query/`,
      profile: `${this.urls.instanceUrl}/${userId}`
    };
    const common = {
      user_id: userId,
      organization_id: orgId,
      email: r.Email,
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      utcOffset: 0,
      urls,
      is_app_installed: true
    };
    if (openId) {
      return {
        status: 200,
        body: {
          sub: idUrl,
          preferred_username: r.Username,
          nickname: r.Alias,
          name: r.Name,
          email_verified: true,
          given_name: r.FirstName ?? null,
          family_name: r.LastName,
          zoneinfo: 'GMT',
          updated_at: r.LastModifiedDate,
          ...common
        }
      };
    }
    return {
      status: 200,
      body: {
        id: idUrl,
        asserted_user: true,
        username: r.Username,
        nick_name: r.Alias,
        display_name: r.Name,
        first_name: r.FirstName ?? null,
        last_name: r.LastName,
        active: r.IsActive !== false,
        last_modified_date: r.LastModifiedDate,
        ...common
      }
    };
  }

  private async handleData(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    method: string
  ): Promise<void> {
    const { ctx, calls, faults, tokens } = this.deps;
    const version = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(url.pathname);
    const path = version ? (version[2] ?? '').replace(/\/$/, '') : '';
    const name = version ? routeName(method, path) : `${method} /services/data`;
    const rawBody = await readBody(req);
    if ((req.url ?? '').length > MAX_URI_LENGTH) {
      calls.record(name, 414);
      return send(
        res,
        errorResponse(
          new ApiError(414, 'URI_TOO_LONG', `The request URI is longer than ${MAX_URI_LENGTH} characters`)
        )
      );
    }
    const hits = faults.match(method, url.pathname);
    await applyLatency(ctx.clock, faults.latencyMs(hits));
    const has = (kind: string) => hits.find((h) => h.kind === kind);
    if (has('reset')) {
      calls.record(name, 0);
      req.socket.destroy();
      return;
    }
    if (has('timeout')) {
      calls.record(name, 0);
      this.held.add(req.socket);
      req.socket.once('close', () => this.held.delete(req.socket));
      return;
    }
    const finish = (response: RouteResponse, limitHeader: boolean) => {
      calls.record(name, response.status);
      send(res, response, limitHeader ? { 'Sforce-Limit-Info': ctx.usage.header() } : {});
    };
    const statusFault = has('status');
    if (statusFault) return finish(faultResponse(statusFault.status ?? 503), true);
    if (!tokens.isValid(req.headers.authorization) || has('tokenExpiry')) {
      if (has('tokenExpiry')) tokens.expire(req.headers.authorization);
      return finish(
        errorResponse(new ApiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid')),
        false
      );
    }
    if (!ctx.permissions.hasUserPermission('ApiEnabled')) {
      return finish(
        errorResponse(new ApiError(403, 'API_CURRENTLY_DISABLED', 'API is disabled for this User')),
        false
      );
    }
    if (has('quota') || ctx.usage.exhausted()) {
      return finish(
        errorResponse(new ApiError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.')),
        true
      );
    }
    ctx.usage.record();
    if (!version) return finish(this.versionsResponse(), true);
    const requested = Number(version[1]);
    if (requested < this.deps.versions.oldest || requested > this.deps.versions.latest) {
      return finish(
        errorResponse(new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist')),
        true
      );
    }
    let response: RouteResponse;
    try {
      const { route, params } = matchRoute(method, path);
      const routeRequest: RouteRequest = {
        method,
        path,
        segments: path.split('/').filter(Boolean),
        apiVersion: version[1],
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        lockFault: !!has('lockError')
      };
      response = route.handler(ctx, routeRequest, params);
    } catch (error) {
      response = toResponse(error);
    }
    finish(response, true);
  }

  private versionsResponse(): RouteResponse {
    const versions = [];
    for (let v = this.deps.versions.oldest; v <= this.deps.versions.latest; v += 1) {
      versions.push({
        label: `v${v.toFixed(1)}`,
        url: `/services/data/v${v.toFixed(1)}`,
        version: v.toFixed(1)
      });
    }
    return { status: 200, body: versions };
  }
}

function faultResponse(status: number): RouteResponse {
  const codes: Record<number, [string, string]> = {
    429: ['REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded.'],
    500: [
      'UNKNOWN_EXCEPTION',
      'An unexpected error occurred. Please include this ErrorId if you contact support'
    ],
    502: ['SERVER_UNAVAILABLE', 'Bad gateway'],
    503: ['SERVER_UNAVAILABLE', 'Server temporarily unavailable, please try again later'],
    504: ['SERVER_UNAVAILABLE', 'Gateway timeout']
  };
  const [errorCode, message] = codes[status] ?? ['UNKNOWN_EXCEPTION', `Injected HTTP ${status}`];
  return { status, body: [{ errorCode, message }] };
}

function toResponse(error: unknown): RouteResponse {
  if (error instanceof ApiError) return errorResponse(error);
  if (error instanceof RecordFailure) {
    const first = error.errors[0];
    return errorResponse(new ApiError(400, first.statusCode, first.message, first.fields));
  }
  // A bug in the emulator: answer as Salesforce does for an internal error, and say what happened.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `[salesforce-emulator] internal error: ${error instanceof Error ? error.stack : message}\n`
  );
  return errorResponse(new ApiError(500, 'UNKNOWN_EXCEPTION', `Emulator internal error: ${message}`));
}
