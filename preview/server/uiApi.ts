import type { ApexContext } from './apex/context';
import { findRecord, sameId, type FieldValue, type SRecord } from './data/recordSource';
import { canSeeContact, personName } from './visibility';

/**
 * The slice of the UI API that lightning/uiRecordApi needs: getRecord in the UI API record shape, and record
 * writes. Access follows the org: Contacts by the sharing model, the package's Private objects only for users
 * with View All Data, custom fields by field-level security, writes by object permissions.
 */
export class UiApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string
  ) {
    super(message);
  }
}

const PACKAGE_OBJECTS = [
  'UserCourse__c',
  'ContactCourse__c',
  'UserCertificate__c',
  'ContactCertificate__c',
  'UserBadge__c',
  'ContactBadge__c',
  'Learner__c',
  'SyncRun__c',
  'SyncIssue__c',
  'SyncState__c',
  'ConnectorSettings__c',
  'SettingsChange__c',
  'TalentLmsCatalog__c'
];

interface UiField {
  value: FieldValue | UiRecord;
  displayValue: string | null;
}
interface UiRecord {
  apiName: string;
  id: string;
  fields: Record<string, UiField>;
  childRelationships: Record<string, never>;
  recordTypeId: null;
}

async function readable(context: ApexContext, objectName: string, record: SRecord): Promise<boolean> {
  if (context.caller.viewAllData) return true;
  if (objectName === 'Contact') {
    const [accounts, users] = await Promise.all([
      context.source.list('Account'),
      context.source.list('User')
    ]);
    return canSeeContact(context.caller, record, accounts, users, context.sharing);
  }
  // The package's objects are Private and owned by the integration user.
  return !PACKAGE_OBJECTS.includes(objectName);
}

/** `AccountId` ← `Account`, `Learner__c` ← `Learner__r`. */
function lookupField(relationship: string): string {
  return relationship.endsWith('__r') ? relationship.replace(/__r$/, '__c') : `${relationship}Id`;
}

async function resolvePath(
  context: ApexContext,
  objectName: string,
  record: SRecord,
  path: string[],
  into: Record<string, UiField>,
  required: boolean
): Promise<void> {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    const value =
      head === 'Name' && record.Name === undefined ? personName(record) || undefined : record[head];
    if (
      value === undefined ||
      !context.permissions.canReadField(context.persona.permissionSets, objectName, head)
    ) {
      if (required)
        throw new UiApiError(
          400,
          'INVALID_FIELD',
          `No such column '${head}' on entity '${objectName}' (or it is not readable)`
        );
      return;
    }
    into[head] = { value, displayValue: null };
    return;
  }
  const targetId = record[lookupField(head)];
  if (typeof targetId !== 'string') {
    into[head] = into[head] ?? { value: null, displayValue: null };
    return;
  }
  const found = await findRecord(context.source, targetId, PACKAGE_OBJECTS);
  if (!found) return;
  const existing = into[head]?.value as UiRecord | undefined;
  const nested = existing ?? shape(found.objectName, found.record.Id);
  await resolvePath(context, found.objectName, found.record, rest, nested.fields, required);
  into[head] = { value: nested, displayValue: personName(found.record) || null };
}

function shape(apiName: string, id: string): UiRecord {
  return { apiName, id, fields: {}, childRelationships: {}, recordTypeId: null };
}

export async function getRecord(
  context: ApexContext,
  body: { recordId?: string; fields?: string[]; optionalFields?: string[] }
): Promise<UiRecord> {
  if (!body.recordId) throw new UiApiError(400, 'INVALID_ID', 'recordId is required');
  const found = await findRecord(context.source, body.recordId, PACKAGE_OBJECTS);
  if (!found || !(await readable(context, found.objectName, found.record))) {
    throw new UiApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  }
  const result = shape(found.objectName, found.record.Id);
  const requests = [
    ...(body.fields ?? []).map((name) => ({ name, required: true })),
    ...(body.optionalFields ?? []).map((name) => ({ name, required: false }))
  ];
  for (const { name, required } of requests) {
    const [objectName, ...path] = name.split('.');
    if (objectName !== found.objectName || path.length === 0) {
      if (required)
        throw new UiApiError(400, 'INVALID_FIELD', `${name} is not a field of ${found.objectName}`);
      continue;
    }
    await resolvePath(context, found.objectName, found.record, path, result.fields, required);
  }
  return result;
}

export async function updateRecord(
  context: ApexContext,
  body: { fields?: Record<string, FieldValue> }
): Promise<UiRecord> {
  const fields = body.fields ?? {};
  const id = typeof fields.Id === 'string' ? fields.Id : undefined;
  if (!id) throw new UiApiError(400, 'INVALID_ID', 'fields.Id is required');
  const found = await findRecord(context.source, id, PACKAGE_OBJECTS);
  if (!found || !(await readable(context, found.objectName, found.record)))
    throw new UiApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  if (!context.permissions.canEditObject(context.persona.permissionSets, found.objectName)) {
    throw new UiApiError(
      403,
      'INSUFFICIENT_ACCESS',
      `You don't have access to edit ${found.objectName} records`
    );
  }
  const changes = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== 'Id'));
  await context.source.update(found.objectName, found.record.Id, changes);
  return getRecord(context, {
    recordId: found.record.Id,
    optionalFields: Object.keys(changes).map((key) => `${found.objectName}.${key}`)
  });
}

export async function createRecord(
  context: ApexContext,
  body: { apiName?: string; fields?: Record<string, FieldValue> }
): Promise<UiRecord> {
  if (!body.apiName) throw new UiApiError(400, 'INVALID_TYPE', 'apiName is required');
  if (!context.permissions.canCreateObject(context.persona.permissionSets, body.apiName)) {
    throw new UiApiError(
      403,
      'INSUFFICIENT_ACCESS',
      `You don't have access to create ${body.apiName} records`
    );
  }
  const id = await context.source.insert(body.apiName, body.fields ?? {});
  const record = (await context.source.list(body.apiName)).find((each) => sameId(each.Id, id));
  const result = shape(body.apiName, id);
  for (const [key, value] of Object.entries(record ?? {}))
    result.fields[key] = { value: value ?? null, displayValue: null };
  return result;
}
