import { z } from 'zod';
import type { SchemaKit } from './schemaKit';

/** TalentLMS v1 numbers custom user fields 1–20; the schema allows up to 999 and the runner checks the catalog. */
export const MAX_FIELD_MAPPINGS = 20;
export const CUSTOM_FIELD_KEY_PATTERN = /^custom_field_[1-9][0-9]{0,2}$/;

/** `users` and `contacts`: who becomes a learner, grouped how, with which custom fields. */
export function buildPopulationSchemas<Filter extends z.ZodType>(kit: SchemaKit, filter: Filter) {
  const { object, leaf, section, named, fieldPath } = kit;
  const fieldMapping = object({
    salesforceField: fieldPath('The Salesforce field whose value is copied'),
    customFieldKey: z
      .string()
      .regex(CUSTOM_FIELD_KEY_PATTERN, 'Use a TalentLMS custom field key such as "custom_field_1".')
      .describe(
        'The TalentLMS custom user field that receives it, by key ("custom_field_N") from the catalog the runner publishes.'
      ),
    customFieldName: z
      .string()
      .min(1)
      .max(255)
      .optional()
      .describe(
        "The TalentLMS field's name when the mapping was saved, shown if the catalog no longer lists the key. Informational."
      ),
    whenEmpty: leaf(
      z
        .enum(['clear', 'keep'])
        .describe(
          'When the Salesforce field is empty: "clear" empties the TalentLMS field (a mandatory field gets its TalentLMS default instead), "keep" leaves the TalentLMS value as it is.'
        ),
      'clear'
    )
  })
    .describe('Copies one Salesforce field into one TalentLMS custom user field on every sync.')
    .meta(named('FieldMapping'));

  const fieldMappings = z
    .array(fieldMapping)
    .max(MAX_FIELD_MAPPINGS)
    .superRefine((mappings, ctx) => {
      const seen = new Map<string, string>();
      mappings.forEach((mapping, index) => {
        const earlier = seen.get(mapping.customFieldKey);
        if (earlier !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'customFieldKey'],
            message: `${mapping.customFieldKey} already receives ${earlier}; a TalentLMS field takes one Salesforce field.`
          });
        } else seen.set(mapping.customFieldKey, mapping.salesforceField);
      });
    })
    .describe(
      'Salesforce fields copied into TalentLMS custom user fields; each TalentLMS field at most once.'
    );

  const groupField = z
    .union([fieldPath('The field whose value names the group'), z.null()])
    .describe(
      'A field whose value names the TalentLMS group each learner joins (the group is created if missing; its courses come with it). null: no groups.'
    );

  const enabled = (who: string) =>
    leaf(z.boolean().describe(`Sync ${who} into TalentLMS as learners.`), false);

  const users = object({
    enabled: enabled('Salesforce Users (internal training)'),
    filter: section(filter),
    groupField: leaf(groupField, null),
    fieldMappings: leaf(fieldMappings, [])
  }).describe('Internal training: Salesforce Users become learners.');

  const contacts = object({
    enabled: enabled('Salesforce Contacts (external training)'),
    filter: section(filter),
    groupField: leaf(groupField, null),
    fieldMappings: leaf(fieldMappings, []),
    accountsToBranches: section(
      object({
        enabled: leaf(
          z
            .boolean()
            .describe(
              'Each Account becomes a TalentLMS branch and its Contacts join it. Needs a portal plan with branches; the branch limit is checked before any is created.'
            ),
          false
        )
      }).describe('Accounts → TalentLMS branches.')
    ),
    personAccounts: section(
      object({
        include: leaf(
          z
            .boolean()
            .describe(
              'Also sync the Contacts behind Person Accounts (excluded by the base filter otherwise).'
            ),
          false
        )
      }).describe('Person Accounts (orgs that use them).')
    )
  }).describe('External training: Salesforce Contacts (customers, partners) become learners.');

  return { fieldMapping, users, contacts };
}
