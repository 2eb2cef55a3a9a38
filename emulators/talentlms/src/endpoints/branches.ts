import { requireBranch, requireCourse, requireGroup, requireUser } from '../domain/lookup';
import { addCourseToBranch, joinBranch, leaveBranch } from '../domain/membership';
import { checkRoomForBranch } from '../domain/portal';
import { Messages, fail } from '../http/errors';
import { createdId } from '../present/common';
import { courseList, memberList, presentBranch } from '../present/groupBranch';
import type { BranchRecord } from '../state/records';
import { type Endpoint, operationCompleted } from './types';

/** Branches (reference §4.4). A branch name becomes a sub-domain, hence the name rule. */

/** createbranch parameters stored as given (the rest keep their defaults). */
const OPTIONAL_FIELDS = [
  'description',
  'disallow_global_login',
  'language',
  'timezone',
  'signup_method',
  'verification',
  'user_type',
  'registration_email_restriction',
  'users_limit',
  'currency',
  'paypal_email',
  'ecommerce_subscription',
  'ecommerce_subscription_price',
  'ecommerce_subscription_interval',
  'ecommerce_credits',
  'internal_announcement',
  'external_announcement'
] as const;

const branches: Endpoint = {
  name: 'branches',
  style: 'get',
  handle(ctx, params) {
    if (params.has('id')) {
      const branch = requireBranch(ctx, params.requireId('id'));
      return {
        ...presentBranch(branch),
        users: memberList(ctx, branch.userIds),
        courses: courseList(ctx, branch.courseIds)
      };
    }
    return [...ctx.state.branches.values()].map(presentBranch);
  }
};

const createbranch: Endpoint = {
  name: 'createbranch',
  style: 'post',
  handle(ctx, params) {
    const name = params.require('name');
    if (!ctx.settings.quirks.branchNamePattern.test(name)) fail(Messages.invalidBranchName);
    if (ctx.state.findBranchByName(name)) fail(Messages.duplicateBranch);
    checkRoomForBranch(ctx);
    const fields: Partial<BranchRecord> = {};
    for (const key of OPTIONAL_FIELDS) {
      const value = params.get(key);
      if (value !== undefined) fields[key] = value;
    }
    const groupId = params.optionalId('group_id');
    if (groupId !== undefined) fields.group_id = requireGroup(ctx, groupId).id;
    const processor = params.get('ecommerce_processor');
    if (processor !== undefined) fields.payment_processor = processor;
    const creatorId = params.optionalId('creator_id');
    if (creatorId !== undefined) requireUser(ctx, creatorId);
    const branch = ctx.state.addBranch({ ...fields, name });
    ctx.events.branchCreated(branch);
    return { ...presentBranch(branch), id: createdId(ctx, branch.id) };
  }
};

const deletebranch: Endpoint = {
  name: 'deletebranch',
  style: 'post',
  handle(ctx, params) {
    const branch = requireBranch(ctx, params.requireId('branch_id'));
    ctx.state.branches.delete(branch.id);
    ctx.events.branchDeleted(branch);
    return operationCompleted;
  }
};

const addusertobranch: Endpoint = {
  name: 'addusertobranch',
  style: 'get',
  handle(ctx, params) {
    const user = requireUser(ctx, params.requireId('user_id'));
    const branch = requireBranch(ctx, params.requireId('branch_id'));
    joinBranch(ctx, user, branch);
    return { user_id: user.id, branch_id: branch.id, branch_name: branch.name };
  }
};

const removeuserfrombranch: Endpoint = {
  name: 'removeuserfrombranch',
  style: 'get',
  handle(ctx, params) {
    const user = requireUser(ctx, params.requireId('user_id'));
    const branch = requireBranch(ctx, params.requireId('branch_id'));
    leaveBranch(ctx, user, branch);
    return { user_id: user.id, branch_id: branch.id, branch_name: branch.name };
  }
};

const addcoursetobranch: Endpoint = {
  name: 'addcoursetobranch',
  style: 'get',
  handle(ctx, params) {
    const course = requireCourse(ctx, params.requireId('course_id'));
    const branch = requireBranch(ctx, params.requireId('branch_id'));
    addCourseToBranch(ctx, course, branch);
    return { course_id: course.id, branch_id: branch.id, branch_name: branch.name };
  }
};

const branchsetstatus: Endpoint = {
  name: 'branchsetstatus',
  style: 'get',
  handle(ctx, params) {
    const branch = requireBranch(ctx, params.requireId('branch_id'));
    const status = params.require('status');
    if (status !== 'active' && status !== 'inactive') fail(Messages.invalidArguments);
    if (branch.status !== status) {
      branch.status = status;
      ctx.events.branchChanged(branch);
    }
    return { branch_id: branch.id, status };
  }
};

export const branchEndpoints: Endpoint[] = [
  branches,
  createbranch,
  deletebranch,
  addusertobranch,
  removeuserfrombranch,
  addcoursetobranch,
  branchsetstatus
];
