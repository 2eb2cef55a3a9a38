import type { Clock } from '../../sync/src/core/clock';
import { RecordFailure } from './errors';
import { IdFactory, isValidId, normaliseId } from './ids';
import { invalidType } from './errors';
import type { FieldDef, ObjectDef, Schema } from './schema';
import { coerceValue, formatDateTime, type StoredValue } from './values';

/** A stored record: field API name (schema casing) → value. `Id` always present. */
export type SObjectRecord = Record<string, StoredValue>;

export interface WriteOptions {
  /**
   * In-process seeding: system fields (CreatedDate, IsDeleted, UserType …) may be set and read-only fields
   * written; permission, required-field and reference checks are left to the API layer.
   */
  system?: boolean;
}

interface StoredObject {
  def: ObjectDef;
  records: Map<string, SObjectRecord>;
  /** Lower-cased unique field name → normalised value → record id (live records only). */
  unique: Map<string, Map<string, string>>;
  autoNumber: number;
  /** Defaults written at insert (see insertOne). */
  defaults: Array<[string, StoredValue]>;
}

/**
 * The emulated org's data: records per object, soft delete (IsDeleted, visible to queryAll), merge
 * (losers deleted with MasterRecordId set) and unique indexes for external ids and unique fields.
 */
export class Store {
  private readonly objects = new Map<string, StoredObject>();
  private readonly byId = new Map<string, { object: StoredObject; record: SObjectRecord }>();
  readonly ids = new IdFactory();
  /** Undo steps of the open transaction (allOrNone requests), newest last. */
  private journal: Array<() => void> | null = null;

  constructor(
    readonly schema: Schema,
    private readonly clock: Clock,
    private readonly currentUserId: () => string
  ) {}

  private bucket(name: string): StoredObject {
    const def = this.schema.object(name);
    if (!def) throw invalidType(name);
    let stored = this.objects.get(def.name);
    if (!stored) {
      // Records are sparse (100,000 users with 200 fields each must fit in memory): only values and
      // non-boolean defaults are stored; readField supplies null and the false of unset standard checkboxes.
      const defaults = def.fields
        .filter((f) => f.defaultValue !== undefined && (f.custom || f.type !== 'boolean'))
        .map((f): [string, StoredValue] => [f.name, f.defaultValue as StoredValue]);
      stored = { def, records: new Map(), unique: new Map(), autoNumber: 0, defaults };
      for (const f of def.fields)
        if (f.unique || f.externalId) stored.unique.set(f.name.toLowerCase(), new Map());
      this.objects.set(def.name, stored);
    }
    return stored;
  }

  uniqueKey(field: FieldDef, value: StoredValue): string {
    const s = String(value);
    return field.caseSensitive ? s : s.toLowerCase();
  }

  /** Validates and converts client values (unknown fields are INVALID_FIELD for this record). */
  private convert(def: ObjectDef, input: Record<string, unknown>, options: WriteOptions): SObjectRecord {
    const out: SObjectRecord = {};
    for (const [key, value] of Object.entries(input)) {
      if (key === 'attributes') continue;
      const field = def.byName.get(key.toLowerCase());
      if (!field) {
        throw RecordFailure.of('INVALID_FIELD', `No such column '${key}' on sobject of type ${def.name}`, [
          key
        ]);
      }
      if (field.name === 'Id' && !options.system) continue;
      out[field.name] = coerceValue(field, value);
    }
    return out;
  }

