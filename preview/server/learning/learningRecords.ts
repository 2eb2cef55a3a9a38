import type { ApexContext } from '../apex/context';
import { sameId, type SRecord } from '../data/recordSource';
import { byNameThenId, visibleContacts, visibleUserIds } from '../visibility';

/** LearningAccessSelector's partial reasons. */
export const REASON_FIELDS_HIDDEN = 'FieldsHidden';
export const REASON_SECTIONS_HIDDEN = 'SectionsHidden';
export const REASON_TRUNCATED = 'Truncated';
export const MAX_ROWS = 20000;

export type PersonType = 'User' | 'Contact';

/** The objects and person lookup of one person type (the Apex PersonFields). */
export interface PersonObjects {
  personField: 'User__c' | 'Contact__c';
  course: string;
  certificate: string;
  badge: string;
}

export const USER_OBJECTS: PersonObjects = {
  personField: 'User__c',
  course: 'UserCourse__c',
  certificate: 'UserCertificate__c',
  badge: 'UserBadge__c'
};
export const CONTACT_OBJECTS: PersonObjects = {
  personField: 'Contact__c',
  course: 'ContactCourse__c',
  certificate: 'ContactCertificate__c',
  badge: 'ContactBadge__c'
};

const COURSE_FIELDS = [
  'CourseId__c',
  'CourseName__c',
  'Status__c',
  'RawStatus__c',
  'CompletionPercent__c',
  'TimeSpentSeconds__c',
  'TimeSpent__c',
  'EnrolledOn__c',
  'CompletedOn__c',
  'ExpiresOn__c',
  'IsOverdue__c',
  'Score__c',
  'CourseUrl__c'
];
const CERTIFICATE_FIELDS = [
  'CourseName__c',
  'CertificateId__c',
  'IssuedOn__c',
  'ExpiresOn__c',
  'IsExpired__c',
  'PublicUrl__c'
];
const BADGE_FIELDS = ['BadgeName__c', 'BadgeType__c', 'Criteria__c', 'IssuedOn__c', 'ImageUrl__c'];
const LEARNER_FIELDS = ['State__c', 'Points__c', 'Level__c', 'LastLearningSyncAt__c'];

export interface LearningRecords {
  courses: SRecord[];
  certificates: SRecord[];
  badges: SRecord[];
  learners: SRecord[];
  partialReasons: Set<string>;
}

function emptyRecords(): LearningRecords {
  return { courses: [], certificates: [], badges: [], learners: [], partialReasons: new Set() };
}

function compareText(a: unknown, b: unknown): number {
  // SOQL sorts nulls first in ascending order.
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return String(a) < String(b) ? -1 : 1;
}

const byCourseName = (a: SRecord, b: SRecord) =>
  compareText(a.CourseName__c, b.CourseName__c) || compareText(a.Id, b.Id);
// ORDER BY IssuedOn__c DESC puts nulls first in descending order too (NULLS FIRST is the default either way).
const byIssuedDesc = (a: SRecord, b: SRecord) => {
  if (a.IssuedOn__c == null || b.IssuedOn__c == null)
    return compareText(a.IssuedOn__c, b.IssuedOn__c) || compareText(a.Id, b.Id);
  return -compareText(a.IssuedOn__c, b.IssuedOn__c) || compareText(a.Id, b.Id);
};

/**
 * One SOQL query of the selector: the person's records of an object, limited and stripped of fields the caller
 * cannot read (Security.stripInaccessible), noting why a result is partial.
 */
async function query(
  context: ApexContext,
  result: LearningRecords,
  objectName: string,
  personField: string,
  people: string[],
  fields: string[],
  order: (a: SRecord, b: SRecord) => number
): Promise<SRecord[]> {
  const wanted = new Set(people.map((id) => id.slice(0, 15)));
  const all = await context.source.list(objectName);
  const rows = all
    .filter(
      (record) =>
        typeof record[personField] === 'string' && wanted.has(String(record[personField]).slice(0, 15))
    )
    .sort(order);
  if (rows.length > MAX_ROWS) {
    rows.length = MAX_ROWS;
    result.partialReasons.add(REASON_TRUNCATED);
  }
  const selected = ['Id', personField, ...fields];
  const hidden = selected.filter(
    (field) => !context.permissions.canReadField(context.persona.permissionSets, objectName, field)
  );
  if (hidden.length > 0 && rows.length > 0) result.partialReasons.add(REASON_FIELDS_HIDDEN);
  return rows.map((row) => {
    const copy: SRecord = { Id: row.Id };
    for (const field of selected)
      if (!hidden.includes(field) && row[field] !== undefined) copy[field] = row[field];
    return copy;
  });
}

