import {
  type FullPassReason,
  fullPassReasonText,
  provisionGate,
  type ProvisionGateVerdict
} from '../../core/provision';
import { soqlDateTime } from '../../salesforce/port';
import type { RunContext } from '../phase';

/**
 * The I/O half of the provisioning gate (core/provision/gate.ts): reads the facts from the sync state and,
 * between full passes, probes Salesforce — at most one `LIMIT 1` query per object, stopping at the first
 * change. Deleted Contacts count as changes (`queryAll`); a deleted Account deletes its Contacts.
 */
export type PassDecision = { full: true; reason: FullPassReason } | { full: false; since: number };

export async function choosePass(ctx: RunContext, draftNeedsPlan: boolean): Promise<PassDecision> {
  const provisionedAt = ctx.state.get('ProvisionedAt');
  const verdict: ProvisionGateVerdict = provisionGate({
    nowMs: ctx.clock.now(),
    forced: ctx.options.full === true,
    provisionedAtMs: typeof provisionedAt === 'string' ? Date.parse(provisionedAt) : null,
    provisionedSettingsHash: (ctx.state.get('ProvisionedSettingsHash') as string | null) ?? null,
    activeSettingsHash: ctx.settingsDocuments.active?.hash ?? '',
    draftNeedsPlan
  });
  if (verdict.pass === 'full') return { full: true, reason: verdict.reason };
  if (await changedSince(ctx, verdict.changedSinceMs)) return { full: true, reason: 'changed' };
  return { full: false, since: verdict.changedSinceMs };
}

async function changedSince(ctx: RunContext, sinceMs: number): Promise<boolean> {
  const s = ctx.schema;
  const changed = `WHERE SystemModstamp >= ${soqlDateTime(sinceMs)} LIMIT 1`;
  const probes: Array<() => Promise<unknown[]>> = [];
  if (ctx.settings.users.enabled) probes.push(() => ctx.sf.query(`SELECT Id FROM ${s.User.name} ${changed}`));
  if (ctx.settings.contacts.enabled) {
    probes.push(() => ctx.sf.queryAll(`SELECT Id FROM ${s.Contact.name} ${changed}`));
    probes.push(() => ctx.sf.query(`SELECT Id FROM ${s.Account.name} ${changed}`));
  }
  for (const probe of probes) if ((await probe()).length > 0) return true;
  return false;
}

export function describePass(decision: PassDecision): string {
  return decision.full
    ? `Full provisioning pass: ${fullPassReasonText(decision.reason)}`
    : `Provisioning skipped: no Salesforce User, Contact or Account changed since ${new Date(decision.since).toISOString()}`;
}
