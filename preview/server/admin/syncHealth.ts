import type { ApexContext } from '../apex/context';
import type { SRecord } from '../data/recordSource';
import { canEdit, compact, instant, integer, nowInstant, refuse, requireRead } from './access';

/**
 * The TypeScript twin of SyncHealthService: recent runs, open issues grouped by code, people not synced and
 * why, and the two admin actions, which write to the org so the runner's next run sees them.
 */
const RUN_ROWS = 30;
const ISSUE_SAMPLE_ROWS = 500;
const ISSUES_PER_GROUP = 20;
const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 200;
const MAX_OFFSET = 2000;
const NOT_SYNCED_STATES = ['Error', 'NeedsReview', 'Excluded'];
type Dto = Record<string, unknown>;

const time = (value: unknown) => (value ? new Date(String(value)).getTime() : null);
/** ORDER BY x DESC (nulls first, as SOQL sorts descending by default). */
const descending = (field: string) => (a: SRecord, b: SRecord) => {
  const left = time(a[field]);
  const right = time(b[field]);
  if (left === right) return 0;
  if (left === null) return -1;
  if (right === null) return 1;
  return right - left;
};

function percent(used: unknown, limit: unknown): number | null {
  const u = Number(used);
  const l = Number(limit);
  if (used == null || limit == null || !(l > 0)) return null;
  return Math.min(100, Math.round((u * 1000) / l) / 10);
}

/** The runner's exclusion reason codes and their labels (SyncHealthService.exclusionReasonLabels). */
const EXCLUSION_REASON_LABELS: Record<string, string> = {
  deleted: 'SyncHealth_Reason_Deleted',
  merged: 'SyncHealth_Reason_Merged',
  inactive: 'SyncHealth_Reason_Inactive',
  userType: 'SyncHealth_Reason_UserType',
  runAsUser: 'SyncHealth_Reason_RunAsUser',
  personAccount: 'SyncHealth_Reason_PersonAccount',
  filter: 'SyncHealth_Reason_Filter',
  populationDisabled: 'SyncHealth_Reason_PopulationDisabled',
  unknown: 'SyncHealth_Reason_Unknown',
  noEmail: 'SyncHealth_Reason_NoEmail',
  sameEmailAsUser: 'SyncHealth_Reason_SameEmailAsUser'
};

/** SyncHealthService.exclusionReasonText: a known code as its label, any other inside a generic sentence. */
export function exclusionReasonText(context: ApexContext, code: unknown): string | null {
  if (typeof code !== 'string' || code.trim() === '') return null;
  const label = Object.hasOwn(EXCLUSION_REASON_LABELS, code) ? EXCLUSION_REASON_LABELS[code] : undefined;
  return label
    ? context.labels.get(label)
    : context.labels.get('SyncHealth_Reason_Other').replace('{0}', () => code);
}

function runRow(run: SRecord): Dto {
  const orZero = (value: unknown) => integer(value) ?? 0;
  return compact({
    id: run.Id,
    name: run.Name,
    mode: run.Mode__c,
    status: run.Status__c,
    stopReason: run.StopReason__c,
    startedAt: instant(run.StartedAt__c),
    durationMs: integer(run.DurationMs__c),
    created: integer(run.Created__c),
    updated: integer(run.Updated__c),
    activated: integer(run.Activated__c),
    deactivated: integer(run.Deactivated__c),
    grouped: integer(run.Grouped__c),
    branched: integer(run.Branched__c),
    excluded: integer(run.Excluded__c),
    needsReview: integer(run.NeedsReview__c),
    failed: integer(run.Failed__c),
    learningRecords:
      orZero(run.CoursesUpserted__c) + orZero(run.CertificatesUpserted__c) + orZero(run.BadgesUpserted__c),
    salesforceCalls: integer(run.SalesforceCalls__c),
    talentlmsCalls: integer(run.TalentLmsCalls__c),
    salesforceQuotaPercent: percent(run.SalesforceQuotaUsed__c, run.SalesforceQuotaLimit__c),
    talentlmsQuotaPercent: percent(run.TalentLmsQuotaUsed__c, run.TalentLmsQuotaLimit__c),
    errorCode: run.ErrorCode__c,
    errorMessage: run.ErrorMessage__c
  });
}

