import { createHash } from 'node:crypto';
import { seededRandom } from '../../shared/faults';
import { salesforceId } from '../../shared/salesforceId';
import * as pools from './names';
import type {
  SeedAccount,
  SeedBadge,
  SeedCertificate,
  SeedContact,
  SeedCourse,
  SeedCustomField,
  SeedEnrollment,
  SeedGroup,
  SeedTalentLmsUser,
  SeedUser,
  SeedWorld
} from './types';

export interface WorldOptions {
  /** `demo` (≤ 300 people with personas) or a population size N (half Users, half Contacts). */
  size: 'demo' | number;
  randomSeed?: number;
  /** Start of the simulated world; defaults to the emulators' default clock start. */
  now?: number;
  /**
   * Share of in-scope Salesforce people who already have a TalentLMS user with learning (demo: 0.75, so well
   * over 60% of all Salesforce people show learning at once; N: 0; linked seeds: 1).
   */
  existingShare?: number;
  domain?: string;
}

const DAY = 86_400_000;
const HOURS_PER_DAY = 24;

/** Deterministic for a given (size, randomSeed): the same seed always builds the same world. */
export function generateWorld(options: WorldOptions): SeedWorld {
  const isDemo = options.size === 'demo';
  const people = isDemo ? 260 : Math.max(40, Math.floor(options.size as number));
  const random = seededRandom(options.randomSeed ?? 42);
  const now = options.now ?? Date.UTC(2026, 10, 25, 9, 0, 0);
  const domain = options.domain ?? 'acme.talentlms.com';
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;

  const userCount = isDemo ? 120 : Math.floor(people / 2);
  const contactCount = people - userCount;
  const users = buildUsers(userCount, pick, chance);
  const { accounts, contacts } = buildAccountsAndContacts(contactCount, users, isDemo, pick, chance);

  const catalogue = buildCatalogue(isDemo, accounts.length);
  const talentlms = buildTalentLms({
    users,
    contacts,
    catalogue,
    existingShare: options.existingShare ?? (isDemo ? 0.75 : 0),
    now,
    domain,
    random,
    pick,
    chance
  });

  const regular = users.filter((u) => u.UserType === 'Standard' && u.IsActive && !u.isIntegrationUser);
  const byManager = groupBy(regular, (u) => u.ManagerId ?? '');
  const userById = new Map(users.map((u) => [u.Id, u]));
  const depthOf = (user: SeedUser) => {
    let depth = 0;
    for (let m = user.ManagerId; m; m = userById.get(m)?.ManagerId ?? null) depth++;
    return depth;
  };
  // The learner persona has a TalentLMS account with learning whenever the world gives anyone one.
  const linkedIds = new Set(talentlms.users.map((u) => u.salesforceId).filter(Boolean));
  const leaves = regular.filter((u) => depthOf(u) >= 3 && !byManager.has(u.Id));
  const learner = leaves.find((u) => linkedIds.has(u.Id)) ?? leaves[0] ?? regular[regular.length - 1];
  const manager = userById.get(learner.ManagerId ?? '') ?? learner;
  const skipLevelManager = userById.get(manager.ManagerId ?? '') ?? manager;
  const admin = users.find((u) => u.Title === 'Salesforce Administrator') ?? users[1];
  const integrationUser = users.find((u) => u.isIntegrationUser) ?? users[0];
  const contactsPerAccount = groupBy(
    contacts.filter((c) => !c.IsDeleted),
    (c) => c.AccountId ?? ''
  );
  const bigAccount = [...contactsPerAccount.entries()]
    .filter(([id]) => id)
    .sort((a, b) => b[1].length - a[1].length)[0][0];
  const account = accounts.find((a) => !a.IsPersonAccount && a.Id !== bigAccount) ?? accounts[0];
  const accountContacts = contactsPerAccount.get(account.Id) ?? contacts;
  const contact = accountContacts.find((c) => linkedIds.has(c.Id)) ?? accountContacts[0];
  const chief = regular.find((u) => u.Title === 'Chief Executive Officer') ?? regular[0];
  const bigTeamManager = regular.find((u) => u.ManagerId === chief.Id) ?? chief;

  return {
    name: isDemo ? 'demo' : String(people),
    randomSeed: options.randomSeed ?? 42,
    now,
    salesforce: {
      organization: { Id: salesforceId('00D', 7), Name: 'Acme Corporation', IsSandbox: false },
      users,
      accounts,
      contacts
    },
    talentlms,
    personas: {
      learner: learner.Id,
      manager: manager.Id,
      skipLevelManager: skipLevelManager.Id,
      admin: admin.Id,
      integrationUser: integrationUser.Id,
      account: account.Id,
      contact: contact.Id,
      bigTeamManager: bigTeamManager.Id,
      bigAccount
    }
  };
}

