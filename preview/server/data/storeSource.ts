import type { FieldValue, RecordSource, SRecord } from './recordSource';

/** What the preview needs of the Salesforce emulator's in-process store (emulators/salesforce EmulatorStore). */
export interface EmulatorStoreLike {
  objectName(name: string): string;
  all(sobject: string): Record<string, FieldValue>[];
  insert(sobject: string, records: Array<Record<string, unknown>>): string[];
  update(sobject: string, records: Array<Record<string, unknown>>): void;
  delete(ids: string[]): void;
}

/**
 * Live records straight from an in-process Salesforce emulator: no HTTP and no API calls counted, so the
 * preview never disturbs a test's call accounting. The store speaks namespaced API names
 * (`tlms__UserCourse__c`); this adapter strips the prefix so handlers read source names.
 */
export class EmulatorStoreSource implements RecordSource {
  readonly description: string;

  constructor(
    private readonly store: EmulatorStoreLike,
    private readonly namespace: string
  ) {
    this.description = `the in-process Salesforce emulator (namespace "${namespace}")`;
  }

  async list(objectName: string): Promise<SRecord[]> {
    let apiName: string;
    try {
      apiName = this.store.objectName(objectName);
    } catch {
      return []; // an object the org does not have: no rows, as a describe-less org would answer
    }
    return this.store.all(apiName).map((record) => this.strip(record));
  }

  async update(objectName: string, id: string, fields: Record<string, FieldValue>): Promise<void> {
    this.store.update(objectName, [{ ...fields, Id: id }]);
  }

  async insert(objectName: string, fields: Record<string, FieldValue>): Promise<string> {
    return this.store.insert(objectName, [fields])[0];
  }

  async delete(_objectName: string, ids: string[]): Promise<void> {
    this.store.delete(ids); // soft delete, as the org's: the rows leave every list but stay in queryAll
  }

  private strip(record: Record<string, FieldValue>): SRecord {
    const prefix = `${this.namespace}__`;
    const out: Record<string, FieldValue> = {};
    for (const [key, value] of Object.entries(record)) {
      out[this.namespace && key.startsWith(prefix) ? key.slice(prefix.length) : key] = value;
    }
    return out as SRecord;
  }
}