function personOf(id: unknown): { personId?: string; personObject?: string } {
  if (typeof id !== 'string' || !/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(id)) return {};
  return { personId: id, personObject: id.startsWith('005') ? 'User' : 'Contact' };
}

async function issueGroups(context: ApexContext): Promise<{ groups: Dto[]; openIssues: number }> {
  const [issues, learners] = await Promise.all([
    context.source.list('SyncIssue__c'),
    context.source.list('Learner__c')
  ]);
  const open = issues.filter((issue) => issue.Status__c === 'Open');
  const byCode = new Map<string, SRecord[]>();
  for (const issue of open)
    byCode.set(String(issue.Code__c ?? ''), [...(byCode.get(String(issue.Code__c ?? '')) ?? []), issue]);
  const learnerById = new Map(learners.map((learner) => [learner.Id, learner]));
  const sample = [...open].sort(descending('LastSeenAt__c')).slice(0, ISSUE_SAMPLE_ROWS);
  const groups = [...byCode.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, 200)
    .map(([code, rows]) => {
      const seen = (field: string, pick: (a: number, b: number) => number) =>
        rows
          .map((row) => time(row[field]))
          .filter((t): t is number => t !== null)
          .reduce((a, b) => pick(a, b), NaN);
      const occurrences = rows.reduce((sum, row) => sum + (Number(row.Count__c) || 0), 0);
      const inSample = sample.filter((issue) => String(issue.Code__c ?? '') === code);
      const first = seen('FirstSeenAt__c', (a, b) => (Number.isNaN(a) ? b : Math.min(a, b)));
      const last = seen('LastSeenAt__c', (a, b) => (Number.isNaN(a) ? b : Math.max(a, b)));
      return compact({
        code: code || null,
        hintText: inSample.find((issue) => issue.Hint__c)?.Hint__c ?? null,
        openCount: rows.length,
        occurrences: rows.some((row) => row.Count__c != null) ? occurrences : rows.length,
        firstSeenAt: Number.isNaN(first) ? null : new Date(first).toISOString(),
        lastSeenAt: Number.isNaN(last) ? null : new Date(last).toISOString(),
        issues: inSample.slice(0, ISSUES_PER_GROUP).map((issue) => {
          const learner =
            typeof issue.Learner__c === 'string' ? learnerById.get(issue.Learner__c) : undefined;
          const person = learner?.User__c
            ? { personId: learner.User__c, personObject: 'User' }
            : learner?.Contact__c
              ? { personId: learner.Contact__c, personObject: 'Contact' }
              : personOf(issue.SalesforceId__c);
          return compact({
            id: issue.Id,
            name: issue.Name,
            personName: issue.PersonName__c,
            ...person,
            action: issue.Action__c,
            message: issue.Message__c,
            count: integer(issue.Count__c),
            firstSeenAt: instant(issue.FirstSeenAt__c),
            lastSeenAt: instant(issue.LastSeenAt__c)
          });
        })
      });
    });
  return { groups, openIssues: groups.reduce((sum, group) => sum + Number(group.openCount), 0) };
}

