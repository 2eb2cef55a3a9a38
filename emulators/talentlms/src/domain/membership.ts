import type { EmulatorContext } from '../context';
import { Messages, fail } from '../http/errors';
import type { BranchRecord, CourseRecord, EnrollmentRecord, GroupRecord, UserRecord } from '../state/records';
import { touchForLearning } from './portal';

/** Enrolment and membership changes shared by the endpoints, signup side effects and the simulator. */

export function enrol(
  ctx: EmulatorContext,
  user: UserRecord,
  course: CourseRecord,
  role: 'learner' | 'instructor' = 'learner'
): EnrollmentRecord {
  if (ctx.state.getEnrollment(user.id, course.id)) fail(Messages.alreadyEnrolled);
  const enrollment = ctx.state.addEnrollment({ user_id: user.id, course_id: course.id, role });
  ctx.events.enrolled(user, course);
  touchForLearning(ctx, user.id);
  return enrollment;
}

export function unenrol(ctx: EmulatorContext, user: UserRecord, course: CourseRecord): void {
  if (!ctx.state.getEnrollment(user.id, course.id)) fail(Messages.notEnrolled);
  ctx.state.removeEnrollment(user.id, course.id);
  ctx.events.unenrolled(user, course);
  touchForLearning(ctx, user.id);
}

/** Joining a group makes the user "member of the group's courses" (reference §4.3). */
export function joinGroup(ctx: EmulatorContext, user: UserRecord, group: GroupRecord): void {
  if (group.userIds.has(user.id)) fail(Messages.alreadyInGroup);
  group.userIds.add(user.id);
  group.redemptions_sofar = String(Number(group.redemptions_sofar) + 1);
  ctx.events.groupJoined(user, group);
  for (const courseId of group.courseIds) {
    const course = ctx.state.courses.get(courseId);
    if (course && !course.deleted && !ctx.state.getEnrollment(user.id, course.id)) enrol(ctx, user, course);
  }
}

export function leaveGroup(ctx: EmulatorContext, user: UserRecord, group: GroupRecord): void {
  if (!group.userIds.has(user.id)) fail(Messages.notInGroup);
  group.userIds.delete(user.id);
  ctx.events.groupLeft(user, group);
}

export function addCourseToGroup(ctx: EmulatorContext, course: CourseRecord, group: GroupRecord): void {
  if (group.courseIds.has(course.id)) fail(Messages.courseAlreadyInGroup);
  group.courseIds.add(course.id);
  ctx.events.groupCourseAdded(course, group);
  if (!ctx.settings.quirks.addCourseToGroupEnrolsMembers) return;
  for (const userId of group.userIds) {
    const user = ctx.state.users.get(userId);
    if (user && !user.deleted && !ctx.state.getEnrollment(userId, course.id)) enrol(ctx, user, course);
  }
}

export function joinBranch(ctx: EmulatorContext, user: UserRecord, branch: BranchRecord): void {
  if (branch.userIds.has(user.id)) fail(Messages.alreadyInBranch);
  branch.userIds.add(user.id);
  ctx.events.branchJoined(user, branch);
}

export function leaveBranch(ctx: EmulatorContext, user: UserRecord, branch: BranchRecord): void {
  if (!branch.userIds.has(user.id)) fail(Messages.notInBranch);
  branch.userIds.delete(user.id);
  ctx.events.branchLeft(user, branch);
}

export function addCourseToBranch(ctx: EmulatorContext, course: CourseRecord, branch: BranchRecord): void {
  if (branch.courseIds.has(course.id)) fail(Messages.courseAlreadyInBranch);
  branch.courseIds.add(course.id);
  ctx.events.branchCourseAdded(course, branch);
}
