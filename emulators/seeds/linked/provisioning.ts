import { sha1Hex } from '../../../sync/src/core/keys';
import type { Settings } from '../../../sync/src/settings';
import type { SeedAccount, SeedContact, SeedTalentLmsUser, SeedUser, SeedWorld } from '../world/types';

/**
 * What a completed first provisioning run leaves behind, decided on the world's plain data. These rules mirror
 * DESIGN.md "One run of the runner" step 3; the runner's own pure planner (issue 9) does not exist yet, so they
 * are written here in one place. When it lands, the linked seed should call it instead (see the report in
 * emulators/seeds/README.md "Linked seeds").
 */
export type PersonKind = 'User' | 'Contact';

export interface ScopedPerson {
  kind: PersonKind;
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  user?: SeedUser;
  contact?: SeedContact;
  account?: SeedAccount;
}

export type Outcome =
  | { state: 'Synced'; tlUser: SeedTalentLmsUser }
  | { state: 'NeedsReview'; message: string; tlUser?: SeedTalentLmsUser };

/** The base filter: active standard users except the integration user; live contacts (Person Accounts when on). */
export function peopleInScope(world: SeedWorld, settings: Settings): ScopedPerson[] {
  const accounts = new Map(world.salesforce.accounts.map((a) => [a.Id, a]));
  const people: ScopedPerson[] = [];
  if (settings.users.enabled) {
    for (const user of world.salesforce.users) {
      if (user.UserType !== 'Standard' || !user.IsActive || user.isIntegrationUser) continue;
      people.push({
        kind: 'User',
        id: user.Id,
        firstName: user.FirstName,
        lastName: user.LastName,
        email: user.Email,
        user
      });
    }
  }
  if (settings.contacts.enabled) {
    for (const contact of world.salesforce.contacts) {
      if (contact.IsDeleted) continue;
      if (contact.IsPersonAccount && !settings.contacts.personAccounts.include) continue;
      const account = contact.AccountId ? accounts.get(contact.AccountId) : undefined;
      people.push({
        kind: 'Contact',
        id: contact.Id,
        firstName: contact.FirstName,
        lastName: contact.LastName,
        email: contact.Email,
        contact,
        account
      });
    }
  }
  return people;
}

/**
 * Identity precedence: a User wins over a Contact with the same e-mail; Contacts sharing an e-mail need review;
 * one TalentLMS user links to at most one person; admins and instructors only with the adopt settings;
 * SuperAdmins never.
 */
export function resolveIdentities(
  people: ScopedPerson[],
  tlUsers: SeedTalentLmsUser[],
  settings: Settings
): Map<string, Outcome> {
  const byEmail = new Map<string, SeedTalentLmsUser>();
  for (const user of tlUsers) if (!user.deleted) byEmail.set(user.email.toLowerCase(), user);
  const userEmails = new Set(people.filter((p) => p.kind === 'User').map((p) => p.email.toLowerCase()));
  const contactsPerEmail = new Map<string, number>();
  for (const p of people) {
    if (p.kind === 'Contact')
      contactsPerEmail.set(p.email.toLowerCase(), (contactsPerEmail.get(p.email.toLowerCase()) ?? 0) + 1);
  }
  const outcomes = new Map<string, Outcome>();
  for (const person of people) {
    const email = person.email.toLowerCase();
    const tlUser = byEmail.get(email);
    if (person.kind === 'Contact' && userEmails.has(email)) {
      outcomes.set(person.id, {
        state: 'NeedsReview',
        message: 'A Salesforce User with the same e-mail is the learner; this Contact is not linked.'
      });
    } else if (person.kind === 'Contact' && (contactsPerEmail.get(email) ?? 0) > 1) {
      outcomes.set(person.id, {
        state: 'NeedsReview',
        message: 'Several Contacts share this e-mail; make it unique or exclude all but one.'
      });
    } else if (!tlUser) {
      throw new Error(
        `Linked seed: no TalentLMS user for ${person.email}; generate the world with existingShare 1`
      );
    } else if (tlUser.userType === 'SuperAdmin') {
      outcomes.set(person.id, {
        state: 'NeedsReview',
        message: 'The TalentLMS account with this e-mail is a SuperAdmin; it is never linked.',
        tlUser
      });
    } else if (tlUser.userType === 'Admin-Type' && !settings.special.adoptAdmins) {
      outcomes.set(person.id, {
        state: 'NeedsReview',
        message: 'The TalentLMS account with this e-mail is an Admin; turn on adoptAdmins to link it.',
        tlUser
      });
    } else if (tlUser.userType === 'Trainer-Type' && !settings.special.adoptInstructors) {
      outcomes.set(person.id, {
        state: 'NeedsReview',
        message:
          'The TalentLMS account with this e-mail is an Instructor; turn on adoptInstructors to link it.',
        tlUser
      });
    } else {
      outcomes.set(person.id, { state: 'Synced', tlUser });
    }
  }
  return outcomes;
}

/**
 * Branch name for an Account: a TalentLMS-valid slug (lower-case letters and digits) of the name plus a short
 * hash of the Account Id, so a renamed account keeps its branch and two accounts with one name get two.
 */
export function branchNameFor(account: Pick<SeedAccount, 'Id' | 'Name'>): string {
  const slug = account.Name.normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 40);
  return `${slug || 'account'}${sha1Hex(account.Id.slice(0, 15)).slice(0, 6)}`;
}

/** The value a Salesforce field path takes for a person (only the paths the seed settings use). */
export function fieldValue(person: ScopedPerson, path: string): string | null {
  const source: Record<string, unknown> | undefined = path.startsWith('Account.')
    ? (person.account as unknown as Record<string, unknown> | undefined)
    : ((person.user ?? person.contact) as unknown as Record<string, unknown> | undefined);
  const value = source?.[path.replace(/^Account\./, '')];
  return value === undefined || value === null || value === '' ? null : String(value);
}
