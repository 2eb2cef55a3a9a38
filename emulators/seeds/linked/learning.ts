import { badgeRecordKey, courseRecordKey } from '../../../sync/src/core/keys';
import type { SeedBadge, SeedCertificate, SeedCourse, SeedEnrollment } from '../world/types';

/**
 * TalentLMS learning → the package's learning records, as the back-sync writes them. The learning engineer's
 * pure mappers (sync/src/core/learning/, issue 11) did not exist when this was written; this small mapper uses
 * the runner's external keys (sync/src/core/keys.ts) and the field meanings in docs/data-model.md, and should be
 * replaced by those mappers once they land.
 */
export type LearningObject =
  | 'UserCourse__c'
  | 'ContactCourse__c'
  | 'UserCertificate__c'
  | 'ContactCertificate__c'
  | 'UserBadge__c'
  | 'ContactBadge__c';

export interface PersonLink {
  kind: 'User' | 'Contact';
  salesforceId: string;
  accountId: string | null;
  learnerId: string;
  tlUserId: string;
}

const STATUS: Record<string, string> = {
  not_attempted: 'NotStarted',
  incomplete: 'InProgress',
  completed: 'Completed',
  failed: 'Failed',
  expired: 'Expired'
};

/** Normalised status; a value TalentLMS never documented becomes Unknown (the raw value is kept beside it). */
export function normaliseStatus(raw: string): string {
  return STATUS[raw] ?? 'Unknown';
}

const decoded = new Map<string, string>();

/** TalentLMS prints course names HTML-escaped; records hold them as typed (memoised: a handful of names). */
export function decodeHtml(text: string): string {
  let plain = decoded.get(text);
  if (plain === undefined) {
    plain = decodeEntities(text);
    decoded.set(text, plain);
  }
  return plain;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&');
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function personFields(link: PersonLink): Record<string, unknown> {
  return link.kind === 'User'
    ? { User__c: link.salesforceId, Learner__c: link.learnerId }
    : { Contact__c: link.salesforceId, Account__c: link.accountId, Learner__c: link.learnerId };
}

export function courseRecord(
  portalId: string,
  domain: string,
  link: PersonLink,
  enrollment: SeedEnrollment,
  course: SeedCourse,
  syncedAt: number
): { object: LearningObject; record: Record<string, unknown> } {
  return {
    object: link.kind === 'User' ? 'UserCourse__c' : 'ContactCourse__c',
    record: {
      ...personFields(link),
      ExternalKey__c: courseRecordKey(portalId, link.tlUserId, course.id),
      CourseId__c: course.id,
      CourseName__c: decodeHtml(course.name),
      Status__c: normaliseStatus(enrollment.status),
      RawStatus__c: enrollment.status,
      CompletionPercent__c: enrollment.percent,
      TimeSpentSeconds__c: enrollment.timeSeconds,
      EnrolledOn__c: iso(enrollment.enrolledAt),
      CompletedOn__c: iso(enrollment.completedAt),
      ExpiresOn__c: iso(enrollment.expiresAt),
      CourseUrl__c: `https://${domain}/learner/courseinfo/id:${course.id}`,
      LastSyncedAt__c: iso(syncedAt)
    }
  };
}

export function certificateRecord(
  portalId: string,
  domain: string,
  link: PersonLink,
  certificate: SeedCertificate,
  course: SeedCourse,
  syncedAt: number
): { object: LearningObject; record: Record<string, unknown> } {
  return {
    object: link.kind === 'User' ? 'UserCertificate__c' : 'ContactCertificate__c',
    record: {
      ...personFields(link),
      ExternalKey__c: courseRecordKey(portalId, link.tlUserId, course.id),
      CourseId__c: course.id,
      CourseName__c: decodeHtml(course.name),
      CertificateId__c: certificate.uniqueId,
      IssuedOn__c: iso(certificate.issuedAt),
      ExpiresOn__c: iso(certificate.expiresAt),
      PublicUrl__c: `https://${domain}/user/certification/sig:${certificate.signature}`,
      DownloadUrl__c: `https://${domain}/certificate/download/id:${certificate.id}`,
      LastSyncedAt__c: iso(syncedAt)
    }
  };
}

export function badgeRecord(
  portalId: string,
  link: PersonLink,
  badge: SeedBadge,
  syncedAt: number
): { object: LearningObject; record: Record<string, unknown> } {
  return {
    object: link.kind === 'User' ? 'UserBadge__c' : 'ContactBadge__c',
    record: {
      ...personFields(link),
      ExternalKey__c: badgeRecordKey(portalId, link.tlUserId, badge.badgeSetId, badge.type, badge.name),
      BadgeName__c: badge.name,
      BadgeType__c: badge.type,
      BadgeSetId__c: badge.badgeSetId,
      Criteria__c: badge.criteria,
      IssuedOn__c: iso(badge.issuedAt),
      ImageUrl__c: badge.imageUrl,
      LastSyncedAt__c: iso(syncedAt)
    }
  };
}
