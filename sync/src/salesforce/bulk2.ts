import type { Connection } from 'jsforce';
import { HttpApi } from 'jsforce/lib/http-api';
import type { HttpResponse, Schema } from 'jsforce/lib/types';
import type { Clock } from '../core/clock';
import { SalesforceApiError } from '../core/errors';
import type { Logger } from '../core/logger';
import { type IngestResultSets, parseCsvRows, recordsToCsv, resultsInRequestOrder } from './bulk2Csv';
import { ColumnTypes, shapeRow } from './bulk2Soql';
import { mapApiError } from './errors';
import type { SalesforceRecord, SaveResult } from './port';

/**
 * Bulk API 2.0 over the jsforce connection's transport (so every request is metered, carries the current
 * token and is retried once after a token refresh), with the paging done here: jsforce's own `bulk2.query`
 * fails on the second results page (ERR_STREAM_WRITE_AFTER_END, jsforce #1546/#1693). Results are read
 * with `Sforce-Locator` until it is the string "null", and CSV is parsed with csv-parse. Polls wait on the
 * Clock.
 */
export interface Bulk2Options {
  clock: Clock;
  logger: Logger;
  /** First wait between status polls; doubles up to 10 s. */
  pollIntervalMs?: number;
  /** A job still running after this is aborted and the call fails. */
  pollTimeoutMs?: number;
  /** `maxRecords` of one results page. */
  pageSize?: number;
}

export type IngestOperation = 'upsert' | 'update' | 'delete';

interface JobInfo {
  id: string;
  state: string;
  errorMessage?: string;
  numberRecordsProcessed?: number;
  numberRecordsFailed?: number;
}

/** Salesforce-side error codes (SalesforceApiError.errorCode); the runner's code is SALESFORCE_REQUEST_FAILED. */
const BULK_JOB_FAILED = 'BULK_JOB_FAILED';
const BULK_JOB_TIMEOUT = 'BULK_JOB_TIMEOUT';
const TERMINAL = new Set(['JobComplete', 'Failed', 'Aborted']);
const MAX_POLL_INTERVAL_MS = 10_000;

/** Reads a 2xx body as text (CSV stays CSV); error bodies are still parsed as JSON for their errorCode. */
class TextApi extends HttpApi<Schema> {
  override getResponseContentType(response: HttpResponse): string | undefined {
    if (response.statusCode < 400) return 'text/plain';
    return super.getResponseContentType(response) ?? undefined;
  }
}

export class Bulk2Client {
  private readonly types: ColumnTypes;

  constructor(
    private readonly conn: Connection,
    private readonly options: Bulk2Options
  ) {
    this.types = new ColumnTypes((sobject) => this.json('GET', `/sobjects/${sobject}/describe`));
  }

  private get base(): string {
    return `/services/data/v${this.conn.version}`;
  }

  /** Every row of a query job, typed and shaped as the REST API returns records (relationships nested). */
  async query<T extends SalesforceRecord>(soql: string, scanAll: boolean): Promise<T[]> {
    const job = await this.json<JobInfo>('POST', '/jobs/query', {
      operation: scanAll ? 'queryAll' : 'query',
      query: soql,
      contentType: 'CSV',
      columnDelimiter: 'COMMA',
      lineEnding: 'LF'
    });
    await this.waitFor('query', job.id);
    const types = await this.types.forQuery(soql);
    const records: T[] = [];
    let locator: string | null = null;
    const pageSize = this.options.pageSize ?? 50_000;
    do {
      const params = new URLSearchParams({ maxRecords: String(pageSize) });
      if (locator) params.set('locator', locator);
      const page = await this.text('GET', `/jobs/query/${job.id}/results?${params}`);
      for (const row of parseCsvRows(page.body)) records.push(shapeRow(row, types) as T);
      // The last page says so with the literal string "null"; a missing header must not loop forever.
      const next = page.headers['sforce-locator'];
      locator = next && next !== 'null' ? next : null;
    } while (locator);
    this.options.logger.debug('Bulk 2.0 query read', { jobId: job.id, records: records.length });
    return records;
  }

