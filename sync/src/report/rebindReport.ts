import type { Clock } from '../core/clock';
import type { SyncError } from '../core/errors';
import type { RebindPreview, RebindSummary } from '../engine/rebind';

/** What `tlms-sync rebind` shows: the preview before the prompt, and the outcome (or one JSON object). */
export function formatRebindPreview(preview: RebindPreview): string {
  const from = preview.previous?.talentlmsDomain
    ? `${preview.previous.talentlmsDomain} (portal id ${preview.previous.portalId ?? '?'})`
    : 'no portal (not bound yet)';
  return [
    `Org ${preview.organizationId} is bound to ${from}.`,
    `Rebinding unlinks ${preview.linkedLearners} learner(s) from their TalentLMS users, clears the`,
    'watermarks and closes open issues. The next run binds the org to',
    `${preview.next.talentlmsDomain} (portal id ${preview.next.portalId}) and matches people there by e-mail.`,
    'Learning records of the old portal stay untouched (their keys carry its portal id).',
    ''
  ].join('\n');
}

export function formatRebind(summary: RebindSummary): string {
  if (summary.status === 'succeeded') {
    return `Rebound: ${summary.learnersUnlinked} learner(s) unlinked, ${summary.issuesClosed} open issue(s) closed. The next run binds this org to ${summary.next.talentlmsDomain}.\n`;
  }
  if (summary.status === 'cancelled') return 'Rebind cancelled: nothing was changed.\n';
  const error = summary.error;
  return `Rebind failed: ${error?.message ?? 'unknown error'}${error?.hint ? `\n  → ${error.hint}` : ''}\n`;
}

/** A rebind that could not start (no confirmation, bad configuration): still one object with --json. */
export function rebindFailure(clock: Clock, error: SyncError): RebindSummary {
  const at = new Date(clock.now()).toISOString();
  return {
    schemaVersion: 1,
    command: 'rebind',
    status: 'failed',
    exitCode: error.exitCode,
    startedAt: at,
    finishedAt: at,
    organizationId: null,
    previous: null,
    next: { talentlmsDomain: '', portalId: '' },
    learnersUnlinked: 0,
    issuesClosed: 0,
    calls: { salesforce: 0 },
    error: { code: error.code, message: error.message, hint: error.hint ?? null }
  };
}