type Pick = <T>(items: readonly T[]) => T;
type Chance = (p: number) => boolean;

function emailOf(first: string, last: string, n: number, host: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-zA-Z]/g, '')
      .toLowerCase();
  return `${clean(first)}.${clean(last)}${n}@${host}`;
}

function buildUsers(count: number, pick: Pick, chance: Chance): SeedUser[] {
  const users: SeedUser[] = [];
  const add = (fields: Partial<SeedUser> & { FirstName: string; LastName: string }) => {
    const n = users.length + 1;
    const email = fields.Email ?? emailOf(fields.FirstName, fields.LastName, n, 'acme-corp.example');
    users.push({
      Id: salesforceId('005', n),
      Email: email,
      Username: `${email.split('@')[0]}@acme-corp.example.prod`,
      IsActive: true,
      UserType: 'Standard',
      ManagerId: null,
      Title: pick(pools.TITLES),
      Department: pick(pools.DEPARTMENTS),
      Country: pick(pools.COUNTRIES),
      ...fields
    });
    return users[users.length - 1];
  };
  // People the base filter must always exclude, whatever the settings say.
  add({
    FirstName: 'TalentLMS',
    LastName: 'Integration',
    Title: 'Integration User',
    Department: 'IT',
    isIntegrationUser: true
  });
  add({
    FirstName: 'Automated',
    LastName: 'Process',
    UserType: 'AutomatedProcess',
    Email: 'autoproc@acme-corp.example'
  });
  add({ FirstName: 'Site', LastName: 'Guest User', UserType: 'Guest', Email: 'guest@acme-corp.example' });
  add({
    FirstName: 'Portal',
    LastName: 'Partner',
    UserType: 'PowerPartner',
    Email: 'partner.portal@acme-corp.example'
  });
  add({
    FirstName: 'Chatter',
    LastName: 'Free',
    UserType: 'CsnOnly',
    Email: 'chatter.free@acme-corp.example'
  });
  // The Salesforce admin sits outside the management tree, so the admin persona is nobody's manager.
  add({ FirstName: 'Morgan', LastName: 'Admin', Title: 'Salesforce Administrator', Department: 'IT' });

  // A management tree (8 reports per manager) gives chains ≥ 3 deep and, from 2,000 users, teams ≥ 200.
  const first = users.length;
  const regularCount = Math.max(10, count - first);
  for (let i = 0; i < regularCount; i++) {
    const managerIndex = i === 0 ? -1 : Math.floor((i - 1) / 8);
    add({
      FirstName: pick(pools.FIRST_NAMES),
      LastName: pick(pools.LAST_NAMES),
      ManagerId: managerIndex >= 0 ? users[first + managerIndex].Id : null,
      IsActive: i < 12 || !chance(0.03),
      ...(i === 0 ? { Title: 'Chief Executive Officer', Department: 'Executive' } : {})
    });
  }
  return users;
}

