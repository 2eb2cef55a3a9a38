import { z } from 'zod';
import { buildFilterSchemas } from './filterSchema';
import { buildPopulationSchemas } from './populationSchema';
import { makeSchemaKit, type SchemaMode } from './schemaKit';

export { MAX_FILTER_CONDITIONS } from './filterSchema';
export { CUSTOM_FIELD_KEY_PATTERN, MAX_FIELD_MAPPINGS } from './populationSchema';
export { FIELD_PATH_PATTERN } from './schemaKit';

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

function buildSchemas(mode: SchemaMode) {
  const kit = makeSchemaKit(mode);
  const { object, leaf, section } = kit;
  const { condition, filter } = buildFilterSchemas(kit);
  const { fieldMapping, users, contacts } = buildPopulationSchemas(kit, filter);

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
