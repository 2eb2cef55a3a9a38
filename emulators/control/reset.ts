import type { SalesforceEmulator } from '../salesforce';

/**
 * Puts the Salesforce emulator's data back to what it held before the seed was loaded (the org's own rows:
 * Organization, the run-as user, permission rows), so the seed can be loaded again. Uses the store's hard
 * delete: soft-deleted rows would keep their ids and stay visible to queryAll.
 */
export class SalesforceReset {
  private constructor(private readonly keep: Set<string>) {}

  static capture(sf: SalesforceEmulator): SalesforceReset {
    const keep = new Set<string>();
    for (const object of seededObjects(sf)) {
      for (const row of sf.store.all(object.name, { includeDeleted: true })) keep.add(row.Id as string);
    }
    return new SalesforceReset(keep);
  }

  restore(sf: SalesforceEmulator): void {
    for (const object of seededObjects(sf)) {
      const added = sf.store
        .all(object.name, { includeDeleted: true })
        .map((row) => row.Id as string)
        .filter((id) => !this.keep.has(id));
      sf.store.hardDelete(added);
    }
  }
}

/** Objects seeds and runs write: the people objects and every package object (permission rows stay as set). */
function seededObjects(sf: SalesforceEmulator): Array<{ name: string }> {
  const people = new Set(['Profile', 'Account', 'User', 'Contact']);
  return sf.schema.all().filter((object) => people.has(object.name) || object.name.endsWith('__c'));
}
