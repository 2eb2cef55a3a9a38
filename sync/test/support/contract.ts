import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const SCHEMA_FILE = join(__dirname, '..', '..', '..', 'contracts', 'run-summary.schema.json');

/** Validates a document against the committed contracts/run-summary.schema.json (what consumers read). */
export function runSummaryValidator(): (document: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
  return (document) =>
    validate(document)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
