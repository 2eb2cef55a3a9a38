import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { RunnerConfig } from '../config/load';
import { CallMeter } from '../core/callMeter';
import type { Clock } from '../core/clock';
import { SyncError, toSyncError } from '../core/errors';
import { ExitCode } from '../core/exitCodes';
import { portalIdOf } from '../core/keys';
import type { Logger } from '../core/logger';
import type { Redactor } from '../core/redact';
import { connectSalesforce, type ConnectOptions } from '../salesforce/adapter';
import { type SalesforcePort, type SalesforceRecord, soqlString } from '../salesforce/port';
import { type BoundSchema, bindSchema, discoverNamespace, PICKLIST_VALUES } from '../salesforce/schema';
import { RunLock } from './lock';
import { type StateField, SyncStateStore } from './state';

/**
 * `tlms-sync rebind`: forget the portal this org is bound to, so the next run binds it to the configured
 * one (DESIGN.md "Binding"). Under the run lock, after a confirmation, it
 * - unlinks every Learner__c from its TalentLMS user (id, login, status, branch, groups, points, level, portal
 *   id, sync times); people who had left the scope stay Excluded, the others lose their state, so the next
 *   run finds or creates them on the new portal by e-mail;
 * - closes the open issues (they were about the old portal);
 * - clears the binding, the timeline watermarks, the reconciliation cursor and the course-scan time.
 * Learning records are not touched: their external keys start with the old portal's id, so the new portal's
 * upserts can never land on them. They stay for history until an admin deletes them.
 */
export interface RebindSummary {
  schemaVersion: 1;
  command: 'rebind';
  status: 'succeeded' | 'cancelled' | 'failed';
  exitCode: number;
  startedAt: string;
  finishedAt: string;
  organizationId: string | null;
  previous: { organizationId: string | null; talentlmsDomain: string | null; portalId: string | null } | null;
  next: { talentlmsDomain: string; portalId: string };
  learnersUnlinked: number;
  issuesClosed: number;
  calls: { salesforce: number };
  error: { code: string; message: string; hint: string | null } | null;
}

export interface RebindPreview {
  organizationId: string;
  previous: RebindSummary['previous'];
  next: RebindSummary['next'];
  linkedLearners: number;
}

export interface RebindDeps {
  config: RunnerConfig;
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
  /** Asked once everything is known and the lock is held; false cancels without writing anything. */
  confirm: (preview: RebindPreview) => Promise<boolean>;
  connect?: (options: ConnectOptions) => Promise<SalesforcePort>;
}

/** Learner__c fields that describe the link to a TalentLMS user (cleared by a rebind). */
const LINK_FIELDS = [
  'TalentLmsUserId',
  'Login',
  'TalentLmsStatus',
  'UserType',
  'BranchId',
  'BranchName',
  'Groups',
  'Points',
  'Level',
  'StateMessage',
  'PortalId',
  'LastProvisionedAt',
  'LastLearningSyncAt',
  'LastReconciledAt'
] as const;

/** SyncState__c fields that belong to one org↔portal binding. */
const STATE_RESET: Partial<Record<StateField, unknown>> = {
  OrganizationId: null,
  IsSandbox: false,
  TalentLmsDomain: null,
  PortalId: null,
  BoundAt: null,
  Watermarks: null,
  ReconciliationCursor: null,
  ReconciliationCycleStartedAt: null,
  LastCourseScanAt: null,
  ProvisionedAt: null,
  ProvisionedSettingsHash: null,
  FullReconciliationRequested: false,
  FullReconciliationRequestedAt: null
};

