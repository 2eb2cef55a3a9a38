import type { ApexContext } from '../apex/context';
import type { RecordSource, SRecord } from '../data/recordSource';
import { compact, instant, refuse } from './access';

/**
 * PermissionAssignmentService, PermissionAssignmentJob and PermissionAssignmentSchedule for the preview:
 * TalentLMS_Learner for every active user the connector has synced, TalentLMS_Manager for every active user
 * with active direct reports, read from the org's PermissionSet and PermissionSetAssignment rows and written
 * as PermissionSetAssignment rows, in chunks, never removing one. The scheduled and queued jobs live in the
 * preview's AsyncApex (the emulator has no CronTrigger or AsyncApexJob).
 */
type Dto = Record<string, unknown>;

export const LEARNER_SET = 'TalentLMS_Learner';
export const MANAGER_SET = 'TalentLMS_Manager';
const PERSON_USER = 'User';
const STATE_SYNCED = 'Synced';
const CHUNK = 1000;
const COUNT_LIMIT = 10000;
export const JOB_NAME = 'TalentLMS permission sets';
export const CRON = '0 15 * * * ?';
export const JOB_CLASS = 'PermissionAssignmentJob';

/** System.QueryException: a `WITH USER_MODE` query on setup objects the caller may not read. */
export class SetupQueryError extends Error {}

/** PermissionAssignmentService.AssignmentException: a user-caused problem; the message says what to do. */
export class AssignmentError extends Error {}

/** 15-character form, so 15- and 18-character ids compare equal. */
const key = (id: unknown) => String(id ?? '').slice(0, 15);

/**
 * Setup objects (PermissionSet, PermissionSetAssignment) need View Setup and Configuration in user mode; the
 * preview's admin persona is the one persona that holds it (with View All Data).
 */
export function canReadSetup(context: ApexContext): boolean {
  return context.caller.viewAllData;
}

/** Schema.SObjectType.PermissionSetAssignment.isCreateable(): "Assign Permission Sets", the admin persona. */
export function canAssign(context: ApexContext): boolean {
  return context.caller.viewAllData;
}

async function setupRows(context: ApexContext, source: RecordSource, objectName: string): Promise<SRecord[]> {
  if (!canReadSetup(context)) throw new SetupQueryError(`No access to entity: ${objectName}`);
  return source.list(objectName);
}

/** The package's Learner and Manager sets by name, with the namespace the package is installed with. */
async function permissionSetIds(context: ApexContext, source: RecordSource): Promise<Map<string, string>> {
  const namespace = context.namespace || null;
  const ids = new Map<string, string>();
  for (const set of await setupRows(context, source, 'PermissionSet')) {
    const name = String(set.Name);
    if ([LEARNER_SET, MANAGER_SET].includes(name) && (set.NamespacePrefix ?? null) === namespace)
      ids.set(name, set.Id);
  }
  if (ids.size !== 2) throw new AssignmentError(context.labels.get('Setup_Permissions_SetsMissing'));
  return ids;
}

async function assigneesOf(
  context: ApexContext,
  source: RecordSource,
  setIds: string[]
): Promise<Set<string>> {
  const sets = new Set(setIds.map(key));
  return new Set(
    (await setupRows(context, source, 'PermissionSetAssignment'))
      .filter((row) => sets.has(key(row.PermissionSetId)))
      .map((row) => key(row.AssigneeId))
  );
}

/** Synced users who hold neither package set, at most maxRows. */
async function learnersMissing(
  context: ApexContext,
  source: RecordSource,
  ids: Map<string, string>,
  maxRows: number
): Promise<string[]> {
  if (!context.permissions.canReadObject(context.persona.permissionSets, 'Learner__c'))
    throw new SetupQueryError('No access to entity: Learner__c');
  const holding = await assigneesOf(context, source, [...ids.values()]);
  const activeUsers = new Set(
    (await source.list('User')).filter((user) => user.IsActive === true).map((user) => key(user.Id))
  );
  const users = new Map<string, string>();
  for (const learner of await source.list('Learner__c')) {
    if (users.size >= maxRows) break;
    const userId = learner.User__c;
    if (
      learner.PersonType__c === PERSON_USER &&
      learner.State__c === STATE_SYNCED &&
      typeof userId === 'string' &&
      activeUsers.has(key(userId)) &&
      !holding.has(key(userId))
    )
      users.set(key(userId), userId);
  }
  return [...users.values()];
}

