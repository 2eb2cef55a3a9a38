import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { RunSummary } from '../../sync/src/core/runSummary';

const ROOT = resolve(__dirname, '../..');

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run -s demo -- <args>` as a user types it, with none of the caller's TLMS_* settings. */
function demo(args: string[]): Promise<Finished> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TLMS_')));
  const child = spawn('npm', ['run', '-s', 'demo', '--', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

function runSummaryProblems(): (document: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(join(ROOT, 'contracts/run-summary.schema.json'), 'utf8'));
  const validate = ajv.compile(schema);
  return (document) =>
    validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

// The demo command end to end, as a child process: both emulators with the demo seed, two real tlms-sync runs
// with learning made through the control API in between, one JSON line on stdout.
describe('npm run demo -- --no-serve --json', { timeout: 240_000 }, () => {
  it('prints one line {schemaVersion, seed, runs} of two valid run summaries and exits 0', async () => {
    const { code, stdout, stderr } = await demo(['--no-serve', '--json']);
    assert.equal(code, 0, `exit ${code}; stderr:\n${stderr.slice(-3000)}`);
    const lines = stdout.split('\n').filter((line) => line !== '');
    assert.equal(lines.length, 1, `stdout holds exactly one line, not:\n${stdout.slice(0, 2000)}`);
    const output = JSON.parse(lines[0]) as { schemaVersion: number; seed: string; runs: RunSummary[] };
    assert.deepEqual(Object.keys(output).sort(), ['runs', 'schemaVersion', 'seed']);
    assert.equal(output.schemaVersion, 1);
    assert.equal(output.seed, 'demo');
    assert.equal(output.runs.length, 2, 'the two runs the README promises');

    const problems = runSummaryProblems();
    output.runs.forEach((run, index) =>
      assert.deepEqual(problems(run), [], `run ${index + 1} breaks contracts/run-summary.schema.json`)
    );
    const [first, second] = output.runs;
    for (const run of output.runs) {
      assert.equal(run.mode, 'run');
      assert.equal(run.status, 'succeeded', `run ${run.runId}: ${JSON.stringify(run.error)}`);
      assert.equal(run.exitCode, 0);
      assert.equal(run.counts.failed, 0);
    }
    assert.notEqual(first.runId, second.runId);

    // Run 1 provisions (the seed is not linked) and brings back the learning that already exists.
    assert.ok(first.counts.created > 0, `run 1 created learners: ${JSON.stringify(first.counts)}`);
    assert.ok(first.counts.coursesUpserted > 0, 'run 1 wrote course records');
    assert.ok(first.counts.certificatesUpserted > 0, 'run 1 wrote certificates');
    assert.ok(first.counts.badgesUpserted > 0, 'run 1 wrote badges');
    assert.ok(
      first.counts.needsReview > 0,
      'the seed plants people who need review, and they are no failure'
    );
    // Run 2 an hour later: nobody new, and the learning made through the control API comes back.
    assert.equal(second.counts.created, 0, 'everyone was provisioned by run 1');
    assert.ok(
      second.counts.coursesUpserted > 0,
      `run 2 wrote course records: ${JSON.stringify(second.counts)}`
    );
    assert.ok(Date.parse(second.startedAt) - Date.parse(first.finishedAt) >= 3_600_000, 'an hour passed');

    // stderr carries what a person reads: both summaries and the learning between them.
    assert.equal(stderr.match(/tlms-sync run: succeeded \(exit 0\)/g)?.length, 2, stderr.slice(-3000));
    assert.match(stderr, /\(learner\) enrolled in “[^”]+”/);
    assert.match(stderr, /Salesforce now holds \d+ learners \(\+\d+\), \d+ user course records/);
  });

  it('refuses an unknown option with one JSON line and exit 2', async () => {
    const { code, stdout, stderr } = await demo(['--no-serve', '--json', '--bogus']);
    assert.equal(code, 2, stderr);
    const lines = stdout.split('\n').filter((line) => line !== '');
    assert.equal(lines.length, 1);
    const output = JSON.parse(lines[0]) as { runs: unknown[]; error: { code: string; message: string } };
    assert.deepEqual(output.runs, []);
    assert.equal(output.error.code, 'USAGE');
    assert.match(output.error.message, /Unknown option --bogus/);
    assert.match(stderr, /usage: npm run demo/);
  });
});
