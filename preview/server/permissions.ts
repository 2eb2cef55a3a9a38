import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/**
 * Object and field access from the packaged permission sets in force-app, so the preview grants a persona
 * exactly what its permission sets grant in an org (Schema.SObjectType.X.isAccessible() and
 * Security.stripInaccessible in the Apex). Required fields carry no field permissions and are always readable.
 */
export class PermissionModel {
  private readonly readableObjects = new Map<string, Set<string>>();
  private readonly editableObjects = new Map<string, Set<string>>();
  private readonly creatableObjects = new Map<string, Set<string>>();
  private readonly deletableObjects = new Map<string, Set<string>>();
  private readonly readableFields = new Map<string, Set<string>>();
  private readonly requiredFields = new Set<string>();

  static fromForceApp(root: string): PermissionModel {
    const model = new PermissionModel();
    const base = join(root, 'force-app/main/default');
    const parser = new XMLParser({
      isArray: (name) => ['objectPermissions', 'fieldPermissions'].includes(name)
    });
    const setsDir = join(base, 'permissionsets');
    for (const file of existsSync(setsDir) ? readdirSync(setsDir) : []) {
      if (!file.endsWith('.permissionset-meta.xml')) continue;
      const name = file.slice(0, -'.permissionset-meta.xml'.length);
      const set = parser.parse(readFileSync(join(setsDir, file), 'utf8')).PermissionSet ?? {};
      const objects = (flag: string) =>
        new Set<string>(
          (set.objectPermissions ?? [])
            .filter((p: Record<string, unknown>) => String(p[flag]) === 'true')
            .map((p: { object: string }) => p.object)
        );
      model.readableObjects.set(name, objects('allowRead'));
      model.editableObjects.set(name, objects('allowEdit'));
      model.creatableObjects.set(name, objects('allowCreate'));
      model.deletableObjects.set(name, objects('allowDelete'));
      model.readableFields.set(
        name,
        new Set(
          (set.fieldPermissions ?? [])
            .filter((p: { readable: unknown }) => String(p.readable) === 'true')
            .map((p: { field: string }) => p.field)
        )
      );
    }
    const objectsDir = join(base, 'objects');
    for (const objectName of existsSync(objectsDir) ? readdirSync(objectsDir) : []) {
      const fieldsDir = join(objectsDir, objectName, 'fields');
      for (const file of existsSync(fieldsDir) ? readdirSync(fieldsDir) : []) {
        if (/<required>\s*true\s*<\/required>/.test(readFileSync(join(fieldsDir, file), 'utf8'))) {
          model.requiredFields.add(`${objectName}.${file.replace(/\.field-meta\.xml$/, '')}`);
        }
      }
    }
    return model;
  }

  /** Permission set names the model knows; a persona naming another set is a configuration error. */
  get permissionSets(): string[] {
    return [...this.readableObjects.keys()].sort();
  }

  canReadObject(permissionSets: string[], objectName: string): boolean {
    return permissionSets.some((set) => this.readableObjects.get(set)?.has(objectName));
  }

  canEditObject(permissionSets: string[], objectName: string): boolean {
    return permissionSets.some((set) => this.editableObjects.get(set)?.has(objectName));
  }

  canCreateObject(permissionSets: string[], objectName: string): boolean {
    return permissionSets.some((set) => this.creatableObjects.get(set)?.has(objectName));
  }

  canDeleteObject(permissionSets: string[], objectName: string): boolean {
    return permissionSets.some((set) => this.deletableObjects.get(set)?.has(objectName));
  }

  canReadField(permissionSets: string[], objectName: string, field: string): boolean {
    if (!field.endsWith('__c')) return true; // standard fields of custom objects (Id, Name) need no grant
    const qualified = `${objectName}.${field}`;
    if (this.requiredFields.has(qualified)) return true;
    return permissionSets.some((set) => this.readableFields.get(set)?.has(qualified));
  }
}
