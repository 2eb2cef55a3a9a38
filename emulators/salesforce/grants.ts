import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/**
 * Permission grants as the emulator reads them: a permission set's metadata XML, and the "Manual grants"
 * table of docs/permissions.md (what admins grant by hand because packages cannot).
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

export const RIGHTS: ObjectRight[] = ['read', 'create', 'edit', 'delete', 'viewAll', 'modifyAll'];
export const noAccess = (): ObjectAccess => ({
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

export function manualGrant(grants: ManualGrants): PermissionGrant {
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
