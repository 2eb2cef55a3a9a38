import { z } from 'zod';

/**
 * Filter vocabulary shared by the Setup tab (which offers it), the Apex validator (which re-checks it) and the
 * runner (which compiles it to SOQL). Everything here is data so the zod schema, the generated JSON Schema and
 * the docs are built from the same tables.
 */

/** Salesforce field types as the describe call reports them (`DescribeFieldResult.type`, lower case). */
export const FIELD_TYPES = [
  'string',
  'textarea',
  'email',
  'phone',
  'url',
  'combobox',
  'picklist',
  'multipicklist',
  'boolean',
  'date',
  'datetime',
  'int',
  'long',
  'double',
  'currency',
  'percent',
  'reference',
  'id'
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const OPERATORS = [
  'equals',
  'notEquals',
  'lessThan',
  'lessOrEqual',
  'greaterThan',
  'greaterOrEqual',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'in',
  'notIn',
  'includes',
  'excludes',
  'isBlank',
  'isNotBlank'
] as const;
export type Operator = (typeof OPERATORS)[number];

/** What an operator expects in `value`: nothing, one value, or a non-empty list of values. */
export type ValueShape = 'none' | 'scalar' | 'list';
export const VALUE_SHAPE_BY_OPERATOR: Readonly<Record<Operator, ValueShape>> = {
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
export const operatorsWithShape = (shape: ValueShape): Operator[] =>
  OPERATORS.filter((operator) => VALUE_SHAPE_BY_OPERATOR[operator] === shape);

/** Field types that filter alike. */
export type FieldFamily =
  'text' | 'picklist' | 'multipicklist' | 'boolean' | 'date' | 'datetime' | 'number' | 'id';
export const FAMILY_BY_FIELD_TYPE: Readonly<Record<FieldType, FieldFamily>> = {
  string: 'text',
  textarea: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  combobox: 'text',
  picklist: 'picklist',
  multipicklist: 'multipicklist',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  int: 'number',
  long: 'number',
  double: 'number',
  currency: 'number',
  percent: 'number',
  reference: 'id',
  id: 'id'
};

const ORDERING: Operator[] = ['lessThan', 'lessOrEqual', 'greaterThan', 'greaterOrEqual'];
const BLANK: Operator[] = ['isBlank', 'isNotBlank'];

/**
 * The operators each family allows. Ordering is offered only where it means something to an admin (numbers,
 * dates); multi-select picklists match by INCLUDES/EXCLUDES because `=` on them compares the whole ';' list.
 */
export const OPERATORS_BY_FAMILY: Readonly<Record<FieldFamily, readonly Operator[]>> = {
  text: ['equals', 'notEquals', 'contains', 'notContains', 'startsWith', 'endsWith', 'in', 'notIn', ...BLANK],
  picklist: ['equals', 'notEquals', 'in', 'notIn', ...BLANK],
  multipicklist: ['includes', 'excludes', ...BLANK],
  boolean: ['equals', 'notEquals'],
  date: ['equals', 'notEquals', ...ORDERING, ...BLANK],
  datetime: ['equals', 'notEquals', ...ORDERING, ...BLANK],
  number: ['equals', 'notEquals', ...ORDERING, 'in', 'notIn', ...BLANK],
  id: ['equals', 'notEquals', 'in', 'notIn', ...BLANK]
};

export const operatorsForFieldType = (fieldType: FieldType): readonly Operator[] =>
  OPERATORS_BY_FAMILY[FAMILY_BY_FIELD_TYPE[fieldType]];

/** SOQL relative date literals a condition may use instead of a fixed date (compiled unquoted). */
export const DATE_LITERALS = [
  'YESTERDAY',
  'TODAY',
  'TOMORROW',
  'LAST_WEEK',
  'THIS_WEEK',
  'NEXT_WEEK',
  'LAST_MONTH',
  'THIS_MONTH',
  'NEXT_MONTH',
  'LAST_90_DAYS',
  'NEXT_90_DAYS',
  'LAST_QUARTER',
  'THIS_QUARTER',
  'NEXT_QUARTER',
  'LAST_YEAR',
  'THIS_YEAR',
  'NEXT_YEAR'
] as const;
/** Literals that take a count, written `LAST_N_DAYS:30` (count 1–9999). */
export const DATE_LITERALS_WITH_COUNT = [
  'LAST_N_DAYS',
  'NEXT_N_DAYS',
  'N_DAYS_AGO',
  'LAST_N_WEEKS',
  'NEXT_N_WEEKS',
  'N_WEEKS_AGO',
  'LAST_N_MONTHS',
  'NEXT_N_MONTHS',
  'N_MONTHS_AGO',
  'LAST_N_QUARTERS',
  'NEXT_N_QUARTERS',
  'N_QUARTERS_AGO',
  'LAST_N_YEARS',
  'NEXT_N_YEARS',
  'N_YEARS_AGO'
] as const;
export const DATE_LITERAL_PATTERN = new RegExp(
  `^(?:${DATE_LITERALS.join('|')}|(?:${DATE_LITERALS_WITH_COUNT.join('|')}):[1-9][0-9]{0,3})$`
);

/** Longest text a condition compares with (SOQL string literals on text fields never need more). */
export const MAX_TEXT_VALUE_LENGTH = 255;
/** Most values an `in` / `includes` list may carry. */
export const MAX_LIST_VALUES = 100;

const textValue = z.string().min(1).max(MAX_TEXT_VALUE_LENGTH);
const dateLiteral = z.string().regex(DATE_LITERAL_PATTERN);

/** One value of each family, as zod schemas; the JSON Schema fragments are generated from these too. */
export const SCALAR_VALUE_BY_FAMILY: Readonly<Record<FieldFamily, z.ZodType>> = {
  text: textValue,
  picklist: textValue,
  multipicklist: textValue,
  boolean: z.boolean(),
  date: z.union([z.iso.date(), dateLiteral]),
  datetime: z.union([z.iso.datetime(), dateLiteral]),
  number: z.number(),
  id: z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/)
};

/** What a condition without `fieldType` may hold: any JSON scalar the families above accept. */
export const ANY_SCALAR_VALUE = z.union([textValue, z.number(), z.boolean()]);

export function valueSchemaFor(shape: ValueShape, scalar: z.ZodType): z.ZodType | null {
  if (shape === 'none') return null;
  if (shape === 'list') return z.array(scalar).min(1).max(MAX_LIST_VALUES);
  return scalar;
}
