import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Messages } from '../..';
import { type Harness, errorOf, start } from '../support/client';

type Json = Record<string, unknown>;

/** Reference §4.5–4.6 and checklist §8.7: courses, enrolment, progress, categories. */
describe('TalentLMS emulator: courses and enrolment', () => {
  let h: Harness;
  let userId: string;
  let courseId: string;
  let testUnitId: string;
  before(async () => {
    h = await start();
    userId = String((await h.api.signup({ login: 'learner', first_name: 'Lea', last_name: 'Rner' })).id);
    h.tl.state.addCategory({ name: 'Compliance' });
  });
  after(() => h.tl.close());

  it('creates a course (numeric id, HTML-escaped name) and lists it', async () => {
    const answer = await h.api.post('createcourse', {
      name: 'R&D "Basics"',
      category_id: '1',
      description: 'Intro',
      code: 'RD1'
    });
    assert.equal(answer.status, 200, answer.text);
    const course = answer.body as Json;
    assert.equal(typeof course.id, 'number');
    assert.equal(course.name, 'R&amp;D &quot;Basics&quot;');
    assert.equal(course.price, '$0');
    assert.equal(course.start_datetime, null);
    courseId = String(course.id);
    testUnitId = h.tl.state.addUnit(courseId, { name: 'Final test', type: 'Test' }).id;
    const list = await h.api.json<Json[]>('courses');
    assert.deepEqual(
      list.map((c) => c.id),
      [courseId]
    );
    assert.ok(!('users' in list[0]), 'list items carry no users');
    assert.equal(
      errorOf(await h.api.post('createcourse', { name: 'X', category_id: '42' })).message,
      Messages.categoryMissing
    );
  });

  it('addusertocourse answers an array, accepts user_email/course_name and instructor roles', async () => {
    const answer = await h.api.post('addusertocourse', { user_id: userId, course_id: courseId });
    assert.deepEqual(answer.body, [{ user_id: userId, course_id: courseId, role: 'learner' }]);
    const again = await h.api.post('addusertocourse', { user_id: userId, course_id: courseId });
    assert.equal(errorOf(again).message, 'The requested user is already enrolled in this course');
    const teacher = await h.api.signup({ login: 'teacher' });
    const byName = await h.api.post('addusertocourse', {
      user_email: 'teacher@example.com',
      course_name: 'R&amp;D "Basics"',
      role: 'instructor'
    });
    assert.deepEqual(byName.body, [{ user_id: String(teacher.id), course_id: courseId, role: 'instructor' }]);
    const raw = await h.api.post('addusertocourse', { user_id: '1', course_name: 'R&D "Basics"' });
    assert.equal(raw.status, 200, 'the unescaped name matches too');
    assert.equal((await h.api.post('addusertocourse', { user_id: userId, course_id: '999' })).status, 404);
  });

  it('courses/id returns every enrolment with its progress', async () => {
    h.clock.advance(60_000);
    h.tl.simulator.progress(userId, courseId, 40, 125);
    const course = await h.api.json(`courses/id:${courseId}`);
    const users = course.users as Json[];
    assert.equal(users.length, 3);
    const mine = users.find((u) => u.id === userId) as Json;
    assert.equal(mine.name, 'L. Rner');
    assert.equal(mine.completion_percentage, '40');
    assert.equal(mine.total_time, '2m 5s');
    assert.equal(mine.total_time_seconds, 125);
    assert.equal(mine.completed_on, '');
    assert.equal(mine.enrolled_on, '15/01/2026, 09:00:00');
    assert.equal(mine.enrolled_on_timestamp, String(Date.UTC(2026, 0, 15, 9) / 1000));
    assert.equal((users.find((u) => u.role === 'instructor') as Json).role, 'instructor');
  });

  it('getuserstatusincourse capitalises the status and lists unit progress', async () => {
    const incomplete = await h.api.json(`getuserstatusincourse/course_id:${courseId},user_id:${userId}`);
    assert.equal(incomplete.completion_status, 'Incomplete');
    h.tl.simulator.testResult(userId, testUnitId, 90);
    h.tl.simulator.complete(userId, courseId);
    const status = await h.api.json(`getuserstatusincourse/course_id:${courseId},user_id:${userId}`);
    assert.equal(status.completion_status, 'Completed');
    assert.equal(status.completion_percentage, '100');
    assert.notEqual(status.completed_on, '');
    assert.deepEqual(
      (status.units as Json[]).map((u) => [u.id, u.completion_status, u.score]),
      [[testUnitId, 'Completed', '90']]
    );
    const user = await h.api.json(`users/id:${userId}`);
    assert.equal((user.courses as Json[])[0].completion_status, 'completed', 'lower-case in users/id');
    const stranger = await h.api.signup({ login: 'stranger' });
    const notEnrolled = await h.api.get(`getuserstatusincourse/course_id:${courseId},user_id:${stranger.id}`);
    assert.equal(errorOf(notEnrolled).message, 'The requested user is not enrolled in this course');
  });

  it('reports unit progress, test answers and ILT sessions', async () => {
    const units = await h.api.json<Json[]>(`getusersprogressinunits/unit_id:${testUnitId},user_id:${userId}`);
    assert.deepEqual(units, [{ user_id: userId, status: 'Completed', score: '90' }]);
    const answers = await h.api.json(`gettestanswers/test_id:${testUnitId},user_id:${userId}`);
    assert.equal(answers.score, '90');
    assert.ok(Array.isArray(answers.questions));
    const none = await h.api.get(`gettestanswers/test_id:${testUnitId},user_id:1`);
    assert.equal(errorOf(none).message, Messages.noTestProgress);
    const survey = await h.api.get(`getsurveyanswers/survey_id:${testUnitId},user_id:${userId}`);
    assert.equal(errorOf(survey).message, Messages.noSurveyProgress);
    assert.equal(
      errorOf(await h.api.get('getusersprogressinunits/unit_id:999')).message,
      Messages.unitMissing
    );
    const ilt = h.tl.state.addUnit(courseId, { name: 'Workshop', type: 'Instructor-led training' });
    h.tl.state.addIltSession(ilt.id, { name: 'Session A', type: 'webinar' });
    const sessions = await h.api.json<Json[]>(`getiltsessions/ilt_id:${ilt.id}`);
    assert.equal(sessions[0].name, 'Session A');
    assert.equal(sessions[0].type, 'webinar');
  });

  it('resets progress (optionally removing the certificate), gives SSO course links and removes users', async () => {
    assert.equal(h.tl.state.getCertificate(userId, courseId)?.course_id, courseId);
    const reset = await h.api.get(
      `resetuserprogress/course_id:${courseId},user_id:${userId},remove_certification:yes`
    );
    assert.deepEqual(reset.body, { message: 'Operation completed successfully' });
    const status = await h.api.json(`getuserstatusincourse/course_id:${courseId},user_id:${userId}`);
    assert.equal(status.completion_status, 'Not attempted');
    assert.equal(status.completion_percentage, '0');
    assert.equal(h.tl.state.getCertificate(userId, courseId), undefined);
    const go = await h.api.json(`gotocourse/user_id:${userId},course_id:${courseId}`);
    assert.match(
      String(go.goto_url),
      new RegExp(`^https://acme\\.talentlms\\.com/index/gotocourse/key:[a-z0-9]+,course_id:${courseId}$`)
    );
    const removed = await h.api.get(`removeuserfromcourse/user_id:${userId},course_id:${courseId}`);
    assert.deepEqual(removed.body, {
      user_id: userId,
      course_id: courseId,
      course_name: 'R&amp;D &quot;Basics&quot;'
    });
    const again = await h.api.get(`removeuserfromcourse/user_id:${userId},course_id:${courseId}`);
    assert.equal(errorOf(again).message, Messages.notEnrolled);
  });

  it('serves categories and hides deleted courses everywhere', async () => {
    const categories = await h.api.json<Json[]>('categories');
    assert.deepEqual(categories, [{ id: '1', name: 'Compliance', price: '$0', parent_category_id: null }]);
    const category = await h.api.json('categories/id:1');
    assert.deepEqual(
      (category.courses as Json[]).map((c) => c.id),
      [courseId]
    );
    const leafs = await h.api.json('categoryleafsandcourses/id:1');
    assert.ok(Array.isArray(((leafs['1'] as Json).courses as Json[])[0].units));
    await h.api.post('deletecourse', { course_id: courseId });
    assert.deepEqual(await h.api.json('courses'), []);
    assert.equal(
      errorOf(await h.api.get(`courses/id:${courseId}`)).message,
      'The requested course does not exist'
    );
    const teacher = await h.api.json('users/username:teacher');
    assert.deepEqual(teacher.courses, [], 'a deleted course leaves users/id');
  });
});
