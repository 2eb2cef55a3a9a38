import {
  type FieldValue,
  kindOf,
  type LearningField,
  type LearningKind,
  type LearningObjectKey,
  type LearningRecord
} from './records';

/**
 * What Salesforce holds vs what TalentLMS says, per learner: only records that differ are written (so a run
 * with no change writes nothing), and records TalentLMS no longer lists follow the unenrolment rule
 * (docs/decisions.md "Learning back-sync"):
 * - course gone (unenrolled, course deleted, user deleted): `keepCompleted` (default) keeps a Completed record
 *   as history and deletes an unfinished one; `keepAll` keeps every record as last synced; `deleteAll` deletes.
 * - certificate or badge gone (removed, reset with removal): deleted, except under `keepAll`. An expired
 *   certificate is still listed by TalentLMS, so it stays and carries its past expiry date (IsExpired__c).
 */
export type UnenrollmentPolicy = 'keepCompleted' | 'keepAll' | 'deleteAll';

export interface ExistingRecord {
  id: string;
  object: LearningObjectKey;
  key: string;
  fields: Partial<Record<LearningField, FieldValue>>;
}

/** Fields never compared: the sync time changes on every write by definition. */
const IGNORED: ReadonlySet<string> = new Set(['LastSyncedAt']);
const DATE_FIELDS: ReadonlySet<string> = new Set([
  'EnrolledOn',
  'CompletedOn',
  'ExpiresOn',
  'IssuedOn',
  'LastSyncedAt'
]);
const ID_FIELDS: ReadonlySet<string> = new Set(['User', 'Contact', 'Account', 'Learner']);

function sameValue(field: string, a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA && emptyB;
  if (DATE_FIELDS.has(field)) return Date.parse(String(a)) === Date.parse(String(b));
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  // Salesforce answers 18-character ids; a 15-character id names the same record.
  if (ID_FIELDS.has(field)) return String(a).slice(0, 15) === String(b).slice(0, 15);
  return String(a) === String(b);
}

/** The fields of `desired` (except the sync time) that differ from `existing`. */
export function changedFields(desired: LearningRecord, existing: ExistingRecord | undefined): string[] {
  const out: string[] = [];
  for (const [field, value] of Object.entries(desired.fields)) {
    if (IGNORED.has(field)) continue;
    if (!existing || !sameValue(field, value, existing.fields[field as LearningField])) out.push(field);
  }
  return out;
}

export function keepsWhenGone(existing: ExistingRecord, policy: UnenrollmentPolicy): boolean {
  if (policy === 'keepAll') return true;
  if (policy === 'deleteAll') return false;
  return kindOf(existing.object) === 'course' && existing.fields.Status === 'Completed';
}

export interface LearnerChanges {
  upserts: LearningRecord[];
  deletes: ExistingRecord[];
  /** Records TalentLMS no longer lists that the policy keeps. */
  keptAsHistory: ExistingRecord[];
}

const recordId = (object: string, key: string) => `${object}|${key}`;

/**
 * `desired` is everything TalentLMS lists for the learner (users/id); `existing` what Salesforce holds for the
 * learner. Kinds switched off in the settings are neither written nor removed.
 */
export function diffLearner(
  desired: LearningRecord[],
  existing: ExistingRecord[],
  policy: UnenrollmentPolicy,
  enabledKinds: ReadonlySet<LearningKind>
): LearnerChanges {
  const held = new Map(existing.map((e) => [recordId(e.object, e.key), e]));
  const wanted = new Set(desired.map((d) => recordId(d.object, d.key)));
  const changes: LearnerChanges = { upserts: [], deletes: [], keptAsHistory: [] };
  for (const record of desired) {
    if (!enabledKinds.has(record.kind)) continue;
    if (changedFields(record, held.get(recordId(record.object, record.key))).length > 0)
      changes.upserts.push(record);
  }
  for (const record of existing) {
    if (!enabledKinds.has(kindOf(record.object)) || wanted.has(recordId(record.object, record.key))) continue;
    if (keepsWhenGone(record, policy)) changes.keptAsHistory.push(record);
    else changes.deletes.push(record);
  }
  return changes;
}
