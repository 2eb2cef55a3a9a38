import { parseQuery, type FieldType, type OrderByClause, type Query } from '@jetstreamapp/soql-parser-js';
import { ApiError, invalidType, malformed } from '../errors';
import type { ObjectDef, Schema } from '../schema';
import { invalidField, resolvePath, type Access, type FieldPath } from './paths';
import { compileWhere, type Predicate, type Runtime } from './where';

export interface OrderKey {
  path: FieldPath;
  descending: boolean;
  nullsFirst: boolean;
}

/** A query checked against the schema and the running user's access, ready to run. */
export interface CompiledQuery {
  soql: string;
  object: ObjectDef;
  countOnly: boolean;
  select: FieldPath[];
  where?: Predicate;
  orderBy: OrderKey[];
  limit?: number;
  offset?: number;
}

export const MAX_OFFSET = 2000;

function parse(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw malformed(`\n${soql}\n^\nERROR at Row:1:Column:1\n${message}`);
  }
}

/** Anything the evaluator cannot do exactly is refused, never approximated by a wider result. */
function refuseUnsupported(query: Query): void {
  const unsupported: Array<[unknown, string]> = [
    [query.groupBy, 'GROUP BY'],
    [query.having, 'HAVING'],
    [query.for, 'FOR VIEW/REFERENCE/UPDATE'],
    [query.update, 'UPDATE TRACKING/VIEWSTAT'],
    [query.withDataCategory, 'WITH DATA CATEGORY'],
    [query.usingScope, 'USING SCOPE'],
    [query.sObjectAlias, 'object aliases'],
    [query.withAccessLevel, 'WITH USER_MODE/SYSTEM_MODE (Apex only)']
  ];
  for (const [present, what] of unsupported) {
    if (present) throw malformed(`${what} is not supported by the emulator`);
  }
}

function selectedFieldText(field: FieldType): string {
  switch (field.type) {
    case 'Field':
      if (field.alias || 'objectPrefix' in field)
        throw malformed('Field aliases are not supported by the emulator');
      return field.field;
    case 'FieldRelationship':
      if ('alias' in field && field.alias) throw malformed('Field aliases are not supported by the emulator');
      return [...field.relationships, field.field].join('.');
    case 'FieldSubquery':
      throw malformed('Child relationship subqueries are not supported by the emulator');
    case 'FieldTypeof':
      throw malformed('TYPEOF is not supported by the emulator');
    default:
      throw malformed(
        `${field.rawValue ?? field.functionName}: functions in SELECT are not supported by the emulator`
      );
  }
}

function isCountAll(field: FieldType): boolean {
  return (
    field.type === 'FieldFunctionExpression' &&
    field.functionName.toUpperCase() === 'COUNT' &&
    field.parameters.length === 0 &&
    !field.alias
  );
}

/** Documented default maximum length of a SOQL statement. */
export const MAX_SOQL_LENGTH = 100_000;

export function compileQuery(soql: string, schema: Schema, access: Access, now: number): CompiledQuery {
  if (soql.length > MAX_SOQL_LENGTH) {
    throw malformed(`SOQL statements cannot be longer than ${MAX_SOQL_LENGTH} characters`);
  }
  return compileParsed(parse(soql.trim()), soql.trim(), schema, access, now);
}

function compileParsed(
  query: Query,
  soql: string,
  schema: Schema,
  access: Access,
  now: number
): CompiledQuery {
  refuseUnsupported(query);
  const name = query.sObject ?? '';
  const object = schema.object(name);
  if (!object || !access.canReadObject(object)) throw invalidType(name);
  const fields = query.fields ?? [];
  const countOnly = fields.some(isCountAll);
  if (countOnly && fields.length > 1) throw malformed('COUNT() must be the only element in the SELECT list');
  const select: FieldPath[] = [];
  if (!countOnly) {
    const seen = new Set<string>();
    for (const field of fields) {
      const path = resolvePath(schema, access, object, selectedFieldText(field), soql);
      const key = [...path.relationships.map((r) => r.name), path.field.name].join('.').toLowerCase();
      if (seen.has(key)) throw malformed(`duplicate field selected: ${path.text}`);
      seen.add(key);
      select.push(path);
    }
  }
  const where = query.where
    ? compileWhere(query.where, {
        schema,
        access,
        object,
        soql,
        now,
        compileSemiJoin: (sub) => compileSemiJoin(sub, soql, schema, access, now)
      })
    : undefined;
  const orderBy = toArray(query.orderBy).map((clause) => compileOrder(clause, schema, access, object, soql));
  if (countOnly && orderBy.length > 0) throw malformed('ORDER BY is not allowed with COUNT()');
  if (query.offset !== undefined && query.offset > MAX_OFFSET) {
    throw new ApiError(400, 'NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`);
  }
  return { soql, object, countOnly, select, where, orderBy, limit: query.limit, offset: query.offset };
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function compileOrder(
  clause: OrderByClause,
  schema: Schema,
  access: Access,
  object: ObjectDef,
  soql: string
): OrderKey {
  if (!('field' in clause)) throw malformed('Functions in ORDER BY are not supported by the emulator');
  const path = resolvePath(schema, access, object, clause.field, soql);
  if (path.field.type === 'textarea' && path.field.length > 255) {
    throw invalidField(soql, clause.field, `field '${path.field.name}' can not be sorted in a query call`);
  }
  const descending = clause.order === 'DESC';
  // Salesforce puts nulls first in ascending order and last in descending order unless told otherwise.
  const nullsFirst = clause.nulls ? clause.nulls === 'FIRST' : !descending;
  return { path, descending, nullsFirst };
}

function compileSemiJoin(sub: Query, soql: string, schema: Schema, access: Access, now: number) {
  const fields = sub.fields ?? [];
  if (fields.length !== 1 || fields[0].type !== 'Field') {
    throw malformed('A semi-join subquery must select exactly one Id or reference field');
  }
  if (sub.orderBy || sub.limit !== undefined || sub.offset !== undefined) {
    throw malformed('ORDER BY, LIMIT and OFFSET are not supported in semi-join subqueries');
  }
  const compiled = compileParsed(sub, soql, schema, access, now);
  const selected = compiled.select[0];
  if (selected.field.type !== 'id' && selected.field.type !== 'reference') {
    throw malformed('A semi-join subquery must select an Id or reference field');
  }
  return (rt: Runtime): Set<string> => {
    const ids = new Set<string>();
    for (const record of rt.store.rows(compiled.object.name)) {
      if (record.IsDeleted === true) continue;
      if (compiled.where && !compiled.where(record, rt)) continue;
      const value = record[selected.field.name];
      if (typeof value === 'string') ids.add(value);
    }
    return ids;
  };
}
