#!/usr/bin/env node
// Writes a copy of the sample data plan whose custom object and field names carry a namespace prefix,
// for orgs that reject the unprefixed names: node data/prefix-namespace.mjs tlms /tmp/tlms-data
// Standard names (Account, Name, AccountId), reference ids (@Ref) and values are left alone.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [namespace, outDir] = process.argv.slice(2);
if (!namespace || !outDir) {
  console.error('Usage: node data/prefix-namespace.mjs <namespace> <output folder>');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
// Only own names: `Foo__c` gets the prefix, `other__Foo__c` (already prefixed) does not.
const prefix = (name) => (/^[A-Za-z0-9]+__c$/.test(name) ? `${namespace}__${name}` : name);

function rewriteRecord(record) {
  const out = {};
  for (const [key, value] of Object.entries(record)) {
    out[key === 'attributes' ? key : prefix(key)] =
      key === 'attributes' ? { ...value, type: prefix(value.type) } : value;
  }
  return out;
}

mkdirSync(outDir, { recursive: true });
const plan = JSON.parse(readFileSync(join(here, 'sample-data-plan.json'), 'utf8'));
for (const step of plan) {
  step.sobject = prefix(step.sobject);
  for (const file of step.files) {
    const data = JSON.parse(readFileSync(join(here, file), 'utf8'));
    writeFileSync(
      join(outDir, file),
      `${JSON.stringify({ records: data.records.map(rewriteRecord) }, null, 2)}\n`
    );
  }
}
writeFileSync(join(outDir, 'sample-data-plan.json'), `${JSON.stringify(plan, null, 2)}\n`);
console.log(`Wrote ${readdirSync(outDir).length} files to ${outDir} with prefix ${namespace}__`);
