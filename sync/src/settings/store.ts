import type { BoundSchema } from '../salesforce/schema';
import { hashSettingsJson } from './hash';
import { readSettings, type SettingsIssue } from './parse';
import type { Settings } from './schema';

/**
 * What the Setup and Sync Health tabs write, as the runner must read it. Pure functions over record data
 * (a row as the REST API returns it, keyed by qualified field names): no I/O, no clock. The engine queries
 * the records and calls these; the tab's Apex (SettingsService, SyncHealthService) writes the same fields.
 *
 * - ConnectorSettings__c: DraftJson__c/DraftVersion__c/DraftHash__c (every save bumps the version) and
 *   ActiveJson__c/ActiveVersion__c/ActiveHash__c (set on activation). The runner acts on the active version
 *   only and plans a draft that is newer than the active one and has no plan yet.
 * - SyncState__c.FullReconciliationRequested__c: set by an admin in Sync Health, cleared by the runner once
 *   it has started a full reconciliation.
 * - SyncRun__c (Mode Plan): the plan for a draft carries the draft's version and hash, which is how Apex finds
 *   it before activating a risky draft.
 */

type Row = Record<string, unknown>;

export interface StoredSettingsVersion {
  /** The JSON exactly as stored. */
  json: string;
  version: number | null;
  /** SHA-256 of the stored JSON, computed here (plans carry this value). */
  hash: string;
  /** The hash Apex stored next to the JSON; differs from `hash` only if someone edited the record by hand. */
  storedHash: string | null;
  /** The document as the runner reads it (tolerant), or null with `issues` when it is not valid. */
  settings: Settings | null;
  issues: SettingsIssue[];
}

export interface SettingsRecordView {
  active: StoredSettingsVersion | null;
  draft: StoredSettingsVersion | null;
  /** The draft is newer than the active version (or nothing is active) and differs from it. */
  draftIsNewer: boolean;
  /** The draft is newer, readable, and no Plan run carries its version and hash yet: compute and store one. */
  draftNeedsPlan: boolean;
  /** Human-readable problems with the stored record (hash mismatch, invalid documents). */
  problems: string[];
}

