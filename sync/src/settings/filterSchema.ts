import { z } from 'zod';
import { checkCondition, conditionJsonSchemaRules } from './conditionRules';
import { filterLogicTree, FILTER_LOGIC_PATTERN, MAX_FILTER_LOGIC_LENGTH } from './filterLogic';
import { ANY_SCALAR_VALUE, FIELD_TYPES, MAX_LIST_VALUES, OPERATORS } from './operators';
import type { SchemaKit } from './schemaKit';

export const MAX_FILTER_CONDITIONS = 20;

/** A filter: `{ logic, conditions }`, each condition `{ field, fieldType?, operator, value? }`. */
export function buildFilterSchemas({ object, leaf, named, fieldPath }: SchemaKit) {
  const condition = object({
    field: fieldPath('The Salesforce field this condition tests'),
    fieldType: z
      .enum(FIELD_TYPES)
      .optional()
      .describe(
        "The field's Salesforce type as describe reports it. The Setup tab always writes it; when present, the operator and value are checked against it. The runner checks the live type either way."
      ),
    operator: z
      .enum(OPERATORS)
      .describe(
        'How the field is compared. Which operators a field type allows: docs/settings.md "Operators".'
      ),
    value: z
      .union([ANY_SCALAR_VALUE, z.array(ANY_SCALAR_VALUE).min(1).max(MAX_LIST_VALUES)])
      .optional()
      .describe(
        'What the field is compared with: one value, a list for in/notIn/includes/excludes, nothing for isBlank/isNotBlank. Dates are YYYY-MM-DD, date-times YYYY-MM-DDThh:mm:ssZ, both may be a SOQL relative date such as LAST_N_DAYS:30.'
      )
  })
    .superRefine(checkCondition)
    .describe('One test on a Salesforce field.')
    .meta(named('FilterCondition', { allOf: conditionJsonSchemaRules() }));

  const filter = object({
    logic: leaf(
      z
        .union([
          z.enum(['all', 'any']),
          z
            .string()
            .max(MAX_FILTER_LOGIC_LENGTH)
            .regex(
              FILTER_LOGIC_PATTERN,
              'Use "all", "any", or condition numbers with AND, OR, NOT and parentheses (capitals), e.g. "1 AND (2 OR 3)".'
            )
        ])
        .describe(
          'How conditions combine: "all" (AND), "any" (OR), or a custom expression over condition numbers such as "1 AND (2 OR NOT 3)" (capitals; every condition used; parentheses when mixing AND and OR).'
        ),
      'all'
    ),
    conditions: leaf(
      z
        .array(condition)
        .max(MAX_FILTER_CONDITIONS)
        .describe(
          `Up to ${MAX_FILTER_CONDITIONS} conditions, numbered from 1 in custom logic. None means everyone the base filter admits.`
        ),
      []
    )
  })
    .superRefine((filter, ctx) => {
      const result = filterLogicTree(filter.logic, filter.conditions.length);
      if (!result.ok) ctx.addIssue({ code: 'custom', path: ['logic'], message: result.message });
    })
    .describe(
      'Which people sync, on top of the base filter the runner always applies (active, standard users only, never the integration user; Person Accounts only when included).'
    )
    .meta(named('Filter'));

  return { condition, filter };
}
