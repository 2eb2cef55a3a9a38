import type { EmulatorContext } from '../context';
import { ApiError } from '../errors';
import type { RouteRequest, RouteResponse } from '../http';
import { compileQuery } from '../soql/compile';
import { batchSizeFor } from '../soql/cursors';
import { projectRecord, runQuery } from '../soql/execute';

/** GET /query?q= and /queryAll?q= (deleted and merged rows included). */
export function query(ctx: EmulatorContext, req: RouteRequest, includeDeleted: boolean): RouteResponse {
  const soql = req.query.get('q');
  if (!soql) throw new ApiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  const compiled = compileQuery(soql, ctx.schema, ctx.permissions, ctx.clock.now());
  const rows = runQuery(compiled, ctx.store, includeDeleted);
  if (compiled.countOnly) return { status: 200, body: { totalSize: rows.length, done: true, records: [] } };
  const records = rows.map((r) => projectRecord(compiled, ctx.store, r, req.apiVersion));
  const batch = batchSizeFor(compiled, req.headers['sforce-query-options']);
  return { status: 200, body: ctx.cursors.firstPage(records, batch, req.apiVersion) };
}

/** GET /query/{locator} (also reached from /queryAll/{locator}). */
export function queryMore(ctx: EmulatorContext, req: RouteRequest, locator: string): RouteResponse {
  return { status: 200, body: ctx.cursors.next(locator, req.apiVersion) };
}
