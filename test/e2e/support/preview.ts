import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { SalesforceEmulator } from '../../../emulators/salesforce';
import { ManualClock } from '../../../sync/src/core/clock';
import { MemoryRecordSource } from '../../../preview/server/data/memorySource';
import type { RecordSource } from '../../../preview/server/data/recordSource';
import { startInProcessOrg } from '../../../preview/server/inProcessOrg';
import { builtInFixture, type Fixture } from '../../../preview/server/fixture';
import { buildBundle, bundleIsStale } from '../../../preview/server/main';
import { startPreviewServer, type PreviewServer } from '../../../preview/server/server';
import type { ContactSharing } from '../../../preview/server/visibility';

export const ROOT = resolve(__dirname, '../../..');

/** Builds the bundle when a source is newer than it (the build takes 15–40 s; a fresh one is reused). */
export function ensureBundle(): void {
  if (bundleIsStale(ROOT)) buildBundle(ROOT);
}

export interface FixturePreview {
  server: PreviewServer;
  source: RecordSource;
  fixture: Fixture;
  /** The in-process Salesforce emulator holding the fixture (absent with org: 'memory'). */
  emulator?: SalesforceEmulator;
  close(): Promise<void>;
}

export const FIXTURE_NOW = Date.UTC(2026, 10, 25, 9, 0, 0);

export interface ApexAnswer {
  status: number;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * Calls an `@AuraEnabled` method through the preview's HTTP API as a user (`x-preview-user`), the way the
 * browser does: `apex(userId, 'SetupController/saveDraft', {…})` answers the status and the parsed body.
 */
export function apexOver(url: string) {
  return async (userId: string, path: string, params: unknown = {}): Promise<ApexAnswer> => {
    const response = await fetch(`${url}/api/apex/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-preview-user': userId },
      body: JSON.stringify(params)
    });
    return { status: response.status, body: (await response.json()) as ApexAnswer['body'] };
  };
}

/**
 * The built-in fixture org served by the preview: by default inside the real Salesforce emulator (namespace
 * `tlms`), or in memory (`org: 'memory'`) where a test needs values the emulator would reject.
 */
export async function startFixturePreview(
  options: { requireBundle?: boolean; sharing?: ContactSharing; org?: 'emulator' | 'memory' } = {}
): Promise<FixturePreview> {
  const clock = new ManualClock(FIXTURE_NOW);
  const fixture = builtInFixture(FIXTURE_NOW);
  let source: RecordSource;
  let emulator: SalesforceEmulator | undefined;
  if (options.org === 'memory') source = new MemoryRecordSource(fixture.records);
  else ({ emulator, source } = await startInProcessOrg(fixture, { clock, namespace: 'tlms' }));
  const server = await startPreviewServer({
    root: ROOT,
    source,
    manifest: fixture.manifest,
    namespace: emulator?.namespace ?? '',
    requireBundle: options.requireBundle,
    sharing: options.sharing,
    clock
  });
  return {
    server,
    source,
    fixture,
    emulator,
    close: async () => {
      await server.close();
      await emulator?.close();
    }
  };
}

/** Label API names (fullName) from the package: none of them may ever be shown as text. */
export function labelApiNames(): string[] {
  const xml = readFileSync(join(ROOT, 'force-app/main/default/labels/CustomLabels.labels-meta.xml'), 'utf8');
  return [...xml.matchAll(/<fullName>\s*([^<\s]+)\s*<\/fullName>/g)].map((match) => match[1]);
}

/** Rendered strings that equal a label's API name: visible text lines and accessible names. */
export async function leakedLabelNames(page: Page, names: string[]): Promise<string[]> {
  // innerText follows the rendering, shadow content included; attributes are read through a locator, which
  // (unlike document.querySelectorAll under synthetic shadow) reaches into every component.
  const lines = (await page.locator('body').innerText()).split('\n').map((line) => line.trim());
  const attributes = ['aria-label', 'title', 'alt', 'placeholder'];
  const described = page.locator(attributes.map((name) => `[${name}]`).join(', '));
  const values = await described.evaluateAll(
    (elements, names) =>
      elements.flatMap((element) => names.map((name) => (element.getAttribute(name) ?? '').trim())),
    attributes
  );
  const shown = [...lines, ...values];
  const wanted = new Set(names);
  return [...new Set(shown.filter((text) => wanted.has(text)))];
}

/** Problems the page reported: uncaught errors, component render errors, console errors (minus images
 * from hosts that do not resolve here, which the components replace with a local icon). */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Failed to load resource: net::ERR_NAME_NOT_RESOLVED/.test(message.text())) return;
    problems.push(`console: ${message.text()}`);
  });
  return problems;
}

/** A label's text as the package defines it (tests click what users read). */
export function labelValue(name: string): string {
  const xml = readFileSync(join(ROOT, 'force-app/main/default/labels/CustomLabels.labels-meta.xml'), 'utf8');
  const block = xml
    .split('<labels>')
    .find((part) => new RegExp(`<fullName>\\s*${name}\\s*</fullName>`).test(part));
  const value = block && /<value>([\s\S]*?)<\/value>/.exec(block);
  if (!value) throw new Error(`Label ${name} is not in CustomLabels.labels-meta.xml`);
  return value[1].trim();
}

/** Records window.open calls instead of opening tabs (links to TalentLMS would leave the sandbox). */
export const RECORD_WINDOW_OPEN = `
  window.__opened = [];
  window.open = (url) => { window.__opened.push(String(url)); return null; };
`;

/**
 * Waits until a locator matches `count` elements. Playwright locators pierce the (synthetic) shadow roots the
 * components render into; `document.querySelectorAll` in the page does not, so waits go through here.
 */
export async function waitForCount(locator: Locator, count: number, timeoutMs = 15_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let seen = await locator.count();
  while (seen !== count) {
    if (performance.now() > deadline)
      throw new Error(`expected ${count} matches, still ${seen} after ${timeoutMs} ms`);
    await locator.page().waitForTimeout(50);
    seen = await locator.count();
  }
}

/** Waits until the first match's text satisfies `accept`. */
export async function waitForText(
  locator: Locator,
  accept: (text: string) => boolean,
  timeoutMs = 15_000
): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const text = (await locator.count()) > 0 ? await locator.first().innerText() : '';
    if (accept(text)) return text;
    if (performance.now() > deadline)
      throw new Error(`text never matched; last seen: ${JSON.stringify(text)}`);
    await locator.page().waitForTimeout(50);
  }
}