function buildAccountsAndContacts(
  count: number,
  users: SeedUser[],
  isDemo: boolean,
  pick: Pick,
  chance: Chance
): { accounts: SeedAccount[]; contacts: SeedContact[] } {
  const accounts: SeedAccount[] = [];
  const contacts: SeedContact[] = [];
  const accountCount = Math.max(4, Math.ceil(count / 10));
  for (let i = 0; i < accountCount; i++) {
    const isPerson = i >= accountCount - Math.max(2, Math.floor(accountCount / 100));
    accounts.push({
      Id: salesforceId('001', i + 1),
      Name: isPerson ? `${pick(pools.FIRST_NAMES)} ${pick(pools.LAST_NAMES)}` : companyName(i, pick),
      Industry: pick(pools.INDUSTRIES),
      Type: isPerson ? 'Customer' : pick(pools.ACCOUNT_TYPES),
      BillingCountry: pick(pools.COUNTRIES),
      IsPersonAccount: isPerson
    });
  }
  const business = accounts.filter((a) => !a.IsPersonAccount);
  const personAccounts = accounts.filter((a) => a.IsPersonAccount);
  const accountById = new Map(accounts.map((a) => [a.Id, a]));
  // One big account: 1,000 contacts when the population allows it (the account view's paging case).
  // A little over 1,000 so the merged and shared-e-mail edge cases taken from it leave ≥ 1,000 live contacts.
  const bigShare = isDemo ? 30 : Math.min(1050, Math.floor(count / 3));
  const addContact = (fields: Partial<SeedContact> & { FirstName: string; LastName: string }) => {
    const n = contacts.length + 1;
    const account = fields.AccountId ? accountById.get(fields.AccountId) : undefined;
    const host = account
      ? `${
          account.Name.toLowerCase()
            .replace(/[^a-z]/g, '')
            .slice(0, 20) || 'customer'
        }.example`
      : 'independent.example';
    contacts.push({
      Id: salesforceId('003', n),
      Email: emailOf(fields.FirstName, fields.LastName, n, host),
      AccountId: null,
      Title: pick(pools.TITLES),
      Department: pick(pools.DEPARTMENTS),
      LeadSource: pick(pools.LEAD_SOURCES),
      MasterRecordId: null,
      IsDeleted: false,
      IsPersonAccount: false,
      ...fields
    });
    return contacts[contacts.length - 1];
  };
  for (const account of personAccounts) {
    const [FirstName, LastName] = account.Name.split(' ');
    addContact({ FirstName, LastName, AccountId: account.Id, IsPersonAccount: true });
  }
  const regularTarget = count - personAccounts.length;
  for (let i = 0; contacts.length < personAccounts.length + regularTarget; i++) {
    const account =
      i < bigShare ? business[0] : chance(0.02) ? null : business[1 + (i % (business.length - 1))];
    addContact({
      FirstName: pick(pools.FIRST_NAMES),
      LastName: pick(pools.LAST_NAMES),
      AccountId: account?.Id ?? null
    });
  }
  // Identity edge cases: Contacts that share an e-mail, a User who is also a Contact, merged Contacts.
  const plain = contacts.filter((c) => !c.IsPersonAccount && c.AccountId);
  const pairs = isDemo ? 3 : Math.max(3, Math.floor(count / 500));
  for (let p = 0; p < pairs; p++) plain[10 + 2 * p + 1].Email = plain[10 + 2 * p].Email;
  const doubles = isDemo ? 2 : Math.max(2, Math.floor(count / 1000));
  const staff = users.filter((u) => u.UserType === 'Standard' && u.IsActive && !u.isIntegrationUser);
  for (let d = 0; d < doubles; d++) plain[40 + d].Email = staff[staff.length - 1 - d].Email;
  const merges = isDemo ? 2 : Math.max(2, Math.floor(count / 2000));
  for (let m = 0; m < merges; m++) {
    const loser = plain[60 + 2 * m];
    loser.IsDeleted = true;
    loser.MasterRecordId = plain[60 + 2 * m + 1].Id;
  }
  return { accounts, contacts };
}

function companyName(i: number, pick: Pick): string {
  const word = pools.COMPANY_WORDS[i % pools.COMPANY_WORDS.length];
  const round = Math.floor(i / pools.COMPANY_WORDS.length);
  return `${word}${round > 0 ? ` ${round + 1}` : ''} ${pick(pools.COMPANY_SUFFIXES)}`;
}

interface Catalogue {
  customFields: SeedCustomField[];
  courses: SeedCourse[];
  groups: SeedGroup[];
  branchLimit: number;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#039;');
}

function buildCatalogue(isDemo: boolean, accountCount: number): Catalogue {
  const customFields: SeedCustomField[] = [
    { key: 'custom_field_1', name: 'Department', type: 'text', mandatory: false },
    {
      key: 'custom_field_2',
      name: 'Region',
      type: 'dropdown',
      mandatory: true,
      options: ['EMEA', 'Americas', 'APAC'].map((value, i) => ({ value, isDefault: i === 1 }))
    },
    {
      key: 'custom_field_3',
      name: 'Accepted code of conduct',
      type: 'checkbox',
      mandatory: true,
      checkboxDefault: 'off'
    },
    { key: 'custom_field_4', name: 'Start date', type: 'date', mandatory: true },
    { key: 'custom_field_5', name: 'Company', type: 'text', mandatory: true },
    { key: 'custom_field_6', name: 'Job title', type: 'text', mandatory: false },
    { key: 'custom_field_7', name: 'Account', type: 'text', mandatory: false }
  ];
  const courses: SeedCourse[] = pools.COURSE_NAMES.map((name, i) => ({
    id: String(i + 1),
    name: escapeHtml(name),
    code: `C${String(i + 1).padStart(3, '0')}`,
    deleted: false,
    certificateDurationDays: i % 3 === 0 ? null : i % 3 === 1 ? 365 : 30
  }));
  courses.push({
    id: String(courses.length + 1),
    name: 'Retired: Legacy CRM',
    code: 'C999',
    deleted: true,
    certificateDurationDays: null
  });
  const groups: SeedGroup[] = pools.DEPARTMENTS.slice(0, 4).map((dept, i) => ({
    id: String(i + 1),
    name: dept,
    key: `grp${dept.replace(/\s/g, '').toLowerCase()}${i}`,
    courseIds: [String(i + 1), String(i + 5)]
  }));
  // Just above the account count so Accounts → branches fits, barely (and the limit check is exercised).
  return { customFields, courses, groups, branchLimit: accountCount + (isDemo ? 3 : 5) };
}