async function learningOf(
  context: ApexContext,
  objects: PersonObjects,
  people: string[]
): Promise<LearningRecords> {
  const result = emptyRecords();
  if (people.length === 0) return result;
  const sets = context.persona.permissionSets;
  const canRead = (objectName: string) => context.permissions.canReadObject(sets, objectName);
  const person = objects.personField;
  if (canRead(objects.course)) {
    result.courses = await query(
      context,
      result,
      objects.course,
      person,
      people,
      COURSE_FIELDS,
      byCourseName
    );
  }
  if (canRead(objects.certificate)) {
    result.certificates = await query(
      context,
      result,
      objects.certificate,
      person,
      people,
      CERTIFICATE_FIELDS,
      byIssuedDesc
    );
  } else {
    result.partialReasons.add(REASON_SECTIONS_HIDDEN);
  }
  if (canRead(objects.badge)) {
    result.badges = await query(context, result, objects.badge, person, people, BADGE_FIELDS, byIssuedDesc);
  } else {
    result.partialReasons.add(REASON_SECTIONS_HIDDEN);
  }
  if (canRead('Learner__c')) {
    result.learners = await query(context, result, 'Learner__c', person, people, LEARNER_FIELDS, () => 0);
  }
  return result;
}

/** Learning of users, limited to the caller and the caller's team. */
export async function userLearning(
  context: ApexContext,
  requestedUserIds: string[]
): Promise<LearningRecords> {
  const users = await context.source.list('User');
  return learningOf(context, USER_OBJECTS, visibleUserIds(context.caller, requestedUserIds, users));
}

/** The requested Contacts the caller can see, with their names (the user-mode Contact query). */
export async function visibleContactNames(
  context: ApexContext,
  contactIds: string[]
): Promise<Map<string, string>> {
  const [contacts, accounts, users] = await Promise.all([
    context.source.list('Contact'),
    context.source.list('Account'),
    context.source.list('User')
  ]);
  const requested = contacts.filter((contact) => contactIds.some((id) => sameId(id, contact.Id)));
  const names = new Map<string, string>();
  for (const contact of visibleContacts(context.caller, requested, accounts, users, context.sharing)) {
    names.set(
      contact.Id,
      [contact.FirstName, contact.LastName].filter(Boolean).join(' ') || String(contact.Name ?? '')
    );
  }
  return names;
}

/** Learning of Contacts, limited to the Contacts the caller can see. */
export async function contactLearning(
  context: ApexContext,
  requestedContactIds: string[]
): Promise<LearningRecords> {
  const visible = await visibleContactNames(context, requestedContactIds);
  return learningOf(context, CONTACT_OBJECTS, [...visible.keys()]);
}

/** The Account's Contacts the caller can see, ordered by name. */
export async function accountContacts(context: ApexContext, accountId: string): Promise<SRecord[]> {
  const [contacts, accounts, users] = await Promise.all([
    context.source.list('Contact'),
    context.source.list('Account'),
    context.source.list('User')
  ]);
  const ofAccount = contacts.filter((contact) => sameId(contact.AccountId as string | null, accountId));
  return visibleContacts(context.caller, ofAccount, accounts, users, context.sharing).sort(byNameThenId);
}

/** The TalentLMS domain the org is bound to (SyncState__c, read in system mode). */
export async function portalHost(context: ApexContext): Promise<string | null> {
  const states = await context.source.list('SyncState__c');
  const state = states.find((each) => each.StateKey__c === 'default');
  return typeof state?.TalentLmsDomain__c === 'string' ? state.TalentLmsDomain__c : null;
}

export function canViewSyncHealth(context: ApexContext): boolean {
  return context.permissions.canReadObject(context.persona.permissionSets, 'SyncRun__c');
}

export function canReadCourses(context: ApexContext, contacts: boolean): boolean {
  return context.permissions.canReadObject(
    context.persona.permissionSets,
    contacts ? CONTACT_OBJECTS.course : USER_OBJECTS.course
  );
}
