import { createHash } from 'node:crypto';
import { portalIdOf } from '../../../sync/src/core/keys';
import type { Settings } from '../../../sync/src/settings';
import type { SeedEnrollment, SeedGroup, SeedWorld } from '../world/types';
import {
  badgeRecord,
  certificateRecord,
  courseRecord,
  type LearningObject,
  type PersonLink
} from './learning';
import {
  branchNameFor,
  fieldValue,
  peopleInScope,
  resolveIdentities,
  type ScopedPerson
} from './provisioning';

export { branchNameFor } from './provisioning';
export { normaliseStatus, decodeHtml } from './learning';

/** Timeline event types whose watermarks the learning back-sync commits. */
export const LEARNING_EVENT_TYPES = [
  'course_add_user',
  'course_remove_user',
  'course_completion',
  'course_failure',
  'course_reset_user_progress',
  'certification_issue_certification',
  'certification_refresh_certification',
  'certification_remove_certification',
  'certification_expire_certification',
  'user_unlock_badge',
  'user_upgrade_level'
] as const;

export interface LinkedLearner {
  person: ScopedPerson;
  record: Record<string, unknown>;
  /** The learning records of this learner, once its Learner__c id is known. */
  learning(learnerId: string): Array<{ object: LearningObject; record: Record<string, unknown> }>;
}

export interface LinkedState {
  syncedAt: number;
  learners: LinkedLearner[];
  syncState: Record<string, unknown>;
  syncRun: Record<string, unknown>;
}

const iso = (ms: number) => new Date(ms).toISOString();

function groupKey(name: string): string {
  return createHash('sha1').update(`group:${name}`).digest('hex').slice(0, 10);
}

/**
 * Turns a world generated with `existingShare: 1` into the state after a completed first sync: TalentLMS users
 * get the mapped custom fields, groups and branches the settings ask for (in place, on `world.talentlms`), and
 * the returned Salesforce side holds Learner__c rows (Synced, or Needs review where identity rules say so), the
 * learning records, the committed watermarks and the binding.
 */
