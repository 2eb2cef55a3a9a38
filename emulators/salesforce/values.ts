import { ApiError, RecordFailure } from './errors';
import { isValidId, normaliseId } from './ids';
import type { FieldDef } from './schema';

/**
 * Turns a value a client sent into the value the store keeps, rejecting what an org rejects. Deserialisation
 * problems (a string for a number, a malformed date) fail the whole request, as Salesforce's JSON parser does;
 * rule violations (too long, outside a restricted picklist) fail only the record.
 */
export type StoredValue = string | number | boolean | null;

/** `2026-11-25T09:00:00.000+0000`, the form the REST API returns datetimes in. */
export function formatDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}

export function parseDateTime(value: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    value
  );
  if (!m) return undefined;
  const zone = m[3] ? (m[3] === 'Z' ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z';
  const ms = Date.parse(`${m[1]}T${m[2] ?? '00:00:00'}${zone}`);
  return Number.isNaN(ms) ? undefined : ms;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parseError(field: FieldDef, value: unknown, what: string): ApiError {
  return new ApiError(
    400,
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${what} from ${typeof value === 'string' ? 'VALUE_STRING' : 'VALUE'} value ` +
      `${JSON.stringify(value)} or request may be missing a required field`,
    [field.name]
  );
}

export function coerceValue(field: FieldDef, value: unknown): StoredValue {
  if (value === null || value === undefined || value === '') {
    if (field.type === 'boolean') throw parseError(field, value, 'boolean');
    return null;
  }
  switch (field.type) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw parseError(field, value, 'boolean');
    case 'int':
    case 'double':
    case 'currency':
    case 'percent': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      if (!Number.isFinite(n)) throw parseError(field, value, field.type === 'int' ? 'int' : 'double');
      if (field.precision > 0) {
        const integerDigits = Math.trunc(Math.abs(n)).toString().length;
        if (integerDigits > field.precision - field.scale) {
          throw RecordFailure.of(
            'NUMBER_OUTSIDE_VALID_RANGE',
            `${field.label}: value outside of valid range on numeric field: ${n}`,
            [field.name]
          );
        }
      }
      return field.scale > 0 || field.precision === 0 ? n : Math.round(n);
    }
    case 'date': {
      if (typeof value !== 'string' || parseDateTime(value) === undefined)
        throw parseError(field, value, 'date');
      return value.slice(0, 10);
    }
    case 'datetime': {
      const ms = typeof value === 'string' ? parseDateTime(value) : undefined;
      if (ms === undefined) throw parseError(field, value, 'datetime');
      return formatDateTime(ms);
    }
    case 'id':
    case 'reference': {
      const s = String(value);
      if (!isValidId(s)) {
        throw RecordFailure.of('MALFORMED_ID', `${field.label}: id value of incorrect type: ${s}`, [
          field.name
        ]);
      }
      return normaliseId(s);
    }
    case 'address':
    case 'location':
      throw parseError(field, value, 'compound field');
    default:
      return coerceText(field, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
}

function coerceText(field: FieldDef, s: string): string {
  if (s.length > field.length) {
    throw RecordFailure.of(
      'STRING_TOO_LONG',
      `${field.label}: data value too large: ${s.length > 40 ? `${s.slice(0, 40)}...` : s} (max length=${field.length})`,
      [field.name]
    );
  }
  if (field.type === 'email' && !EMAIL.test(s)) {
    throw RecordFailure.of('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${s}`, [
      field.name
    ]);
  }
  if (field.restrictedPicklist) {
    const allowed = new Set(field.picklistValues.filter((p) => p.active).map((p) => p.value));
    const chosen = field.type === 'multipicklist' ? s.split(';') : [s];
    const bad = chosen.find((v) => !allowed.has(v));
    if (bad !== undefined) {
      throw RecordFailure.of(
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `${field.label}: bad value for restricted picklist field: ${bad}`,
        [field.name]
      );
    }
  }
  return s;
}
