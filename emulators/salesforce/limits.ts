import type { Clock } from '../../sync/src/core/clock';

/**
 * The org's daily API request allowance: a rolling 24-hour window on the emulator's clock, as Salesforce
 * meters it. Usage is what `Sforce-Limit-Info: api-usage=used/limit` and `/limits` report.
 */
const WINDOW_MS = 24 * 60 * 60 * 1000;

export class ApiUsage {
  private readonly stamps: number[] = [];
  private head = 0;
  /** Extra usage a test or the harness sets (other integrations sharing the org's allowance). */
  private offset = 0;

  constructor(
    private readonly clock: Clock,
    public limit: number
  ) {}

  private prune(): void {
    const floor = this.clock.now() - WINDOW_MS;
    while (this.head < this.stamps.length && this.stamps[this.head] <= floor) this.head += 1;
    if (this.head > 10_000 && this.head * 2 > this.stamps.length) {
      this.stamps.splice(0, this.head);
      this.head = 0;
    }
  }

  used(): number {
    this.prune();
    return this.stamps.length - this.head + this.offset;
  }

  exhausted(): boolean {
    return this.used() >= this.limit;
  }

  record(): void {
    this.stamps.push(this.clock.now());
  }

  /** Sets the usage other clients already consumed in this window. */
  setExternalUsage(requests: number): void {
    this.offset = Math.max(0, requests);
  }

  header(): string {
    return `api-usage=${this.used()}/${this.limit}`;
  }
}

/** The `/limits` body: the daily request allowance plus the Bulk 2.0 allowances the runner may read. */
export function limitsBody(usage: ApiUsage, bulkQueryJobsToday: number, bulkIngestBatchesToday: number) {
  const entry = (max: number, used: number) => ({ Max: max, Remaining: Math.max(0, max - used) });
  return {
    DailyApiRequests: entry(usage.limit, usage.used()),
    DailyBulkApiBatches: entry(15000, bulkIngestBatchesToday),
    DailyBulkV2QueryJobs: entry(10000, bulkQueryJobsToday),
    DailyBulkV2QueryFileStorageMB: entry(976562, 0),
    DataStorageMB: entry(5, 0),
    FileStorageMB: entry(20, 0),
    ConcurrentAsyncGetReportInstances: entry(200, 0),
    HourlyPublishedPlatformEvents: entry(50000, 0)
  };
}
