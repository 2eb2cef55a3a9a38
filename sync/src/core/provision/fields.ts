import type { FieldMapping } from '../../settings';
import type { PortalDateFormat, TalentLmsCustomField } from './types';

/**
 * Custom user fields (docs/settings.md "Field mappings"): Salesforce values converted per TalentLMS field
 * type, and the reference product's defaults for mandatory fields that get no value (checkbox off, date
 * today in the portal's format, dropdown its first option, text "Salesforce integration").
 */
export const DEFAULT_TEXT = 'Salesforce integration';
const MAX_TEXT = 255;

export type Conversion = { ok: true; value: string } | { ok: false; message: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** A UTC calendar day in the portal's date format (`28/07/2012` for DDMMYYYY). */
export function portalDate(year: number, month: number, day: number, format: PortalDateFormat): string {
  const [d, m, y] = [pad(day), pad(month), String(year)];
  if (format === 'MMDDYYYY') return `${m}/${d}/${y}`;
  if (format === 'YYYYMMDD') return `${y}/${m}/${d}`;
  return `${d}/${m}/${y}`;
}

export function portalDateOf(epochMs: number, format: PortalDateFormat): string {
  const date = new Date(epochMs);
  return portalDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), format);
}

/** Reads a portal-format date back (for comparison), or null. */
export function parsePortalDate(text: string, format: PortalDateFormat): string | null {
  const match = /^\s*(\d{1,4})[/-](\d{1,2})[/-](\d{1,4})/.exec(text);
  if (!match) return null;
  const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [y, m, d] = format === 'YYYYMMDD' ? [a, b, c] : format === 'MMDDYYYY' ? [c, a, b] : [c, b, a];
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

const TRUE_TEXT = new Set(['true', 'yes', '1', 'on', 'y']);
const FALSE_TEXT = new Set(['false', 'no', '0', 'off', 'n']);

/** Converts one non-blank Salesforce value to what the TalentLMS field accepts, or says why it cannot. */
export function convertValue(
  value: unknown,
  field: TalentLmsCustomField,
  dateFormat: PortalDateFormat
): Conversion {
  const text = typeof value === 'string' ? value.trim() : String(value);
  switch (field.type) {
    case 'checkbox': {
      if (typeof value === 'boolean') return { ok: true, value: value ? 'on' : 'off' };
      const lower = text.toLowerCase();
      if (TRUE_TEXT.has(lower)) return { ok: true, value: 'on' };
      if (FALSE_TEXT.has(lower)) return { ok: true, value: 'off' };
      return {
        ok: false,
        message: `"${text.slice(0, 40)}" is not a yes/no value for checkbox ${field.name}`
      };
    }
    case 'dropdown': {
      const option = field.options.find((o) => o.toLowerCase() === text.toLowerCase());
      if (option !== undefined) return { ok: true, value: option };
      return { ok: false, message: `"${text.slice(0, 40)}" is not an option of dropdown ${field.name}` };
    }
    case 'date': {
      const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
      if (!match) return { ok: false, message: `"${text.slice(0, 40)}" is not a date for ${field.name}` };
      return {
        ok: true,
        value: portalDate(Number(match[1]), Number(match[2]), Number(match[3]), dateFormat)
      };
    }
    default:
      return { ok: true, value: text.slice(0, MAX_TEXT) };
  }
}

/** The reference defaults for a mandatory field that gets no value. */
export function defaultValue(
  field: TalentLmsCustomField,
  nowMs: number,
  dateFormat: PortalDateFormat
): string {
  switch (field.type) {
    case 'checkbox':
      return 'off';
    case 'date':
      return portalDateOf(nowMs, dateFormat);
    case 'dropdown':
      return field.options[0] ?? '';
    default:
      return DEFAULT_TEXT;
  }
}

/** Two custom-field values mean the same (dates compared as dates, dropdown case kept). */
export function sameValue(
  a: string,
  b: string,
  field: TalentLmsCustomField,
  format: PortalDateFormat
): boolean {
  if (a === b) return true;
  if (field.type === 'date') {
    const [x, y] = [parsePortalDate(a, format), parsePortalDate(b, format)];
    return x !== null && x === y;
  }
  if (field.type === 'checkbox') return (a || 'off') === (b || 'off');
  return false;
}

export interface FieldProblem {
  code: 'FIELD_VALUE_INVALID' | 'CUSTOM_FIELD_MISSING' | 'BRANCH_LIMIT_REACHED';
  message: string;
}

export interface CustomFieldDecision {
  /** custom_field_N → value to send. */
  values: Record<string, string>;
  problems: FieldProblem[];
}

/**
 * What to send for a person's custom fields. `current` is the TalentLMS user's values (null for a new user).
 * For an existing user only differences are returned. A mandatory field is never emptied: it keeps its value,
 * or gets the default when it has none (so "date today" is written once, not every day).
 */
export function customFieldValues(input: {
  mappings: FieldMapping[];
  fieldValues: Record<string, unknown>;
  catalog: TalentLmsCustomField[];
  current: Record<string, string> | null;
  nowMs: number;
  dateFormat: PortalDateFormat;
}): CustomFieldDecision {
  const { mappings, fieldValues, catalog, current, nowMs, dateFormat } = input;
  const byKey = new Map(catalog.map((field) => [field.key, field]));
  const desired = new Map<string, string | null>();
  const problems: FieldProblem[] = [];
  for (const mapping of mappings) {
    const field = byKey.get(mapping.customFieldKey);
    if (!field) {
      problems.push({
        code: 'CUSTOM_FIELD_MISSING',
        message: `TalentLMS has no custom field ${mapping.customFieldKey}${mapping.customFieldName ? ` (${mapping.customFieldName})` : ''}`
      });
      continue;
    }
    const raw = fieldValues[mapping.salesforceField];
    if (isBlank(raw)) {
      if (mapping.whenEmpty === 'clear') desired.set(field.key, null);
      continue;
    }
    const converted = convertValue(raw, field, dateFormat);
    if (converted.ok) desired.set(field.key, converted.value);
    else
      problems.push({
        code: 'FIELD_VALUE_INVALID',
        message: `${mapping.salesforceField}: ${converted.message}`
      });
  }
  const values: Record<string, string> = {};
  for (const field of catalog) {
    const now = current?.[field.key] ?? '';
    let want: string | null | undefined = desired.get(field.key);
    if (field.mandatory && (want === null || want === undefined || want === '')) {
      // Never empty a mandatory field: keep what it holds, or give it the default.
      want = now !== '' ? now : defaultValue(field, nowMs, dateFormat);
    }
    if (want === undefined) continue;
    const next = want ?? '';
    if (current === null) {
      if (next !== '') values[field.key] = next;
    } else if (!sameValue(now, next, field, dateFormat)) {
      values[field.key] = next;
    }
  }
  return { values, problems };
}
