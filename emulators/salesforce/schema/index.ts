import { join } from 'node:path';
import { loadStandardObjects } from './catalogue';
import { loadCustomSchema, namespacer, type Namespacer } from './customObjects';
import { addField, type FieldDef, type ObjectDef } from './types';

export * from './types';
export { namespacer, type Namespacer } from './customObjects';

/** Every object the emulated org has: catalogue standard objects plus the package's custom objects. */
export class Schema {
  private readonly objects = new Map<string, ObjectDef>();
  readonly ns: Namespacer;

  constructor(
    readonly namespace: string,
    objects: ObjectDef[]
  ) {
    this.ns = namespacer(namespace);
    for (const object of objects) this.objects.set(object.name.toLowerCase(), object);
  }

  /** Case-insensitive lookup by API name (`tlms__UserCourse__c`, `contact`). */
  object(name: string): ObjectDef | undefined {
    return this.objects.get(name.toLowerCase());
  }

  field(object: ObjectDef, name: string): FieldDef | undefined {
    return object.byName.get(name.toLowerCase());
  }

  all(): ObjectDef[] {
    return [...this.objects.values()];
  }

  byKeyPrefix(id: string): ObjectDef | undefined {
    const prefix = id.slice(0, 3);
    return this.all().find((o) => o.keyPrefix === prefix);
  }
}

/** Builds the schema from catalogue.json plus `<projectRoot>/force-app/main/default/objects` (or `objectsDir`). */
export function loadSchema(options: { namespace: string; objectsDir?: string; projectRoot: string }): Schema {
  const objectsDir =
    options.objectsDir ?? join(options.projectRoot, 'force-app', 'main', 'default', 'objects');
  const standard = loadStandardObjects();
  const custom = loadCustomSchema(objectsDir, options.namespace);
  for (const [objectName, fields] of custom.standardObjectFields) {
    const target = standard.find((o) => o.name === objectName);
    if (!target) continue; // a standard object outside the catalogue: nothing queries it here
    for (const field of fields) addField(target, field);
  }
  return new Schema(options.namespace, [...standard, ...custom.customObjects]);
}
