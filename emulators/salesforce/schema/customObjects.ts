import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { makeField, makeObject, addField, type FieldDef, type ObjectDef, type SfFieldType } from './types';

/**
 * Loads the package's custom objects and custom fields from source-format metadata
 * (`objects/<Object>/<Object>.object-meta.xml`, `objects/<Object>/fields/<Field>.field-meta.xml`) and exposes
 * them under the namespace prefix, as a subscriber org shows them. Folders of standard objects (no
 * `.object-meta.xml`) contribute their custom fields to the standard object.
 */
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ['value', 'fields', 'referenceTo'].includes(name)
});

export interface Namespacer {
  /** `UserCourse__c` → `tlms__UserCourse__c`; standard names and already-prefixed names unchanged. */
  apiName(sourceName: string): string;
  /** `tlms__UserCourse__c` → `UserCourse__c`. */
  sourceName(apiName: string): string;
}

export function namespacer(namespace: string): Namespacer {
  const prefix = namespace ? `${namespace}__` : '';
  const isCustom = (name: string) => /__(c|r)$/i.test(name);
  const hasNamespace = (name: string) => /^[a-zA-Z][a-zA-Z0-9]*__[a-zA-Z]\w*__(c|r)$/i.test(name);
  return {
    apiName: (name) => (isCustom(name) && !hasNamespace(name) ? prefix + name : name),
    sourceName: (name) =>
      prefix && name.toLowerCase().startsWith(prefix.toLowerCase()) ? name.slice(prefix.length) : name
  };
}

type Xml = Record<string, unknown>;
const text = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
const bool = (v: unknown): boolean => String(v) === 'true';
const num = (v: unknown, fallback: number): number => (v === undefined ? fallback : Number(v));

function readXml(path: string, root: string): Xml {
  const parsed = parser.parse(readFileSync(path, 'utf8')) as Xml;
  const body = parsed[root];
  if (!body || typeof body !== 'object') throw new Error(`${path}: expected a <${root}> document`);
  return body as Xml;
}

const TYPE_MAP: Record<string, SfFieldType> = {
  Text: 'string',
  EncryptedText: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Html: 'textarea',
  Email: 'email',
  Phone: 'phone',
  Url: 'url',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Checkbox: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  Time: 'string',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Lookup: 'reference',
  MasterDetail: 'reference',
  Hierarchy: 'reference',
  AutoNumber: 'string',
  Summary: 'double'
};

const DEFAULT_LENGTH: Partial<Record<string, number>> = {
  TextArea: 255,
  Email: 80,
  Phone: 40,
  Url: 255,
  AutoNumber: 30,
  Time: 12
};

export function fieldFromXml(xml: Xml, fileName: string, ns: Namespacer): FieldDef {
  const sourceName = text(xml.fullName) ?? fileName;
  const mdType = text(xml.type);
  if (!mdType || !TYPE_MAP[mdType]) throw new Error(`${sourceName}: unsupported field type '${mdType}'`);
  const calculated = xml.formula !== undefined || mdType === 'Summary';
  const isReference = TYPE_MAP[mdType] === 'reference';
  const valueSet = xml.valueSet as Xml | undefined;
  const definition = valueSet?.valueSetDefinition as Xml | undefined;
  const values = ((definition?.value as Xml[] | undefined) ?? []).map((v) => ({
    value: text(v.fullName) ?? '',
    label: text(v.label) ?? text(v.fullName) ?? '',
    active: v.isActive === undefined ? true : bool(v.isActive),
    defaultValue: bool(v.default)
  }));
  const defaultPicklist = values.find((v) => v.defaultValue)?.value;
  const name = ns.apiName(sourceName);
  const field = makeField({
    name,
    label: text(xml.label) ?? sourceName,
    type: TYPE_MAP[mdType],
    length: isReference ? 18 : num(xml.length, DEFAULT_LENGTH[mdType] ?? 255),
    precision: num(xml.precision, 0),
    scale: num(xml.scale, 0),
    referenceTo: isReference ? ((xml.referenceTo as string[] | undefined) ?? []).map(ns.apiName) : [],
    relationshipName: isReference ? name.replace(/__c$/i, '__r') : undefined,
    picklistValues: values,
    restrictedPicklist: values.length > 0 && bool(valueSet?.restricted),
    nillable: mdType === 'Checkbox' ? false : !(bool(xml.required) || mdType === 'MasterDetail'),
    createable: !calculated && mdType !== 'AutoNumber',
    updateable:
      !calculated &&
      mdType !== 'AutoNumber' &&
      !(mdType === 'MasterDetail' && !bool(xml.reparentableMasterDetail)),
    unique: bool(xml.unique),
    externalId: bool(xml.externalId),
    caseSensitive: bool(xml.caseSensitive),
    calculated,
    autoNumber: mdType === 'AutoNumber',
    custom: true,
    masterDetail: mdType === 'MasterDetail'
  });
  if (mdType === 'Checkbox') field.defaultValue = bool(xml.defaultValue);
  else if (defaultPicklist !== undefined) field.defaultValue = defaultPicklist;
  return field;
}

