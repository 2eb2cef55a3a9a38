import type { SalesforceEmulator } from '../../salesforce';
import type { Settings } from '../../../sync/src/settings';
import type { LinkedState } from '../linked';
import { PERSONA_PERMISSION_SETS, type PersonaWithSets } from '../personaPermissionSets';
import { connectorSettingsRecord } from '../settings';
import type { SeedWorld } from '../world/types';

/** Records loaded per object, for the harness's state summary. */
export type LoadCounts = Record<string, number>;

/**
 * Loads the world's Salesforce side into the emulator in-process (no HTTP, no calls counted): profiles,
 * accounts (Person Accounts with their contact), users (the world's integration user is the emulator's own
 * run-as user), the personas' packaged permission sets (PERSONA_PERMISSION_SETS, as the admin assigned them),
 * contacts (merged ones merged into their master), the active settings and, for a linked seed, the first sync's
 * Learner__c rows, learning records, run record and sync state.
 */
export function loadSalesforceWorld(
  sf: SalesforceEmulator,
  world: SeedWorld,
  settings: Settings,
  linked?: LinkedState
): LoadCounts {
  const store = sf.store;
  const counts: LoadCounts = {};
  const insert = (object: string, records: Array<Record<string, unknown>>): string[] => {
    if (records.length === 0) return [];
    counts[object] = (counts[object] ?? 0) + records.length;
    return store.insert(object, records);
  };
  const [standardProfile, adminProfile] = insert('Profile', [
    { Name: 'Standard User', UserType: 'Standard' },
    { Name: 'System Administrator', UserType: 'Standard' }
  ]);
  const contactOfPersonAccount = new Map(
    world.salesforce.contacts.filter((c) => c.IsPersonAccount).map((c) => [c.AccountId, c.Id])
  );
  insert(
    'Account',
    world.salesforce.accounts.map((a) => ({
      Id: a.Id,
      Name: a.Name,
      Industry: a.Industry,
      Type: a.Type,
      BillingCountry: a.BillingCountry,
      IsPersonAccount: a.IsPersonAccount,
      PersonContactId: a.IsPersonAccount ? (contactOfPersonAccount.get(a.Id) ?? null) : null
    }))
  );
  insert(
    'User',
    world.salesforce.users
      .filter((u) => !u.isIntegrationUser)
      .map((u) => ({
        Id: u.Id,
        FirstName: u.FirstName,
        LastName: u.LastName,
        Email: u.Email,
        Username: u.Username,
        Alias: `${u.FirstName.slice(0, 1)}${u.LastName.slice(0, 4)}`.toLowerCase(),
        IsActive: u.IsActive,
        UserType: u.UserType,
        ManagerId: u.ManagerId,
        Title: u.Title,
        Department: u.Department,
        Country: u.Country,
        ProfileId: u.Title === 'Salesforce Administrator' ? adminProfile : standardProfile,
        TimeZoneSidKey: 'GMT',
        LocaleSidKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        LanguageLocaleKey: 'en_US'
      }))
  );
  insert('PermissionSetAssignment', personaAssignments(sf, world));
  insert(
    'Contact',
    world.salesforce.contacts.map((c) => ({
      Id: c.Id,
      FirstName: c.FirstName,
      LastName: c.LastName,
      Email: c.Email,
      AccountId: c.AccountId,
      Title: c.Title,
      Department: c.Department,
      LeadSource: c.LeadSource,
      IsPersonAccount: c.IsPersonAccount
    }))
  );
  for (const loser of world.salesforce.contacts.filter((c) => c.IsDeleted && c.MasterRecordId)) {
    store.merge('Contact', loser.MasterRecordId as string, [loser.Id]);
  }
  insert('ConnectorSettings__c', [connectorSettingsRecord(world, settings)]);
  if (linked) loadLinkedSalesforce(linked, insert);
  return counts;
}

function loadLinkedSalesforce(
  linked: LinkedState,
  insert: (object: string, records: Array<Record<string, unknown>>) => string[]
): void {
  const learnerIds = insert(
    'Learner__c',
    linked.learners.map((l) => l.record)
  );
  // Inserted in chunks as they are built, so a 100,000-person seed never holds every record twice.
  const perObject = new Map<string, Array<Record<string, unknown>>>();
  linked.learners.forEach((learner, index) => {
    for (const row of learner.learning(learnerIds[index])) {
      const list = perObject.get(row.object) ?? perObject.set(row.object, []).get(row.object);
      list?.push(row.record);
      if (list && list.length >= 5000) insert(row.object, list.splice(0));
    }
  });
  for (const [object, records] of perObject) insert(object, records);
  insert('SyncRun__c', [linked.syncRun]);
  insert('SyncState__c', [linked.syncState]);
}

/** One PermissionSetAssignment per persona and packaged set (the sets the emulator installs with the package). */
function personaAssignments(sf: SalesforceEmulator, world: SeedWorld): Array<Record<string, unknown>> {
  const setIds = new Map(
    sf.store
      .all('PermissionSet')
      .filter((set) => (set.NamespacePrefix ?? '') === sf.namespace)
      .map((set) => [String(set.Name), String(set.Id)])
  );
  const rows: Array<Record<string, unknown>> = [];
  for (const [persona, sets] of Object.entries(PERSONA_PERMISSION_SETS)) {
    const userId = world.personas[persona as PersonaWithSets];
    for (const name of sets) {
      const permissionSetId = setIds.get(name);
      if (userId && permissionSetId) rows.push({ AssigneeId: userId, PermissionSetId: permissionSetId });
    }
  }
  return rows;
}
