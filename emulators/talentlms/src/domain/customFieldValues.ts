import type { EmulatorContext } from '../context';
import { parsePortalDate } from '../format/dates';
import { Messages, fail } from '../http/errors';
import type { Params } from '../http/params';
import type { CustomFieldRecord } from '../state/records';

/** Dropdown options without the `[default]` brackets (`"Blue;Green;[Brown];Grey"`). */
export function dropdownOptions(field: CustomFieldRecord): string[] {
  return (field.dropdown_values ?? '')
    .split(';')
    .map((option) => option.replace(/^\[(.*)\]$/, '$1'))
    .filter((option) => option !== '');
}

function validValue(ctx: EmulatorContext, field: CustomFieldRecord, value: string): boolean {
  if (value === '') return true;
  if (field.type === 'checkbox') return value === 'on' || value === 'off';
  if (field.type === 'dropdown') return dropdownOptions(field).includes(value);
  if (field.type === 'date') return parsePortalDate(value, ctx.settings.portal.dateFormat) !== null;
  return true;
}

/**
 * Reads `custom_field_N` parameters for the given field list. Unknown keys are ignored; invalid values (a
 * checkbox other than on/off, a dropdown value that is not an option, an unreadable date) are a 400.
 */
export function readCustomFields(
  ctx: EmulatorContext,
  params: Params,
  fields: CustomFieldRecord[],
  enforceMandatory: boolean
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = params.get(field.key);
    if (value === undefined) {
      if (enforceMandatory && field.mandatory === 'yes') fail(Messages.mandatoryCustomField);
      continue;
    }
    if (!validValue(ctx, field, value)) fail(Messages.invalidArguments);
    if (enforceMandatory && field.mandatory === 'yes' && value.trim() === '')
      fail(Messages.mandatoryCustomField);
    values[field.key] = value;
  }
  return values;
}

/** `getusersbycustomfield` matching: exact text, and dates compared as dates (`11-6-2019` finds `11/06/2019`). */
export function customValueMatches(
  ctx: EmulatorContext,
  field: CustomFieldRecord,
  stored: string,
  wanted: string
): boolean {
  if (stored === wanted) return true;
  if (field.type !== 'date') return false;
  const format = ctx.settings.portal.dateFormat;
  const a = parsePortalDate(stored, format);
  return a !== null && a === parsePortalDate(wanted, format);
}
