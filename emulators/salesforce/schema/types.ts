import type { SfFieldType } from '../catalogue/types';

export type { SfFieldType };

export interface PicklistEntry {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

/** One field as the emulator enforces and describes it (names carry the namespace prefix). */
export interface FieldDef {
  name: string;
  label: string;
  type: SfFieldType;
  length: number;
  precision: number;
  scale: number;
  referenceTo: string[];
  /** Parent relationship name used in SOQL paths (`Account`, `tlms__Learner__r`). */
  relationshipName?: string;
  picklistValues: PicklistEntry[];
  restrictedPicklist: boolean;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultValue?: string | boolean | number;
  unique: boolean;
  externalId: boolean;
  caseSensitive: boolean;
  /** Formula or roll-up: the emulator does not evaluate these (README "Differences"). */
  calculated: boolean;
  autoNumber: boolean;
  custom: boolean;
  /** Master-detail reference: required, and the child has no owner. */
  masterDetail?: boolean;
}

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  /** False for objects the API only reads (Organization, permission objects). */
  writable: boolean;
  fields: FieldDef[];
  /** Lower-cased field name → field. */
  byName: Map<string, FieldDef>;
  /** Lower-cased parent relationship name → the reference field. */
  byRelationship: Map<string, FieldDef>;
  /** AutoNumber name fields: display format such as `UC-{000000}`. */
  autoNumberFormat?: string;
}

export function makeField(partial: Partial<FieldDef> & { name: string; type: SfFieldType }): FieldDef {
  const textual = ['string', 'textarea', 'email', 'url', 'phone', 'picklist', 'multipicklist'];
  return {
    label: partial.name,
    length:
      partial.type === 'id' || partial.type === 'reference' ? 18 : textual.includes(partial.type) ? 255 : 0,
    precision: 0,
    scale: 0,
    referenceTo: [],
    picklistValues: [],
    restrictedPicklist: false,
    nillable: partial.type !== 'boolean' && partial.type !== 'id',
    createable: true,
    updateable: true,
    unique: false,
    externalId: false,
    caseSensitive: false,
    calculated: false,
    autoNumber: false,
    custom: false,
    ...(partial.type === 'boolean' ? { defaultValue: false } : {}),
    ...partial
  };
}

export function makeObject(
  partial: Omit<ObjectDef, 'byName' | 'byRelationship' | 'fields'> & { fields: FieldDef[] }
): ObjectDef {
  const object: ObjectDef = { ...partial, byName: new Map(), byRelationship: new Map() };
  for (const field of partial.fields) addField(object, field);
  return object;
}

export function addField(object: ObjectDef, field: FieldDef): void {
  const key = field.name.toLowerCase();
  if (object.byName.has(key)) object.fields = object.fields.filter((f) => f.name.toLowerCase() !== key);
  object.fields.push(field);
  object.byName.set(key, field);
  if (field.relationshipName) object.byRelationship.set(field.relationshipName.toLowerCase(), field);
}

/** True for text areas longer than 255 characters, which cut query batches to 200 (salesforce.md §2). */
export function isLongText(field: FieldDef): boolean {
  return field.type === 'textarea' && field.length > 255;
}
