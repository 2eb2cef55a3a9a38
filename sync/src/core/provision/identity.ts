import { sha1Hex } from '../keys';

/**
 * Identity rules (DESIGN.md "One run of the runner", step 3): the link is Salesforce Id ↔ TalentLMS user id;
 * e-mail is a mutable attribute used only to find an account that exists already; logins are made once by a
 * stable rule and then remembered in Learner__c.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower-cased, trimmed e-mail, or null when it is missing or not an address. */
export function normaliseEmail(email: string | null | undefined): string | null {
  const trimmed = (email ?? '').trim().toLowerCase();
  return EMAIL.test(trimmed) ? trimmed : null;
}

export type AccountRole = 'superAdmin' | 'admin' | 'instructor' | 'learner';

/**
 * TalentLMS user types are names: SuperAdmin, Admin-Type, Trainer-Type, Learner-Type, and custom ones such
 * as "Learner-Instructor". Anything that mentions admin counts as an admin, then instructor/trainer.
 */
export function accountRole(userType: string): AccountRole {
  const type = userType.trim().toLowerCase();
  if (type === 'superadmin' || type === 'super-admin') return 'superAdmin';
  if (type.includes('admin')) return 'admin';
  if (type.includes('trainer') || type.includes('instructor')) return 'instructor';
  return 'learner';
}

export interface AdoptionRules {
  adoptAdmins: boolean;
  adoptInstructors: boolean;
}

/** Whether the connector may link a person to an existing account; null when it may, else the reason. */
export function adoptionRefusal(userType: string, rules: AdoptionRules): string | null {
  const role = accountRole(userType);
  if (role === 'superAdmin') return 'is the portal SuperAdmin, which the connector never adopts';
  if (role === 'admin' && !rules.adoptAdmins)
    return `is a TalentLMS ${userType} account; allow special.adoptAdmins to link it`;
  if (role === 'instructor' && !rules.adoptInstructors)
    return `is a TalentLMS ${userType} account; allow special.adoptInstructors to link it`;
  return null;
}

const MAX_LOGIN_BASE = 40;

/**
 * The login for a new learner: the e-mail's local part (letters, digits, `.`, `_`, `-`), a dash and the first
 * hex characters of SHA-1 of the Salesforce Id, lengthened until no existing login has it. Deterministic for a
 * given person and portal state; remembered in Learner__c before `usersignup`, so a retry reuses it.
 */
export function loginFor(salesforceId: string, email: string, taken: (login: string) => boolean): string {
  const local = email
    .split('@')[0]
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '');
  const base = (local.replace(/^[._-]+|[._-]+$/g, '') || 'learner').slice(0, MAX_LOGIN_BASE);
  const hash = sha1Hex(salesforceId);
  for (let length = 6; length <= hash.length; length += 2) {
    const login = `${base}-${hash.slice(0, length)}`;
    if (!taken(login)) return login;
  }
  return `${base}-${hash}-${salesforceId.toLowerCase()}`;
}

/** TalentLMS requires both names; Salesforce may leave the first name empty. */
export function learnerNames(
  firstName: string | null,
  lastName: string | null
): { first: string; last: string } {
  const last = (lastName ?? '').trim() || (firstName ?? '').trim() || '-';
  const first = (firstName ?? '').trim() || last;
  return { first: first.slice(0, 100), last: last.slice(0, 100) };
}
