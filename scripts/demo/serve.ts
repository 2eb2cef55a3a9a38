import type { Harness } from '../../emulators/harness';
import { EmulatorStoreSource } from '../../preview/server/data/storeSource';
import { parsePersonaManifest } from '../../preview/server/personas';
import { startPreviewServer, type PreviewServer } from '../../preview/server/server';

/** One page of the app to open, as whom, and where. */
export interface PageLink {
  page: string;
  persona: string;
  who: string;
  url: string;
}

export interface DemoPreview {
  server: PreviewServer;
  links: PageLink[];
  close(): Promise<void>;
}

function isPortInUse(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'EADDRINUSE';
}

/**
 * The dashboard preview against the demo's live emulator store (the records the runs just wrote), on
 * 127.0.0.1. A busy default port falls back to a free one; a port the user chose is an error that says so.
 */
export async function serveDemoPreview(
  harness: Harness,
  options: { root: string; port: number; portExplicit: boolean; log: (line: string) => void }
): Promise<DemoPreview> {
  const manifest = parsePersonaManifest(harness.manifest, 'the demo seed manifest');
  const start = (port: number) =>
    startPreviewServer({
      root: options.root,
      source: new EmulatorStoreSource(harness.salesforce.store, harness.salesforce.namespace),
      manifest,
      namespace: harness.salesforce.namespace,
      clock: harness.clock,
      port
    });
  let server: PreviewServer;
  try {
    server = await start(options.port);
  } catch (error) {
    if (!isPortInUse(error)) throw error;
    if (options.portExplicit)
      throw new Error(
        `Port ${options.port} on 127.0.0.1 is in use: stop what holds it, or pass --port 0 for any free port`
      );
    options.log(`port ${options.port} is in use (another preview?); serving on a free port instead`);
    server = await start(0);
  }
  return { server, links: pageLinks(harness, server), close: () => server.close() };
}

function nameOf(harness: Harness, sobject: 'Account' | 'Contact', id: string | undefined): string {
  if (!id) return '';
  const record = harness.salesforce.store.all(sobject).find((each) => each.Id === id);
  return String(record?.Name ?? [record?.FirstName, record?.LastName].filter(Boolean).join(' '));
}

/** Where each page of the app opens, and as which persona (`?as=` signs in; the header switches later). */
export function pageLinks(harness: Harness, server: PreviewServer): PageLink[] {
  const person = (key: string) => server.personas.find((each) => each.key === key)?.name ?? key;
  const { account, contact } = harness.manifest.personas as Record<string, string | undefined>;
  const link = (page: string, persona: string, who: string, hash: string): PageLink => ({
    page,
    persona,
    who,
    url: `${server.url}/?as=${persona}${hash}`
  });
  const links = [
    link('My Learning', 'learner', person('learner'), '#/n/myLearning'),
    link('Team Members', 'manager', person('manager'), '#/n/teamMembers'),
    link('Team Members (skip level)', 'skipLevelManager', person('skipLevelManager'), '#/n/teamMembers')
  ];
  if (account)
    links.push(
      link(
        `Account Learning Activity: ${nameOf(harness, 'Account', account)}`,
        'manager',
        person('manager'),
        `#/r/Account/${account}/view`
      )
    );
  if (contact)
    links.push(
      link(
        `Contact Learning Activity: ${nameOf(harness, 'Contact', contact)}`,
        'manager',
        person('manager'),
        `#/r/Contact/${contact}/view`
      )
    );
  links.push(
    link('Setup', 'admin', person('admin'), '#/n/setup'),
    link('Sync Health', 'admin', person('admin'), '#/n/syncHealth')
  );
  return links;
}
