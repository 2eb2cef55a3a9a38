/**
 * # Plug-in points of the engine
 *
 * A run is: lock and preflight (engine) → settings and binding (engine) → **phases** (plug-ins, in order) →
 * issues, state, run record, lock release (engine). Provisioning (part 2) and learning back-sync (part 4)
 * are phases; the engine knows nothing of what they do.
 *
 * ```ts
 * const provision: Phase = {
 *   name: 'provision',                 // bucket in summary.calls.byPhase; ctx.bookCallsTo() switches mid-phase
 *   label: 'Provisioning learners',    // shown in the progress display
 *   shouldRun: (ctx) => ctx.settings.users.enabled || ctx.settings.contacts.enabled,
 *   async run(ctx) {
 *     // ctx.sf (Salesforce port), ctx.tl (TalentLMS client, paced by ctx.quota), ctx.schema (API names)
 *     // ctx.mode === 'plan': compute, ctx.setPlan(plan), write nothing to TalentLMS
 *     // ctx.counts.created += 1; ctx.issues.report({...}); ctx.issues.resolve(personId, 'create')
 *     // await ctx.checkpoint() between batches: heartbeat, interrupt and Salesforce budget checks
 *   }
 * };
 * ```
 * Phases are passed to `executeRun` (engine/runner.ts) by the CLI (cli.ts `buildPhases`). Per-record
 * failures go to `ctx.issues` and `ctx.counts.failed`, never thrown; throw only what stops the run:
 * QuotaExhaustedError (exit 3), CircuitBreakerError (exit 5), or any SyncError that makes the run fail.
 * State that must survive runs (watermarks, cursors) goes through `ctx.state.stage` (written once by the
 * engine at the end of the run) or `ctx.state.save` (now) — only after the writes it covers have succeeded.
 */
import type { RunnerConfig } from '../config/load';
import type { PhaseName } from '../core/callMeter';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { PlanResult } from '../core/planResult';
import type { Counts, RunMode } from '../core/runSummary';
import type { SalesforcePort } from '../salesforce/port';
import type { BoundSchema } from '../salesforce/schema';
import type { Settings } from '../settings';
import type { TalentLmsClient } from '../talentlms/client';
import type { QuotaGovernor } from '../talentlms/quota';
import type { IssueRecorder } from './issues';
import type { LoadedSettings } from './settings';
import type { SyncStateStore } from './state';

export interface RunOptions {
  /** `run --full`: a full provisioning pass, and a full reconciliation pass within the budget share. */
  full?: boolean;
  /** `plan --draft`: plan the draft settings instead of the active ones (part 2). */
  draft?: boolean;
}

export interface ProgressSink {
  /** `done` of `total` (total unknown: null) for the current phase. */
  update(label: string, done: number, total: number | null): void;
}

export interface RunContext {
  readonly runId: string;
  /** 'run' does the work; 'plan' computes what a run would do and writes nothing to TalentLMS. */
  readonly mode: Exclude<RunMode, 'check'>;
  readonly options: RunOptions;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly config: RunnerConfig;
  readonly schema: BoundSchema;
  readonly sf: SalesforcePort;
  readonly tl: TalentLmsClient;
  readonly quota: QuotaGovernor;
  /** First 8 hex of SHA-1 of the TalentLMS domain: the prefix of every external key. */
  readonly portalId: string;
  /** The active settings (validated). */
  readonly settings: Settings;
  /** Active and draft documents with versions and hashes. */
  readonly settingsDocuments: LoadedSettings;
  readonly state: SyncStateStore;
  /** Mutable: phases add what they did. */
  readonly counts: Counts;
  readonly issues: IssueRecorder;
  readonly progress: ProgressSink;
  readonly signal: AbortSignal;
  /** A warning for the run summary (not an issue). */
  warn(message: string): void;
  /** Books the calls that follow to another summary bucket (e.g. 'timeline' then 'learners'). */
  bookCallsTo(phase: PhaseName): void;
  /** Heartbeat of the lock, interruption and Salesforce budget check. Call between batches. */
  checkpoint(): Promise<void>;
  /** Plan mode: the plan result to store on the Plan run (SyncRun__c.Plan__c), validated and size-bounded. */
  setPlan(plan: PlanResult): void;
}

export interface Phase {
  readonly name: PhaseName;
  readonly label: string;
  shouldRun?(ctx: RunContext): boolean;
  run(ctx: RunContext): Promise<void>;
}
