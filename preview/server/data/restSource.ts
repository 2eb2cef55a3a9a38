import type { FieldValue, RecordSource, SRecord } from './recordSource';

export interface SalesforceConnection {
  instanceUrl: string;
  clientId?: string;
  clientSecret?: string;
  /** A ready token instead of client credentials (e.g. `sf org display --json`). */
  accessToken?: string;
  apiVersion?: string;
  /** Package namespace in the org ('' for an unpackaged deploy). */
  namespace: string;
}

/**
 * Reads and writes records over the Salesforce REST API (client-credentials flow), so the preview works the
 * same against a running emulator harness as against the in-process emulator: describe for the field list,
 * `query` with `nextRecordsUrl` paging, sObject routes for writes. Names are namespaced on the way out and
 * stripped on the way back.
 */
export class RestRecordSource implements RecordSource {
  readonly description: string;
  private token: string | undefined;
  private readonly fieldsByObject = new Map<string, string[] | null>();
  private readonly version: string;
  /** Characters of a query URI (path and encoded SOQL) kept under the org's 16,384. */
  static readonly URI_BUDGET = 16_000;

  constructor(private readonly connection: SalesforceConnection) {
    this.description = `Salesforce REST API at ${connection.instanceUrl} (namespace "${connection.namespace}")`;
    this.token = connection.accessToken;
    this.version = connection.apiVersion ?? '62.0';
  }

  async list(objectName: string): Promise<SRecord[]> {
    const fields = await this.describeFields(objectName);
    if (!fields) return [];
    const groups = this.fieldGroups(objectName, fields);
    if (groups.length === 1) return this.query(objectName, groups[0]);
    // Wider than one query URI holds (PermissionSet's hundreds of Permissions* fields): one query per group of
    // columns, each with the Id, joined by Id.
    const [first, ...rest] = await Promise.all(groups.map((group) => this.query(objectName, group)));
    const byId = new Map(first.map((record) => [record.Id, record]));
    for (const records of rest)
      for (const record of records) Object.assign(byId.get(record.Id) ?? {}, record);
    return first;
  }

  /** The describe's fields in groups whose query URI stays under the 16,384 characters Salesforce accepts. */
  private fieldGroups(objectName: string, fields: string[]): string[][] {
    const budget = RestRecordSource.URI_BUDGET - `/services/data/v${this.version}/query?q=`.length;
    const cost = (group: string[]) =>
      encodeURIComponent(`SELECT ${group.join(', ')} FROM ${this.withNamespace(objectName)}`).length;
    if (cost(fields) <= budget) return [fields];
    const groups: string[][] = [];
    let group = ['Id'];
    let length = cost(group);
    for (const field of fields.filter((name) => name !== 'Id')) {
      const added = encodeURIComponent(`, ${field}`).length;
      if (group.length > 1 && length + added > budget) {
        groups.push(group);
        group = ['Id'];
        length = cost(group);
      }
      group.push(field);
      length += added;
    }
    groups.push(group);
    return groups;
  }

  private async query(objectName: string, fields: string[]): Promise<SRecord[]> {
    const soql = `SELECT ${fields.join(', ')} FROM ${this.withNamespace(objectName)}`;
    const records: SRecord[] = [];
    let next: string | undefined = `/services/data/v${this.version}/query?q=${encodeURIComponent(soql)}`;
    while (next) {
      const page = (await this.request('GET', next)) as {
        records: Record<string, unknown>[];
        nextRecordsUrl?: string;
      };
      for (const raw of page.records) records.push(this.fromOrg(raw));
      next = page.nextRecordsUrl;
    }
    return records;
  }

  async update(objectName: string, id: string, fields: Record<string, FieldValue>): Promise<void> {
    await this.request(
      'PATCH',
      `/services/data/v${this.version}/sobjects/${this.withNamespace(objectName)}/${id}`,
      this.toOrg(fields)
    );
  }

  async insert(objectName: string, fields: Record<string, FieldValue>): Promise<string> {
    const result = (await this.request(
      'POST',
      `/services/data/v${this.version}/sobjects/${this.withNamespace(objectName)}`,
      this.toOrg(fields)
    )) as { id: string };
    return result.id;
  }

  /** One Collections delete, all or none (as Apex `delete`): a refused row fails the whole request. */
  async delete(_objectName: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    if (ids.length > 200) throw new Error(`A Collections delete takes at most 200 ids, not ${ids.length}`);
    const results = (await this.request(
      'DELETE',
      `/services/data/v${this.version}/composite/sobjects?ids=${ids.join(',')}&allOrNone=true`
    )) as { id: string | null; success: boolean; errors?: { statusCode?: string; message?: string }[] }[];
    const failed = results.find((result) => !result.success);
    if (failed) {
      const error = failed.errors?.[0];
      throw new Error(
        `Salesforce refused the delete of ${failed.id ?? 'a record'}: ${error?.statusCode ?? ''} ${error?.message ?? ''}`.trim()
      );
    }
  }

