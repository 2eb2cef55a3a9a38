import { soqlDateTime, soqlString } from '../salesforce/port';
import { PICKLIST_VALUES } from '../salesforce/schema';
import type { Phase, RunContext } from './phase';

/**
 * Retention (DESIGN.md "Data model"): runs and closed issues older than the settings' periods are deleted,
 * a bounded number of batches per run so pruning never crowds out the sync: each batch is one query and one
 * Collections delete (200 ids), with a checkpoint after it (lock heartbeat, SIGTERM, the Salesforce budget
 * share). What is left is pruned by the next runs. Settings changes are the admins' audit trail and are
 * pruned by the package's Apex, not by the runner (docs/decisions.md "Retention").
 */
export interface RetentionOptions {
  /** Records per batch (one query + one delete call). */
  batchSize?: number;
  /** Batches per object per run. */
  maxBatches?: number;
}

export const RETENTION_DEFAULTS = { batchSize: 200, maxBatches: 10 } as const;

const DAY_MS = 86_400_000;

interface Target {
  label: string;
  object: string;
  where: string;
}

function targets(ctx: RunContext): Target[] {
  const { schema, settings, clock } = ctx;
  const now = clock.now();
  const cutoff = (days: number) => soqlDateTime(now - days * DAY_MS);
  const run = schema.SyncRun;
  const issue = schema.SyncIssue;
  return [
    {
      label: 'runs',
      object: run.name,
      where: `${run.f.StartedAt} < ${cutoff(settings.retention.runsDays)}`
    },
    {
      label: 'closed issues',
      object: issue.name,
      // Open issues are never pruned, however old: they still describe a problem.
      where: `${issue.f.Status} != ${soqlString(PICKLIST_VALUES.SyncIssueStatus.open)} AND ${issue.f.ClosedAt} < ${cutoff(settings.retention.closedIssuesDays)}`
    }
  ];
}

export function retentionPhase(options: RetentionOptions = {}): Phase {
  const batchSize = options.batchSize ?? RETENTION_DEFAULTS.batchSize;
  const maxBatches = options.maxBatches ?? RETENTION_DEFAULTS.maxBatches;
  return {
    name: 'retention',
    label: 'Pruning old runs and closed issues',
    // Plans and checks leave the org as they found it.
    shouldRun: (ctx) => ctx.mode === 'run',
    async run(ctx) {
      const logger = ctx.logger.child('retention');
      for (const target of targets(ctx)) {
        let removed = 0;
        let failed = 0;
        for (let batch = 0; batch < maxBatches; batch += 1) {
          const rows = await ctx.sf.query<{ Id: string }>(
            `SELECT Id FROM ${target.object} WHERE ${target.where} LIMIT ${batchSize}`
          );
          if (rows.length === 0) break;
          const results = await ctx.sf.delete(
            rows.map((r) => r.Id),
            target.object
          );
          const ok = results.filter((r) => r.success).length;
          removed += ok;
          failed += results.length - ok;
          ctx.progress.update(`Pruning ${target.label}`, removed, null);
          await ctx.checkpoint();
          // A short batch was the last one; a batch where nothing could be deleted would repeat forever.
          if (rows.length < batchSize || ok === 0) break;
        }
        if (removed > 0 || failed > 0) {
          logger.info(`Pruned ${removed} ${target.label}`, { object: target.object, removed, failed });
        }
        if (failed > 0) {
          ctx.warn(`Retention could not delete ${failed} ${target.label}; they are tried again next run`);
        }
      }
    }
  };
}
