import { existsSync, readFileSync } from 'node:fs';
import {
  defaultManualGrantsFile,
  defaultPermissionSetFile,
  manualGrant,
  MANUAL_GRANTS,
  noAccess,
  parseManualGrants,
  parsePermissionSet,
  RIGHTS,
  type FieldAccess,
  type ManualGrants,
  type ObjectAccess,
  type ObjectRight,
  type PermissionGrant
} from './grants';
import type { FieldDef, ObjectDef, Schema } from './schema';
import type { Access } from './soql/paths';

export * from './grants';

/**
 * The run-as user's access. By default it is what the shipped `TalentLMS_Integration` permission set grants
 * plus the grants docs/permissions.md tells admins to add by hand (packaged permission sets cannot carry
 * standard-object or user permissions). Tests narrow it to prove the runner names each missing permission.
 */
export interface PermissionOptions {
  /** Ignore the permission set: the run-as user may do everything (the fallback while the file is absent). */
  allAccess?: boolean;
  /** Default `<projectRoot>/force-app/main/default/permissionsets/TalentLMS_Integration.permissionset-meta.xml`. */
  permissionSetFile?: string;
  /** Replaces the manual grants read from docs/permissions.md. */
  manualGrants?: ManualGrants;
  /** Default `<projectRoot>/docs/permissions.md`; MANUAL_GRANTS when it has no "Manual grants" table. */
  manualGrantsFile?: string;
  /** Objects the user loses all access to (source or API names). */
  removeObjects?: string[];
  /** Individual object rights removed, e.g. `{ Contact: ['viewAll'] }`. */
  removeObjectRights?: Record<string, ObjectRight[]>;
  /** Fields made invisible (`UserCourse__c.Status__c`, `Contact.Email`). */
  removeFields?: string[];
  /** User permissions removed (`ViewAllUsers`, `ApiEnabled`). */
  removeUserPermissions?: string[];
}

/** Readable by every user: their own User record type (read on User comes with every licence) and the
 * per-user permission summary. */
const ALWAYS_READABLE = new Set(['user', 'userpermissionaccess']);
/** Setup objects: readable with View Setup and Configuration (docs/permissions.md "ViewSetup"). */
const SETUP_OBJECTS = new Set([
  'organization',
  'profile',
  'userrole',
  'permissionset',
  'permissionsetassignment',
  'objectpermissions',
  'fieldpermissions'
]);
/** Fields that carry no field-level security: always readable when the object is. */
const NO_FLS_FIELDS = new Set([
  'id',
  'name',
  'ownerid',
  'isdeleted',
  'createddate',
  'createdbyid',
  'lastmodifieddate',
  'lastmodifiedbyid',
  'systemmodstamp',
  'lastvieweddate',
  'lastreferenceddate'
]);

export class Permissions implements Access {
  readonly allAccess: boolean;
  readonly grants: PermissionGrant[];
  readonly source: 'permissionSet' | 'allAccess';
  /** Where the manual grants came from: a docs file path, 'options' or 'built-in'. */
  manualGrantsSource = 'none';

  constructor(
    private readonly schema: Schema,
    options: PermissionOptions,
    projectRoot: string
  ) {
    const file = options.permissionSetFile ?? defaultPermissionSetFile(projectRoot);
    this.allAccess = options.allAccess === true || !existsSync(file);
    this.source = this.allAccess ? 'allAccess' : 'permissionSet';
    this.grants = [];
    if (!this.allAccess) {
      this.grants.push(
        parsePermissionSet(readFileSync(file, 'utf8'), 'TalentLMS_Integration', schema.namespace || null)
      );
      const docs = options.manualGrantsFile ?? defaultManualGrantsFile(projectRoot);
      const fromDocs = existsSync(docs) ? parseManualGrants(readFileSync(docs, 'utf8')) : undefined;
      this.manualGrantsSource = options.manualGrants ? 'options' : fromDocs ? docs : 'built-in';
      this.grants.push(manualGrant(options.manualGrants ?? fromDocs ?? MANUAL_GRANTS));
    } else {
      this.grants.push(this.allAccessGrant());
    }
    this.narrow(options);
  }

