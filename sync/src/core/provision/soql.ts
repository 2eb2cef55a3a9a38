import {
  DATE_LITERAL_PATTERN,
  FAMILY_BY_FIELD_TYPE,
  type FieldFamily,
  type FieldType,
  filterLogicTree,
  type FilterLogicNode,
  FIELD_PATH_PATTERN,
  type Filter,
  type FilterCondition
} from '../../settings';

/**
 * Scope filters compiled to SOQL (docs/settings.md "Filters"). Pure: no describe call here; the caller passes
 * the live field types it knows. Every value is written as a SOQL literal with SOQL's escapes, so a value
 * such as `O'Brien OR 1=1` is compared literally and can never widen the query; `%` and `_` match themselves
 * in contains/startsWith/endsWith; the "not" operators also match blank fields.
 */

export class FilterCompileError extends Error {}

/** SOQL string literal (quotes, backslashes and line breaks escaped). */
export function soqlQuoted(value: string): string {
  return `'${escapeText(value)}'`;
}

function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
}

/** A LIKE pattern whose `%` and `_` are literal: only the wildcards we add around it are wildcards. */
export function soqlLike(prefix: '%' | '', value: string, suffix: '%' | ''): string {
  const literal = escapeText(value).replace(/%/g, '\\%').replace(/_/g, '\\_');
  return `'${prefix}${literal}${suffix}'`;
}

/** A field path as SOQL reads it, re-checked here because it is written unquoted. */
export function soqlField(path: string): string {
  if (!FIELD_PATH_PATTERN.test(path)) throw new FilterCompileError(`"${path}" is not a field API name`);
  return path;
}

function soqlNumber(value: unknown, field: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new FilterCompileError(`${field} compares with a number; got ${JSON.stringify(value)}`);
  }
  // SOQL has no exponent notation.
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

function soqlDate(value: unknown, family: 'date' | 'datetime', field: string): string {
  if (typeof value === 'string' && DATE_LITERAL_PATTERN.test(value)) return value;
  const pattern =
    family === 'date' ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new FilterCompileError(`${field} compares with a ${family}; got ${JSON.stringify(value)}`);
  }
  return value;
}

/** The family a condition compiles as: the live type first, then the saved one, then the value's JSON type. */
export function familyOf(condition: FilterCondition, liveType?: string): FieldFamily {
  const known = (liveType ?? condition.fieldType) as FieldType | undefined;
  if (known && known in FAMILY_BY_FIELD_TYPE) return FAMILY_BY_FIELD_TYPE[known];
  const sample = Array.isArray(condition.value) ? condition.value[0] : condition.value;
  if (typeof sample === 'boolean') return 'boolean';
  if (typeof sample === 'number') return 'number';
  return 'text';
}

function literal(value: unknown, family: FieldFamily, field: string): string {
  switch (family) {
    case 'boolean':
      if (typeof value !== 'boolean') throw new FilterCompileError(`${field} compares with true or false`);
      return value ? 'true' : 'false';
    case 'number':
      return soqlNumber(value, field);
    case 'date':
    case 'datetime':
      return soqlDate(value, family, field);
    default:
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw new FilterCompileError(`${field} compares with a text value`);
      }
      return soqlQuoted(String(value));
  }
}

function list(value: unknown, family: FieldFamily, field: string): string {
  const values = Array.isArray(value) ? value : [value];
  if (values.length === 0) throw new FilterCompileError(`${field} needs at least one value`);
  return `(${values.map((v) => literal(v, family, field)).join(', ')})`;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new FilterCompileError(`${field} compares with a text value`);
  }
  return String(value);
}

