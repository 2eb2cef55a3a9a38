import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Permissions } from './permissions';
import type { FieldDef, Schema } from './schema';
import type { Store } from './store';

/**
 * The records every org has before any test data: the Organization row, the integration user's profile and
 * user, and the permission objects (PermissionSet, PermissionSetAssignment, ObjectPermissions,
 * FieldPermissions) that mirror the emulator's permission model, so preflight queries see what the user holds.
 */
export interface OrgIdentity {
  organizationId: string;
  organizationName: string;
  isSandbox: boolean;
  runAsUsername: string;
}

export interface SeededOrg {
  runAsUserId: string;
  profileId: string;
}

const system = { system: true };

export function seedOrg(store: Store, identity: OrgIdentity): SeededOrg {
  store.insertOne(
    'Organization',
    {
      Id: identity.organizationId,
      Name: identity.organizationName,
      IsSandbox: identity.isSandbox,
      OrganizationType: 'Developer Edition',
      InstanceName: identity.isSandbox ? 'CS42' : 'NA42',
      NamespacePrefix: null
    },
    system
  );
  const profile = store.insertOne(
    'Profile',
    { Name: 'Minimum Access - API Only Integrations', UserType: 'Standard' },
    system
  );
  const user = store.insertOne(
    'User',
    {
      Username: identity.runAsUsername,
      Email: identity.runAsUsername,
      FirstName: 'TalentLMS',
      LastName: 'Integration',
      Alias: 'tlmsint',
      UserType: 'Standard',
      IsActive: true,
      ProfileId: profile.Id,
      TimeZoneSidKey: 'GMT',
      LocaleSidKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      LanguageLocaleKey: 'en_US'
    },
    system
  );
  return { runAsUserId: user.Id as string, profileId: profile.Id as string };
}

/** A permission set the package ships (force-app/main/default/permissionsets). */
export interface PackagedPermissionSet {
  name: string;
  label: string;
}

/** The package's permission sets, as an org where it is installed lists them (name and label). */
export function packagedPermissionSets(projectRoot: string): PackagedPermissionSet[] {
  const dir = join(projectRoot, 'force-app', 'main', 'default', 'permissionsets');
  const suffix = '.permissionset-meta.xml';
  return (existsSync(dir) ? readdirSync(dir) : [])
    .filter((file) => file.endsWith(suffix))
    .sort()
    .map((file) => {
      const name = file.slice(0, -suffix.length);
      const label = /<label>([^<]*)<\/label>/.exec(readFileSync(join(dir, file), 'utf8'))?.[1];
      return { name, label: label ?? name };
    });
}

/**
 * (Re)writes the run-as user's permission rows from the model; earlier rows of those sets are removed for good.
 * The package's other permission sets (TalentLMS_Learner, _Manager, _Admin) exist as in an org where it is
 * installed: published once, with no grant rows (nothing here reads them) and kept, with the assignments
 * other users hold, when the run-as user's permissions are replaced.
 */