  /** The all-access fallback still publishes rows, so preflight queries see a complete picture. */
  private allAccessGrant(): PermissionGrant {
    const objects = new Map<string, ObjectAccess>();
    const fields = new Map<string, FieldAccess>();
    for (const object of this.schema.all()) {
      if (!object.writable) continue;
      const key = this.schema.ns.sourceName(object.name).toLowerCase();
      objects.set(key, {
        read: true,
        create: true,
        edit: true,
        delete: true,
        viewAll: true,
        modifyAll: true
      });
      fields.set(`${key}.*`, { read: true, edit: true });
    }
    return {
      name: 'AllAccess',
      label: 'All access (no permission set file found)',
      namespacePrefix: null,
      objects,
      fields,
      userPermissions: new Set([
        'ApiEnabled',
        'ViewAllUsers',
        'ViewSetup',
        'ViewAllData',
        'ModifyAllData',
        'BulkApiHardDelete'
      ])
    };
  }

  private key(name: string): string {
    return this.schema.ns.sourceName(name).toLowerCase();
  }

  private fieldKey(spec: string): string {
    const [object, field] = spec.split('.');
    return `${this.key(object)}.${this.key(field ?? '')}`;
  }

  /** Removes access as a test asks; applies to every grant (the user may hold it through any set). */
  narrow(options: PermissionOptions): void {
    for (const grant of this.grants) {
      for (const object of options.removeObjects ?? []) {
        grant.objects.delete(this.key(object));
        for (const k of [...grant.fields.keys()])
          if (k.startsWith(`${this.key(object)}.`)) grant.fields.delete(k);
      }
      for (const [object, rights] of Object.entries(options.removeObjectRights ?? {})) {
        const access = grant.objects.get(this.key(object));
        if (access) for (const right of rights) access[right] = false;
      }
      for (const field of options.removeFields ?? []) grant.fields.delete(this.fieldKey(field));
      for (const permission of options.removeUserPermissions ?? []) grant.userPermissions.delete(permission);
    }
    this.removedFields = new Set([
      ...this.removedFields,
      ...(options.removeFields ?? []).map((f) => this.fieldKey(f))
    ]);
    this.removedObjects = new Set([
      ...this.removedObjects,
      ...(options.removeObjects ?? []).map((o) => this.key(o))
    ]);
  }

  private removedFields = new Set<string>();
  private removedObjects = new Set<string>();

  objectAccess(object: ObjectDef): ObjectAccess {
    const key = this.key(object.name);
    const merged = noAccess();
    for (const grant of this.grants) {
      const access = grant.objects.get(key);
      if (access) for (const right of RIGHTS) merged[right] ||= access[right];
    }
    if (!this.removedObjects.has(key)) {
      if (ALWAYS_READABLE.has(key)) merged.read = true;
      if (SETUP_OBJECTS.has(key) && this.hasUserPermission('ViewSetup')) merged.read = true;
    }
    if (!object.writable) {
      merged.create = merged.edit = merged.delete = false;
    }
    return merged;
  }

  canReadObject(object: ObjectDef): boolean {
    return this.objectAccess(object).read;
  }

  fieldAccess(object: ObjectDef, field: FieldDef): FieldAccess {
    const objectAccess = this.objectAccess(object);
    if (!objectAccess.read) return { read: false, edit: false };
    const key = `${this.key(object.name)}.${this.key(field.name)}`;
    if (this.removedFields.has(key)) return { read: false, edit: false };
    const canWrite = objectAccess.create || objectAccess.edit;
    // Setup objects and fields without field-level security follow the object; so do required and
    // master-detail custom fields, which permission sets cannot list. Everything else needs a field grant
    // (`Object.Field`, or `Object.*` for every field as docs/permissions.md grants standard objects).
    const universallyRequired = !field.nillable && field.type !== 'boolean';
    if (!object.writable || NO_FLS_FIELDS.has(field.name.toLowerCase()) || universallyRequired) {
      return { read: true, edit: canWrite };
    }
    if (this.allAccess) return { read: true, edit: canWrite };
    let read = false;
    let edit = false;
    const wildcard = `${this.key(object.name)}.*`;
    for (const grant of this.grants) {
      for (const access of [grant.fields.get(key), grant.fields.get(wildcard)]) {
        if (!access) continue;
        read ||= access.read;
        edit ||= access.edit;
      }
    }
    return { read, edit: edit && canWrite };
  }

  canReadField(object: ObjectDef, field: FieldDef): boolean {
    return this.fieldAccess(object, field).read;
  }

  hasUserPermission(name: string): boolean {
    return this.grants.some((g) => g.userPermissions.has(name));
  }
}
