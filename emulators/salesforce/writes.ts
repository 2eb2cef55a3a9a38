import { ApiError, RecordFailure, type RecordError } from './errors';
import type { Permissions } from './permissions';
import type { FieldDef, ObjectDef, Schema } from './schema';
import type { SObjectRecord, Store } from './store';
import { coerceValue } from './values';

/**
 * Record writes as the REST API performs them for the run-as user: object and field permissions, read-only
 * fields, required fields, references, unique values. Each method either returns or throws a RecordFailure
 * (a per-record error) or an ApiError (the whole request fails).
 */
export interface SaveResult {
  id?: string;
  success: boolean;
  errors: RecordError[];
  created?: boolean;
}

export class Writer {
  constructor(
    private readonly store: Store,
    private readonly schema: Schema,
    private readonly permissions: Permissions
  ) {}

  /** The object for a write, or a per-record INVALID_TYPE / access failure. */
  writableObject(name: string, right: 'create' | 'edit' | 'delete'): ObjectDef {
    const object = this.schema.object(name);
    if (!object || !this.permissions.canReadObject(object)) {
      throw RecordFailure.of('INVALID_TYPE', `sObject type '${name}' is not supported.`);
    }
    if (!object.writable) {
      throw RecordFailure.of(
        'INVALID_TYPE_FOR_OPERATION',
        `entity type cannot be ${right === 'create' ? 'inserted' : right === 'edit' ? 'updated' : 'deleted'}: ${object.name}`
      );
    }
    if (!this.permissions.objectAccess(object)[right]) {
      throw RecordFailure.of('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
    }
    return object;
  }

  private checkFields(object: ObjectDef, input: Record<string, unknown>, mode: 'create' | 'update'): void {
    const unwritable: string[] = [];
    for (const key of Object.keys(input)) {
      if (key === 'attributes') continue;
      const field = object.byName.get(key.toLowerCase());
      if (!field || !this.permissions.canReadField(object, field)) {
        throw RecordFailure.of('INVALID_FIELD', `No such column '${key}' on sobject of type ${object.name}`, [
          key
        ]);
      }
      if (field.name === 'Id' && mode === 'create') {
        throw RecordFailure.of('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', [
          'Id'
        ]);
      }
      if (field.name === 'Id') continue;
      const allowed = mode === 'create' ? field.createable : field.updateable;
      if (!allowed || !this.permissions.fieldAccess(object, field).edit) unwritable.push(field.name);
    }
    if (unwritable.length > 0) {
      throw RecordFailure.of(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${unwritable.join(', ')}. Please check the security settings of this ` +
          `field and verify that it is read/write for your profile or permission set.`,
        unwritable
      );
    }
  }

  private checkRequired(object: ObjectDef, record: Record<string, unknown>, mode: 'create' | 'update'): void {
    const missing = object.fields
      .filter((f) => !f.nillable && f.createable && f.type !== 'boolean' && f.defaultValue === undefined)
      .filter((f) => f.name !== 'OwnerId')
      .filter((f) => {
        const key = Object.keys(record).find((k) => k.toLowerCase() === f.name.toLowerCase());
        const value = key === undefined ? undefined : record[key];
        return mode === 'create'
          ? value === undefined || value === null || value === ''
          : key !== undefined && (value === null || value === '');
      })
      .map((f) => f.name);
    if (missing.length > 0) {
      throw RecordFailure.of(
        'REQUIRED_FIELD_MISSING',
        `Required fields are missing: [${missing.join(', ')}]`,
        missing
      );
    }
  }

  private checkReferences(object: ObjectDef, input: Record<string, unknown>): void {
    for (const [key, raw] of Object.entries(input)) {
      const field = object.byName.get(key.toLowerCase());
      if (!field || field.type !== 'reference' || raw === null || raw === undefined || raw === '') continue;
      const id = coerceValue(field, raw) as string;
      const target = this.store.get(id);
      const allowed = field.referenceTo.map((r) => r.toLowerCase());
      const typeMatches = target
        ? allowed.includes(target.def.name.toLowerCase())
        : allowed.some((r) => this.schema.object(r)?.keyPrefix === id.slice(0, 3));
      if (!typeMatches) {
        throw RecordFailure.of(
          'FIELD_INTEGRITY_EXCEPTION',
          `${field.label}: id value of incorrect type: ${id}`,
          [field.name]
        );
      }
      if (!target)
        throw RecordFailure.of('INVALID_CROSS_REFERENCE_KEY', `${field.label}: invalid cross reference id`, [
          field.name
        ]);
      if (target.record.IsDeleted === true)
        throw RecordFailure.of('ENTITY_IS_DELETED', 'entity is deleted', [field.name]);
    }
  }

  /**
   * Parents named by external id, as the REST API allows: `"tlms__Learner__r": {"tlms__SalesforceId__c": "x"}`
   * becomes `"tlms__Learner__c": <the learner's id>`.
   */
  private resolveParents(object: ObjectDef, input: Record<string, unknown>): Record<string, unknown> {
    let out = input;
    for (const [key, value] of Object.entries(input)) {
      const ref = object.byRelationship.get(key.toLowerCase());
      if (!ref || value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      const keys = Object.keys(value).filter((k) => k !== 'attributes');
      if (keys.length !== 1) {
        throw RecordFailure.of('INVALID_FIELD', `${key}: name exactly one external id field of the parent`, [
          key
        ]);
      }
      const parentValue = (value as Record<string, unknown>)[keys[0]];
      const parentId = ref.referenceTo
        .map((name) => this.schema.object(name))
        .map((parent) => {
          const field = parent?.byName.get(keys[0].toLowerCase());
          if (!parent || !field || !(field.externalId || field.name === 'Id')) return undefined;
          if (!this.permissions.canReadField(parent, field)) return undefined;
          return this.matches(parent, field, String(parentValue))[0]?.Id as string | undefined;
        })
        .find((id) => id !== undefined);
      if (!parentId) {
        throw RecordFailure.of(
          'INVALID_FIELD',
          `Foreign key external ID: ${String(parentValue)} not found for field ${keys[0]} in entity ${ref.referenceTo.join(', ')}`,
          [key]
        );
      }
      if (out === input) out = { ...input };
      delete out[key];
      out[ref.name] = parentId;
    }
    return out;
  }

  create(objectName: string, raw: Record<string, unknown>): SaveResult {
    const object = this.writableObject(objectName, 'create');
    const input = this.resolveParents(object, raw);
    this.checkFields(object, input, 'create');
    this.checkRequired(object, input, 'create');
    this.checkReferences(object, input);
    const record = this.store.insertOne(object.name, input);
    return { id: record.Id as string, success: true, errors: [] };
  }

  update(objectName: string, id: string, input: Record<string, unknown>): SaveResult {
    const object = this.writableObject(objectName, 'edit');
    const changes = { ...this.resolveParents(object, input) };
    delete changes.Id;
    delete changes.id;
    this.checkFields(object, changes, 'update');
    this.checkRequired(object, changes, 'update');
    this.checkReferences(object, changes);
    const existing = this.store.get(id);
    if (existing && existing.def !== object) {
      throw RecordFailure.of('MALFORMED_ID', `${object.label} ID: id value of incorrect type: ${id}`, ['Id']);
    }
    const record = this.store.updateOne(object.name, { ...changes, Id: id });
    return { id: record.Id as string, success: true, errors: [] };
  }

  /** The external-id field an upsert names, or a request-level error. */
  upsertField(object: ObjectDef, name: string): FieldDef {
    const field = object.byName.get(name.toLowerCase());
    if (
      !field ||
      !this.permissions.canReadField(object, field) ||
      !(field.externalId || field.name === 'Id')
    ) {
      throw new ApiError(
        400,
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${name}`
      );
    }
    return field;
  }

  upsert(
    objectName: string,
    fieldName: string,
    input: Record<string, unknown>,
    valueOverride?: string
  ): SaveResult {
    const object = this.writableObject(objectName, 'create');
    const field = this.upsertField(object, fieldName);
    const key = Object.keys(input).find((k) => k.toLowerCase() === field.name.toLowerCase());
    const raw = valueOverride ?? (key ? input[key] : undefined);
    if (raw === undefined || raw === null || raw === '') {
      throw RecordFailure.of('MISSING_ARGUMENT', `${field.name} not specified`, [field.name]);
    }
    const matches = this.matches(object, field, coerceValue(field, raw) as string);
    if (matches.length > 1) {
      throw RecordFailure.of(
        'DUPLICATE_EXTERNAL_ID',
        `${field.label}: more than one record found for external id field: [${matches.map((m) => m.Id).join(', ')}]`,
        [field.name]
      );
    }
    const values = { ...input };
    if (valueOverride !== undefined) {
      if (key && String(input[key]) !== valueOverride) {
        throw RecordFailure.of('INVALID_FIELD', `${field.name} in the body does not match the URL`, [
          field.name
        ]);
      }
      if (field.name !== 'Id') values[field.name] = valueOverride;
    }
    if (matches.length === 1) {
      if (key) delete values[key];
      if (field.name === 'Id') delete values.Id;
      this.writableObject(objectName, 'edit');
      const result = this.update(object.name, matches[0].Id as string, values);
      return { ...result, created: false };
    }
    if (field.name === 'Id')
      throw RecordFailure.of('NOT_FOUND', 'Provided external ID field does not exist or is not accessible');
    return { ...this.create(object.name, values), created: true };
  }

  private matches(object: ObjectDef, field: FieldDef, value: string): SObjectRecord[] {
    if (field.name === 'Id') {
      const hit = this.store.get(value);
      return hit && hit.def === object && hit.record.IsDeleted !== true ? [hit.record] : [];
    }
    if (field.unique) {
      const id = this.store.findByUnique(object.name, field, value);
      return id ? [this.store.get(id)!.record] : [];
    }
    const wanted = field.caseSensitive ? value : value.toLowerCase();
    return this.store
      .rows(object.name)
      .filter((r) => r.IsDeleted !== true && r[field.name] != null)
      .filter(
        (r) => (field.caseSensitive ? String(r[field.name]) : String(r[field.name]).toLowerCase()) === wanted
      );
  }

  delete(id: string): SaveResult {
    const hit = this.store.get(id);
    if (!hit) throw RecordFailure.of('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
    this.writableObject(hit.def.name, 'delete');
    this.store.deleteOne(id);
    return { id: hit.record.Id as string, success: true, errors: [] };
  }
}

/** Converts a thrown per-record failure into the documented result shape; anything else propagates. */
export function toFailure(error: unknown, id?: string): SaveResult {
  if (error instanceof RecordFailure) {
    const result: SaveResult = { success: false, errors: error.errors };
    if (id) result.id = id;
    return result;
  }
  throw error;
}
