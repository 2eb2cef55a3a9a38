import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Messages } from '../..';
import { type Harness, errorOf, start } from '../support/client';

type Json = Record<string, unknown>;

/** Reference §4.3, §4.4 and checklist §8.7: groups (joined by key) and branches (name rule, limit). */
describe('TalentLMS emulator: groups and branches', () => {
  let h: Harness;
  let userId: string;
  let courseId: string;
  before(async () => {
    h = await start();
    userId = String((await h.api.signup({ login: 'member' })).id);
    courseId = h.tl.state.addCourse({ name: 'Onboarding' }).id;
  });
  after(() => h.tl.close());

  it('creates a group with a generated key and numeric id, lists and gets it', async () => {
    const created = await h.api.post('creategroup', { name: 'Sales', description: 'Sales team' });
    assert.equal(created.status, 200, created.text);
    const group = created.body as Json;
    assert.equal(typeof group.id, 'number');
    assert.match(String(group.key), /^[A-Za-z0-9]{9}$/);
    for (const key of [
      'name',
      'description',
      'key',
      'price',
      'owner_id',
      'belongs_to_branch',
      'max_redemptions',
      'redemptions_sofar'
    ]) {
      assert.ok(key in group, key);
    }
    const list = await h.api.json<Json[]>('groups');
    assert.deepEqual(
      list.map((g) => g.name),
      ['Sales']
    );
    const one = await h.api.json(`groups/id:${group.id}`);
    assert.deepEqual(one.users, []);
    assert.deepEqual(one.courses, []);
    assert.equal(errorOf(await h.api.post('creategroup', {})).message, Messages.invalidArguments);
  });

  it('adds a course to a group, then a user joins by key and is enrolled in the group courses', async () => {
    const group = (await h.api.json<Json[]>('groups'))[0];
    const added = await h.api.get(`addcoursetogroup/course_id:${courseId},group_id:${group.id}`);
    assert.deepEqual(added.body, { course_id: courseId, group_id: group.id, group_name: 'Sales' });
    const again = await h.api.get(`addcoursetogroup/course_id:${courseId},group_id:${group.id}`);
    assert.equal(errorOf(again).message, 'The requested course is already a member of this group');
    const joined = await h.api.get(`addusertogroup/user_id:${userId},group_key:${group.key}`);
    assert.deepEqual(joined.body, { user_id: userId, group_id: group.id, group_name: 'Sales' });
    const user = await h.api.json(`users/id:${userId}`);
    assert.deepEqual(
      (user.courses as Json[]).map((c) => c.id),
      [courseId]
    );
    const twice = await h.api.get(`addusertogroup/user_id:${userId},group_key:${group.key}`);
    assert.equal(errorOf(twice).message, 'The requested user is already a member of this group');
    const byId = await h.api.get(`addusertogroup/user_id:${userId},group_key:${group.id}`);
    assert.equal(byId.status, 404);
    assert.equal(errorOf(byId).message, 'There is no group with such key');
    const detail = await h.api.json(`groups/id:${group.id}`);
    assert.deepEqual(detail.users, [{ id: userId, name: 'J. Doe' }]);
    assert.deepEqual(detail.courses, [{ id: courseId, name: 'Onboarding' }]);
  });

  it('does not enrol existing members when a course is added later, unless the quirk says so', async () => {
    const group = (await h.api.json<Json[]>('groups'))[0];
    const later = h.tl.state.addCourse({ name: 'Later' });
    await h.api.get(`addcoursetogroup/course_id:${later.id},group_id:${group.id}`);
    assert.equal(h.tl.state.getEnrollment(userId, later.id), undefined);
    h.tl.configure({ quirks: { addCourseToGroupEnrolsMembers: true } });
    const eager = h.tl.state.addCourse({ name: 'Eager' });
    await h.api.get(`addcoursetogroup/course_id:${eager.id},group_id:${group.id}`);
    h.tl.configure({ quirks: { addCourseToGroupEnrolsMembers: false } });
    assert.equal(h.tl.state.getEnrollment(userId, eager.id)?.role, 'learner');
  });

  it('removes a user from a group and deletes groups', async () => {
    const group = (await h.api.json<Json[]>('groups'))[0];
    const removed = await h.api.get(`removeuserfromgroup/user_id:${userId},group_id:${group.id}`);
    assert.deepEqual(removed.body, { user_id: userId, group_id: group.id, group_name: 'Sales' });
    const notMember = await h.api.get(`removeuserfromgroup/user_id:${userId},group_id:${group.id}`);
    assert.equal(errorOf(notMember).message, 'The requested user is not a member of this group');
    assert.equal(h.tl.state.getEnrollment(userId, courseId)?.course_id, courseId, 'leaving keeps enrolments');
    assert.deepEqual((await h.api.post('deletegroup', { group_id: String(group.id) })).body, {
      message: 'Operation completed successfully'
    });
    assert.equal(
      errorOf(await h.api.get(`groups/id:${group.id}`)).message,
      'The requested group does not exist'
    );
  });

  it('creates branches only with lower-case alphanumeric unique names', async () => {
    const created = await h.api.post('createbranch', {
      name: 'marketing',
      description: 'Marketing',
      language: 'en'
    });
    assert.equal(created.status, 200, created.text);
    const branch = created.body as Json;
    assert.equal(typeof branch.id, 'number');
    for (const key of [
      'timezone',
      'signup_method',
      'user_type_id',
      'user_type',
      'currency',
      'ecommerce_credits'
    ]) {
      assert.ok(key in branch, key);
    }
    for (const bad of ['Marketing', 'sales team', 'r&d']) {
      const answer = await h.api.post('createbranch', { name: bad });
      assert.equal(answer.status, 400, bad);
      assert.equal(errorOf(answer).message, Messages.invalidBranchName);
    }
    assert.equal(
      errorOf(await h.api.post('createbranch', { name: 'marketing' })).message,
      Messages.duplicateBranch
    );
    h.tl.configure({ quirks: { branchNamePattern: /^[a-z0-9-]+$/ } });
    assert.equal((await h.api.post('createbranch', { name: 'north-east' })).status, 200);
    h.tl.configure({ quirks: { branchNamePattern: /^[a-z0-9]+$/ } });
  });

  it('adds and removes users and courses and sets branch status', async () => {
    const branch = (await h.api.json<Json[]>('branches'))[0];
    const add = await h.api.get(`addusertobranch/user_id:${userId},branch_id:${branch.id}`);
    assert.deepEqual(add.body, { user_id: userId, branch_id: branch.id, branch_name: 'marketing' });
    const again = await h.api.get(`addusertobranch/user_id:${userId},branch_id:${branch.id}`);
    assert.equal(errorOf(again).message, 'The requested user is already a member of this branch');
    const course = await h.api.get(`addcoursetobranch/course_id:${courseId},branch_id:${branch.id}`);
    assert.deepEqual(course.body, { course_id: courseId, branch_id: branch.id, branch_name: 'marketing' });
    const twice = await h.api.get(`addcoursetobranch/course_id:${courseId},branch_id:${branch.id}`);
    assert.equal(errorOf(twice).message, 'The requested course is already a member of this branch');
    const detail = await h.api.json(`branches/id:${branch.id}`);
    assert.deepEqual(detail.users, [{ id: userId, name: 'J. Doe' }]);
    assert.deepEqual(detail.courses, [{ id: courseId, name: 'Onboarding' }]);
    const status = await h.api.get(`branchsetstatus/branch_id:${branch.id},status:inactive`);
    assert.deepEqual(status.body, { branch_id: branch.id, status: 'inactive' });
    await h.api.get(`removeuserfrombranch/user_id:${userId},branch_id:${branch.id}`);
    const notMember = await h.api.get(`removeuserfrombranch/user_id:${userId},branch_id:${branch.id}`);
    assert.equal(errorOf(notMember).message, 'The requested user is not a member of this branch');
    assert.equal(errorOf(await h.api.get('branches/id:999')).message, 'The requested branch does not exist');
  });

  it('enforces the plan branch limit and deletes branches', async () => {
    h.tl.configure({ portal: { branchLimit: h.tl.state.branches.size } });
    const over = await h.api.post('createbranch', { name: 'onetoomany' });
    assert.equal(over.status, 400);
    assert.equal(errorOf(over).message, Messages.branchLimit);
    assert.equal(((await h.api.json('siteinfo')).limits as Json).maximum_brances, h.tl.state.branches.size);
    const branch = (await h.api.json<Json[]>('branches'))[0];
    await h.api.post('deletebranch', { branch_id: String(branch.id) });
    assert.equal(
      (await h.api.post('createbranch', { name: 'onetoomany' })).status,
      200,
      'deleting frees a slot'
    );
  });
});
