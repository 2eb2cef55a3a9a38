import type { TalentLmsEmulator } from '../../talentlms';
import { decodeHtml } from '../../../sync/src/talentlms/values';
import type { SeedWorld } from '../world/types';
import type { LoadCounts } from './salesforce';

const seconds = (ms: number) => Math.floor(ms / 1000);
const optionalSeconds = (ms: number | null) => (ms === null ? null : seconds(ms));

/**
 * Loads the world's TalentLMS side through the emulator's seeding helpers (no timeline events, no calls):
 * portal limits, custom fields, courses (each with a content unit and a test unit for the simulator), groups,
 * branches, users (the world brings its own SuperAdmin owner), enrollments, certificates and badges.
 * The emulator must be started with `seedSuperAdmin: false`.
 */
export function loadTalentLmsWorld(tl: TalentLmsEmulator, world: SeedWorld): LoadCounts {
  const state = tl.state;
  const seed = world.talentlms;
  tl.configure({ portal: { branchLimit: seed.branchLimit } });
  for (const field of seed.customFields) {
    state.addCustomField({
      key: field.key,
      name: field.name,
      type: field.type,
      mandatory: field.mandatory ? 'yes' : 'no',
      dropdown_values: field.options
        ? field.options.map((o) => (o.isDefault ? `[${o.value}]` : o.value)).join(';')
        : null,
      checkbox_status: field.checkboxDefault ?? 'off'
    });
  }
  for (const course of seed.courses) {
    state.addCourse({
      id: course.id,
      // The world holds names as the API prints them; the emulator stores them as typed and escapes on output.
      name: decodeHtml(course.name),
      code: course.code,
      deleted: course.deleted,
      certification: 'Classic',
      certification_duration:
        course.certificateDurationDays === null ? 'Forever' : `${course.certificateDurationDays} days`,
      creation_date: seconds(world.now) - 400 * 86_400,
      last_update_on: seconds(world.now) - 30 * 86_400
    });
    state.addUnit(course.id, { name: 'Introduction', type: 'Content' });
    state.addUnit(course.id, { name: 'Final test', type: 'Test' });
  }
  for (const user of seed.users) {
    state.addUser({
      id: user.id,
      login: user.login,
      email: user.email,
      first_name: user.firstName,
      last_name: user.lastName,
      user_type: user.userType,
      status: user.status,
      deleted: user.deleted,
      points: String(user.points),
      level: String(user.level),
      created_on: seconds(user.createdAt),
      last_updated: seconds(user.createdAt),
      custom: { ...user.customFields },
      password: `Seed-${user.id}-Pw1`
    });
  }
  for (const group of seed.groups) {
    state.addGroup({
      id: group.id,
      name: group.name,
      key: group.key,
      courseIds: group.courseIds,
      userIds: group.userIds ?? []
    });
  }
  for (const branch of seed.branches) {
    state.addBranch({ id: branch.id, name: branch.name, userIds: branch.userIds ?? [] });
  }
  for (const e of seed.enrollments) {
    state.addEnrollment({
      user_id: e.userId,
      course_id: e.courseId,
      role: e.role,
      enrolled_on: seconds(e.enrolledAt),
      completed_on: optionalSeconds(e.completedAt),
      completion_status: e.status,
      completion_percentage: String(e.percent),
      expired_on: optionalSeconds(e.expiresAt),
      total_time_seconds: e.timeSeconds
    });
  }
  for (const c of seed.certificates) {
    state.addCertificate({
      id: c.id,
      user_id: c.userId,
      course_id: c.courseId,
      unique_id: c.uniqueId,
      signature: c.signature,
      issued_date: seconds(c.issuedAt),
      expiration_date: optionalSeconds(c.expiresAt)
    });
  }
  for (const b of seed.badges) {
    state.addBadge({
      user_id: b.userId,
      name: b.name,
      type: b.type,
      criteria: b.criteria,
      badge_set_id: b.badgeSetId,
      issued_on: seconds(b.issuedAt),
      image_url: b.imageUrl
    });
  }
  return {
    users: seed.users.length,
    courses: seed.courses.length,
    groups: seed.groups.length,
    branches: seed.branches.length,
    enrollments: seed.enrollments.length,
    certificates: seed.certificates.length,
    badges: seed.badges.length,
    customFields: seed.customFields.length
  };
}
