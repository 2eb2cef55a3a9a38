import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { FieldDef, ObjectDef, Schema } from './schema';
import type { Access } from './soql/paths';

/**
 * The run-as user's access. By default it is what the shipped `TalentLMS_Integration` permission set grants
 * plus the grants docs/permissions.md tells admins to add by hand (packaged permission sets cannot carry
 * standard-object or user permissions). Tests narrow it to prove the runner names each missing permission.
 */
export type ObjectRight = 'read' | 'create' | 'edit' | 'delete' | 'viewAll' | 'modifyAll';
export type ObjectAccess = Record<ObjectRight, boolean>;
export interface FieldAccess {
  read: boolean;
  edit: boolean;
}

/** One permission set's grants, keyed by source (unprefixed) names, lower-cased. */
export interface PermissionGrant {
  name: string;
  label: string;
  /** Namespace prefix of a packaged set; null for sets admins create. */
  namespacePrefix: string | null;
  objects: Map<string, ObjectAccess>;
  /** `object.field` (source names, lower-cased) → access. */
  fields: Map<string, FieldAccess>;
  /** User permission names without the `Permissions` prefix: ApiEnabled, ViewAllUsers, ViewSetup … */
  userPermissions: Set<string>;
}

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

export interface ManualGrants {
  objects: Record<string, ObjectRight[]>;
  userPermissions: string[];
  /** Objects whose every field the grant makes readable (`Contact.*` in docs/permissions.md). */
  readAllFields: string[];
}

/**
 * The fallback when docs/permissions.md has no "Manual grants" table: what the issue lists (View All on
 * Account and Contact, View All Users, API Enabled) plus reading User and every standard field.
 */
export const MANUAL_GRANTS: ManualGrants = {
  objects: { User: ['read'], Account: ['read', 'viewAll'], Contact: ['read', 'viewAll'] },
  userPermissions: ['ApiEnabled', 'ViewAllUsers', 'ViewSetup'],
  readAllFields: ['User', 'Account', 'Contact']
};
/** The permission set docs/permissions.md tells admins to create for the manual grants. */
export const MANUAL_PERMISSION_SET_NAME = 'TalentLMS_Integration_Platform';
const MANUAL_PERMISSION_SET_LABEL = 'TalentLMS Integration Platform';

export function defaultManualGrantsFile(projectRoot: string): string {
  return join(projectRoot, 'docs', 'permissions.md');
}

/**
 * Reads the "Manual grants for the integration user" table of docs/permissions.md: rows of
 * `| Kind | Name | Access | Why |` with kinds userPermission, objectPermission and fieldPermission.
 * Returns undefined when the section is missing, so the caller falls back to MANUAL_GRANTS.
 */
export function parseManualGrants(markdown: string): ManualGrants | undefined {
  const section = /^##\s+Manual grants[^\n]*\n([\s\S]*?)(?=^##\s|(?![\s\S]))/m.exec(markdown);
  if (!section) return undefined;
  const grants: ManualGrants = { objects: {}, userPermissions: [], readAllFields: [] };
  let rows = 0;
  for (const line of section[1].split('\n')) {
    const cells = line.split('|').map((c) => c.trim().replace(/`/g, ''));
    if (cells.length < 4) continue;
    const [kind, name, access] = [cells[1], cells[2], cells[3]];
    const rights = access.split(',').map((a) => a.trim().toLowerCase());
    if (kind === 'userPermission') grants.userPermissions.push(name);
    else if (kind === 'objectPermission') {
      grants.objects[name] = rights.map(
        (r) => (r === 'viewall' ? 'viewAll' : r === 'modifyall' ? 'modifyAll' : r) as ObjectRight
      );
    } else if (kind === 'fieldPermission' && name.endsWith('.*') && rights.includes('read')) {
      grants.readAllFields.push(name.slice(0, -2));
    } else continue;
    rows += 1;
  }
  return rows > 0 ? grants : undefined;
}

export function defaultPermissionSetFile(projectRoot: string): string {
  return join(
    projectRoot,
    'force-app',
    'main',
    'default',
    'permissionsets',
    'TalentLMS_Integration.permissionset-meta.xml'
  );
}

const RIGHTS: ObjectRight[] = ['read', 'create', 'edit', 'delete', 'viewAll', 'modifyAll'];
const noAccess = (): ObjectAccess => ({
  read: false,
  create: false,
  edit: false,
  delete: false,
  viewAll: false,
  modifyAll: false
});

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ['objectPermissions', 'fieldPermissions', 'userPermissions'].includes(name)
});

type Xml = Record<string, unknown>;
const yes = (v: unknown) => String(v) === 'true';

export function parsePermissionSet(
  xml: string,
  name: string,
  namespacePrefix: string | null
): PermissionGrant {
  const doc = (parser.parse(xml) as Xml).PermissionSet as Xml | undefined;
  if (!doc) throw new Error(`${name}: not a <PermissionSet> document`);
  const grant: PermissionGrant = {
    name,
    label: String(doc.label ?? name),
    namespacePrefix,
    objects: new Map(),
    fields: new Map(),
    userPermissions: new Set()
  };
  for (const o of (doc.objectPermissions as Xml[] | undefined) ?? []) {
    grant.objects.set(String(o.object).toLowerCase(), {
      read: yes(o.allowRead),
      create: yes(o.allowCreate),
      edit: yes(o.allowEdit),
      delete: yes(o.allowDelete),
      viewAll: yes(o.viewAllRecords),
      modifyAll: yes(o.modifyAllRecords)
    });
  }
  for (const f of (doc.fieldPermissions as Xml[] | undefined) ?? []) {
    grant.fields.set(String(f.field).toLowerCase(), { read: yes(f.readable), edit: yes(f.editable) });
  }
  for (const u of (doc.userPermissions as Xml[] | undefined) ?? []) {
    if (yes(u.enabled)) grant.userPermissions.add(String(u.name));
  }
  return grant;
}

function manualGrant(grants: ManualGrants): PermissionGrant {
  const objects = new Map<string, ObjectAccess>();
  for (const [object, rights] of Object.entries(grants.objects)) {
    const access = noAccess();
    for (const right of rights) if (right in access) access[right] = true;
    objects.set(object.toLowerCase(), access);
  }
  const fields = new Map<string, FieldAccess>();
  for (const object of grants.readAllFields)
    fields.set(`${object.toLowerCase()}.*`, { read: true, edit: false });
  return {
    name: MANUAL_PERMISSION_SET_NAME,
    label: MANUAL_PERMISSION_SET_LABEL,
    namespacePrefix: null,
    objects,
    fields,
    userPermissions: new Set(grants.userPermissions)
  };
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
