import { createHash } from 'node:crypto';

/** Lower-case hex SHA-1. */
export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/**
 * Short portal id: first 8 hex characters of SHA-1 of the lower-cased TalentLMS domain. Every external key
 * starts with it, so after a rebind to another portal no upsert can land on the old portal's records.
 */
export function portalIdOf(domain: string): string {
  return sha1Hex(domain.trim().toLowerCase()).slice(0, 8);
}

/** "<portalId>:<tlUserId>:<courseId>" for course and certificate records. */
export function courseRecordKey(portalId: string, talentLmsUserId: string, courseId: string): string {
  return `${portalId}:${talentLmsUserId}:${courseId}`;
}

/** "<portalId>:<tlUserId>:<badgeSetId>:<type>:<sha1(name) first 12 hex>", always ≤ 255 characters. */
export function badgeRecordKey(
  portalId: string,
  talentLmsUserId: string,
  badgeSetId: string,
  type: string,
  name: string
): string {
  return `${portalId}:${talentLmsUserId}:${badgeSetId}:${type.slice(0, 80)}:${sha1Hex(name).slice(0, 12)}`;
}

/**
 * SyncIssue__c.IssueKey__c: one row per (person, action, code), so a systemic problem is one row with a count,
 * not one per person per hour. `subject` is the Salesforce Id of the person, or a stable name for run-level
 * subjects.
 */
export function issueKeyOf(subject: string, action: string, code: string): string {
  return sha1Hex(`${subject}|${action}|${code}`);
}
