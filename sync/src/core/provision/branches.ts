import { sha1Hex } from '../keys';
import type { TalentLmsBranch } from './types';

/**
 * Accounts → branches. TalentLMS branch names are slugs (`^[a-z0-9]+$`) and v1 cannot rename a branch, so a
 * branch is named from the Account once and recognised afterwards by its suffix: a short hash of the Account
 * Id. Renaming the Account therefore never forks its branch.
 */
export const BRANCH_HASH_LENGTH = 8;
const MAX_SLUG = 32;

/** The suffix that identifies an Account's branch. */
export function branchSuffix(accountId: string): string {
  return sha1Hex(accountId).slice(0, BRANCH_HASH_LENGTH);
}

/** A valid slug from the Account name (accents dropped, letters and digits only) plus the suffix. */
export function branchNameFor(accountName: string | null, accountId: string): string {
  const slug = (accountName ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, MAX_SLUG);
  return `${slug || 'account'}${branchSuffix(accountId)}`;
}

/** The existing branch of an Account: a name ending with its suffix (longer than the suffix alone). */
export function findAccountBranch(branches: TalentLmsBranch[], accountId: string): TalentLmsBranch | null {
  const suffix = branchSuffix(accountId);
  return branches.find((b) => b.name.length > suffix.length && b.name.toLowerCase().endsWith(suffix)) ?? null;
}
