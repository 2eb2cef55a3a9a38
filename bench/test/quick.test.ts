import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { benchResultSchema, isCallTarget, type BenchResult } from '../src/result';

/**
 * `npm run -s bench -- --quick --json` as a user runs it, once; then one test per scenario and per target, so
 * the closing line of `npm test` counts every target of the quick bench.
 */
const ROOT = resolve(__dirname, '..', '..');
const run = spawnSync('npm', ['run', '-s', 'bench', '--', '--quick', '--json'], {
  cwd: ROOT,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024
});
const lines = run.stdout.split('\n').filter((line) => line.length > 0);
let result: BenchResult | null = null;
try {
  result = benchResultSchema.parse(JSON.parse(lines[0] ?? ''));
} catch {
  result = null;
}

test('quick bench prints exactly one JSON line on stdout, valid against contracts/bench-result.schema.json', () => {
  assert.equal(
    lines.length,
    1,
    `stdout must be one line; got ${lines.length}. stderr: ${run.stderr.slice(-2000)}`
  );
  const schema = JSON.parse(
    readFileSync(join(ROOT, 'contracts', 'bench-result.schema.json'), 'utf8')
  ) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  assert.ok(validate(JSON.parse(lines[0])), `schema errors: ${JSON.stringify(validate.errors)}`);
  assert.ok(result, 'the line parses with the zod schema');
  assert.equal(result.quick, true, 'a --quick run says so');
});

test('quick bench exits 1 exactly when a call-count target fails', () => {
  assert.ok(result, `no result; exit ${run.status}; stderr: ${run.stderr.slice(-1500)}`);
  const failed = result.scenarios.some((s) => s.targets.some((t) => isCallTarget(t) && !t.pass));
  assert.equal(
    run.status,
    failed ? 1 : 0,
    `exit ${run.status} with call targets ${failed ? 'failing' : 'passing'}`
  );
});

test('quick bench crosses a 2,000-row Salesforce page and stays under 90 s', () => {
  assert.ok(result, 'no result');
  const provisioning = result.scenarios.find((s) => s.id.startsWith('provisioning'));
  assert.ok(
    provisioning && provisioning.people > 2000,
    'a provisioning scenario with more than 2,000 people'
  );
  assert.ok(result.realMs < 90_000, `the quick bench took ${Math.round(result.realMs / 1000)} s`);
});

const scenarios = result?.scenarios ?? [];
for (const scenario of scenarios) {
  test(`${scenario.id}: measured, and the runner's calls equal the emulators' counters`, () => {
    assert.equal(scenario.status, 'ok', `${scenario.id}: ${scenario.error}`);
    if (scenario.runnerCalls) {
      assert.equal(scenario.runnerCalls.salesforce, scenario.calls.salesforce, 'Salesforce calls');
      assert.equal(scenario.runnerCalls.talentlms, scenario.calls.talentlms, 'TalentLMS calls');
    }
  });
  for (const t of scenario.targets) {
    test(`${scenario.id}: ${t.name}`, () => {
      assert.ok(t.pass, `${scenario.id}: ${t.name}: actual ${t.actual}, limit ${t.limit}`);
    });
  }
}
