import { AuraHandledError, type ApexContext } from '../apex/context';
import type { FieldValue, SRecord } from '../data/recordSource';
import { MAX_TEAM_DEPTH, personName, teamMembers, visibleUserIds } from '../visibility';
import {
  CONTACT_OBJECTS,
  USER_OBJECTS,
  accountContacts,
  canReadCourses,
  canViewSyncHealth,
  contactLearning,
  portalHost,
  userLearning,
  visibleContactNames,
  type LearningRecords,
  type PersonObjects
} from './learningRecords';

/**
 * The TypeScript twin of LearningDashboardService: the same DTOs, built from the same records with the same
 * rules, so the preview shows what the org would show. DTO formats: dates YYYY-MM-DD, datetimes ISO-8601 UTC,
 * percentages 0–100, a missing key means null.
 */
/** As LearningDashboardService.MAX_PAGE_SIZE: one call can return a whole 1,000-contact account. */
export const MAX_PAGE_SIZE = 1000;
const STATUS_COMPLETED = 'Completed';
const STATUS_UNKNOWN = 'Unknown';
export const STATUSES = ['NotStarted', 'InProgress', STATUS_COMPLETED, 'Failed', 'Expired', STATUS_UNKNOWN];

type Dto = Record<string, unknown>;

function accessError(context: ApexContext, label: string): AuraHandledError {
  return new AuraHandledError(context.labels.get(label));
}

function requireAccess(context: ApexContext, contacts: boolean): void {
  if (!canReadCourses(context, contacts)) throw accessError(context, 'Learning_Error_NoAccess');
}

