import type { SalesforcePerson } from '../../../sync/src/core/provision';
import type { Settings } from '../../../sync/src/settings';
import type { SeedAccount, SeedContact, SeedUser, SeedWorld } from '../world/types';

/** A Salesforce person the scope query would return, with the records behind it. */
export interface ScopedPerson {
  kind: 'User' | 'Contact';
  id: string;
  email: string;
  user?: SeedUser;
  contact?: SeedContact;
  account?: SeedAccount;
}

/**
 * The base filter on the world's data: active standard users except the run-as user; live contacts (Person
 * Accounts when the settings include them). The seed settings' own filters hold for all of them
 * (emulators/seeds/settings.ts), so this is the scope the runner's SOQL returns.
 */
export function peopleInScope(world: SeedWorld, settings: Settings): ScopedPerson[] {
  const accounts = new Map(world.salesforce.accounts.map((a) => [a.Id, a]));
  const people: ScopedPerson[] = [];
  if (settings.users.enabled) {
    for (const user of world.salesforce.users) {
      if (user.UserType !== 'Standard' || !user.IsActive || user.isIntegrationUser) continue;
      people.push({ kind: 'User', id: user.Id, email: user.Email, user });
    }
  }
  if (settings.contacts.enabled) {
    for (const contact of world.salesforce.contacts) {
      if (contact.IsDeleted) continue;
      if (contact.IsPersonAccount && !settings.contacts.personAccounts.include) continue;
      const account = contact.AccountId ? accounts.get(contact.AccountId) : undefined;
      people.push({ kind: 'Contact', id: contact.Id, email: contact.Email, contact, account });
    }
  }
  return people;
}

/** The value of a field path the settings name (`Title`, `Account.Name` …) for a person. */
function valueOf(person: ScopedPerson, path: string): unknown {
  const source = path.startsWith('Account.') ? person.account : (person.user ?? person.contact);
  return (source as unknown as Record<string, unknown> | undefined)?.[path.replace(/^Account\./, '')] ?? null;
}

/** What the runner's Salesforce reader hands `plan()` for each person. */
export function salesforcePeople(scoped: ScopedPerson[], settings: Settings): SalesforcePerson[] {
  return scoped.map((person) => {
    const population = person.kind === 'User' ? settings.users : settings.contacts;
    const record = person.user ?? person.contact;
    return {
      salesforceId: person.id,
      personType: person.kind,
      firstName: record?.FirstName ?? null,
      lastName: record?.LastName ?? null,
      email: person.email,
      accountId: person.account?.Id ?? null,
      accountName: person.account?.Name ?? null,
      groupValue: population.groupField ? valueOf(person, population.groupField) : null,
      fieldValues: Object.fromEntries(
        population.fieldMappings.map((m) => [m.salesforceField, valueOf(person, m.salesforceField)])
      )
    };
  });
}
