import type { Settings } from '../../sync/src/settings';
import type { LinkedState } from './linked';
import type { SeedWorld } from './world/types';

/**
 * The coverage matrix (emulators/seeds/README.md): how many instances of each edge case a seed holds. Tests
 * assert every count is above zero in `demo` and in an N seed; the manifest carries the figures.
 */
export interface Coverage {
  salesforceUsers: number;
  salesforceContacts: number;
  accounts: number;
  /** Longest User.ManagerId chain (edges) among active users. */
  managerChainDepth: number;
  /** People below the biggest-team persona (the whole ManagerId subtree). */
  biggestTeam: number;
  biggestAccountContacts: number;
  usersWhoAreAlsoContacts: number;
  contactsSharingAnEmail: number;
  inactiveUsers: number;
  automatedUsers: number;
  integrationUsers: number;
  guestUsers: number;
  portalUsers: number;
  chatterUsers: number;
  personAccounts: number;
  mergedContacts: number;
  talentlmsOnlyUsers: number;
  adminsMatchingSalesforce: number;
  instructorsMatchingSalesforce: number;
  superAdmins: number;
  deletedTalentlmsUsers: number;
  mandatoryTextFieldsUnmapped: number;
  mandatoryDropdownFieldsUnmapped: number;
  mandatoryCheckboxFieldsUnmapped: number;
  mandatoryDateFieldsUnmapped: number;
  /** Branch limit minus account count: positive and small ("just above"). */
  branchLimitHeadroom: number;
  instructorEnrollments: number;
  htmlEscapedCourseNames: number;
  unseenStatusEnrollments: number;
  deletedCourses: number;
  enrollmentsInDeletedCourses: number;
  expiredCertificates: number;
  neverExpiringCertificates: number;
  brokenBadgeImages: number;
  /** Salesforce people with a TalentLMS user of the same e-mail that shows real learning, in percent. */
  peopleWithLearningPercent: number;
  /** Linked seeds only (0 otherwise). */
  learnersSynced: number;
  learnersNeedingReview: number;
}

const KNOWN_STATUSES = new Set(['not_attempted', 'incomplete', 'completed', 'failed']);

