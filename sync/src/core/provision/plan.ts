import type { Settings } from '../../settings';
import { branchNameFor, findAccountBranch } from './branches';
import { customFieldValues, type FieldProblem } from './fields';
import { accountRole, adoptionRefusal, learnerNames, loginFor, normaliseEmail } from './identity';
import type {
  BranchCheck,
  BranchTarget,
  CircuitBreakerVerdict,
  LearnerTarget,
  PersonPlan,
  PlanInput,
  ProvisionPlan,
  TalentLmsOp
} from './planTypes';
import type {
  AbsenceFact,
  AbsenceReason,
  LearnerRow,
  PersonType,
  SalesforcePerson,
  TalentLmsUser
} from './types';

/**
 * `plan(people, talentlms, learners, settings)`: what provisioning does, decided on plain data. The engine
 * executes it (run) or summarises it (plan); nothing here does I/O, so every rule is unit-tested directly.
 */

const MAX_GROUP_NAME = 100;

/** The group a person belongs in: the group field's value, trimmed; blank: none. */
export function groupNameOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = (typeof value === 'string' ? value : String(value)).trim();
  return text === '' ? null : text.slice(0, MAX_GROUP_NAME);
}

function fullName(person: SalesforcePerson): string {
  return (
    [person.firstName, person.lastName]
      .filter((part) => part && part.trim())
      .join(' ')
      .trim() || person.salesforceId
  );
}

function describePerson(person: { personType: PersonType; salesforceId: string; name: string }): string {
  return `${person.personType} ${person.name} (${person.salesforceId})`;
}

const sameText = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

export function plan(input: PlanInput): ProvisionPlan {
  return new Planner(input).run();
}

class Planner {
  private readonly tlById = new Map<string, TalentLmsUser>();
  private readonly tlByLogin = new Map<string, TalentLmsUser>();
  private readonly tlByEmail = new Map<string, TalentLmsUser>();
  private readonly learnerBySf = new Map<string, LearnerRow>();
  private readonly learnerByTl = new Map<string, LearnerRow>();
  private readonly absenceBySf = new Map<string, AbsenceFact>();
  private readonly takenLogins = new Set<string>();
  private readonly claimed = new Set<string>();
  private readonly groupsToCreate = new Map<string, string>();
  private readonly branchesToCreate = new Map<string, BranchTarget>();
  private readonly exclusions: Record<string, number> = {};
  private readonly people: PersonPlan[] = [];

  constructor(private readonly input: PlanInput) {
    for (const user of input.talentlms.users) {
      this.tlById.set(user.id, user);
      this.tlByLogin.set(user.login.toLowerCase(), user);
      const email = normaliseEmail(user.email);
      if (email) this.tlByEmail.set(email, user);
      this.takenLogins.add(user.login.toLowerCase());
    }
    for (const learner of input.learners) {
      this.learnerBySf.set(learner.salesforceId, learner);
      if (learner.talentlmsUserId && !this.learnerByTl.has(learner.talentlmsUserId)) {
        this.learnerByTl.set(learner.talentlmsUserId, learner);
      }
    }
    for (const fact of input.absences) this.absenceBySf.set(fact.salesforceId, fact);
  }

  run(): ProvisionPlan {
    const proceeding = this.applyEmailRules();
    for (const person of proceeding) this.planPerson(person);
    const inScope = new Set(this.input.people.map((p) => p.salesforceId));
    for (const learner of [...this.input.learners].sort((a, b) =>
      a.salesforceId.localeCompare(b.salesforceId)
    )) {
      if (!inScope.has(learner.salesforceId)) this.planAbsent(learner);
    }
    const branchCheck = this.checkBranches();
    return {
      people: this.people,
      groupsToCreate: [...this.groupsToCreate.values()],
      branchesToCreate: branchCheck?.exceeded ? [] : [...this.branchesToCreate.values()],
      branchCheck,
      circuitBreaker: this.circuitBreaker(),
      exclusions: this.exclusions
    };
  }

  private get settings(): Settings {
    return this.input.settings;
  }

  private count(reason: string): void {
    this.exclusions[reason] = (this.exclusions[reason] ?? 0) + 1;
  }

  private isLinked(person: SalesforcePerson): boolean {
    const id = this.learnerBySf.get(person.salesforceId)?.talentlmsUserId;
    return Boolean(id && this.tlById.has(id));
  }