function toDate(value: FieldValue | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

function toDateTime(value: FieldValue | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function toNumber(value: FieldValue | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isNaN(number) ? null : number;
}

function toInteger(value: FieldValue | undefined): number | null {
  const number = toNumber(value);
  return number === null ? null : Math.trunc(number);
}

function toText(value: FieldValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** Decimal.setScale(1): Apex rounds half to even. */
function scale1(value: number): number {
  const shifted = value * 10;
  const floor = Math.floor(shifted);
  const diff = shifted - floor;
  const rounded = Math.abs(diff - 0.5) < 1e-9 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(shifted);
  return rounded / 10;
}

/** Drops null values: in a DTO a missing key means null. */
function compact(dto: Dto): Dto {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== null && value !== undefined));
}

function normaliseStatus(status: FieldValue | undefined): string {
  return typeof status === 'string' && STATUSES.includes(status) ? status : STATUS_UNKNOWN;
}

function isOverdue(context: ApexContext, course: SRecord): boolean {
  if (course.IsOverdue__c !== undefined && course.IsOverdue__c !== null) return course.IsOverdue__c === true;
  // The formula may be hidden from the caller (or not computed by the org emulator); the rule is the same.
  const expires = course.ExpiresOn__c ? new Date(String(course.ExpiresOn__c)).getTime() : null;
  return (
    normaliseStatus(course.Status__c) !== STATUS_COMPLETED &&
    expires !== null &&
    expires < context.clock.now()
  );
}

function latest(current: string | null, candidate: FieldValue | undefined): string | null {
  const other = toDate(candidate);
  if (other === null) return current;
  return current === null || other > current ? other : current;
}

function toCourse(context: ApexContext, record: SRecord): Dto {
  return compact({
    id: record.Id,
    courseId: toText(record.CourseId__c),
    courseName: toText(record.CourseName__c),
    status: normaliseStatus(record.Status__c),
    rawStatus: toText(record.RawStatus__c),
    completionPercent: toNumber(record.CompletionPercent__c),
    timeSpentSeconds: toInteger(record.TimeSpentSeconds__c),
    timeSpent: toText(record.TimeSpent__c),
    enrolledOn: toDate(record.EnrolledOn__c),
    completedOn: toDate(record.CompletedOn__c),
    expiresOn: toDate(record.ExpiresOn__c),
    isOverdue: isOverdue(context, record),
    score: toNumber(record.Score__c),
    courseUrl: toText(record.CourseUrl__c)
  });
}

function toCertificate(record: SRecord): Dto {
  return compact({
    id: record.Id,
    courseName: toText(record.CourseName__c),
    certificateId: toText(record.CertificateId__c),
    issuedOn: toDate(record.IssuedOn__c),
    expiresOn: toDate(record.ExpiresOn__c),
    isExpired: record.IsExpired__c === true,
    publicUrl: toText(record.PublicUrl__c)
  });
}

function toBadge(record: SRecord): Dto {
  return compact({
    id: record.Id,
    name: toText(record.BadgeName__c),
    badgeType: toText(record.BadgeType__c),
    criteria: toText(record.Criteria__c),
    issuedOn: toDate(record.IssuedOn__c),
    imageUrl: toText(record.ImageUrl__c)
  });
}

function summarize(
  context: ApexContext,
  courses: SRecord[],
  certificates: SRecord[],
  badges: SRecord[]
): Dto {
  let completed = 0;
  let overdue = 0;
  let percentTotal = 0;
  let percentCount = 0;
  let lastActivityOn: string | null = null;
  for (const course of courses) {
    if (normaliseStatus(course.Status__c) === STATUS_COMPLETED) completed++;
    if (isOverdue(context, course)) overdue++;
    const percent = toNumber(course.CompletionPercent__c);
    if (percent !== null) {
      percentTotal += percent;
      percentCount++;
    }
    lastActivityOn = latest(latest(lastActivityOn, course.EnrolledOn__c), course.CompletedOn__c);
  }
  for (const record of [...certificates, ...badges])
    lastActivityOn = latest(lastActivityOn, record.IssuedOn__c);
  return compact({
    coursesAssigned: courses.length,
    coursesCompleted: completed,
    coursesOverdue: overdue,
    certificates: certificates.length,
    badges: badges.length,
    averageCompletion: percentCount === 0 ? null : scale1(percentTotal / percentCount),
    completionRate: courses.length === 0 ? null : scale1((completed * 100) / courses.length),
    lastActivityOn
  });
}

function statusCounts(courses: SRecord[]): Dto[] {
  const counts = new Map(STATUSES.map((status) => [status, 0]));
  for (const course of courses) {
    const status = normaliseStatus(course.Status__c);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

async function personLearning(
  context: ApexContext,
  personId: string,
  name: string | undefined,
  personType: 'User' | 'Contact',
  records: LearningRecords
): Promise<Dto> {
  const learner = records.learners[0];
  const courses = records.courses.map((record) => toCourse(context, record));
  const certificates = records.certificates.map(toCertificate);
  const badges = records.badges.map(toBadge);
  const partialReasons = [...records.partialReasons];
  return compact({
    personId,
    personName: name ?? null,
    personType,
    portalHost: await portalHost(context),
    canViewSyncHealth: canViewSyncHealth(context),
    partialReasons,
    isPartial: partialReasons.length > 0,
    courses,
    certificates,
    badges,
    syncState: learner ? toText(learner.State__c) : null,
    points: learner ? toInteger(learner.Points__c) : null,
    level: learner ? toInteger(learner.Level__c) : null,
    lastSyncedAt: learner ? toDateTime(learner.LastLearningSyncAt__c) : null,
    isSynced:
      records.learners.length > 0 || courses.length > 0 || certificates.length > 0 || badges.length > 0,
    summary: summarize(context, records.courses, records.certificates, records.badges),
    statusCounts: statusCounts(records.courses)
  });
}

/** Per-person figures for the rows of a paged list (the Apex PersonIndex). */
class PersonIndex {
  private readonly courses = new Map<string, SRecord[]>();
  private readonly certificates = new Map<string, SRecord[]>();
  private readonly badges = new Map<string, SRecord[]>();
  private readonly learnerPeople = new Set<string>();

  constructor(
    private readonly context: ApexContext,
    records: LearningRecords,
    objects: PersonObjects
  ) {
    const field = objects.personField;
    const group = (list: SRecord[], target: Map<string, SRecord[]>) => {
      for (const record of list) {
        const person = record[field];
        if (typeof person !== 'string') continue;
        target.set(person.slice(0, 15), [...(target.get(person.slice(0, 15)) ?? []), record]);
      }
    };
    group(records.courses, this.courses);
    group(records.certificates, this.certificates);
    group(records.badges, this.badges);
    for (const learner of records.learners) {
      if (typeof learner[field] === 'string') this.learnerPeople.add(String(learner[field]).slice(0, 15));
    }
  }

  row(personId: string, name: string): Dto {
    const key = personId.slice(0, 15);
    const courses = this.courses.get(key) ?? [];
    const summary = summarize(
      this.context,
      courses,
      this.certificates.get(key) ?? [],
      this.badges.get(key) ?? []
    );
    return compact({
      personId,
      name,
      isSynced: this.learnerPeople.has(key) || courses.length > 0,
      coursesAssigned: summary.coursesAssigned,
      coursesCompleted: summary.coursesCompleted,
      coursesOverdue: summary.coursesOverdue,
      certificates: summary.certificates,
      badges: summary.badges,
      averageCompletion: summary.averageCompletion,
      lastActivityOn: summary.lastActivityOn
    });
  }

  syncedCount(people: string[]): number {
    return people.filter((id) => this.learnerPeople.has(id.slice(0, 15)) || this.courses.has(id.slice(0, 15)))
      .length;
  }

  enrolledCount(): number {
    return this.courses.size;
  }
}

export const SORT_DEFAULT_FIELD = 'name';
/** The columns of the Account contacts table, by PersonRow field name (Apex CONTACT_SORT_FIELDS). */
export const CONTACT_SORT_FIELDS: readonly string[] = [
  SORT_DEFAULT_FIELD,
  'isSynced',
  'coursesAssigned',
  'coursesCompleted',
  'coursesOverdue',
  'certificates',
  'badges',
  'averageCompletion',
  'lastActivityOn'
];
/** The columns of the team table: the contact columns plus the manager (Apex TEAM_SORT_FIELDS). */
export const TEAM_SORT_FIELDS: readonly string[] = [...CONTACT_SORT_FIELDS, 'managerName'];

/** The order of a paged list (the Apex RowOrder): an offered field and a direction, or the name order. */
export interface RowOrder {
  field: string;
  descending: boolean;
}

export function rowOrder(
  sortedBy: string | null,
  sortDirection: string | null,
  offered: readonly string[]
): RowOrder {
  const candidate = sortedBy?.trim() ?? '';
  const known = offered.includes(candidate);
  // An unknown field is ignored as a whole: its direction would reverse a list nobody asked to sort
  return {
    field: known ? candidate : SORT_DEFAULT_FIELD,
    descending: known && sortDirection?.trim().toLowerCase() === 'desc'
  };
}

function isSelectorOrder(order: RowOrder): boolean {
  return order.field === SORT_DEFAULT_FIELD && !order.descending;
}

/** A row's sort value as Apex keys it; null sorts last in both directions. */
function sortValue(row: Dto, field: string, position: number): number | string | null {
  const value = row[field];
  if (field === SORT_DEFAULT_FIELD) return position; // the selector's name order, ties included
  if (value === undefined || value === null) return null;
  if (field === 'isSynced') return value === true ? 1 : 0;
  if (field === 'managerName') return String(value).trim() ? String(value).toLowerCase() : null;
  if (field === 'lastActivityOn') return Date.parse(`${String(value)}T00:00:00Z`);
  return Number(value);
}

/** Orders every row (in the selector's name order), then cuts the page: page 2 continues page 1. */
function orderedPage(rows: Dto[], order: RowOrder, offset: number, size: number): Dto[] {
  const factor = order.descending ? -1 : 1;
  return rows
    .map((row, position) => ({ row, position, value: sortValue(row, order.field, position) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        return a.value === b.value ? a.position - b.position : a.value === null ? 1 : -1;
      }
      const compared = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
      return compared === 0 ? a.position - b.position : compared * factor;
    })
    .slice(offset, offset + size)
    .map((entry) => entry.row);
}

export function clampPageSize(pageSize: number | null): number {
  if (pageSize === null || pageSize < 1) return 1;
  return Math.min(pageSize, MAX_PAGE_SIZE);
}

export function clampOffset(pageOffset: number | null): number {
  return pageOffset === null || pageOffset < 0 ? 0 : pageOffset;
}

/** The dashboard of one user: the caller or someone in the caller's team. */
export async function userLearningDto(context: ApexContext, userId: string | null): Promise<Dto> {
  requireAccess(context, false);
  const users = await context.source.list('User');
  if (!userId || visibleUserIds(context.caller, [userId], users).length === 0) {
    throw accessError(context, 'Learning_Error_NotInTeam');
  }
  const user = users.find((each) => each.Id.slice(0, 15) === userId.slice(0, 15));
  const records = await userLearning(context, [userId]);
  return personLearning(context, user?.Id ?? userId, user ? personName(user) : undefined, 'User', records);
}

/** The learning activity of one Contact the caller can see. */
export async function contactLearningDto(context: ApexContext, contactId: string | null): Promise<Dto> {
  requireAccess(context, true);
  if (!contactId) throw accessError(context, 'Learning_Error_NoRecord');
  const names = await visibleContactNames(context, [contactId]);
  const id = [...names.keys()][0];
  if (!id) throw accessError(context, 'Learning_Error_ContactNotVisible');
  return personLearning(context, id, names.get(id), 'Contact', await contactLearning(context, [id]));
}

/** One page of the caller's team, with figures for the whole team, ordered across the team before paging. */
export async function teamDto(
  context: ApexContext,
  pageSize: number | null,
  pageOffset: number | null,
  includeIndirect: boolean | null,
  sortedBy: string | null = null,
  sortDirection: string | null = null
): Promise<Dto> {
  requireAccess(context, false);
  const order = rowOrder(sortedBy, sortDirection, TEAM_SORT_FIELDS);
  const indirect = includeIndirect === true;
  const users = await context.source.list('User');
  const members = teamMembers(context.caller, users, indirect ? MAX_TEAM_DEPTH : 1);
  const memberIds = members.map((member) => member.user.Id);
  const records = await userLearning(context, memberIds);
  const index = new PersonIndex(context, records, USER_OBJECTS);
  const size = clampPageSize(pageSize);
  const offset = clampOffset(pageOffset);
  const byId = new Map(users.map((user) => [user.Id.slice(0, 15), user]));
  const partialReasons = [...records.partialReasons];
  const memberRow = ({ user, depth }: { user: SRecord; depth: number }): Dto => {
    const manager = typeof user.ManagerId === 'string' ? byId.get(user.ManagerId.slice(0, 15)) : undefined;
    return compact({
      ...index.row(user.Id, personName(user)),
      managerName: manager ? personName(manager) : null,
      depth
    });
  };
  return compact({
    total: members.length,
    pageSize: size,
    pageOffset: offset,
    includeIndirect: indirect,
    sortedBy: order.field,
    sortDirection: order.descending ? 'desc' : 'asc',
    canViewSyncHealth: canViewSyncHealth(context),
    partialReasons,
    isPartial: partialReasons.length > 0,
    summary: summarize(context, records.courses, records.certificates, records.badges),
    statusCounts: statusCounts(records.courses),
    membersSynced: index.syncedCount(memberIds),
    members: isSelectorOrder(order)
      ? members.slice(offset, offset + size).map(memberRow)
      : orderedPage(members.map(memberRow), order, offset, size)
  });
}

/** One page of an Account's visible Contacts, with figures for all of them, ordered across all before paging. */
export async function accountActivityDto(
  context: ApexContext,
  accountId: string | null,
  pageSize: number | null,
  pageOffset: number | null,
  sortedBy: string | null = null,
  sortDirection: string | null = null
): Promise<Dto> {
  requireAccess(context, true);
  const order = rowOrder(sortedBy, sortDirection, CONTACT_SORT_FIELDS);
  if (!accountId) throw accessError(context, 'Learning_Error_NoRecord');
  const contacts = await accountContacts(context, accountId);
  const records = await contactLearning(
    context,
    contacts.map((contact) => contact.Id)
  );
  const index = new PersonIndex(context, records, CONTACT_OBJECTS);
  const size = clampPageSize(pageSize);
  const offset = clampOffset(pageOffset);
  const partialReasons = [...records.partialReasons];
  return compact({
    accountId,
    total: contacts.length,
    pageSize: size,
    pageOffset: offset,
    sortedBy: order.field,
    sortDirection: order.descending ? 'desc' : 'asc',
    canViewSyncHealth: canViewSyncHealth(context),
    partialReasons,
    isPartial: partialReasons.length > 0,
    summary: summarize(context, records.courses, records.certificates, records.badges),
    statusCounts: statusCounts(records.courses),
    contactsEnrolled: index.enrolledCount(),
    contacts: isSelectorOrder(order)
      ? contacts.slice(offset, offset + size).map((contact) => index.row(contact.Id, personName(contact)))
      : orderedPage(
          contacts.map((contact) => index.row(contact.Id, personName(contact))),
          order,
          offset,
          size
        )
  });
}
