import type { EmulatorContext } from '../context';
import { Messages, fail } from '../http/errors';
import type {
  CertificateRecord,
  CourseRecord,
  EnrollmentRecord,
  UnitRecord,
  UserRecord
} from '../state/records';
import { touchForLearning } from './portal';

/**
 * Learning state changes: the simulator's steps and `resetuserprogress`. Each emits its documented
 * timeline events; percentage-only progress emits none (reference §4.9: no event for content units).
 */

export function requireEnrollment(
  ctx: EmulatorContext,
  user: UserRecord,
  course: CourseRecord
): EnrollmentRecord {
  const enrollment = ctx.state.getEnrollment(user.id, course.id);
  if (!enrollment) fail(Messages.notEnrolled);
  return enrollment;
}

export function recordProgress(
  ctx: EmulatorContext,
  user: UserRecord,
  course: CourseRecord,
  percentage: number,
  seconds = 0
): EnrollmentRecord {
  const enrollment = requireEnrollment(ctx, user, course);
  const pct = Math.max(0, Math.min(100, Math.round(percentage)));
  enrollment.completion_percentage = String(pct);
  enrollment.total_time_seconds += Math.max(0, Math.round(seconds));
  if (enrollment.completion_status === 'not_attempted' || enrollment.completion_status === 'failed') {
    enrollment.completion_status = 'incomplete';
  }
  const lastUnit = course.units.filter((unit) => unit.type !== 'Section')[0];
  if (lastUnit) enrollment.last_unit_id = lastUnit.id;
  touchForLearning(ctx, user.id);
  return enrollment;
}

/** Completion also issues the course's certificate when the course has one (`certification` set). */
export function completeCourse(
  ctx: EmulatorContext,
  user: UserRecord,
  course: CourseRecord,
  options: { seconds?: number; certificate?: boolean } = {}
): EnrollmentRecord {
  const enrollment = requireEnrollment(ctx, user, course);
  enrollment.completion_status = 'completed';
  enrollment.completion_percentage = '100';
  enrollment.completed_on = ctx.state.now();
  enrollment.total_time_seconds += Math.max(0, Math.round(options.seconds ?? 0));
  for (const unit of course.units) {
    if (unit.type === 'Section') continue;
    enrollment.units[unit.id] = {
      status: 'Completed',
      score: enrollment.units[unit.id]?.score ?? '',
      completed_on: enrollment.completed_on,
      total_time_seconds: enrollment.units[unit.id]?.total_time_seconds ?? 0
    };
  }
  ctx.events.completed(user, course);
  touchForLearning(ctx, user.id);
  if (options.certificate ?? course.certification !== '') issueCertificate(ctx, user, course);
  return enrollment;
}

export function failCourse(ctx: EmulatorContext, user: UserRecord, course: CourseRecord): EnrollmentRecord {
  const enrollment = requireEnrollment(ctx, user, course);
  enrollment.completion_status = 'failed';
  enrollment.completed_on = null;
  ctx.events.failed(user, course);
  touchForLearning(ctx, user.id);
  return enrollment;
}

/** Course access ends (time limit or course expiry); the v1 timeline has no event type for this. */
export function expireEnrollment(
  ctx: EmulatorContext,
  user: UserRecord,
  course: CourseRecord
): EnrollmentRecord {
  const enrollment = requireEnrollment(ctx, user, course);
  enrollment.expired_on = ctx.state.now();
  touchForLearning(ctx, user.id);
  return enrollment;
}

export function resetProgress(
  ctx: EmulatorContext,
  user: UserRecord,
  course: CourseRecord,
  removeCertification: boolean
): EnrollmentRecord {
  const enrollment = requireEnrollment(ctx, user, course);
  Object.assign(enrollment, {
    completion_status: 'not_attempted',
    completion_percentage: '0',
    completed_on: null,
    expired_on: null,
    total_time_seconds: 0,
    last_unit_id: null,
    units: {}
  });
  ctx.events.progressReset(user, course);
  if (removeCertification && ctx.state.getCertificate(user.id, course.id))
    removeCertificate(ctx, user, course);
  touchForLearning(ctx, user.id);
  return enrollment;
}

