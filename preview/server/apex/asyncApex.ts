import { salesforceId } from '../../../emulators/shared/salesforceId';
import type { Clock } from '../../../sync/src/core/clock';
import type { RecordSource } from '../data/recordSource';

/**
 * The org's asynchronous Apex for the preview: scheduled jobs (the CronTrigger rows `System.schedule` creates)
 * and queueable jobs (the AsyncApexJob rows `System.enqueueJob` creates). The Salesforce emulator models
 * neither object, so the preview keeps them in its own state, in the shape the Apex reads (CronTrigger Id,
 * NextFireTime, State; AsyncApexJob Status, CreatedDate, CompletedDate). A queued job runs after the call that
 * queued it has answered, as in the org; a scheduled job fires when the preview is next called at or after its
 * NextFireTime (the preview has no background scheduler), then waits for the next fire time.
 */
export interface CronTriggerRow {
  Id: string;
  /** CronJobDetail.Name */
  JobName: string;
  CronExpression: string;
  NextFireTime: string;
  State: 'WAITING';
}

export interface AsyncApexJobRow {
  Id: string;
  /** ApexClass.Name */
  ApexClassName: string;
  JobType: 'Queueable';
  Status: 'Queued' | 'Processing' | 'Completed' | 'Failed';
  CreatedDate: string;
  CompletedDate: string | null;
  NumberOfErrors: number;
  ExtendedStatus: string | null;
}

/** What a queued job runs: its own read of the org (a new transaction), as the user who queued it. */
export type QueueableWork = (source: RecordSource) => Promise<void>;

interface Scheduled {
  row: CronTriggerRow;
  fire: () => void;
}

export class AsyncApex {
  private readonly triggers: Scheduled[] = [];
  private readonly jobs: AsyncApexJobRow[] = [];
  private readonly running = new Set<Promise<void>>();
  private sequence = 0;

  /** `newSource` opens a fresh read of the org for each job (the request's memoised lists would be stale). */
  constructor(
    private readonly clock: Clock,
    private readonly newSource: () => RecordSource
  ) {}

  private now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  /** System.schedule: a CronTrigger waiting for its next fire time. */
  schedule(jobName: string, cronExpression: string, fire: () => void): string {
    const row: CronTriggerRow = {
      Id: salesforceId('08e', ++this.sequence),
      JobName: jobName,
      CronExpression: cronExpression,
      NextFireTime: nextFireTime(cronExpression, this.clock.now()),
      State: 'WAITING'
    };
    this.triggers.push({ row, fire });
    return row.Id;
  }

  /** System.abortJob on a scheduled job. */
  abort(id: string): void {
    const index = this.triggers.findIndex((each) => each.row.Id === id);
    if (index >= 0) this.triggers.splice(index, 1);
  }

  /** `SELECT … FROM CronTrigger WHERE CronJobDetail.Name = :name LIMIT 1` */
  scheduled(jobName: string): CronTriggerRow | undefined {
    const found = this.triggers.find((each) => each.row.JobName === jobName);
    return found ? { ...found.row } : undefined;
  }

  /** `SELECT … FROM AsyncApexJob WHERE ApexClass.Name = :name ORDER BY CreatedDate DESC LIMIT 1` */
  lastJob(className: string): AsyncApexJobRow | undefined {
    const found = this.jobs.filter((job) => job.ApexClassName === className).at(-1);
    return found ? { ...found } : undefined;
  }

  /** System.enqueueJob: Queued now, run once the current call has answered. */
  enqueue(className: string, work: QueueableWork): string {
    const job: AsyncApexJobRow = {
      Id: salesforceId('707', ++this.sequence),
      ApexClassName: className,
      JobType: 'Queueable',
      Status: 'Queued',
      CreatedDate: this.now(),
      CompletedDate: null,
      NumberOfErrors: 0,
      ExtendedStatus: null
    };
    this.jobs.push(job);
    const run = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      job.Status = 'Processing';
      try {
        await work(this.newSource());
        job.Status = 'Completed';
      } catch (error) {
        job.Status = 'Failed';
        job.NumberOfErrors = 1;
        job.ExtendedStatus = error instanceof Error ? error.message : String(error);
      }
      job.CompletedDate = this.now();
    });
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return job.Id;
  }

  /** Fires every scheduled job whose NextFireTime has come, once, and moves it to its next fire time. */
  tick(): void {
    const now = this.clock.now();
    for (const each of this.triggers) {
      if (new Date(each.row.NextFireTime).getTime() > now) continue;
      each.row.NextFireTime = nextFireTime(each.row.CronExpression, now);
      each.fire();
    }
  }

  /** Resolves when no queued job is left (a chained job counts); for tests. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}

/**
 * The next fire time after `after` (UTC) of an hourly cron expression `0 M * * * ?`, the only shape the
 * package schedules (PermissionAssignmentSchedule.CRON); any other expression is refused rather than guessed.
 */
export function nextFireTime(cronExpression: string, after: number): string {
  const hourly = /^0 (\d{1,2}) \* \* \* \?$/.exec(cronExpression.trim());
  if (!hourly || Number(hourly[1]) > 59)
    throw new Error(`The preview schedules hourly cron expressions only, not "${cronExpression}"`);
  const next = new Date(after);
  next.setUTCSeconds(0, 0);
  next.setUTCMinutes(Number(hourly[1]));
  if (next.getTime() <= after) next.setUTCHours(next.getUTCHours() + 1);
  return next.toISOString();
}
