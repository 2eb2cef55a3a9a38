import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Messages } from '../..';
import { type Harness, errorOf, start } from '../support/client';

type Entry = Record<string, string>;

/** Reference §4.9 and checklist §8.6: per-type timeline, newest 200, filters, events from mutations. */
describe('TalentLMS emulator: timeline', () => {
  let h: Harness;
  const events = (type: string, filter = '') =>
    h.api.json<Entry[]>(`gettimeline/event_type:${type}${filter}`);

  before(async () => (h = await start()));
  after(() => h.tl.close());

  it('returns only the newest 200 entries of a type, newest first', async () => {
    const course = h.tl.state.addCourse({ name: 'Bulk' });
    const ids: string[] = [];
    for (let i = 0; i < 250; i += 1) {
      const user = h.tl.state.addUser({
        login: `bulk${i}`,
        email: `bulk${i}@example.com`,
        first_name: 'B',
        last_name: `U${i}`
      });
      h.clock.advance(1000);
      h.tl.simulator.enrol(user.id, course.id);
      ids.push(user.id);
    }
    const page = await events('course_add_user');
    assert.equal(page.length, 200);
    assert.equal(page[0].user_id, ids[249], 'newest first');
    assert.equal(page[199].user_id, ids[50], 'the oldest 50 are out of reach');
    const stamps = page.map((entry) => Number(entry.unix_timestamp));
    assert.deepEqual(
      stamps,
      [...stamps].sort((a, b) => b - a)
    );
    assert.equal(h.tl.state.timeline.count('course_add_user'), 250, 'the store keeps them all');
    const filtered = await events('course_add_user', `,user_id:${ids[0]}`);
    assert.equal(filtered.length, 1, 'a filter reaches entries beyond the newest 200');
  });

  it('requires one valid event_type', async () => {
    assert.equal(errorOf(await h.api.get('gettimeline')).message, Messages.invalidArguments);
    assert.equal(
      (await h.api.get('gettimeline/event_type:user_create_user')).status,
      400,
      'v2 names are not v1 types'
    );
  });

  it('emits the documented events from API mutations, with user, course, group and branch filters', async () => {
    const course = h.tl.state.addCourse({ name: 'Safety' });
    const group = (await h.api.post('creategroup', { name: 'Crew' })).body as Entry;
    await h.api.get(`addcoursetogroup/course_id:${course.id},group_id:${group.id}`);
    const branch = (await h.api.post('createbranch', { name: 'north' })).body as Entry;
    const user = await h.api.signup({
      login: 'evented',
      first_name: 'Eve',
      last_name: 'Ent',
      branch_id: String(branch.id),
      group_id: String(group.id)
    });
    const uid = String(user.id);
    await h.api.post('edituser', { user_id: uid, bio: 'changed' });
    await h.api.get(`removeuserfromgroup/user_id:${uid},group_id:${group.id}`);
    await h.api.get(`removeuserfrombranch/user_id:${uid},branch_id:${branch.id}`);
    await h.api.get(`removeuserfromcourse/user_id:${uid},course_id:${course.id}`);
    await h.api.post('deleteuser', { user_id: uid });

    const byUser = `,user_id:${uid}`;
    const expectations: Array<[string, string, string]> = [
      ['user_register_user', byUser, 'E. Ent was registered'],
      ['branch_add_user', `,branch_id:${branch.id}`, 'E. Ent was added to the branch north'],
      ['group_add_user', `,group_id:${group.id}`, 'E. Ent was added to the group Crew'],
      ['course_add_user', `,course_id:${course.id}`, 'E. Ent was added to the course Safety'],
      ['user_property_change', byUser, 'The profile of E. Ent was updated'],
      ['group_remove_user', byUser, 'E. Ent was removed from the group Crew'],
      ['branch_remove_user', byUser, 'E. Ent was removed from the branch north'],
      ['course_remove_user', byUser, 'E. Ent was removed from the course Safety'],
      ['user_delete_user', byUser, 'E. Ent was deleted'],
      ['group_create_group', `,group_id:${group.id}`, 'The group Crew was created'],
      ['group_add_course', `,course_id:${course.id}`, 'The course Safety was added to the group Crew'],
      ['branch_create_branch', `,branch_id:${branch.id}`, 'The branch north was created']
    ];
    for (const [type, filter, message] of expectations) {
      const entries = await events(type, filter);
      assert.equal(entries.length, 1, `${type}${filter}`);
      assert.equal(entries[0].message, message);
      assert.equal(entries[0].action, type);
      assert.equal(entries[0].event_counter, '1');
    }
    const enrol = (await events('course_add_user', byUser))[0];
    assert.deepEqual(
      [enrol.user_username, enrol.user_email, enrol.user_fullname, enrol.object_id, enrol.object_name],
      ['evented', 'evented@example.com', 'E. Ent', course.id, 'Safety']
    );
    assert.equal(enrol.timestamp, '15/01/2026, 09:04:10');
    assert.deepEqual(
      await events('course_add_user', `,group_id:${group.id}`),
      [],
      'a course event does not match a group filter'
    );
  });
});
