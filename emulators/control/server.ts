import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Harness } from '../harness';
import { ControlError, ROUTES } from './routes';

export interface ControlServer {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 1_000_000;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The control API: JSON over HTTP on 127.0.0.1 only. Besides binding to loopback it refuses requests whose Host
 * or Origin is not loopback, so a web page in a browser on the same machine cannot drive it (DNS rebinding).
 */
export async function startControlServer(
  harness: Harness,
  options: { port?: number } = {}
): Promise<ControlServer> {
  const server = createServer((req, res) => {
    void handle(harness, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function isLoopbackHost(value: string | undefined): boolean {
  if (!value) return false;
  const host = value
    .replace(/^https?:\/\//, '')
    .replace(/:\d+$/, '')
    .replace(/^\[|\]$/g, '');
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ControlError(413, 'BODY_TOO_LARGE', 'Request bodies are limited to 1 MB');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ControlError(400, 'BAD_JSON', 'The body must be a JSON object');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ControlError(400, 'BAD_JSON', 'The body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

async function handle(harness: Harness, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '') || !isLoopbackHost(req.headers.host)) {
      throw new ControlError(403, 'LOOPBACK_ONLY', 'The control API answers loopback requests only');
    }
    if (req.headers.origin !== undefined && !isLoopbackHost(req.headers.origin)) {
      throw new ControlError(403, 'LOOPBACK_ONLY', 'Cross-origin requests are refused');
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/+$/, '') || '/';
    if (req.method === 'GET' && path === '/') {
      send(res, 200, {
        routes: ROUTES.map((r) => ({
          method: r.method,
          path: r.pattern.source.replace(/^\^|\$$/g, '').replace(/\\\//g, '/'),
          doc: r.doc
        }))
      });
      return;
    }
    const matching = ROUTES.filter((r) => r.pattern.test(path));
    if (matching.length === 0)
      throw new ControlError(404, 'NOT_FOUND', `No control route ${path}; GET / lists them`);
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      throw new ControlError(
        405,
        'METHOD_NOT_ALLOWED',
        `${path} takes ${matching.map((r) => r.method).join(' or ')}`
      );
    }
    const body = req.method === 'GET' ? {} : await readJson(req);
    const params = (route.pattern.exec(path) ?? []).slice(1);
    send(res, 200, route.handler(harness, body, params));
  } catch (error) {
    if (error instanceof ControlError)
      send(res, error.status, { error: { code: error.code, message: error.message } });
    else send(res, 500, { error: { code: 'INTERNAL', message: (error as Error).message } });
  }
}