  /**
   * A User wins over a Contact with the same e-mail; people who share an e-mail otherwise go to review,
   * listing who, except anyone already linked (identity follows the stored id, not the e-mail).
   */
  private applyEmailRules(): SalesforcePerson[] {
    const ordered = [...this.input.people].sort(
      (a, b) => a.personType.localeCompare(b.personType) * -1 || a.salesforceId.localeCompare(b.salesforceId)
    );
    const byEmail = new Map<string, SalesforcePerson[]>();
    for (const person of ordered) {
      const email = normaliseEmail(person.email);
      if (!email) {
        this.conclude(
          person,
          'exclude',
          'noEmail',
          person.email ? 'e-mail address is not valid' : 'no e-mail address'
        );
        continue;
      }
      byEmail.set(email, [...(byEmail.get(email) ?? []), person]);
    }
    const proceeding: SalesforcePerson[] = [];
    for (const group of byEmail.values()) {
      if (group.length === 1) {
        proceeding.push(group[0]);
        continue;
      }
      const linked = group.filter((p) => this.isLinked(p));
      const users = group.filter((p) => p.personType === 'User');
      const winners = linked.length > 0 ? linked : users.length === 1 ? users : [];
      const winnerIsUser =
        winners.some((p) => p.personType === 'User') || (winners.length === 0 && users.length > 0);
      for (const person of group) {
        if (winners.includes(person)) {
          proceeding.push(person);
        } else if (person.personType === 'Contact' && winnerIsUser) {
          const user = winners.find((p) => p.personType === 'User') ?? users[0];
          this.conclude(
            person,
            'exclude',
            'sameEmailAsUser',
            `User ${fullName(user)} (${user.salesforceId}) has the same e-mail`
          );
        } else {
          const others = group
            .filter((p) => p !== person)
            .map((p) => describePerson({ ...p, name: fullName(p) }))
            .join(', ');
          this.conclude(person, 'needsReview', 'sharedEmail', `shares its e-mail with ${others}`);
        }
      }
    }
    return proceeding;
  }

  private baseTarget(person: SalesforcePerson, learner: LearnerRow | undefined): LearnerTarget {
    return {
      salesforceId: person.salesforceId,
      personType: person.personType,
      name: fullName(person),
      email: normaliseEmail(person.email) ?? (person.email?.trim() || null),
      login: learner?.login ?? null,
      accountId: person.personType === 'Contact' ? person.accountId : null,
      talentlmsUserId: learner?.talentlmsUserId ?? null,
      state: learner?.state ?? 'Synced',
      stateMessage: null,
      exclusionReason: null,
      talentlmsStatus: learner?.talentlmsStatus ?? null,
      userType: learner?.userType ?? null
    };
  }

  /** A person who will not be provisioned (excluded or in review): Learner__c records why. */
  private conclude(
    person: SalesforcePerson,
    outcome: 'exclude' | 'needsReview',
    reason: string,
    detail: string
  ): void {
    const learner = this.learnerBySf.get(person.salesforceId);
    const target = this.baseTarget(person, learner);
    target.state = outcome === 'exclude' ? 'Excluded' : 'NeedsReview';
    target.stateMessage = detail.slice(0, 255);
    target.exclusionReason = outcome === 'exclude' ? reason : null;
    if (outcome === 'exclude') this.count(reason);
    this.people.push({
      salesforceId: person.salesforceId,
      personType: person.personType,
      name: target.name,
      outcome,
      talentlmsUserId: target.talentlmsUserId,
      adopted: false,
      ops: [],
      learner: target,
      reason,
      detail,
      problems: [],
      releases: []
    });
  }

