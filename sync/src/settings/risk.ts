import { DEFAULT_SETTINGS } from './defaults';
import type { Settings } from './schema';

/**
 * Which differences between the active settings and a draft need an approved plan before the draft may become
 * active (DESIGN.md "Data model" → Settings). A change is risky when it can create, deactivate, regroup or
 * move many TalentLMS users at once, or hand the connector privileged accounts: the admin must first see the
 * plan the runner computed for the draft. Everything else (field mappings, learning switches, cadences,
 * e-mail policy, budgets, retention, sandbox opt-in) activates directly. Pure: no I/O, no clock.
 * The Apex activation check implements the same rules; contracts/fixtures/settings/risk/cases.json holds
 * shared cases for both.
 */

export type ChangeRisk = 'risky' | 'safe';

export type RiskReason =
  /** Users or Contacts switched on: everyone in scope would be created. */
  | 'populationEnabled'
  /** Users or Contacts switched off while deactivation is on: all of them would be deactivated. */
  | 'populationDisabledWhileDeactivating'
  /** The filter of an enabled population changed: people enter (created) or leave (excluded/deactivated). */
  | 'filterChanged'
  /** Person Accounts included or excluded while Contacts sync. */
  | 'personAccountsChanged'
  /** The group field of an enabled population changed: memberships (and the courses groups carry) change. */
  | 'groupFieldChanged'
  /** Accounts → branches switched while Contacts sync: branches are created and contacts move. */
  | 'branchesChanged'
  /** "Deactivate users not synced" switched on. */
  | 'deactivationEnabled'
  /** The circuit-breaker share was raised while deactivation is on. */
  | 'deactivationShareRaised'
  /** The circuit-breaker allowance was raised while deactivation is on. */
  | 'deactivationAllowanceRaised'
  /** "Always activate" switched on: inactive learners (seats on hard-limit plans) are reactivated. */
  | 'alwaysActivateEnabled'
  /** Adopting TalentLMS Admin or Instructor accounts switched on. */
  | 'adoptionEnabled';

export interface OptionChange {
  /** Dotted path of the option, e.g. "users.filter" or "special.maxDeactivationShare". */
  path: string;
  risk: ChangeRisk;
  /** Why it is risky; null when safe. */
  reason: RiskReason | null;
  before: unknown;
  after: unknown;
}

export interface SettingsChangeReport {
  /** True when activation needs a plan whose settings version and hash match the draft, approved by an admin. */
  risky: boolean;
  /** Every changed option, in document order. */
  changes: OptionChange[];
}

/** Options compared as a whole: a filter or a mapping list is one decision for the admin. */
const WHOLE_VALUE_PATHS = new Set([
  'users.filter',
  'contacts.filter',
  'users.fieldMappings',
  'contacts.fieldMappings'
]);

type Rule = (before: unknown, after: unknown, draft: Settings) => RiskReason | null;

const deactivating = (draft: Settings) => draft.special.deactivateNotSynced;
const switchedOn =
  (reason: RiskReason): Rule =>
  (before, after) =>
    after === true && before !== true ? reason : null;
const raisedWhileDeactivating =
  (reason: RiskReason): Rule =>
  (before, after, draft) =>
    deactivating(draft) && typeof after === 'number' && (typeof before !== 'number' || after > before)
      ? reason
      : null;

function populationRules(population: 'users' | 'contacts'): Record<string, Rule> {
  const enabled = (draft: Settings) => draft[population].enabled;
  return {
    [`${population}.enabled`]: (before, after, draft) => {
      if (after === true && before !== true) return 'populationEnabled';
      if (after !== true && before === true && deactivating(draft))
        return 'populationDisabledWhileDeactivating';
      return null;
    },
    [`${population}.filter`]: (_before, _after, draft) => (enabled(draft) ? 'filterChanged' : null),
    [`${population}.groupField`]: (_before, _after, draft) => (enabled(draft) ? 'groupFieldChanged' : null)
  };
}

const RULES: Record<string, Rule> = {
  ...populationRules('users'),
  ...populationRules('contacts'),
  'contacts.personAccounts.include': (_b, _a, draft) =>
    draft.contacts.enabled ? 'personAccountsChanged' : null,
  'contacts.accountsToBranches.enabled': (_b, _a, draft) =>
    draft.contacts.enabled ? 'branchesChanged' : null,
  'special.deactivateNotSynced': switchedOn('deactivationEnabled'),
  'special.maxDeactivationShare': raisedWhileDeactivating('deactivationShareRaised'),
  'special.deactivationAllowance': raisedWhileDeactivating('deactivationAllowanceRaised'),
  'special.alwaysActivate': switchedOn('alwaysActivateEnabled'),
  'special.adoptAdmins': switchedOn('adoptionEnabled'),
  'special.adoptInstructors': switchedOn('adoptionEnabled')
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return false;
}

function collectChanges(
  before: unknown,
  after: unknown,
  path: string,
  into: { path: string; before: unknown; after: unknown }[]
) {
  if (path !== '' && (WHOLE_VALUE_PATHS.has(path) || !isPlainObject(before) || !isPlainObject(after))) {
    if (!sameValue(before, after)) into.push({ path, before, after });
    return;
  }
  const beforeObject = before as Record<string, unknown>;
  const afterObject = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(afterObject), ...Object.keys(beforeObject)])];
  for (const key of keys)
    collectChanges(beforeObject[key], afterObject[key], path === '' ? key : `${path}.${key}`, into);
}

/**
 * Classifies every difference between the active settings (null: nothing active yet, compared with the
 * defaults, under which nothing syncs) and a draft.
 */
export function classifySettingsChange(active: Settings | null, draft: Settings): SettingsChangeReport {
  const differences: { path: string; before: unknown; after: unknown }[] = [];
  collectChanges(active ?? DEFAULT_SETTINGS, draft, '', differences);
  const changes = differences.map(({ path, before, after }): OptionChange => {
    const reason = RULES[path]?.(before, after, draft) ?? null;
    return { path, risk: reason ? 'risky' : 'safe', reason, before, after };
  });
  return { risky: changes.some((change) => change.risk === 'risky'), changes };
}
