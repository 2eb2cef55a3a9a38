import type { SalesforceEmulator } from '../salesforce';

interface InternalStore {
  hardDelete(id: string): void;
  rows(objectName: string): Array<Record<string, unknown>>;
}

/**
 * Puts the Salesforce emulator's data back to what it held before the seed was loaded (the org's own rows:
 * Organization, the run-as user, permission rows), so the seed can be loaded again.
 *
 * The emulator's public EmulatorStore has no hard delete (soft-deleted rows would keep their ids and stay
 * visible to queryAll), so this reaches the internal Store behind it. Gap reported to the Salesforce emulator:
 * an `EmulatorStore.hardDelete(ids)` (or `clear(except)`) would remove the need; until then the check below
 * fails loudly if the internal shape changes.
 */
export class SalesforceReset {
  private constructor(private readonly keep: Set<string>) {}

  static capture(sf: SalesforceEmulator): SalesforceReset {
    const keep = new Set<string>();
    for (const object of seededObjects(sf)) {
      for (const row of internalStore(sf).rows(object.name)) keep.add(row.Id as string);
    }
    return new SalesforceReset(keep);
  }

  restore(sf: SalesforceEmulator): void {
    const store = internalStore(sf);
    for (const object of seededObjects(sf)) {
      for (const row of [...store.rows(object.name)]) {
        if (!this.keep.has(row.Id as string)) store.hardDelete(row.Id as string);
      }
    }
  }
}

/** Objects seeds and runs write: the people objects and every package object (permission rows stay as set). */
function seededObjects(sf: SalesforceEmulator): Array<{ name: string }> {
  const people = new Set(['Profile', 'Account', 'User', 'Contact']);
  return sf.schema.all().filter((object) => people.has(object.name) || object.name.endsWith('__c'));
}

function internalStore(sf: SalesforceEmulator): InternalStore {
  const inner = (sf.store as unknown as { store?: Partial<InternalStore> }).store;
  if (!inner || typeof inner.hardDelete !== 'function' || typeof inner.rows !== 'function') {
    throw new Error(
      'The Salesforce emulator store changed shape; emulators/control/reset.ts needs a public hard delete'
    );
  }
  return inner as InternalStore;
}
