import { sameId, type SRecord } from './data/recordSource';

/**
 * The dashboards' access rules, as LearningAccessSelector applies them in Apex (DESIGN.md "Who sees what"):
 * - a user's learning is visible to that user and to the managers above them in the User.ManagerId chain, at
 *   most MAX_TEAM_DEPTH levels up; nobody else (admins included) sees it through the dashboards;
 * - the team is the active users below the caller, direct reports only or the whole chain;
 * - a Contact's learning is visible when the caller can see the Contact (the user-mode Contact query), which
 *   the preview decides with the org's sharing model below.
 * Pure functions over records, so the case table in contracts/visibility-cases.json can drive them directly.
 */
export const MAX_TEAM_DEPTH = 5;

/**
 * How Contacts are shared. 'Read' / 'ReadWrite' (the defaults of a new org): every internal user sees every
 * Contact. 'Private': the owner, the owner of the Contact's Account, the managers above either owner (the
 * preview's stand-in for the role hierarchy), and users with View All Data.
 */
export interface ContactSharing {
  orgWideDefault: 'Private' | 'Read' | 'ReadWrite';
}

export interface Caller {
  userId: string;
  /** View All Data / Modify All Data: sees every Contact whatever the sharing model. */
  viewAllData: boolean;
  /** False for a profile without read on Contact (e.g. Minimum Access): no Contact is visible at all. */
  canReadContacts?: boolean;
}

/** How many levels below `managerId` the user sits (1 = direct report), or null when not in that chain. */
export function depthBelow(
  userId: string,
  managerId: string,
  users: SRecord[],
  maxDepth = MAX_TEAM_DEPTH
): number | null {
  const byId = new Map(users.map((user) => [user.Id.slice(0, 15), user]));
  let current = byId.get(userId.slice(0, 15));
  for (let depth = 1; current && depth <= maxDepth; depth++) {
    const next = current.ManagerId as string | null | undefined;
    if (!next) return null;
    if (sameId(next, managerId)) return depth;
    current = byId.get(next.slice(0, 15));
  }
  return null;
}

/** The subset of `requested` whose learning the caller may see: themselves and their team. */
export function visibleUserIds(caller: Caller, requested: string[], users: SRecord[]): string[] {
  return requested.filter((id) => {
    if (sameId(id, caller.userId)) return users.some((user) => sameId(user.Id, id));
    return depthBelow(id, caller.userId, users) !== null;
  });
}

export function clampDepth(maxDepth: number | null | undefined): number {
  if (maxDepth === null || maxDepth === undefined || maxDepth < 1) return 1;
  return Math.min(maxDepth, MAX_TEAM_DEPTH);
}

export function personName(record: SRecord): string {
  if (typeof record.Name === 'string' && record.Name) return record.Name;
  return [record.FirstName, record.LastName].filter((part) => typeof part === 'string' && part).join(' ');
}

/** Sorts like `ORDER BY Name, Id`. */
export function byNameThenId(a: SRecord, b: SRecord): number {
  const nameA = personName(a);
  const nameB = personName(b);
  if (nameA !== nameB) return nameA < nameB ? -1 : 1;
  return a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0;
}

/** Active users below the caller, `maxDepth` levels deep (1 = direct reports), ordered by name. */
export function teamMembers(
  caller: Caller,
  users: SRecord[],
  maxDepth: number
): { user: SRecord; depth: number }[] {
  const depthLimit = clampDepth(maxDepth);
  return users
    .filter((user) => user.IsActive !== false)
    .map((user) => ({ user, depth: depthBelow(user.Id, caller.userId, users, depthLimit) }))
    .filter((entry): entry is { user: SRecord; depth: number } => entry.depth !== null)
    .sort((a, b) => byNameThenId(a.user, b.user));
}

/** Whether the caller can see one Contact under the sharing model (what a user-mode query returns). */
export function canSeeContact(
  caller: Caller,
  contact: SRecord,
  accounts: SRecord[],
  users: SRecord[],
  sharing: ContactSharing
): boolean {
  if (contact.IsDeleted === true || caller.canReadContacts === false) return false;
  if (caller.viewAllData || sharing.orgWideDefault !== 'Private') return true;
  const account = accounts.find((each) => sameId(each.Id, contact.AccountId as string | null));
  const owners = [contact.OwnerId, account?.OwnerId].filter(
    (owner): owner is string => typeof owner === 'string'
  );
  return owners.some(
    (owner) => sameId(owner, caller.userId) || depthBelow(owner, caller.userId, users) !== null
  );
}

export function visibleContacts(
  caller: Caller,
  contacts: SRecord[],
  accounts: SRecord[],
  users: SRecord[],
  sharing: ContactSharing
): SRecord[] {
  return contacts.filter((contact) => canSeeContact(caller, contact, accounts, users, sharing));
}
