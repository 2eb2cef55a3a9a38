#!/usr/bin/env node
// Runs every *.test.ts under the given folders with node:test through ts-node (CommonJS).
// Node 20 does not expand globs in `--test`, so the files are found here.
// TLMS_TEST_TAP=<file> also writes a TAP copy that scripts/test-all.mjs reads for the closing count.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function findTests(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (entry.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const args = process.argv.slice(2);
const filters = args.filter((a) => a.startsWith('--filter=')).map((a) => a.slice('--filter='.length));
const dirs = args.filter((a) => !a.startsWith('--'));
// --exclude=<dir> leaves out a folder that another step runs (test/e2e runs in the `e2e` step, not `repo`).
const excluded = args
  .filter((a) => a.startsWith('--exclude='))
  .map((a) => join(a.slice('--exclude='.length)));
let files = dirs.flatMap((dir) => findTests(dir)).sort();
files = files.filter((f) => !excluded.some((dir) => f === dir || f.startsWith(dir + '/')));
if (filters.length > 0) files = files.filter((f) => filters.some((needle) => f.includes(needle)));
if (files.length === 0) {
  console.error(`No *.test.ts files under ${dirs.join(', ')}`);
  process.exit(1);
}

const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
if (process.env.TLMS_TEST_TAP) {
  reporters.push('--test-reporter=tap', `--test-reporter-destination=${process.env.TLMS_TEST_TAP}`);
}
const concurrency = process.env.TLMS_TEST_CONCURRENCY
  ? [`--test-concurrency=${process.env.TLMS_TEST_CONCURRENCY}`]
  : [];
const result = spawnSync(
  process.execPath,
  ['--require', 'ts-node/register', '--test', ...concurrency, ...reporters, ...files],
  { stdio: 'inherit', env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' } }
);
process.exit(result.status ?? 1);
