import { requireCourse, requireGroup, requireUser } from '../domain/lookup';
import { addCourseToGroup, joinGroup, leaveGroup } from '../domain/membership';
import { Messages, fail } from '../http/errors';
import { createdId } from '../present/common';
import { courseList, memberList, presentGroup } from '../present/groupBranch';
import { type Endpoint, operationCompleted } from './types';

/** Groups (reference §4.3). Users join by the group's key, not its id. */

const groups: Endpoint = {
  name: 'groups',
  style: 'get',
  handle(ctx, params) {
    if (params.has('id')) {
      const group = requireGroup(ctx, params.requireId('id'));
      return {
        ...presentGroup(group),
        users: memberList(ctx, group.userIds),
        courses: courseList(ctx, group.courseIds)
      };
    }
    return [...ctx.state.groups.values()].map(presentGroup);
  }
};

const creategroup: Endpoint = {
  name: 'creategroup',
  style: 'post',
  handle(ctx, params) {
    const name = params.require('name');
    const ownerId = params.optionalId('creator_id');
    if (ownerId !== undefined) requireUser(ctx, ownerId);
    const key = params.get('key') || undefined;
    if (key && ctx.state.findGroupByKey(key)) fail(Messages.invalidArguments);
    const maxRedemptions = params.optionalId('max_redemptions');
    const group = ctx.state.addGroup({
      name,
      description: params.get('description') ?? '',
      ...(key ? { key } : {}),
      price: params.get('price') ?? '0',
      owner_id: ownerId ?? '1',
      max_redemptions: maxRedemptions ?? ''
    });
    ctx.events.groupCreated(group);
    return { ...presentGroup(group), id: createdId(ctx, group.id) };
  }
};

const deletegroup: Endpoint = {
  name: 'deletegroup',
  style: 'post',
  handle(ctx, params) {
    const group = requireGroup(ctx, params.requireId('group_id'));
    ctx.state.groups.delete(group.id);
    ctx.events.groupDeleted(group);
    return operationCompleted;
  }
};

const addusertogroup: Endpoint = {
  name: 'addusertogroup',
  style: 'get',
  handle(ctx, params) {
    const user = requireUser(ctx, params.requireId('user_id'));
    const group = ctx.state.findGroupByKey(params.require('group_key'));
    if (!group) fail(Messages.noGroupWithKey);
    joinGroup(ctx, user, group);
    return { user_id: user.id, group_id: group.id, group_name: group.name };
  }
};

const removeuserfromgroup: Endpoint = {
  name: 'removeuserfromgroup',
  style: 'get',
  handle(ctx, params) {
    const user = requireUser(ctx, params.requireId('user_id'));
    const group = requireGroup(ctx, params.requireId('group_id'));
    leaveGroup(ctx, user, group);
    return { user_id: user.id, group_id: group.id, group_name: group.name };
  }
};

const addcoursetogroup: Endpoint = {
  name: 'addcoursetogroup',
  style: 'get',
  handle(ctx, params) {
    const course = requireCourse(ctx, params.requireId('course_id'));
    const group = requireGroup(ctx, params.requireId('group_id'));
    addCourseToGroup(ctx, course, group);
    return { course_id: course.id, group_id: group.id, group_name: group.name };
  }
};

export const groupEndpoints: Endpoint[] = [
  groups,
  creategroup,
  deletegroup,
  addusertogroup,
  removeuserfromgroup,
  addcoursetogroup
];
