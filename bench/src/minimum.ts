import type { Coverage } from '../../emulators/seeds/coverage';
import type { SeedWorld } from '../../emulators/seeds/world/types';
import type { SideCalls } from './result';

/**
 * The physical minimum of each scenario, from the seed's counts. bench/README.md "Minimum formulas" writes
 * the same formulas out; keep both in step.
 */
export const SALESFORCE_PAGE = 2000;
export const COLLECTION_SIZE = 200;
/** Learning event types the v1 timeline must be asked about one by one (talentlms-api.md §9a). */
export const TIMELINE_EVENT_TYPES = 11;
/** getcustomregistrationfields, groups, branches, siteinfo: the catalog, read and published every run. */
export const CATALOG_READS = 4;
/** The catalog + one unpaginated users list. */
export const TALENTLMS_PROVISION_READS = CATALOG_READS + 1;

export interface SeedCounts {
  people: number;
  /** People the first sync must create in TalentLMS (P). */
  toCreate: number;
  /** Active standard Users (minus the run-as user), live Contacts, Accounts. */
  users: number;
  contacts: number;
  accounts: number;
  /** Groups (Department, Account Industry values) and branches (Accounts with contacts) to create. */
  groupsToCreate: number;
  branchesToCreate: number;
  /** Live courses (C). */
  courses: number;
  /** Linked learners (L) and their learning records in Salesforce (R). */
  linkedLearners: number;
  learningRecords: number;
  /** Linked learners holding a certificate or a badge (K): only users/id returns those. */
  learnersWithAwards: number;
}

const pages = (rows: number, size = SALESFORCE_PAGE) => Math.max(1, Math.ceil(rows / size));

export function seedCounts(world: SeedWorld, coverage: Coverage, people: number): SeedCounts {
  const integrationUser = world.personas.integrationUser;
  const users = world.salesforce.users.filter(
    (u) => u.IsActive && u.UserType === 'Standard' && u.Id !== integrationUser
  );
  const contacts = world.salesforce.contacts.filter((c) => !c.IsDeleted);
  const existingGroups = new Set(world.talentlms.groups.map((g) => g.name));
  const accountsWithContacts = new Set(contacts.map((c) => c.AccountId).filter((id): id is string => !!id));
  const industries = world.salesforce.accounts
    .filter((a) => accountsWithContacts.has(a.Id))
    .map((a) => a.Industry);
  const groupNames = new Set([...users.map((u) => u.Department), ...industries].filter((name) => !!name));
  const groupsToCreate = [...groupNames].filter((name) => !existingGroups.has(name)).length;
  const liveUsers = new Set(
    world.talentlms.users.filter((u) => !u.deleted && u.salesforceId).map((u) => u.id)
  );
  const liveCourses = new Set(world.talentlms.courses.filter((c) => !c.deleted).map((c) => c.id));
  const learningRecords =
    world.talentlms.enrollments.filter(
      (e) => liveUsers.has(e.userId) && liveCourses.has(e.courseId) && e.role === 'learner'
    ).length +
    world.talentlms.certificates.filter((c) => liveUsers.has(c.userId)).length +
    world.talentlms.badges.filter((b) => liveUsers.has(b.userId)).length;
  const awarded = new Set(
    [...world.talentlms.certificates, ...world.talentlms.badges]
      .map((a) => a.userId)
      .filter((id) => liveUsers.has(id))
  );
  const toCreate =
    users.length +
    contacts.length -
    coverage.usersWhoAreAlsoContacts -
    coverage.contactsSharingAnEmail -
    coverage.adminsMatchingSalesforce -
    coverage.instructorsMatchingSalesforce;
  return {
    people,
    toCreate,
    users: users.length,
    contacts: contacts.length,
    accounts: world.salesforce.accounts.length,
    groupsToCreate,
    branchesToCreate: accountsWithContacts.size - world.talentlms.branches.length,
    courses: liveCourses.size,
    linkedLearners: liveUsers.size,
    learningRecords,
    learnersWithAwards: awarded.size
  };
}

/** Reading the people in scope: Users, Contacts and Accounts, one page of 2,000 at a time. */
export function scopeReads(s: SeedCounts): number {
  return pages(s.users) + pages(s.contacts) + pages(s.accounts);
}

/**
 * First provisioning: TalentLMS = reads + P signups + groups + branches (+ P usersetstatus where signup creates
 * inactive users); Salesforce = the scope read + one Learner__c write per 200 people.
 */
