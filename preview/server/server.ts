import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { systemClock, type Clock } from '../../sync/src/core/clock';
import { AsyncApex } from './apex/asyncApex';
import { AuraHandledError, type ApexContext } from './apex/context';
import { findHandler, missingHandlers } from './apex/registry';
import type { RecordSource } from './data/recordSource';
import { RequestScopedSource } from './data/restSource';
import { DtoContracts } from './dtoContracts';
import { Labels } from './labels';
import { PermissionModel } from './permissions';
import type { Persona, PersonaManifest } from './personas';
import { createRecord, getRecord, UiApiError, updateRecord } from './uiApi';
import { personName, type ContactSharing } from './visibility';

export interface PreviewServerOptions {
  /** Repository root (force-app, contracts, node_modules). */
  root: string;
  /** The built bundle (`npm run preview:build`); defaults to preview/dist. */
  distDir?: string;
  source: RecordSource;
  manifest: PersonaManifest;
  namespace: string;
  clock?: Clock;
  sharing?: ContactSharing;
  port?: number;
  /** false serves the backend alone (its own tests); the default refuses to start without a built bundle. */
  requireBundle?: boolean;
}

export interface ApexCall {
  controller: string;
  method: string;
  userId: string;
  params: unknown;
  status: number;
}

export interface PreviewServer {
  url: string;
  port: number;
  personas: Persona[];
  /** Every Apex call answered, in order (tests assert on it). */
  calls: ApexCall[];
  /** The org's scheduled and queued Apex jobs (tests wait with `asyncApex.idle()`). */
  asyncApex: AsyncApex;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.html': 'text/html; charset=utf-8'
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {}
  ) {
    super(message);
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store'
  });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new HttpError(400, 'The request body must be a JSON object of parameters');
}

/** Serves a file under `base`, refusing any path that escapes it. */
function serveFile(response: ServerResponse, base: string, relativePath: string): boolean {
  const file = normalize(join(base, relativePath));
  if (!file.startsWith(resolve(base) + sep) || !existsSync(file) || !statSync(file).isFile()) return false;
  response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
  return true;
}

function indexHtml(boot: unknown): string {
  // JSON inside <script>: escape "<" so no value can close the tag.
  const json = JSON.stringify(boot).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TalentLMS · preview</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<style>html, body { background: #f3f3f3; margin: 0; }</style>
<script>window.__TLMS_PREVIEW__ = ${json};</script>
</head>
<body>
<div id="preview-root"></div>
<script type="module" src="/bundle.js"></script>
</body>
</html>
`;
}

/** The bundle exists and every Apex method it imports has a backend handler. */
export function checkBundle(distDir: string): void {
  const bundleManifestFile = join(distDir, 'preview-manifest.json');
  if (!existsSync(join(distDir, 'bundle.js')) || !existsSync(bundleManifestFile)) {
    throw new Error(`No preview bundle in ${distDir}: run \`npm run preview:build\` first`);
  }
  const bundleManifest = JSON.parse(readFileSync(bundleManifestFile, 'utf8')) as {
    apex: { controller: string; method: string }[];
  };
  const missing = missingHandlers(bundleManifest.apex);
  if (missing.length > 0) {
    throw new Error(
      `The bundle calls Apex methods the preview backend cannot answer; add handlers in preview/server/apex/: ${missing.join(', ')}`
    );
  }
}

