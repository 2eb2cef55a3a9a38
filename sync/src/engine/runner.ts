import { randomUUID } from 'node:crypto';
import type { RunnerConfig } from '../config/load';
import { CallMeter } from '../core/callMeter';
import type { Clock } from '../core/clock';
import {
  AuthError,
  InterruptedError,
  LockHeldError,
  PreflightError,
  QuotaExhaustedError,
  SyncError,
  toSyncError
} from '../core/errors';
import { portalIdOf } from '../core/keys';
import { boundPlanSize, planResultSchema } from '../core/planResult';
import type { Logger } from '../core/logger';
import type { Redactor } from '../core/redact';
import {
  type Counts,
  emptyCounts,
  type RunMode,
  RUN_SUMMARY_SCHEMA_VERSION,
  type RunSummary
} from '../core/runSummary';
import { connectSalesforce, type ConnectOptions } from '../salesforce/adapter';
import type { SalesforcePort } from '../salesforce/port';
import { type BoundSchema, bindSchema, discoverNamespace } from '../salesforce/schema';
import { defaultSettings } from '../settings';
import { TalentLmsClient } from '../talentlms/client';
import { QuotaGovernor, type RateLimitInfo } from '../talentlms/quota';
import { IssueRecorder } from './issues';
import { type Outcome, outcomeOf } from './outcome';
import { RunLock } from './lock';
import { type CheckItem, evaluatePermissions, readPermissionRows } from './permissions';
import type { Phase, ProgressSink, RunContext, RunOptions } from './phase';
import { runRecordFields } from './runRecord';
import { type LoadedSettings, loadSettings } from './settings';
import { bindingPatch, checkBinding, SyncStateStore } from './state';

/**
 * One run of the runner (DESIGN.md "One run of the runner"): authenticate, discover the namespace, take the
 * lock, preflight, binding, settings, then the phases, then record everything and release the lock. Always
 * returns a summary (never throws), also when it fails before it starts, so `--json` prints one object.
 */
export interface EngineDeps {
  config: RunnerConfig;
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
  progress: ProgressSink;
  phases: Phase[];
  runnerVersion: string;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  connect?: (options: ConnectOptions) => Promise<SalesforcePort>;
  newRunId?: () => string;
}

export const SF_PHASE_FOR_BOOKKEEPING = 'preflight';

export async function executeRun(
  mode: RunMode,
  deps: EngineDeps,
  options: RunOptions = {}
): Promise<RunSummary> {
  const run = new RunExecution(mode, deps, options);
  return run.execute();
}

class RunExecution {
  private readonly runId: string;
  private readonly startedAt: number;
  private readonly meter = new CallMeter();
  private readonly counts: Counts = emptyCounts();
  private readonly warnings: string[] = [];
  private readonly logger: Logger;
  private sf: SalesforcePort | null = null;
  private schema: BoundSchema | null = null;
  private tl: TalentLmsClient | null = null;
  private rate: RateLimitInfo | null = null;
  private governor: QuotaGovernor | null = null;
  private lock: RunLock | null = null;
  private issues: IssueRecorder | null = null;
  private state: SyncStateStore | null = null;
  private settings: LoadedSettings | null = null;
  private checks: CheckItem[] | undefined;
  private username: string | null = null;
  private plan: string | null | undefined = undefined;
  /** A plan for the draft (`plan --draft`) records the draft's version and hash, which Apex matches. */
  private planSettings: { version: number | null; hash: string | null } | null = null;
  private canWriteRuns = false;
  private runRecordId: string | null = null;
  private issueTotals = { opened: 0, closed: 0, open: 0 };

  constructor(
    private readonly mode: RunMode,
    private readonly deps: EngineDeps,
    private readonly options: RunOptions
  ) {
    this.runId = (deps.newRunId ?? randomUUID)();
    this.startedAt = deps.clock.now();
    this.logger = deps.logger.child('engine', { runId: this.runId });
    this.warnings.push(...deps.config.warnings);
  }

  async execute(): Promise<RunSummary> {
    let error: SyncError | null = null;
    try {
      await this.connect();
      if (this.mode === 'check') await this.check();
      else await this.runPhases();
    } catch (thrown) {
      // An abort mid-call surfaces as whatever the call rejects with (the signal's reason): an interruption.
      const signal = this.deps.signal;
      error =
        signal?.aborted && !(thrown instanceof SyncError)
          ? new InterruptedError(String(signal.reason ?? 'signal'))
          : toSyncError(thrown);
      this.logger.debug('Run stopped', { code: error.code, message: error.message });
    }
    return this.finish(error);
  }