export function provisioningMinimum(s: SeedCounts, signupCreatesInactive: boolean, runs = 1): SideCalls {
  return {
    talentlms:
      TALENTLMS_PROVISION_READS +
      // Every run publishes the catalog (issue 9): a provisioning resumed window after window reads it again.
      CATALOG_READS * Math.max(0, runs - 1) +
      s.groupsToCreate +
      Math.max(0, s.branchesToCreate) +
      s.toCreate * (signupCreatesInactive ? 2 : 1),
    salesforce: scopeReads(s) + Math.ceil(s.toCreate / COLLECTION_SIZE)
  };
}

/** A plan (`tlms-sync plan`): the reads of a provisioning, no write on either side but the run record. */
export function planMinimum(s: SeedCounts): SideCalls {
  return { talentlms: TALENTLMS_PROVISION_READS, salesforce: scopeReads(s) + 1 };
}

/**
 * Nothing changed: one timeline call per event type and the catalog (custom fields, groups, branches, site
 * info: published every run) on TalentLMS, the users list waiting for a Salesforce change or the daily full
 * pass; on Salesforce one "changed since the last pass" query each for Users, Contacts and Accounts, the
 * catalog upsert and the run record.
 */
export function noChangeMinimum(): SideCalls {
  return { talentlms: TIMELINE_EVENT_TYPES + CATALOG_READS, salesforce: 3 + 1 + 1 };
}

/**
 * U learners changed (W learning records changed): the no-change reads + one users/id per changed learner;
 * Salesforce adds one Learner__c read for them and one upsert per 200 changed records.
 */
export function learningMinimum(changedLearners: number, changedRecords: number): SideCalls {
  const base = noChangeMinimum();
  return {
    talentlms: base.talentlms + changedLearners,
    salesforce: base.salesforce + 1 + Math.ceil(changedRecords / COLLECTION_SIZE)
  };
}

/** Course scan: the course list + one courses/id per live course; Salesforce reads the records it compares. */
export function courseScanMinimum(s: SeedCounts): SideCalls {
  return { talentlms: 1 + s.courses, salesforce: pages(s.learningRecords) };
}

/**
 * A full reconciliation cycle: every enrolment through the course-centric read (1 + C), plus one users/id per
 * learner holding a certificate or badge (K, the only v1 call returning them); Salesforce reads every
 * Learner__c and learning record once.
 */
export function reconciliationCycleMinimum(s: SeedCounts): SideCalls {
  return {
    talentlms: 1 + s.courses + s.learnersWithAwards,
    salesforce: pages(s.linkedLearners) + pages(s.learningRecords)
  };
}

/** One slice of a cycle of `slices` runs: the cycle's minimum spread evenly. */
export function reconciliationSliceMinimum(s: SeedCounts, slices: number): SideCalls {
  const cycle = reconciliationCycleMinimum(s);
  return { talentlms: Math.ceil(cycle.talentlms / slices), salesforce: Math.ceil(cycle.salesforce / slices) };
}

/**
 * Simulated time a TalentLMS-bound job needs at best: whole hourly windows of `share × limit` calls, the last one
 * at the rate the burst limit and latency allow (`concurrency / latency`, at most `burst / window`), plus the
 * Salesforce calls one after another.
 */
export function allowedTimeMs(options: {
  talentlmsCalls: number;
  salesforceCalls: number;
  hourlyLimit: number;
  share: number;
  burstLimit: number;
  burstWindowMs: number;
  concurrency: number;
  talentlmsLatencyMs: number;
  salesforceLatencyMs: number;
}): number {
  const perWindow = Math.floor(options.hourlyLimit * options.share);
  const fullWindows = Math.max(0, Math.ceil(options.talentlmsCalls / perWindow) - 1);
  const lastWindowCalls = options.talentlmsCalls - fullWindows * perWindow;
  const latencyRate =
    options.talentlmsLatencyMs > 0 ? options.concurrency / options.talentlmsLatencyMs : Infinity;
  const ratePerMs = Math.min(options.burstLimit / options.burstWindowMs, latencyRate);
  return Math.round(
    fullWindows * 3_600_000 +
      lastWindowCalls / ratePerMs +
      options.salesforceCalls * options.salesforceLatencyMs
  );
}

export function ratio(actual: number, minimum: number): number | null {
  return minimum > 0 ? Math.round((actual / minimum) * 1000) / 1000 : null;
}
