import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Harness } from '../../emulators/harness';
import { courseRecordKey, portalIdOf } from '../src/core/keys';
import { bindSchema, type BoundSchema } from '../src/salesforce/schema';
import { advance, runLearning, startLearningHarness, type LearningRun } from './support/learningHarness';

/**
 * The learning back-sync end to end over HTTP: the linked demo seed in both emulators, the learning simulator
 * advancing learners between runs on the shared clock, and the runner's learning phases. Every assertion reads
 * Salesforce (in-process SOQL on the emulator) or the emulators' counters.
 */
const HOUR = 3_600_000;
const INCREMENTAL = ['preflight', 'provision', 'timeline', 'learners'] as const;

function incremental(run: LearningRun, side: 'salesforce' | 'talentlms'): number {
  return INCREMENTAL.reduce((sum, phase) => sum + run.summary.calls.byPhase[phase][side], 0);
}

interface Learner {
  kind: 'User' | 'Contact';
  personId: string;
  tlUserId: string;
}

describe('learning back-sync against the emulators', () => {
  let h: Harness;
  let s: BoundSchema;
  let portal: string;
  let learners: Learner[];

  const courseObject = (l: Learner) => (l.kind === 'User' ? s.UserCourse : s.ContactCourse);
  const certObject = (l: Learner) => (l.kind === 'User' ? s.UserCertificate : s.ContactCertificate);
  const badgeObject = (l: Learner) => (l.kind === 'User' ? s.UserBadge : s.ContactBadge);
  const rows = (object: { name: string; f: Record<string, string> }, l: Learner) =>
    h.salesforce.store.query(
      `SELECT Id, ${Object.values(object.f)
        .filter((f) => !f.includes('.'))
        .join(', ')} FROM ${object.name} WHERE ${object.f.ExternalKey} LIKE '${portal}:${l.tlUserId}:%'`
    ) as Array<Record<string, unknown>>;
  const course = (l: Learner, courseId: string) =>
    rows(courseObject(l), l).filter(
      (r) => r[s.UserCourse.f.ExternalKey] === courseRecordKey(portal, l.tlUserId, courseId)
    );
  const learnerRow = (l: Learner) =>
    h.salesforce.store.query(
      `SELECT Id, ${s.Learner.f.Points}, ${s.Learner.f.Level} FROM ${s.Learner.name} WHERE ${s.Learner.f.SalesforceId} = '${l.personId}'`
    )[0] as Record<string, unknown>;
  const enrolments = (l: Learner) =>
    h.talentlms.state.enrollmentsOfUser(l.tlUserId).filter((e) => e.role === 'learner');
  const liveCourses = () => [...h.talentlms.state.courses.values()].filter((c) => !c.deleted);
  const notEnrolled = (l: Learner) => {
    const enrolled = new Set(h.talentlms.state.enrollmentsOfUser(l.tlUserId).map((e) => e.course_id));
    const free = liveCourses().find((c) => !enrolled.has(c.id));
    assert.ok(free, `a course ${l.tlUserId} is not enrolled in`);
    return free.id;
  };

  before(async () => {
    h = await startLearningHarness();
    s = bindSchema(h.salesforce.namespace);
    portal = portalIdOf(h.talentlms.domain);
    learners = (h.seed.linked?.learners ?? [])
      .filter((l) => l.record.State__c === 'Synced')
      .map((l) => ({
        kind: l.person.kind,
        personId: l.person.id,
        tlUserId: String(l.record.TalentLmsUserId__c)
      }))
      .filter((l) => enrolments(l).length > 0);
    assert.ok(
      learners.filter((l) => l.kind === 'User').length >= 3,
      'the demo seed links users with learning'
    );
    assert.ok(
      learners.filter((l) => l.kind === 'Contact').length >= 3,
      'the demo seed links contacts with learning'
    );
  });
  after(async () => {
    await h?.close();
  });

  it('a run with no change writes no learning record and reports the calls the emulators counted', async () => {
    const before =
      h.salesforce.store.all(s.UserCourse.name).length + h.salesforce.store.all(s.ContactCourse.name).length;
    const run = await runLearning(h);
    assert.equal(run.summary.error, null, JSON.stringify(run.summary.error));
    assert.deepEqual(
      [run.summary.calls.salesforce, run.summary.calls.talentlms],
      [run.counted.salesforce, run.counted.talentlms],
      'reported calls equal the emulators’ counters'
    );
    assert.equal(run.summary.counts.coursesUpserted, 0);
    assert.equal(run.summary.counts.certificatesUpserted, 0);
    assert.equal(run.summary.counts.badgesUpserted, 0);
    assert.equal(run.summary.counts.recordsRemoved, 0);
    assert.ok(incremental(run, 'talentlms') <= 20, `TalentLMS calls ${incremental(run, 'talentlms')}`);
    assert.ok(incremental(run, 'salesforce') <= 25, `Salesforce calls ${incremental(run, 'salesforce')}`);
    const after =
      h.salesforce.store.all(s.UserCourse.name).length + h.salesforce.store.all(s.ContactCourse.name).length;
    assert.equal(after, before);
  });

  it('an unseen status is stored as Unknown with its raw value and raises one issue', async () => {
    const known = new Set(['not_attempted', 'incomplete', 'completed', 'failed']);
    const odd = learners.find((l) => enrolments(l).some((e) => !known.has(e.completion_status)));
    assert.ok(odd, 'the demo seed holds an enrolment with a status TalentLMS never documented');
    const raw = enrolments(odd).find((e) => !known.has(e.completion_status))?.completion_status ?? '';
    advance(h, HOUR);
    h.talentlms.simulator.levelUp(odd.tlUserId);
    advance(h, 60_000);
    const run = await runLearning(h);
    assert.equal(run.summary.error, null);
    assert.equal(run.exitCode, 0, 'handled data: an issue to see, not a failure');
    const issues = h.salesforce.store.query(
      `SELECT ${s.SyncIssue.f.Message} FROM ${s.SyncIssue.name} WHERE ${s.SyncIssue.f.Code} = 'LEARNING_STATUS_UNKNOWN'`
    );
    assert.equal(issues.length, 1, 'one issue for the value');
    assert.match(String(issues[0][s.SyncIssue.f.Message]), new RegExp(raw));
    const stored = rows(courseObject(odd), odd).filter((r) => r[s.UserCourse.f.RawStatus] === raw);
    assert.equal(stored.length, 1, `a record carries the raw status ${raw}`);
    assert.equal(stored[0][s.UserCourse.f.Status], 'Unknown');
  });

  it('every kind of change reaches the right record, and a run costs ≤ 20 + U TalentLMS calls', async () => {
    advance(h, HOUR);
    const [u1, u2, u3] = learners.filter((l) => l.kind === 'User');
    const [c1, c2] = learners.filter((l) => l.kind === 'Contact');
    const sim = h.talentlms.simulator;
    const open = (l: Learner) => enrolments(l).find((e) => e.completion_status !== 'completed');
    const u1Course = open(u1) ?? enrolments(u1)[0];
    sim.complete(u1.tlUserId, u1Course.course_id, { seconds: 600, certificate: true });
    const c1New = notEnrolled(c1);
    sim.enrol(c1.tlUserId, c1New);
    const c2Course = enrolments(c2)[0];
    sim.fail(c2.tlUserId, c2Course.course_id);
    sim.unlockBadge(u2.tlUserId, {
      name: 'Night Owl',
      type: 'activity',
      criteria: '8 logins',
      badgeSetId: '1'
    });
    sim.addPoints(u2.tlUserId, 40);
    sim.levelUp(u2.tlUserId, 2);
    const u3Enrolled = notEnrolled(u3);
    sim.enrol(u3.tlUserId, u3Enrolled, { role: 'instructor' });
    advance(h, 60_000);

    const run = await runLearning(h);
    assert.equal(run.summary.error, null, JSON.stringify(run.summary.error));
    const U = 5;
    assert.ok(
      incremental(run, 'talentlms') <= 20 + U,
      `TalentLMS calls ${incremental(run, 'talentlms')} for U=${U}`
    );
    assert.equal(
      run.summary.calls.byPhase.learners.talentlms,
      U,
      'one users/id per changed learner, however many events name them (u1: completion + certificate; u2: badge + levels)'
    );

    const completed = course(u1, u1Course.course_id)[0];
    assert.equal(completed[s.UserCourse.f.Status], 'Completed');
    assert.equal(completed[s.UserCourse.f.CompletionPercent], 100);
    assert.ok(completed[s.UserCourse.f.CompletedOn], 'completion date from completed_on_timestamp');
    const certs = rows(certObject(u1), u1).filter(
      (r) => r[s.UserCertificate.f.CourseId] === u1Course.course_id
    );
    assert.equal(certs.length, 1, 'the certificate arrived');
    assert.match(String(certs[0][s.UserCertificate.f.PublicUrl]), /^https:\/\//);

    const enrolled = course(c1, c1New);
    assert.equal(enrolled.length, 1, 'the new enrolment arrived');
    assert.equal(enrolled[0][s.ContactCourse.f.Status], 'NotStarted');
    assert.equal(enrolled[0][s.ContactCourse.f.Contact], c1.personId);

    assert.equal(course(c2, c2Course.course_id)[0][s.ContactCourse.f.Status], 'Failed');
    const badges = rows(badgeObject(u2), u2).filter((r) => r[s.UserBadge.f.BadgeName] === 'Night Owl');
    assert.equal(badges.length, 1, 'the badge arrived');
    const tlUser2 = h.talentlms.state.users.get(u2.tlUserId);
    const learner2 = learnerRow(u2);
    assert.equal(learner2[s.Learner.f.Points], Number(tlUser2?.points));
    assert.equal(learner2[s.Learner.f.Level], Number(tlUser2?.level));
    assert.equal(course(u3, u3Enrolled).length, 0, 'an instructor enrolment is not learning');

    const again = await runLearning(h);
    assert.equal(
      again.summary.counts.coursesUpserted + again.summary.counts.badgesUpserted,
      0,
      'nothing written twice'
    );
    assert.equal(again.summary.calls.byPhase.learners.talentlms, 0, 'the events were handled once');
    assert.equal(course(c1, c1New).length, 1, 'no duplicate record');
  });

  it('a newly linked learner gets the learning TalentLMS already holds on the next run', async () => {
    const fresh = learners.filter((l) => l.kind === 'Contact')[4];
    const held = rows(courseObject(fresh), fresh);
    assert.ok(held.length > 0);
    h.salesforce.store.delete(held.map((r) => String(r.Id)));
    const learnerId = String(learnerRow(fresh).Id);
    h.salesforce.store.update(s.Learner.name, [{ Id: learnerId, [s.Learner.f.LastLearningSyncAt]: null }]);
    advance(h, HOUR);
    const run = await runLearning(h);
    assert.equal(run.summary.calls.byPhase.learners.talentlms, 1, 'read once, without a timeline event');
    assert.equal(rows(courseObject(fresh), fresh).length, held.length, 'every enrolment arrived');
    const again = await runLearning(h);
    assert.equal(again.summary.calls.byPhase.learners.talentlms, 0, 'stamped: not read again');
  });

  it('the unenrolment rule: a completed course stays as history, an unfinished one is removed', async () => {
    advance(h, HOUR);
    const [, , , u4] = learners.filter((l) => l.kind === 'User');
    const [, , c3] = learners.filter((l) => l.kind === 'Contact');
    const sim = h.talentlms.simulator;
    const done = enrolments(u4)[0];
    if (done.completion_status !== 'completed') sim.complete(u4.tlUserId, done.course_id);
    const pending = notEnrolled(c3);
    sim.enrol(c3.tlUserId, pending);
    advance(h, 60_000);
    await runLearning(h);
    assert.equal(course(u4, done.course_id)[0][s.UserCourse.f.Status], 'Completed');
    assert.equal(course(c3, pending).length, 1);

    advance(h, HOUR);
    await removeFromCourse(h, u4.tlUserId, done.course_id);
    await removeFromCourse(h, c3.tlUserId, pending);
    advance(h, 60_000);
    const run = await runLearning(h);
    assert.equal(course(u4, done.course_id).length, 1, 'the completed course is kept as history');
    assert.equal(course(c3, pending).length, 0, 'the unfinished enrolment is removed');
    assert.ok(run.summary.counts.recordsRemoved >= 1);
  });

  it('a removed certificate is deleted; an expired one stays with its expiry date', async () => {
    advance(h, HOUR);
    const [u1] = learners.filter((l) => l.kind === 'User');
    const withCert = h.talentlms.state.certificatesOf(u1.tlUserId);
    assert.ok(withCert.length >= 1, 'u1 earned a certificate earlier');
    const [first] = withCert;
    const courseId = first.course_id;
    h.talentlms.simulator.expireCertificate(u1.tlUserId, courseId);
    advance(h, 60_000);
    await runLearning(h);
    const expired = rows(certObject(u1), u1).find((r) => r[s.UserCertificate.f.CourseId] === courseId);
    assert.ok(expired, 'the expired certificate stays');
    assert.ok(Date.parse(String(expired[s.UserCertificate.f.ExpiresOn])) <= h.clock.now());

    advance(h, HOUR);
    h.talentlms.simulator.removeCertificate(u1.tlUserId, courseId);
    advance(h, 60_000);
    await runLearning(h);
    assert.equal(
      rows(certObject(u1), u1).filter((r) => r[s.UserCertificate.f.CourseId] === courseId).length,
      0,
      'the removed certificate is deleted'
    );
  });

  it('progress without a timeline event arrives with the course scan, on its cadence', async () => {
    const isOpen = (e: { completion_status: string }) => e.completion_status === 'incomplete';
    const c2 = learners
      .filter((l) => l.kind === 'Contact')
      .slice(5, -2)
      .find((l) => enrolments(l).some(isOpen));
    assert.ok(c2, 'a contact with an open enrolment');
    const target = enrolments(c2).find(isOpen);
    assert.ok(target, 'an open enrolment');
    advance(h, HOUR);
    h.talentlms.simulator.progress(c2.tlUserId, target.course_id, 63, 900);
    const quiet = await runLearning(h);
    assert.equal(quiet.summary.calls.byPhase.learners.talentlms, 0, 'no event names the learner');
    advance(h, 4 * HOUR);
    const scan = await runLearning(h);
    assert.ok(
      scan.summary.calls.byPhase.courseScan.talentlms >= 2,
      'the course scan ran (courses + courses/id)'
    );
    assert.equal(course(c2, target.course_id)[0][s.ContactCourse.f.CompletionPercent], 63);
    const next = await runLearning(h);
    assert.equal(next.summary.calls.byPhase.courseScan.talentlms, 0, 'not again before its interval');
  });

  it('an enrolment removed with no timeline event disappears within one reconciliation cycle', async () => {
    const [, , , , c5] = learners.filter((l) => l.kind === 'Contact');
    const unfinished = enrolments(c5).find((e) => e.completion_status !== 'completed');
    const gone = unfinished ?? enrolments(c5)[0];
    if (!unfinished) h.talentlms.simulator.reset(c5.tlUserId, gone.course_id);
    advance(h, HOUR);
    await runLearning(h);
    assert.equal(course(c5, gone.course_id).length, 1);
    h.talentlms.state.removeEnrollment(c5.tlUserId, gone.course_id);
    advance(h, HOUR);
    await runLearning(h);
    advance(h, 7 * 24 * HOUR);
    const run = await runLearning(h);
    assert.ok(
      run.summary.calls.byPhase.reconciliation.talentlms > 0,
      'the reconciliation slice read learners'
    );
    assert.equal(course(c5, gone.course_id).length, 0, 'removed within one cycle');
  });

  it('UNABLE_TO_LOCK_ROW is retried with backoff within the run', async () => {
    advance(h, HOUR);
    const [, , , , , , , , u9] = learners.filter((l) => l.kind === 'User');
    const courseId = notEnrolled(u9);
    h.talentlms.simulator.enrol(u9.tlUserId, courseId);
    advance(h, 60_000);
    h.salesforce.faults.add({
      kind: 'lockError',
      route: `/composite/sobjects/${s.UserCourse.name}`,
      times: 1
    });
    const startedAt = h.clock.now();
    const run = await runLearning(h);
    h.salesforce.faults.clear();
    assert.equal(run.exitCode, 0, JSON.stringify(run.summary.error));
    assert.equal(course(u9, courseId).length, 1, 'written on the retry');
    assert.ok(h.clock.now() > startedAt, 'the backoff waited on the shared clock');
  });

  it('a learner whose write failed stays in an open issue and is retried next run', async () => {
    advance(h, HOUR);
    const [, , , , , u6] = learners.filter((l) => l.kind === 'User');
    const courseId = notEnrolled(u6);
    h.talentlms.simulator.enrol(u6.tlUserId, courseId);
    advance(h, 60_000);
    h.salesforce.faults.add({ kind: 'lockError', route: `/composite/sobjects/${s.UserCourse.name}` });
    const failed = await runLearning(h);
    h.salesforce.faults.clear();
    assert.equal(failed.exitCode, 1, 'partial');
    assert.equal(course(u6, courseId).length, 0);
    const open = h.salesforce.store.query(
      `SELECT Id FROM ${s.SyncIssue.name} WHERE ${s.SyncIssue.f.Code} = 'LEARNING_WRITE_FAILED' AND ${s.SyncIssue.f.Status} = 'Open' AND ${s.SyncIssue.f.SalesforceId} = '${u6.personId}'`
    );
    assert.equal(open.length, 1, 'the learner has an open issue');

    advance(h, HOUR);
    const retried = await runLearning(h);
    assert.equal(course(u6, courseId).length, 1, 'retried although the watermark moved on');
    assert.ok(retried.summary.issues.closed >= 1, 'the issue closed');
  });

  it('nothing is lost across an interrupted run', async () => {
    advance(h, HOUR);
    const [, , , , , , u7] = learners.filter((l) => l.kind === 'User');
    const courseId = notEnrolled(u7);
    h.talentlms.simulator.enrol(u7.tlUserId, courseId);
    advance(h, 60_000);
    h.talentlms.faults.add({ kind: 'status', status: 429, route: '/api/v1/users' });
    const stopped = await runLearning(h);
    h.talentlms.faults.clear();
    assert.equal(stopped.exitCode, 3, 'the quota stop ends the run');
    assert.equal(course(u7, courseId).length, 0);
    advance(h, HOUR);
    await runLearning(h);
    assert.equal(course(u7, courseId).length, 1, 'the next run picks the event up again');
  });

  it('merged and deleted Contacts: records move to the survivor, or are removed; never fatal', async () => {
    advance(h, HOUR);
    const contacts = learners.filter((l) => l.kind === 'Contact');
    const merged = contacts[contacts.length - 1];
    const deleted = contacts[contacts.length - 2];
    const survivor = contacts[0].personId;
    assert.ok(rows(courseObject(merged), merged).length > 0);
    h.salesforce.store.merge('Contact', survivor, [merged.personId]);
    h.salesforce.store.delete([deleted.personId]);
    const run = await runLearning(h);
    assert.equal(run.summary.error, null);
    const moved = rows(courseObject(merged), merged);
    assert.ok(moved.length > 0);
    for (const r of moved) assert.equal(r[s.ContactCourse.f.Contact], survivor);
    assert.equal(rows(courseObject(deleted), deleted).length, 0, 'the deleted Contact’s records are removed');
    const codes = h.salesforce.store
      .query(`SELECT ${s.SyncIssue.f.Code} FROM ${s.SyncIssue.name}`)
      .map((r) => r[s.SyncIssue.f.Code]);
    assert.ok(codes.includes('LEARNING_CONTACT_MERGED') && codes.includes('LEARNING_CONTACT_DELETED'));
  });

  it('a deleted TalentLMS user: records follow the unenrolment rule, with an issue', async () => {
    advance(h, HOUR);
    const [, , , , , , , u8] = learners.filter((l) => l.kind === 'User');
    const courseId = notEnrolled(u8);
    h.talentlms.simulator.enrol(u8.tlUserId, courseId);
    advance(h, 60_000);
    await runLearning(h);
    assert.equal(course(u8, courseId).length, 1);
    h.talentlms.state.removeUser(u8.tlUserId);
    advance(h, 8 * 24 * HOUR);
    const run = await runLearning(h, ['--full']);
    assert.equal(run.summary.error, null);
    assert.equal(course(u8, courseId).length, 0, 'the unfinished enrolment is removed');
    const codes = h.salesforce.store
      .query(
        `SELECT ${s.SyncIssue.f.Code} FROM ${s.SyncIssue.name} WHERE ${s.SyncIssue.f.SalesforceId} = '${u8.personId}'`
      )
      .map((r) => r[s.SyncIssue.f.Code]);
    assert.ok(codes.includes('LEARNING_TALENTLMS_USER_DELETED'));
  });
  it('a full pass (the Setup tab flag, or run --full) re-reads every learner within the budget and clears the flag', async () => {
    advance(h, HOUR);
    // Learners of Contacts deleted without a merge are not synced (their records were removed).
    const gone = new Set(
      h.salesforce.store
        .all('Contact', { includeDeleted: true })
        .filter((c) => c.IsDeleted === true && !c.MasterRecordId)
        .map((c) => String(c.Id))
    );
    const inScope = h.salesforce.store
      .query(
        `SELECT ${s.Learner.f.SalesforceId} FROM ${s.Learner.name} WHERE ${s.Learner.f.TalentLmsUserId} != null AND ${s.Learner.f.State} IN ('Synced', 'Error')`
      )
      .filter((r) => !gone.has(String(r[s.Learner.f.SalesforceId]))).length;
    const [state] = h.salesforce.store.query(`SELECT Id FROM ${s.SyncState.name}`);
    h.salesforce.store.update(s.SyncState.name, [
      {
        Id: state.Id,
        [s.SyncState.f.FullReconciliationRequested]: true,
        [s.SyncState.f.FullReconciliationRequestedAt]: new Date(h.clock.now()).toISOString()
      }
    ]);
    advance(h, 60_000);
    const run = await runLearning(h);
    assert.equal(run.summary.error, null);
    const reread = run.summary.calls.byPhase.reconciliation.talentlms;
    assert.equal(reread, inScope, 'every learner in scope re-read once');
    const [after] = h.salesforce.store.query(
      `SELECT ${s.SyncState.f.FullReconciliationRequested} FROM ${s.SyncState.name}`
    );
    assert.equal(after[s.SyncState.f.FullReconciliationRequested], false, 'the flag is cleared');
    advance(h, HOUR);
    const next = await runLearning(h);
    assert.ok(next.summary.calls.byPhase.reconciliation.talentlms < 10, 'then back to a small slice');
    const forced = await runLearning(h, ['--full']);
    assert.ok(
      forced.summary.calls.byPhase.reconciliation.talentlms >= inScope - 2,
      'run --full forces a pass'
    );
  });

  it('a deleted TalentLMS course: the course scan applies the unenrolment rule and raises an issue', async () => {
    advance(h, HOUR);
    const linkedOn = (courseId: string, done: boolean) =>
      learners.find(
        (l) =>
          enrolments(l).some(
            (e) => e.course_id === courseId && (e.completion_status === 'completed') === done
          ) && course(l, courseId).length === 1
      );
    const target = liveCourses().find((c) => linkedOn(c.id, true) && linkedOn(c.id, false));
    assert.ok(target, 'a course with a finished and an unfinished linked learner');
    const finished = linkedOn(target.id, true) as Learner;
    const unfinished = linkedOn(target.id, false) as Learner;
    const response = await fetch(`${h.talentlms.baseUrl}/api/v1/deletecourse`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${h.talentlms.apiKey}:`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded'
      },
      body: `course_id=${target.id}`
    });
    assert.equal(response.status, 200, await response.text());
    advance(h, 4 * HOUR);
    const run = await runLearning(h);
    assert.equal(run.summary.error, null);
    assert.ok(run.summary.calls.byPhase.courseScan.talentlms > 0, 'the course scan ran');
    assert.equal(course(finished, target.id).length, 1, 'the completed record stays as history');
    assert.equal(course(unfinished, target.id).length, 0, 'the unfinished record is removed');
    const issues = h.salesforce.store.query(
      `SELECT ${s.SyncIssue.f.Message} FROM ${s.SyncIssue.name} WHERE ${s.SyncIssue.f.Code} = 'LEARNING_COURSE_DELETED'`
    );
    assert.ok(issues.some((i) => String(i[s.SyncIssue.f.Message]).includes(`course ${target.id} `)));
  });

  it('timeline overflow (more than 200 new entries) triggers the course scan in the same run', async () => {
    advance(h, HOUR);
    const courseIds = liveCourses().map((c) => c.id);
    let enrolled = 0;
    const picked: Array<{ l: Learner; courseId: string }> = [];
    for (const l of learners) {
      if (h.talentlms.state.users.get(l.tlUserId)?.deleted !== false) continue;
      for (const courseId of courseIds) {
        if (enrolled >= 210) break;
        if (h.talentlms.state.getEnrollment(l.tlUserId, courseId)) continue;
        h.talentlms.simulator.enrol(l.tlUserId, courseId);
        picked.push({ l, courseId });
        enrolled += 1;
      }
    }
    assert.ok(enrolled > 200, `enough enrolments for an overflow (${enrolled})`);
    advance(h, 60_000);
    const run = await runLearning(h);
    assert.ok(
      run.summary.warnings.some((w) => /overflow/i.test(w)),
      'the overflow is reported'
    );
    assert.ok(run.summary.calls.byPhase.courseScan.talentlms > 0, 'the course scan ran');
    for (const { l, courseId } of picked)
      assert.equal(course(l, courseId).length, 1, `${l.tlUserId}/${courseId}`);
  });
});

async function removeFromCourse(h: Harness, userId: string, courseId: string): Promise<void> {
  const response = await fetch(
    `${h.talentlms.baseUrl}/api/v1/removeuserfromcourse/user_id:${userId},course_id:${courseId}`,
    { headers: { authorization: `Basic ${Buffer.from(`${h.talentlms.apiKey}:`).toString('base64')}` } }
  );
  assert.equal(response.status, 200, await response.text());
}
