import type { EmulatorContext } from '../context';
import { notFound } from '../errors';
import { isLongText, type FieldDef, type ObjectDef } from '../schema';

/** Describe results for the running user: invisible objects and fields are left out, as in an org. */
const SOAP_TYPES: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
  address: 'urn:address',
  location: 'urn:location'
};

function urls(object: ObjectDef, apiVersion: string) {
  const base = `/services/data/v${apiVersion}/sobjects/${object.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

export function visibleObject(ctx: EmulatorContext, name: string): ObjectDef {
  const object = ctx.schema.object(name);
  if (!object || !ctx.permissions.canReadObject(object)) throw notFound();
  return object;
}

function objectSummary(ctx: EmulatorContext, object: ObjectDef, apiVersion: string) {
  const access = ctx.permissions.objectAccess(object);
  return {
    name: object.name,
    label: object.label,
    labelPlural: object.labelPlural,
    keyPrefix: object.keyPrefix,
    custom: object.custom,
    customSetting: false,
    createable: access.create,
    updateable: access.edit,
    deletable: access.delete,
    undeletable: access.delete,
    mergeable: access.delete && object.byName.has('masterrecordid'),
    queryable: access.read,
    retrieveable: access.read,
    searchable: !object.custom || access.read,
    layoutable: object.writable,
    triggerable: object.writable,
    replicateable: object.writable,
    deprecatedAndHidden: false,
    urls: urls(object, apiVersion)
  };
}

export function describeGlobal(ctx: EmulatorContext, apiVersion: string) {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: ctx.schema
      .all()
      .filter((o) => ctx.permissions.canReadObject(o))
      .map((o) => objectSummary(ctx, o, apiVersion))
  };
}

function describeField(ctx: EmulatorContext, object: ObjectDef, field: FieldDef) {
  const access = ctx.permissions.fieldAccess(object, field);
  const filterable = !isLongText(field) && field.type !== 'address' && field.type !== 'location';
  return {
    name: field.name,
    label: field.label,
    type: field.type,
    soapType: SOAP_TYPES[field.type] ?? 'xsd:string',
    length: [
      'id',
      'reference',
      'int',
      'double',
      'currency',
      'percent',
      'boolean',
      'date',
      'datetime'
    ].includes(field.type)
      ? field.type === 'id' || field.type === 'reference'
        ? 18
        : 0
      : field.length,
    byteLength: field.length * 3,
    precision: field.precision,
    scale: field.scale,
    digits: field.type === 'int' ? 9 : 0,
    nillable: field.nillable,
    createable: field.createable && access.edit,
    updateable: field.updateable && access.edit,
    defaultedOnCreate:
      field.defaultValue !== undefined || ['Id', 'CreatedDate', 'OwnerId'].includes(field.name),
    defaultValue: field.defaultValue ?? null,
    unique: field.unique,
    externalId: field.externalId,
    idLookup: field.name === 'Id' || field.externalId || field.unique,
    caseSensitive: field.caseSensitive,
    calculated: field.calculated,
    autoNumber: field.autoNumber,
    custom: field.custom,
    nameField: field.name === 'Name',
    filterable,
    sortable: filterable,
    groupable: filterable && !['double', 'currency', 'percent', 'datetime'].includes(field.type),
    referenceTo: field.referenceTo,
    relationshipName: field.relationshipName ?? null,
    cascadeDelete: field.masterDetail === true,
    restrictedPicklist: field.restrictedPicklist,
    picklistValues: field.picklistValues.map((p) => ({
      active: p.active,
      defaultValue: p.defaultValue,
      label: p.label,
      validFor: null,
      value: p.value
    })),
    htmlFormatted: false,
    extraTypeInfo: null
  };
}

export function describeObject(ctx: EmulatorContext, name: string, apiVersion: string) {
  const object = visibleObject(ctx, name);
  return {
    ...objectSummary(ctx, object, apiVersion),
    fields: object.fields
      .filter((f) => ctx.permissions.canReadField(object, f))
      .map((f) => describeField(ctx, object, f)),
    childRelationships: [],
    recordTypeInfos: [],
    supportedScopes: [{ label: 'All', name: 'everything' }]
  };
}

/** GET /sobjects/{T}: basic information. */
export function objectInfo(ctx: EmulatorContext, name: string, apiVersion: string) {
  return { objectDescribe: objectSummary(ctx, visibleObject(ctx, name), apiVersion), recentItems: [] };
}