  /** Both sides authenticate; the namespace is discovered; the TalentLMS key is checked with /ratelimit. */
  private async connect(): Promise<void> {
    const { config, clock, redactor } = this.deps;
    this.meter.enter('preflight');
    const connect = this.deps.connect ?? connectSalesforce;
    this.sf = await connect({
      instanceUrl: config.salesforce.instanceUrl,
      apiVersion: config.salesforce.apiVersion,
      auth: config.salesforce.auth,
      clock,
      logger: this.deps.logger.child('salesforce'),
      meter: this.meter,
      redactor,
      bulk: config.bulk
    });
    let namespace = config.salesforce.namespace;
    if (namespace === undefined) {
      namespace = discoverNamespace(await this.sf.describeGlobal());
      if (namespace === undefined) {
        throw new SyncError(
          'SF_PACKAGE_NOT_FOUND',
          'The TalentLMS package objects are not visible to the integration user (no SyncRun__c object)'
        );
      }
      this.logger.debug('Namespace discovered', { namespace });
    }
    this.schema = bindSchema(namespace);
    this.tl = new TalentLmsClient({
      baseUrl: config.talentlms.baseUrl,
      apiKey: config.talentlms.apiKey,
      clock,
      logger: this.deps.logger.child('talentlms'),
      meter: this.meter,
      redactor,
      fetchImpl: this.deps.fetchImpl
    });
    this.rate = await this.tl.rateLimit();
  }

  /** `tlms-sync check`: every check, each gap named with its fix; writes only a Check run record. */
  private async check(): Promise<void> {
    const { sf, schema } = this.ready();
    const org = await this.readOrganization();
    const rows = await readPermissionRows(sf, schema);
    this.username = rows.username;
    const checks = evaluatePermissions(schema, rows);
    this.canWriteRuns = checks.some((c) => c.ok && c.name.endsWith(` on ${schema.SyncRun.name}`));
    const stateReadable = checks.find((c) => c.name.endsWith(` on ${schema.SyncState.name}`))?.ok ?? false;
    const settingsReadable =
      checks.find((c) => c.name.endsWith(` on ${schema.ConnectorSettings.name}`))?.ok ?? false;
    if (settingsReadable) {
      this.settings = await loadSettings(sf, schema);
      const problem = this.settings.problem;
      checks.push({
        name: 'Active settings',
        ok: !problem,
        fix: problem ? `${problem.message}. ${problem.hint ?? ''}`.trim() : null
      });
    }
    if (stateReadable) {
      this.state = new SyncStateStore(sf, schema);
      await this.state.load();
      const allowSandbox = this.sandboxAllowed();
      try {
        const verdict = checkBinding(this.boundValues(), this.actualBinding(org.isSandbox), allowSandbox);
        checks.push({
          name:
            verdict.action === 'record'
              ? 'Binding (recorded on the first run)'
              : 'Binding to this org and portal',
          ok: true,
          fix: null
        });
      } catch (bindingError) {
        const e = toSyncError(bindingError);
        checks.push({
          name: 'Binding to this org and portal',
          ok: false,
          fix: `${e.message}. ${e.hint ?? ''}`.trim()
        });
      }
    }
    checks.push({ name: `TalentLMS API key (${this.deps.config.talentlms.domain})`, ok: true, fix: null });
    this.checks = checks;
    const gaps = checks.filter((c) => !c.ok).map((c) => ({ name: c.name, fix: c.fix ?? '' }));
    if (gaps.length > 0)
      throw new PreflightError(gaps, `${gaps.length} check(s) failed: ${gaps.map((g) => g.name).join('; ')}`);
  }

