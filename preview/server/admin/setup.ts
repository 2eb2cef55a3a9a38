import { formatSettingsPath, readSettings } from '../../../sync/src/settings/parse';
import { hashSettingsJson } from '../../../sync/src/settings/hash';
import { AuraHandledError, type ApexContext } from '../apex/context';
import { sameId, type SRecord } from '../data/recordSource';
import { personName } from '../visibility';
import { compact, displayDateTime, instant, integer, nowInstant, refuse, requireRead } from './access';
import { classify, DEFAULT_SETTINGS_JSON } from './settingsRisk';

/**
 * The TypeScript twin of SettingsService (draft → plan → activate, with the audit trail), SetupService
 * (connection, catalog) and SetupChecklistService for the Setup tab. Saves and activations write
 * ConnectorSettings__c and SettingsChange__c to the org, so the runner's next run reads what the tab wrote;
 * recording a change prunes up to PRUNE_ROWS changes older than the active retention, as SettingsService does.
 * The validator is the runner's (sync/src/settings), which implements the same schema the Apex validator does.
 */
type Dto = Record<string, unknown>;
const PLAN_STATUSES = ['Succeeded', 'Partial'];
const HISTORY_ROWS = 20;
const PRUNE_ROWS = 200;
const DAY_MS = 86_400_000;

/** String.format with {0}, {1} … */
export function format(template: string, args: unknown[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index) =>
    args[Number(index)] === undefined ? match : String(args[Number(index)])
  );
}

function validate(json: string): { path: string; message: string }[] {
  const result = readSettings(json);
  return result.ok
    ? []
    : result.issues.map((issue) => ({ path: formatSettingsPath(issue.path), message: issue.message }));
}

async function settingsRecord(context: ApexContext): Promise<SRecord | undefined> {
  requireRead(context, 'ConnectorSettings__c');
  return (await context.source.list('ConnectorSettings__c')).find(
    (record) => record.SettingsKey__c === 'default'
  );
}

async function syncState(context: ApexContext): Promise<SRecord | undefined> {
  return (await context.source.list('SyncState__c')).find((state) => state.StateKey__c === 'default');
}

async function runs(context: ApexContext): Promise<SRecord[]> {
  requireRead(context, 'SyncRun__c');
  const time = (run: SRecord) => (run.StartedAt__c ? new Date(String(run.StartedAt__c)).getTime() : 0);
  return (await context.source.list('SyncRun__c')).sort((a, b) => time(b) - time(a));
}

async function planRun(context: ApexContext, version: number, hash: string): Promise<SRecord | undefined> {
  return (await runs(context)).find(
    (run) =>
      run.Mode__c === 'Plan' &&
      Number(run.SettingsVersion__c) === version &&
      run.SettingsHash__c === hash &&
      PLAN_STATUSES.includes(String(run.Status__c))
  );
}

async function userName(context: ApexContext, id: unknown): Promise<string | null> {
  if (typeof id !== 'string') return null;
  const user = (await context.source.list('User')).find((each) => each.Id.slice(0, 15) === id.slice(0, 15));
  return user ? personName(user) : null;
}

async function lastRunAt(context: ApexContext): Promise<string | null> {
  const state = await syncState(context);
  return instant(state?.LastRunAt__c) ?? instant((await runs(context))[0]?.StartedAt__c);
}

