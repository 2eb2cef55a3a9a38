import type { EmulatorContext } from '../context';
import { shortName } from '../format/text';
import type { BranchRecord, GroupRecord } from '../state/records';
import { price } from './common';

/** Group and branch objects (reference §4.3, §4.4). */
export function presentGroup(group: GroupRecord): Record<string, unknown> {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    key: group.key,
    price: price(group.price),
    owner_id: group.owner_id,
    belongs_to_branch: group.belongs_to_branch,
    max_redemptions: group.max_redemptions,
    redemptions_sofar: group.redemptions_sofar
  };
}

export function presentBranch(branch: BranchRecord): Record<string, unknown> {
  const { userIds: _users, courseIds: _courses, status: _status, ...fields } = branch;
  return fields;
}

export function memberList(ctx: EmulatorContext, userIds: Set<string>): Array<{ id: string; name: string }> {
  const out: Array<{ id: string; name: string }> = [];
  for (const id of userIds) {
    const user = ctx.state.users.get(id);
    if (user && !user.deleted) out.push({ id, name: shortName(user.first_name, user.last_name) });
  }
  return out;
}

export function courseList(
  ctx: EmulatorContext,
  courseIds: Set<string>
): Array<{ id: string; name: string }> {
  const out: Array<{ id: string; name: string }> = [];
  for (const id of courseIds) {
    const course = ctx.state.courses.get(id);
    if (course && !course.deleted) out.push({ id, name: ctx.events.courseName(course) });
  }
  return out;
}