  /** `UserCourse__c` → `tlms__UserCourse__c`; standard names and already prefixed names are left alone. */
  withNamespace(name: string): string {
    const ns = this.connection.namespace;
    if (!ns || !/__(c|r)$/.test(name) || name.split('__').length !== 2) return name;
    return `${ns}__${name}`;
  }

  withoutNamespace(name: string): string {
    const prefix = `${this.connection.namespace}__`;
    return this.connection.namespace && name.startsWith(prefix) ? name.slice(prefix.length) : name;
  }

  private fromOrg(raw: Record<string, unknown>): SRecord {
    const record: Record<string, FieldValue> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (key === 'attributes' || (value !== null && typeof value === 'object')) continue;
      record[this.withoutNamespace(key)] = value as FieldValue;
    }
    return record as SRecord;
  }

  private toOrg(fields: Record<string, FieldValue>): Record<string, FieldValue> {
    return Object.fromEntries(
      Object.entries(fields)
        .filter(([key]) => key !== 'Id')
        .map(([key, value]) => [this.withNamespace(key), value])
    );
  }

  private async describeFields(objectName: string): Promise<string[] | null> {
    if (!this.fieldsByObject.has(objectName)) {
      try {
        const describe = (await this.request(
          'GET',
          `/services/data/v${this.version}/sobjects/${this.withNamespace(objectName)}/describe`
        )) as { fields: { name: string; type?: string }[] };
        // Compound fields (address, geolocation) repeat their components and arrive as objects.
        const scalar = describe.fields.filter(
          (field) => field.type !== 'address' && field.type !== 'location'
        );
        this.fieldsByObject.set(
          objectName,
          scalar.map((field) => field.name)
        );
      } catch (error) {
        if ((error as { status?: number }).status !== 404) throw error;
        this.fieldsByObject.set(objectName, null);
      }
    }
    return this.fieldsByObject.get(objectName) ?? null;
  }

  /** Client credentials are honoured on the My Domain host only (login.salesforce.com refuses them). */
  private async authorize(): Promise<string> {
    const { clientId, clientSecret } = this.connection;
    if (!clientId || !clientSecret) {
      throw new Error(
        'No Salesforce credentials: give clientId and clientSecret (or an access token) to the preview'
      );
    }
    const response = await fetch(`${this.connection.instanceUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret
      })
    });
    const body = (await response.json()) as {
      access_token?: string;
      error?: string;
      error_description?: string;
    };
    if (!response.ok || !body.access_token) {
      throw new Error(
        `Salesforce refused the preview's token request: ${body.error ?? response.status} ${body.error_description ?? ''}`.trim()
      );
    }
    this.token = body.access_token;
    return this.token;
  }

  private async request(method: string, path: string, body?: unknown, retried = false): Promise<unknown> {
    const token = this.token ?? (await this.authorize());
    const response = await fetch(`${this.connection.instanceUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'application/json'
      },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (response.status === 401 && !retried && this.connection.clientId) {
      this.token = undefined;
      return this.request(method, path, body, true);
    }
    const text = await response.text();
    const payload: unknown = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const first = Array.isArray(payload)
        ? (payload[0] as { errorCode?: string; message?: string })
        : undefined;
      const error = new Error(
        `Salesforce ${method} ${path.split('?')[0]} failed: ${response.status} ${first?.errorCode ?? ''} ${first?.message ?? text}`.trim()
      );
      Object.assign(error, { status: response.status });
      throw error;
    }
    return payload;
  }
}

/** Memoises `list` for one request, so a handler and the visibility rules read each object once. */
export class RequestScopedSource implements RecordSource {
  private readonly lists = new Map<string, Promise<SRecord[]>>();

  constructor(private readonly inner: RecordSource) {}

  get description(): string {
    return this.inner.description;
  }

  list(objectName: string): Promise<SRecord[]> {
    if (!this.lists.has(objectName)) this.lists.set(objectName, this.inner.list(objectName));
    return this.lists.get(objectName) as Promise<SRecord[]>;
  }

  async update(objectName: string, id: string, fields: Record<string, FieldValue>): Promise<void> {
    this.lists.delete(objectName);
    await this.inner.update(objectName, id, fields);
  }

  async insert(objectName: string, fields: Record<string, FieldValue>): Promise<string> {
    this.lists.delete(objectName);
    return this.inner.insert(objectName, fields);
  }

  async delete(objectName: string, ids: string[]): Promise<void> {
    this.lists.delete(objectName);
    await this.inner.delete(objectName, ids);
  }
}