/** "11 days" → seconds; "Forever" (or anything unreadable) → never expires. */
function durationSeconds(duration: string): number | null {
  const match = /^(\d+)\s*(day|week|month|year)s?$/i.exec(duration.trim());
  if (!match) return null;
  const days = { day: 1, week: 7, month: 30, year: 365 }[match[2].toLowerCase() as 'day'];
  return Number(match[1]) * days * 86400;
}

export function issueCertificate(
  ctx: EmulatorContext,
  user: UserRecord,
  course: CourseRecord,
  expiresInDays?: number | null
): CertificateRecord {
  const issued = ctx.state.now();
  const lifetime =
    expiresInDays === undefined ? durationSeconds(course.certification_duration) : expiresInDays;
  const seconds = lifetime === null ? null : expiresInDays === undefined ? lifetime : lifetime * 86400;
  const certificate = ctx.state.addCertificate({
    user_id: user.id,
    course_id: course.id,
    issued_date: issued,
    expiration_date: seconds === null ? null : issued + seconds
  });
  ctx.events.certificateIssued(user, course);
  touchForLearning(ctx, user.id);
  return certificate;
}

function requireCertificate(ctx: EmulatorContext, user: UserRecord, course: CourseRecord): CertificateRecord {
  const certificate = ctx.state.getCertificate(user.id, course.id);
  if (!certificate) throw new Error(`User ${user.id} has no certificate for course ${course.id}`);
  return certificate;
}

/** A renewal keeps the certificate and starts a new validity period from now. */
export function refreshCertificate(
  ctx: EmulatorContext,
  user: UserRecord,
  course: CourseRecord
): CertificateRecord {
  const certificate = requireCertificate(ctx, user, course);
  const lifetime =
    certificate.expiration_date === null
      ? durationSeconds(course.certification_duration)
      : certificate.expiration_date - certificate.issued_date;
  certificate.issued_date = ctx.state.now();
  certificate.expiration_date = lifetime === null ? null : certificate.issued_date + lifetime;
  ctx.events.certificateRefreshed(user, course);
  touchForLearning(ctx, user.id);
  return certificate;
}

export function expireCertificate(
  ctx: EmulatorContext,
  user: UserRecord,
  course: CourseRecord
): CertificateRecord {
  const certificate = requireCertificate(ctx, user, course);
  certificate.expiration_date = ctx.state.now();
  ctx.events.certificateExpired(user, course);
  touchForLearning(ctx, user.id);
  return certificate;
}

export function removeCertificate(ctx: EmulatorContext, user: UserRecord, course: CourseRecord): void {
  requireCertificate(ctx, user, course);
  ctx.state.removeCertificate(user.id, course.id);
  ctx.events.certificateRemoved(user, course);
  touchForLearning(ctx, user.id);
}

export function recordTest(
  ctx: EmulatorContext,
  user: UserRecord,
  course: CourseRecord,
  unit: UnitRecord,
  score: number,
  passed: boolean
): void {
  const enrollment = requireEnrollment(ctx, user, course);
  const now = ctx.state.now();
  enrollment.units[unit.id] = {
    status: passed ? 'Completed' : 'Failed',
    score: String(Math.round(score)),
    completed_on: passed ? now : null,
    total_time_seconds: enrollment.units[unit.id]?.total_time_seconds ?? 0
  };
  enrollment.last_unit_id = unit.id;
  if (enrollment.completion_status === 'not_attempted') enrollment.completion_status = 'incomplete';
  ctx.state.testAnswers.set(`${unit.id}:${user.id}`, {
    test_id: unit.id,
    user_id: user.id,
    score: String(Math.round(score)),
    completion_status: passed ? 'Completed' : 'Failed',
    completed_on_timestamp: String(now),
    questions: []
  });
  ctx.events.testFinished(user, course, unit, passed);
  touchForLearning(ctx, user.id);
}
