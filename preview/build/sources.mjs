// Reads the package sources the preview renders: LWC bundles, custom labels and Apex method signatures.
// Everything is read from force-app at build time, so the preview always shows the real, current sources.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/**
 * The SFDX layout (`lwc/<name>/<name>.js`) does not match the LWC resolver's `<namespace>/<name>/` convention,
 * so every bundle becomes an alias record `c/<name>` (the namespace the package's own code uses).
 */
export function sfdxModules(lwcDir) {
  if (!existsSync(lwcDir)) return [];
  const records = [];
  for (const name of readdirSync(lwcDir).sort()) {
    const dir = join(lwcDir, name);
    if (!statSync(dir).isDirectory()) continue;
    const js = join(dir, `${name}.js`);
    const ts = join(dir, `${name}.ts`);
    if (existsSync(js)) records.push({ name: `c/${name}`, path: js });
    else if (existsSync(ts)) records.push({ name: `c/${name}`, path: ts });
  }
  return records;
}

/** Component bundles that have an HTML template or are exposed: the ones a page can place. */
export function componentBundles(lwcDir) {
  return sfdxModules(lwcDir)
    .map((record) => {
      const name = record.name.slice(2);
      const metaFile = join(lwcDir, name, `${name}.js-meta.xml`);
      const meta = existsSync(metaFile) ? readFileSync(metaFile, 'utf8') : '';
      return {
        name,
        path: record.path,
        hasTemplate: existsSync(join(lwcDir, name, `${name}.html`)),
        isExposed: /<isExposed>\s*true\s*<\/isExposed>/.test(meta),
        targets: [...meta.matchAll(/<target>\s*([^<\s]+)\s*<\/target>/g)].map((m) => m[1])
      };
    })
    .filter((bundle) => bundle.hasTemplate);
}

/** `CustomLabels.labels-meta.xml` → `{ fullName: value }`; an absent file gives an empty map. */
export function readLabels(labelsFile) {
  if (!existsSync(labelsFile)) return {};
  const parser = new XMLParser({
    isArray: (name) => name === 'labels',
    parseTagValue: false,
    trimValues: false
  });
  const doc = parser.parse(readFileSync(labelsFile, 'utf8'));
  const labels = {};
  for (const label of doc?.CustomLabels?.labels ?? []) {
    if (label.fullName) labels[String(label.fullName).trim()] = String(label.value ?? '');
  }
  return labels;
}

/**
 * `Controller.method` pairs that a deploy would accept as `@salesforce/apex/Controller.method`: a static
 * `@AuraEnabled` method of a class in force-app. Returns `{ 'Cls.method': { cacheable } }`.
 */
export function readAuraEnabledMethods(classesDir) {
  const methods = {};
  if (!existsSync(classesDir)) return methods;
  for (const file of readdirSync(classesDir)) {
    if (!file.endsWith('.cls')) continue;
    const className = file.slice(0, -'.cls'.length);
    const source = stripApexComments(readFileSync(join(classesDir, file), 'utf8'));
    const pattern =
      /@AuraEnabled\s*(\(([^)]*)\))?((?:\s*@\w+(?:\([^)]*\))?)*)\s+((?:public|global|static|override|virtual)\s+)+[\w<>,.\s[\]]+?\s+(\w+)\s*\(/gi;
    for (const match of source.matchAll(pattern)) {
      const modifiers = match[4] ?? '';
      if (!/\bstatic\b/i.test(match[0]) && !/\bstatic\b/i.test(modifiers)) continue;
      const cacheable = /cacheable\s*=\s*true/i.test(match[2] ?? '');
      methods[`${className}.${match[5]}`] = { cacheable };
    }
  }
  return methods;
}

function stripApexComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
}