  /** The existing account a person's learner resolves to: stored id, else login (a retry), else e-mail. */
  private resolve(
    person: SalesforcePerson,
    learner: LearnerRow | undefined
  ): { user: TalentLmsUser | null; adopted: boolean; releases: string[]; review?: string } {
    if (learner?.talentlmsUserId) {
      const user = this.tlById.get(learner.talentlmsUserId);
      if (!user) {
        return {
          user: null,
          adopted: false,
          releases: [],
          review: `its TalentLMS user ${learner.talentlmsUserId} no longer exists (deleted in TalentLMS)`
        };
      }
      return { user, adopted: false, releases: [] };
    }
    const byLogin = learner?.login ? this.tlByLogin.get(learner.login.toLowerCase()) : undefined;
    const candidate = byLogin ?? this.tlByEmail.get(normaliseEmail(person.email) ?? '');
    if (!candidate) return { user: null, adopted: false, releases: [] };
    const releases: string[] = [];
    const owner = this.learnerByTl.get(candidate.id);
    if (owner && owner.salesforceId !== person.salesforceId) {
      const absence = this.absenceBySf.get(owner.salesforceId)?.reason;
      if (absence !== 'deleted' && absence !== 'merged') {
        return {
          user: null,
          adopted: false,
          releases,
          review: `TalentLMS user ${candidate.login} is linked to ${owner.personType} ${owner.name ?? ''} (${owner.salesforceId})`
        };
      }
      releases.push(owner.salesforceId);
    }
    if (this.claimed.has(candidate.id)) {
      return {
        user: null,
        adopted: false,
        releases: [],
        review: `TalentLMS user ${candidate.login} is claimed by another person`
      };
    }
    const refusal = adoptionRefusal(candidate.userType, this.settings.special);
    if (refusal)
      return {
        user: null,
        adopted: false,
        releases: [],
        review: `TalentLMS user ${candidate.login} ${refusal}`
      };
    return { user: candidate, adopted: true, releases };
  }

  private population(person: SalesforcePerson) {
    return person.personType === 'User' ? this.settings.users : this.settings.contacts;
  }

  private branchFor(person: SalesforcePerson): BranchTarget | null | undefined {
    if (person.personType !== 'Contact' || !this.settings.contacts.accountsToBranches.enabled)
      return undefined;
    if (!person.accountId) return null;
    const existing = findAccountBranch(this.input.talentlms.branches, person.accountId);
    if (existing) return { accountId: person.accountId, name: existing.name, existingId: existing.id };
    const planned = this.branchesToCreate.get(person.accountId);
    if (planned) return planned;
    const target = {
      accountId: person.accountId,
      name: branchNameFor(person.accountName, person.accountId),
      existingId: null
    };
    this.branchesToCreate.set(person.accountId, target);
    return target;
  }

  private groupFor(person: SalesforcePerson): string | null | undefined {
    const population = this.population(person);
    if (!population.groupField) return undefined;
    const name = groupNameOf(person.groupValue);
    if (name && !this.groupExists(name) && !this.groupsToCreate.has(name.toLowerCase())) {
      this.groupsToCreate.set(name.toLowerCase(), name);
    }
    return name;
  }

  private groupExists(name: string): boolean {
    return this.input.talentlms.groups.some((g) => sameText(g.name, name));
  }

