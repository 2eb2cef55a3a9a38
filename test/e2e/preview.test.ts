import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshotPath, type Browser } from './support/chromium';
import {
  RECORD_WINDOW_OPEN,
  ensureBundle,
  labelApiNames,
  labelValue,
  leakedLabelNames,
  startFixturePreview,
  watchPage,
  type FixturePreview
} from './support/preview';

// The real components from force-app, built by rollup, served with the built-in fixture org, in Chromium.
describe('preview in Chromium', { timeout: 240_000 }, () => {
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
    await preview?.server.close();
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
    assert.deepEqual(
      await page.evaluate(() => (window as unknown as { __previewErrors?: unknown[] }).__previewErrors ?? []),
      []
    );
    assert.deepEqual(problems, [], 'the page logged no errors');
    await page.close();
  }

  it('My Learning shows the learner’s courses, certificates, badges and charts', async () => {
    const { page, problems } = await open('learner', '#/n/myLearning');
    const rows = page.locator('c-course-progress-table lightning-datatable tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 3, 'three courses');
    assert.match(await page.locator('[data-id="page-title"]').innerText(), /My Learning/);
    // Sorting by course name descending puts "Security Awareness" first.
    const firstCourse = () => rows.first().locator('th, td').first().innerText();
    assert.equal(await firstCourse(), 'Apex Fundamentals');
    await page
      .locator('c-course-progress-table lightning-datatable th')
      .first()
      .locator('a, button')
      .first()
      .click();
    await page.waitForFunction(
      () => !document.querySelector('c-course-progress-table tbody tr')?.textContent?.includes('Apex')
    );
    assert.equal(await firstCourse(), 'Security Awareness');
    // The donut chart names what it shows.
    const chartLabel = await page
      .locator('c-status-donut svg[role="img"]')
      .first()
      .getAttribute('aria-label');
    assert.ok(chartLabel && /\d/.test(chartLabel), `chart has an accessible label (${chartLabel})`);
    // Download opens the certificate's public URL.
    await page
      .getByRole('button', { name: labelValue('Learning_Certificate_Download') })
      .first()
      .click();
    const opened = await page.evaluate(() => (window as unknown as { __opened: string[] }).__opened);
    assert.deepEqual(opened, ['https://acme.talentlms.com/certificate/public/CERT-0001']);
    await finish(page, problems, 'my-learning');
  });
});