export function linkWorld(world: SeedWorld, settings: Settings, organizationId: string): LinkedState {
  const tl = world.talentlms;
  const syncedAt = world.now - 5 * 60_000;
  const portalId = portalIdOf(tl.domain);
  const people = peopleInScope(world, settings);
  const outcomes = resolveIdentities(people, tl.users, settings);
  const courses = new Map(tl.courses.map((c) => [c.id, c]));

  const groupsByName = new Map<string, SeedGroup>(tl.groups.map((g) => [g.name, g]));
  const joinGroup = (name: string, userId: string): SeedGroup => {
    let group = groupsByName.get(name);
    if (!group) {
      group = { id: String(tl.groups.length + 1), name, key: groupKey(name), courseIds: [] };
      tl.groups.push(group);
      groupsByName.set(name, group);
    }
    (group.userIds ??= []).push(userId);
    return group;
  };
  const branchesByAccount = new Map<string, { id: string; name: string; userIds: string[] }>();
  const joinBranch = (account: { Id: string; Name: string }, userId: string) => {
    let branch = branchesByAccount.get(account.Id);
    if (!branch) {
      branch = { id: String(tl.branches.length + 1), name: branchNameFor(account), userIds: [] };
      tl.branches.push({ ...branch, accountId: account.Id, userIds: branch.userIds });
      branchesByAccount.set(account.Id, branch);
    }
    branch.userIds.push(userId);
    return branch;
  };

  const enrollmentsByUser = groupBy(tl.enrollments, (e) => e.userId);
  const certificatesByUser = groupBy(tl.certificates, (c) => c.userId);
  const badgesByUser = groupBy(tl.badges, (b) => b.userId);
  const learners: LinkedLearner[] = [];

  for (const person of people) {
    const outcome = outcomes.get(person.id);
    if (!outcome) continue;
    const base: Record<string, unknown> = {
      Name: `${person.firstName} ${person.lastName}`.slice(0, 80),
      SalesforceId__c: person.id,
      PersonType__c: person.kind,
      User__c: person.kind === 'User' ? person.id : null,
      Contact__c: person.kind === 'Contact' ? person.id : null,
      Account__c: person.account?.Id ?? null,
      Email__c: person.email,
      PortalId__c: portalId,
      LastProvisionedAt__c: iso(syncedAt)
    };
    if (outcome.state === 'NeedsReview') {
      learners.push({
        person,
        record: { ...base, State__c: 'NeedsReview', StateMessage__c: outcome.message },
        learning: () => []
      });
      continue;
    }
    const tlUser = outcome.tlUser;
    const mappings = person.kind === 'User' ? settings.users.fieldMappings : settings.contacts.fieldMappings;
    for (const mapping of mappings) {
      const value = fieldValue(person, mapping.salesforceField);
      if (value !== null) tlUser.customFields[mapping.customFieldKey] = value;
      else if (mapping.whenEmpty === 'clear') delete tlUser.customFields[mapping.customFieldKey];
    }
    const groupField = person.kind === 'User' ? settings.users.groupField : settings.contacts.groupField;
    const groupName = groupField ? fieldValue(person, groupField) : null;
    const group = groupName ? joinGroup(groupName, tlUser.id) : undefined;
    const enrollments = enrollmentsByUser.get(tlUser.id) ?? [];
    // Joining a group enrols in the group's courses, as TalentLMS does.
    for (const courseId of group?.courseIds ?? []) {
      if (enrollments.some((e) => e.courseId === courseId)) continue;
      const added: SeedEnrollment = {
        userId: tlUser.id,
        courseId,
        role: 'learner',
        enrolledAt: syncedAt - 60_000,
        status: 'not_attempted',
        percent: 0,
        timeSeconds: 0,
        completedAt: null,
        expiresAt: null
      };
      tl.enrollments.push(added);
      enrollments.push(added);
    }
    const branch =
      person.kind === 'Contact' && person.account && settings.contacts.accountsToBranches.enabled
        ? joinBranch(person.account, tlUser.id)
        : undefined;
    const record = {
      ...base,
      TalentLmsUserId__c: tlUser.id,
      Login__c: tlUser.login,
      TalentLmsStatus__c: tlUser.status === 'active' ? 'Active' : 'Inactive',
      UserType__c: tlUser.userType,
      BranchId__c: branch?.id ?? null,
      BranchName__c: branch?.name ?? null,
      Groups__c: group?.name ?? null,
      Points__c: tlUser.points,
      Level__c: tlUser.level,
      State__c: 'Synced',
      LastLearningSyncAt__c: iso(syncedAt),
      LastReconciledAt__c: iso(syncedAt)
    };
    const certificates = certificatesByUser.get(tlUser.id) ?? [];
    const badges = badgesByUser.get(tlUser.id) ?? [];
    learners.push({
      person,
      record,
      learning: (learnerId) => {
        const link: PersonLink = {
          kind: person.kind,
          salesforceId: person.id,
          accountId: person.account?.Id ?? null,
          learnerId,
          tlUserId: tlUser.id
        };
        const rows: Array<{ object: LearningObject; record: Record<string, unknown> }> = [];
        if (settings.learning.courses) {
          for (const e of enrollments) {
            const course = courses.get(e.courseId);
            // Instructor enrollments are not learning; deleted courses no longer appear on the user.
            if (e.role !== 'learner' || !course || course.deleted) continue;
            rows.push(courseRecord(portalId, tl.domain, link, e, course, syncedAt));
          }
        }
        if (settings.learning.certificates) {
          for (const c of certificates) {
            const course = courses.get(c.courseId);
            if (course && !course.deleted)
              rows.push(certificateRecord(portalId, tl.domain, link, c, course, syncedAt));
          }
        }
        if (settings.learning.badges)
          for (const b of badges) rows.push(badgeRecord(portalId, link, b, syncedAt));
        return rows;
      }
    });
  }

  const watermarks = Object.fromEntries(LEARNING_EVENT_TYPES.map((type) => [type, iso(syncedAt)]));
  const runStarted = syncedAt - 20 * 60_000;
  const synced = learners.filter((l) => l.record.State__c === 'Synced').length;
  return {
    syncedAt,
    learners,
    syncState: {
      Name: 'TalentLMS sync state',
      StateKey__c: 'default',
      OrganizationId__c: organizationId,
      IsSandbox__c: world.salesforce.organization.IsSandbox,
      TalentLmsDomain__c: tl.domain,
      PortalId__c: portalId,
      BoundAt__c: iso(runStarted),
      Watermarks__c: JSON.stringify(watermarks),
      ReconciliationCursor__c: null,
      ReconciliationCycleStartedAt__c: iso(syncedAt),
      LastCourseScanAt__c: iso(syncedAt),
      FullReconciliationRequested__c: false,
      LastRunAt__c: iso(runStarted),
      LastSuccessfulRunAt__c: iso(runStarted),
      RunnerVersion__c: 'seed'
    },
    syncRun: {
      RunId__c: '00000000-0000-4000-8000-000000000001',
      Mode__c: 'Run',
      Status__c: 'Succeeded',
      StartedAt__c: iso(runStarted),
      FinishedAt__c: iso(syncedAt),
      DurationMs__c: syncedAt - runStarted,
      ExitCode__c: 0,
      Created__c: 0,
      Updated__c: synced,
      NeedsReview__c: learners.length - synced,
      SettingsVersion__c: 1,
      RunnerVersion__c: 'seed'
    }
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
