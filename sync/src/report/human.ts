import { COUNT_KEYS, type RunSummary } from '../core/runSummary';

/** The human summary printed without --json. */
export function formatSummary(s: RunSummary): string {
  const lines: string[] = [];
  const seconds = (s.durationMs / 1000).toFixed(1);
  const stop = s.stopReason ? `, stopped: ${s.stopReason}` : '';
  lines.push(`tlms-sync ${s.mode}: ${s.status}${stop} (exit ${s.exitCode}) in ${seconds} s — run ${s.runId}`);
  if (s.checks && s.checks.length > 0) {
    for (const check of s.checks) {
      lines.push(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}`);
      if (!check.ok && check.fix) lines.push(`       fix: ${check.fix}`);
    }
  }
  const startedWork = s.calls.salesforce + s.calls.talentlms > 0;
  const did = COUNT_KEYS.filter((key) => s.counts[key] > 0).map((key) => `${key} ${s.counts[key]}`);
  if (s.mode !== 'check' && startedWork) lines.push(`  ${did.length > 0 ? did.join(' · ') : 'no changes'}`);
  const tq = s.quota.talentlms;
  const quota =
    tq.limit !== null
      ? ` (TalentLMS hour: ${tq.used}/${tq.limit} used${tq.resetAt ? `, resets ${tq.resetAt}` : ''})`
      : '';
  if (startedWork)
    lines.push(`  API calls: Salesforce ${s.calls.salesforce}, TalentLMS ${s.calls.talentlms}${quota}`);
  if (s.mode !== 'check' && startedWork)
    lines.push(`  issues: ${s.issues.opened} opened, ${s.issues.closed} closed, ${s.issues.open} open`);
  for (const warning of s.warnings) lines.push(`  warning: ${warning}`);
  if (s.error) {
    lines.push(`  error ${s.error.code}: ${s.error.message}`);
    if (s.error.hint) lines.push(`  what to do: ${s.error.hint}`);
  }
  return `${lines.join('\n')}\n`;
}