  private async runPhases(): Promise<void> {
    const { sf, schema, tl } = this.ready();
    const { config, clock, redactor } = this.deps;
    // Permissions first (reads only), so a missing grant is named instead of failing on the lock insert.
    const org = await this.readOrganization();
    const rows = await readPermissionRows(sf, schema);
    this.username = rows.username;
    const gaps = evaluatePermissions(schema, rows)
      .filter((c) => !c.ok)
      .map((c) => ({ name: c.name, fix: c.fix ?? '' }));
    if (gaps.length > 0) throw new PreflightError(gaps);

    this.lock = new RunLock({
      sf,
      schema,
      clock,
      logger: this.logger.child('lock'),
      runId: this.runId,
      ttlMs: config.lockTtlMs
    });
    try {
      await this.lock.acquire();
    } catch (lockError) {
      // A skipped run is recorded too, so Sync Health shows overlapping schedules.
      if (lockError instanceof LockHeldError) this.canWriteRuns = true;
      throw lockError;
    }
    this.canWriteRuns = true;
    await this.writeRunRecord(this.summaryFor(null), true);

    this.state = new SyncStateStore(sf, schema);
    await this.state.load();
    this.settings = await loadSettings(sf, schema);
    // `plan --draft` must work before anything is active: the first activation needs its plan.
    const draftOnly = this.mode === 'plan' && this.options.draft && this.settings.draft !== null;
    if (draftOnly && !this.settings.active && this.settings.problem?.code === 'SETTINGS_NOT_ACTIVE') {
      this.settings = {
        ...this.settings,
        active: { json: '', version: null, hash: '', settings: defaultSettings() }
      };
    }
    if (!this.settings.active) throw this.settings.problem as SyncError;
    const actual = this.actualBinding(org.isSandbox);
    const verdict = checkBinding(this.boundValues(), actual, this.sandboxAllowed());
    if (verdict.action === 'record' && this.mode === 'run') {
      this.logger.info('Binding this org to the TalentLMS portal (first run)', { ...actual });
      await this.state.save(bindingPatch(actual, clock.now()));
    }

    const settings = this.settings.active.settings;
    this.governor = new QuotaGovernor({
      share: settings.budgets.talentlmsShare,
      clock,
      logger: this.deps.logger.child('quota'),
      readRateLimit: () => (tl as TalentLmsClient).rateLimit()
    });
    await this.governor.refresh();
    tl.useGovernor(this.governor);
    this.issues = new IssueRecorder(sf, schema, clock, this.logger.child('issues'), redactor);
    await this.issues.load();

    const context = this.context(settings);
    for (const phase of this.deps.phases) {
      if (phase.shouldRun && !phase.shouldRun(context)) continue;
      this.meter.enter(phase.name);
      this.logger.info(`Phase ${phase.name} started`, { label: phase.label });
      this.deps.progress.update(phase.label, 0, null);
      await phase.run(context);
      this.meter.enter('preflight');
      await context.checkpoint();
    }
  }

  private context(settings: NonNullable<LoadedSettings['active']>['settings']): RunContext {
    const { sf, schema, tl } = this.ready();
    const signal = this.deps.signal ?? new AbortController().signal;
    const share = settings.budgets.salesforceShare;
    return {
      runId: this.runId,
      mode: this.mode as 'run' | 'plan',
      options: this.options,
      clock: this.deps.clock,
      logger: this.deps.logger.child('phase', { runId: this.runId }),
      config: this.deps.config,
      schema,
      sf,
      tl,
      quota: this.governor as QuotaGovernor,
      portalId: portalIdOf(this.deps.config.talentlms.domain),
      settings,
      settingsDocuments: this.settings as LoadedSettings,
      state: this.state as SyncStateStore,
      counts: this.counts,
      issues: this.issues as IssueRecorder,
      progress: this.deps.progress,
      signal,
      warn: (message) => this.warnings.push(message),
      bookCallsTo: (phase) => this.meter.enter(phase),
      checkpoint: async () => {
        if (signal.aborted) throw new InterruptedError(String(signal.reason ?? 'signal'));
        await this.lock?.heartbeat();
        const usage = sf.apiUsage();
        // Leave (1 - share) of the org's daily API allowance to everything else in the org.
        if (usage && usage.limit - usage.used < usage.limit * (1 - share)) {
          throw new QuotaExhaustedError('salesforce', { used: usage.used, limit: usage.limit, share });
        }
      },
      setPlan: (plan) => {
        this.plan = JSON.stringify(boundPlanSize(planResultSchema.parse(plan)));
        this.planSettings = plan.settings.source === 'draft' ? plan.settings : null;
      }
    };
  }

  private async readOrganization(): Promise<{ isSandbox: boolean }> {
    const { sf, schema } = this.ready();
    const [org] = await sf.query(
      `SELECT Id, ${schema.Organization.f.IsSandbox} FROM ${schema.Organization.name} LIMIT 1`
    );
    return { isSandbox: org?.[schema.Organization.f.IsSandbox] === true };
  }

  private boundValues() {
    const state = this.state as SyncStateStore;
    return {
      organizationId: state.get('OrganizationId'),
      isSandbox: state.get('IsSandbox'),
      talentlmsDomain: state.get('TalentLmsDomain')
    };
  }

  private actualBinding(isSandbox: boolean) {
    return {
      organizationId: (this.sf as SalesforcePort).identity.organizationId,
      isSandbox,
      talentlmsDomain: this.deps.config.talentlms.domain
    };
  }

  private sandboxAllowed(): boolean {
    return this.deps.config.allowSandbox || Boolean(this.settings?.active?.settings.sandbox.allowSandbox);
  }