export async function executeRebind(deps: RebindDeps): Promise<RebindSummary> {
  const { config, clock, redactor } = deps;
  const meter = new CallMeter();
  const logger = deps.logger.child('rebind');
  const startedAt = clock.now();
  const next = { talentlmsDomain: config.talentlms.domain, portalId: portalIdOf(config.talentlms.domain) };
  const summary: RebindSummary = {
    schemaVersion: 1,
    command: 'rebind',
    status: 'failed',
    exitCode: ExitCode.partial,
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: '',
    organizationId: null,
    previous: null,
    next,
    learnersUnlinked: 0,
    issuesClosed: 0,
    calls: { salesforce: 0 },
    error: null
  };
  let lock: RunLock | null = null;
  try {
    meter.enter('preflight');
    const sf = await (deps.connect ?? connectSalesforce)({
      instanceUrl: config.salesforce.instanceUrl,
      apiVersion: config.salesforce.apiVersion,
      auth: config.salesforce.auth,
      clock,
      logger: deps.logger.child('salesforce'),
      meter,
      redactor,
      bulk: config.bulk
    });
    summary.organizationId = sf.identity.organizationId;
    const namespace = config.salesforce.namespace ?? discoverNamespace(await sf.describeGlobal());
    if (namespace === undefined) {
      throw new SyncError(
        'SF_PACKAGE_NOT_FOUND',
        'The TalentLMS package objects are not visible to the integration user (no SyncRun__c object)'
      );
    }
    const schema = bindSchema(namespace);
    lock = new RunLock({
      sf,
      schema,
      clock,
      logger,
      runId: randomUUID(),
      ttlMs: config.lockTtlMs,
      // The owner names the rebind, so a run refused meanwhile says what holds the lock.
      owner: `tlms-sync rebind on ${hostname()}:${process.pid}`
    });
    await lock.acquire();
    const state = new SyncStateStore(sf, schema);
    await state.load();
    summary.previous = state.exists
      ? {
          organizationId: (state.get('OrganizationId') as string | null) ?? null,
          talentlmsDomain: (state.get('TalentLmsDomain') as string | null) ?? null,
          portalId: (state.get('PortalId') as string | null) ?? null
        }
      : null;
    const learners = await sf.query(
      `SELECT Id, ${schema.Learner.f.State} FROM ${schema.Learner.name} WHERE ${schema.Learner.f.TalentLmsUserId} != null OR ${schema.Learner.f.PortalId} != null OR ${schema.Learner.f.State} != null`
    );
    const confirmed = await deps.confirm({
      organizationId: sf.identity.organizationId,
      previous: summary.previous,
      next,
      linkedLearners: learners.length
    });
    if (!confirmed) {
      summary.status = 'cancelled';
      summary.exitCode = ExitCode.partial;
      logger.info('Rebind cancelled; nothing was changed');
    } else {
      summary.learnersUnlinked = await unlinkLearners(sf, schema, learners);
      summary.issuesClosed = await closeOpenIssues(sf, schema, clock.now());
      if (state.exists) await state.save(STATE_RESET);
      summary.status = 'succeeded';
      summary.exitCode = ExitCode.ok;
      logger.info('Rebound: the next run binds this org to the configured portal', {
        previous: summary.previous?.talentlmsDomain ?? null,
        next: next.talentlmsDomain,
        learnersUnlinked: summary.learnersUnlinked,
        issuesClosed: summary.issuesClosed
      });
    }
  } catch (thrown) {
    const error = toSyncError(thrown);
    summary.status = 'failed';
    summary.exitCode = error.exitCode;
    summary.error = { code: error.code, message: error.message, hint: error.hint ?? null };
  } finally {
    try {
      await lock?.release();
    } catch (releaseError) {
      logger.warn('Could not release the lock; it expires by itself', {
        error: toSyncError(releaseError).message
      });
    }
  }
  summary.finishedAt = new Date(clock.now()).toISOString();
  summary.calls.salesforce = meter.total('salesforce');
  return redactor.redactValue(summary);
}

async function unlinkLearners(
  sf: SalesforcePort,
  schema: BoundSchema,
  learners: SalesforceRecord[]
): Promise<number> {
  const f = schema.Learner.f;
  const updates = learners.map((row) => {
    const record: SalesforceRecord = { Id: row.Id };
    for (const field of LINK_FIELDS) record[f[field]] = null;
    // Who left the scope stays out of it; everyone else is matched again on the new portal.
    record[f.State] = row[f.State] === 'Excluded' ? 'Excluded' : null;
    return record;
  });
  const results = await sf.update(schema.Learner.name, updates);
  const failed = results.filter((r) => !r.success);
  if (failed.length > 0) {
    // A learner still linked to the old portal would be treated as linked on the new one: stop here.
    throw new SyncError(
      'SALESFORCE_WRITE_FAILED',
      `Could not unlink ${failed.length} of ${updates.length} learners: ${failed[0].errors.map((e) => `${e.statusCode}: ${e.message}`).join('; ')}. Nothing else was reset; run rebind again`,
      { data: { failed: failed.length } }
    );
  }
  return results.length;
}

async function closeOpenIssues(sf: SalesforcePort, schema: BoundSchema, now: number): Promise<number> {
  const f = schema.SyncIssue.f;
  const open = await sf.query(
    `SELECT Id FROM ${schema.SyncIssue.name} WHERE ${f.Status} = ${soqlString(PICKLIST_VALUES.SyncIssueStatus.open)}`
  );
  if (open.length === 0) return 0;
  const closedAt = new Date(now).toISOString();
  const results = await sf.update(
    schema.SyncIssue.name,
    open.map((row) => ({
      Id: row.Id,
      [f.Status]: PICKLIST_VALUES.SyncIssueStatus.closed,
      [f.ClosedAt]: closedAt
    }))
  );
  return results.filter((r) => r.success).length;
}
