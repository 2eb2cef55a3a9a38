#!/usr/bin/env node
// `npm test`: every check and suite CI runs, in a fixed order, then one closing line
// `N passed, N failed` that sums the tests of every suite (CI reads that line; Jest's own summary is not read).
// A failing step does not hide the others: all run, and the exit code is 1 if any failed.
// Usage: npm test [-- --only=name,name] [-- --skip=name]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npx = (...args) => ['npx', '--no-install', ...args];
// kind: check (no test count), jest (reads --json output), node (reads TAP summary)
const STEPS = [
  { name: 'typecheck', kind: 'check', cmd: npx('tsc', '-p', 'tsconfig.json', '--noEmit') },
  { name: 'lint', kind: 'check', cmd: npx('eslint', '.') },
  { name: 'prettier', kind: 'check', cmd: npx('prettier', '--check', '.') },
  {
    name: 'validate-metadata',
    kind: 'check',
    cmd: ['npm', 'run', '-s', 'validate:metadata'],
    when: 'scripts/validate-metadata.ts'
  },
  { name: 'scan', kind: 'check', cmd: ['npm', 'run', '-s', 'scan'], when: 'scripts/scan.mjs' },
  {
    name: 'lwc',
    kind: 'jest',
    cmd: npx('sfdx-lwc-jest', '--', '--ci', '--maxWorkers=2'),
    when: 'force-app/main/default/lwc'
  },
  {
    name: 'repo',
    kind: 'node',
    cmd: ['node', 'scripts/run-node-tests.mjs', 'test', '--exclude=test/e2e'],
    when: 'test'
  },
  {
    name: 'emulators',
    kind: 'node',
    cmd: ['node', 'scripts/run-node-tests.mjs', 'emulators'],
    when: 'emulators'
  },
  { name: 'sync', kind: 'node', cmd: ['node', 'scripts/run-node-tests.mjs', 'sync/test'] },
  // Browser suite (Chromium) and the preview backend; builds the preview bundle when it is stale.
  { name: 'e2e', kind: 'node', cmd: ['node', 'scripts/run-node-tests.mjs', 'test/e2e'], when: 'test/e2e' },
  // `npm run -s bench -- --quick --json` through node:test: one test per scenario and per target (bench/README.md).
  {
    name: 'bench-quick',
    kind: 'node',
    cmd: ['node', 'scripts/run-node-tests.mjs', 'bench/test'],
    when: 'bench/test'
  }
];

const argv = process.argv.slice(2);
const listArg = (flag) =>
  argv.filter((a) => a.startsWith(`--${flag}=`)).flatMap((a) => a.slice(flag.length + 3).split(','));
const only = listArg('only');
const skip = listArg('skip');
const work = mkdtempSync(join(tmpdir(), 'tlms-test-'));

function countJest(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: report.numPassedTests, failed: report.numFailedTests + report.numRuntimeErrorTestSuites };
}
function countTap(file) {
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const read = (key) => Number((text.match(new RegExp(`^# ${key} (\\d+)$`, 'm')) || [])[1] || 0);
  return { passed: read('pass'), failed: read('fail') + read('cancelled') };
}

const results = [];
const t0 = Date.now();
for (const step of STEPS) {
  if (only.length > 0 && !only.includes(step.name)) continue;
  if (skip.includes(step.name)) continue;
  if (step.when && !existsSync(step.when)) continue;
  const started = Date.now();
  console.log(`\n::: ${step.name} (t=${Math.round((started - t0) / 1000)}s)`);
  const out = join(work, `${step.name}.out`);
  let cmd = step.cmd;
  const env = { ...process.env };
  if (step.kind === 'jest') cmd = [...cmd, '--json', `--outputFile=${out}`];
  if (step.kind === 'node') env.TLMS_TEST_TAP = out;
  const run = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', env });
  const ok = run.status === 0;
  const counts = step.kind === 'jest' ? countJest(out) : step.kind === 'node' ? countTap(out) : null;
  results.push({ name: step.name, ok, counts, seconds: Math.round((Date.now() - started) / 1000) });
}

let passed = 0;
let failed = 0;
console.log('\nSummary');
for (const r of results) {
  const c = r.counts ? ` ${r.counts.passed} passed, ${r.counts.failed} failed` : '';
  console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(18)} ${String(r.seconds).padStart(4)}s${c}`);
  if (r.counts) {
    passed += r.counts.passed;
    failed += r.counts.failed;
  }
  // A suite that crashed before reporting, or a failing check, still counts as one failure.
  if (!r.ok && (!r.counts || r.counts.failed === 0)) failed += 1;
}
const failedSteps = results.filter((r) => !r.ok).map((r) => r.name);
if (failedSteps.length > 0) {
  console.log(
    `FAILED: ${failedSteps.join(', ')} (rerun just these: npm test -- --only=${failedSteps.join(',')})`
  );
}
// Nothing may be printed after this line: CI reads it as the result of the whole run.
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
