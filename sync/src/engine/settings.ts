import { ConfigError } from '../core/errors';
import { formatSettingsIssues, hashSettingsJson, readSettings, type Settings } from '../settings';
import { type SalesforcePort, soqlString } from '../salesforce/port';
import { type BoundSchema, SINGLETON_KEY } from '../salesforce/schema';

/**
 * The settings live in the org (ConnectorSettings__c, a singleton with a draft and an active JSON document);
 * the runner acts only on the active version and never edits them. The draft is loaded too, so the plan step
 * can compute a plan for a newer draft (part 2).
 */
export interface SettingsVersion {
  json: string;
  version: number | null;
  hash: string;
}

export interface LoadedSettings {
  active: (SettingsVersion & { settings: Settings }) | null;
  draft: (SettingsVersion & { savedAt: string | null }) | null;
  /** Why there is no active version (for `check`). */
  problem: ConfigError | null;
}

export async function loadSettings(sf: SalesforcePort, schema: BoundSchema): Promise<LoadedSettings> {
  const o = schema.ConnectorSettings;
  const f = o.f;
  // Two long text fields in one query cut pages to 200 rows; this query returns one row, so it is fine.
  const [row] = await sf.query(
    `SELECT Id, ${f.ActiveJson}, ${f.ActiveVersion}, ${f.ActiveHash}, ${f.DraftJson}, ${f.DraftVersion}, ${f.DraftHash}, ${f.DraftSavedAt} FROM ${o.name} WHERE ${f.SettingsKey} = ${soqlString(SINGLETON_KEY)} LIMIT 1`
  );
  const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));
  const draftJson = typeof row?.[f.DraftJson] === 'string' ? (row[f.DraftJson] as string) : '';
  const draft = draftJson
    ? {
        json: draftJson,
        version: num(row?.[f.DraftVersion]),
        hash: hashSettingsJson(draftJson),
        savedAt: (row?.[f.DraftSavedAt] as string | null) ?? null
      }
    : null;
  const activeJson = typeof row?.[f.ActiveJson] === 'string' ? (row[f.ActiveJson] as string) : '';
  if (!activeJson) {
    return {
      active: null,
      draft,
      problem: new ConfigError('SETTINGS_NOT_ACTIVE', 'No settings are active in the org yet')
    };
  }
  const parsed = readSettings(activeJson);
  if (!parsed.ok) {
    return {
      active: null,
      draft,
      problem: new ConfigError(
        'SETTINGS_INVALID',
        `The active settings (version ${String(num(row?.[f.ActiveVersion]))}) are invalid: ${formatSettingsIssues(parsed.issues)}`,
        { data: { issues: parsed.issues } }
      )
    };
  }
  return {
    active: {
      json: activeJson,
      version: num(row?.[f.ActiveVersion]),
      hash: hashSettingsJson(activeJson),
      settings: parsed.settings
    },
    draft,
    problem: null
  };
}
