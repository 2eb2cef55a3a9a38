import type { EmulatorContext } from '../context';
import { Messages, fail } from '../http/errors';
import type { BranchRecord, CourseRecord, GroupRecord, UserRecord } from '../state/records';

/** Lookups that answer with the documented "does not exist" / "no longer available" errors. */
export function requireUser(ctx: EmulatorContext, id: string): UserRecord {
  const user = ctx.state.users.get(id);
  if (!user) fail(Messages.userMissing);
  if (user.deleted) fail(Messages.userGone);
  return user;
}

export function liveUser(user: UserRecord | undefined): UserRecord {
  if (!user) fail(Messages.userMissing);
  if (user.deleted) fail(Messages.userGone);
  return user;
}

export function requireCourse(ctx: EmulatorContext, id: string): CourseRecord {
  const course = ctx.state.courses.get(id);
  if (!course || course.deleted) fail(Messages.courseMissing);
  return course;
}

export function requireGroup(ctx: EmulatorContext, id: string): GroupRecord {
  const group = ctx.state.groups.get(id);
  if (!group) fail(Messages.groupMissing);
  return group;
}

export function requireBranch(ctx: EmulatorContext, id: string): BranchRecord {
  const branch = ctx.state.branches.get(id);
  if (!branch) fail(Messages.branchMissing);
  return branch;
}
