import { z } from 'zod';
import {
  ANY_SCALAR_VALUE,
  FAMILY_BY_FIELD_TYPE,
  FIELD_TYPES,
  type FieldFamily,
  type FieldType,
  MAX_LIST_VALUES,
  type Operator,
  operatorsForFieldType,
  OPERATORS_BY_FAMILY,
  operatorsWithShape,
  SCALAR_VALUE_BY_FAMILY,
  type ValueShape,
  VALUE_SHAPE_BY_OPERATOR,
  valueSchemaFor
} from './operators';

/**
 * The operator/value rules of a filter condition as JSON Schema `if`/`then` blocks, generated from the same
 * tables and zod value schemas the zod refinement uses, so `contracts/settings.schema.json` states them too
 * and any JSON Schema validator (ajv, the preview) rejects what zod rejects.
 */

type JsonSchema = Record<string, unknown>;

function fragment(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

const whenOperatorIn = (operators: readonly string[], then: JsonSchema): JsonSchema => ({
  if: { required: ['operator'], properties: { operator: { enum: [...operators] } } },
  then
});

function valueRules(scalar: z.ZodType, allowed: readonly string[]): JsonSchema[] {
  const rules: JsonSchema[] = [];
  for (const shape of ['scalar', 'list'] as const) {
    const operators = operatorsWithShape(shape).filter((operator) => allowed.includes(operator));
    const schema = valueSchemaFor(shape, scalar);
    if (operators.length > 0 && schema) {
      rules.push(whenOperatorIn(operators, { required: ['value'], properties: { value: fragment(schema) } }));
    }
  }
  return rules;
}

export function conditionJsonSchemaRules(): JsonSchema[] {
  const everyOperator = [...operatorsWithShape('scalar'), ...operatorsWithShape('list')];
  const rules: JsonSchema[] = [
    whenOperatorIn(operatorsWithShape('none'), { properties: { value: false } }),
    ...valueRules(ANY_SCALAR_VALUE, everyOperator)
  ];
  const families = [...new Set(Object.values(FAMILY_BY_FIELD_TYPE))];
  for (const family of families) {
    const fieldTypes = FIELD_TYPES.filter((fieldType) => FAMILY_BY_FIELD_TYPE[fieldType] === family);
    const allowed = OPERATORS_BY_FAMILY[family];
    rules.push({
      if: { required: ['fieldType'], properties: { fieldType: { enum: fieldTypes } } },
      then: {
        properties: { operator: { enum: [...allowed] } },
        allOf: valueRules(SCALAR_VALUE_BY_FAMILY[family], allowed)
      }
    });
  }
  return rules;
}

const SCALAR_EXPECTATION: Readonly<Record<FieldFamily, string>> = {
  text: 'a text of 1–255 characters',
  picklist: 'a picklist API value',
  multipicklist: 'a picklist API value',
  boolean: 'true or false',
  date: 'a date YYYY-MM-DD or a relative date such as LAST_N_DAYS:30',
  datetime: 'a date-time YYYY-MM-DDThh:mm:ssZ or a relative date such as TODAY',
  number: 'a number',
  id: 'a 15- or 18-character Salesforce Id'
};

/** Plain words for what a condition's value must be, used in validation messages. */
export function describeValueExpectation(shape: ValueShape, fieldType: FieldType | undefined): string {
  const one = fieldType
    ? SCALAR_EXPECTATION[FAMILY_BY_FIELD_TYPE[fieldType]]
    : 'a text, number or true/false';
  if (shape === 'list') return `a list of 1–${MAX_LIST_VALUES} values, each ${one}`;
  return one;
}

/**
 * The zod side of the same rules: the operator must suit the field type, and the value must have the shape the
 * operator expects and the format the type expects. Issues point at `operator`, `value` or a list item.
 */
export function checkCondition(
  condition: { fieldType?: FieldType; operator: Operator; value?: unknown },
  ctx: z.RefinementCtx
): void {
  const shape = VALUE_SHAPE_BY_OPERATOR[condition.operator];
  let scalar: z.ZodType = ANY_SCALAR_VALUE;
  if (condition.fieldType) {
    const allowed = operatorsForFieldType(condition.fieldType);
    if (!allowed.includes(condition.operator)) {
      ctx.addIssue({
        code: 'custom',
        path: ['operator'],
        message: `Operator "${condition.operator}" does not apply to ${condition.fieldType} fields; use one of: ${allowed.join(', ')}.`
      });
      return;
    }
    scalar = SCALAR_VALUE_BY_FAMILY[FAMILY_BY_FIELD_TYPE[condition.fieldType]];
  }
  if (shape === 'none') {
    if (condition.value !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `Operator "${condition.operator}" takes no value; remove it.`
      });
    }
    return;
  }
  const expectation = describeValueExpectation(shape, condition.fieldType);
  if (condition.value === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: `Operator "${condition.operator}" needs ${expectation}.`
    });
    return;
  }
  const checked = valueSchemaFor(shape, scalar)?.safeParse(condition.value);
  if (checked && !checked.success) {
    // Point at the offending list item where there is one, as JSON Schema validators do.
    const paths = new Map<string, PropertyKey[]>();
    for (const issue of checked.error.issues) paths.set(String(issue.path[0] ?? ''), issue.path.slice(0, 1));
    for (const itemPath of paths.values()) {
      ctx.addIssue({ code: 'custom', path: ['value', ...itemPath], message: `Expected ${expectation}.` });
    }
  }
}