export async function settingsState(context: ApexContext): Promise<Dto> {
  const record = await settingsRecord(context);
  const draftJson = record?.DraftJson__c ? String(record.DraftJson__c) : DEFAULT_SETTINGS_JSON;
  const draftVersion = integer(record?.DraftVersion__c) ?? 0;
  const draftHash = hashSettingsJson(draftJson);
  const activeJson = record?.ActiveJson__c ? String(record.ActiveJson__c) : null;
  const hasUnactivatedChanges =
    Boolean(record?.DraftJson__c) && (!activeJson || hashSettingsJson(activeJson) !== draftHash);
  const issues = validate(draftJson);
  const changes = issues.length === 0 ? classify(activeJson, draftJson) : [];
  const risky = changes.some((change) => change.risky);
  const plan: Dto = { lastRunAt: await lastRunAt(context) };
  if (!hasUnactivatedChanges || !risky) plan.status = 'NotNeeded';
  else {
    const run = await planRun(context, draftVersion, draftHash);
    plan.status = run ? 'Ready' : 'Waiting';
    if (run)
      Object.assign(plan, {
        runId: run.Id,
        runName: run.Name,
        computedAt: instant(run.FinishedAt__c ?? run.StartedAt__c)
      });
  }
  const changeRecords = (await context.source.list('SettingsChange__c'))
    .sort((a, b) => new Date(String(b.ChangedAt__c)).getTime() - new Date(String(a.ChangedAt__c)).getTime())
    .slice(0, HISTORY_ROWS);
  const history = [];
  for (const change of changeRecords) {
    history.push(
      compact({
        id: change.Id,
        name: change.Name,
        action: change.Action__c,
        changedAt: instant(change.ChangedAt__c),
        changedBy: await userName(context, change.ChangedBy__c),
        versionBefore: integer(change.VersionBefore__c),
        versionAfter: integer(change.VersionAfter__c),
        summary: change.Summary__c,
        beforeJson: change.Before__c,
        afterJson: change.After__c
      })
    );
  }
  return compact({
    draftJson,
    draftVersion,
    draftHash,
    draftSavedAt: instant(record?.DraftSavedAt__c),
    draftSavedBy: await userName(context, record?.DraftSavedBy__c),
    activeJson,
    activeVersion: integer(record?.ActiveVersion__c),
    activatedAt: instant(record?.ActivatedAt__c),
    activatedBy: await userName(context, record?.ActivatedBy__c),
    hasUnactivatedChanges,
    risky,
    changes: changes.map((change) => compact({ ...change })),
    issues,
    plan: compact(plan),
    canActivate: hasUnactivatedChanges && issues.length === 0 && (!risky || plan.status === 'Ready'),
    history
  });
}

function requireEditAccess(context: ApexContext): void {
  const sets = context.persona.permissionSets;
  const ok =
    context.permissions.canEditObject(sets, 'ConnectorSettings__c') &&
    context.permissions.canCreateObject(sets, 'ConnectorSettings__c') &&
    context.permissions.canCreateObject(sets, 'SettingsChange__c');
  if (!ok) throw refuse(context, 'Settings_Error_NoAccess');
}

function requireVersion(context: ApexContext, current: number, expected: number | null): void {
  if (expected === null || current !== expected) {
    throw new AuraHandledError(format(context.labels.get('Settings_Error_Stale'), [current]));
  }
}

async function audit(
  context: ApexContext,
  action: string,
  before: string | null,
  after: string,
  versionBefore: number | null,
  versionAfter: number,
  summary: string,
  activeJson: string | null
): Promise<void> {
  const changeId = await context.source.insert('SettingsChange__c', {
    Action__c: action,
    Before__c: before,
    After__c: after,
    VersionBefore__c: versionBefore,
    VersionAfter__c: versionAfter,
    ChangedAt__c: nowInstant(context),
    ChangedBy__c: context.caller.userId,
    Summary__c: summary.slice(0, 255)
  });
  await pruneExpiredChanges(context, changeId, activeJson);
}

/** SettingsService.pruneExpiredChanges: oldest first, never the change just written, one bounded delete. */
async function pruneExpiredChanges(context: ApexContext, keepId: string, activeJson: string | null) {
  if (!context.permissions.canDeleteObject(context.persona.permissionSets, 'SettingsChange__c')) return;
  const cutoff = context.clock.now() - settingsChangesDays(activeJson) * DAY_MS;
  const changedAt = (change: SRecord) => Date.parse(String(change.ChangedAt__c ?? ''));
  const expired = (await context.source.list('SettingsChange__c'))
    .filter((change) => !sameId(change.Id, keepId) && changedAt(change) < cutoff)
    .sort((a, b) => changedAt(a) - changedAt(b))
    .slice(0, PRUNE_ROWS);
  if (expired.length > 0)
    await context.source.delete(
      'SettingsChange__c',
      expired.map((change) => change.Id)
    );
}

