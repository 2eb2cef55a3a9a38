import { ApiError, malformed } from '../errors';
import { isValidId, normaliseId } from '../ids';
import type { FieldDef } from '../schema';
import { parseDateTime, type StoredValue } from '../values';
import { dateLiteralRange, dateNLiteralRange, type DateRange } from './dateLiterals';

/**
 * SOQL literals in a field's domain, and the comparisons WHERE makes with them: strings compare
 * case-insensitively (ids exactly), dates and datetimes as ranges so `= TODAY` and `< 2026-01-01` share one rule,
 * null only with = and !=.
 */
export const TEXT_TYPES = ['string', 'textarea', 'email', 'url', 'phone', 'picklist', 'multipicklist'];
const NUMBER_TYPES = ['int', 'double', 'currency', 'percent'];
const DAY = 86_400_000;

/** A literal converted to the field's domain. Dates and datetimes become ranges so date literals fit. */
export type Literal =
  | { kind: 'null' }
  | { kind: 'value'; value: string | number | boolean }
  | { kind: 'range'; range: DateRange };

function unquote(raw: string): string {
  if (!/^'.*'$/s.test(raw)) throw malformed(`expected a quoted string, got ${raw}`);
  return raw.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => {
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
    if (c === '%' || c === '_') return `\\${c}`; // kept for LIKE; see likeToRegExp
    return map[c] ?? c;
  });
}

function typeMismatch(field: FieldDef, expected: string, quoted: boolean): ApiError {
  return malformed(
    `value of filter criterion for field '${field.name}' must be of type ${expected} and should ` +
      `${quoted ? '' : 'not '}be enclosed in quotes`
  );
}

export function toLiteral(
  field: FieldDef,
  literalType: string,
  raw: string,
  dateN: number | undefined,
  now: number
): Literal {
  if (literalType === 'NULL') return { kind: 'null' };
  if (literalType === 'APEX_BIND_VARIABLE') throw malformed('Bind variables are only allowed in Apex code');
  if (literalType.includes('CURRENCY'))
    throw malformed('Currency-prefixed literals are not supported by the emulator');
  const t = field.type;
  if (t === 'id' || t === 'reference') {
    if (literalType !== 'STRING') throw typeMismatch(field, 'id', true);
    const value = unquote(raw);
    if (!isValidId(value))
      throw new ApiError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${value}`);
    return { kind: 'value', value: normaliseId(value) };
  }
  if (TEXT_TYPES.includes(t)) {
    if (literalType !== 'STRING') throw typeMismatch(field, 'string', true);
    return { kind: 'value', value: unquote(raw) };
  }
  if (t === 'boolean') {
    if (literalType !== 'BOOLEAN') throw typeMismatch(field, 'boolean', false);
    return { kind: 'value', value: raw.toLowerCase() === 'true' };
  }
  if (NUMBER_TYPES.includes(t)) {
    if (literalType !== 'INTEGER' && literalType !== 'DECIMAL') throw typeMismatch(field, 'number', false);
    return { kind: 'value', value: Number(raw) };
  }
  if (t === 'date' || t === 'datetime') {
    if (literalType === 'DATE_LITERAL') return { kind: 'range', range: dateLiteralRange(raw, now) };
    if (literalType === 'DATE_N_LITERAL')
      return { kind: 'range', range: dateNLiteralRange(raw, dateN ?? NaN, now) };
    if (t === 'date' && literalType === 'DATE') {
      const start = parseDateTime(raw);
      if (start === undefined) throw malformed(`invalid date: ${raw}`);
      return { kind: 'range', range: { start, end: start + DAY } };
    }
    if (t === 'datetime' && literalType === 'DATETIME') {
      const start = parseDateTime(raw);
      if (start === undefined) throw malformed(`invalid datetime: ${raw}`);
      return { kind: 'range', range: { start, end: start + 1 } };
    }
    throw typeMismatch(field, t === 'date' ? 'date' : 'dateTime', false);
  }
  throw malformed(`Filtering on ${field.name} (${t}) is not supported by the emulator`);
}

export function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i];
    if (c === '\\' && (pattern[i + 1] === '%' || pattern[i + 1] === '_')) {
      source += pattern[i + 1];
      i += 1;
    } else if (c === '%') source += '.*';
    else if (c === '_') source += '.';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

export function plain(s: string): string {
  return s.replace(/\\([%_])/g, '$1');
}

function recordMs(field: FieldDef, value: StoredValue): number | undefined {
  if (typeof value !== 'string') return undefined;
  return parseDateTime(field.type === 'date' ? value.slice(0, 10) : value);
}

/** Compares a stored value with one literal under `op` (=, !=, <, <=, >, >=). */
export function compare(field: FieldDef, value: StoredValue, op: string, literal: Literal): boolean {
  if (literal.kind === 'null') {
    if (op === '=') return value === null;
    if (op === '!=') return value !== null;
    return false;
  }
  if (value === null) return op === '!=';
  if (literal.kind === 'range') {
    const ms = recordMs(field, value);
    if (ms === undefined) return false;
    const { start, end } = literal.range;
    switch (op) {
      case '=':
        return ms >= start && ms < end;
      case '!=':
        return ms < start || ms >= end;
      case '<':
        return ms < start;
      case '<=':
        return ms < end;
      case '>':
        return ms >= end;
      case '>=':
        return ms >= start;
    }
    return false;
  }
  let a: string | number | boolean = value;
  let b = literal.value;
  if (typeof a === 'string' && typeof b === 'string') {
    if (field.type === 'multipicklist' && (op === '=' || op === '!=')) {
      const same = sameSet(a, plain(b));
      return op === '=' ? same : !same;
    }
    if (field.type !== 'id' && field.type !== 'reference') {
      a = a.toLowerCase();
      b = plain(b).toLowerCase();
    }
  }
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
  return false;
}

/**
 * `value IN (literals)` as one lookup, the same answer as `literals.some((l) => compare(field, value, '=', l))`
 * (a long `Id IN (…)` list over a large table would otherwise compare every row with every literal). Null when
 * that shortcut does not apply (multi-select picklists, date ranges): the caller compares one by one.
 */
export function equalsAny(field: FieldDef, literals: Literal[]): ((value: StoredValue) => boolean) | null {
  if (field.type === 'multipicklist') return null;
  const exact = field.type === 'id' || field.type === 'reference';
  const strings = new Set<string>();
  const others = new Set<number | boolean>();
  let hasNull = false;
  for (const literal of literals) {
    if (literal.kind === 'range') return null;
    if (literal.kind === 'null') hasNull = true;
    else if (typeof literal.value === 'string')
      strings.add(exact ? literal.value : plain(literal.value).toLowerCase());
    // NaN equals nothing under ===, but itself in a Set.
    else if (!Number.isNaN(literal.value)) others.add(literal.value);
  }
  return (value) => {
    if (value === null) return hasNull;
    if (typeof value === 'string') return strings.has(exact ? value : value.toLowerCase());
    return others.has(value);
  };
}

function sameSet(a: string, b: string): boolean {
  const x = new Set(a.toLowerCase().split(';'));
  const y = new Set(b.toLowerCase().split(';'));
  return x.size === y.size && [...x].every((v) => y.has(v));
}
