import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  diffLearner,
  type ExistingRecord,
  type LearnerLink,
  mapCourseEnrollments,
  mapUserLearning,
  normaliseStatus,
  sliceCount,
  startSlice,
  advanceCursor,
  readCursor,
  writeCursor,
  parseTimeline,
  readType,
  readWatermarks,
  toSalesforceRecord,
  writeWatermarks
} from '../src/core/learning';
import { badgeRecordKey, courseRecordKey } from '../src/core/keys';
import { bindSchema } from '../src/salesforce/schema';

const PORTAL = 'abcd1234';
const SYNCED = Date.UTC(2026, 0, 15, 10, 0, 0);
const options = {
  portalId: PORTAL,
  domain: 'acme.talentlms.com',
  syncedAt: SYNCED,
  switches: { courses: true, certificates: true, badges: true }
};
const contact: LearnerLink = {
  kind: 'Contact',
  salesforceId: '003000000000001AAA',
  accountId: '001000000000001AAA',
  learnerId: 'a01000000000001AAA',
  tlUserId: '7'
};
const user: LearnerLink = { ...contact, kind: 'User', salesforceId: '005000000000001AAA', accountId: null };

/** The reference's S1 sample, with a learner enrolment, an escaped name and an unseen status added. */
const S1 = {
  id: '7',
  level: '3',
  points: '120',
  courses: [
    {
      id: '1',
      name: 'Social media',
      role: 'instructor',
      enrolled_on: '06/09/2013, 13:24:52',
      enrolled_on_timestamp: '1378463092',
      completion_status: 'not_attempted',
      completion_percentage: '0',
      total_time_seconds: 451
    },
    {
      id: '19',
      name: 'Money &amp; debt &#36;',
      role: 'learner',
      enrolled_on: '06/09/2013, 13:24:52',
      enrolled_on_timestamp: '1378463092',
      completed_on: '07/09/2013, 10:00:00',
      completed_on_timestamp: '1378548000',
      completion_status: 'completed',
      completion_percentage: '100',
      expired_on: '',
      expired_on_timestamp: '',
      total_time: '8m 41s',
      total_time_seconds: 521
    },
    {
      id: '20',
      name: 'Odd',
      role: 'learner',
      enrolled_on_timestamp: 1378463092,
      completed_on_timestamp: null,
      completion_status: 'pending_review',
      completion_percentage: '12.5',
      expired_on_timestamp: '1400000000',
      total_time_seconds: 0
    }
  ],
  certifications: [
    {
      course_id: '19',
      course_name: 'Money &amp; debt',
      unique_id: '49471362567302',
      issued_date: '18/04/2013',
      issued_date_timestamp: 1366286579,
      expiration_date: 'Never',
      expiration_date_timestamp: 0,
      download_url: 'https://acme.talentlms.com/certificate/download/id:1',
      public_url: 'https://acme.talentlms.com/user/certification/sig:abc'
    }
  ],
  badges: [
    {
      name: 'Activity Newbie',
      type: 'activity',
      image_url: 'javascript:alert(1)',
      criteria: '4 logins',
      issued_on: '05/11/2014, 14:44:23',
      issued_on_timestamp: 1415191463,
      badge_set_id: '1'
    }
  ]
};

