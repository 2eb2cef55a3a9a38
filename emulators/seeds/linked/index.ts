import { createHash } from 'node:crypto';
import { portalIdOf } from '../../../sync/src/core/keys';
import {
  LEARNING_EVENT_TYPES,
  mapUserLearning,
  toSalesforceRecord,
  writeWatermarks
} from '../../../sync/src/core/learning';
import { plan, type PersonPlan, type TalentLmsSnapshot } from '../../../sync/src/core/provision';
import { learnerRecord } from '../../../sync/src/engine/provision/learnerRecords';
import { bindSchema } from '../../../sync/src/salesforce/schema';
import type { Settings } from '../../../sync/src/settings';
import type { SeedEnrollment, SeedGroup, SeedTalentLmsUser, SeedWorld } from '../world/types';
import { peopleInScope, salesforcePeople } from './provision';
import { rawUserLearning } from './rawUser';

export { LEARNING_EVENT_TYPES } from '../../../sync/src/core/learning';

/** Unprefixed API names: the emulator's in-process store accepts them with or without the namespace. */
const SCHEMA = bindSchema('');

export type LearningRow = { object: string; record: Record<string, unknown> };

export interface LinkedLearner {
  person: { kind: 'User' | 'Contact'; id: string; email: string };
  record: Record<string, unknown>;
  /** The learning records of this learner, once its Learner__c id is known. */
  learning(learnerId: string): LearningRow[];
}

export interface LinkedState {
  syncedAt: number;
  learners: LinkedLearner[];
  syncState: Record<string, unknown>;
  syncRun: Record<string, unknown>;
}

const iso = (ms: number) => new Date(ms).toISOString();
const groupKey = (name: string) => createHash('sha1').update(`group:${name}`).digest('hex').slice(0, 10);

/**
 * Turns a world generated with `existingShare: 1` into the state after a completed first sync, using the
 * runner's own pure code: `plan()` (sync/src/core/provision) decides what the first run does with these
 * settings; its operations are applied to the world's TalentLMS side here (edits, activations, groups with
 * their courses, branches), `learnerRecord` writes the Learner__c rows, and `mapUserLearning`
 * (sync/src/core/learning) maps each linked user's `users/id` answer to learning records. A no-change run
 * against the result therefore finds nothing to do.
 */
