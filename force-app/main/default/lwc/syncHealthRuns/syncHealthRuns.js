import { LightningElement, api } from 'lwc';
import LABELS from 'c/setupLabels';
import { formatLabel } from 'c/learningUtils';

const SHOWN = 10;

/** The most recent runs: status, stop reason, duration, counts, API calls per side and quota used. */
export default class SyncHealthRuns extends LightningElement {
  /** SyncHealthDtos.RunRow[] newest first. */
  @api runs;

  labels = LABELS;

  get hasRuns() {
    return Array.isArray(this.runs) && this.runs.length > 0;
  }

  static percent(value) {
    return value === null || value === undefined ? '—' : `${value}%`;
  }

  get rows() {
    return (this.runs || []).slice(0, SHOWN).map((run, index) => ({
      key: run.id || `${index}`,
      name: run.name,
      url: run.id ? `/lightning/r/SyncRun__c/${run.id}/view` : null,
      mode: run.mode,
      status: run.status,
      stopReason: LABELS[`stop_${run.stopReason}`] || run.stopReason || '',
      startedAt: run.startedAt,
      duration:
        run.durationMs === null || run.durationMs === undefined
          ? '—'
          : `${Math.round(run.durationMs / 1000)} s`,
      counts: formatLabel(
        LABELS.runCounts,
        run.created || 0,
        run.updated || 0,
        run.deactivated || 0,
        run.failed || 0,
        run.learningRecords || 0
      ),
      calls: formatLabel(LABELS.runCalls, run.salesforceCalls || 0, run.talentlmsCalls || 0),
      quota: formatLabel(
        LABELS.runQuota,
        SyncHealthRuns.percent(run.salesforceQuotaPercent),
        SyncHealthRuns.percent(run.talentlmsQuotaPercent)
      ),
      error: run.errorMessage ? `${run.errorCode || ''} ${run.errorMessage}`.trim() : ''
    }));
  }
}
