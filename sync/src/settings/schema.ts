import { z } from 'zod';
import { filterLogicTree, FILTER_LOGIC_PATTERN, MAX_FILTER_LOGIC_LENGTH } from './filterLogic';
import { conditionJsonSchemaRules, describeValueExpectation } from './conditionRules';
import {
  ANY_SCALAR_VALUE,
  FAMILY_BY_FIELD_TYPE,
  FIELD_TYPES,
  MAX_LIST_VALUES,
  OPERATORS,
  operatorsForFieldType,
  SCALAR_VALUE_BY_FAMILY,
  VALUE_SHAPE_BY_OPERATOR,
  valueSchemaFor
} from './operators';

/**
 * The settings document (DESIGN.md "Data model" → Settings): one JSON document per version, stored in
 * ConnectorSettings__c.DraftJson__c / ActiveJson__c, edited in the Setup tab, validated by Apex, obeyed by the
 * runner. This file is the source of truth; `contracts/settings.schema.json` is generated from it.
 *
 * Two parsers come from one definition:
 * - strict (`SettingsSchema`): what writers validate before saving. Every key present, no unknown key.
 * - read (`readSettings` in parse.ts): what the runner uses. Missing keys take their defaults (a document
 *   saved before a key existed) and unknown keys are dropped (a document from a newer package), as
 *   contracts/README.md asks of readers. Every other rule is the same.
 */

export const SETTINGS_SCHEMA_VERSION = 1;
export const MAX_FILTER_CONDITIONS = 20;
/** TalentLMS v1 numbers custom user fields 1–20; the schema allows up to 999 and the runner checks the catalog. */
export const MAX_FIELD_MAPPINGS = 20;
export const CUSTOM_FIELD_KEY_PATTERN = /^custom_field_[1-9][0-9]{0,2}$/;
/**
 * A field API name, or a relationship path of up to five names (`Account.Industry`). Letters, digits and
 * underscores only: the runner puts it into SOQL unquoted, so this pattern is what keeps it from being code.
 */
export const FIELD_PATH_PATTERN = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*){0,4}$/;

type Mode = 'strict' | 'read';