export function linkWorld(world: SeedWorld, settings: Settings, organizationId: string): LinkedState {
  const tl = world.talentlms;
  const syncedAt = world.now - 5 * 60_000;
  const portalId = portalIdOf(tl.domain);
  const scoped = peopleInScope(world, settings);
  const decided = plan({
    people: salesforcePeople(scoped, settings),
    absences: [],
    learners: [],
    talentlms: snapshotOf(world),
    settings,
    nowMs: syncedAt
  });
  if (decided.branchCheck?.exceeded)
    throw new Error('Linked seed: the branch limit is below the account count');

  const apply = new Executor(world, syncedAt);
  for (const name of decided.groupsToCreate) apply.group(name);
  const branchIds = new Map(
    decided.branchesToCreate.map((b) => [b.accountId, apply.branch(b.name, b.accountId)])
  );
  const byId = new Map(scoped.map((p) => [p.id, p]));
  const learners: LinkedLearner[] = [];
  for (const personPlan of decided.people) {
    const tlUser = apply.run(personPlan);
    const target = {
      ...personPlan.learner,
      talentlmsUserId: tlUser?.id ?? personPlan.learner.talentlmsUserId
    };
    const branch = target.branch;
    const branchId = branch ? (branch.existingId ?? branchIds.get(branch.accountId) ?? null) : branch;
    const record: Record<string, unknown> = learnerRecord(
      { target, branchId, branchName: branch ? branch.name : branch, linkPerson: true },
      SCHEMA,
      portalId,
      iso(syncedAt)
    );
    const person = byId.get(personPlan.salesforceId);
    const linked = target.state === 'Synced' && tlUser !== undefined;
    if (linked) {
      Object.assign(record, {
        Points__c: tlUser.points,
        Level__c: tlUser.level,
        LastLearningSyncAt__c: iso(syncedAt),
        LastReconciledAt__c: iso(syncedAt)
      });
    }
    learners.push({
      person: { kind: personPlan.personType, id: personPlan.salesforceId, email: person?.email ?? '' },
      record,
      learning: (learnerId) => {
        if (!linked) return [];
        const mapped = mapUserLearning(
          rawUserLearning(world, tlUser),
          {
            kind: personPlan.personType,
            salesforceId: personPlan.salesforceId,
            accountId: person?.account?.Id ?? null,
            learnerId,
            tlUserId: tlUser.id
          },
          { portalId, domain: tl.domain, syncedAt, switches: settings.learning }
        );
        return mapped.records.map((r) => ({
          object: SCHEMA[r.object].name,
          record: toSalesforceRecord(r, SCHEMA)
        }));
      }
    });
  }

  const watermarks = writeWatermarks({
    at: Object.fromEntries(LEARNING_EVENT_TYPES.map((type) => [type, syncedAt])),
    recent: new Set()
  });
  const runStarted = syncedAt - 20 * 60_000;
  const count = (outcome: PersonPlan['outcome']) =>
    decided.people.filter((p) => p.outcome === outcome).length;
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
      Watermarks__c: watermarks,
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
      Created__c: count('create'),
      Updated__c: count('sync'),
      Excluded__c: count('exclude'),
      NeedsReview__c: count('needsReview'),
      SettingsVersion__c: 1,
      RunnerVersion__c: 'seed'
    }
  };
}

/** The TalentLMS side as the runner's readers would see it before the first run. */
export function snapshotOf(world: SeedWorld): TalentLmsSnapshot {
  const tl = world.talentlms;
  return {
    users: tl.users
      .filter((u) => !u.deleted)
      .map((u) => ({
        id: u.id,
        login: u.login,
        email: u.email,
        firstName: u.firstName,
        lastName: u.lastName,
        userType: u.userType,
        status: u.status,
        customFields: { ...u.customFields }
      })),
    groups: tl.groups.map((g) => ({ id: g.id, name: g.name, key: g.key })),
    branches: tl.branches.map((b) => ({ id: b.id, name: b.name })),
    customFields: tl.customFields.map((f) => ({
      key: f.key,
      name: f.name,
      type: f.type,
      mandatory: f.mandatory,
      options: f.options?.map((o) => o.value) ?? [],
      defaultOption: f.options?.find((o) => o.isDefault)?.value ?? null
    })),
    dateFormat: 'DDMMYYYY',
    branchLimit: tl.branchLimit
  };
}

/** Applies a plan's TalentLMS operations to the world, as the executor would through the API. */
class Executor {
  private readonly users: Map<string, SeedTalentLmsUser>;
  private readonly groups: Map<string, SeedGroup>;
  private readonly branches = new Map<string, { userIds?: string[] }>();
  private readonly enrollments = new Map<string, SeedEnrollment[]>();

  constructor(
    private readonly world: SeedWorld,
    private readonly at: number
  ) {
    this.users = new Map(world.talentlms.users.map((u) => [u.id, u]));
    this.groups = new Map(world.talentlms.groups.map((g) => [g.name, g]));
    for (const e of world.talentlms.enrollments) {
      const list = this.enrollments.get(e.userId);
      if (list) list.push(e);
      else this.enrollments.set(e.userId, [e]);
    }
  }

  group(name: string): SeedGroup {
    let group = this.groups.get(name);
    if (!group) {
      group = {
        id: String(this.world.talentlms.groups.length + 1),
        name,
        key: groupKey(name),
        courseIds: [],
        userIds: []
      };
      this.world.talentlms.groups.push(group);
      this.groups.set(name, group);
    }
    return group;
  }