export function computeCoverage(world: SeedWorld, settings: Settings, linked?: LinkedState): Coverage {
  const { users, contacts, accounts } = world.salesforce;
  const tl = world.talentlms;
  const userById = new Map(users.map((u) => [u.Id, u]));
  const active = users.filter((u) => u.IsActive && u.UserType === 'Standard');
  const depth = (id: string | null): number => {
    let d = 0;
    for (let m = id; m; m = userById.get(m)?.ManagerId ?? null) d++;
    return d;
  };
  const reports = new Map<string, string[]>();
  for (const u of active)
    if (u.ManagerId) (reports.get(u.ManagerId) ?? reports.set(u.ManagerId, []).get(u.ManagerId))?.push(u.Id);
  const teamSize = (id: string): number => {
    let size = 0;
    const stack = [...(reports.get(id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      size++;
      stack.push(...(reports.get(next) ?? []));
    }
    return size;
  };
  const live = contacts.filter((c) => !c.IsDeleted);
  const perAccount = new Map<string, number>();
  for (const c of live) if (c.AccountId) perAccount.set(c.AccountId, (perAccount.get(c.AccountId) ?? 0) + 1);
  const contactEmails = new Map<string, number>();
  for (const c of live)
    contactEmails.set(c.Email.toLowerCase(), (contactEmails.get(c.Email.toLowerCase()) ?? 0) + 1);
  const sfEmails = new Set([
    ...users.map((u) => u.Email.toLowerCase()),
    ...live.map((c) => c.Email.toLowerCase())
  ]);
  const mapped = new Set(
    [...settings.users.fieldMappings, ...settings.contacts.fieldMappings].map((m) => m.customFieldKey)
  );
  const unmappedMandatory = (type: string) =>
    tl.customFields.filter((f) => f.mandatory && f.type === type && !mapped.has(f.key)).length;
  const courseById = new Map(tl.courses.map((c) => [c.id, c]));
  const learningUsers = new Set(
    tl.enrollments
      .filter((e) => e.role === 'learner' && (e.percent > 0 || e.status === 'completed'))
      .map((e) => e.userId)
  );
  const emailsWithLearning = new Set(
    tl.users.filter((u) => !u.deleted && learningUsers.has(u.id)).map((u) => u.email.toLowerCase())
  );
  const people = [...users, ...contacts];
  const withLearning = people.filter((p) => emailsWithLearning.has(p.Email.toLowerCase())).length;
  const now = world.now;
  const states = linked?.learners.map((l) => l.record.State__c) ?? [];
  return {
    salesforceUsers: users.length,
    salesforceContacts: contacts.length,
    accounts: accounts.length,
    managerChainDepth: Math.max(...active.map((u) => depth(u.ManagerId))),
    biggestTeam: teamSize(world.personas.bigTeamManager),
    biggestAccountContacts: Math.max(...perAccount.values()),
    usersWhoAreAlsoContacts: users.filter((u) => contactEmails.has(u.Email.toLowerCase())).length,
    contactsSharingAnEmail: live.filter((c) => (contactEmails.get(c.Email.toLowerCase()) ?? 0) > 1).length,
    inactiveUsers: users.filter((u) => !u.IsActive).length,
    automatedUsers: users.filter((u) => u.UserType === 'AutomatedProcess').length,
    integrationUsers: users.filter((u) => u.isIntegrationUser).length,
    guestUsers: users.filter((u) => u.UserType === 'Guest').length,
    portalUsers: users.filter((u) => u.UserType === 'PowerPartner').length,
    chatterUsers: users.filter((u) => u.UserType === 'CsnOnly').length,
    personAccounts: accounts.filter((a) => a.IsPersonAccount).length,
    mergedContacts: contacts.filter((c) => c.IsDeleted && c.MasterRecordId).length,
    talentlmsOnlyUsers: tl.users.filter(
      (u) => u.userType !== 'SuperAdmin' && !sfEmails.has(u.email.toLowerCase())
    ).length,
    adminsMatchingSalesforce: tl.users.filter(
      (u) => u.userType === 'Admin-Type' && sfEmails.has(u.email.toLowerCase())
    ).length,
    instructorsMatchingSalesforce: tl.users.filter(
      (u) => u.userType === 'Trainer-Type' && sfEmails.has(u.email.toLowerCase())
    ).length,
    superAdmins: tl.users.filter((u) => u.userType === 'SuperAdmin').length,
    deletedTalentlmsUsers: tl.users.filter((u) => u.deleted).length,
    mandatoryTextFieldsUnmapped: unmappedMandatory('text'),
    mandatoryDropdownFieldsUnmapped: unmappedMandatory('dropdown'),
    mandatoryCheckboxFieldsUnmapped: unmappedMandatory('checkbox'),
    mandatoryDateFieldsUnmapped: unmappedMandatory('date'),
    branchLimitHeadroom: tl.branchLimit - accounts.length,
    instructorEnrollments: tl.enrollments.filter((e) => e.role === 'instructor').length,
    htmlEscapedCourseNames: tl.courses.filter((c) => /&(amp|lt|gt|quot|#0?39);/.test(c.name)).length,
    unseenStatusEnrollments: tl.enrollments.filter((e) => !KNOWN_STATUSES.has(e.status)).length,
    deletedCourses: tl.courses.filter((c) => c.deleted).length,
    enrollmentsInDeletedCourses: tl.enrollments.filter((e) => courseById.get(e.courseId)?.deleted).length,
    expiredCertificates: tl.certificates.filter((c) => c.expiresAt !== null && c.expiresAt < now).length,
    neverExpiringCertificates: tl.certificates.filter((c) => c.expiresAt === null).length,
    brokenBadgeImages: tl.badges.filter((b) => /missing/.test(b.imageUrl)).length,
    peopleWithLearningPercent: Math.round((1000 * withLearning) / people.length) / 10,
    learnersSynced: states.filter((s) => s === 'Synced').length,
    learnersNeedingReview: states.filter((s) => s === 'NeedsReview').length
  };
}