/** One condition; the live field type (from describe) wins over the saved one. */
export function compileCondition(condition: FilterCondition, liveType?: string): string {
  const field = soqlField(condition.field);
  const family = familyOf(condition, liveType);
  const orBlank = (clause: string) => `(${field} = null OR ${clause})`;
  const v = condition.value;
  switch (condition.operator) {
    case 'equals':
      return `${field} = ${literal(v, family, field)}`;
    case 'notEquals':
      return family === 'boolean'
        ? `${field} != ${literal(v, family, field)}`
        : orBlank(`${field} != ${literal(v, family, field)}`);
    case 'lessThan':
      return `${field} < ${literal(v, family, field)}`;
    case 'lessOrEqual':
      return `${field} <= ${literal(v, family, field)}`;
    case 'greaterThan':
      return `${field} > ${literal(v, family, field)}`;
    case 'greaterOrEqual':
      return `${field} >= ${literal(v, family, field)}`;
    case 'contains':
      return `${field} LIKE ${soqlLike('%', text(v, field), '%')}`;
    case 'notContains':
      return orBlank(`(NOT ${field} LIKE ${soqlLike('%', text(v, field), '%')})`);
    case 'startsWith':
      return `${field} LIKE ${soqlLike('', text(v, field), '%')}`;
    case 'endsWith':
      return `${field} LIKE ${soqlLike('%', text(v, field), '')}`;
    case 'in':
      return `${field} IN ${list(v, family, field)}`;
    case 'notIn':
      return orBlank(`${field} NOT IN ${list(v, family, field)}`);
    case 'includes':
      return `${field} INCLUDES ${list(v, 'multipicklist', field)}`;
    case 'excludes':
      return orBlank(`${field} EXCLUDES ${list(v, 'multipicklist', field)}`);
    case 'isBlank':
      return `${field} = null`;
    case 'isNotBlank':
      return `${field} != null`;
  }
}

function compileNode(node: FilterLogicNode, compiled: string[]): string {
  if (node.kind === 'condition') return `(${compiled[node.index - 1]})`;
  if (node.kind === 'not') return `(NOT ${compileNode(node.operand, compiled)})`;
  const joiner = node.kind === 'and' ? ' AND ' : ' OR ';
  return `(${node.operands.map((operand) => compileNode(operand, compiled)).join(joiner)})`;
}

/**
 * The whole filter as one parenthesised SOQL expression, or null when it has no conditions (everyone the
 * base filter admits). `liveTypes` maps field paths to describe types.
 */
export function compileFilter(filter: Filter, liveTypes: Record<string, string> = {}): string | null {
  const tree = filterLogicTree(filter.logic, filter.conditions.length);
  if (!tree.ok) throw new FilterCompileError(tree.message);
  if (tree.tree === null) return null;
  const compiled = filter.conditions.map((condition) =>
    compileCondition(condition, liveTypes[condition.field])
  );
  return compileNode(tree.tree, compiled);
}

/** Only standard users are people: no automated, integration, portal, guest or Chatter accounts. */
export const STANDARD_USER_TYPE = 'Standard';

export interface UserBase {
  /** The integration (run-as) user, never synced. */
  runAsUserId: string;
  /** API names of User.IsActive and User.UserType (salesforce/schema.ts). */
  fields: { IsActive: string; UserType: string };
}

/** The base filter on User: active, standard licence types, never the run-as user. */
export function userBaseWhere(base: UserBase): string {
  const f = base.fields;
  return `${soqlField(f.IsActive)} = true AND ${soqlField(f.UserType)} = ${soqlQuoted(STANDARD_USER_TYPE)} AND Id != ${soqlQuoted(base.runAsUserId)}`;
}

export interface ContactBase {
  /** The org has Person Accounts (Contact.IsPersonAccount exists). */
  personAccountsEnabled: boolean;
  includePersonAccounts: boolean;
  /** API name of Contact.IsPersonAccount. */
  isPersonAccountField: string;
}

/** The base filter on Contact: Person Accounts only when included (and only where the org has them). */
export function contactBaseWhere(base: ContactBase): string | null {
  return base.personAccountsEnabled && !base.includePersonAccounts
    ? `${soqlField(base.isPersonAccountField)} = false`
    : null;
}

/** `base AND (filter)`; either may be absent. */
export function scopeWhere(base: string | null, filter: string | null): string | null {
  const parts = [base, filter].filter((part): part is string => part !== null && part !== '');
  return parts.length === 0 ? null : parts.join(' AND ');
}

export function selectQuery(object: string, fields: string[], where: string | null, extra = ''): string {
  const unique = [...new Set(['Id', ...fields.map(soqlField)])];
  return `SELECT ${unique.join(', ')} FROM ${soqlField(object)}${where ? ` WHERE ${where}` : ''}${extra ? ` ${extra}` : ''}`;
}

/** `Id IN ('…','…')` for a chunk of record ids. */
export function idIn(ids: string[], field = 'Id'): string {
  for (const id of ids) {
    if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id))
      throw new FilterCompileError(`"${id}" is not an Id`);
  }
  return `${soqlField(field)} IN (${ids.map(soqlQuoted).join(', ')})`;
}
