import { asEpochMs, asInt, asNumber, asString, decodeHtml } from '../../talentlms/values';
import { courseRecord } from './mapUser';
import { isoOrNull, type LearnerLink, type LearningRecord, type MapOptions } from './records';
import type { NormalisedStatus } from './status';

/**
 * TalentLMS `courses/id:{id}` (reference §4.5, §7 S3) → one course record per linked learner enrolment. The
 * course's `users[]` carries progress but **no** completion_status: completed ⇔ `completed_on` is set (the
 * reference's own reading), otherwise in progress once any progress exists. The status derived here is
 * therefore weaker than users/id's (it cannot see "failed"); the course scan writes progress fields from it
 * and sends the learner to users/id whenever the status or dates would change.
 */
export interface CourseEnrollment {
  tlUserId: string;
  record: LearningRecord;
  derivedStatus: NormalisedStatus;
}

type Raw = Record<string, unknown>;

export function mapCourseEnrollments(
  course: unknown,
  linkOf: (tlUserId: string) => LearnerLink | undefined,
  options: MapOptions
): CourseEnrollment[] {
  const c = (typeof course === 'object' && course !== null ? course : {}) as Raw;
  const courseId = asString(c.id);
  if (courseId === '' || !Array.isArray(c.users)) return [];
  const name = decodeHtml(asString(c.name)).trim().slice(0, 255) || null;
  const synced = isoOrNull(options.syncedAt);
  const out: CourseEnrollment[] = [];
  for (const entry of c.users as Raw[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    if (asString(entry.role).toLowerCase() === 'instructor') continue;
    const tlUserId = asString(entry.id);
    const link = linkOf(tlUserId);
    if (!link) continue;
    const percent = asNumber(entry.completion_percentage);
    const completedOn = asEpochMs(entry.completed_on_timestamp);
    const derivedStatus: NormalisedStatus =
      completedOn !== null ? 'Completed' : (percent ?? 0) > 0 ? 'InProgress' : 'NotStarted';
    out.push({
      tlUserId,
      derivedStatus,
      record: courseRecord(link, options, courseId, {
        CourseName: name,
        Status: derivedStatus,
        CompletionPercent: percent,
        TimeSpentSeconds: asInt(entry.total_time_seconds),
        EnrolledOn: isoOrNull(asEpochMs(entry.enrolled_on_timestamp)),
        CompletedOn: isoOrNull(completedOn),
        ExpiresOn: isoOrNull(asEpochMs(entry.expired_on_timestamp)),
        LastSyncedAt: synced
      })
    });
  }
  return out;
}
