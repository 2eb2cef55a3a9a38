import type { EmulatorContext } from './context';
import { ApiError, notFound } from './errors';
import type { RouteRequest, RouteResponse } from './http';
import { limitsBody } from './limits';
import { createMany, deleteMany, retrieveMany, updateMany, upsertMany } from './rest/collections';
import { describeGlobal, describeObject, objectInfo } from './rest/describe';
import { query, queryMore } from './rest/query';
import {
  createOne,
  deleteOne,
  retrieveByExternalId,
  retrieveOne,
  updateOne,
  upsertOne
} from './rest/records';

/**
 * Every route under `/services/data/vXX.X`. Each entry names the route as the call counter records it
 * (`GET /query`, `PATCH /composite/sobjects/{T}/{field}` …), so counts group requests the way DESIGN.md does.
 */
type Handler = (ctx: EmulatorContext, req: RouteRequest, params: string[]) => RouteResponse;

interface Route {
  method: string;
  pattern: RegExp;
  name: string;
  handler: Handler;
}

const SEG = '([^/]+)';
const route = (method: string, path: string, name: string, handler: Handler): Route => ({
  method,
  pattern: new RegExp(`^${path.replace(/\{[a-z]+\}/gi, SEG)}/?$`),
  name,
  handler
});

export const ROUTES: Route[] = [
  route('GET', '', 'GET /', (_c, req) => ({
    status: 200,
    body: Object.fromEntries(
      ['sobjects', 'query', 'queryAll', 'limits', 'composite', 'jobs'].map((r) => [
        r,
        `/services/data/v${req.apiVersion}/${r}`
      ])
    )
  })),
  route('GET', '/limits', 'GET /limits', (ctx) => {
    if (!ctx.permissions.hasUserPermission('ViewSetup')) {
      throw new ApiError(
        403,
        'INSUFFICIENT_ACCESS',
        'The user does not have the View Setup and Configuration permission'
      );
    }
    return { status: 200, body: limitsBody(ctx.usage, ctx.bulk.queryJobsCreated, ctx.bulk.ingestBatches) };
  }),
  route('GET', '/query', 'GET /query', (ctx, req) => query(ctx, req, false)),
  route('GET', '/queryAll', 'GET /queryAll', (ctx, req) => query(ctx, req, true)),
  route('GET', '/query/{locator}', 'GET /query/{locator}', (ctx, req, [l]) => queryMore(ctx, req, l)),
  route('GET', '/queryAll/{locator}', 'GET /queryAll/{locator}', (ctx, req, [l]) => queryMore(ctx, req, l)),
  route('GET', '/sobjects', 'GET /sobjects', (ctx, req) => ({
    status: 200,
    body: describeGlobal(ctx, req.apiVersion)
  })),
  route('GET', '/sobjects/{T}', 'GET /sobjects/{T}', (ctx, req, [t]) => ({
    status: 200,
    body: objectInfo(ctx, t, req.apiVersion)
  })),
  route('POST', '/sobjects/{T}', 'POST /sobjects/{T}', (ctx, req, [t]) => createOne(ctx, req, t)),
  route('GET', '/sobjects/{T}/describe', 'GET /sobjects/{T}/describe', (ctx, req, [t]) => ({
    status: 200,
    body: describeObject(ctx, t, req.apiVersion)
  })),
  route('GET', '/sobjects/{T}/{id}', 'GET /sobjects/{T}/{id}', (ctx, req, [t, id]) =>
    retrieveOne(ctx, req, t, id)
  ),
  route('PATCH', '/sobjects/{T}/{id}', 'PATCH /sobjects/{T}/{id}', (ctx, req, [t, id]) =>
    updateOne(ctx, req, t, id)
  ),
  route('DELETE', '/sobjects/{T}/{id}', 'DELETE /sobjects/{T}/{id}', (ctx, req, [t, id]) =>
    deleteOne(ctx, req, t, id)
  ),
  route('GET', '/sobjects/{T}/{field}/{value}', 'GET /sobjects/{T}/{field}/{value}', (ctx, req, [t, f, v]) =>
    retrieveByExternalId(ctx, req, t, f, v)
  ),
  route(
    'PATCH',
    '/sobjects/{T}/{field}/{value}',
    'PATCH /sobjects/{T}/{field}/{value}',
    (ctx, req, [t, f, v]) => upsertOne(ctx, req, t, f, v)
  ),
  route('POST', '/composite/sobjects', 'POST /composite/sobjects', (ctx, req) => createMany(ctx, req)),
  route('PATCH', '/composite/sobjects', 'PATCH /composite/sobjects', (ctx, req) => updateMany(ctx, req)),
  route('DELETE', '/composite/sobjects', 'DELETE /composite/sobjects', (ctx, req) => deleteMany(ctx, req)),
  route('POST', '/composite/sobjects/{T}', 'POST /composite/sobjects/{T}', (ctx, req, [t]) =>
    retrieveMany(ctx, req, t)
  ),
  route(
    'PATCH',
    '/composite/sobjects/{T}/{field}',
    'PATCH /composite/sobjects/{T}/{field}',
    (ctx, req, [t, f]) => upsertMany(ctx, req, t, f)
  ),
  route('POST', '/jobs/query', 'POST /jobs/query', (ctx, req) => ctx.bulk.createQuery(req)),
  route('GET', '/jobs/query', 'GET /jobs/query', (ctx) => ctx.bulk.list('query')),
  route('GET', '/jobs/query/{id}', 'GET /jobs/query/{id}', (ctx, _r, [id]) => ctx.bulk.status('query', id)),
  route('PATCH', '/jobs/query/{id}', 'PATCH /jobs/query/{id}', (ctx, req, [id]) =>
    ctx.bulk.patch('query', req, id)
  ),
  route('DELETE', '/jobs/query/{id}', 'DELETE /jobs/query/{id}', (ctx, _r, [id]) =>
    ctx.bulk.remove('query', id)
  ),
  route('GET', '/jobs/query/{id}/results', 'GET /jobs/query/{id}/results', (ctx, req, [id]) =>
    ctx.bulk.results(req, id)
  ),
  route('POST', '/jobs/ingest', 'POST /jobs/ingest', (ctx, req) => ctx.bulk.createIngest(req)),
  route('GET', '/jobs/ingest', 'GET /jobs/ingest', (ctx) => ctx.bulk.list('ingest')),
  route('GET', '/jobs/ingest/{id}', 'GET /jobs/ingest/{id}', (ctx, _r, [id]) =>
    ctx.bulk.status('ingest', id)
  ),
  route('PATCH', '/jobs/ingest/{id}', 'PATCH /jobs/ingest/{id}', (ctx, req, [id]) =>
    ctx.bulk.patch('ingest', req, id)
  ),
  route('DELETE', '/jobs/ingest/{id}', 'DELETE /jobs/ingest/{id}', (ctx, _r, [id]) =>
    ctx.bulk.remove('ingest', id)
  ),
  route('PUT', '/jobs/ingest/{id}/batches', 'PUT /jobs/ingest/{id}/batches', (ctx, req, [id]) =>
    ctx.bulk.upload(req, id)
  ),
  route(
    'GET',
    '/jobs/ingest/{id}/successfulResults',
    'GET /jobs/ingest/{id}/successfulResults',
    (ctx, _r, [id]) => ctx.bulk.ingestResults(id, 'successfulResults')
  ),
  route('GET', '/jobs/ingest/{id}/failedResults', 'GET /jobs/ingest/{id}/failedResults', (ctx, _r, [id]) =>
    ctx.bulk.ingestResults(id, 'failedResults')
  ),
  route(
    'GET',
    '/jobs/ingest/{id}/unprocessedrecords',
    'GET /jobs/ingest/{id}/unprocessedrecords',
    (ctx, _r, [id]) => ctx.bulk.ingestResults(id, 'unprocessedrecords')
  )
];

/** Finds the route for a path; unknown paths are 404 NOT_FOUND, a known path with another method is 405. */
export function matchRoute(method: string, path: string): { route: Route; params: string[] } {
  let pathKnown = false;
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    pathKnown = true;
    if (r.method === method) return { route: r, params: m.slice(1).map(decodeURIComponent) };
  }
  if (pathKnown)
    throw new ApiError(
      405,
      'METHOD_NOT_ALLOWED',
      `HTTP Method '${method}' not allowed. Allowed are GET,POST,PATCH,PUT,DELETE`
    );
  throw notFound();
}

/** The route name a request is counted under (paths that match nothing count as `<METHOD> <unknown>`). */
export function routeName(method: string, path: string): string {
  try {
    return matchRoute(method, path).route.name;
  } catch {
    return `${method} <unknown>`;
  }
}