interface TalentLmsInput {
  users: SeedUser[];
  contacts: SeedContact[];
  catalogue: Catalogue;
  existingShare: number;
  now: number;
  domain: string;
  random: () => number;
  pick: Pick;
  chance: Chance;
}

function buildTalentLms(input: TalentLmsInput): SeedWorld['talentlms'] {
  const { catalogue, now, domain, random, pick, chance } = input;
  const tlUsers: SeedTalentLmsUser[] = [];
  const enrollments: SeedEnrollment[] = [];
  const certificates: SeedCertificate[] = [];
  const badges: SeedBadge[] = [];
  const liveCourses = catalogue.courses.filter((c) => !c.deleted);
  const addUser = (
    fields: Partial<SeedTalentLmsUser> & { email: string; firstName: string; lastName: string }
  ) => {
    const id = String(tlUsers.length + 1);
    tlUsers.push({
      id,
      login:
        fields.email
          .split('@')[0]
          .replace(/[^a-z0-9._-]/gi, '')
          .slice(0, 60) || `user${id}`,
      userType: 'Learner-Type',
      status: 'active',
      deleted: false,
      points: 0,
      level: 1,
      createdAt: now - Math.floor(random() * 365) * DAY,
      customFields: {
        custom_field_2: 'Americas',
        custom_field_3: 'on',
        custom_field_4: '01/02/2026',
        custom_field_5: 'Acme Corporation'
      },
      ...fields
    });
    return tlUsers[tlUsers.length - 1];
  };
  addUser({
    email: 'owner@acme-corp.example',
    firstName: 'Portal',
    lastName: 'Owner',
    userType: 'SuperAdmin',
    login: 'portal.owner'
  });

  const inScopeUsers = input.users.filter(
    (u) => u.UserType === 'Standard' && u.IsActive && !u.isIntegrationUser
  );
  const liveContacts = input.contacts.filter((c) => !c.IsDeleted);
  const people = [
    ...inScopeUsers.map((u) => ({ id: u.Id, email: u.Email, first: u.FirstName, last: u.LastName })),
    ...liveContacts.map((c) => ({ id: c.Id, email: c.Email, first: c.FirstName, last: c.LastName }))
  ];
  const seenEmails = new Set<string>();
  people.forEach((person, index) => {
    if (seenEmails.has(person.email)) return; // one TalentLMS user per e-mail, as the portal enforces
    seenEmails.add(person.email);
    // Admins and instructors whose e-mail matches a Salesforce person: never adopted without the setting.
    const special = index === 3 ? 'Admin-Type' : index === 4 || index === 5 ? 'Trainer-Type' : null;
    if (!special && random() >= input.existingShare) return;
    const user = addUser({
      email: person.email,
      firstName: person.first,
      lastName: person.last,
      salesforceId: person.id,
      userType: special ?? 'Learner-Type',
      status: index === 7 ? 'inactive' : 'active'
    });
    if (user.userType === 'Trainer-Type') {
      enrollments.push(enrollment(user.id, liveCourses[0].id, 'instructor', now, random));
    }
    addLearning(user, liveCourses, now, domain, { enrollments, certificates, badges }, random, pick, chance);
  });
  // Portal-only people (no Salesforce match), deleted users, and a learner in a deleted course.
  const extra = Math.max(5, Math.floor(people.length * 0.02));
  for (let i = 0; i < extra; i++) {
    const user = addUser({
      email: `external.trainee${i + 1}@partners.example`,
      firstName: pick(pools.FIRST_NAMES),
      lastName: pick(pools.LAST_NAMES),
      deleted: i < 2
    });
    addLearning(user, liveCourses, now, domain, { enrollments, certificates, badges }, random, pick, chance);
  }
  const someLearner =
    tlUsers.find((u) => u.userType === 'Learner-Type' && u.salesforceId && !u.deleted) ??
    tlUsers.find((u) => u.userType === 'Learner-Type' && !u.deleted);
  if (someLearner) {
    const retired = catalogue.courses.find((c) => c.deleted);
    if (retired) enrollments.push(enrollment(someLearner.id, retired.id, 'learner', now, random));
    // A status value the connector has never seen must arrive as Unknown, not as a failed write.
    const unseen = enrollments.find((e) => e.userId === someLearner.id && e.role === 'learner');
    if (unseen) unseen.status = 'pending_review';
    // A badge whose image cannot load: the dashboards fall back to a local icon.
    badges.push({
      userId: someLearner.id,
      name: 'Survey Newbie',
      type: 'survey',
      criteria: '1 survey',
      badgeSetId: '1',
      issuedAt: now - 3 * DAY,
      imageUrl: `https://${domain}/pages/images/badges/set1/survey/missing-image.png`
    });
  }
  return {
    domain,
    customFields: catalogue.customFields,
    courses: catalogue.courses,
    groups: catalogue.groups,
    branches: [],
    branchLimit: catalogue.branchLimit,
    users: tlUsers,
    enrollments,
    certificates,
    badges
  };
}

