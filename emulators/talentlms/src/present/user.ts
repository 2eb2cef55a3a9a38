import type { EmulatorContext } from '../context';
import { formatDate, formatDuration } from '../format/dates';
import type { BadgeRecord, CertificateRecord, EnrollmentRecord, UserRecord } from '../state/records';
import { dateTime, loginKey, requiredDateTime, stringTimestamp } from './common';

/**
 * User objects in the shapes of reference §7 S1 (single user) and S2 (list item, signup and edit answers).
 * Key order follows the PDF.
 */
export function presentUser(ctx: EmulatorContext, user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    login: user.login,
    first_name: user.first_name,
    last_name: user.last_name,
    email: user.email,
    restrict_email: user.restrict_email,
    user_type: user.user_type,
    timezone: user.timezone,
    language: user.language,
    status: user.status,
    deactivation_date: dateTime(ctx, user.deactivation_date),
    level: user.level,
    points: user.points,
    credits: user.credits,
    created_on: requiredDateTime(ctx, user.created_on),
    last_updated: requiredDateTime(ctx, user.last_updated),
    last_updated_timestamp: String(user.last_updated),
    avatar: user.avatar,
    bio: user.bio,
    login_key: loginKey(ctx),
    ...customFieldValues(ctx, user)
  };
}

/** Every defined custom field appears, empty when the user has no value (C1, C5). */
function customFieldValues(ctx: EmulatorContext, user: UserRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of ctx.state.customFields) out[field.key] = user.custom[field.key] ?? '';
  return out;
}

export function presentUserWithLearning(ctx: EmulatorContext, user: UserRecord): Record<string, unknown> {
  const courses = ctx.state
    .enrollmentsOfUser(user.id)
    .filter((enrollment) => !ctx.state.courses.get(enrollment.course_id)?.deleted)
    .map((enrollment) => presentUserCourse(ctx, enrollment));
  return {
    ...presentUser(ctx, user),
    courses,
    branches: ctx.state.branchesOfUser(user.id).map((branch) => ({ id: branch.id, name: branch.name })),
    groups: ctx.state.groupsOfUser(user.id).map((group) => ({ id: group.id, name: group.name })),
    certifications: ctx.state
      .certificatesOf(user.id)
      .map((certificate) => presentCertificate(ctx, certificate)),
    badges: ctx.settings.portal.gamification
      ? ctx.state.badgesOf(user.id).map((badge) => presentBadge(ctx, badge))
      : []
  };
}

const FORMATTED_STATUS: Record<string, string> = {
  not_attempted: 'Not Started',
  incomplete: 'In Progress',
  completed: 'Completed',
  failed: 'Failed',
  pending: 'Pending'
};

/** `"Not Started"` is documented; other labels are readable guesses (unseen values get title case). */
export function formattedStatus(status: string): string {
  return FORMATTED_STATUS[status] ?? titleCase(status);
}

export function titleCase(status: string): string {
  const words = status.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function presentUserCourse(
  ctx: EmulatorContext,
  enrollment: EnrollmentRecord
): Record<string, unknown> {
  const course = ctx.state.courses.get(enrollment.course_id);
  const name = course ? ctx.events.courseName(course) : '';
  return {
    id: enrollment.course_id,
    name,
    role: enrollment.role,
    enrolled_on: requiredDateTime(ctx, enrollment.enrolled_on),
    enrolled_on_timestamp: String(enrollment.enrolled_on),
    completed_on: dateTime(ctx, enrollment.completed_on),
    completed_on_timestamp: stringTimestamp(ctx, enrollment.completed_on),
    completion_status: enrollment.completion_status,
    completion_status_formatted: formattedStatus(enrollment.completion_status),
    completion_percentage: enrollment.completion_percentage,
    expired_on: dateTime(ctx, enrollment.expired_on),
    expired_on_timestamp: stringTimestamp(ctx, enrollment.expired_on),
    total_time: formatDuration(enrollment.total_time_seconds),
    total_time_seconds: enrollment.total_time_seconds,
    last_accessed_unit_url: ctx.state.url(
      `/course/lastaccessedunit/course_id:${enrollment.course_id},user_id:${enrollment.user_id}`
    )
  };
}

export function presentCertificate(
  ctx: EmulatorContext,
  certificate: CertificateRecord
): Record<string, unknown> {
  const course = ctx.state.courses.get(certificate.course_id);
  const format = ctx.settings.portal.dateFormat;
  return {
    course_id: certificate.course_id,
    course_name: course ? ctx.events.courseName(course) : '',
    unique_id: certificate.unique_id,
    issued_date: formatDate(certificate.issued_date, format),
    issued_date_timestamp: certificate.issued_date,
    expiration_date:
      certificate.expiration_date === null ? 'Never' : formatDate(certificate.expiration_date, format),
    expiration_date_timestamp: certificate.expiration_date ?? 0,
    download_url: ctx.state.url(`/certificate/download/id:${certificate.id}`),
    public_url: ctx.state.url(`/user/certification/sig:${certificate.signature}`)
  };
}

export function presentBadge(ctx: EmulatorContext, badge: BadgeRecord): Record<string, unknown> {
  return {
    name: badge.name,
    type: badge.type,
    image_url: badge.image_url,
    criteria: badge.criteria,
    issued_on: requiredDateTime(ctx, badge.issued_on),
    issued_on_timestamp: badge.issued_on,
    badge_set_id: badge.badge_set_id
  };
}
