import type { EmulatorContext } from '../context';
import { ApiError, RecordFailure, lockFailure, notFound } from '../errors';
import { jsonBody, type RouteRequest, type RouteResponse } from '../http';
import { isValidId } from '../ids';
import type { FieldDef } from '../schema';
import { readField } from '../store';
import { visibleObject } from './describe';

/**
 * The single-record routes jsforce uses: POST /sobjects/{T}, GET|PATCH|DELETE /sobjects/{T}/{id},
 * GET|PATCH /sobjects/{T}/{field}/{value}. Failures are top-level error arrays (errorCode = the statusCode).
 */
function asApiError(error: unknown): never {
  if (error instanceof RecordFailure) {
    const first = error.errors[0];
    throw new ApiError(
      first.statusCode === 'NOT_FOUND' ? 404 : 400,
      first.statusCode,
      first.message,
      first.fields
    );
  }
  throw error;
}

function recordBody(req: RouteRequest): Record<string, unknown> {
  const body = jsonBody(req);
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

export function createOne(ctx: EmulatorContext, req: RouteRequest, objectName: string): RouteResponse {
  try {
    if (req.lockFault) throw lockFailure();
    const result = ctx.store.transaction(() => ({
      result: ctx.writer.create(objectName, recordBody(req)),
      commit: true
    }));
    return { status: 201, body: { id: result.id, success: true, errors: [] } };
  } catch (error) {
    return asApiError(error);
  }
}

export function updateOne(
  ctx: EmulatorContext,
  req: RouteRequest,
  objectName: string,
  id: string
): RouteResponse {
  visibleObject(ctx, objectName);
  const hit = ctx.store.get(id);
  if (!hit || hit.def.name.toLowerCase() !== objectName.toLowerCase() || hit.record.IsDeleted === true)
    throw notFound();
  try {
    if (req.lockFault) throw lockFailure(id);
    ctx.writer.update(objectName, id, recordBody(req));
    return { status: 204 };
  } catch (error) {
    return asApiError(error);
  }
}

export function deleteOne(
  ctx: EmulatorContext,
  req: RouteRequest,
  objectName: string,
  id: string
): RouteResponse {
  visibleObject(ctx, objectName);
  const hit = ctx.store.get(id);
  if (!hit || hit.def.name.toLowerCase() !== objectName.toLowerCase()) throw notFound();
  if (hit.record.IsDeleted === true) throw new ApiError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
  try {
    if (req.lockFault) throw lockFailure(id);
    ctx.writer.delete(id);
    return { status: 204 };
  } catch (error) {
    return asApiError(error);
  }
}

/** PATCH /sobjects/{T}/{field}/{value}: 201 with a body when created, 204 when an existing record was updated. */
export function upsertOne(
  ctx: EmulatorContext,
  req: RouteRequest,
  objectName: string,
  field: string,
  value: string
): RouteResponse {
  const object = visibleObject(ctx, objectName);
  ctx.writer.upsertField(object, field);
  try {
    if (req.lockFault) throw lockFailure();
    const result = ctx.writer.upsert(object.name, field, recordBody(req), value);
    if (result.created)
      return { status: 201, body: { id: result.id, success: true, errors: [], created: true } };
    return { status: 204 };
  } catch (error) {
    if (error instanceof RecordFailure && error.errors[0].statusCode === 'DUPLICATE_EXTERNAL_ID') {
      // Several records share the value: 300 Multiple Choices with their URLs (salesforce.md §2).
      const ids = /\[(.*)\]/.exec(error.errors[0].message)?.[1].split(', ') ?? [];
      return {
        status: 300,
        body: ids.map((id) => `/services/data/v${req.apiVersion}/sobjects/${object.name}/${id}`)
      };
    }
    return asApiError(error);
  }
}

/** One record with the requested (or every readable) field, or null when it is not visible. */
export function retrieveFields(
  ctx: EmulatorContext,
  objectName: string,
  id: string,
  fieldNames: string[] | undefined,
  apiVersion: string
): Record<string, unknown> | null {
  const object = visibleObject(ctx, objectName);
  if (!isValidId(id)) return null;
  const hit = ctx.store.get(id);
  if (!hit || hit.def !== object || hit.record.IsDeleted === true) return null;
  let fields: FieldDef[];
  if (fieldNames && fieldNames.length > 0) {
    fields = fieldNames.map((name) => {
      const field = object.byName.get(name.trim().toLowerCase());
      if (!field || !ctx.permissions.canReadField(object, field)) {
        throw new ApiError(400, 'INVALID_FIELD', `No such column '${name}' on entity '${object.name}'`);
      }
      return field;
    });
  } else {
    fields = object.fields.filter(
      (f) => ctx.permissions.canReadField(object, f) && f.type !== 'address' && f.type !== 'location'
    );
  }
  const out: Record<string, unknown> = {
    attributes: {
      type: object.name,
      url: `/services/data/v${apiVersion}/sobjects/${object.name}/${hit.record.Id}`
    }
  };
  for (const field of fields) out[field.name] = readField(hit.record, field);
  return out;
}

export function retrieveOne(
  ctx: EmulatorContext,
  req: RouteRequest,
  objectName: string,
  id: string
): RouteResponse {
  const fields = req.query.get('fields')?.split(',').filter(Boolean);
  const record = retrieveFields(ctx, objectName, id, fields, req.apiVersion);
  if (!record) throw notFound();
  return { status: 200, body: record };
}

/** GET /sobjects/{T}/{field}/{value} */
export function retrieveByExternalId(
  ctx: EmulatorContext,
  req: RouteRequest,
  objectName: string,
  fieldName: string,
  value: string
): RouteResponse {
  const object = visibleObject(ctx, objectName);
  const field = ctx.writer.upsertField(object, fieldName);
  const matches = ctx.store
    .rows(object.name)
    .filter((r) => r.IsDeleted !== true && r[field.name] != null)
    .filter((r) =>
      field.caseSensitive
        ? String(r[field.name]) === value
        : String(r[field.name]).toLowerCase() === value.toLowerCase()
    );
  if (matches.length === 0) throw notFound();
  if (matches.length > 1) {
    return {
      status: 300,
      body: matches.map((m) => `/services/data/v${req.apiVersion}/sobjects/${object.name}/${m.Id}`)
    };
  }
  return retrieveOne(ctx, req, object.name, matches[0].Id as string);
}
