import { ApiError } from '../errors';
import type { FieldDef, ObjectDef, Schema } from '../schema';
import { readField, type SObjectRecord, type Store } from '../store';
import type { StoredValue } from '../values';

/** What the running user may see; SOQL treats anything else as if it did not exist. */
export interface Access {
  canReadObject(object: ObjectDef): boolean;
  canReadField(object: ObjectDef, field: FieldDef): boolean;
}

/** A field reached from the queried object, possibly through parent relationships (`Manager.Email`). */
export interface FieldPath {
  text: string;
  /** Reference fields followed, in order. */
  relationships: FieldDef[];
  field: FieldDef;
}

/** Builds the documented INVALID_FIELD message with the row/column pointer Salesforce prints. */
export function invalidField(soql: string, token: string, detail: string): ApiError {
  const index = Math.max(0, soql.toLowerCase().indexOf(token.toLowerCase()));
  return new ApiError(
    400,
    'INVALID_FIELD',
    `\n${soql}\n${' '.repeat(index)}^\nERROR at Row:1:Column:${index + 1}\n${detail}`
  );
}

export function resolvePath(
  schema: Schema,
  access: Access,
  root: ObjectDef,
  text: string,
  soql: string
): FieldPath {
  const parts = text.split('.');
  // `Contact.Email` in a query FROM Contact is allowed: a leading object name is dropped.
  if (
    parts.length > 1 &&
    parts[0].toLowerCase() === root.name.toLowerCase() &&
    !root.byRelationship.has(parts[0].toLowerCase())
  ) {
    parts.shift();
  }
  const relationships: FieldDef[] = [];
  let current: ObjectDef[] = [root];
  for (const part of parts.slice(0, -1)) {
    let ref: FieldDef | undefined;
    for (const o of current) {
      const candidate = o.byRelationship.get(part.toLowerCase());
      if (candidate && access.canReadField(o, candidate)) {
        ref = candidate;
        break;
      }
    }
    const targets = (ref?.referenceTo ?? [])
      .map((name) => schema.object(name))
      .filter((o): o is ObjectDef => o !== undefined && access.canReadObject(o));
    if (!ref || targets.length === 0) {
      throw invalidField(
        soql,
        text,
        `Didn't understand relationship '${part}' in field path. If you are attempting to use a custom ` +
          `relationship, be sure to append the '__r' after the custom relationship name. Please reference your ` +
          `WSDL or the describe call for the appropriate names.`
      );
    }
    relationships.push(ref);
    current = targets;
  }
  const last = parts[parts.length - 1];
  const owner = current.find((o) => {
    const f = o.byName.get(last.toLowerCase());
    return f !== undefined && access.canReadField(o, f);
  });
  const field = owner?.byName.get(last.toLowerCase());
  if (!owner || !field) {
    throw invalidField(
      soql,
      text,
      `No such column '${last}' on entity '${current[0].name}'. If you are attempting to use a custom field, ` +
        `be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe ` +
        `call for the appropriate names.`
    );
  }
  if (field.type === 'address' || field.type === 'location') {
    throw new ApiError(
      400,
      'MALFORMED_QUERY',
      `Compound field ${field.name} is not supported by the emulator`
    );
  }
  return { text, relationships, field };
}

/** The parent record a relationship points at (deleted parents read as null, as lookups are cleared). */
export function parentOf(store: Store, record: SObjectRecord, ref: FieldDef): SObjectRecord | null {
  const id = record[ref.name];
  if (typeof id !== 'string') return null;
  const hit = store.get(id);
  if (!hit || hit.record.IsDeleted === true) return null;
  return hit.record;
}

export function readPath(store: Store, record: SObjectRecord, path: FieldPath): StoredValue {
  let current: SObjectRecord | null = record;
  for (const ref of path.relationships) {
    current = parentOf(store, current, ref);
    if (!current) return null;
  }
  return readField(current, path.field);
}