  /** Inserts one record; returns it (a copy is never kept by callers). */
  insertOne(objectName: string, input: Record<string, unknown>, options: WriteOptions = {}): SObjectRecord {
    const stored = this.bucket(objectName);
    const def = stored.def;
    const values = this.convert(def, input, options);
    const now = formatDateTime(this.clock.now());
    const record: SObjectRecord = Object.fromEntries(stored.defaults);
    Object.assign(record, values);
    let id = typeof record.Id === 'string' && isValidId(record.Id) ? normaliseId(record.Id) : null;
    if (id && this.byId.has(id))
      throw RecordFailure.of(
        'DUPLICATE_VALUE',
        `duplicate value found: Id duplicates value on record with id: ${id}`,
        ['Id']
      );
    id ??= this.ids.next(def.keyPrefix);
    record.Id = id;
    const user = this.currentUserId();
    const stamp = (name: string, value: StoredValue) => {
      if (def.byName.has(name.toLowerCase()) && (record[name] == null || !options.system))
        record[name] = value;
    };
    stamp('IsDeleted', false);
    stamp('CreatedDate', now);
    stamp('LastModifiedDate', now);
    stamp('SystemModstamp', now);
    stamp('CreatedById', user);
    stamp('LastModifiedById', user);
    if (def.byName.has('ownerid') && record.OwnerId == null) record.OwnerId = user;
    if (def.autoNumberFormat && (record.Name == null || !options.system)) {
      stored.autoNumber += 1;
      record.Name = formatAutoNumber(def.autoNumberFormat, stored.autoNumber);
    }
    deriveNames(def, record, values);
    this.checkUnique(stored, record, undefined);
    stored.records.set(id, record);
    this.byId.set(id, { object: stored, record });
    this.indexUnique(stored, record);
    this.journal?.push(() => this.hardDelete(id as string));
    return record;
  }

  /** Applies changes to an existing, live record. */
  updateOne(objectName: string, input: Record<string, unknown>, options: WriteOptions = {}): SObjectRecord {
    const stored = this.bucket(objectName);
    const id = typeof input.Id === 'string' ? input.Id : typeof input.id === 'string' ? input.id : '';
    const existing = this.findLive(stored, id);
    const rest = { ...input };
    delete rest.Id;
    delete rest.id;
    const values = this.convert(stored.def, rest, options);
    const next = { ...existing, ...values };
    deriveNames(stored.def, next, values);
    this.checkUnique(stored, next, existing.Id as string);
    const before = { ...existing };
    this.journal?.push(() => {
      this.unindexUnique(stored, existing);
      for (const key of Object.keys(existing)) delete existing[key];
      Object.assign(existing, before);
      this.indexUnique(stored, existing);
    });
    this.unindexUnique(stored, existing);
    Object.assign(existing, next);
    const now = formatDateTime(this.clock.now());
    if (!options.system || values.LastModifiedDate === undefined) {
      if (stored.def.byName.has('lastmodifieddate')) existing.LastModifiedDate = now;
      if (stored.def.byName.has('systemmodstamp')) existing.SystemModstamp = now;
      if (stored.def.byName.has('lastmodifiedbyid')) existing.LastModifiedById = this.currentUserId();
    }
    this.indexUnique(stored, existing);
    return existing;
  }

