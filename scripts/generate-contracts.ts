/**
 * Writes the contracts that are generated from zod (contracts/README.md). `npm run contracts:generate` rewrites
 * them; `-- --check` only reports stale files (exit 1), which is what the contract tests assert too.
 * To add a contract: append an entry to CONTRACTS with its file and a function building the JSON document.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSettingsJsonSchema, SETTINGS_JSON_SCHEMA_FILE } from '../sync/src/settings/jsonSchema';
import {
  buildRunSummaryJsonSchema,
  RUN_SUMMARY_JSON_SCHEMA_FILE
} from '../sync/src/core/runSummaryJsonSchema';
import { buildPlanJsonSchema, PLAN_JSON_SCHEMA_FILE } from '../sync/src/core/planJsonSchema';
import { BENCH_RESULT_JSON_SCHEMA_FILE, buildBenchResultJsonSchema } from '../bench/src/result';

export interface GeneratedContract {
  /** Path from the repository root. */
  file: string;
  build: () => unknown;
}

export const CONTRACTS: GeneratedContract[] = [
  { file: SETTINGS_JSON_SCHEMA_FILE, build: buildSettingsJsonSchema },
  { file: RUN_SUMMARY_JSON_SCHEMA_FILE, build: buildRunSummaryJsonSchema },
  { file: PLAN_JSON_SCHEMA_FILE, build: buildPlanJsonSchema },
  { file: BENCH_RESULT_JSON_SCHEMA_FILE, build: buildBenchResultJsonSchema }
];

export const REPOSITORY_ROOT = resolve(__dirname, '..');

/** The file's exact text: JSON formatted by the repository's Prettier config, so `prettier --check` agrees. */
export async function renderContract(contract: GeneratedContract): Promise<string> {
  // Prettier 3 is loaded lazily: the tests that only build documents do not pay for it.
  const prettier = await import('prettier');
  const path = join(REPOSITORY_ROOT, contract.file);
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(JSON.stringify(contract.build()), { ...options, filepath: path });
}

/** Contracts whose committed file differs from what the generator writes now. */
export async function staleContracts(): Promise<string[]> {
  const stale: string[] = [];
  for (const contract of CONTRACTS) {
    let committed = '';
    try {
      committed = readFileSync(join(REPOSITORY_ROOT, contract.file), 'utf8');
    } catch {
      // a missing file is stale
    }
    if (committed !== (await renderContract(contract))) stale.push(contract.file);
  }
  return stale;
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const stale = await staleContracts();
    for (const file of stale) console.error(`${file} is stale: run npm run contracts:generate`);
    process.exitCode = stale.length > 0 ? 1 : 0;
    return;
  }
  for (const contract of CONTRACTS) {
    writeFileSync(join(REPOSITORY_ROOT, contract.file), await renderContract(contract));
    console.error(`wrote ${contract.file}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