async function notSynced(
  context: ApexContext,
  state: string | null,
  pageSize: number | null,
  pageOffset: number | null
): Promise<Dto> {
  let states = NOT_SYNCED_STATES;
  if (state) {
    if (!states.includes(state)) throw refuse(context, 'SyncHealth_Error_UnknownState');
    states = [state];
  }
  const size = pageSize === null || pageSize < 1 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
  const offset = pageOffset === null || pageOffset < 0 ? 0 : Math.min(pageOffset, MAX_OFFSET);
  const learners = (await context.source.list('Learner__c')).filter((learner) =>
    states.includes(String(learner.State__c))
  );
  // ORDER BY LastProvisionedAt__c DESC NULLS LAST, Name
  learners.sort((a, b) => {
    const left = time(a.LastProvisionedAt__c);
    const right = time(b.LastProvisionedAt__c);
    if (left !== right) return left === null ? 1 : right === null ? -1 : right - left;
    return String(a.Name ?? '').localeCompare(String(b.Name ?? ''));
  });
  return {
    total: learners.length,
    pageSize: size,
    pageOffset: offset,
    people: learners.slice(offset, offset + size).map((learner) =>
      compact({
        learnerId: learner.Id,
        name: learner.Name,
        email: learner.Email__c,
        state: learner.State__c,
        reason: learner.StateMessage__c
          ? learner.StateMessage__c
          : exclusionReasonText(context, learner.ExclusionReason__c),
        lastProvisionedAt: instant(learner.LastProvisionedAt__c),
        personId: learner.User__c ?? learner.Contact__c,
        personObject: learner.User__c ? 'User' : learner.Contact__c ? 'Contact' : null
      })
    )
  };
}

async function syncState(context: ApexContext): Promise<SRecord | undefined> {
  return (await context.source.list('SyncState__c')).find((state) => state.StateKey__c === 'default');
}

export async function health(
  context: ApexContext,
  state: string | null,
  pageSize: number | null,
  pageOffset: number | null
): Promise<Dto> {
  for (const objectName of ['SyncRun__c', 'SyncIssue__c', 'Learner__c', 'SyncLock__c', 'SyncState__c'])
    requireRead(context, objectName);
  const runs = (await context.source.list('SyncRun__c'))
    .sort(descending('StartedAt__c'))
    .slice(0, RUN_ROWS)
    .map(runRow);
  const { groups, openIssues } = await issueGroups(context);
  const people = await notSynced(context, state, pageSize, pageOffset);
  const locks = await context.source.list('SyncLock__c');
  const current = await syncState(context);
  return compact({
    runs,
    issueGroups: groups,
    openIssues,
    notSynced: people,
    runInProgress: locks.some((lock) => (time(lock.ExpiresAt__c) ?? 0) > context.clock.now()),
    lastSuccessfulRunAt: instant(current?.LastSuccessfulRunAt__c),
    fullReconciliationRequested: current?.FullReconciliationRequested__c === true,
    fullReconciliationRequestedAt: instant(current?.FullReconciliationRequestedAt__c),
    canResolve: canEdit(context, 'SyncIssue__c'),
    canRequestReconciliation: current !== undefined && canEdit(context, 'SyncState__c')
  });
}

export async function resolveIssue(context: ApexContext, issueId: string | null): Promise<void> {
  if (!canEdit(context, 'SyncIssue__c')) throw refuse(context, 'SyncHealth_Error_NoAccess');
  const issue = issueId
    ? (await context.source.list('SyncIssue__c')).find(
        (each) => each.Id === issueId && each.Status__c === 'Open'
      )
    : undefined;
  if (!issue) throw refuse(context, 'SyncHealth_Error_IssueNotOpen');
  await context.source.update('SyncIssue__c', issue.Id, {
    Status__c: 'ResolvedByAdmin',
    ClosedAt__c: nowInstant(context)
  });
}

export async function requestFullReconciliation(context: ApexContext): Promise<void> {
  if (!canEdit(context, 'SyncState__c')) throw refuse(context, 'SyncHealth_Error_NoAccess');
  const current = await syncState(context);
  if (!current) throw refuse(context, 'SyncHealth_Error_NoRunYet');
  await context.source.update('SyncState__c', current.Id, {
    FullReconciliationRequested__c: true,
    FullReconciliationRequestedAt__c: nowInstant(context)
  });
}
