import { Connection } from 'jsforce';
import type { SalesforceAuth } from '../config/load';
import type { CallMeter } from '../core/callMeter';
import type { Clock } from '../core/clock';
import { AuthError } from '../core/errors';
import { Bulk2Client, type IngestOperation } from './bulk2';
import { bulkQueryable } from './bulk2Soql';
import { mapApiError, mapAuthError } from './errors';
import type { Logger } from '../core/logger';
import type { Redactor } from '../core/redact';
import type {
  ObjectDescribe,
  SalesforceIdentity,
  SalesforceLimits,
  SalesforcePort,
  SalesforceRecord,
  SaveResult
} from './port';

/**
 * The one folder that imports jsforce (3.10.16, the last release that runs on Node 20). Authenticates with
 * the client-credentials flow on the My Domain URL (a refreshFn repeats the grant on 401, since the flow
 * issues no refresh token) or with a given access token, and counts every request to /services/data/** on
 * the CallMeter so the run summary matches what Salesforce (and the emulator) meters.
 */
export interface ConnectOptions {
  instanceUrl: string;
  apiVersion: string;
  auth: SalesforceAuth;
  clock: Clock;
  logger: Logger;
  meter: CallMeter;
  redactor: Redactor;
  /** Bulk API 2.0 above these sizes (defaults: BULK_DEFAULTS). */
  bulk?: Partial<BulkThresholds>;
}

/**
 * When Bulk API 2.0 replaces REST: a query whose first REST page reports more rows than `queryRows` (and that
 * Bulk can answer) is read as a Bulk query job instead; an upsert, update or delete of at least `writeRows`
 * records is one ingest job instead of Collections calls of 200.
 */
export interface BulkThresholds {
  queryRows: number;
  writeRows: number;
  /** Rows per Bulk query results page (`maxRecords`). */
  pageRows: number;
}

export const BULK_DEFAULTS: BulkThresholds = { queryRows: 10_000, writeRows: 2_000, pageRows: 50_000 };

const COLLECTION_SIZE = 200;
const QUERY_BATCH = { 'Sforce-Query-Options': 'batchSize=2000' };
const LOCK_RETRIES = 3;
const LOCK_BACKOFF_MS = 1_000;

interface TokenResponseLike {
  access_token: string;
  id?: string;
  instance_url?: string;
}

export async function connectSalesforce(options: ConnectOptions): Promise<SalesforcePort> {
  const { instanceUrl, apiVersion, auth, meter, redactor, logger } = options;
  let conn: Connection;
  let identity: SalesforceIdentity;
  if (auth.kind === 'clientCredentials') {
    conn = new Connection({
      loginUrl: instanceUrl,
      instanceUrl,
      version: apiVersion,
      oauth2: { loginUrl: instanceUrl, clientId: auth.clientId, clientSecret: auth.clientSecret },
      // The flow has no refresh token: on 401 jsforce calls this, which asks for a new token the same way.
      refreshFn: (c, callback) => {
        meter.recordToken();
        logger.info('Salesforce session expired; requesting a new token');
        c.oauth2
          .requestToken({ grant_type: 'client_credentials' })
          .then((response) => {
            redactor.add((response as TokenResponseLike).access_token);
            callback(null, (response as TokenResponseLike).access_token, response);
          })
          .catch((error: unknown) => callback(error as Error));
      }
    });
    meterRequests(conn, meter);
    try {
      meter.recordToken();
      const userInfo = await conn.authorize({ grant_type: 'client_credentials' });
      redactor.add(conn.accessToken ?? undefined);
      identity = {
        organizationId: userInfo.organizationId,
        userId: userInfo.id,
        instanceUrl: conn.instanceUrl
      };
    } catch (error) {
      throw mapAuthError(error);
    }
  } else {
    redactor.add(auth.accessToken);
    conn = new Connection({ instanceUrl, accessToken: auth.accessToken, version: apiVersion });
    meterRequests(conn, meter);
    identity = await identityFromUserInfo(conn, instanceUrl);
  }
  logger.debug('Salesforce authenticated', {
    organizationId: identity.organizationId,
    userId: identity.userId
  });
  return new JsforceAdapter(conn, identity, options);
}

/** Counts metered requests at the transport, so retries after a refresh and every page are counted too. */
function meterRequests(conn: Connection, meter: CallMeter): void {
  const transport = (
    conn as unknown as { _transport: { httpRequest: (req: { url: string }, o?: unknown) => unknown } }
  )._transport;
  const original = transport.httpRequest.bind(transport);
  transport.httpRequest = (request, requestOptions) => {
    if (new URL(request.url, 'http://x').pathname.startsWith('/services/data/')) meter.record('salesforce');
    return original(request, requestOptions);
  };
}

