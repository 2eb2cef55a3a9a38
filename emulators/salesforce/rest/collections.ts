import type { EmulatorContext } from '../context';
import { ApiError, RecordFailure, lockFailure } from '../errors';
import { jsonBody, type RouteRequest, type RouteResponse } from '../http';
import { toFailure, type SaveResult } from '../writes';
import { retrieveFields } from './records';

/**
 * sObject Collections (salesforce.md §2): create, update, upsert by external id, delete, retrieve; at most 200
 * records a call; per-record results in request order; allOrNone rolls every write of the call back.
 */
export const MAX_COLLECTION = 200;

const ROLLED_BACK = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [] as string[]
};

interface CollectionBody {
  allOrNone: boolean;
  records: Array<Record<string, unknown>>;
}

function parseCollection(req: RouteRequest): CollectionBody {
  const body = jsonBody(req) as { allOrNone?: unknown; records?: unknown };
  if (!body || typeof body !== 'object' || !Array.isArray(body.records)) {
    throw new ApiError(
      400,
      'JSON_PARSER_ERROR',
      'The request body must be {"allOrNone": boolean, "records": [...]}'
    );
  }
  tooMany(body.records.length);
  return { allOrNone: body.allOrNone === true, records: body.records as Array<Record<string, unknown>> };
}