/** Active users with active direct reports who lack the Manager set, at most maxRows reports read. */
async function managersMissing(
  context: ApexContext,
  source: RecordSource,
  ids: Map<string, string>,
  maxRows: number
): Promise<string[]> {
  const holding = await assigneesOf(context, source, [ids.get(MANAGER_SET) as string]);
  const users = await source.list('User');
  const active = new Map(users.filter((user) => user.IsActive === true).map((user) => [key(user.Id), user]));
  const managers = new Map<string, string>();
  let read = 0;
  for (const report of users) {
    if (read >= maxRows) break;
    const managerId = report.ManagerId;
    if (
      report.IsActive !== true ||
      typeof managerId !== 'string' ||
      !active.has(key(managerId)) ||
      holding.has(key(managerId))
    )
      continue;
    read++;
    managers.set(key(managerId), active.get(key(managerId))?.Id ?? managerId);
  }
  return [...managers.values()];
}

interface Outcome {
  learnersAssigned: number;
  managersAssigned: number;
  failures: number;
  moreRemaining: boolean;
}

/** One chunk of missing assignments; a refused row is counted, not fatal (allOrNone false). */
async function assignChunk(context: ApexContext, source: RecordSource): Promise<Outcome> {
  if (!canAssign(context)) throw new AssignmentError(context.labels.get('Setup_Permissions_NoAccess'));
  const ids = await permissionSetIds(context, source);
  const outcome: Outcome = { learnersAssigned: 0, managersAssigned: 0, failures: 0, moreRemaining: false };
  const learners = await learnersMissing(context, source, ids, CHUNK);
  const managers = await managersMissing(context, source, ids, CHUNK);
  const assignments = [
    ...learners.map((userId) => ({ userId, set: LEARNER_SET })),
    ...managers.map((userId) => ({ userId, set: MANAGER_SET }))
  ];
  for (const { userId, set } of assignments) {
    try {
      await source.insert('PermissionSetAssignment', {
        AssigneeId: userId,
        PermissionSetId: ids.get(set) as string
      });
      if (set === LEARNER_SET) outcome.learnersAssigned++;
      else outcome.managersAssigned++;
    } catch {
      outcome.failures++;
    }
  }
  const progressed = outcome.learnersAssigned + outcome.managersAssigned > 0;
  // Only worth another chunk when this one got somewhere (a failing user would otherwise loop forever).
  outcome.moreRemaining =
    progressed &&
    ((await learnersMissing(context, source, ids, 1)).length > 0 ||
      (await managersMissing(context, source, ids, 1)).length > 0);
  return outcome;
}

function asyncApexOf(context: ApexContext) {
  if (!context.asyncApex) throw new Error('This preview context runs no asynchronous Apex');
  return context.asyncApex;
}

/** System.enqueueJob(new PermissionAssignmentJob()): one chunk, queueing the next while more remain. */
export function enqueueAssignmentJob(context: ApexContext): string {
  return asyncApexOf(context).enqueue(JOB_CLASS, async (source) => {
    const outcome = await assignChunk({ ...context, source }, source);
    if (outcome.moreRemaining) enqueueAssignmentJob(context);
  });
}

/** PermissionAssignmentSchedule.start: the hourly job, unless it is already scheduled. */
export function startSchedule(context: ApexContext): string {
  const jobs = asyncApexOf(context);
  return jobs.scheduled(JOB_NAME)?.Id ?? jobs.schedule(JOB_NAME, CRON, () => enqueueAssignmentJob(context));
}

/** PermissionAssignmentSchedule.stop */
export function stopSchedule(context: ApexContext): void {
  const existing = context.asyncApex?.scheduled(JOB_NAME);
  if (existing) asyncApexOf(context).abort(existing.Id);
}

/** The controller's check before queueing or scheduling (AssignmentException → its label). */
export function requireCanAssign(context: ApexContext): void {
  if (!canAssign(context)) throw refuse(context, 'Setup_Permissions_NoAccess');
}

/**
 * SetupChecklistService.permissionSync: missing counts (null when the sets are not installed or the caller
 * cannot read them), the schedule and the newest job.
 */
export async function permissionSync(context: ApexContext): Promise<Dto> {
  let missing: { learners: number | null; managers: number | null } = { learners: null, managers: null };
  try {
    const ids = await permissionSetIds(context, context.source);
    missing = {
      learners: (await learnersMissing(context, context.source, ids, COUNT_LIMIT)).length,
      managers: (await managersMissing(context, context.source, ids, COUNT_LIMIT)).length
    };
  } catch (error) {
    if (!(error instanceof AssignmentError || error instanceof SetupQueryError)) throw error;
  }
  const scheduled = context.asyncApex?.scheduled(JOB_NAME);
  const job = context.asyncApex?.lastJob(JOB_CLASS);
  return compact({
    learnersMissing: missing.learners,
    managersMissing: missing.managers,
    canAssign: canAssign(context),
    scheduled: scheduled !== undefined,
    nextRunAt: instant(scheduled?.NextFireTime),
    lastJobStatus: job?.Status,
    lastJobAt: instant(job ? (job.CompletedDate ?? job.CreatedDate) : null)
  });
}
