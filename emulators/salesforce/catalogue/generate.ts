/**
 * Regenerates emulators/salesforce/catalogue.json from the apex-dev-tools SObject stubs that ship inside
 * @salesforce/code-analyzer-pmd-engine (salesforce.md §10), merged with overlay.ts.
 * Needs `javap` (JDK); running the emulator does not. Usage: `npm run emulators:catalogue`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OVERLAY, SYSTEM_FIELDS } from './overlay';
import type { Catalogue, CatalogueField, CatalogueObject, SfFieldType } from './types';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const JAR_PATH = join(
  REPO_ROOT,
  'node_modules/@salesforce/code-analyzer-pmd-engine/dist/java-lib/sobject-types-65.0.0.jar'
);
export const CATALOGUE_PATH = join(__dirname, '..', 'catalogue.json');
const CLASS_PREFIX = 'com.nawforce.runforce.';

interface StubMember {
  javaType: string;
  name: string;
}

/** Runs javap once for every object and splits its output per class. */
export function readStubs(jarPath: string, objects: string[]): Map<string, StubMember[]> {
  const classes = objects.map((name) => `${CLASS_PREFIX}SObjects.${name}`);
  const out = execFileSync('javap', ['-p', '-cp', jarPath, ...classes], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  });
  const stubs = new Map<string, StubMember[]>();
  let current: StubMember[] | undefined;
  for (const line of out.split('\n')) {
    const header = /^public class com\.nawforce\.runforce\.SObjects\.(\w+) /.exec(line);
    if (header) {
      current = [];
      stubs.set(header[1], current);
      continue;
    }
    // Instance fields only: `  public <type> <Name>;` (static members and methods are not fields).
    const member = /^ {2}public ([\w.$<>[\]]+) (\w+);$/.exec(line);
    if (member && current) current.push({ javaType: member[1].replace(CLASS_PREFIX, ''), name: member[2] });
  }
  return stubs;
}

const SCALAR_TYPES: Record<string, SfFieldType> = {
  'System.String': 'string',
  'System.Boolean': 'boolean',
  'System.Integer': 'int',
  'System.Long': 'int',
  'System.Decimal': 'double',
  'System.Double': 'double',
  'System.Date': 'date',
  'System.Datetime': 'datetime',
  'System.Time': 'string',
  'SObjects.Address': 'address',
  'System.Location': 'location'
};

/** Turns one stub class into catalogue fields: scalars become fields, `XId` + `X` pairs become references. */
export function stubToFields(objectName: string, members: StubMember[]): CatalogueField[] {
  const relationshipTargets = new Map<string, string | null>();
  for (const m of members) {
    if (m.javaType.endsWith('[]')) continue; // child relationship lists are not fields
    if (m.javaType === 'System.SObject')
      relationshipTargets.set(m.name, null); // polymorphic
    else if (m.javaType.startsWith('SObjects.') && !SCALAR_TYPES[m.javaType]) {
      relationshipTargets.set(m.name, m.javaType.slice('SObjects.'.length));
    }
  }
  const overlay = OVERLAY[objectName]?.fields ?? {};
  const fields: CatalogueField[] = [];
  for (const m of members) {
    let field: CatalogueField | undefined;
    if (m.javaType === 'System.Id') {
      if (m.name === 'Id') field = { name: 'Id', type: 'id', length: 18, nillable: false };
      else {
        field = { name: m.name, type: 'reference', length: 18 };
        const relationshipName = m.name.endsWith('Id') ? m.name.slice(0, -2) : undefined;
        if (relationshipName && relationshipTargets.has(relationshipName)) {
          const target = relationshipTargets.get(relationshipName);
          field.relationshipName = relationshipName;
          if (target) field.referenceTo = [target];
        }
      }
    } else if (SCALAR_TYPES[m.javaType]) {
      field = { name: m.name, type: SCALAR_TYPES[m.javaType] };
      if (field.type === 'string') field.length = 255;
      if (field.type === 'boolean') {
        field.nillable = false;
        field.defaultValue = false;
      }
    }
    if (!field) continue;
    if (SYSTEM_FIELDS.includes(field.name) || field.type === 'address' || field.type === 'location') {
      field.createable = false;
      field.updateable = false;
    }
    fields.push(compact({ ...field, ...overlay[field.name] }));
  }
  return fields.sort((a, b) => a.name.localeCompare(b.name));
}

/** Drops attributes that hold their defaults so the committed JSON stays small and readable. */
function compact(field: CatalogueField): CatalogueField {
  const out = { ...field };
  if (out.nillable === true) delete out.nillable;
  if (out.createable === true) delete out.createable;
  if (out.updateable === true) delete out.updateable;
  // Implied by the type (the schema loader puts them back): booleans are never null and default to false,
  // text is 255 long and ids are 18 long unless the overlay says otherwise.
  if (out.type === 'boolean' && out.nillable === false) delete out.nillable;
  if (out.type === 'boolean' && out.defaultValue === false) delete out.defaultValue;
  if (out.length === 255 && out.type === 'string') delete out.length;
  if (out.length === 18 && (out.type === 'id' || out.type === 'reference')) delete out.length;
  return out;
}

export function buildCatalogue(jarPath = JAR_PATH): Catalogue {
  const names = Object.keys(OVERLAY);
  const stubs = readStubs(jarPath, names);
  const objects: CatalogueObject[] = names.map((name) => {
    const members = stubs.get(name);
    if (!members) throw new Error(`javap printed no class for ${name}`);
    const o = OVERLAY[name];
    const object: CatalogueObject = {
      name,
      label: o.label,
      labelPlural: o.labelPlural,
      keyPrefix: o.keyPrefix,
      fields: stubToFields(name, members)
    };
    if (o.createable === false) object.createable = false;
    return object;
  });
  return {
    source: 'sobject-types-65.0.0.jar (@salesforce/code-analyzer-pmd-engine 0.46.0) + overlay.ts',
    objects
  };
}

/** Formats as Prettier would (the repository checks every JSON file with it). */
export async function formatCatalogue(catalogue: Catalogue): Promise<string> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(CATALOGUE_PATH)) ?? {};
  return prettier.format(JSON.stringify(catalogue), { ...options, parser: 'json', plugins: [] });
}

export function canRegenerate(): boolean {
  if (!existsSync(JAR_PATH)) return false;
  try {
    execFileSync('javap', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  if (!canRegenerate()) {
    console.error(`Needs javap (a JDK) and ${JAR_PATH}; install openjdk-17-jdk-headless and run npm ci.`);
    process.exit(2);
  }
  writeFileSync(CATALOGUE_PATH, await formatCatalogue(buildCatalogue()));
  console.error(`Wrote ${CATALOGUE_PATH}`);
}

if (require.main === module) void main();
