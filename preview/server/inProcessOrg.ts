import type { Clock } from '../../sync/src/core/clock';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulators/salesforce';
import type { SRecord } from './data/recordSource';
import { EmulatorStoreSource } from './data/storeSource';
import type { Fixture } from './fixture';

/** Derived or read-only on the platform: the emulator computes them (Name of a User or Contact). */
const DERIVED: Record<string, string[]> = { User: ['Name'], Contact: ['Name'] };

/** Parents before children, so lookups point at records that exist. */
const ORDER = ['User', 'Account', 'Contact', 'Learner__c', 'SyncState__c', 'SyncRun__c'];
/** The emulator seeds its own Organization; the fixture's is for in-memory use. */
const SKIPPED = new Set(['Organization']);

/**
 * Starts the Salesforce emulator in this process with the package's schema (namespace `tlms` by default) and
 * loads a fixture into it, so `npm run preview` without running emulators still reads a real org emulation.
 */
export async function startInProcessOrg(
  fixture: Fixture,
  options: { clock?: Clock; namespace?: string } = {}
): Promise<{ emulator: SalesforceEmulator; source: EmulatorStoreSource }> {
  const namespace = options.namespace ?? 'tlms';
  const emulator = await startSalesforceEmulator({ clock: options.clock, namespace });
  const objects = Object.keys(fixture.records).sort((a, b) => rank(a) - rank(b));
  for (const objectName of objects.filter((name) => !SKIPPED.has(name))) {
    const rows = fixture.records[objectName].map((record) => withoutDerived(objectName, record));
    // The runner bound itself to this org: the binding names the emulator's Organization Id.
    if (objectName === 'SyncState__c')
      for (const row of rows) if (row.OrganizationId__c) row.OrganizationId__c = emulator.organizationId;
    emulator.store.insert(objectName, rows);
  }
  return { emulator, source: new EmulatorStoreSource(emulator.store, namespace) };
}

function rank(objectName: string): number {
  const index = ORDER.indexOf(objectName);
  return index < 0 ? ORDER.length : index;
}

function withoutDerived(objectName: string, record: SRecord): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record };
  for (const field of DERIVED[objectName] ?? []) delete copy[field];
  return copy;
}
