/**
 * What the rest of the runner sees of Salesforce: a small port with plain data. Only ./adapter.ts knows
 * jsforce; tests of the engine can hand in any object with this shape.
 */
export type SalesforceRecord = Record<string, unknown> & { Id?: string };

export interface RecordError {
  statusCode: string;
  message: string;
  fields?: string[];
}

/** One result per record, in request order (sObject Collections semantics). */
export interface SaveResult {
  id: string | null;
  success: boolean;
  created?: boolean;
  errors: RecordError[];
}

export interface SalesforceIdentity {
  organizationId: string;
  userId: string;
  instanceUrl: string;
}

export interface FieldDescribe {
  name: string;
  type: string;
  createable: boolean;
  updateable: boolean;
}

export interface ObjectDescribe {
  name: string;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  fields: FieldDescribe[];
}

export interface SalesforceLimits {
  dailyApiRequests: { max: number; remaining: number } | null;
}

export interface SalesforcePort {
  readonly identity: SalesforceIdentity;
  /** Every page (2,000 rows a page), as plain records without `attributes`. */
  query<T extends SalesforceRecord = SalesforceRecord>(soql: string): Promise<T[]>;
  /** Like query, including deleted and merged rows (`/queryAll`). */
  queryAll<T extends SalesforceRecord = SalesforceRecord>(soql: string): Promise<T[]>;
  /**
   * Upsert by external id: sObject Collections, 200 records a call, or one Bulk API 2.0 job above the write
   * threshold (same result shape). UNABLE_TO_LOCK_ROW retried with backoff.
   */
  upsert(sobject: string, externalIdField: string, records: SalesforceRecord[]): Promise<SaveResult[]>;
  create(sobject: string, records: SalesforceRecord[]): Promise<SaveResult[]>;
  /** Records carry `Id`. */
  update(sobject: string, records: SalesforceRecord[]): Promise<SaveResult[]>;
  /** 200 ids a call; with `sobject` (all ids of that object), a large delete is one Bulk API 2.0 job. */
  delete(ids: string[], sobject?: string): Promise<SaveResult[]>;
  describe(sobject: string): Promise<ObjectDescribe>;
  /** Names of every object the user can see (one call). */
  describeGlobal(): Promise<string[]>;
  limits(): Promise<SalesforceLimits>;
  /** Org-wide API usage from the last response's Sforce-Limit-Info header. */
  apiUsage(): { used: number; limit: number } | null;
}

/** SOQL string literal with the escapes SOQL defines, so a value can never widen a query. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** `('a','b')` for IN clauses. */
export function soqlList(values: string[]): string {
  return `(${values.map(soqlString).join(',')})`;
}

/** SOQL datetime literal (unquoted ISO-8601 UTC). */
export function soqlDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
