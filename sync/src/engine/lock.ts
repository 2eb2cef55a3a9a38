import { hostname } from 'node:os';
import type { Clock } from '../core/clock';
import { LockHeldError, SyncError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { SalesforcePort } from '../salesforce/port';
import { soqlString } from '../salesforce/port';
import { type BoundSchema, SINGLETON_KEY } from '../salesforce/schema';

/**
 * One run at a time per org, whoever starts it (cron, daemon, a person): the lock is a SyncLock__c record
 * with a unique LockKey__c. Acquiring is an insert, which Salesforce lets only one caller win
 * (DUPLICATE_VALUE for the others). A lock carries an expiry; the holder moves it forward with heartbeats
 * (at checkpoints between batches, not on a timer, so call counts stay deterministic). An expired lock is
 * stale (its run crashed): it is deleted by Id and the insert retried, so two takers cannot both win.
 */
export interface LockOptions {
  sf: SalesforcePort;
  schema: BoundSchema;
  clock: Clock;
  logger: Logger;
  runId: string;
  ttlMs: number;
  owner?: string;
}

interface LockRow {
  Id: string;
  [field: string]: unknown;
}

export class RunLock {
  private lockId: string | null = null;
  private lastBeat = 0;
  private readonly owner: string;

  constructor(private readonly options: LockOptions) {
    this.owner = (options.owner ?? `${hostname()}:${process.pid}`).slice(0, 255);
  }

  get held(): boolean {
    return this.lockId !== null;
  }

  async acquire(): Promise<void> {
    const { sf, schema, logger } = this.options;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const now = this.options.clock.now();
      const [result] = await sf.create(schema.SyncLock.name, [this.record(now, true)]);
      if (result.success && result.id) {
        this.lockId = result.id;
        this.lastBeat = now;
        logger.debug('Lock acquired', { lockId: result.id });
        return;
      }
      if (!result.errors.some((e) => e.statusCode === 'DUPLICATE_VALUE')) {
        throw new SyncError(
          'SALESFORCE_WRITE_FAILED',
          `Could not create the lock: ${describe(result.errors)}`,
          {
            data: { errors: result.errors }
          }
        );
      }
      const current = await this.read();
      if (!current) continue; // released between our insert and read: try again
      const f = schema.SyncLock.f;
      const expiresAt = Date.parse(String(current[f.ExpiresAt] ?? ''));
      const holder = {
        owner: String(current[f.Owner] ?? 'unknown'),
        runId: String(current[f.RunId] ?? 'unknown'),
        expiresAt: Number.isFinite(expiresAt) ? new Date(expiresAt).toISOString() : 'unknown'
      };
      if (Number.isFinite(expiresAt) && expiresAt > now) throw new LockHeldError(holder);
      logger.warn('Taking over a stale lock (its run stopped without releasing it)', holder);
      // Deleting by Id: if someone else took it over first, their new lock has another Id and survives.
      await sf.delete([current.Id]);
    }
    const current = await this.read();
    const f = this.options.schema.SyncLock.f;
    throw new LockHeldError({
      owner: String(current?.[f.Owner] ?? 'unknown'),
      runId: String(current?.[f.RunId] ?? 'unknown'),
      expiresAt: String(current?.[f.ExpiresAt] ?? 'unknown')
    });
  }

  /** Extends the expiry when a third of the lock time has passed. Throws LOCK_LOST if the lock is gone. */
  async heartbeat(): Promise<void> {
    if (!this.lockId) return;
    const now = this.options.clock.now();
    if (now - this.lastBeat < this.options.ttlMs / 3) return;
    const f = this.options.schema.SyncLock.f;
    const [result] = await this.options.sf.update(this.options.schema.SyncLock.name, [
      { Id: this.lockId, [f.ExpiresAt]: iso(now + this.options.ttlMs), [f.HeartbeatAt]: iso(now) }
    ]);
    if (!result.success) {
      this.lockId = null;
      throw new SyncError('LOCK_LOST', 'The lock was taken over by another run', {
        data: { errors: result.errors },
        exitCode: 1
      });
    }
    this.lastBeat = now;
  }

  async release(): Promise<void> {
    if (!this.lockId) return;
    const id = this.lockId;
    this.lockId = null;
    const [result] = await this.options.sf.delete([id]);
    if (!result.success) this.options.logger.warn('Could not release the lock', { errors: result.errors });
  }

  private record(now: number, insert: boolean): Record<string, unknown> {
    const f = this.options.schema.SyncLock.f;
    return {
      ...(insert ? { Name: SINGLETON_KEY, [f.LockKey]: SINGLETON_KEY, [f.AcquiredAt]: iso(now) } : {}),
      [f.Owner]: this.owner,
      [f.RunId]: this.options.runId,
      [f.ExpiresAt]: iso(now + this.options.ttlMs),
      [f.HeartbeatAt]: iso(now)
    };
  }

  private async read(): Promise<LockRow | undefined> {
    const { schema } = this.options;
    const f = schema.SyncLock.f;
    const rows = await this.options.sf.query<LockRow>(
      `SELECT Id, ${f.Owner}, ${f.RunId}, ${f.ExpiresAt} FROM ${schema.SyncLock.name} WHERE ${f.LockKey} = ${soqlString(SINGLETON_KEY)} LIMIT 1`
    );
    return rows[0];
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function describe(errors: { statusCode: string; message: string }[]): string {
  return errors.map((e) => `${e.statusCode}: ${e.message}`).join('; ') || 'unknown error';
}
