import { randomUUID } from 'node:crypto';
import { ConfigError } from '../../core/errors';
import type { PlanResult } from '../../core/planResult';
import { boundPlanSize, planResultSchema } from '../../core/planResult';
import { soqlString } from '../../salesforce/port';
import { PICKLIST_VALUES } from '../../salesforce/schema';
import { readSettings, type Settings } from '../../settings';
import { planMatchesDraft, planRunRefs, type StoredSettingsVersion } from '../../settings/store';
import type { RunContext } from '../phase';

/**
 * Draft settings (DESIGN.md "Data model" → Settings): when the draft is newer than the active version and no
 * Plan run carries its version and hash, the runner computes the draft's plan and stores it as a Plan run,
 * which is what lets an admin approve a risky draft in the Setup tab.
 */
export interface DraftToPlan {
  version: number | null;
  hash: string;
  settings: Settings;
}

/** The parsed draft, or a ConfigError saying why there is none to plan (`plan --draft`). */
export function readDraft(ctx: RunContext): DraftToPlan {
  const draft = ctx.settingsDocuments.draft;
  if (!draft) {
    throw new ConfigError(
      'DRAFT_NOT_FOUND',
      'There is no draft to plan: no settings have been saved as a draft'
    );
  }
  const parsed = readSettings(draft.json);
  if (!parsed.ok) {
    throw new ConfigError(
      'DRAFT_INVALID',
      `The draft settings (version ${String(draft.version)}) are invalid`,
      {
        data: { issues: parsed.issues }
      }
    );
  }
  return { version: draft.version, hash: draft.hash, settings: parsed.settings };
}

/** On a normal run: the draft, when it is newer than the active version and has no Plan run yet. */
export async function draftNeedingPlan(ctx: RunContext): Promise<DraftToPlan | null> {
  const { draft, active } = ctx.settingsDocuments;
  if (!draft) return null;
  const newer = !active || ((draft.version ?? 0) > (active.version ?? 0) && draft.hash !== active.hash);
  if (!newer) return null;
  const parsed = readSettings(draft.json);
  if (!parsed.ok) return null;
  const o = ctx.schema.SyncRun;
  const rows = await ctx.sf.query(
    `SELECT Id, ${o.f.SettingsVersion}, ${o.f.SettingsHash}, ${o.f.Status} FROM ${o.name} WHERE ${o.f.Mode} = ${soqlString(PICKLIST_VALUES.SyncRunMode.plan)} AND ${o.f.SettingsHash} = ${soqlString(draft.hash)}`
  );
  const stored: StoredSettingsVersion = {
    json: draft.json,
    version: draft.version,
    hash: draft.hash,
    storedHash: null,
    settings: parsed.settings,
    issues: []
  };
  if (planRunRefs(rows, ctx.schema).some((ref) => planMatchesDraft(ref, stored))) return null;
  return { version: draft.version, hash: draft.hash, settings: parsed.settings };
}

/** Stores a draft's plan as its own Plan run (a normal run keeps its own record for what it did). */
export async function storeDraftPlan(ctx: RunContext, plan: PlanResult): Promise<void> {
  const o = ctx.schema.SyncRun;
  const f = o.f;
  const now = new Date(ctx.clock.now()).toISOString();
  const bounded = boundPlanSize(planResultSchema.parse(plan));
  const t = bounded.totals;
  const record = {
    [f.RunId]: randomUUID(),
    [f.Mode]: PICKLIST_VALUES.SyncRunMode.plan,
    [f.Status]: PICKLIST_VALUES.SyncRunStatus.succeeded,
    [f.StartedAt]: bounded.computedAt,
    [f.FinishedAt]: now,
    [f.SettingsVersion]: bounded.settings.version,
    [f.SettingsHash]: bounded.settings.hash,
    [f.Created]: t.create,
    [f.Updated]: t.update,
    [f.Activated]: t.activate,
    [f.Deactivated]: t.deactivate,
    [f.Grouped]: t.group,
    [f.Branched]: t.branch,
    [f.Excluded]: t.exclude,
    [f.NeedsReview]: t.needsReview,
    [f.ExitCode]: bounded.circuitBreaker.tripped ? 5 : 0,
    [f.Plan]: JSON.stringify(bounded)
  };
  const [result] = await ctx.sf.upsert(o.name, f.RunId, [record]);
  if (!result?.success) {
    ctx.warn(
      `The plan for draft version ${String(plan.settings.version)} could not be stored: ${result?.errors.map((e) => e.message).join('; ')}`
    );
  }
}
