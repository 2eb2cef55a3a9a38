/**
 * Whether a run provisions in full or may skip provisioning (DESIGN.md "Budgets": a run that finds nothing
 * changed costs a handful of calls). A full pass reads every person in scope, the TalentLMS catalog and every
 * TalentLMS user; between full passes a run first probes Salesforce for Users, Contacts and Accounts changed
 * since the last clean full pass, and skips provisioning when none did. Changes made only in TalentLMS (an
 * admin editing a learner there) and changes to related records a field mapping reads through a parent
 * (`Manager.Email`) are corrected by the next full pass, at the latest FULL_PASS_INTERVAL_MS later.
 */
export const FULL_PASS_INTERVAL_MS = 24 * 3_600_000;
/**
 * The probe looks back this far before the last pass started: SystemModstamp is Salesforce's clock, not the
 * runner host's. A change made in those minutes before a pass makes the next run a full pass once more.
 */
export const CHANGE_PROBE_OVERLAP_MS = 5 * 60_000;

export type FullPassReason = 'forced' | 'first' | 'settings' | 'interval' | 'draft' | 'changed';

export interface ProvisionGateFacts {
  nowMs: number;
  /** `run --full`. */
  forced: boolean;
  /** ProvisionedAt__c: start of the last full pass that finished without failures (null: none, or one is unfinished). */
  provisionedAtMs: number | null;
  provisionedSettingsHash: string | null;
  activeSettingsHash: string;
  /** A newer draft waits for its plan, which needs the full read. */
  draftNeedsPlan: boolean;
}

export type ProvisionGateVerdict =
  { pass: 'full'; reason: FullPassReason } | { pass: 'probe'; changedSinceMs: number };

/** The decision before any call; `probe` means: ask Salesforce what changed since `changedSinceMs`. */
export function provisionGate(facts: ProvisionGateFacts): ProvisionGateVerdict {
  if (facts.forced) return { pass: 'full', reason: 'forced' };
  if (facts.provisionedAtMs === null) return { pass: 'full', reason: 'first' };
  if (facts.provisionedSettingsHash !== facts.activeSettingsHash) return { pass: 'full', reason: 'settings' };
  if (facts.draftNeedsPlan) return { pass: 'full', reason: 'draft' };
  if (facts.nowMs - facts.provisionedAtMs >= FULL_PASS_INTERVAL_MS)
    return { pass: 'full', reason: 'interval' };
  return { pass: 'probe', changedSinceMs: facts.provisionedAtMs - CHANGE_PROBE_OVERLAP_MS };
}

const REASONS: Record<FullPassReason, string> = {
  forced: 'run --full asked for it',
  first: 'no complete provisioning pass is on record',
  settings: 'the active settings changed since the last pass',
  interval: 'the last complete pass is more than 24 hours old',
  draft: 'a newer draft waits for its plan',
  changed: 'Salesforce people or accounts changed since the last pass'
};

export function fullPassReasonText(reason: FullPassReason): string {
  return REASONS[reason];
}
