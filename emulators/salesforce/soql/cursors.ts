import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../sync/src/core/clock';
import { ApiError } from '../errors';
import { isLongText } from '../schema';
import type { CompiledQuery } from './compile';
import type { JsonRecord } from './execute';

/**
 * Query batches and locators (salesforce.md §2): 2,000 rows a page by default, `Sforce-Query-Options:
 * batchSize=N` honoured between 200 and 2,000, 200 when two or more long text fields are selected. A locator
 * is `<cursor id>-<rows already returned>`, with no `/` (jsforce keeps only the last path segment).
 */
export const DEFAULT_BATCH = 2000;
export const MIN_BATCH = 200;
export const LONG_TEXT_BATCH = 200;
const FINISHED_CURSOR_GRACE_MS = 15 * 60 * 1000;

interface Cursor {
  records: JsonRecord[];
  batchSize: number;
  expiresAt: number;
}

export interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: JsonRecord[];
}

export function batchSizeFor(query: CompiledQuery, header: string | string[] | undefined): number {
  let size = DEFAULT_BATCH;
  const text = Array.isArray(header) ? header.join(',') : header;
  const match = text ? /batchSize\s*=\s*(\d+)/i.exec(text) : null;
  if (match) size = Math.min(DEFAULT_BATCH, Math.max(MIN_BATCH, Number(match[1])));
  const longTexts = query.select.filter((p) => isLongText(p.field)).length;
  if (longTexts >= 2) size = Math.min(size, LONG_TEXT_BATCH);
  return size;
}

export class CursorStore {
  private readonly cursors = new Map<string, Cursor>();

  constructor(
    private readonly clock: Clock,
    private readonly lifetimeMs: number
  ) {}

  /** The first page; stores the rest (a snapshot taken now) behind a locator. */
  firstPage(records: JsonRecord[], batchSize: number, apiVersion: string): QueryPage {
    if (records.length <= batchSize) return { totalSize: records.length, done: true, records };
    this.pruneExpired();
    const id = `0r8${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`;
    this.cursors.set(id, { records, batchSize, expiresAt: this.clock.now() + this.lifetimeMs });
    return this.page(id, 0, apiVersion);
  }

  next(locator: string, apiVersion: string): QueryPage {
    this.pruneExpired();
    const match = /^(0r8[A-Za-z0-9]+)-(\d+)$/.exec(locator);
    const cursor = match ? this.cursors.get(match[1]) : undefined;
    if (
      !match ||
      !cursor ||
      this.clock.now() >= cursor.expiresAt ||
      Number(match[2]) >= cursor.records.length
    ) {
      throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    }
    return this.page(match[1], Number(match[2]), apiVersion);
  }

  private page(id: string, offset: number, apiVersion: string): QueryPage {
    const cursor = this.cursors.get(id)!;
    const end = offset + cursor.batchSize;
    const done = end >= cursor.records.length;
    const page: QueryPage = {
      totalSize: cursor.records.length,
      done,
      records: cursor.records.slice(offset, end)
    };
    // After its last page a cursor lives on briefly, so a client may repeat that page after a network error,
    // without snapshots of finished queries piling up over simulated days.
    if (done) cursor.expiresAt = Math.min(cursor.expiresAt, this.clock.now() + FINISHED_CURSOR_GRACE_MS);
    else page.nextRecordsUrl = `/services/data/v${apiVersion}/query/${id}-${end}`;
    return page;
  }

  private pruneExpired(): void {
    const now = this.clock.now();
    for (const [id, cursor] of this.cursors) if (now >= cursor.expiresAt) this.cursors.delete(id);
  }

  get open(): number {
    return this.cursors.size;
  }
}