describe('learning mappers: users/id', () => {
  it('maps courses with decoded names, timestamp dates, the course link, and skips instructor enrolments', () => {
    const out = mapUserLearning(S1, contact, options);
    const courses = out.records.filter((r) => r.kind === 'course');
    assert.deepEqual(
      courses.map((c) => c.fields.CourseId),
      ['19', '20'],
      'the instructor enrolment (course 1) is skipped'
    );
    assert.equal(out.skippedInstructorEnrollments, 1);
    const money = courses[0];
    assert.equal(money.object, 'ContactCourse');
    assert.equal(money.key, courseRecordKey(PORTAL, '7', '19'));
    assert.equal(money.fields.CourseName, 'Money & debt $', 'named and numeric entities are decoded');
    assert.equal(money.fields.Status, 'Completed');
    assert.equal(money.fields.RawStatus, 'completed');
    assert.equal(money.fields.CompletionPercent, 100);
    assert.equal(money.fields.TimeSpentSeconds, 521);
    assert.equal(money.fields.EnrolledOn, new Date(1378463092000).toISOString());
    assert.equal(money.fields.CompletedOn, new Date(1378548000000).toISOString());
    assert.equal(money.fields.ExpiresOn, null, 'an empty timestamp is no date');
    assert.equal(money.fields.CourseUrl, 'https://acme.talentlms.com/learner/courseinfo/id:19');
    assert.equal(money.fields.Contact, contact.salesforceId);
    assert.equal(money.fields.Account, contact.accountId);
    assert.equal(money.fields.Learner, contact.learnerId);
    assert.equal(money.fields.LastSyncedAt, new Date(SYNCED).toISOString());
  });

  it('turns an unseen status into Unknown, keeps the raw value and reports it once', () => {
    const out = mapUserLearning(S1, contact, options);
    const odd = out.records.find((r) => r.fields.CourseId === '20' && r.kind === 'course');
    assert.equal(odd?.fields.Status, 'Unknown');
    assert.equal(odd?.fields.RawStatus, 'pending_review');
    assert.equal(odd?.fields.CompletionPercent, 12.5);
    assert.deepEqual(out.unknownStatuses, [{ courseId: '20', raw: 'pending_review' }]);
  });

  it('maps certificates (never-expiring = no date) and badges, with points and level', () => {
    const out = mapUserLearning(S1, user, options);
    const cert = out.records.find((r) => r.kind === 'certificate');
    assert.equal(cert?.object, 'UserCertificate');
    assert.equal(cert?.key, courseRecordKey(PORTAL, '7', '19'), 'keyed by learner + course');
    assert.equal(cert?.fields.CertificateId, '49471362567302');
    assert.equal(cert?.fields.IssuedOn, new Date(1366286579000).toISOString());
    assert.equal(cert?.fields.ExpiresOn, null, 'expiration_date_timestamp 0 means Never');
    assert.equal(cert?.fields.PublicUrl, 'https://acme.talentlms.com/user/certification/sig:abc');
    assert.equal(cert?.fields.User, user.salesforceId);
    assert.equal(cert?.fields.Contact, undefined, 'user records carry no contact link');
    const badge = out.records.find((r) => r.kind === 'badge');
    assert.equal(badge?.object, 'UserBadge');
    assert.equal(badge?.key, badgeRecordKey(PORTAL, '7', '1', 'activity', 'Activity Newbie'));
    assert.equal(badge?.fields.ImageUrl, null, 'a non-http image URL is not stored');
    assert.equal(badge?.fields.IssuedOn, new Date(1415191463000).toISOString());
    assert.equal(out.points, 120);
    assert.equal(out.level, 3);
  });

  it('honours the switches', () => {
    const out = mapUserLearning(S1, user, {
      ...options,
      switches: { courses: false, certificates: true, badges: false }
    });
    assert.deepEqual(
      out.records.map((r) => r.kind),
      ['certificate']
    );
  });

  it('resolves logical names through a bound schema (namespace composed)', () => {
    const [record] = mapUserLearning(S1, contact, options).records;
    const sf = toSalesforceRecord(record, bindSchema('tlms'));
    assert.equal(sf.tlms__ExternalKey__c, record.key);
    assert.equal(sf.tlms__Contact__c, contact.salesforceId);
    assert.equal(sf.tlms__Status__c, 'Completed');
  });
});

describe('learning mappers: status', () => {
  it('reads lower-case and capitalised values', () => {
    assert.equal(normaliseStatus('not_attempted').status, 'NotStarted');
    assert.equal(normaliseStatus('Not attempted').status, 'NotStarted');
    assert.equal(normaliseStatus('incomplete').status, 'InProgress');
    assert.equal(normaliseStatus('In progress').status, 'InProgress');
    assert.equal(normaliseStatus('Completed').status, 'Completed');
    assert.equal(normaliseStatus('failed').status, 'Failed');
    assert.equal(normaliseStatus('expired').status, 'Expired');
    assert.deepEqual(normaliseStatus(''), { status: 'Unknown', raw: '', known: false });
  });
});

