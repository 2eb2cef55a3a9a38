import { z } from 'zod';

/**
 * The plan result (contracts/plan.schema.json): what a run would do, as `tlms-sync plan` stores it on a Plan
 * run (SyncRun__c.Plan__c) and the Setup tab shows before an admin approves risky settings. Totals per
 * action and per exclusion reason, at most 20 samples per action, the circuit-breaker verdict, and a size
 * bound so it always fits the 131,072-character field. Provisioning (part 2) fills it.
 */
export const PLAN_SCHEMA_VERSION = 1;
export const PLAN_ACTIONS = [
  'create',
  'update',
  'activate',
  'deactivate',
  'group',
  'branch',
  'exclude',
  'needsReview'
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];
export const MAX_SAMPLES_PER_ACTION = 20;
/** SyncRun__c.Plan__c is LongTextArea(131072). */
export const MAX_PLAN_CHARACTERS = 131_072;

const count = z.number().int().min(0);

export const planSampleSchema = z
  .object({
    salesforceId: z
      .string()
      .max(18)
      .nullable()
      .describe('The person (User or Contact Id), or null for a TalentLMS-only user'),
    name: z.string().max(255).describe('Full name as Salesforce or TalentLMS shows it'),
    personType: z.enum(['User', 'Contact']).nullable(),
    talentlmsUserId: z.string().nullable().describe('The linked TalentLMS user, when there is one'),
    detail: z
      .string()
      .max(255)
      .describe('What would change or why, e.g. "email a@x → b@x" or "inactive in Salesforce"')
  })
  .describe('One person the action applies to');

export const planResultSchema = z
  .object({
    schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
    computedAt: z.iso.datetime(),
    settings: z
      .object({
        source: z.enum(['active', 'draft']).describe('Which settings document the plan is for'),
        version: z.number().int().nullable(),
        hash: z.string().nullable().describe('hashSettingsJson of the planned document, to match an approval')
      })
      .describe('The settings the plan was computed for'),
    population: z
      .object({
        salesforceUsers: count.describe('Users read after the base filter'),
        salesforceContacts: count.describe('Contacts read after the base filter'),
        inScope: count.describe('People the filters select'),
        talentlmsUsers: count.describe('Users in the portal')
      })
      .describe('What the plan looked at'),
    totals: z
      .object(Object.fromEntries(PLAN_ACTIONS.map((a) => [a, count])) as Record<PlanAction, typeof count>)
      .describe('People per action'),
    exclusions: z
      .record(z.string().max(80), count)
      .describe(
        'People excluded per reason (e.g. inactive, userType, runAsUser, personAccount, filter, noEmail)'
      ),
    samples: z
      .object(
        Object.fromEntries(
          PLAN_ACTIONS.map((a) => [a, z.array(planSampleSchema).max(MAX_SAMPLES_PER_ACTION)])
        ) as Record<PlanAction, z.ZodArray<typeof planSampleSchema>>
      )
      .describe(`Up to ${MAX_SAMPLES_PER_ACTION} examples per action`),
    circuitBreaker: z
      .object({
        tripped: z.boolean().describe('A run with these settings would stop with exit 5'),
        deactivations: count,
        managedActive: count.describe('Active learners the connector manages'),
        share: z.number().min(0).max(1).describe('deactivations / managedActive'),
        maxShare: z.number().min(0).max(1).describe('special.maxDeactivationShare'),
        allowance: count.describe('special.deactivationAllowance')
      })
      .describe('Whether the deactivation limit would stop the run'),
    branches: z
      .object({
        needed: count,
        existing: count,
        limit: z.number().int().nullable().describe('null: unlimited')
      })
      .nullable()
      .describe('Branch limit check (Accounts to branches), or null when branches are off'),
    truncated: z.boolean().describe('Samples were cut to keep the plan within the size bound')
  })
  .describe('tlms-sync plan result');

export type PlanResult = z.infer<typeof planResultSchema>;
export type PlanSample = z.infer<typeof planSampleSchema>;

/**
 * Keeps the serialised plan within MAX_PLAN_CHARACTERS by dropping samples from the largest lists first;
 * totals and verdicts are never cut.
 */
export function boundPlanSize(plan: PlanResult, maxCharacters = MAX_PLAN_CHARACTERS): PlanResult {
  const bounded: PlanResult = { ...plan, samples: { ...plan.samples } };
  for (const action of PLAN_ACTIONS) {
    bounded.samples[action] = bounded.samples[action].slice(0, MAX_SAMPLES_PER_ACTION);
    if (bounded.samples[action].length < plan.samples[action].length) bounded.truncated = true;
  }
  while (JSON.stringify(bounded).length > maxCharacters) {
    const largest = PLAN_ACTIONS.reduce((a, b) =>
      bounded.samples[a].length >= bounded.samples[b].length ? a : b
    );
    if (bounded.samples[largest].length === 0) throw new Error('The plan does not fit even without samples');
    bounded.samples[largest] = bounded.samples[largest].slice(0, -1);
    bounded.truncated = true;
  }
  return bounded;
}