  private ready(): { sf: SalesforcePort; schema: BoundSchema; tl: TalentLmsClient } {
    if (!this.sf || !this.schema || !this.tl) throw new Error('The run is not connected');
    return { sf: this.sf, schema: this.schema, tl: this.tl };
  }

  /** Bookkeeping after the phases, whatever happened: issues, state, lock, then the run record (last call). */
  private async finish(error: SyncError | null): Promise<RunSummary> {
    this.meter.enter('preflight');
    const { clock } = this.deps;
    try {
      if (this.issues) this.issueTotals = await this.issues.flush(this.runRecordId);
    } catch (flushError) {
      this.logger.warn('Could not record the issues', { error: toSyncError(flushError).message });
    }
    const outcome = this.outcome(error);
    try {
      if (this.state && this.lock?.held && this.mode === 'run' && !(error instanceof AuthError)) {
        const now = new Date(clock.now()).toISOString();
        await this.state.save({
          LastRunAt: now,
          RunnerVersion: this.deps.runnerVersion.slice(0, 40),
          ...(outcome.status === 'succeeded' ? { LastSuccessfulRunAt: now } : {})
        });
      }
    } catch (stateError) {
      this.logger.warn('Could not save the sync state', { error: toSyncError(stateError).message });
    }
    try {
      await this.lock?.release();
    } catch (releaseError) {
      this.logger.warn('Could not release the lock; it expires by itself', {
        error: toSyncError(releaseError).message
      });
    }
    const writeRecord = Boolean(this.sf && this.schema && this.canWriteRuns);
    // The run record write is the last call; it is counted in the summary it carries.
    const summary = this.summaryFor(error, writeRecord ? 1 : 0);
    if (writeRecord) {
      try {
        await this.writeRunRecord(summary, false);
      } catch (recordError) {
        this.logger.warn('Could not write the run record', { error: toSyncError(recordError).message });
      }
    }
    return summary;
  }

  private outcome(error: SyncError | null): Outcome {
    return outcomeOf(error, this.counts.failed > 0 || (this.issues?.failureCount ?? 0) > 0);
  }

  private summaryFor(error: SyncError | null, pendingSalesforceCalls = 0): RunSummary {
    const { clock, redactor, config } = this.deps;
    const now = clock.now();
    const calls = this.meter.snapshot();
    calls.salesforce += pendingSalesforceCalls;
    calls.byPhase.preflight.salesforce += pendingSalesforceCalls;
    const tlQuota = this.governor?.snapshot() ?? {
      used: this.rate ? this.rate.limit - this.rate.remaining : null,
      limit: this.rate?.limit ?? null,
      resetAt: this.rate?.resetAt ?? null
    };
    const sfUsage = this.sf?.apiUsage() ?? null;
    const summary: RunSummary = {
      schemaVersion: RUN_SUMMARY_SCHEMA_VERSION,
      runId: this.runId,
      mode: this.mode,
      ...this.outcome(error),
      startedAt: new Date(this.startedAt).toISOString(),
      finishedAt: new Date(now).toISOString(),
      durationMs: Math.max(0, now - this.startedAt),
      settingsVersion: this.planSettings
        ? this.planSettings.version
        : (this.settings?.active?.version ?? null),
      settingsHash: this.planSettings ? this.planSettings.hash : this.settings?.active?.hash || null,
      runnerVersion: this.deps.runnerVersion,
      organizationId: this.sf?.identity.organizationId ?? null,
      talentlmsDomain: config.talentlms.domain,
      calls,
      quota: {
        talentlms: {
          used: tlQuota.used,
          limit: tlQuota.limit,
          resetAt: tlQuota.resetAt === null ? null : new Date(tlQuota.resetAt).toISOString()
        },
        salesforce: { used: sfUsage?.used ?? null, limit: sfUsage?.limit ?? null }
      },
      counts: { ...this.counts },
      issues: { ...this.issueTotals },
      ...(this.checks || this.mode === 'check' ? { checks: this.checks ?? [] } : {}),
      warnings: [...this.warnings],
      error: error ? { code: error.code, message: error.message, hint: error.hint ?? null } : null
    };
    return redactor.redactValue(summary);
  }

  private async writeRunRecord(summary: RunSummary, running: boolean): Promise<void> {
    const { sf, schema } = this.ready();
    const record = runRecordFields(schema, summary, {
      running,
      username: this.username,
      ...(this.plan !== undefined ? { plan: this.plan } : {})
    });
    const [result] = await sf.upsert(schema.SyncRun.name, schema.SyncRun.f.RunId, [record]);
    if (!result.success) {
      this.logger.warn('The run record was refused', { errors: result.errors });
    } else if (result.id) {
      this.runRecordId = result.id;
    }
  }
}