/** The standard fields every custom object has (Owner is absent on master-detail children). */
function customObjectSystemFields(hasMasterDetail: boolean, nameField: Xml | undefined): FieldDef[] {
  const ro = { createable: false, updateable: false };
  const fields: FieldDef[] = [
    makeField({ name: 'Id', type: 'id', label: 'Record ID', ...ro }),
    makeField({ name: 'IsDeleted', type: 'boolean', label: 'Deleted', ...ro }),
    makeField({ name: 'CreatedDate', type: 'datetime', label: 'Created Date', nillable: false, ...ro }),
    makeField({
      name: 'CreatedById',
      type: 'reference',
      label: 'Created By ID',
      referenceTo: ['User'],
      relationshipName: 'CreatedBy',
      nillable: false,
      ...ro
    }),
    makeField({
      name: 'LastModifiedDate',
      type: 'datetime',
      label: 'Last Modified Date',
      nillable: false,
      ...ro
    }),
    makeField({
      name: 'LastModifiedById',
      type: 'reference',
      label: 'Last Modified By ID',
      referenceTo: ['User'],
      relationshipName: 'LastModifiedBy',
      nillable: false,
      ...ro
    }),
    makeField({ name: 'SystemModstamp', type: 'datetime', label: 'System Modstamp', nillable: false, ...ro }),
    makeField({ name: 'LastViewedDate', type: 'datetime', label: 'Last Viewed Date', ...ro }),
    makeField({ name: 'LastReferencedDate', type: 'datetime', label: 'Last Referenced Date', ...ro })
  ];
  if (!hasMasterDetail) {
    fields.push(
      makeField({
        name: 'OwnerId',
        type: 'reference',
        label: 'Owner ID',
        referenceTo: ['Group', 'User'],
        relationshipName: 'Owner',
        nillable: false
      })
    );
  }
  const autoNumber = text(nameField?.type) === 'AutoNumber';
  fields.push(
    makeField({
      name: 'Name',
      type: 'string',
      label: text(nameField?.label) ?? 'Name',
      length: 80,
      autoNumber,
      createable: !autoNumber,
      updateable: !autoNumber,
      // A Text name is optional through the API (the record then shows its id), so nillable stays true.
      nillable: true
    })
  );
  return fields;
}

export interface LoadedCustomSchema {
  customObjects: ObjectDef[];
  /** Custom fields on standard objects, keyed by the standard object's name. */
  standardObjectFields: Map<string, FieldDef[]>;
}

/**
 * Reads every object folder under `objectsDir`. Key prefixes a00, a01 … follow the sorted object names, as a
 * fresh org assigns them in creation order.
 */
export function loadCustomSchema(objectsDir: string, namespace: string): LoadedCustomSchema {
  const ns = namespacer(namespace);
  const result: LoadedCustomSchema = { customObjects: [], standardObjectFields: new Map() };
  if (!existsSync(objectsDir)) return result;
  const folders = readdirSync(objectsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  let index = 0;
  for (const folder of folders) {
    const dir = join(objectsDir, folder);
    const fieldsDir = join(dir, 'fields');
    const fields = existsSync(fieldsDir)
      ? readdirSync(fieldsDir)
          .filter((f) => f.endsWith('.field-meta.xml'))
          .sort()
          .map((f) =>
            fieldFromXml(readXml(join(fieldsDir, f), 'CustomField'), f.replace('.field-meta.xml', ''), ns)
          )
      : [];
    const objectFile = join(dir, `${folder}.object-meta.xml`);
    if (!existsSync(objectFile)) {
      result.standardObjectFields.set(folder, fields);
      continue;
    }
    const xml = readXml(objectFile, 'CustomObject');
    const nameField = xml.nameField as Xml | undefined;
    const hasMasterDetail = fields.some((f) => f.masterDetail);
    const object = makeObject({
      name: ns.apiName(folder),
      label: text(xml.label) ?? folder,
      labelPlural: text(xml.pluralLabel) ?? folder,
      keyPrefix: `a0${'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[index % 36]}`,
      custom: true,
      writable: true,
      fields: customObjectSystemFields(hasMasterDetail, nameField),
      autoNumberFormat: text(nameField?.type) === 'AutoNumber' ? text(nameField?.displayFormat) : undefined
    });
    index += 1;
    for (const field of fields) addField(object, field);
    result.customObjects.push(object);
  }
  return result;
}