  private findLive(stored: StoredObject, id: string): SObjectRecord {
    if (!isValidId(id))
      throw RecordFailure.of('MALFORMED_ID', `${stored.def.name} ID: id value of incorrect type: ${id}`, [
        'Id'
      ]);
    const record = stored.records.get(normaliseId(id));
    if (!record) {
      throw RecordFailure.of('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
    }
    if (record.IsDeleted === true) throw RecordFailure.of('ENTITY_IS_DELETED', 'entity is deleted', []);
    return record;
  }

  /** Soft delete: the record stays visible to queryAll with IsDeleted = true. */
  deleteOne(id: string): SObjectRecord {
    if (!isValidId(id)) throw RecordFailure.of('MALFORMED_ID', `bad id ${id}`, []);
    const hit = this.byId.get(normaliseId(id));
    if (!hit) throw RecordFailure.of('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
    if (hit.record.IsDeleted === true) throw RecordFailure.of('ENTITY_IS_DELETED', 'entity is deleted', []);
    this.unindexUnique(hit.object, hit.record);
    const before = { ...hit.record };
    this.journal?.push(() => {
      Object.assign(hit.record, before);
      this.indexUnique(hit.object, hit.record);
    });
    hit.record.IsDeleted = true;
    const now = formatDateTime(this.clock.now());
    if (hit.object.def.byName.has('systemmodstamp')) hit.record.SystemModstamp = now;
    return hit.record;
  }

  /** Merge as Salesforce does it: losers are deleted with MasterRecordId pointing at the survivor. */
  merge(objectName: string, masterId: string, loserIds: string[]): void {
    const stored = this.bucket(objectName);
    if (!stored.def.byName.has('masterrecordid')) throw new Error(`${stored.def.name} cannot be merged`);
    this.findLive(stored, masterId);
    for (const loserId of loserIds) {
      const loser = this.findLive(stored, loserId);
      this.deleteOne(loserId);
      loser.MasterRecordId = normaliseId(masterId);
    }
  }

  /** Removes a record for good (Bulk 2.0 hardDelete); it no longer shows in queryAll. */
  hardDelete(id: string): void {
    const hit = this.byId.get(normaliseId(id));
    if (!hit) throw RecordFailure.of('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
    this.unindexUnique(hit.object, hit.record);
    hit.object.records.delete(hit.record.Id as string);
    this.byId.delete(hit.record.Id as string);
  }

  /**
   * Runs `work` so that everything it wrote can be undone: when it asks not to commit or throws, every write is
   * rolled back in reverse order (allOrNone, a failed row). Transactions do not nest.
   */
  transaction<T>(work: () => { result: T; commit: boolean }): T {
    if (this.journal) throw new Error('Transactions do not nest');
    const journal: Array<() => void> = [];
    this.journal = journal;
    const rollback = () => {
      this.journal = null;
      for (const undo of journal.reverse()) undo();
    };
    try {
      const { result, commit } = work();
      if (!commit) rollback();
      return result;
    } catch (error) {
      rollback();
      throw error;
    } finally {
      this.journal = null;
    }
  }

  get(id: string): { def: ObjectDef; record: SObjectRecord } | undefined {
    if (!isValidId(id)) return undefined;
    const hit = this.byId.get(normaliseId(id));
    return hit ? { def: hit.object.def, record: hit.record } : undefined;
  }

  /** Live record id holding `value` in a unique field, if any. */
  findByUnique(objectName: string, field: FieldDef, value: StoredValue): string | undefined {
    return this.bucket(objectName).unique.get(field.name.toLowerCase())?.get(this.uniqueKey(field, value));
  }

  /** The stored records of one object (not copies: callers must not mutate). */
  rows(objectName: string): SObjectRecord[] {
    return [...this.bucket(objectName).records.values()];
  }

  private checkUnique(stored: StoredObject, record: SObjectRecord, selfId: string | undefined): void {
    for (const [name, index] of stored.unique) {
      const field = stored.def.byName.get(name);
      const value = field ? readField(record, field) : null;
      if (!field || value === null || value === undefined) continue;
      const holder = index.get(this.uniqueKey(field, value));
      if (holder && holder !== selfId) {
        throw RecordFailure.of(
          'DUPLICATE_VALUE',
          `duplicate value found: ${field.name} duplicates value on record with id: ${holder}`,
          [field.name]
        );
      }
    }
  }

  private indexUnique(stored: StoredObject, record: SObjectRecord): void {
    if (record.IsDeleted === true) return;
    for (const [name, index] of stored.unique) {
      const field = stored.def.byName.get(name);
      const value = field ? readField(record, field) : null;
      if (field && value !== null && value !== undefined)
        index.set(this.uniqueKey(field, value), record.Id as string);
    }
  }

  private unindexUnique(stored: StoredObject, record: SObjectRecord): void {
    for (const [name, index] of stored.unique) {
      const field = stored.def.byName.get(name);
      const value = field ? readField(record, field) : null;
      if (field && value !== null && value !== undefined) {
        const key = this.uniqueKey(field, value);
        if (index.get(key) === record.Id) index.delete(key);
      }
    }
  }
}

/** A field's value: records are sparse, so an unset field reads as its checkbox default or null. */
export function readField(record: SObjectRecord, field: FieldDef): StoredValue {
  const value = record[field.name];
  if (value !== undefined) return value;
  return field.type === 'boolean' ? ((field.defaultValue as boolean | undefined) ?? false) : null;
}

function formatAutoNumber(format: string, n: number): string {
  return format.replace(/\{(0+)\}/, (_m, zeros: string) => String(n).padStart(zeros.length, '0'));
}

/** Contact and User names are compound: Name follows FirstName/LastName unless it was set explicitly. */
function deriveNames(def: ObjectDef, record: SObjectRecord, changed: SObjectRecord): void {
  if (def.custom || !def.byName.has('firstname') || !def.byName.has('lastname')) return;
  if (def.name === 'Account' && record.IsPersonAccount !== true) return;
  if ('Name' in changed) return;
  if (!('FirstName' in changed) && !('LastName' in changed) && record.Name != null) return;
  record.Name = [record.FirstName, record.LastName].filter((p) => p != null && p !== '').join(' ') || null;
}
