import { type SalesforcePort, soqlList, soqlString } from '../salesforce/port';
import { type BoundSchema, type ObjectDef, SCHEMA, type SchemaKey } from '../salesforce/schema';

/**
 * Preflight of the integration user's access with a fixed number of queries, whatever the number of objects
 * (no describe per object): the user's permission-set assignments (the profile is one of them), then the
 * user permissions, object permissions and field permissions of those sets (4 queries). `evaluatePermissions` is pure.
 */
export const PERMISSION_QUERY_COUNT = 4;
export const INTEGRATION_PERMISSION_SET = 'TalentLMS_Integration';

export interface CheckItem {
  name: string;
  ok: boolean;
  fix: string | null;
}

export interface PermissionRows {
  username: string;
  userPermissions: Record<string, unknown>[];
  objectPermissions: Record<string, unknown>[];
  fieldPermissions: Record<string, unknown>[];
}

export async function readPermissionRows(sf: SalesforcePort, schema: BoundSchema): Promise<PermissionRows> {
  const userId = sf.identity.userId;
  const psa = schema.PermissionSetAssignment;
  // The profile is one of the assignments too, so a real user always has at least one row.
  const assignments = await sf.query<Record<string, unknown>>(
    `SELECT ${psa.f.PermissionSetId}, ${psa.f.AssigneeUsername} FROM ${psa.name} WHERE ${psa.f.AssigneeId} = ${soqlString(userId)}`
  );
  const assignee = assignments.find((a) => a.Assignee && typeof a.Assignee === 'object')?.Assignee as
    { Username?: string } | undefined;
  const setIds = [...new Set(assignments.map((a) => String(a[psa.f.PermissionSetId])))];
  // An empty IN list is not valid SOQL; a user without assignments has no grants to read.
  const ids = setIds.length > 0 ? soqlList(setIds) : `('000000000000000AAA')`;
  const ps = schema.PermissionSet;
  const userPermissions = await sf.query(
    `SELECT Id, ${ps.f.ViewAllUsers}, ${ps.f.ViewAllData}, ${ps.f.ModifyAllData} FROM ${ps.name} WHERE Id IN ${ids}`
  );
  const objectNames = checkedObjects(schema).map((o) => o.name);
  const op = schema.ObjectPermissions;
  const objectPermissions = await sf.query(
    `SELECT ${op.f.SobjectType}, ${op.f.Read}, ${op.f.Create}, ${op.f.Edit}, ${op.f.Delete}, ${op.f.ViewAll} FROM ${op.name} WHERE ${op.f.ParentId} IN ${ids} AND ${op.f.SobjectType} IN ${soqlList(objectNames)}`
  );
  const fp = schema.FieldPermissions;
  const fieldPermissions = await sf.query(
    `SELECT ${fp.f.SobjectType}, ${fp.f.Field}, ${fp.f.Read}, ${fp.f.Edit} FROM ${fp.name} WHERE ${fp.f.ParentId} IN ${ids} AND ${fp.f.SobjectType} IN ${soqlList(objectNames.filter((n) => n.endsWith('__c')))}`
  );
  return { username: assignee?.Username ?? userId, userPermissions, objectPermissions, fieldPermissions };
}

interface CheckedObject {
  key: SchemaKey;
  name: string;
  def: ObjectDef;
}

function checkedObjects(schema: BoundSchema): CheckedObject[] {
  return (Object.entries(SCHEMA) as [SchemaKey, ObjectDef][])
    .filter(([, def]) => def.access.length > 0)
    .map(([key, def]) => ({ key, name: schema[key].name, def }));
}

const truthy = (v: unknown) => v === true || v === 'true';
const RIGHT_LABEL = { read: 'Read', create: 'Create', edit: 'Edit', delete: 'Delete' } as const;

export function evaluatePermissions(schema: BoundSchema, rows: PermissionRows): CheckItem[] {
  const ps = schema.PermissionSet.f;
  const any = (field: string) => rows.userPermissions.some((r) => truthy(r[field]));
  const modifyAllData = any(ps.ModifyAllData);
  const viewAllData = modifyAllData || any(ps.ViewAllData);
  const assign = `Assign the ${INTEGRATION_PERMISSION_SET} permission set to the integration user ${rows.username} (Setup → Users → ${rows.username} → Permission Set Assignments)`;
  const checks: CheckItem[] = [];

  const op = schema.ObjectPermissions.f;
  const objectRight = (object: string, field: string) =>
    rows.objectPermissions.some((r) => r[op.SobjectType] === object && truthy(r[field]));
  const fieldRows = new Map<string, { read: boolean; edit: boolean }>();
  const fp = schema.FieldPermissions.f;
  for (const r of rows.fieldPermissions) {
    const key = String(r[fp.Field]);
    const prev = fieldRows.get(key) ?? { read: false, edit: false };
    fieldRows.set(key, { read: prev.read || truthy(r[fp.Read]), edit: prev.edit || truthy(r[fp.Edit]) });
  }

  for (const { key, name, def } of checkedObjects(schema)) {
    const rightField = { read: op.Read, create: op.Create, edit: op.Edit, delete: op.Delete } as const;
    const missing = def.access.filter(
      (right) => !modifyAllData && !(right === 'read' && viewAllData) && !objectRight(name, rightField[right])
    );
    const fix = def.standard
      ? `Grant ${missing.map((r) => RIGHT_LABEL[r]).join(', ')} on ${name} to ${rows.username} in a permission set you create (packaged permission sets cannot carry standard-object permissions)`
      : assign;
    checks.push({
      name: `${def.access.map((r) => RIGHT_LABEL[r]).join(', ')} on ${name}`,
      ok: missing.length === 0,
      fix: missing.length === 0 ? null : `${fix}; missing: ${missing.map((r) => RIGHT_LABEL[r]).join(', ')}`
    });
    if (def.standard) continue;
    const readOnly = !def.access.includes('edit');
    const blocked: string[] = [];
    const qualified = schema[key].f as Record<string, string>;
    for (const [fieldKey, field] of Object.entries(def.fields)) {
      if (field.required || modifyAllData) continue;
      const fieldName = qualified[fieldKey];
      const grant = fieldRows.get(`${name}.${fieldName}`);
      const needEdit = !readOnly && !field.formula;
      if (!grant || !grant.read || (needEdit && !grant.edit)) blocked.push(fieldName);
    }
    if (blocked.length > 0) {
      checks.push({
        name: `Field access on ${name}: ${blocked.join(', ')}`,
        ok: false,
        fix: `${assign}; it grants ${readOnly ? 'Read' : 'Read and Edit'} on these fields`
      });
    }
  }

  for (const object of [schema.Account.name, schema.Contact.name]) {
    const ok = viewAllData || objectRight(object, op.ViewAll);
    checks.push({
      name: `View All on ${object}`,
      ok,
      fix: ok
        ? null
        : `Grant "View All" on ${object} to ${rows.username} in a permission set you create (Setup → Permission Sets → Object Settings → ${object}); without it the run would miss records the user cannot see`
    });
  }
  const viewAllUsers = viewAllData || any(ps.ViewAllUsers);
  checks.push({
    name: 'View All Users',
    ok: viewAllUsers,
    fix: viewAllUsers
      ? null
      : `Enable the "View All Users" system permission for ${rows.username} in a permission set you create; without it users outside the integration user's sharing are invisible`
  });
  return checks;
}
