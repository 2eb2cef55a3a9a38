/**
 * Helpers the Setup tab's components share: what value an operator takes, turning what an admin types into
 * the JSON the settings document holds (and back), and immutable updates of the draft. The operators a field
 * allows come from Apex (SetupController.getFieldOptions), so the tables of sync/src/settings live in one
 * place per side.
 */

/** What `value` an operator takes: nothing, one value, or a list (docs/settings.md "Operators"). */
export const SHAPE_BY_OPERATOR = {
  equals: 'scalar',
  notEquals: 'scalar',
  lessThan: 'scalar',
  lessOrEqual: 'scalar',
  greaterThan: 'scalar',
  greaterOrEqual: 'scalar',
  contains: 'scalar',
  notContains: 'scalar',
  startsWith: 'scalar',
  endsWith: 'scalar',
  in: 'list',
  notIn: 'list',
  includes: 'list',
  excludes: 'list',
  isBlank: 'none',
  isNotBlank: 'none'
};

const NUMBER_TYPES = ['int', 'long', 'double', 'currency', 'percent'];
const LIST_SEPARATOR = /\s*;\s*/;

export const MAX_CONDITIONS = 20;
export const MAX_MAPPINGS = 20;

/** A deep copy of plain JSON data. */
export function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** A copy of `document` with the value at a dotted path replaced. */
export function setPath(document, path, value) {
  const copy = clone(document);
  const keys = path.split('.');
  let node = copy;
  keys.slice(0, -1).forEach((key) => {
    node = node[key];
  });
  node[keys[keys.length - 1]] = value;
  return copy;
}

function parseOne(fieldType, text) {
  const trimmed = String(text).trim();
  if (NUMBER_TYPES.includes(fieldType) && trimmed !== '' && !Number.isNaN(Number(trimmed))) {
    return Number(trimmed);
  }
  if (fieldType === 'boolean' && (trimmed === 'true' || trimmed === 'false')) {
    return trimmed === 'true';
  }
  return trimmed;
}

/**
 * The JSON value for what the admin typed: nothing for isBlank/isNotBlank, a list (split on ";") for
 * in/notIn/includes/excludes, otherwise one value; numbers and booleans become JSON numbers and booleans.
 * Anything that does not fit stays text, so the validator can name the problem.
 * @param {String} fieldType the describe type
 * @param {String} operator the operator
 * @param {String} text what the admin typed
 * @return {*} the value, or undefined for none
 */
export function parseConditionValue(fieldType, operator, text) {
  const shape = SHAPE_BY_OPERATOR[operator];
  if (shape === 'none' || text === undefined || text === null || String(text).trim() === '') {
    return undefined;
  }
  if (shape === 'list') {
    return String(text)
      .split(LIST_SEPARATOR)
      .filter((part) => part !== '')
      .map((part) => parseOne(fieldType, part));
  }
  return parseOne(fieldType, text);
}

/** What the value input shows for a stored value. */
export function formatConditionValue(value) {
  if (value === undefined || value === null) {
    return '';
  }
  return Array.isArray(value) ? value.join('; ') : String(value);
}

/** Options for lightning-combobox from field options, by label. */
export function fieldComboboxOptions(fields, predicate) {
  return (fields || [])
    .filter((field) => !predicate || predicate(field))
    .map((field) => ({ label: `${field.label} (${field.path})`, value: field.path }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** A share 0–1 as a percentage for an input, and back. */
export function toPercent(share) {
  return typeof share === 'number' ? Math.round(share * 10000) / 100 : null;
}

export function fromPercent(text) {
  const number = Number(text);
  return text === '' || text === null || Number.isNaN(number) ? text : Math.round(number * 100) / 10000;
}

/** A whole number from an input, or the text itself when it is not one (the validator names it). */
export function toInteger(text) {
  const number = Number(text);
  return text === '' || Number.isNaN(number) ? text : number;
}