function tooMany(count: number): void {
  if (count > MAX_COLLECTION) {
    throw new ApiError(
      400,
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${MAX_COLLECTION} records into this call`
    );
  }
}

function typeOf(record: Record<string, unknown>): string {
  const attributes = record.attributes as { type?: unknown } | undefined;
  if (!attributes || typeof attributes.type !== 'string') {
    throw RecordFailure.of('INVALID_TYPE', 'Must specify a type in attributes');
  }
  return attributes.type;
}

/** Runs one write per record inside a transaction; allOrNone turns any failure into a full rollback. */
function runAll(
  ctx: EmulatorContext,
  allOrNone: boolean,
  count: number,
  write: (index: number) => SaveResult,
  idOf: (index: number) => string | undefined
): SaveResult[] {
  return ctx.store.transaction(() => {
    const results: SaveResult[] = [];
    for (let i = 0; i < count; i += 1) {
      try {
        results.push(write(i));
      } catch (error) {
        results.push(toFailure(error, idOf(i)));
      }
    }
    const failed = results.some((r) => !r.success);
    if (!allOrNone || !failed) return { result: results, commit: true };
    const rolledBack = results.map((r, i): SaveResult => {
      if (!r.success) return r;
      const id = idOf(i);
      return id ? { id, success: false, errors: [ROLLED_BACK] } : { success: false, errors: [ROLLED_BACK] };
    });
    return { result: rolledBack, commit: false };
  });
}

function idField(record: Record<string, unknown>): string | undefined {
  const id = record.id ?? record.Id;
  return typeof id === 'string' ? id : undefined;
}

/** POST /composite/sobjects */
export function createMany(ctx: EmulatorContext, req: RouteRequest): RouteResponse {
  const { allOrNone, records } = parseCollection(req);
  const results = runAll(
    ctx,
    allOrNone,
    records.length,
    (i) => {
      if (req.lockFault) throw lockFailure();
      const record = records[i];
      return ctx.writer.create(typeOf(record), record);
    },
    () => undefined
  );
  return { status: 200, body: results };
}

/** PATCH /composite/sobjects */
export function updateMany(ctx: EmulatorContext, req: RouteRequest): RouteResponse {
  const { allOrNone, records } = parseCollection(req);
  const results = runAll(
    ctx,
    allOrNone,
    records.length,
    (i) => {
      const record = records[i];
      const id = idField(record);
      if (!id) throw RecordFailure.of('MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
      if (req.lockFault) throw lockFailure(id);
      return ctx.writer.update(typeOf(record), id, record);
    },
    (i) => idField(records[i])
  );
  return { status: 200, body: results };
}

/** PATCH /composite/sobjects/{SObject}/{ExternalIdField} */
export function upsertMany(
  ctx: EmulatorContext,
  req: RouteRequest,
  objectName: string,
  fieldName: string
): RouteResponse {
  const object = ctx.schema.object(objectName);
  if (!object || !ctx.permissions.canReadObject(object)) {
    throw new ApiError(404, 'NOT_FOUND', `The requested resource does not exist`);
  }
  const keyField = ctx.writer.upsertField(object, fieldName);
  const { allOrNone, records } = parseCollection(req);
  const repeated = repeatedKeys(records.map((r) => keyOf(r, keyField.name, keyField.caseSensitive)));
  const results = runAll(
    ctx,
    allOrNone,
    records.length,
    (i) => {
      const record = records[i];
      if (typeOf(record).toLowerCase() !== object.name.toLowerCase()) {
        throw RecordFailure.of(
          'INVALID_TYPE',
          `Only ${object.name} records may be upserted through this URI`
        );
      }
      if (fieldName.toLowerCase() !== 'id' && idField(record)) {
        throw RecordFailure.of(
          'INVALID_FIELD',
          'Record IDs must not be used when upserting by an external ID',
          ['Id']
        );
      }
      const key = keyOf(record, keyField.name, keyField.caseSensitive);
      if (key !== undefined && repeated.has(key)) {
        throw RecordFailure.of(
          'DUPLICATE_EXTERNAL_ID',
          `Duplicate external id specified: ${String(record[Object.keys(record).find((k) => k.toLowerCase() === keyField.name.toLowerCase())!])}`,
          [keyField.name]
        );
      }
      if (req.lockFault) throw lockFailure();
      return ctx.writer.upsert(object.name, fieldName, record);
    },
    () => undefined
  );
  return { status: 200, body: results };
}

/** The record's external id as the index compares it (undefined when absent). */
export function keyOf(
  record: Record<string, unknown>,
  field: string,
  caseSensitive: boolean
): string | undefined {
  const key = Object.keys(record).find((k) => k.toLowerCase() === field.toLowerCase());
  const value = key === undefined ? undefined : record[key];
  if (value === undefined || value === null || value === '') return undefined;
  return caseSensitive ? String(value) : String(value).toLowerCase();
}

/** Upsert refuses every record whose external id appears more than once in the same request. */
export function repeatedKeys(keys: Array<string | undefined>): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const key of keys) {
    if (key === undefined) continue;
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return repeated;
}

/** DELETE /composite/sobjects?ids=a,b&allOrNone=true */
export function deleteMany(ctx: EmulatorContext, req: RouteRequest): RouteResponse {
  const ids = (req.query.get('ids') ?? '').split(',').filter((id) => id !== '');
  if (ids.length === 0) throw new ApiError(400, 'MISSING_ARGUMENT', 'ids parameter is required');
  tooMany(ids.length);
  const allOrNone = req.query.get('allOrNone') === 'true';
  const results = runAll(
    ctx,
    allOrNone,
    ids.length,
    (i) => {
      if (req.lockFault) throw lockFailure(ids[i]);
      return ctx.writer.delete(ids[i]);
    },
    (i) => ids[i]
  );
  return { status: 200, body: results };
}

/** POST /composite/sobjects/{SObject} with {ids, fields}: records in id order, null where none is visible. */
export function retrieveMany(ctx: EmulatorContext, req: RouteRequest, objectName: string): RouteResponse {
  const body = jsonBody(req) as { ids?: unknown; fields?: unknown };
  if (!Array.isArray(body?.ids) || !Array.isArray(body?.fields)) {
    throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body must be {"ids": [...], "fields": [...]}');
  }
  tooMany(body.ids.length);
  return {
    status: 200,
    body: (body.ids as string[]).map((id) =>
      retrieveFields(ctx, objectName, id, body.fields as string[], req.apiVersion)
    )
  };
}
