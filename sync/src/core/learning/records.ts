import type { SCHEMA } from '../../salesforce/schema';

/**
 * Learning records as plain data with **logical** field names (the keys of salesforce/schema.ts), so nothing
 * here spells an API name: `toSalesforceRecord` resolves them through a bound schema (the engine with the
 * org's namespace, the emulator harness with `bindSchema('')`).
 */
export type PersonKind = 'User' | 'Contact';
export type LearningKind = 'course' | 'certificate' | 'badge';
export type LearningObjectKey =
  'UserCourse' | 'ContactCourse' | 'UserCertificate' | 'ContactCertificate' | 'UserBadge' | 'ContactBadge';

type FieldsOf<K extends LearningObjectKey> = K extends LearningObjectKey
  ? Extract<keyof (typeof SCHEMA)[K]['fields'], string>
  : never;
export type LearningField = FieldsOf<LearningObjectKey> | 'User' | 'Contact' | 'Account';
export type FieldValue = string | number | boolean | null;

export interface LearningRecord {
  kind: LearningKind;
  object: LearningObjectKey;
  /** ExternalKey__c (also in `fields.ExternalKey`). */
  key: string;
  fields: Partial<Record<LearningField, FieldValue>>;
}

/** Who the records belong to: the Salesforce person and the TalentLMS user, linked by Learner__c. */
export interface LearnerLink {
  kind: PersonKind;
  /** User or Contact Id the records point at (the surviving Contact after a merge). */
  salesforceId: string;
  /** Contact's Account (copied onto contact records), null for Users. */
  accountId: string | null;
  /** Learner__c record Id. */
  learnerId: string;
  tlUserId: string;
}

export interface MapOptions {
  portalId: string;
  /** TalentLMS portal host, e.g. acme.talentlms.com (course links). */
  domain: string;
  /** Epoch ms written to LastSyncedAt__c. */
  syncedAt: number;
  switches: { courses: boolean; certificates: boolean; badges: boolean };
}

export function objectFor(kind: LearningKind, person: PersonKind): LearningObjectKey {
  const suffix = kind === 'course' ? 'Course' : kind === 'certificate' ? 'Certificate' : 'Badge';
  return `${person}${suffix}` as LearningObjectKey;
}

export const LEARNING_OBJECTS: readonly LearningObjectKey[] = [
  'UserCourse',
  'ContactCourse',
  'UserCertificate',
  'ContactCertificate',
  'UserBadge',
  'ContactBadge'
];

export function kindOf(object: LearningObjectKey): LearningKind {
  if (object.endsWith('Course')) return 'course';
  return object.endsWith('Certificate') ? 'certificate' : 'badge';
}

export function personOf(object: LearningObjectKey): PersonKind {
  return object.startsWith('User') ? 'User' : 'Contact';
}

/** The person link fields every learning record carries. */
export function personFields(link: LearnerLink): Partial<Record<LearningField, FieldValue>> {
  return link.kind === 'User'
    ? { User: link.salesforceId, Learner: link.learnerId }
    : { Contact: link.salesforceId, Account: link.accountId, Learner: link.learnerId };
}

/** Logical → qualified field names through a bound schema (`schema[object].f`). */
export function toSalesforceRecord(
  record: LearningRecord,
  bound: { [K in LearningObjectKey]: { f: Record<string, string> } }
): Record<string, FieldValue> {
  const names = bound[record.object].f;
  const out: Record<string, FieldValue> = {};
  for (const [field, value] of Object.entries(record.fields)) {
    const api = names[field];
    if (!api) throw new Error(`${record.object} has no field ${field} in the schema`);
    out[api] = value as FieldValue;
  }
  return out;
}

export const isoOrNull = (epochMs: number | null): string | null =>
  epochMs === null ? null : new Date(epochMs).toISOString();