describe('learning mappers: courses/id', () => {
  it('derives status from completed_on and progress, skips instructors and unlinked users', () => {
    const course = {
      id: '12',
      name: 'Intro &amp; more',
      users: [
        { id: '1', role: 'instructor', completion_percentage: '0', completed_on_timestamp: '' },
        {
          id: '7',
          role: 'learner',
          enrolled_on_timestamp: '1366019102',
          completed_on_timestamp: '',
          completion_percentage: '40',
          expired_on_timestamp: '',
          total_time_seconds: 484
        },
        { id: '8', role: 'learner', completed_on_timestamp: '1366019999', completion_percentage: '100' },
        { id: '99', role: 'learner', completion_percentage: '0' }
      ]
    };
    const links = new Map([
      ['1', { ...contact, tlUserId: '1' }],
      ['7', contact],
      ['8', { ...user, tlUserId: '8' }]
    ]);
    const out = mapCourseEnrollments(course, (id) => links.get(id), options);
    assert.deepEqual(
      out.map((e) => [e.tlUserId, e.derivedStatus]),
      [
        ['7', 'InProgress'],
        ['8', 'Completed']
      ]
    );
    assert.equal(out[0].record.key, courseRecordKey(PORTAL, '7', '12'));
    assert.equal(out[0].record.fields.CourseName, 'Intro & more');
    assert.equal(out[0].record.fields.CompletionPercent, 40);
    assert.equal(out[0].record.fields.TimeSpentSeconds, 484);
    assert.equal(out[1].record.object, 'UserCourse');
  });
});

describe('learning diff and the unenrolment rule', () => {
  const desired = mapUserLearning(S1, contact, options).records;
  const asExisting = (id: string, r: (typeof desired)[number]): ExistingRecord => ({
    id,
    object: r.object,
    key: r.key,
    fields: { ...r.fields, LastSyncedAt: '2020-01-01T00:00:00.000+0000' }
  });
  const all = new Set(['course', 'certificate', 'badge'] as const);

  it('writes nothing when Salesforce already holds the same values (formats differ, sync time ignored)', () => {
    const existing = desired.map((r, i) => {
      const e = asExisting(`id${i}`, r);
      if (e.fields.EnrolledOn)
        e.fields.EnrolledOn = String(e.fields.EnrolledOn).replace('.000Z', '.000+0000');
      return e;
    });
    const changes = diffLearner(desired, existing, 'keepCompleted', all);
    assert.deepEqual(changes.upserts, []);
    assert.deepEqual(changes.deletes, []);
  });

  it('writes only the changed record', () => {
    const existing = desired.map((r, i) => asExisting(`id${i}`, r));
    existing[0].fields.CompletionPercent = 50;
    const changes = diffLearner(desired, existing, 'keepCompleted', all);
    assert.deepEqual(
      changes.upserts.map((r) => r.key),
      [desired[0].key]
    );
  });

  const gone = (object: ExistingRecord['object'], status: string | null): ExistingRecord => ({
    id: `gone-${object}-${status}`,
    object,
    key: `${PORTAL}:7:555`,
    fields: { Status: status }
  });

  for (const [policy, object, status, expected] of [
    ['keepCompleted', 'ContactCourse', 'Completed', 'kept'],
    ['keepCompleted', 'ContactCourse', 'InProgress', 'deleted'],
    ['keepCompleted', 'ContactCourse', 'NotStarted', 'deleted'],
    ['keepCompleted', 'ContactCertificate', null, 'deleted'],
    ['keepCompleted', 'ContactBadge', null, 'deleted'],
    ['keepAll', 'ContactCourse', 'InProgress', 'kept'],
    ['keepAll', 'ContactCertificate', null, 'kept'],
    ['deleteAll', 'ContactCourse', 'Completed', 'deleted'],
    ['deleteAll', 'ContactBadge', null, 'deleted']
  ] as const) {
    it(`${policy}: a ${status ?? ''} ${object} TalentLMS no longer lists is ${expected}`, () => {
      const record = gone(object, status);
      const changes = diffLearner([], [record], policy, all);
      assert.equal(changes.deletes.includes(record), expected === 'deleted');
      assert.equal(changes.keptAsHistory.includes(record), expected === 'kept');
    });
  }

  it('leaves kinds that are switched off alone', () => {
    const record = gone('ContactCourse', 'InProgress');
    const changes = diffLearner(desired, [record], 'deleteAll', new Set(['badge'] as const));
    assert.deepEqual(changes.deletes, []);
    assert.ok(changes.upserts.every((r) => r.kind === 'badge'));
  });
});