/** Access-token mode: the OpenID userinfo endpoint names the org and user (not a metered route). */
async function identityFromUserInfo(conn: Connection, instanceUrl: string): Promise<SalesforceIdentity> {
  try {
    const info = await conn.request<{ organization_id?: string; user_id?: string }>({
      method: 'GET',
      url: `${instanceUrl}/services/oauth2/userinfo`
    });
    if (!info.organization_id || !info.user_id) {
      throw new AuthError('SF_AUTH_FAILED', 'Salesforce userinfo did not name the organization and user');
    }
    return { organizationId: info.organization_id, userId: info.user_id, instanceUrl };
  } catch (error) {
    throw mapAuthError(error);
  }
}

function stripAttributes<T extends SalesforceRecord>(record: Record<string, unknown>): T {
  const { attributes: _attributes, ...rest } = record;
  for (const [key, value] of Object.entries(rest)) {
    // Parent relationship objects (e.g. Account.Name) lose their attributes too.
    if (value && typeof value === 'object' && !Array.isArray(value) && 'attributes' in value) {
      rest[key] = stripAttributes(value as Record<string, unknown>);
    }
  }
  return rest as T;
}

function toSaveResult(raw: unknown): SaveResult {
  const r = raw as { id?: string | null; success?: boolean; created?: boolean; errors?: unknown[] };
  return {
    id: r.id ?? null,
    success: Boolean(r.success),
    ...(r.created === undefined ? {} : { created: r.created }),
    errors: (r.errors ?? []).map((e) => {
      const err = e as { statusCode?: string; errorCode?: string; message?: string; fields?: string[] };
      return {
        statusCode: err.statusCode ?? err.errorCode ?? 'UNKNOWN',
        message: err.message ?? '',
        fields: err.fields
      };
    })
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

class JsforceAdapter implements SalesforcePort {
  private readonly bulk: Bulk2Client;
  private readonly thresholds: BulkThresholds;

  constructor(
    private readonly conn: Connection,
    readonly identity: SalesforceIdentity,
    private readonly options: ConnectOptions
  ) {
    this.thresholds = { ...BULK_DEFAULTS, ...options.bulk };
    this.bulk = new Bulk2Client(conn, {
      clock: options.clock,
      logger: options.logger.child('bulk2'),
      pageSize: this.thresholds.pageRows
    });
  }

  query<T extends SalesforceRecord>(soql: string): Promise<T[]> {
    return this.fetchAll<T>(soql, false);
  }

  queryAll<T extends SalesforceRecord>(soql: string): Promise<T[]> {
    return this.fetchAll<T>(soql, true);
  }

  private async fetchAll<T extends SalesforceRecord>(soql: string, scanAll: boolean): Promise<T[]> {
    this.options.logger.debug('query', { soql: soql.slice(0, 500) });
    try {
      const records: T[] = [];
      let page = await this.conn.query<Record<string, unknown>>(soql, {
        autoFetch: false,
        scanAll,
        headers: QUERY_BATCH
      });
      if (!page.done && page.totalSize > this.thresholds.queryRows && bulkQueryable(soql)) {
        // One wasted page, then a few Bulk calls instead of totalSize / 2,000 REST pages.
        this.options.logger.debug('Large query: reading it with Bulk API 2.0', { rows: page.totalSize });
        return await this.bulk.query<T>(soql, scanAll);
      }
      records.push(...page.records.map((r) => stripAttributes<T>(r)));
      while (!page.done && page.nextRecordsUrl) {
        page = await this.conn.queryMore<Record<string, unknown>>(page.nextRecordsUrl, {
          headers: QUERY_BATCH
        } as never);
        records.push(...page.records.map((r) => stripAttributes<T>(r)));
      }
      return records;
    } catch (error) {
      throw mapApiError(error);
    }
  }

  upsert(sobject: string, externalIdField: string, records: SalesforceRecord[]): Promise<SaveResult[]> {
    if (records.length >= this.thresholds.writeRows) {
      return this.bulkWrite(sobject, 'upsert', records, externalIdField);
    }
    return this.collection(records, (batch) =>
      this.conn.sobject(sobject).upsert(batch as never, externalIdField, { allOrNone: false } as never)
    );
  }

  create(sobject: string, records: SalesforceRecord[]): Promise<SaveResult[]> {
    return this.collection(records, (batch) =>
      this.conn.sobject(sobject).create(batch as never, { allOrNone: false } as never)
    );
  }

  update(sobject: string, records: SalesforceRecord[]): Promise<SaveResult[]> {
    if (records.length >= this.thresholds.writeRows) return this.bulkWrite(sobject, 'update', records);
    return this.collection(records, (batch) =>
      this.conn.sobject(sobject).update(batch as never, { allOrNone: false } as never)
    );
  }

  async delete(ids: string[], sobject?: string): Promise<SaveResult[]> {
    if (sobject && ids.length >= this.thresholds.writeRows) {
      return this.bulkWrite(
        sobject,
        'delete',
        ids.map((Id) => ({ Id }))
      );
    }
    const results: SaveResult[] = [];
    for (const batch of chunks(ids, COLLECTION_SIZE)) {
      try {
        const raw = await this.conn.destroy('' as never, batch as never, { allOrNone: false } as never);
        results.push(...(raw as unknown[]).map(toSaveResult));
      } catch (error) {
        throw mapApiError(error);
      }
    }
    return results;
  }

  /**
   * One Bulk 2.0 ingest job, results in the Collections shape. Rows that failed UNABLE_TO_LOCK_ROW are
   * retried (after backoff) through the same size rule, as Collections retries them.
   */
  private async bulkWrite(
    sobject: string,
    operation: IngestOperation,
    records: SalesforceRecord[],
    externalIdField?: string,
    attempt = 0
  ): Promise<SaveResult[]> {
    const raw = await this.bulk.ingest(sobject, operation, records, externalIdField);
    // Collections answers `created` for upserts only.
    const results = operation === 'upsert' ? raw : raw.map(({ created: _created, ...rest }) => rest);
    const locked = results
      .map((result, index) => ({ result, index }))
      .filter(({ result }) => result.errors.some((e) => e.statusCode === 'UNABLE_TO_LOCK_ROW'));
    if (locked.length === 0 || attempt >= LOCK_RETRIES) return results;
    await this.options.clock.sleep(LOCK_BACKOFF_MS * 2 ** attempt);
    const retryRecords = locked.map(({ index }) => records[index]);
    const retried =
      retryRecords.length >= this.thresholds.writeRows
        ? await this.bulkWrite(sobject, operation, retryRecords, externalIdField, attempt + 1)
        : operation === 'upsert'
          ? await this.upsert(sobject, externalIdField as string, retryRecords)
          : operation === 'update'
            ? await this.update(sobject, retryRecords)
            : await this.delete(retryRecords.map((r) => String(r.Id)));
    locked.forEach(({ index }, i) => (results[index] = retried[i]));
    return results;
  }

  /**
   * Sends ≤ 200 records a call (jsforce would send one oversized request otherwise) and retries the records
   * that failed with UNABLE_TO_LOCK_ROW, with backoff on the Clock.
   */
  private async collection(
    records: SalesforceRecord[],
    send: (batch: SalesforceRecord[]) => Promise<unknown>
  ): Promise<SaveResult[]> {
    const results: SaveResult[] = new Array(records.length);
    let pending = records.map((record, index) => ({ record, index }));
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      const retry: typeof pending = [];
      for (const batch of chunks(pending, COLLECTION_SIZE)) {
        let raw: unknown;
        try {
          raw = await send(batch.map((item) => item.record));
        } catch (error) {
          throw mapApiError(error);
        }
        const list = (Array.isArray(raw) ? raw : [raw]).map(toSaveResult);
        list.forEach((result, i) => {
          const item = batch[i];
          const locked = !result.success && result.errors.some((e) => e.statusCode === 'UNABLE_TO_LOCK_ROW');
          if (locked && attempt < LOCK_RETRIES) retry.push(item);
          else results[item.index] = result;
        });
      }
      pending = retry;
      if (pending.length > 0) {
        this.options.logger.info('Records locked by another transaction; retrying', {
          records: pending.length,
          attempt: attempt + 1
        });
        await this.options.clock.sleep(LOCK_BACKOFF_MS * 2 ** attempt);
      }
    }
    return results;
  }

  async describe(sobject: string): Promise<ObjectDescribe> {
    try {
      const raw = (await this.conn.sobject(sobject).describe()) as unknown as ObjectDescribe;
      return {
        name: raw.name,
        createable: raw.createable,
        updateable: raw.updateable,
        deletable: raw.deletable,
        queryable: raw.queryable,
        fields: raw.fields.map((f) => ({
          name: f.name,
          type: f.type,
          createable: f.createable,
          updateable: f.updateable
        }))
      };
    } catch (error) {
      throw mapApiError(error);
    }
  }

  async describeGlobal(): Promise<string[]> {
    try {
      // Straight to the API: jsforce caches describeGlobal, and a cached answer would not be metered.
      const raw = await this.conn.request<{ sobjects: { name: string }[] }>(
        `/services/data/v${this.conn.version}/sobjects`
      );
      return raw.sobjects.map((s) => s.name);
    } catch (error) {
      throw mapApiError(error);
    }
  }

  async limits(): Promise<SalesforceLimits> {
    try {
      const raw = (await this.conn.limits()) as unknown as Record<string, { Max: number; Remaining: number }>;
      const daily = raw.DailyApiRequests;
      return { dailyApiRequests: daily ? { max: daily.Max, remaining: daily.Remaining } : null };
    } catch (error) {
      throw mapApiError(error);
    }
  }

  apiUsage(): { used: number; limit: number } | null {
    const usage = this.conn.limitInfo?.apiUsage;
    return usage ? { used: usage.used, limit: usage.limit } : null;
  }
}
