import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import samples from '../fixtures/reference-samples.json';
import { type Harness, errorOf, start } from '../support/client';
import { assertShape } from '../support/shape';

/** Every §7 sample shape (field names and JSON types, strings where the PDF prints strings). */
describe('TalentLMS emulator: reference §7 sample shapes', () => {
  let h: Harness;
  let userId: string;
  let courseId: string;

  before(async () => {
    h = await start();
    const { tl, api } = h;
    tl.state.addCustomField({ name: 'Text Field', type: 'text', mandatory: 'no' });
    tl.state.addCustomField({ name: 'Dropdown Field', type: 'dropdown', dropdown_values: '1;2;[3];4;5' });
    const course = tl.state.addCourse({
      name: 'Intro to TalentLMS',
      rules: ['You must complete all content'],
      prerequisites: [{ course_id: '11', course_name: 'Employee Training' }]
    });
    courseId = course.id;
    tl.state.addUnit(course.id, { name: 'TalentLMS - Introduction', type: 'Content' });
    tl.state.addUnit(course.id, { name: 'Section 1', type: 'Section', delay_time: '60' });
    const branch = tl.state.addBranch({ name: 'mybranch' });
    const group = tl.state.addGroup({ name: 'My group' });
    const user = await api.signup({
      login: 'dummy',
      first_name: 'Dummy',
      last_name: 'Dummy',
      branch_id: branch.id
    });
    userId = String(user.id);
    assert.equal((await api.get(`addusertogroup/user_id:${userId},group_key:${group.key}`)).status, 200);
    assert.equal((await api.post('addusertocourse', { user_id: userId, course_id: courseId })).status, 200);
    h.clock.advance(451_000);
    tl.simulator.complete(userId, courseId, { seconds: 451 });
    tl.simulator.unlockBadge(userId, { name: 'Activity Newbie', type: 'activity', criteria: '4 logins' });
  });
  after(() => h.tl.close());

  it('S1: users/id carries courses, branches, groups, certifications and badges with the documented types', async () => {
    const user = await h.api.json(`users/id:${userId}`);
    assertShape(user, samples.S1_user);
    const courses = user.courses as Array<Record<string, unknown>>;
    assert.equal(courses[0].total_time_seconds, 451, 'total_time_seconds is a number');
    assert.equal(courses[0].total_time, '7m 31s');
    assert.equal(courses[0].completion_status, 'completed');
    const certificate = (user.certifications as Array<Record<string, unknown>>)[0];
    assert.equal(certificate.expiration_date, 'Never');
    assert.equal(certificate.expiration_date_timestamp, 0);
    assert.match(String(certificate.issued_date), /^\d\d\/\d\d\/\d{4}$/, 'certificate dates are date-only');
  });

  it('S2: the users list has the flat shape and no learning arrays', async () => {
    const list = await h.api.json<Array<Record<string, unknown>>>('users');
    assertShape(list, samples.S2_users);
    for (const key of ['courses', 'branches', 'groups', 'certifications', 'badges']) {
      assert.ok(!(key in list[0]), `list items carry no ${key}`);
    }
  });

  it('S3: courses/id lists every enrolment with progress, units, rules and prerequisites', async () => {
    const course = await h.api.json(`courses/id:${courseId}`);
    assertShape(course, samples.S3_course);
    const users = course.users as Array<Record<string, unknown>>;
    assert.equal(users[0].name, 'D. Dummy');
    assert.ok(!('completion_status' in users[0]), 'course users[] carry no completion_status');
    assert.notEqual(users[0].completed_on, '', 'completion shows as a completed_on date');
    const section = (course.units as Array<Record<string, unknown>>)[1];
    assertShape(section, samples.S3_course.units[1]);
    assert.equal(section.formatted_aggregated_delay_time, '1h');
  });

  it('S4: getcustomregistrationfields', async () => {
    const fields = await h.api.json<Array<Record<string, unknown>>>('getcustomregistrationfields');
    assertShape(fields, samples.S4_customRegistrationFields);
    assertShape(fields[1], samples.S4_customRegistrationFields[1]);
    assert.equal(fields[1].previous_key, 'custom_field_1');
  });

  it('S5: gettimeline, ratelimit and siteinfo', async () => {
    const timeline = await h.api.json<Array<Record<string, unknown>>>(
      `gettimeline/event_type:certification_issue_certification,user_id:${userId}`
    );
    assertShape(timeline, samples.S5_timeline);
    assert.equal(
      timeline[0].message,
      'D. Dummy was awarded a certification for the course Intro to TalentLMS'
    );
    assertShape(await h.api.json('ratelimit'), samples.S5_ratelimit);
    const site = await h.api.json('siteinfo');
    assertShape(site, samples.S5_siteinfo);
    assert.equal(site.total_users, '2', 'the owner and the signed-up user');
  });

  it('S7: errors are {"error":{"type","message"}}', async () => {
    const answer = await h.api.post('usersignup', {
      first_name: 'A',
      last_name: 'B',
      email: 'dummy@example.com',
      login: 'other',
      password: 'x'
    });
    assert.equal(answer.status, 400);
    assertShape(answer.body, samples.S7_error);
    assert.deepEqual(errorOf(answer), samples.S7_error.error);
  });
});
