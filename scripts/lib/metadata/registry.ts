// Which metadata type a source-format file holds, from its `-meta.xml` suffix. The suffix table is data
// shipped with @salesforce/source-deploy-retrieve (the library behind `sf project convert source`), so file
// naming follows exactly what the CLI recognises.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

type RegistryType = {
  name: string;
  suffix?: string;
  directoryName?: string;
  inFolder?: boolean;
  folderType?: string;
  strategies?: { adapter?: string };
  children?: { types: Record<string, RegistryType> };
};
type Registry = { types: Record<string, RegistryType> };

export type TypeCandidates = {
  suffix: string;
  /** Top-level types using the suffix (usually one). */
  types: string[];
  /** Child types (decomposed into their own files) using the suffix, with their parent. */
  children: Array<{ name: string; parent: string; directoryName?: string }>;
};

let registry: Registry | undefined;
function loadRegistry(): Registry {
  // The JSON sits beside the package's main entry (lib/src/index.js); its `exports` hide it from require.
  const file = join(
    dirname(require.resolve('@salesforce/source-deploy-retrieve')),
    'registry',
    'metadataRegistry.json'
  );
  registry ??= JSON.parse(readFileSync(file, 'utf8')) as Registry;
  return registry;
}

let bySuffix: Map<string, TypeCandidates> | undefined;
function suffixTable(): Map<string, TypeCandidates> {
  if (bySuffix) return bySuffix;
  bySuffix = new Map();
  const entry = (suffix: string): TypeCandidates => {
    let found = bySuffix!.get(suffix);
    if (!found) bySuffix!.set(suffix, (found = { suffix, types: [], children: [] }));
    return found;
  };
  for (const type of Object.values(loadRegistry().types)) {
    if (type.suffix) entry(type.suffix).types.push(type.name);
    for (const child of Object.values(type.children?.types ?? {})) {
      if (child.suffix)
        entry(child.suffix).children.push({
          name: child.name,
          parent: type.name,
          directoryName: child.directoryName
        });
    }
  }
  return bySuffix;
}

export function registryType(name: string): RegistryType | undefined {
  return Object.values(loadRegistry().types).find((type) => type.name === name);
}

/** ReportFolder → Report: package.xml lists a folder as a `Folder/` member of its content type. */
export function folderContentType(folderTypeName: string): string | undefined {
  const types = loadRegistry().types;
  const id = Object.keys(types).find((key) => types[key].name === folderTypeName);
  return id ? Object.values(types).find((type) => type.folderType === id)?.name : undefined;
}

/** Bundle types keep their `-meta.xml` beside the sources, named after a source extension (`.js-meta.xml`). */
const BUNDLE_DIRECTORIES: Record<string, string> = {
  lwc: 'LightningComponentBundle',
  aura: 'AuraDefinitionBundle'
};

export type FileKind = {
  /** `Name` for `Name.object-meta.xml`, the bundle name for bundles. */
  componentName: string;
  suffix: string;
  /** Root element names the file may carry. */
  allowedRoots: string[];
  bundle?: string;
};

export function isMetaXml(path: string): boolean {
  return path.endsWith('-meta.xml');
}

/** Classifies `…/X.suffix-meta.xml`; undefined when the suffix is unknown to the CLI. */
export function classifyMetaFile(path: string): FileKind | undefined {
  const file = basename(path);
  const match = /^(.+)\.([^.]+)-meta\.xml$/.exec(file);
  if (!match) return undefined;
  const [, componentName, suffix] = match;
  const segments = dirname(path).split(sep);
  for (const [directory, type] of Object.entries(BUNDLE_DIRECTORIES)) {
    const at = segments.lastIndexOf(directory);
    if (at >= 0 && at === segments.length - 2) {
      return { componentName: segments[segments.length - 1], suffix, allowedRoots: [type], bundle: type };
    }
  }
  const candidates = suffixTable().get(suffix);
  if (!candidates) return undefined;
  const roots = [...candidates.types, ...candidates.children.map((child) => child.name)];
  return { componentName, suffix, allowedRoots: [...new Set(roots)] };
}

export function childTypeForSuffix(
  suffix: string
): { name: string; parent: string; directoryName?: string } | undefined {
  return suffixTable().get(suffix)?.children[0];
}

export function knownSuffixes(): string[] {
  return [...suffixTable().keys()];
}
