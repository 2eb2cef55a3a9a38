import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SimulatorError } from '../..';
import { type Harness, start } from '../support/client';

type Json = Record<string, unknown>;

/** The learning simulator: every step changes what the API shows and emits its timeline events. */
describe('TalentLMS emulator: learning simulator', () => {
  let h: Harness;
  let uid: string;
  let cid: string;
  const courseOf = async () =>
    ((await h.api.json(`users/id:${uid}`)).courses as Json[]).find((c) => c.id === cid) as Json;
  const count = (type: string) =>
    h.api.json<Json[]>(`gettimeline/event_type:${type},user_id:${uid}`).then((l) => l.length);

  before(async () => {
    h = await start();
    uid = String((await h.api.signup({ login: 'sim', first_name: 'Sam', last_name: 'Ple' })).id);
    cid = h.tl.state.addCourse({ name: 'Forklift <Level 2>', certification_duration: '365 days' }).id;
  });
  after(() => h.tl.close());

  it('enrol emits course_add_user; progress changes % and time silently', async () => {
    h.tl.simulator.enrol(uid, cid);
    assert.equal(await count('course_add_user'), 1);
    h.clock.advance(60_000);
    const eventsBefore = h.tl.state.timeline.count();
    h.tl.simulator.progress(uid, cid, 35, 451);
    assert.equal(h.tl.state.timeline.count(), eventsBefore, 'content progress has no event type');
    const course = await courseOf();
    assert.equal(course.completion_status, 'incomplete');
    assert.equal(course.completion_status_formatted, 'In Progress');
    assert.equal(course.completion_percentage, '35');
    assert.equal(course.total_time, '7m 31s');
    assert.equal(course.name, 'Forklift &lt;Level 2&gt;', 'course names arrive HTML-escaped');
  });

  it('complete emits course_completion and issues the course certificate with its duration', async () => {
    h.clock.advance(3_600_000);
    h.tl.simulator.complete(uid, cid, { seconds: 60 });
    const course = await courseOf();
    assert.equal(course.completion_status, 'completed');
    assert.equal(course.completed_on, '15/01/2026, 10:01:00');
    assert.equal(course.completed_on_timestamp, String(Date.UTC(2026, 0, 15, 10, 1) / 1000));
    assert.equal(await count('course_completion'), 1);
    assert.equal(await count('certification_issue_certification'), 1);
    const certificate = ((await h.api.json(`users/id:${uid}`)).certifications as Json[])[0];
    assert.equal(certificate.issued_date, '15/01/2026');
    assert.equal(certificate.expiration_date, '15/01/2027');
    assert.equal(
      certificate.expiration_date_timestamp,
      (certificate.issued_date_timestamp as number) + 365 * 86400
    );
  });

  it('refreshes, expires and removes certificates with their events', async () => {
    h.clock.advance(86_400_000);
    h.tl.simulator.refreshCertificate(uid, cid);
    assert.equal(
      ((await h.api.json(`users/id:${uid}`)).certifications as Json[])[0].issued_date,
      '16/01/2026'
    );
    h.tl.simulator.expireCertificate(uid, cid);
    assert.equal(
      ((await h.api.json(`users/id:${uid}`)).certifications as Json[])[0].expiration_date,
      '16/01/2026'
    );
    h.tl.simulator.removeCertificate(uid, cid);
    assert.deepEqual((await h.api.json(`users/id:${uid}`)).certifications, []);
    for (const type of ['refresh', 'expire', 'remove']) {
      assert.equal(await count(`certification_${type}_certification`), 1, type);
    }
    const never = h.tl.simulator.issueCertificate(uid, cid, { expiresInDays: null });
    assert.equal(never.expiration_date, null);
  });

  it('fail, expire and reset', async () => {
    h.tl.simulator.reset(uid, cid, { removeCertification: true });
    assert.equal(await count('course_reset_user_progress'), 1);
    assert.equal(await count('certification_remove_certification'), 2);
    assert.equal((await courseOf()).completion_status, 'not_attempted');
    h.tl.simulator.fail(uid, cid);
    assert.equal((await courseOf()).completion_status, 'failed');
    assert.equal(await count('course_failure'), 1);
    h.tl.simulator.expire(uid, cid);
    assert.equal((await courseOf()).expired_on, '16/01/2026, 10:01:00');
  });

  it('unlocks badges and levels up with events; points move silently', async () => {
    h.tl.simulator.unlockBadge(uid, {
      name: 'Learning Newbie',
      type: 'learning',
      criteria: '1 completed course'
    });
    h.tl.simulator.levelUp(uid, 2);
    h.tl.simulator.addPoints(uid, 150);
    const user = await h.api.json(`users/id:${uid}`);
    assert.equal(user.level, '3');
    assert.equal(user.points, '150');
    const badge = (user.badges as Json[])[0];
    assert.deepEqual(
      [badge.name, badge.type, badge.criteria],
      ['Learning Newbie', 'learning', '1 completed course']
    );
    assert.equal(typeof badge.issued_on_timestamp, 'number');
    assert.equal(await count('user_unlock_badge'), 1);
    const levels = await h.api.json<Json[]>(`gettimeline/event_type:user_upgrade_level,user_id:${uid}`);
    assert.deepEqual(
      levels.map((l) => l.message),
      ['S. Ple reached level 3', 'S. Ple reached level 2']
    );
  });

  it('records instructor enrolments and test results, and runs JSON steps for the control API', async () => {
    const other = h.tl.state.addCourse({ name: 'Train the trainer' });
    const unit = h.tl.state.addUnit(other.id, { name: 'Quiz', type: 'Test' });
    h.tl.simulator.run({ action: 'enrol', userId: uid, courseId: other.id, role: 'instructor' });
    h.tl.simulator.run({ action: 'testResult', userId: Number(uid), unitId: unit.id, score: 20 });
    const course = ((await h.api.json(`users/id:${uid}`)).courses as Json[]).find(
      (c) => c.id === other.id
    ) as Json;
    assert.equal(course.role, 'instructor');
    const failed = await h.api.json<Json[]>(
      `gettimeline/event_type:unitprogress_test_failed,unit_id:${unit.id}`
    );
    assert.equal(failed[0].secondary_object_name, 'Train the trainer');
    assert.throws(
      () => h.tl.simulator.run({ action: 'complete', userId: '999', courseId: other.id }),
      SimulatorError
    );
    assert.throws(() => h.tl.simulator.enrol(uid, other.id), /already enrolled/);
    h.tl.simulator.run({ action: 'login', userId: uid });
    assert.equal(await count('user_login_user'), 1);
  });

  it('makes the same random activity for the same seed', async () => {
    const stories: Array<Record<string, number>> = [];
    for (let run = 0; run < 2; run += 1) {
      const s = await start({ randomSeed: 99 });
      try {
        const course = s.tl.state.addCourse({ name: 'C' });
        for (let i = 0; i < 20; i += 1) {
          const user = s.tl.state.addUser({
            login: `u${i}`,
            email: `u${i}@example.com`,
            first_name: 'U',
            last_name: String(i)
          });
          s.tl.simulator.enrol(user.id, course.id);
        }
        stories.push(s.tl.simulator.randomActivity(60));
        stories.push({ completions: s.tl.state.timeline.count('course_completion') });
      } finally {
        await s.tl.close();
      }
    }
    assert.deepEqual(stories[0], stories[2]);
    assert.equal(stories[1].completions, stories[0].complete);
    assert.ok(stories[0].complete > 0 && stories[0].progress > 0, JSON.stringify(stories[0]));
  });
});
