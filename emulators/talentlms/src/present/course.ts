import type { EmulatorContext } from '../context';
import { formatDuration } from '../format/dates';
import { shortName } from '../format/text';
import type { CourseRecord, EnrollmentRecord, UnitRecord } from '../state/records';
import { dateTime, price, requiredDateTime, stringTimestamp } from './common';

/** Course objects in the shape of reference §7 S3. */
export function presentCourse(ctx: EmulatorContext, course: CourseRecord): Record<string, unknown> {
  const custom: Record<string, string> = {};
  for (const field of ctx.state.courseCustomFields) custom[field.key] = course.custom[field.key] ?? '';
  return {
    id: course.id,
    name: ctx.events.courseName(course),
    code: course.code,
    category_id: course.category_id,
    description: course.description,
    price: price(course.price),
    status: course.status,
    creation_date: requiredDateTime(ctx, course.creation_date),
    last_update_on: requiredDateTime(ctx, course.last_update_on),
    creator_id: course.creator_id,
    hide_from_catalog: course.hide_from_catalog,
    time_limit: course.time_limit,
    start_datetime: course.start_datetime === null ? null : String(course.start_datetime),
    expiration_datetime: course.expiration_datetime === null ? null : String(course.expiration_datetime),
    level: course.level,
    shared: course.shared,
    shared_url: course.shared_url,
    avatar: course.avatar,
    big_avatar: course.big_avatar,
    certification: course.certification,
    certification_duration: course.certification_duration,
    ...custom
  };
}

export function presentCourseWithUsers(ctx: EmulatorContext, course: CourseRecord): Record<string, unknown> {
  const users = ctx.state
    .enrollmentsOfCourse(course.id)
    .filter((enrollment) => ctx.state.users.get(enrollment.user_id)?.deleted === false)
    .map((enrollment) => presentCourseUser(ctx, enrollment));
  return {
    ...presentCourse(ctx, course),
    users,
    units: course.units.map((unit) => presentUnit(ctx, unit)),
    rules: course.rules,
    prerequisites: course.prerequisites.map(({ course_id, course_name }) => ({ course_id, course_name })),
    prerequisite_rule_sets: course.prerequisites.map((p) => ({ ...p, rule_set: p.rule_set ?? '1' }))
  };
}

/** Course `users[]` entries carry no `completion_status`: completed ⇔ `completed_on != ""` (reference §4.5). */
export function presentCourseUser(
  ctx: EmulatorContext,
  enrollment: EnrollmentRecord
): Record<string, unknown> {
  const user = ctx.state.users.get(enrollment.user_id);
  return {
    id: enrollment.user_id,
    name: user ? shortName(user.first_name, user.last_name) : '',
    role: enrollment.role,
    enrolled_on: requiredDateTime(ctx, enrollment.enrolled_on),
    enrolled_on_timestamp: String(enrollment.enrolled_on),
    completed_on: dateTime(ctx, enrollment.completed_on),
    completed_on_timestamp: stringTimestamp(ctx, enrollment.completed_on),
    completion_percentage: enrollment.completion_percentage,
    expired_on: dateTime(ctx, enrollment.expired_on),
    expired_on_timestamp: stringTimestamp(ctx, enrollment.expired_on),
    total_time: formatDuration(enrollment.total_time_seconds),
    total_time_seconds: enrollment.total_time_seconds
  };
}

export function presentUnit(ctx: EmulatorContext, unit: UnitRecord): Record<string, unknown> {
  if (unit.type === 'Section') {
    const delay = unit.delay_time ?? '0';
    const hours = Number(delay) / 60;
    return {
      id: unit.id,
      type: unit.type,
      name: unit.name,
      delay_time: delay,
      aggregated_delay_time: delay,
      formatted_aggregated_delay_time: Number.isInteger(hours) ? `${hours}h` : `${delay}m`
    };
  }
  // The PDF prints unit URLs without a scheme.
  return {
    id: unit.id,
    type: unit.type,
    name: unit.name,
    url: `${ctx.settings.domain}/unit/apiview/id:${unit.id}`
  };
}