/** The active document's retention of settings changes; the defaults while nothing is active. */
export function settingsChangesDays(activeJson: string | null): number {
  const document = JSON.parse(activeJson || DEFAULT_SETTINGS_JSON) as {
    retention: { settingsChangesDays: number };
  };
  return document.retention.settingsChangesDays;
}

function summarize(
  context: ApexContext,
  template: string,
  version: number,
  changes: { path: string; risky: boolean; reason?: string }[]
): string {
  const paths = changes.map((change) => (change.risky ? `${change.path} (${change.reason})` : change.path));
  const listed = paths.length === 0 ? context.labels.get('Settings_Summary_NoChanges') : paths.join(', ');
  return format(context.labels.get(template), [version, changes.length, listed]);
}

async function done(context: ApexContext, message: string): Promise<Dto> {
  return { ok: true, message, issues: [], state: await settingsState(context) };
}

export async function saveDraft(
  context: ApexContext,
  json: string | null,
  baseVersion: number | null
): Promise<Dto> {
  requireEditAccess(context);
  const issues = validate(json ?? '');
  if (issues.length > 0 || json === null)
    return { ok: false, message: context.labels.get('Settings_Save_Invalid'), issues };
  const record = await settingsRecord(context);
  const current = integer(record?.DraftVersion__c) ?? 0;
  requireVersion(context, current, baseVersion);
  const before = record?.DraftJson__c ? String(record.DraftJson__c) : DEFAULT_SETTINGS_JSON;
  if (record && json === record.DraftJson__c)
    return done(context, context.labels.get('Settings_Save_Unchanged'));
  const fields = {
    DraftJson__c: json,
    DraftVersion__c: current + 1,
    DraftHash__c: hashSettingsJson(json),
    DraftSavedAt__c: nowInstant(context),
    DraftSavedBy__c: context.caller.userId
  };
  if (record) await context.source.update('ConnectorSettings__c', record.Id, fields);
  else
    await context.source.insert('ConnectorSettings__c', {
      Name: context.labels.get('Settings_RecordName'),
      SettingsKey__c: 'default',
      ...fields
    });
  const changes = classify(before, json);
  await audit(
    context,
    'SaveDraft',
    before,
    json,
    current,
    current + 1,
    summarize(context, 'Settings_Summary_Save', current + 1, changes),
    record?.ActiveJson__c ? String(record.ActiveJson__c) : null
  );
  return done(context, format(context.labels.get('Settings_Save_Done'), [current + 1]));
}

export async function activateDraft(context: ApexContext, draftVersion: number | null): Promise<Dto> {
  requireEditAccess(context);
  const record = await settingsRecord(context);
  if (!record || !record.DraftJson__c) throw refuse(context, 'Settings_Activate_NothingSaved');
  const current = integer(record.DraftVersion__c) ?? 0;
  requireVersion(context, current, draftVersion);
  const draftJson = String(record.DraftJson__c);
  const draftHash = hashSettingsJson(draftJson);
  const activeJson = record.ActiveJson__c ? String(record.ActiveJson__c) : null;
  if (activeJson && hashSettingsJson(activeJson) === draftHash)
    return done(context, context.labels.get('Settings_Activate_AlreadyActive'));
  const issues = validate(draftJson);
  if (issues.length > 0) return { ok: false, message: context.labels.get('Settings_Save_Invalid'), issues };
  const changes = classify(activeJson, draftJson);
  if (changes.some((change) => change.risky) && !(await planRun(context, current, draftHash))) {
    const riskyPaths = changes
      .filter((change) => change.risky)
      .map((change) => change.path)
      .join(', ');
    const message = format(context.labels.get('Settings_Activate_NeedsPlan'), [
      current,
      riskyPaths,
      displayDateTime(await lastRunAt(context)) ?? context.labels.get('Settings_Never')
    ]);
    throw new AuraHandledError(message);
  }
  await context.source.update('ConnectorSettings__c', record.Id, {
    ActiveJson__c: draftJson,
    ActiveVersion__c: current,
    ActiveHash__c: draftHash,
    ActivatedAt__c: nowInstant(context),
    ActivatedBy__c: context.caller.userId
  });
  await audit(
    context,
    'Activate',
    activeJson,
    draftJson,
    integer(record.ActiveVersion__c),
    current,
    summarize(context, 'Settings_Summary_Activate', current, changes),
    draftJson
  );
  return done(context, format(context.labels.get('Settings_Activate_Done'), [current]));
}

