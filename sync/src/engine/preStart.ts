import { randomUUID } from 'node:crypto';
import { PHASE_NAMES } from '../core/callMeter';
import type { Clock } from '../core/clock';
import type { SyncError } from '../core/errors';
import type { Redactor } from '../core/redact';
import { emptyCounts, type RunMode, RUN_SUMMARY_SCHEMA_VERSION, type RunSummary } from '../core/runSummary';

/**
 * The summary of a run that failed before it could start (bad configuration, bad command line): `--json`
 * still prints exactly one object, with `status: "failed"` and the error's code, message and hint.
 */
export function preStartFailure(
  mode: RunMode,
  error: SyncError,
  deps: { clock: Clock; redactor: Redactor; runnerVersion: string; warnings?: string[] }
): RunSummary {
  const at = new Date(deps.clock.now()).toISOString();
  return deps.redactor.redactValue({
    schemaVersion: RUN_SUMMARY_SCHEMA_VERSION,
    runId: randomUUID(),
    mode,
    status: 'failed',
    stopReason: null,
    exitCode: error.exitCode,
    startedAt: at,
    finishedAt: at,
    durationMs: 0,
    settingsVersion: null,
    settingsHash: null,
    runnerVersion: deps.runnerVersion,
    organizationId: null,
    talentlmsDomain: null,
    calls: {
      salesforce: 0,
      talentlms: 0,
      byPhase: Object.fromEntries(
        PHASE_NAMES.map((p) => [p, { salesforce: 0, talentlms: 0 }])
      ) as RunSummary['calls']['byPhase']
    },
    quota: { talentlms: { used: null, limit: null, resetAt: null }, salesforce: { used: null, limit: null } },
    counts: emptyCounts(),
    issues: { opened: 0, closed: 0, open: 0 },
    ...(mode === 'check' ? { checks: [] } : {}),
    warnings: deps.warnings ?? [],
    error: { code: error.code, message: error.message, hint: error.hint ?? null }
  });
}