  private planPerson(person: SalesforcePerson): void {
    const learner = this.learnerBySf.get(person.salesforceId);
    const resolved = this.resolve(person, learner);
    if (resolved.review) {
      this.conclude(person, 'needsReview', 'identity', resolved.review);
      return;
    }
    const names = learnerNames(person.firstName, person.lastName);
    const email = normaliseEmail(person.email) as string;
    const population = this.population(person);
    const group = this.groupFor(person);
    const branch = this.branchFor(person);
    const target = this.baseTarget(person, learner);
    target.state = 'Synced';
    target.group = group;
    target.branch = branch;
    const ops: TalentLmsOp[] = [];
    const details: string[] = [];
    const user = resolved.user;
    let problems: FieldProblem[];
    if (!user) {
      const login = learner?.login ?? loginFor(person.salesforceId, email, (l) => this.takenLogins.has(l));
      this.takenLogins.add(login.toLowerCase());
      const custom = customFieldValues({
        mappings: population.fieldMappings,
        fieldValues: person.fieldValues,
        catalog: this.input.talentlms.customFields,
        current: null,
        nowMs: this.input.nowMs,
        dateFormat: this.input.talentlms.dateFormat
      });
      problems = custom.problems;
      ops.push({
        op: 'signup',
        login,
        fields: { first_name: names.first, last_name: names.last, email, ...custom.values },
        group: group ?? null,
        branch: branch ?? null,
        restrictEmail: this.settings.email.newLearnerPolicy === 'restrict'
      });
      target.login = login;
      target.talentlmsUserId = null;
      target.talentlmsStatus = 'Active';
      target.userType = null;
      details.push(`new learner ${login}`);
      // restrict_email is a property of the TalentLMS user: it stays on until someone edits them in TalentLMS.
      if (this.settings.email.newLearnerPolicy === 'restrict')
        details.push('no TalentLMS e-mail (permanent)');
      if (group) details.push(`group ${group}`);
      if (branch) details.push(`branch ${branch.name}`);
    } else {
      this.claimed.add(user.id);
      target.talentlmsUserId = user.id;
      target.login = user.login;
      target.userType = user.userType;
      target.talentlmsStatus = user.status === 'active' ? 'Active' : 'Inactive';
      if (resolved.adopted) details.push(`links existing TalentLMS user ${user.login}`);
      const edit: Record<string, string> = {};
      if (user.firstName !== names.first) edit.first_name = names.first;
      if (user.lastName !== names.last) edit.last_name = names.last;
      if (!sameText(user.email, email)) {
        edit.email = email;
        details.push(`email ${user.email} → ${email}`);
      }
      const custom = customFieldValues({
        mappings: population.fieldMappings,
        fieldValues: person.fieldValues,
        catalog: this.input.talentlms.customFields,
        current: user.customFields,
        nowMs: this.input.nowMs,
        dateFormat: this.input.talentlms.dateFormat
      });
      problems = custom.problems;
      Object.assign(edit, custom.values);
      if (Object.keys(edit).length > 0) {
        ops.push({ op: 'edit', fields: edit });
        const changed = Object.keys(edit).filter((k) => k !== 'email');
        if (changed.length > 0) details.push(`update ${changed.join(', ')}`);
      }
      // A signup the connector has not finished (state Creating) still gets its activation.
      const finishingSignup = learner?.state === 'Creating' && this.settings.special.activateNewLearners;
      const activate = this.settings.special.alwaysActivate || finishingSignup;
      if (user.status !== 'active' && activate && accountRole(user.userType) !== 'superAdmin') {
        ops.push({ op: 'activate' });
        target.talentlmsStatus = 'Active';
        details.push('activate');
      }
      const currentGroup = resolved.adopted ? null : (learner?.groups ?? null);
      if (group !== undefined && !sameText(group, currentGroup)) {
        if (group) ops.push({ op: 'joinGroup', group });
        if (currentGroup && this.groupExists(currentGroup))
          ops.push({ op: 'leaveGroup', group: currentGroup });
        details.push(`group ${currentGroup ?? '-'} → ${group ?? '-'}`);
      }
      const currentBranch = resolved.adopted ? null : (learner?.branchId ?? null);
      // A branch this run creates (existingId null) always needs the join: nobody can be in it yet.
      const branchChanges =
        branch === null
          ? currentBranch !== null
          : branch?.existingId === null || branch?.existingId !== currentBranch;
      if (branch !== undefined && branchChanges) {
        if (branch) ops.push({ op: 'joinBranch', branch });
        const stillThere = this.input.talentlms.branches.some((b) => b.id === currentBranch);
        if (currentBranch && stillThere) ops.push({ op: 'leaveBranch', branchId: currentBranch });
        details.push(`branch → ${branch?.name ?? '-'}`);
      }
    }
    this.people.push({
      salesforceId: person.salesforceId,
      personType: person.personType,
      name: target.name,
      outcome: user ? 'sync' : 'create',
      talentlmsUserId: user?.id ?? null,
      adopted: resolved.adopted,
      ops,
      learner: target,
      reason: null,
      detail: details.join('; ') || 'no change',
      problems,
      releases: resolved.releases
    });
  }

