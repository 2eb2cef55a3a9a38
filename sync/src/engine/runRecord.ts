import type { RunSummary } from '../core/runSummary';
import type { SalesforceRecord } from '../salesforce/port';
import { type BoundSchema, PICKLIST_VALUES } from '../salesforce/schema';

/** SyncRun__c fields for a summary (`running` while the run is under way). */
export function runRecordFields(
  schema: BoundSchema,
  summary: RunSummary,
  extra: { running?: boolean; username?: string | null; plan?: string | null; settingsHash?: string | null }
): SalesforceRecord {
  const f = schema.SyncRun.f;
  const s = PICKLIST_VALUES;
  const status = extra.running ? s.SyncRunStatus.running : s.SyncRunStatus[summary.status];
  const record: SalesforceRecord = {
    [f.RunId]: summary.runId,
    [f.Mode]: s.SyncRunMode[summary.mode],
    [f.Status]: status,
    [f.StopReason]: summary.stopReason ? s.SyncRunStopReason[summary.stopReason] : null,
    [f.StartedAt]: summary.startedAt,
    [f.FinishedAt]: extra.running ? null : summary.finishedAt,
    [f.DurationMs]: extra.running ? null : summary.durationMs,
    [f.ExitCode]: extra.running ? null : summary.exitCode,
    [f.Created]: summary.counts.created,
    [f.Updated]: summary.counts.updated,
    [f.Activated]: summary.counts.activated,
    [f.Deactivated]: summary.counts.deactivated,
    [f.Grouped]: summary.counts.grouped,
    [f.Branched]: summary.counts.branched,
    [f.Excluded]: summary.counts.excluded,
    [f.NeedsReview]: summary.counts.needsReview,
    [f.Skipped]: summary.counts.skipped,
    [f.Failed]: summary.counts.failed,
    [f.CoursesUpserted]: summary.counts.coursesUpserted,
    [f.CertificatesUpserted]: summary.counts.certificatesUpserted,
    [f.BadgesUpserted]: summary.counts.badgesUpserted,
    [f.RecordsRemoved]: summary.counts.recordsRemoved,
    [f.IssuesOpened]: summary.issues.opened,
    [f.IssuesClosed]: summary.issues.closed,
    [f.SalesforceCalls]: summary.calls.salesforce,
    [f.TalentLmsCalls]: summary.calls.talentlms,
    [f.TalentLmsQuotaUsed]: summary.quota.talentlms.used,
    [f.TalentLmsQuotaLimit]: summary.quota.talentlms.limit,
    [f.SalesforceQuotaUsed]: summary.quota.salesforce.used,
    [f.SalesforceQuotaLimit]: summary.quota.salesforce.limit,
    [f.SettingsVersion]: summary.settingsVersion,
    [f.SettingsHash]: extra.settingsHash ?? summary.settingsHash ?? null,
    [f.RunnerVersion]: summary.runnerVersion.slice(0, 40),
    [f.RunAsUsername]: extra.username ? extra.username.slice(0, 80) : null,
    [f.ErrorCode]: summary.error ? summary.error.code.slice(0, 80) : null,
    [f.ErrorMessage]: summary.error ? summary.error.message.slice(0, 255) : null,
    [f.Summary]: extra.running ? null : JSON.stringify(summary)
  };
  if (extra.plan !== undefined) record[f.Plan] = extra.plan;
  return record;
}
