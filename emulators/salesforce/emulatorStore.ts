import type { Clock } from '../../sync/src/core/clock';
import { RecordFailure } from './errors';
import type { ObjectDef, Schema } from './schema';
import { compileQuery } from './soql/compile';
import { projectRecord, runQuery, type JsonRecord } from './soql/execute';
import type { Access } from './soql/paths';
import type { SObjectRecord, Store } from './store';

/**
 * In-process access for tests, seeds and the harness: no HTTP, no call counted, no permission checks.
 * Object and field names may be given with or without the namespace prefix (`UserCourse__c` or
 * `tlms__UserCourse__c`); system fields (CreatedDate, UserType, IsDeleted …) may be set directly.
 */
const SYSTEM = { system: true };
const everything: Access = { canReadObject: () => true, canReadField: () => true };

export class EmulatorStore {
  constructor(
    private readonly store: Store,
    private readonly schema: Schema,
    private readonly clock: Clock,
    private readonly apiVersion: string
  ) {}

  /** The object's API name for a source or API name (`UserCourse__c` → `tlms__UserCourse__c`). */
  objectName(name: string): string {
    const object = this.schema.object(name) ?? this.schema.object(this.schema.ns.apiName(name));
    if (!object) throw new Error(`Unknown sObject ${name} (namespace '${this.schema.namespace}')`);
    return object.name;
  }

  private object(name: string): ObjectDef {
    return this.schema.object(this.objectName(name)) as ObjectDef;
  }

  private resolveKeys(object: ObjectDef, record: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) {
      if (key === 'attributes') continue;
      const field =
        object.byName.get(key.toLowerCase()) ?? object.byName.get(this.schema.ns.apiName(key).toLowerCase());
      if (!field) throw new Error(`Unknown field ${key} on ${object.name}`);
      out[field.name] = value;
    }
    return out;
  }

  private unwrap<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof RecordFailure) throw new Error(error.message);
      throw error;
    }
  }

  /** Inserts records and returns their ids (in order). Throws on the first invalid record. */
  insert(sobject: string, records: Array<Record<string, unknown>>): string[] {
    const object = this.object(sobject);
    return this.unwrap(() =>
      records.map((r) => this.store.insertOne(object.name, this.resolveKeys(object, r), SYSTEM).Id as string)
    );
  }

  /** Updates records; each must carry `Id`. */
  update(sobject: string, records: Array<Record<string, unknown>>): void {
    const object = this.object(sobject);
    this.unwrap(() =>
      records.forEach((r) => this.store.updateOne(object.name, this.resolveKeys(object, r), SYSTEM))
    );
  }

  /** Soft-deletes records: they stay visible to queryAll with IsDeleted = true. */
  delete(ids: string[]): void {
    this.unwrap(() => ids.forEach((id) => this.store.deleteOne(id)));
  }

  /**
   * Removes records for good, live or soft-deleted (as a Bulk 2.0 hardDelete does): they no longer show in
   * queryAll and their ids are unknown afterwards. Throws on an id the store does not hold.
   */
  hardDelete(ids: string[]): void {
    this.unwrap(() => ids.forEach((id) => this.store.hardDelete(id)));
  }

  /** Merges losers into the master (Contact, Account): losers are deleted with MasterRecordId = master. */
  merge(sobject: string, masterId: string, loserIds: string[]): void {
    this.unwrap(() => this.store.merge(this.objectName(sobject), masterId, loserIds));
  }

  /** Copies of every record of an object (deleted ones only with includeDeleted). */
  all(sobject: string, options: { includeDeleted?: boolean } = {}): SObjectRecord[] {
    return this.store
      .rows(this.objectName(sobject))
      .filter((r) => options.includeDeleted || r.IsDeleted !== true)
      .map((r) => ({ ...r }));
  }

  get(id: string): SObjectRecord | undefined {
    const hit = this.store.get(id);
    return hit ? { ...hit.record } : undefined;
  }

  /** Runs SOQL with full access and returns every row (no paging), shaped as the REST API shapes them. */
  query(soql: string, options: { includeDeleted?: boolean; apiVersion?: string } = {}): JsonRecord[] {
    const compiled = compileQuery(soql, this.schema, everything, this.clock.now());
    const rows = runQuery(compiled, this.store, options.includeDeleted === true);
    return rows.map((r) => projectRecord(compiled, this.store, r, options.apiVersion ?? this.apiVersion));
  }

  /** Number of rows a query matches (COUNT() or not). */
  count(soql: string, options: { includeDeleted?: boolean } = {}): number {
    const compiled = compileQuery(soql, this.schema, everything, this.clock.now());
    return runQuery(compiled, this.store, options.includeDeleted === true).length;
  }
}