function buildSchemas(mode: Mode) {
  const read = mode === 'read';
  // Both object kinds share one call signature; the cast keeps the static types of the strict variant.
  const object = (read ? z.object : z.strictObject) as typeof z.strictObject;
  /** A value with a default: required and annotated when strict, filled in when reading. */
  const leaf = <T extends z.ZodType>(schema: T, fallback: NoInfer<z.output<T>>): T =>
    (read
      ? (schema as z.ZodType).default(fallback as never)
      : schema.meta({ default: fallback })) as unknown as T;
  /** A nested object: when reading, a missing one is built from its members' defaults. */
  const section = <T extends z.ZodType>(schema: T): T =>
    (read ? (schema as z.ZodType).prefault({} as never) : schema) as unknown as T;
  /** `$defs` names for the generated JSON Schema (strict only: an id may be registered once). */
  const named = (id: string, extra: Record<string, unknown> = {}) => (read ? {} : { id, ...extra });

  const fieldPath = (what: string) =>
    z
      .string()
      .max(255)
      .regex(FIELD_PATH_PATTERN)
      .describe(
        `${what}: a field API name as in the org (e.g. "Department", "Region__c") or a parent path such as "Account.Industry".`
      );

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
    .superRefine((condition, ctx) => {
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
        // Point at the offending list item where there is one, as the JSON Schema validator does.
        const itemPaths = new Set(
          checked.error.issues.map((issue) => JSON.stringify(issue.path.slice(0, 1)))
        );
        for (const itemPath of itemPaths) {
          ctx.addIssue({
            code: 'custom',
            path: ['value', ...(JSON.parse(itemPath) as PropertyKey[])],
            message: `Expected ${expectation}.`
          });
        }
      }
    })
    .describe('One test on a Salesforce field.')
    .meta(named('FilterCondition', { allOf: conditionJsonSchemaRules() }));

  const filter = object({
    logic: leaf(
      z
        .union([z.enum(['all', 'any']), z.string().max(MAX_FILTER_LOGIC_LENGTH).regex(FILTER_LOGIC_PATTERN)])
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

  const fieldMapping = object({
    salesforceField: fieldPath('The Salesforce field whose value is copied'),
    customFieldKey: z
      .string()
      .regex(CUSTOM_FIELD_KEY_PATTERN)
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

  const learning = object({
    courses: leaf(
      z
        .boolean()
        .describe(
          'Bring course progress back (status, completion %, time spent, enrolled and completed dates).'
        ),
      true
    ),
    certificates: leaf(
      z.boolean().describe('Bring certificates back (issued and expiry dates, public link).'),
      true
    ),
    badges: leaf(z.boolean().describe('Bring gamification badges back.'), true),
    courseScanIntervalMinutes: leaf(
      z
        .number()
        .int()
        .min(15)
        .max(10080)
        .describe(
          'Minutes between course-centric scans, which catch completion-% changes the timeline does not report (15–10080).'
        ),
      360
    ),
    reconciliationCycleDays: leaf(
      z
        .number()
        .int()
        .min(1)
        .max(90)
        .describe(
          'Days over which a rolling reconciliation re-reads every learner once, catching anything incremental syncs missed (1–90).'
        ),
      7
    ),
    unenrollmentPolicy: leaf(
      z
        .enum(['keepCompleted', 'keepAll', 'deleteAll'])
        .describe(
          'What happens to a course record in Salesforce when the learner leaves the course in TalentLMS: "keepCompleted" deletes it unless it was completed, "keepAll" keeps it as last synced, "deleteAll" deletes it.'
        ),
      'keepCompleted'
    )
  }).describe('Learning data brought back from TalentLMS into Salesforce.');

  const special = object({
    deactivateNotSynced: leaf(
      z
        .boolean()
        .describe(
          'Deactivate TalentLMS users the connector manages once they are positively absent from Salesforce (deleted, inactive, outside the filter). Never SuperAdmins; never because a read failed.'
        ),
      false
    ),
    alwaysActivate: leaf(
      z
        .boolean()
        .describe(
          'Reactivate every synced learner who is inactive in TalentLMS, on every run. Never SuperAdmins.'
        ),
      false
    ),
    activateNewLearners: leaf(
      z
        .boolean()
        .describe('Activate learners the connector creates when the portal signs new users up as inactive.'),
      true
    ),
    maxDeactivationShare: leaf(
      z
        .number()
        .min(0)
        .max(1)
        .describe(
          'Circuit breaker: a run stops (exit 5) when it would deactivate more than this share (0–1) of the active learners the connector manages, and more than deactivationAllowance people.'
        ),
      0.1
    ),
    deactivationAllowance: leaf(
      z
        .number()
        .int()
        .min(0)
        .max(100000)
        .describe(
          'Deactivations per run that never trip the circuit breaker, so a small portal can lose one leaver.'
        ),
      5
    ),
    adoptAdmins: leaf(
      z
        .boolean()
        .describe(
          'Let the connector link a Salesforce person to an existing TalentLMS Admin account with their e-mail.'
        ),
      false
    ),
    adoptInstructors: leaf(
      z
        .boolean()
        .describe(
          'Let the connector link a Salesforce person to an existing TalentLMS Instructor account with their e-mail.'
        ),
      false
    )
  }).describe(
    'Special sync options: activation, deactivation and its circuit breaker, adopting privileged accounts.'
  );

  const email = object({
    newLearnerPolicy: leaf(
      z
        .enum(['send', 'restrict'])
        .describe(
          'E-mails for learners the connector creates: "send" lets TalentLMS send its usual e-mails (welcome, login details); "restrict" signs them up with restrict_email, which stays on the TalentLMS user until someone edits it there.'
        ),
      'send'
    )
  }).describe('TalentLMS e-mail for new learners.');

  const share = (side: string, limit: string, fallback: number) =>
    leaf(
      z
        .number()
        .gt(0)
        .max(1)
        .describe(
          `Share (above 0, at most 1) of the ${side} ${limit} the runner may spend; it slows down, then stops cleanly and resumes next run.`
        ),
      fallback
    );
  const budgets = object({
    talentlmsShare: share(
      'TalentLMS',
      'hourly API quota, which other integrations on the portal share,',
      0.5
    ),
    salesforceShare: share('Salesforce', 'daily org-wide API request limit', 0.25)
  }).describe('API budgets.');

  const sandbox = object({
    allowSandbox: leaf(
      z
        .boolean()
        .describe(
          'Let the runner sync when the org is a sandbox. Off by default, so a refreshed sandbox does not act on a real portal.'
        ),
      false
    )
  }).describe('Sandbox opt-in.');

  const days = (what: string, fallback: number) =>
    leaf(z.number().int().min(1).max(3650).describe(`Days to keep ${what} (1–3650).`), fallback);
  const retention = object({
    runsDays: days('sync runs and plans (SyncRun__c)', 90),
    closedIssuesDays: days('closed and resolved sync issues (SyncIssue__c)', 90),
    settingsChangesDays: days('settings change records (SettingsChange__c)', 365)
  }).describe('How long history records are kept before the runner prunes them.');

  const settings = object({
    schemaVersion: z
      .literal(SETTINGS_SCHEMA_VERSION)
      .describe("Version of this document's shape. Readers refuse a version newer than theirs."),
    users: section(users),
    contacts: section(contacts),
    learning: section(learning),
    special: section(special),
    email: section(email),
    budgets: section(budgets),
    sandbox: section(sandbox),
    retention: section(retention)
  }).describe('TalentLMS connector settings (one version: draft or active).');

  return { settings, condition, filter, fieldMapping };
}

const strict = buildSchemas('strict');
const tolerant = buildSchemas('read');

/** Validates a complete document exactly (writers: the Setup tab, Apex, seeds, tests). */
export const SettingsSchema = strict.settings;
/** Fills missing keys with defaults and drops unknown keys; otherwise the same rules (the runner). */
export const SettingsReadSchema: z.ZodType<Settings> = tolerant.settings as unknown as z.ZodType<Settings>;
export const FilterConditionSchema = strict.condition;
export const FilterSchema = strict.filter;
export const FieldMappingSchema = strict.fieldMapping;

export type Settings = z.output<typeof SettingsSchema>;
export type UserSettings = Settings['users'];
export type ContactSettings = Settings['contacts'];
export type Filter = z.output<typeof FilterSchema>;
export type FilterLogic = Filter['logic'];
export type FilterCondition = z.output<typeof FilterConditionSchema>;
export type FilterValue = NonNullable<FilterCondition['value']>;
export type FieldMapping = z.output<typeof FieldMappingSchema>;
export type LearningSettings = Settings['learning'];
export type UnenrollmentPolicy = LearningSettings['unenrollmentPolicy'];
export type SpecialSettings = Settings['special'];
export type EmailSettings = Settings['email'];
export type NewLearnerPolicy = EmailSettings['newLearnerPolicy'];
export type BudgetSettings = Settings['budgets'];
export type SandboxSettings = Settings['sandbox'];
export type RetentionSettings = Settings['retention'];