  /** A known person who is not in scope: excluded, and deactivated when the settings say so. */
  private planAbsent(learner: LearnerRow): void {
    const fact = this.absenceBySf.get(learner.salesforceId);
    if (!fact) return;
    const found =
      (learner.talentlmsUserId ? this.tlById.get(learner.talentlmsUserId) : undefined) ??
      (learner.login && !learner.talentlmsUserId
        ? this.tlByLogin.get(learner.login.toLowerCase())
        : undefined);
    // A TalentLMS user this run links to someone else (the survivor of a merge) is released, never deactivated.
    const user = found && this.claimed.has(found.id) ? undefined : found;
    const target: LearnerTarget = {
      salesforceId: learner.salesforceId,
      personType: learner.personType,
      name: learner.name ?? learner.salesforceId,
      email: learner.email,
      login: user?.login ?? learner.login,
      accountId: learner.accountId,
      talentlmsUserId: user?.id ?? (found ? null : learner.talentlmsUserId),
      state: 'Excluded',
      stateMessage: null,
      exclusionReason: fact.reason,
      talentlmsStatus: user ? (user.status === 'active' ? 'Active' : 'Inactive') : learner.talentlmsStatus,
      userType: user?.userType ?? learner.userType
    };
    const base = {
      salesforceId: learner.salesforceId,
      personType: learner.personType,
      name: target.name,
      talentlmsUserId: target.talentlmsUserId,
      adopted: false,
      problems: [],
      releases: []
    };
    if (fact.reason === 'unknown') {
      if (learner.state === 'NeedsReview' || !user) return;
      target.state = 'NeedsReview';
      target.exclusionReason = null;
      target.stateMessage =
        'Not found in Salesforce (deleted long ago, or not visible to the integration user)';
      this.people.push({
        ...base,
        outcome: 'needsReview',
        ops: [],
        learner: target,
        reason: 'unknown',
        detail: target.stateMessage
      });
      return;
    }
    const reasonText = ABSENCE_TEXT[fact.reason];
    target.stateMessage = reasonText;
    const deactivate =
      this.settings.special.deactivateNotSynced &&
      user !== undefined &&
      user.status === 'active' &&
      accountRole(user.userType) !== 'superAdmin';
    if (deactivate) {
      target.talentlmsStatus = 'Inactive';
      this.count(fact.reason);
      this.people.push({
        ...base,
        outcome: 'deactivate',
        ops: [{ op: 'deactivate' }],
        learner: target,
        reason: fact.reason,
        detail: reasonText
      });
      return;
    }
    if (
      learner.state === 'Excluded' &&
      learner.exclusionReason === fact.reason &&
      learner.talentlmsUserId === target.talentlmsUserId
    ) {
      return;
    }
    this.count(fact.reason);
    this.people.push({
      ...base,
      outcome: 'exclude',
      ops: [],
      learner: target,
      reason: fact.reason,
      detail: reasonText
    });
  }

  private checkBranches(): BranchCheck | null {
    if (!this.settings.contacts.enabled || !this.settings.contacts.accountsToBranches.enabled) return null;
    const needed = this.branchesToCreate.size;
    const existing = this.input.talentlms.branches.length;
    const limit = this.input.talentlms.branchLimit;
    const exceeded = limit !== null && existing + needed > limit;
    if (exceeded && needed > 0) {
      // The limit is checked before any branch is created: none are, and nobody moves into one. Leaving the
      // old branch without joining a new one would orphan the learner, so they stay where they are.
      for (const person of this.people) {
        if (person.learner.branch?.existingId !== null || person.learner.branch === undefined) continue;
        person.learner.branch = undefined;
        person.ops = person.ops
          .filter((op) => op.op !== 'joinBranch' && op.op !== 'leaveBranch')
          .map((op) => (op.op === 'signup' ? { ...op, branch: null } : op));
        person.problems.push({
          code: 'BRANCH_LIMIT_REACHED',
          message: `The portal allows ${String(limit)} branches; ${existing} exist and ${needed} more are needed`
        });
      }
    }
    return { needed, existing, limit, exceeded };
  }

  private circuitBreaker(): CircuitBreakerVerdict {
    const { maxDeactivationShare: maxShare, deactivationAllowance: allowance } = this.settings.special;
    const deactivations = this.people.filter((p) => p.outcome === 'deactivate').length;
    const managedActive = this.input.learners.filter((learner) => {
      const user = learner.talentlmsUserId ? this.tlById.get(learner.talentlmsUserId) : undefined;
      return user !== undefined && user.status === 'active' && accountRole(user.userType) !== 'superAdmin';
    }).length;
    const share =
      managedActive === 0 ? (deactivations > 0 ? 1 : 0) : Math.min(1, deactivations / managedActive);
    const tripped = deactivations > allowance && share > maxShare;
    return { tripped, deactivations, managedActive, share, maxShare, allowance };
  }
}

export const ABSENCE_TEXT: Record<AbsenceReason, string> = {
  deleted: 'deleted in Salesforce',
  merged: 'merged into another record in Salesforce',
  inactive: 'inactive in Salesforce',
  userType: 'not a standard Salesforce user',
  runAsUser: 'the integration user',
  personAccount: 'a Person Account (not included)',
  filter: 'outside the filter',
  populationDisabled: 'its population is no longer synced',
  unknown: 'not found in Salesforce'
};