  /**
   * One ingest job: create, upload, close, wait, then the three result sets, mapped back to the request
   * order in the Collections result shape. `keyColumn` matches result rows to records.
   */
  async ingest(
    sobject: string,
    operation: IngestOperation,
    records: SalesforceRecord[],
    externalIdField?: string
  ): Promise<SaveResult[]> {
    const job = await this.json<JobInfo>('POST', '/jobs/ingest', {
      object: sobject,
      operation,
      ...(externalIdField ? { externalIdFieldName: externalIdField } : {}),
      contentType: 'CSV',
      columnDelimiter: 'COMMA',
      lineEnding: 'LF'
    });
    const { csv } = recordsToCsv(records);
    await this.text('PUT', `/jobs/ingest/${job.id}/batches`, csv, 'text/csv');
    await this.json('PATCH', `/jobs/ingest/${job.id}`, { state: 'UploadComplete' });
    const done = await this.waitFor('ingest', job.id);
    const sets: IngestResultSets = { successful: [], failed: [], unprocessed: [] };
    if (done.state === 'JobComplete') {
      sets.successful = parseCsvRows(
        (await this.text('GET', `/jobs/ingest/${job.id}/successfulResults`)).body
      );
      sets.failed = parseCsvRows((await this.text('GET', `/jobs/ingest/${job.id}/failedResults`)).body);
    } else {
      this.options.logger.warn('A Bulk 2.0 job did not complete; its records count as unprocessed', {
        jobId: job.id,
        state: done.state,
        errorMessage: done.errorMessage
      });
    }
    const keyColumn = operation === 'upsert' && externalIdField ? externalIdField : 'Id';
    const results = resultsInRequestOrder(records, keyColumn, sets);
    this.options.logger.debug('Bulk 2.0 ingest done', {
      jobId: job.id,
      operation,
      records: records.length,
      failed: results.filter((r) => !r.success).length
    });
    return results;
  }

  /** Polls on the Clock until the job is finished; a query job that fails is an error. */
  private async waitFor(kind: 'query' | 'ingest', id: string): Promise<JobInfo> {
    const { clock } = this.options;
    const timeout = this.options.pollTimeoutMs ?? 10 * 60_000;
    const started = clock.now();
    let wait = this.options.pollIntervalMs ?? 1_000;
    for (;;) {
      const info = await this.json<JobInfo>('GET', `/jobs/${kind}/${id}`);
      if (TERMINAL.has(info.state)) {
        if (kind === 'query' && info.state !== 'JobComplete') {
          throw new SalesforceApiError(
            BULK_JOB_FAILED,
            `Bulk API 2.0 query job ${id} ended ${info.state}: ${info.errorMessage ?? 'no reason given'}`,
            { data: { jobId: id, state: info.state } }
          );
        }
        return info;
      }
      if (clock.now() - started >= timeout) {
        await this.json('PATCH', `/jobs/${kind}/${id}`, { state: 'Aborted' }).catch(() => undefined);
        throw new SalesforceApiError(
          BULK_JOB_TIMEOUT,
          `Bulk API 2.0 ${kind} job ${id} was still ${info.state} after ${Math.round(timeout / 1000)} s; it was aborted`,
          { data: { jobId: id, state: info.state } }
        );
      }
      await clock.sleep(wait);
      wait = Math.min(wait * 2, MAX_POLL_INTERVAL_MS);
    }
  }

  private async json<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    try {
      return await this.conn.request<T>({
        method: method as 'GET',
        url: `${this.base}${path}`,
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } })
      });
    } catch (error) {
      throw mapApiError(error);
    }
  }

  private async text(
    method: string,
    path: string,
    body?: string,
    contentType?: string
  ): Promise<{ body: string; headers: Record<string, string> }> {
    const api = new TextApi(this.conn as unknown as Connection<Schema>, {});
    let headers: Record<string, string> = {};
    api.on('response', (response: HttpResponse) => {
      headers = response.headers as Record<string, string>;
      trackUsage(this.conn, headers['sforce-limit-info']);
    });
    try {
      const text = await api.request<string>({
        method: method as 'GET',
        url: `${this.conn.instanceUrl}${this.base}${path}`,
        ...(body === undefined ? {} : { body }),
        headers: { ...(contentType ? { 'Content-Type': contentType } : {}), Accept: 'text/csv' }
      });
      return { body: typeof text === 'string' ? text : '', headers };
    } catch (error) {
      throw mapApiError(error);
    }
  }
}

/** jsforce records Sforce-Limit-Info only for conn.request; the text requests report it the same way. */
function trackUsage(conn: Connection, header: string | undefined): void {
  const match = header?.match(/api-usage=(\d+)\/(\d+)/);
  if (!match) return;
  conn.limitInfo = { ...conn.limitInfo, apiUsage: { used: Number(match[1]), limit: Number(match[2]) } };
}