describe('timeline watermarks', () => {
  const entry = (user: string, at: number, object = '5') => ({
    action: 'course_completion',
    user_id: user,
    object_id: object,
    unix_timestamp: String(Math.floor(at / 1000))
  });
  const W = Date.UTC(2026, 0, 15, 9, 0, 0);

  it('keeps entries after the watermark minus the overlap, once', () => {
    const entries = parseTimeline(
      [entry('3', W + 60_000), entry('2', W - 60_000), entry('1', W - 3_600_000)],
      'course_completion'
    );
    const first = readType(entries, W, new Set(), 10 * 60_000);
    assert.deepEqual(
      first.fresh.map((e) => e.userId),
      ['3', '2'],
      'inside the overlap window counts, older does not'
    );
    assert.equal(first.watermark, W + 60_000);
    assert.equal(first.overflow, false);
    const second = readType(entries, first.watermark, new Set(first.recent), 10 * 60_000);
    assert.deepEqual(second.fresh, [], 'the same entries are not handled twice');
  });

  it('detects overflow: 200 entries all newer than the watermark', () => {
    const body = Array.from({ length: 200 }, (_, i) => entry(String(i), W + (200 - i) * 1000));
    assert.equal(readType(parseTimeline(body, 'x'), W, new Set()).overflow, true);
    const older = [...body.slice(0, 199), entry('x', W - 1000)];
    assert.equal(readType(parseTimeline(older, 'x'), W, new Set()).overflow, false);
  });

  it('keeps the stored JSON within Watermarks__c even when every type is full', () => {
    const marks = readWatermarks('');
    for (let t = 0; t < 11; t += 1) {
      const body = Array.from({ length: 200 }, (_, i) => entry(String(i), W + i * 1000, String(t)));
      const reading = readType(parseTimeline(body, `type${t}`), W, new Set());
      marks.at[`type${t}`] = reading.watermark;
      for (const key of reading.recent) marks.recent.add(key);
    }
    assert.ok(writeWatermarks(marks).length < 32_768, `${writeWatermarks(marks).length} characters`);
  });

  it('round-trips the stored JSON and reads the seed format (type → ISO)', () => {
    const marks = readWatermarks(JSON.stringify({ course_completion: new Date(W).toISOString() }));
    assert.equal(marks.at.course_completion, W);
    marks.recent.add('abc');
    const again = readWatermarks(writeWatermarks(marks));
    assert.equal(again.at.course_completion, W);
    assert.deepEqual([...again.recent], ['abc']);
    assert.deepEqual(readWatermarks('not json').at, {});
  });
});

describe('reconciliation slice', () => {
  const day = 86_400_000;
  const base = { now: day, cycleMs: 7 * day, full: false, restart: false, maxCount: 10_000 };

  it('starts a cycle, then takes a share proportional to the elapsed cycle', () => {
    const start = startSlice({ ...base, cursor: readCursor(null), cycleStartedAt: null });
    assert.equal(start.newCycle, true, 'no cycle yet: a new one starts and the learners are counted');
    const counted = { ...start.cursor, total: 700 };
    assert.equal(sliceCount(counted, 0, base), 100, 'one day of seven: a seventh');
    const moved = advanceCursor(counted, 100, 100, 'a0100');
    assert.deepEqual(moved, { after: 'a0100', done: 100, total: 700 });
    const again = startSlice({
      ...base,
      now: 2 * day,
      cursor: readCursor(writeCursor(moved)),
      cycleStartedAt: 0
    });
    assert.equal(again.newCycle, false);
    assert.equal(sliceCount(again.cursor, 0, { ...base, now: 2 * day }), 100);
    assert.equal(sliceCount(again.cursor, 0, { ...base, now: 30 * day }), 600, 'never past the end');
  });

  it('covers everyone within one cycle and then starts a new one', () => {
    const end = advanceCursor({ after: 'a0100', done: 100, total: 700 }, 600, 600, 'a0700');
    const next = startSlice({ ...base, now: 8 * day, cursor: end, cycleStartedAt: 0 });
    assert.equal(next.newCycle, true);
    assert.equal(next.cycleStartedAt, 8 * day);
  });

  it('reaching the end early (learners left the scope) finishes the cycle', () => {
    const short = advanceCursor({ after: 'a0100', done: 100, total: 700 }, 50, 200, 'a0150');
    assert.equal(short.done, short.total);
  });

  it('a full pass takes everyone left, within the cap', () => {
    const cursor = { after: null, done: 0, total: 700 };
    assert.equal(sliceCount(cursor, 0, { ...base, now: 1, full: true, maxCount: 500 }), 500);
    assert.equal(sliceCount(cursor, 0, { ...base, now: 1, full: true }), 700);
  });
});