export function publishPermissions(
  store: Store,
  schema: Schema,
  permissions: Permissions,
  org: SeededOrg,
  packaged: PackagedPermissionSet[] = []
): void {
  const namespacePrefix = schema.namespace || null;
  const grantNames = new Set(permissions.grants.map((grant) => grant.name));
  const kept = new Set(
    packaged.filter((set) => !grantNames.has(set.name)).map((set) => `${namespacePrefix ?? ''}__${set.name}`)
  );
  const keyOf = (row: Record<string, unknown>) => `${String(row.NamespacePrefix ?? '')}__${String(row.Name)}`;
  const republished = new Set(
    store
      .rows('PermissionSet')
      .filter((row) => !kept.has(keyOf(row)))
      .map((row) => row.Id as string)
  );
  for (const name of ['FieldPermissions', 'ObjectPermissions', 'UserPermissionAccess']) {
    for (const row of store.rows(name)) store.hardDelete(row.Id as string);
  }
  for (const row of store.rows('PermissionSetAssignment')) {
    if (republished.has(row.PermissionSetId as string) || row.AssigneeId === org.runAsUserId)
      store.hardDelete(row.Id as string);
  }
  for (const id of republished) store.hardDelete(id);
  const existing = new Set(store.rows('PermissionSet').map(keyOf));
  for (const set of packaged) {
    const key = `${namespacePrefix ?? ''}__${set.name}`;
    if (!kept.has(key) || existing.has(key)) continue;
    store.insertOne(
      'PermissionSet',
      {
        Name: set.name,
        Label: set.label,
        NamespacePrefix: namespacePrefix,
        IsOwnedByProfile: false,
        IsCustom: true
      },
      system
    );
  }
  publishUserPermissionAccess(store, schema, permissions);
  const profileSet = store.insertOne(
    'PermissionSet',
    {
      Name: 'X00e_MinimumAccessApiOnly',
      Label: 'Minimum Access - API Only Integrations',
      IsOwnedByProfile: true,
      IsCustom: false,
      ProfileId: org.profileId
    },
    system
  );
  assign(store, org.runAsUserId, profileSet.Id as string);
  for (const grant of permissions.grants) {
    const userPermissions: Record<string, boolean> = {};
    for (const p of grant.userPermissions) {
      if (schema.object('PermissionSet')?.byName.has(`permissions${p}`.toLowerCase()))
        userPermissions[`Permissions${p}`] = true;
    }
    const set = store.insertOne(
      'PermissionSet',
      {
        Name: grant.name,
        Label: grant.label,
        NamespacePrefix: grant.namespacePrefix,
        IsOwnedByProfile: false,
        IsCustom: true,
        ...userPermissions
      },
      system
    );
    const parentId = set.Id as string;
    assign(store, org.runAsUserId, parentId);
    for (const [objectKey, access] of grant.objects) {
      const object = schema.all().find((o) => schema.ns.sourceName(o.name).toLowerCase() === objectKey);
      if (!object || !Object.values(access).some(Boolean)) continue;
      const effective = permissions.objectAccess(object);
      store.insertOne(
        'ObjectPermissions',
        {
          ParentId: parentId,
          SobjectType: object.name,
          PermissionsRead: access.read && effective.read,
          PermissionsCreate: access.create,
          PermissionsEdit: access.edit,
          PermissionsDelete: access.delete,
          PermissionsViewAllRecords: access.viewAll,
          PermissionsModifyAllRecords: access.modifyAll
        },
        system
      );
    }
    for (const [fieldKey, access] of grant.fields) {
      const [objectKey, fieldName] = fieldKey.split('.');
      const object = schema.all().find((o) => schema.ns.sourceName(o.name).toLowerCase() === objectKey);
      if (!object || !access.read) continue;
      const fields =
        fieldName === '*'
          ? object.fields.filter(carriesFieldSecurity)
          : object.fields.filter((f) => schema.ns.sourceName(f.name).toLowerCase() === fieldName);
      for (const field of fields) {
        const effective = permissions.fieldAccess(object, field);
        if (!effective.read) continue;
        store.insertOne(
          'FieldPermissions',
          {
            ParentId: parentId,
            SobjectType: object.name,
            Field: `${object.name}.${field.name}`,
            PermissionsRead: true,
            PermissionsEdit: access.edit && effective.edit
          },
          system
        );
      }
    }
  }
}

/** Fields an org lists in FieldPermissions: not the id, audit fields or required fields. */
function carriesFieldSecurity(field: FieldDef): boolean {
  const audit = [
    'Id',
    'IsDeleted',
    'CreatedDate',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'SystemModstamp'
  ];
  if (audit.includes(field.name) || field.type === 'address' || field.type === 'location') return false;
  return field.nillable || field.type === 'boolean';
}

function publishUserPermissionAccess(store: Store, schema: Schema, permissions: Permissions): void {
  const row: Record<string, boolean> = {};
  for (const field of schema.object('UserPermissionAccess')?.fields ?? []) {
    if (field.name.startsWith('Permissions'))
      row[field.name] = permissions.hasUserPermission(field.name.slice('Permissions'.length));
  }
  store.insertOne('UserPermissionAccess', row, system);
}

function assign(store: Store, userId: string, permissionSetId: string): void {
  store.insertOne(
    'PermissionSetAssignment',
    { AssigneeId: userId, PermissionSetId: permissionSetId, IsActive: true },
    system
  );
}