  branch(name: string, accountId: string): string {
    const id = String(this.world.talentlms.branches.length + 1);
    const branch = { id, name, accountId, userIds: [] };
    this.world.talentlms.branches.push(branch);
    this.branches.set(name, branch);
    return id;
  }

  run(personPlan: PersonPlan): SeedTalentLmsUser | undefined {
    const user = this.apply(personPlan);
    // The plan emits no joinBranch for an adopted user whose Account's branch is created in the same run
    // (its target records the branch all the same); the first sync's end state has them in it.
    const branch = personPlan.learner.branch;
    if (user && branch && personPlan.learner.state === 'Synced') {
      const members = this.branches.get(branch.name)?.userIds;
      if (members && !members.includes(user.id)) members.push(user.id);
    }
    return user;
  }

  private apply(personPlan: PersonPlan): SeedTalentLmsUser | undefined {
    let user = personPlan.talentlmsUserId ? this.users.get(personPlan.talentlmsUserId) : undefined;
    for (const op of personPlan.ops) {
      if (op.op === 'signup') {
        user = this.signup(op.login, op.fields);
        if (op.group) this.joinGroup(user, op.group);
        if (op.branch) this.joinBranch(user, op.branch.name);
      } else if (!user) {
        throw new Error(`Linked seed: ${op.op} for ${personPlan.salesforceId} without a TalentLMS user`);
      } else if (op.op === 'edit') this.edit(user, op.fields);
      else if (op.op === 'activate') user.status = 'active';
      else if (op.op === 'deactivate') user.status = 'inactive';
      else if (op.op === 'joinGroup') this.joinGroup(user, op.group);
      else if (op.op === 'joinBranch') this.joinBranch(user, op.branch.name);
      else throw new Error(`Linked seed: a first run never plans ${op.op}`);
    }
    return user;
  }

  private signup(login: string, fields: Record<string, string>): SeedTalentLmsUser {
    const user: SeedTalentLmsUser = {
      id: String(this.world.talentlms.users.length + 1),
      login,
      email: fields.email,
      firstName: fields.first_name,
      lastName: fields.last_name,
      userType: 'Learner-Type',
      status: 'active',
      deleted: false,
      points: 0,
      level: 1,
      createdAt: this.at,
      customFields: {}
    };
    this.world.talentlms.users.push(user);
    this.users.set(user.id, user);
    this.edit(user, fields);
    return user;
  }

  private edit(user: SeedTalentLmsUser, fields: Record<string, string>): void {
    for (const [key, value] of Object.entries(fields)) {
      if (key === 'first_name') user.firstName = value;
      else if (key === 'last_name') user.lastName = value;
      else if (key === 'email') user.email = value;
      else if (key === 'login') user.login = value;
      else if (key.startsWith('custom_field_')) {
        if (value === '') delete user.customFields[key];
        else user.customFields[key] = value;
      }
    }
  }

  private joinGroup(user: SeedTalentLmsUser, name: string): void {
    const group = this.group(name);
    (group.userIds ??= []).push(user.id);
    // Joining a group enrols in the group's courses, as TalentLMS does.
    const mine = this.enrollments.get(user.id) ?? [];
    for (const courseId of group.courseIds) {
      if (mine.some((e) => e.courseId === courseId)) continue;
      const added: SeedEnrollment = {
        userId: user.id,
        courseId,
        role: 'learner',
        enrolledAt: this.at,
        status: 'not_attempted',
        percent: 0,
        timeSeconds: 0,
        completedAt: null,
        expiresAt: null
      };
      this.world.talentlms.enrollments.push(added);
      mine.push(added);
      this.enrollments.set(user.id, mine);
    }
  }

  private joinBranch(user: SeedTalentLmsUser, name: string): void {
    const branch = this.branches.get(name);
    if (!branch) throw new Error(`Linked seed: no branch ${name}`);
    (branch.userIds ??= []).push(user.id);
  }
}
