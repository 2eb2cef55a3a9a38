import { badgeRecordKey, courseRecordKey } from '../keys';
import { asEpochMs, asInt, asNumber, asString, decodeHtml } from '../../talentlms/values';
import {
  type FieldValue,
  isoOrNull,
  type LearnerLink,
  type LearningField,
  type LearningRecord,
  type MapOptions,
  objectFor,
  personFields
} from './records';
import { normaliseStatus } from './status';

/**
 * TalentLMS `users/id:{id}` (reference §4.1, §7 S1) → the person's course, certificate and badge records plus
 * points and level. Pure: no I/O, no clock (the sync time comes in `options`). Dates come from the
 * `*_timestamp` fields (epoch seconds, strings or numbers), never the portal-formatted strings; names are
 * HTML-decoded; instructor enrolments are not learning and are skipped.
 */
export interface UserLearning {
  tlUserId: string;
  records: LearningRecord[];
  points: number | null;
  level: number | null;
  /** Course ids whose completion_status was not a known value (stored as Unknown): one issue each. */
  unknownStatuses: Array<{ courseId: string; raw: string }>;
  skippedInstructorEnrollments: number;
}

type Raw = Record<string, unknown>;
const MAX_TEXT = 255;

const list = (value: unknown): Raw[] =>
  Array.isArray(value) ? value.filter((v): v is Raw => typeof v === 'object' && v !== null) : [];
const text = (value: unknown, max = MAX_TEXT): string | null => {
  const s = decodeHtml(asString(value)).trim();
  return s === '' ? null : s.slice(0, max);
};
const iso = (value: unknown): string | null => isoOrNull(asEpochMs(value));

/** Only absolute http(s) links are stored (Url fields are rendered as links). */
export function safeUrl(value: unknown): string | null {
  const s = asString(value).trim();
  return /^https?:\/\/[^\s/]+/i.test(s) ? s.slice(0, MAX_TEXT) : null;
}

/** The learner's page of a course in the portal. */
export function courseUrl(domain: string, courseId: string): string {
  return `https://${domain}/learner/courseinfo/id:${courseId}`;
}

export function mapUserLearning(user: unknown, link: LearnerLink, options: MapOptions): UserLearning {
  const u = (typeof user === 'object' && user !== null ? user : {}) as Raw;
  const out: UserLearning = {
    tlUserId: link.tlUserId,
    records: [],
    points: asInt(u.points),
    level: asInt(u.level),
    unknownStatuses: [],
    skippedInstructorEnrollments: 0
  };
  const synced = isoOrNull(options.syncedAt);
  if (options.switches.courses) {
    for (const course of list(u.courses)) {
      if (asString(course.role).toLowerCase() === 'instructor') {
        out.skippedInstructorEnrollments += 1;
        continue;
      }
      const courseId = asString(course.id);
      if (courseId === '') continue;
      const status = normaliseStatus(course.completion_status);
      if (!status.known) out.unknownStatuses.push({ courseId, raw: status.raw });
      out.records.push(
        courseRecord(link, options, courseId, {
          CourseName: text(course.name),
          Status: status.status,
          RawStatus: status.raw === '' ? null : status.raw.slice(0, 80),
          CompletionPercent: asNumber(course.completion_percentage),
          TimeSpentSeconds: asInt(course.total_time_seconds),
          EnrolledOn: iso(course.enrolled_on_timestamp),
          CompletedOn: iso(course.completed_on_timestamp),
          ExpiresOn: iso(course.expired_on_timestamp),
          LastSyncedAt: synced
        })
      );
    }
  }
  if (options.switches.certificates) {
    for (const certificate of list(u.certifications)) {
      const courseId = asString(certificate.course_id);
      if (courseId === '') continue;
      const key = courseRecordKey(options.portalId, link.tlUserId, courseId);
      out.records.push({
        kind: 'certificate',
        object: objectFor('certificate', link.kind),
        key,
        fields: {
          ...personFields(link),
          ExternalKey: key,
          CourseId: courseId,
          CourseName: text(certificate.course_name),
          CertificateId: text(certificate.unique_id, 80),
          IssuedOn: iso(certificate.issued_date_timestamp),
          // 0 means "Never" (reference §1.2).
          ExpiresOn: iso(certificate.expiration_date_timestamp),
          PublicUrl: safeUrl(certificate.public_url),
          DownloadUrl: safeUrl(certificate.download_url),
          LastSyncedAt: synced
        }
      });
    }
  }
  if (options.switches.badges) {
    for (const badge of list(u.badges)) {
      const name = text(badge.name) ?? '';
      const type = asString(badge.type).trim();
      const setId = asString(badge.badge_set_id).trim();
      const key = badgeRecordKey(options.portalId, link.tlUserId, setId, type, name);
      out.records.push({
        kind: 'badge',
        object: objectFor('badge', link.kind),
        key,
        fields: {
          ...personFields(link),
          ExternalKey: key,
          BadgeName: name === '' ? null : name,
          BadgeType: type === '' ? null : type.slice(0, 80),
          BadgeSetId: setId === '' ? null : setId.slice(0, 20),
          Criteria: text(badge.criteria),
          IssuedOn: iso(badge.issued_on_timestamp),
          ImageUrl: safeUrl(badge.image_url),
          LastSyncedAt: synced
        }
      });
    }
  }
  return dedupeByKey(out);
}

export function courseRecord(
  link: LearnerLink,
  options: MapOptions,
  courseId: string,
  values: Partial<Record<LearningField, FieldValue>>
): LearningRecord {
  const key = courseRecordKey(options.portalId, link.tlUserId, courseId);
  return {
    kind: 'course',
    object: objectFor('course', link.kind),
    key,
    fields: {
      ...personFields(link),
      ExternalKey: key,
      CourseId: courseId,
      ...values,
      CourseUrl: courseUrl(options.domain, courseId)
    }
  };
}

/** One record per external key (a repeated entry would make Salesforce refuse the whole upsert batch). */
function dedupeByKey(learning: UserLearning): UserLearning {
  const seen = new Map<string, LearningRecord>();
  for (const record of learning.records) seen.set(`${record.object}|${record.key}`, record);
  return { ...learning, records: [...seen.values()] };
}
