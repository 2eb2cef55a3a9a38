import { DEFAULT_SETTINGS } from '../../../sync/src/settings/defaults';

/**
 * The TypeScript twin of SettingsRisk (Apex): walks the active and draft documents and lists every changed
 * path, marking those that need an approved plan before activation, with the same reasons.
 */
export interface SettingsChangeRow {
  path: string;
  risky: boolean;
  reason?: string;
  beforeJson: string;
  afterJson: string;
}

type Json = unknown;
const WHOLE_VALUE_PATHS = new Set([
  'users.filter',
  'contacts.filter',
  'users.fieldMappings',
  'contacts.fieldMappings'
]);
export const DEFAULT_SETTINGS_JSON = JSON.stringify(DEFAULT_SETTINGS);

const isObject = (value: Json): value is Record<string, Json> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Deep equality of parsed JSON, numbers by value (1 equals 1.0), text case-sensitively. */
export function sameJson(a: Json, b: Json): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameJson(a[key], b[key]));
  }
  return a === b;
}

export function classify(activeJson: string | null | undefined, draftJson: string): SettingsChangeRow[] {
  const draft = JSON.parse(draftJson) as Record<string, Json>;
  const active = JSON.parse(activeJson ? activeJson : DEFAULT_SETTINGS_JSON) as Record<string, Json>;
  const flag = (section: string, key: string) =>
    isObject(draft[section]) && (draft[section] as Record<string, Json>)[key] === true;
  const switchedOn = (before: Json, after: Json) => after === true && before !== true;
  const raised = (before: Json, after: Json) =>
    typeof after === 'number' && (typeof before !== 'number' || after > before);
  const reasonFor = (path: string, before: Json, after: Json): string | undefined => {
    const deactivating = flag('special', 'deactivateNotSynced');
    switch (path) {
      case 'users.enabled':
      case 'contacts.enabled':
        if (after === true && before !== true) return 'populationEnabled';
        return after !== true && before === true && deactivating
          ? 'populationDisabledWhileDeactivating'
          : undefined;
      case 'users.filter':
      case 'users.groupField':
        return flag('users', 'enabled')
          ? path.endsWith('filter')
            ? 'filterChanged'
            : 'groupFieldChanged'
          : undefined;
      case 'contacts.filter':
      case 'contacts.groupField':
        return flag('contacts', 'enabled')
          ? path.endsWith('filter')
            ? 'filterChanged'
            : 'groupFieldChanged'
          : undefined;
      case 'contacts.personAccounts.include':
        return flag('contacts', 'enabled') ? 'personAccountsChanged' : undefined;
      case 'contacts.accountsToBranches.enabled':
        return flag('contacts', 'enabled') ? 'branchesChanged' : undefined;
      case 'special.deactivateNotSynced':
        return switchedOn(before, after) ? 'deactivationEnabled' : undefined;
      case 'special.maxDeactivationShare':
        return deactivating && raised(before, after) ? 'deactivationShareRaised' : undefined;
      case 'special.deactivationAllowance':
        return deactivating && raised(before, after) ? 'deactivationAllowanceRaised' : undefined;
      case 'special.alwaysActivate':
        return switchedOn(before, after) ? 'alwaysActivateEnabled' : undefined;
      case 'special.adoptAdmins':
      case 'special.adoptInstructors':
        return switchedOn(before, after) ? 'adoptionEnabled' : undefined;
      default:
        return undefined;
    }
  };
  const changes: SettingsChangeRow[] = [];
  const collect = (before: Json, after: Json, path: string) => {
    if (path !== '' && (WHOLE_VALUE_PATHS.has(path) || !(isObject(before) && isObject(after)))) {
      if (!sameJson(before, after)) {
        const reason = reasonFor(path, before, after);
        changes.push({
          path,
          risky: reason !== undefined,
          ...(reason ? { reason } : {}),
          beforeJson: JSON.stringify(before ?? null),
          afterJson: JSON.stringify(after ?? null)
        });
      }
      return;
    }
    const beforeMap = before as Record<string, Json>;
    const afterMap = after as Record<string, Json>;
    const keys = [...Object.keys(afterMap), ...Object.keys(beforeMap).filter((key) => !(key in afterMap))];
    for (const key of keys) collect(beforeMap[key], afterMap[key], path === '' ? key : `${path}.${key}`);
  };
  collect(active, draft, '');
  return changes;
}
