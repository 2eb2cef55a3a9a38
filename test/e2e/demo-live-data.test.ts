import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Harness } from '../../emulators/harness';
import { ControlClient } from '../../scripts/demo/control';
import { serveDemoPreview, type DemoPreview } from '../../scripts/demo/serve';
import { runSync, simulateLearning, startDemoEmulators, type SyncResult } from '../../scripts/demo/session';
import { launchBrowser, screenshotPath, type Browser } from './support/chromium';
import {
  ROOT,
  apexOver,
  ensureBundle,
  labelApiNames,
  leakedLabelNames,
  waitForCount,
  waitForText,
  watchPage
} from './support/preview';

/** The README's screenshots: taken here, from data that came through two real syncs of the demo. */
const DOC_IMAGES: Record<string, string> = {
  'demo-my-learning': 'my-learning',
  'demo-team-members': 'team-members',
  'demo-account-learning-activity': 'account-learning-activity'
};

const quiet = { write: () => true };

// What `npm run demo` serves, in Chromium: the demo seed, the real tlms-sync run, learning made through the
// emulators' control API, the second run, then the preview reading the same live emulator store.
describe('the demo’s dashboards, live from the emulators', { timeout: 300_000 }, () => {
  let harness: Harness;
  let preview: DemoPreview;
  let browser: Browser;
  let control: ControlClient;
  const runs: SyncResult[] = [];
  const labelNames = labelApiNames();

  const sync = async (): Promise<SyncResult> => {
    const result = await runSync(harness, { out: quiet, log: quiet });
    runs.push(result);
    return result;
  };

  before(async () => {
    ensureBundle();
    harness = await startDemoEmulators();
    control = new ControlClient(harness.control?.url);
    await sync();
    await simulateLearning(harness);
    await sync();
    preview = await serveDemoPreview(harness, { root: ROOT, port: 0, portExplicit: true, log: () => {} });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await preview?.close();
    await harness?.close();
    // TLMS_UPDATE_DOC_IMAGES=1 refreshes the README's screenshots from this run.
    if (process.env.TLMS_UPDATE_DOC_IMAGES === '1') {
      mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
      for (const [shot, image] of Object.entries(DOC_IMAGES))
        copyFileSync(screenshotPath(shot), join(ROOT, 'docs/images', `${image}.png`));
    }
  });

  const link = (persona: string, page: string) => {
    const found = preview.links.find((each) => each.persona === persona && each.page.startsWith(page));
    assert.ok(found, `the demo prints a link to ${page} as ${persona}`);
    return found.url;
  };

  async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.context.newPage();
    const problems = watchPage(page);
    await page.goto(url);
    return { page, problems };
  }

  async function finish(page: Page, problems: string[]): Promise<void> {
    assert.deepEqual(await leakedLabelNames(page, labelNames), [], 'no text equals a custom label API name');
    assert.deepEqual(
      await page.evaluate('window.__previewErrors || []'),
      [],
      'no component failed to render'
    );
    assert.deepEqual(problems, [], 'the page logged no errors');
    await page.close();
  }

  const learnerId = () => harness.manifest.personas.learner;
  const learnerCourses = () =>
    harness.salesforce.store.all('UserCourse__c').filter((each) => each.tlms__User__c === learnerId());
  const myCourseRows = (page: Page) => page.locator('c-course-progress-table lightning-datatable tbody tr');

  it('both demo runs succeeded and wrote learning', () => {
    assert.deepEqual(
      runs.map((run) => run.exitCode),
      [0, 0]
    );
    assert.ok(runs[0].summary.counts.created > 0, 'the first run provisioned');
    assert.ok(runs[1].summary.counts.coursesUpserted > 0, 'the second run brought learning back');
  });

  it('My Learning shows every course the learner’s syncs wrote, the one started between runs included', async () => {
    const courses = learnerCourses();
    assert.ok(courses.length >= 3, `the learner has synced courses (${courses.length})`);
    const { page, problems } = await open(link('learner', 'My Learning'));
    const rows = myCourseRows(page);
    await waitForCount(rows, courses.length);
    const text = await page.locator('c-course-progress-table').innerText();
    for (const course of courses) assert.ok(text.includes(String(course.tlms__CourseName__c)));
    // The demo enrolled the learner in two courses between the runs: run 2 brought them back.
    const learner = await control.talentlmsUser(String(harness.manifest.talentlmsPersonas.learner));
    assert.equal(courses.length, learner.enrollments.filter((e) => e.role === 'learner').length);
    const chartLabel = await page
      .locator('c-status-donut svg[role="img"]')
      .first()
      .getAttribute('aria-label');
    assert.ok(chartLabel && /\d/.test(chartLabel), `the chart has an accessible label (${chartLabel})`);
    await page.screenshot({ path: screenshotPath('demo-my-learning'), fullPage: true });
    await finish(page, problems);
  });

  it('Team Members lists the manager’s reports with their synced learning', async () => {
    const managerId = harness.manifest.personas.manager;
    const users = harness.salesforce.store.all('User').filter((user) => user.IsActive !== false);
    // Active users below the manager on the ManagerId chain (the Apex selector stops at five levels).
    const team = new Set<string>();
    let level = [managerId];
    for (let depth = 0; depth < 5 && level.length > 0; depth++) {
      level = users.filter((user) => level.includes(String(user.ManagerId))).map((user) => String(user.Id));
      level.forEach((id) => team.add(id));
    }
    const nameOf = (user: (typeof users)[number]) => String(user.Name);
    const inTeam = new Set(users.filter((user) => team.has(String(user.Id))).map(nameOf));
    const direct = users.filter((user) => user.ManagerId === managerId).map(nameOf);
    assert.ok(direct.length > 0 && direct.length <= 25, 'the manager persona has one page of direct reports');
    const { page, problems } = await open(link('manager', 'Team Members'));
    const rows = page.locator('c-learner-rows-table lightning-datatable tbody tr');
    await waitForText(rows.first(), (text) => text !== '');
    const shown: string[] = [];
    for (let index = 0; index < (await rows.count()); index++)
      shown.push((await rows.nth(index).locator('th, td').first().innerText()).trim());
    for (const name of shown) assert.ok(inTeam.has(name), `${name} reports to the manager`);
    for (const name of direct) assert.ok(shown.includes(name), `direct report ${name} is listed`);
    await page.screenshot({ path: screenshotPath('demo-team-members'), fullPage: true });
    await finish(page, problems);
  });

  it('Account Learning Activity shows the account’s contacts and their synced learning', async () => {
    const accountId = String(harness.manifest.personas.account);
    const account = harness.salesforce.store.all('Account').find((each) => each.Id === accountId);
    const contacts = harness.salesforce.store.all('Contact').filter((each) => each.AccountId === accountId);
    const learning = harness.salesforce.store
      .all('ContactCourse__c')
      .filter((each) => each.tlms__Account__c === accountId);
    assert.ok(account && contacts.length > 0 && learning.length > 0, 'the account has contacts who learn');
    const { page, problems } = await open(link('manager', 'Account Learning Activity'));
    const rows = page.locator('c-learner-rows-table lightning-datatable tbody tr');
    await waitForText(rows.first(), (text) => text !== '');
    assert.equal(await page.locator('[data-id="page-title"]').innerText(), account.Name);
    const chartLabel = await page
      .locator('c-status-donut svg[role="img"]')
      .first()
      .getAttribute('aria-label');
    assert.ok(chartLabel, 'the account chart has an accessible label');
    await page.screenshot({ path: screenshotPath('demo-account-learning-activity'), fullPage: true });
    await finish(page, problems);
  });

  it('a course the learner completes in TalentLMS shows as Completed on My Learning after the next run', async () => {
    const tlLearner = String(harness.manifest.talentlmsPersonas.learner);
    const openCourse = (await control.talentlmsUser(tlLearner)).enrollments.find(
      (e) => e.role === 'learner' && e.completion_status !== 'completed'
    );
    assert.ok(openCourse, 'the learner persona has an open course');
    const record = learnerCourses().find((each) => each.tlms__CourseId__c === openCourse.course_id);
    assert.ok(record, 'the open course was synced to Salesforce');
    const courseName = String(record.tlms__CourseName__c);
    assert.notEqual(record.tlms__Status__c, 'Completed');

    const { page, problems } = await open(link('learner', 'My Learning'));
    const row = myCourseRows(page).filter({ hasText: courseName });
    await waitForCount(row, 1);
    assert.doesNotMatch(await row.innerText(), /Completed|100%/);

    await control.post('/simulator', {
      action: 'complete',
      userId: tlLearner,
      courseId: openCourse.course_id
    });
    // TalentLMS knows; Salesforce does not until a run brings it back.
    await page.reload();
    await waitForCount(row, 1);
    assert.doesNotMatch(await row.innerText(), /Completed/, 'nothing reaches the page without a sync');

    const run = await sync();
    assert.equal(run.exitCode, 0, JSON.stringify(run.summary.error));
    assert.ok(run.summary.counts.coursesUpserted >= 1, JSON.stringify(run.summary.counts));
    await page.reload();
    await waitForText(row, (text) => /Completed/.test(text));
    assert.match(await row.innerText(), /100%/);
    await page.screenshot({ path: screenshotPath('demo-my-learning-after-sync'), fullPage: true });
    await finish(page, problems);
  });
  it('what an admin does in the Setup and Sync Health tabs reaches the next tlms-sync run', async () => {
    const apex = (path: string, params: unknown = {}) =>
      apexOver(preview.server.url)(harness.manifest.personas.admin, path, params);
    const state = await apex('SetupController/getSettingsState');
    assert.equal(state.status, 200, JSON.stringify(state.body));
    const draft = JSON.parse(String(state.body.activeJson)) as { users: { groupField: string | null } };
    draft.users.groupField = draft.users.groupField === 'Title' ? 'Department' : 'Title';
    const saved = await apex('SetupController/saveDraft', {
      settingsJson: JSON.stringify(draft),
      baseVersion: state.body.draftVersion
    });
    assert.equal(saved.body.ok, true, JSON.stringify(saved.body));
    const requested = await apex('SyncHealthController/requestFullReconciliation');
    assert.equal(requested.status, 200, JSON.stringify(requested.body));

    const run = await sync();
    assert.equal(run.exitCode, 0, JSON.stringify(run.summary.error));
    const planRuns = harness.salesforce.store
      .all('SyncRun__c')
      .filter(
        (each) => each.tlms__Mode__c === 'Plan' && each.tlms__SettingsHash__c === saved.body.state.draftHash
      );
    assert.equal(planRuns.length, 1, 'the run stored the plan of the draft the admin saved in the preview');
    const plan = await apex('SetupController/getPlanPreview');
    assert.equal(plan.status, 200, JSON.stringify(plan.body));
    assert.ok(Array.isArray(plan.body.actions), 'the Setup tab shows that plan');
    const syncState = harness.salesforce.store.all('SyncState__c')[0];
    assert.notEqual(
      syncState.tlms__FullReconciliationRequested__c,
      true,
      'the requested full reconciliation ran and cleared the flag'
    );
    assert.ok(
      run.summary.calls.byPhase.reconciliation.talentlms > 0,
      'the run reconciled learners because the admin asked'
    );
  });
});