export async function discardDraft(context: ApexContext, draftVersion: number | null): Promise<Dto> {
  requireEditAccess(context);
  const record = await settingsRecord(context);
  if (!record || !record.DraftJson__c) return done(context, context.labels.get('Settings_Discard_Nothing'));
  const current = integer(record.DraftVersion__c) ?? 0;
  requireVersion(context, current, draftVersion);
  const target = record.ActiveJson__c ? String(record.ActiveJson__c) : DEFAULT_SETTINGS_JSON;
  if (target === record.DraftJson__c) return done(context, context.labels.get('Settings_Discard_Nothing'));
  await context.source.update('ConnectorSettings__c', record.Id, {
    DraftJson__c: target,
    DraftVersion__c: current + 1,
    DraftHash__c: hashSettingsJson(target),
    DraftSavedAt__c: nowInstant(context),
    DraftSavedBy__c: context.caller.userId
  });
  await audit(
    context,
    'Discard',
    String(record.DraftJson__c),
    target,
    current,
    current + 1,
    format(context.labels.get('Settings_Summary_Discard'), [current, current + 1]),
    record.ActiveJson__c ? String(record.ActiveJson__c) : null
  );
  return done(context, context.labels.get('Settings_Discard_Done'));
}

export async function planPreview(context: ApexContext): Promise<Dto | null> {
  const record = await settingsRecord(context);
  if (!record || !record.DraftJson__c) return null;
  const run = await planRun(
    context,
    integer(record.DraftVersion__c) ?? 0,
    hashSettingsJson(String(record.DraftJson__c))
  );
  if (!run) return null;
  let plan: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = run.Plan__c ? JSON.parse(String(run.Plan__c)) : null;
    plan =
      parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : null;
  } catch {
    plan = null;
  }
  const preview: Dto = compact({
    runId: run.Id,
    runName: run.Name,
    settingsVersion: integer(run.SettingsVersion__c),
    computedAt: instant(run.FinishedAt__c ?? run.StartedAt__c),
    readable: plan !== null,
    actions: [] as Dto[]
  });
  if (!plan) return preview;
  const asMap = (value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const counts = asMap(plan.counts);
  const samples = asMap(plan.samples);
  const order = ['create', 'update', 'activate', 'deactivate', 'group', 'branch', 'exclude', 'needsReview'];
  for (const action of Object.keys(counts)) if (!order.includes(action)) order.push(action);
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  for (const action of order) {
    const people = (Array.isArray(samples[action]) ? (samples[action] as unknown[]) : [])
      .filter((item) => item && typeof item === 'object')
      .slice(0, 10)
      .map((item) => {
        const person = item as Record<string, unknown>;
        return compact({
          salesforceId: text(person.salesforceId),
          name: text(person.name),
          personType: text(person.personType),
          detail: text(person.detail)
        });
      });
    if (counts[action] === undefined && people.length === 0) continue;
    (preview.actions as Dto[]).push({
      action,
      count: typeof counts[action] === 'number' ? Math.trunc(counts[action] as number) : people.length,
      samples: people
    });
  }
  return preview;
}
