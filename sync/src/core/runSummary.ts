import { z } from 'zod';
import { PHASE_NAMES } from './callMeter';

/**
 * The run summary: what `tlms-sync <command> --json` prints (one object per run, also when a run fails
 * before it starts) and what SyncRun__c.Summary__c stores. Source of truth for
 * contracts/run-summary.schema.json (generated: `npm run contracts:run-summary`). Additive changes only
 * (contracts/README.md).
 */
export const RUN_SUMMARY_SCHEMA_VERSION = 1;

export const COUNT_KEYS = [
  'created',
  'updated',
  'activated',
  'deactivated',
  'grouped',
  'branched',
  'excluded',
  'needsReview',
  'skipped',
  'failed',
  'coursesUpserted',
  'certificatesUpserted',
  'badgesUpserted',
  'recordsRemoved'
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

export const RUN_MODES = ['run', 'plan', 'check'] as const;
export const RUN_STATUSES = ['succeeded', 'partial', 'failed', 'skipped'] as const;
export const STOP_REASONS = ['quota', 'circuitBreaker', 'lockHeld', 'interrupted'] as const;

const count = z.number().int().min(0);
const isoDateTime = z.iso.datetime().describe('ISO-8601 UTC with Z');

const phaseCalls = z
  .object({
    salesforce: count.describe('Salesforce calls (requests to /services/data/**) made in this phase'),
    talentlms: count.describe('TalentLMS calls (requests to /api/v1/** except ratelimit) made in this phase')
  })
  .strict();

export const runSummarySchema = z
  .object({
    schemaVersion: z.literal(RUN_SUMMARY_SCHEMA_VERSION).describe('Version of this shape'),
    runId: z.uuid().describe('Unique id of the run (SyncRun__c.RunId__c)'),
    mode: z.enum(RUN_MODES).describe('The command: run, plan (writes nothing to TalentLMS) or check'),
    status: z
      .enum(RUN_STATUSES)
      .describe(
        'succeeded: all done; partial: finished or stopped with work left; failed: refused or broke; skipped: another run held the lock'
      ),
    stopReason: z.enum(STOP_REASONS).nullable().describe('Why the run stopped early, or null'),
    exitCode: z.number().int().min(0).max(5).describe('The process exit code (docs/cli.md "Exit codes")'),
    startedAt: isoDateTime,
    finishedAt: isoDateTime,
    durationMs: count,
    settingsVersion: z.number().int().nullable().describe('Version of the active settings the run used'),
    settingsHash: z.string().nullable().optional().describe('Hash of the active settings the run used'),
    runnerVersion: z.string().describe('tlms-sync version'),
    organizationId: z.string().nullable().optional().describe('Salesforce Organization Id (from the token)'),
    talentlmsDomain: z.string().nullable().optional().describe('TalentLMS portal domain'),
    calls: z
      .object({
        salesforce: count,
        talentlms: count,
        byPhase: z.object(
          Object.fromEntries(PHASE_NAMES.map((p) => [p, phaseCalls])) as Record<
            (typeof PHASE_NAMES)[number],
            typeof phaseCalls
          >
        )
      })
      .describe('API calls made, as the APIs meter them (token requests and the free /ratelimit excluded)'),
    quota: z.object({
      talentlms: z.object({
        used: count.nullable().describe('Calls used in the current hourly window (all integrations)'),
        limit: count.nullable().describe('Calls allowed per hour on the plan'),
        resetAt: isoDateTime.nullable().describe('When the hourly window resets')
      }),
      salesforce: z.object({
        used: count.nullable().describe('Org-wide daily API requests used (Sforce-Limit-Info)'),
        limit: count.nullable().describe('Org-wide daily API request limit')
      })
    }),
    counts: z
      .object(Object.fromEntries(COUNT_KEYS.map((k) => [k, count])) as Record<CountKey, typeof count>)
      .describe('What the run did, per action'),
    issues: z
      .object({
        opened: count.describe('Issues opened or reopened by this run'),
        closed: count.describe('Issues closed by this run'),
        open: count.describe('Issues open after this run')
      })
      .describe('SyncIssue__c records'),
    checks: z
      .array(
        z.object({
          name: z.string().describe('What was checked, e.g. "Edit on tlms__SyncRun__c"'),
          ok: z.boolean(),
          fix: z.string().nullable().describe('What to do when it is not ok')
        })
      )
      .optional()
      .describe('Preflight checks (always present for `check`)'),
    warnings: z.array(z.string()).describe('Things the user should know that did not stop the run'),
    error: z
      .object({
        code: z.string().describe('A code from docs/issue-codes.md'),
        message: z.string(),
        hint: z.string().nullable().describe('What to do about it')
      })
      .nullable()
      .describe('Why the run failed or stopped, or null')
  })
  .describe('tlms-sync run summary');

export type RunSummary = z.infer<typeof runSummarySchema>;
export type RunMode = (typeof RUN_MODES)[number];
export type RunStatus = (typeof RUN_STATUSES)[number];
export type StopReason = (typeof STOP_REASONS)[number];
export type Counts = Record<CountKey, number>;

export function emptyCounts(): Counts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Counts;
}