/** A Plan run as far as matching goes: the SyncRun__c fields SettingsVersion__c, SettingsHash__c, Status__c. */
export interface PlanRunRef {
  settingsVersion: number | null;
  settingsHash: string | null;
  status: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

function readVersion(
  json: string | null,
  version: unknown,
  storedHash: unknown
): StoredSettingsVersion | null {
  if (json === null) return null;
  const parsed = readSettings(json);
  return {
    json,
    version: num(version),
    hash: hashSettingsJson(json),
    storedHash: text(storedHash),
    settings: parsed.ok ? parsed.settings : null,
    issues: parsed.ok ? [] : parsed.issues
  };
}

/** Plan runs that failed computed nothing; any other status (Running included) counts as "has a plan". */
export function planMatchesDraft(plan: PlanRunRef, draft: StoredSettingsVersion): boolean {
  return (
    plan.status !== 'Failed' &&
    plan.settingsVersion !== null &&
    plan.settingsVersion === draft.version &&
    plan.settingsHash === draft.hash
  );
}

/** SyncRun__c rows (Mode Plan) as plan references. */
export function planRunRefs(rows: Row[], schema: BoundSchema): PlanRunRef[] {
  const f = schema.SyncRun.f;
  return rows.map((row) => ({
    settingsVersion: num(row[f.SettingsVersion]),
    settingsHash: text(row[f.SettingsHash]),
    status: text(row[f.Status])
  }));
}

/**
 * Reads the ConnectorSettings__c singleton (undefined when no admin has saved anything yet) and says whether
 * the runner must compute a plan for the draft, given the Plan runs already stored.
 */
export function readSettingsRecord(
  record: Row | undefined,
  schema: BoundSchema,
  planRuns: PlanRunRef[] = []
): SettingsRecordView {
  const f = schema.ConnectorSettings.f;
  const row = record ?? {};
  const active = readVersion(text(row[f.ActiveJson]), row[f.ActiveVersion], row[f.ActiveHash]);
  const draft = readVersion(text(row[f.DraftJson]), row[f.DraftVersion], row[f.DraftHash]);
  const problems: string[] = [];
  for (const [name, version] of [
    ['active', active],
    ['draft', draft]
  ] as const) {
    if (!version) continue;
    if (version.storedHash !== null && version.storedHash !== version.hash) {
      problems.push(
        `The ${name} settings (version ${String(version.version)}) do not match their stored hash; they were edited outside the Setup tab. Save them again in the Setup tab.`
      );
    }
    if (version.settings === null) {
      problems.push(
        `The ${name} settings (version ${String(version.version)}) are invalid; fix them in the Setup tab.`
      );
    }
  }
  const draftIsNewer =
    draft !== null &&
    (active === null || ((draft.version ?? 0) > (active.version ?? 0) && draft.hash !== active.hash));
  const draftNeedsPlan =
    draftIsNewer &&
    draft !== null &&
    draft.settings !== null &&
    !planRuns.some((plan) => planMatchesDraft(plan, draft));
  return { active, draft, draftIsNewer, draftNeedsPlan, problems };
}

export interface FullReconciliationRequest {
  requested: boolean;
  /** When the admin asked (ISO-8601), or null. */
  requestedAt: string | null;
}

/** Whether an admin asked for a full reconciliation on the next run (SyncState__c, may not exist yet). */
export function fullReconciliationRequested(
  stateRecord: Row | undefined,
  schema: BoundSchema
): FullReconciliationRequest {
  const f = schema.SyncState.f;
  const flag = stateRecord?.[f.FullReconciliationRequested];
  return {
    requested: flag === true || flag === 'true',
    requestedAt: text(stateRecord?.[f.FullReconciliationRequestedAt])
  };
}

/**
 * The SyncState__c patch (by the runner's field keys) that clears the request once a full reconciliation has
 * started. The request time is kept so Sync Health can show when it was last asked for.
 */
export function clearFullReconciliationPatch(): { FullReconciliationRequested: false } {
  return { FullReconciliationRequested: false };
}

/**
 * What a Plan run must carry for the Setup tab to offer the draft for activation: the draft's version and
 * the hash of its stored JSON (never of a re-serialisation), keyed by qualified SyncRun__c field names.
 */
export function planRunSettingsFields(
  draft: StoredSettingsVersion,
  schema: BoundSchema
): Record<string, unknown> {
  const f = schema.SyncRun.f;
  return { [f.SettingsVersion]: draft.version, [f.SettingsHash]: draft.hash };
}

/**
 * The part of a stored plan (SyncRun__c.Plan__c) the Setup tab's "Preview impact" reads (SettingsPlanReader
 * in Apex): `counts` per action and up to ten `samples` per action. The full plan shape is
 * contracts/plan.schema.json (the runner's); these two keys must stay in it. Actions the tab knows, in the order
 * it shows them; any other action is shown after them under its own name.
 */
export const PLAN_PREVIEW_ACTIONS = [
  'create',
  'update',
  'activate',
  'deactivate',
  'group',
  'branch',
  'exclude',
  'needsReview'
] as const;
export const PLAN_PREVIEW_SAMPLES = 10;

export interface PlanPreviewSample {
  salesforceId: string;
  name: string;
  personType: 'User' | 'Contact';
  /** Why, in a few words (e.g. "Department = Sales", "left the filter"). */
  detail?: string;
}

export interface PlanPreview {
  counts: Record<string, number>;
  samples: Record<string, PlanPreviewSample[]>;
}

/**
 * The preview keys for a plan: every action's count and at most PLAN_PREVIEW_SAMPLES people per action (a plan
 * for 50,000 people must still fit in Plan__c). Merge the result into the plan object the runner stores.
 */
export function planPreviewPart(
  actions: Record<string, PlanPreviewSample[]>,
  counts: Record<string, number> = {}
): PlanPreview {
  const preview: PlanPreview = { counts: {}, samples: {} };
  for (const [action, people] of Object.entries(actions)) {
    preview.counts[action] = counts[action] ?? people.length;
    preview.samples[action] = people.slice(0, PLAN_PREVIEW_SAMPLES);
  }
  for (const [action, count] of Object.entries(counts)) {
    if (!(action in preview.counts)) preview.counts[action] = count;
  }
  return preview;
}
