import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../../sync/src/core/clock';
import { readSettings } from '../../sync/src/settings';
import { startHarness, type Harness } from '../harness';
import { control, salesforceQuery, salesforceToken, talentlms } from './support';

/**
 * The in-process harness and its control API, over real HTTP on 127.0.0.1: a linked demo seed, the clock, the
 * learning simulator, call counters, faults, portal modes and reset.
 */
describe('harness with the linked demo seed', () => {
  let h: Harness;
  let url: string;
  const start = Date.UTC(2026, 10, 25, 9, 0, 0);

  before(async () => {
    h = await startHarness({ seed: 'demo', linked: true, clock: new ManualClock(start), manifestDir: false });
    url = h.control?.url ?? '';
  });
  after(async () => {
    await h?.close();
  });

  it('serves the seed through both APIs, with active settings and the first sync in Salesforce', async () => {
    const token = await salesforceToken(h.env);
    const learners = await salesforceQuery(h.env, token, 'SELECT COUNT() FROM tlms__Learner__c');
    assert.equal(learners.status, 200);
    assert.equal(learners.body.totalSize, h.seed.linked?.learners.length);
    const settings = await salesforceQuery(
      h.env,
      token,
      'SELECT tlms__ActiveJson__c FROM tlms__ConnectorSettings__c'
    );
    const json = String(settings.body.records?.[0]?.tlms__ActiveJson__c);
    assert.equal(readSettings(json).ok, true, 'the active settings are valid');

    const tlLearner = h.manifest.talentlmsPersonas.learner;
    assert.ok(tlLearner, 'the learner persona has a TalentLMS user in a linked seed');
    const user = await talentlms<{ email: string; courses: unknown[] }>(h.env, `users/id:${tlLearner}`);
    assert.equal(user.status, 200);
    const sfLearner = h.world.salesforce.users.find((u) => u.Id === h.manifest.personas.learner);
    assert.equal(user.body.email, sfLearner?.Email);
    assert.ok(user.body.courses.length > 0, 'the learner has courses');

    const calls = await control<{
      salesforce: { total: number; tokens: number };
      talentlms: { total: number; byRoute: Record<string, number> };
    }>(url, 'GET', '/calls');
    assert.equal(calls.body.salesforce.total, 2, 'two queries');
    assert.equal(calls.body.salesforce.tokens, 1, 'the token request is counted apart');
    assert.equal(calls.body.talentlms.total, 1);
  });

  it('advances the shared clock, and simulator steps land on the timeline at that time', async () => {
    const advanced = await control<{ now: number }>(url, 'POST', '/clock/advance', { hours: 1, minutes: 30 });
    assert.equal(advanced.status, 200);
    assert.equal(advanced.body.now, start + 90 * 60_000);
    assert.equal(h.talentlms.clock.now(), start + 90 * 60_000, 'TalentLMS runs on the same clock');
    assert.equal(h.salesforce.clock.now(), start + 90 * 60_000, 'Salesforce runs on the same clock');

    const userId = String(h.manifest.talentlmsPersonas.learner);
    const open = h.talentlms.state
      .enrollmentsOfUser(userId)
      .find((e) => e.role === 'learner' && e.completion_status !== 'completed');
    const courseId = open?.course_id ?? h.manifest.talentlmsPersonas.courseId;
    const steps = open ? [] : [{ action: 'enrol', userId, courseId }];
    const result = await control(url, 'POST', '/simulator', {
      steps: [
        ...steps,
        { action: 'progress', userId, courseId, percentage: 60, seconds: 600 },
        { action: 'complete', userId, courseId }
      ]
    });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    const timeline = await talentlms<Array<{ unix_timestamp: string; user_id: string }>>(
      h.env,
      `gettimeline/event_type:course_completion,user_id:${userId}`
    );
    assert.equal(timeline.status, 200);
    assert.equal(timeline.body.length, 1);
    assert.equal(Number(timeline.body[0].unix_timestamp), Math.floor((start + 90 * 60_000) / 1000));

    const rejected = await control<{ error: { code: string; message: string } }>(url, 'POST', '/simulator', {
      action: 'complete',
      userId: 999999,
      courseId: 1
    });
    assert.equal(rejected.status, 400);
    assert.equal(rejected.body.error.code, 'SIMULATOR_REJECTED');
    assert.match(rejected.body.error.message, /999999/);
  });

  it('injects faults per side and route, counts them, and clears them', async () => {
    await control(url, 'POST', '/calls/reset', {});
    const added = await control<{ faults: Array<{ side: string; id: number }> }>(url, 'POST', '/faults', {
      side: 'talentlms',
      kind: 'status',
      status: 503,
      times: 1,
      route: 'siteinfo'
    });
    assert.equal(added.status, 200);
    assert.equal((await talentlms(h.env, 'siteinfo')).status, 503, 'the fault applies to its route');
    assert.equal((await talentlms(h.env, 'siteinfo')).status, 200, 'once');
    await control(url, 'POST', '/faults', {
      side: 'salesforce',
      kind: 'status',
      status: 500,
      route: '/query'
    });
    const token = await salesforceToken(h.env);
    assert.equal((await salesforceQuery(h.env, token, 'SELECT Id FROM User LIMIT 1')).status, 500);
    const calls = await control<{
      salesforce: { byStatus: Record<string, number> };
      talentlms: { total: number; byStatus: Record<string, number> };
    }>(url, 'GET', '/calls');
    assert.equal(calls.body.talentlms.total, 2);
    assert.equal(calls.body.talentlms.byStatus['503'], 1, '5xx answers count as calls');
    assert.equal(calls.body.salesforce.byStatus['500'], 1);
    const listed = await control<{ salesforce: Array<{ id: number }> }>(url, 'GET', '/faults');
    const id = listed.body.salesforce[0].id;
    assert.equal((await control(url, 'DELETE', `/faults/salesforce/${id}`)).status, 200);
    assert.equal((await salesforceQuery(h.env, token, 'SELECT Id FROM User LIMIT 1')).status, 200);
    assert.equal((await control(url, 'DELETE', `/faults/salesforce/${id}`)).status, 404);
    const bad = await control<{ error: { code: string } }>(url, 'POST', '/faults', { kind: 'explode' });
    assert.equal(bad.body.error.code, 'BAD_FAULT');
  });

  it('latency faults wait on the shared clock; token expiry and lock errors reach the Salesforce API', async () => {
    await control(url, 'POST', '/faults', { side: 'talentlms', kind: 'latency', ms: 5000, times: 1 });
    let answered = false;
    const pending = talentlms(h.env, 'siteinfo').then((answer) => {
      answered = true;
      return answer;
    });
    // The request sleeps on the clock, which nobody advances: it stays unanswered however long real time runs.
    const clock = h.clock as ManualClock;
    for (let i = 0; i < 200 && clock.pendingSleepers === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.ok(clock.pendingSleepers > 0, 'the request waits on the shared clock');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(answered, false);
    await control(url, 'POST', '/clock/advance', { seconds: 5 });
    assert.equal((await pending).status, 200);

    const token = await salesforceToken(h.env);
    await control(url, 'POST', '/faults', { side: 'salesforce', kind: 'tokenExpiry', times: 1 });
    const expired = await salesforceQuery(h.env, token, 'SELECT Id FROM User LIMIT 1');
    assert.equal(expired.status, 401);
    const fresh = await salesforceToken(h.env);
    const learner = h.salesforce.store.all('Learner__c')[0];
    await control(url, 'POST', '/faults', { side: 'salesforce', kind: 'lockError', times: 1 });
    const res = await fetch(`${h.env.TLMS_SF_INSTANCE_URL}/services/data/v65.0/composite/sobjects`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${fresh}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        allOrNone: false,
        records: [{ attributes: { type: 'tlms__Learner__c' }, Id: learner.Id, tlms__Points__c: 5 }]
      })
    });
    const results = (await res.json()) as Array<{ success: boolean; errors: Array<{ statusCode: string }> }>;
    assert.equal(results[0].success, false);
    assert.equal(results[0].errors[0].statusCode, 'UNABLE_TO_LOCK_ROW');
    await control(url, 'POST', '/faults/clear', {});
  });

  it('changes portal modes and the plan, and exhausts the quota', async () => {
    const portal = await control<{ portal: { signupCreatesInactive: boolean } }>(
      url,
      'POST',
      '/talentlms/portal',
      { signupCreatesInactive: true, strongPasswords: true }
    );
    assert.equal(portal.body.portal.signupCreatesInactive, true);
    assert.equal(h.talentlms.settings.portal.strongPasswords, true);
    const plan = await control<{ plan: { hourlyLimit: number } }>(url, 'POST', '/talentlms/plan', {
      hourlyLimit: 10000,
      name: 'Grow'
    });
    assert.equal(plan.body.plan.hourlyLimit, 10000);
    await control(url, 'POST', '/talentlms/ratelimit/exhaust');
    assert.equal((await talentlms(h.env, 'siteinfo')).status, 429);
    await control(url, 'POST', '/talentlms/ratelimit/reset');
    assert.equal((await talentlms(h.env, 'siteinfo')).status, 200);
  });

  it('resets both sides to the seed (the clock keeps its time)', async () => {
    const clockBefore = h.clock.now();
    h.salesforce.store.insert('SyncIssue__c', [{ Name: 'x', IssueKey__c: 'k', SalesforceId__c: 'x' }]);
    const before = await control<{ salesforce: Record<string, number>; talentlms: Record<string, number> }>(
      url,
      'GET',
      '/state'
    );
    assert.equal(before.body.salesforce.SyncIssue__c, 1);
    assert.ok(before.body.talentlms.timelineEvents > 0);
    const reset = await control<{ salesforce: Record<string, number>; talentlms: Record<string, number> }>(
      url,
      'POST',
      '/state/reset'
    );
    assert.equal(reset.status, 200);
    assert.equal(reset.body.salesforce.SyncIssue__c, 0);
    assert.equal(reset.body.salesforce.Learner__c, h.seed.linked?.learners.length);
    assert.equal(reset.body.talentlms.timelineEvents, 0);
    assert.equal(h.talentlms.settings.portal.signupCreatesInactive, false, 'portal modes back to the start');
    const calls = await control<{ talentlms: { total: number } }>(url, 'GET', '/calls');
    assert.equal(calls.body.talentlms.total, 0);
    assert.equal(h.clock.now(), clockBefore);
    assert.equal((await talentlms(h.env, `users/id:${h.manifest.talentlmsPersonas.learner}`)).status, 200);
  });

  it('answers loopback clients only, with JSON errors for unknown routes, methods and bodies', async () => {
    const foreign = await control<{ error: { code: string } }>(url, 'GET', '/health', undefined, {
      origin: 'https://evil.example'
    });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.body.error.code, 'LOOPBACK_ONLY');
    assert.equal((await control(url, 'GET', '/nope')).status, 404);
    assert.equal((await control(url, 'GET', '/clock/advance')).status, 405);
    const res = await fetch(`${url}/clock/advance`, { method: 'POST', body: '{oops' });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'BAD_JSON');
    const back = await control<{ error: { code: string } }>(url, 'POST', '/clock/set', {
      iso: '2020-01-01T00:00:00Z'
    });
    assert.equal(back.body.error.code, 'CLOCK_BACKWARDS');
    const index = await control<{ routes: Array<{ path: string }> }>(url, 'GET', '/');
    assert.ok(index.body.routes.some((r) => r.path === '/clock/advance'));
  });
});