function enrollment(
  userId: string,
  courseId: string,
  role: 'learner' | 'instructor',
  now: number,
  random: () => number
): SeedEnrollment {
  return {
    userId,
    courseId,
    role,
    enrolledAt: now - (10 + Math.floor(random() * 170)) * DAY,
    status: 'not_attempted',
    percent: 0,
    timeSeconds: 0,
    completedAt: null,
    expiresAt: null
  };
}

function addLearning(
  user: SeedTalentLmsUser,
  courses: SeedCourse[],
  now: number,
  domain: string,
  out: { enrollments: SeedEnrollment[]; certificates: SeedCertificate[]; badges: SeedBadge[] },
  random: () => number,
  pick: Pick,
  chance: Chance
): void {
  const count = 1 + Math.floor(random() * 4);
  const start = Math.floor(random() * courses.length);
  let completed = 0;
  for (let k = 0; k < count; k++) {
    const course = courses[(start + k) % courses.length];
    const e = enrollment(user.id, course.id, 'learner', now, random);
    // The first enrollment always shows real learning (some progress or a completion), so every learner with
    // a TalentLMS account has something to display.
    const roll = k === 0 ? random() * 0.75 : random();
    if (roll < 0.35) {
      e.status = 'completed';
      e.percent = 100;
      e.completedAt = e.enrolledAt + Math.floor(random() * 9 * HOURS_PER_DAY) * 3_600_000 + DAY;
      completed++;
      if (course.certificateDurationDays !== undefined) {
        out.certificates.push({
          id: String(out.certificates.length + 1),
          signature: sha1(`signature:${user.id}:${course.id}`).slice(0, 29),
          userId: user.id,
          courseId: course.id,
          uniqueId: uniqueId(user.id, course.id),
          issuedAt: e.completedAt,
          expiresAt:
            course.certificateDurationDays === null
              ? null
              : e.completedAt + course.certificateDurationDays * DAY
        });
      }
    } else if (roll < 0.75) {
      e.status = 'incomplete';
      e.percent = 5 + Math.floor(random() * 90);
    } else if (roll < 0.79) {
      e.status = 'failed';
      e.percent = 100;
    }
    e.timeSeconds = Math.floor((e.percent / 100) * (600 + random() * 7200));
    // Some enrollments carry a deadline; past and unfinished means overdue.
    if (chance(0.2)) e.expiresAt = e.enrolledAt + (20 + Math.floor(random() * 200)) * DAY;
    out.enrollments.push(e);
  }
  const badgeCount = Math.min(completed + (chance(0.5) ? 1 : 0), 3);
  const earned = new Set<string>();
  for (let b = 0; b < badgeCount; b++) {
    const badge = pick(pools.BADGES);
    if (earned.has(badge.name)) continue;
    earned.add(badge.name);
    out.badges.push({
      userId: user.id,
      ...badge,
      badgeSetId: '1',
      issuedAt: now - Math.floor(random() * 90) * DAY,
      imageUrl: `https://${domain}/pages/images/badges/set1/${badge.type}/${1 + b}.png`
    });
  }
  user.points = completed * 100 + badgeCount * 25 + Math.floor(random() * 50);
  user.level = 1 + Math.floor(user.points / 150);
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function uniqueId(userId: string, courseId: string): string {
  const digest = createHash('sha1').update(`${userId}:${courseId}`).digest();
  return String(digest.readUInt32BE(0)) + String(digest.readUInt16BE(4)).padStart(5, '0');
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
