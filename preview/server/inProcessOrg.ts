import type { Clock } from '../../sync/src/core/clock';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulators/salesforce';
import type { SRecord } from './data/recordSource';
import { EmulatorStoreSource } from './data/storeSource';
import type { Fixture } from './fixture';
import type { PersonaManifest } from './personas';

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
  // The fixture's integration user is the emulator's own run-as user (with its permission-set assignments).
  const emulator = await startSalesforceEmulator({
    clock: options.clock,
    namespace,
    runAsUsername: fixture.runAsUsername
  });
  const objects = Object.keys(fixture.records).sort((a, b) => rank(a) - rank(b));
  for (const objectName of objects.filter((name) => !SKIPPED.has(name))) {
    const rows = fixture.records[objectName]
      .filter((record) => !(objectName === 'User' && record.Username === fixture.runAsUsername))
      .map((record) => withoutDerived(objectName, record));
    // The runner bound itself to this org: the binding names the emulator's Organization Id.
    if (objectName === 'SyncState__c')
      for (const row of rows) if (row.OrganizationId__c) row.OrganizationId__c = emulator.organizationId;
    emulator.store.insert(objectName, rows);
  }
  assignPersonaPermissionSets(emulator, fixture.manifest);
  return { emulator, source: new EmulatorStoreSource(emulator.store, namespace) };
}

/** The personas hold their packaged permission sets in the org, as the admin who set it up assigned them. */
function assignPersonaPermissionSets(emulator: SalesforceEmulator, manifest: PersonaManifest): void {
  const setIds = new Map(
    emulator.store
      .all('PermissionSet')
      .filter((set) => (set.NamespacePrefix ?? '') === emulator.namespace)
      .map((set) => [String(set.Name), String(set.Id)])
  );
  const rows = manifest.personas.flatMap((persona) =>
    persona.permissionSets
      .filter((name) => setIds.has(name))
      .map((name) => ({ AssigneeId: persona.userId, PermissionSetId: setIds.get(name) }))
  );
  if (rows.length > 0) emulator.store.insert('PermissionSetAssignment', rows);
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