describe('the committed demo manifest', () => {
  it('is what a demo start writes (regenerate: npm run -s emulators -- --seed demo, then Ctrl-C)', async () => {
    const h = await startHarness({
      seed: 'demo',
      clock: new ManualClock(),
      manifestDir: false,
      control: false
    });
    try {
      const committed = JSON.parse(
        readFileSync(join(__dirname, '..', 'seeds', 'demo.manifest.json'), 'utf8')
      ) as unknown;
      assert.deepEqual(committed, h.manifest);
    } finally {
      await h.close();
    }
  });
});

describe('a fixed port base', () => {
  it('puts control on P, TalentLMS on P+1, Salesforce on P+2 and its login stand-in on P+3', async () => {
    // A port the system just handed out; the three above it are almost always free too.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
    const base = Math.min((probe.address() as { port: number }).port, 65532);
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const h = await startHarness({
      seed: 'demo',
      clock: new ManualClock(),
      manifestDir: false,
      portBase: base
    });
    try {
      const portOf = (url: string | undefined) => Number(new URL(url ?? '').port);
      assert.equal(portOf(h.control?.url), base, 'control API');
      assert.equal(portOf(h.env.TLMS_BASE_URL), base + 1, 'TalentLMS');
      assert.equal(portOf(h.env.TLMS_SF_INSTANCE_URL), base + 2, 'Salesforce My Domain');
      assert.equal(portOf(h.salesforce.loginUrl), base + 3, 'Salesforce login stand-in');
      const token = await salesforceToken(h.env);
      assert.ok(token.length > 0, 'the fixed Salesforce port serves the token endpoint');
    } finally {
      await h.close();
    }
  });
});