/**
 * Starts the preview on 127.0.0.1: the built bundle, SLDS assets, and the backend the components call
 * (`POST /api/apex/<Controller>/<method>`, `POST /api/ui-api/<operation>`), answered from live records as the
 * persona the page is signed in as. Refuses to start when the bundle calls an Apex method without a handler or
 * a persona names a user the org does not have.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const distDir = options.distDir ?? join(options.root, 'preview/dist');
  if (options.requireBundle !== false) checkBundle(distDir);
  const permissions = PermissionModel.fromForceApp(options.root);
  const labels = Labels.fromForceApp(options.root);
  const contracts = DtoContracts.fromRepository(options.root);
  const clock = options.clock ?? systemClock;
  const sharing = options.sharing ?? { orgWideDefault: 'ReadWrite' };
  const assetsDir = join(options.root, 'node_modules/@salesforce-ux/design-system/assets');
  const resourcesDir = join(options.root, 'force-app/main/default/staticresources');

  const users = await options.source.list('User');
  const personas = options.manifest.personas.map((persona) => {
    const user = users.find((each) => each.Id.slice(0, 15) === persona.userId.slice(0, 15));
    if (!user)
      throw new Error(
        `Persona ${persona.key} names user ${persona.userId}, which ${options.source.description} does not have`
      );
    const unknownSets = persona.permissionSets.filter((set) => !permissions.permissionSets.includes(set));
    if (unknownSets.length > 0)
      throw new Error(`Persona ${persona.key} names unknown permission sets: ${unknownSets.join(', ')}`);
    return { ...persona, userId: user.Id, name: personName(user) || persona.name };
  });
  const boot = { personas, persona: 'learner', records: options.manifest.records };
  const calls: ApexCall[] = [];
  const asyncApex = new AsyncApex(clock, () => new RequestScopedSource(options.source));

  function contextFor(request: IncomingMessage): ApexContext {
    const userId = String(request.headers['x-preview-user'] ?? '');
    const persona = personas.find(
      (each) => each.userId.slice(0, 15) === userId.slice(0, 15) && userId.length >= 15
    );
    if (!persona)
      throw new HttpError(
        403,
        `No preview persona is signed in as "${userId}"; reload the page and pick a persona`
      );
    return {
      caller: { userId: persona.userId, viewAllData: persona.key === 'admin' },
      persona,
      source: new RequestScopedSource(options.source),
      permissions,
      labels,
      sharing,
      clock,
      namespace: options.namespace,
      asyncApex
    };
  }

  async function handleApex(
    request: IncomingMessage,
    response: ServerResponse,
    controller: string,
    method: string
  ): Promise<void> {
    const handler = findHandler(controller, method);
    if (!handler) throw new HttpError(404, `No Apex method ${controller}.${method} in the preview backend`);
    const context = contextFor(request);
    const params = await readBody(request);
    asyncApex.tick(); // scheduled jobs whose time has come fire before the org answers
    const call: ApexCall = { controller, method, userId: context.caller.userId, params, status: 200 };
    calls.push(call);
    try {
      const result = (await handler(context, params)) ?? null;
      const problems = contracts.problems(controller, method, result);
      if (problems.length > 0) {
        const message = `The answer of ${controller}.${method} breaks contracts/dto/${controller}.${method}.schema.json: ${problems.join('; ')}`;
        process.stderr.write(`preview: ${message}\n`);
        throw new HttpError(500, message, { exceptionType: 'PreviewContractViolation' });
      }
      sendJson(response, 200, result);
    } catch (error) {
      call.status = error instanceof AuraHandledError ? 400 : error instanceof HttpError ? error.status : 500;
      throw error;
    }
  }

  async function handleUiApi(
    request: IncomingMessage,
    response: ServerResponse,
    operation: string
  ): Promise<void> {
    const context = contextFor(request);
    const body = await readBody(request);
    if (operation === 'getRecord') return sendJson(response, 200, await getRecord(context, body));
    if (operation === 'updateRecord') return sendJson(response, 200, await updateRecord(context, body));
    if (operation === 'createRecord') return sendJson(response, 200, await createRecord(context, body));
    throw new HttpError(404, `The preview does not support the UI API operation ${operation}`);
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const apex = /^\/api\/apex\/(\w+)\/(\w+)$/.exec(path);
    if (apex) {
      if (request.method !== 'POST') throw new HttpError(405, 'Apex methods are called with POST');
      return handleApex(request, response, apex[1], apex[2]);
    }
    const uiApi = /^\/api\/ui-api\/(\w+)$/.exec(path);
    if (uiApi && request.method === 'POST') return handleUiApi(request, response, uiApi[1]);
    if (path === '/api/session') return sendJson(response, 200, boot);
    if (request.method !== 'GET' && request.method !== 'HEAD')
      throw new HttpError(405, `${request.method} ${path} is not supported`);
    if (path === '/' || path === '/index.html') {
      response.writeHead(200, { 'content-type': CONTENT_TYPES['.html'], 'cache-control': 'no-store' });
      response.end(indexHtml(boot));
      return;
    }
    if (path.startsWith('/assets/') && serveFile(response, assetsDir, path.slice('/assets/'.length))) return;
    if (path.startsWith('/resources/') && serveFile(response, resourcesDir, path.slice('/resources/'.length)))
      return;
    if (serveFile(response, distDir, path.slice(1))) return;
    throw new HttpError(404, `Not found: ${path}`);
  }

  const server: Server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      if (error instanceof AuraHandledError) {
        return sendJson(response, 400, {
          message: error.message,
          exceptionType: 'System.AuraHandledException'
        });
      }
      if (error instanceof UiApiError)
        return sendJson(response, error.status, { errorCode: error.errorCode, message: error.message });
      if (error instanceof HttpError)
        return sendJson(response, error.status, { message: error.message, ...error.extra });
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `preview: ${request.method} ${request.url} failed: ${error instanceof Error ? error.stack : message}\n`
      );
      sendJson(response, 500, {
        message: `The preview backend failed: ${message}`,
        exceptionType: 'PreviewBackendError'
      });
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    personas,
    calls,
    asyncApex,
    close: async () => {
      await asyncApex.idle(); // a queued job still writing must not outlive the org it writes to
      await new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      });
    }
  };
}
