import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/chromium';
import {
  RECORD_WINDOW_OPEN,
  ROOT,
  ensureBundle,
  labelApiNames,
  labelValue,
  leakedLabelNames,
  startFixturePreview,
  waitForCount,
  waitForText,
  watchPage,
  type FixturePreview
} from './support/preview';

// The real components from force-app, built by rollup, served with the built-in fixture org, in Chromium.
// Locators pierce the synthetic shadow roots; every wait is on the DOM, never on time.
describe('preview in Chromium', { timeout: 300_000 }, () => {
  let preview: FixturePreview;
  let browser: Browser;
  const labelNames = labelApiNames();

  before(async () => {
    ensureBundle();
    preview = await startFixturePreview();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await preview?.close();
    // TLMS_UPDATE_DOC_IMAGES=1 refreshes the admin pages' screenshots from this run (the README's My
    // Learning, Team Members and Account Learning Activity come from demo-live-data.test.ts: synced demo data).
    if (process.env.TLMS_UPDATE_DOC_IMAGES === '1') {
      mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
      for (const name of ['sync-health', 'setup']) {
        copyFileSync(screenshotPath(name), join(ROOT, 'docs/images', `${name}.png`));
      }
    }
  });

  async function open(persona: string, hash: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.context.newPage();
    await page.addInitScript(RECORD_WINDOW_OPEN);
    const problems = watchPage(page);
    await page.goto(`${preview.server.url}/?as=${persona}${hash}`);
    return { page, problems };
  }

  async function finish(page: Page, problems: string[], name: string): Promise<void> {
    await page.screenshot({ path: screenshotPath(name), fullPage: true });
    assert.deepEqual(await leakedLabelNames(page, labelNames), [], 'no text equals a custom label API name');
    const renderErrors = await page.evaluate('window.__previewErrors || []');
    assert.deepEqual(renderErrors, [], 'no component failed to render');
    assert.deepEqual(problems, [], 'the page logged no errors');
    await page.close();
  }

  /** Clicks the first sortable column header of a datatable (a second click reverses the order). */
  const sortFirstColumn = (table: Locator) =>
    table.locator('th').filter({ hasText: 'Sort by' }).first().locator('a').first().click();
  const firstCell = (rows: Locator) => rows.first().locator('th, td').first().innerText();

  it('My Learning shows the learner’s courses, certificates, badges and charts', async () => {
    const { page, problems } = await open('learner', '#/n/myLearning');
    const table = page.locator('c-course-progress-table lightning-datatable');
    const rows = table.locator('tbody tr');
    await waitForCount(rows, 3);
    assert.match(await page.locator('[data-id="page-title"]').innerText(), /My Learning/);
    assert.equal(await firstCell(rows), 'Apex Fundamentals');
    await sortFirstColumn(table);
    assert.equal(
      await waitForText(rows.first().locator('th, td').first(), (text) => text !== 'Apex Fundamentals'),
      'Security Awareness'
    );
    const chartLabel = await page
      .locator('c-status-donut svg[role="img"]')
      .first()
      .getAttribute('aria-label');
    assert.ok(chartLabel && /\d/.test(chartLabel), `the chart has an accessible label (${chartLabel})`);
    // Download opens the certificate's public URL.
    await page
      .getByRole('button', { name: labelValue('Learning_Certificate_Download') })
      .first()
      .click();
    const opened = await page.evaluate('window.__opened');
    assert.deepEqual(opened, ['https://acme.talentlms.com/certificate/public/CERT-0001']);
    await finish(page, problems, 'my-learning');
  });

  it('Team Members pages through the team, sorts, and opens a member’s dashboard', async () => {
    const { page, problems } = await open('manager', '#/n/teamMembers');
    const table = page.locator('c-learner-rows-table lightning-datatable');
    const rows = table.locator('tbody tr');
    await waitForCount(rows, 25);
    assert.match(await page.locator('c-pager .range').innerText(), /1.25.*28/);
    await page.screenshot({ path: screenshotPath('team-members'), fullPage: true });
    const first = await firstCell(rows);
    await sortFirstColumn(table);
    const reversed = await waitForText(rows.first().locator('th, td').first(), (text) => text !== first);
    assert.ok(reversed > first, `descending after the sort click (${first} → ${reversed})`);
    await page.getByRole('button', { name: labelValue('Learning_Pager_Next') }).click();
    await waitForCount(rows, 3);
    assert.match(await page.locator('c-pager .range').innerText(), /26.28.*28/);
    // Apex sorts the whole team, not the page: page 2 of the reversed order ends with page 1's first name
    assert.equal(await rows.last().locator('th, td').first().innerText(), first);
    await page.getByRole('button', { name: labelValue('Learning_Pager_Previous') }).click();
    await waitForCount(rows, 25);
    await sortFirstColumn(table);
    assert.equal(await waitForText(rows.first().locator('th, td').first(), (text) => text === first), first);
    await page.getByRole('button', { name: 'Ada Lovelace', exact: true }).first().click();
    const memberRows = page.locator('c-team-member-learning c-course-progress-table tbody tr');
    await waitForCount(memberRows, 3);
    assert.match(await page.locator('c-team-member-learning').innerText(), /Data Privacy Basics/);
    assert.equal(
      preview.server.calls.filter((call) => call.method === 'getMemberLearning').at(-1)?.status,
      200
    );
    await finish(page, problems, 'team-members-member');
  });

  it('a learner without reports sees an empty team, not an error', async () => {
    const { page, problems } = await open('learner', '#/n/teamMembers');
    await page.locator('c-team-members lightning-card').first().waitFor();
    await waitForCount(page.locator('c-team-members lightning-spinner'), 0);
    assert.equal(await page.locator('c-learner-rows-table tbody tr').count(), 0);
    assert.equal(await page.locator('c-error-panel').count(), 0);
    await finish(page, problems, 'team-members-empty');
  });

  it('Account Learning Activity pages the contacts and opens a contact', async () => {
    const { accountId } = preview.fixture.manifest.records;
    const { page, problems } = await open('manager', `#/r/Account/${accountId}/view`);
    const rows = page.locator('c-learner-rows-table lightning-datatable tbody tr');
    await waitForCount(rows, 50);
    assert.equal(await page.locator('[data-id="page-title"]').innerText(), 'Northwind Traders');
    const chartLabel = await page
      .locator('c-status-donut svg[role="img"]')
      .first()
      .getAttribute('aria-label');
    assert.ok(chartLabel, 'the account chart has an accessible label');
    await page.screenshot({ path: screenshotPath('account-learning-activity'), fullPage: true });
    await page.getByRole('button', { name: labelValue('Learning_Pager_Next') }).click();
    await waitForCount(rows, 5);
    await page.getByRole('button', { name: labelValue('Learning_Pager_Previous') }).click();
    await waitForCount(rows, 50);
    await page.getByRole('button', { name: 'Nancy Davolio', exact: true }).first().click();
    await waitForCount(page.locator('c-contact-learning-activity c-course-progress-table tbody tr'), 1);
    assert.match(await page.locator('c-contact-learning-activity').innerText(), /Product Onboarding/);
    await finish(page, problems, 'account-contact-drilldown');
  });

  it('Contact Learning Activity shows the contact’s courses on the record page', async () => {
    const { contactId } = preview.fixture.manifest.records;
    const { page, problems } = await open('manager', '#/n/myLearning');
    await page.locator('[data-nav="contact"]').click();
    await page.waitForURL((url) => url.hash.includes(String(contactId)));
    await waitForCount(page.locator('c-contact-learning-activity c-course-progress-table tbody tr'), 1);
    assert.equal(await page.locator('[data-id="page-title"]').innerText(), 'Nancy Davolio');
    assert.match(await page.locator('c-contact-learning-activity').innerText(), /Product Onboarding/);
    await finish(page, problems, 'contact-learning-activity');
  });

  it('the persona switcher signs in as someone else', async () => {
    const { page, problems } = await open('learner', '#/n/myLearning');
    await waitForCount(page.locator('c-course-progress-table tbody tr'), 3);
    await Promise.all([page.waitForURL(/as=manager/), page.selectOption('[data-id="persona"]', 'manager')]);
    await waitForText(page.locator('c-course-progress-table'), (text) => text.includes('Leading Teams'));
    const manager = preview.fixture.manifest.personas.find((persona) => persona.key === 'manager');
    assert.equal(preview.server.calls.at(-1)?.userId, manager?.userId, 'Apex now runs as the manager');
    await finish(page, problems, 'persona-switch');
  });

  it('the demo page proves navigation, getRecord, refreshApex and toasts', async () => {
    const { page, problems } = await open('learner', '#/n/previewDemo');
    const rows = page.locator('demo-course-list lightning-datatable tbody tr');
    await waitForCount(rows, 3);
    assert.equal(
      await waitForText(page.locator('[data-id="user-name"]'), (text) => text !== ''),
      'Ada Lovelace'
    );
    const callsBefore = preview.server.calls.length;
    await page.getByRole('button', { name: 'Refresh' }).click();
    assert.match(await waitForText(page.locator('[data-id="toast"]'), (text) => text !== ''), /3 courses/);
    assert.ok(preview.server.calls.length > callsBefore, 'refreshApex called the backend again');
    await page.getByRole('button', { name: 'Open' }).first().click();
    const navigations = (await page.evaluate('window.__previewNavigations')) as {
      pageRef: { type: string };
    }[];
    assert.equal(navigations.at(-1)?.pageRef.type, 'standard__recordPage');
    // A record page the preview has no page for says so instead of rendering nothing.
    await page.locator('[data-id="page-not-found"]').waitFor();
    await page.goBack();
    await waitForCount(rows, 3);
    await finish(page, problems, 'preview-demo');
  });

  it('Sync Health: an admin resolves an issue and requests a full reconciliation, and the org records both', async () => {
    const { page, problems } = await open('admin', '#/n/syncHealth');
    const resolve = page.getByRole('button', { name: labelValue('SyncHealth_Resolve') });
    await waitForCount(resolve, 2);
    await page.screenshot({ path: screenshotPath('sync-health'), fullPage: true });
    const issueId = preview.fixture.records.SyncIssue__c[0].Id;
    await resolve.first().click();
    await waitForCount(resolve, 1);
    const issue = (await preview.source.list('SyncIssue__c')).find((each) => each.Id === issueId);
    assert.equal(issue?.Status__c, 'ResolvedByAdmin');
    await page.getByRole('button', { name: labelValue('SyncHealth_RequestReconciliation') }).click();
    const requested = async () =>
      (await preview.source.list('SyncState__c'))[0]?.FullReconciliationRequested__c;
    for (let i = 0; i < 100 && (await requested()) !== true; i++) await page.waitForTimeout(50);
    assert.equal(await requested(), true, 'the runner will see the request');
    await finish(page, problems, 'sync-health-actions');
  });

  it('Setup: an admin edits the settings and saves a draft the runner can read', async () => {
    const { page, problems } = await open('admin', '#/n/setup');
    const save = page.getByRole('button', { name: labelValue('Setup_Save'), exact: true });
    await save.waitFor();
    await page.screenshot({ path: screenshotPath('setup'), fullPage: true });
    assert.equal(await save.isDisabled(), true, 'nothing to save before an edit');
    await page.getByRole('switch', { name: labelValue('Setup_Opt_AlwaysActivate') }).check({ force: true });
    await save.click();
    const settings = async () => (await preview.source.list('ConnectorSettings__c'))[0];
    for (let i = 0; i < 100 && (await settings())?.DraftVersion__c !== 2; i++) await page.waitForTimeout(50);
    const record = await settings();
    assert.equal(record?.DraftVersion__c, 2, 'the draft version went up');
    assert.equal(JSON.parse(String(record?.DraftJson__c)).special.alwaysActivate, true);
    assert.equal(
      JSON.parse(String(record?.ActiveJson__c)).special.alwaysActivate,
      false,
      'the active version is untouched'
    );
    await finish(page, problems, 'setup-draft-saved');
  });
});
