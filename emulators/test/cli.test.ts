import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { buildReadyJsonSchema, READY_JSON_SCHEMA_FILE, type ReadyLine } from '../control/readyLine';
import { control, talentlms } from './support';

const ROOT = join(__dirname, '..', '..');

/**
 * The `emulators` npm script as a child process (its command read from package.json and run directly: npm
 * itself re-raises a signal it forwarded, which would hide the program's exit code); resolves with the first
 * stdout line.
 */
function startCli(args: string[]): {
  child: ChildProcessWithoutNullStreams;
  firstLine: Promise<string>;
  exit: Promise<number | null>;
  stderr: () => string;
  stdout: () => string;
} {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [command, ...scriptArgs] = pkg.scripts.emulators.split(' ');
  const child = spawn(command, [...scriptArgs, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' }
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve(stdout.slice(0, newline));
    });
    child.on('exit', () => reject(new Error(`exited before a line; stderr:\n${stderr}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, firstLine, exit, stderr: () => stderr, stdout: () => stdout };
}

function validator() {
  const schema = JSON.parse(readFileSync(join(ROOT, READY_JSON_SCHEMA_FILE), 'utf8')) as Record<
    string,
    unknown
  >;
  return new Ajv2020({ strict: false, allErrors: true }).compile(schema);
}

describe('emulators ready-line contract', () => {
  it('the committed schema is what readyLine.ts generates', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, READY_JSON_SCHEMA_FILE), 'utf8')) as unknown;
    assert.deepEqual(
      committed,
      buildReadyJsonSchema(),
      'regenerate: node --require ts-node/register emulators/control/readyLine.ts'
    );
  });
});

describe('npm run -s emulators (child process)', () => {
  it(
    'prints one valid ready line, obeys the control API, counts calls, and exits 0 on SIGTERM',
    { timeout: 120_000 },
    async () => {
      const cli = startCli(['--seed', 'demo', '--json', '--random-seed', '7']);
      try {
        const line = await cli.firstLine;
        const ready = JSON.parse(line) as ReadyLine;
        const validate = validator();
        assert.ok(validate(ready), JSON.stringify(validate.errors));
        assert.equal(ready.env.TLMS_BASE_URL, ready.talentlms.baseUrl);
        assert.equal(ready.env.TLMS_SF_CLIENT_SECRET, ready.salesforce.clientSecret);
        assert.equal(ready.seed.name, 'demo-r7', 'a non-default random seed gets its own manifest');
        const manifest = JSON.parse(readFileSync(ready.seed.manifest, 'utf8')) as {
          randomSeed: number;
          personas: Record<string, string>;
        };
        assert.equal(manifest.randomSeed, 7);
        assert.match(manifest.personas.learner, /^005/);

        const url = ready.control.url;
        const before = await control<{ now: number }>(url, 'GET', '/clock');
        const after = await control<{ now: number }>(url, 'POST', '/clock/advance', { days: 1 });
        assert.ok(after.body.now - before.body.now >= 86_400_000, 'the clock jumped a day');
        assert.ok(after.body.now - before.body.now < 86_400_000 + 60_000, 'and follows real time otherwise');

        const tlUsers = await talentlms<Array<{ id: string; email: string }>>(ready.env, 'users');
        assert.equal(tlUsers.status, 200);
        const learnerEnrollment = (
          await control<{
            enrollments: Array<{ course_id: string; completion_status: string; role: string }>;
          }>(url, 'GET', `/talentlms/users/${tlUsers.body[1].id}`)
        ).body.enrollments.find((e) => e.role === 'learner' && e.completion_status !== 'completed');
        assert.ok(learnerEnrollment, 'a seeded learner has an open enrollment');
        const step = await control(url, 'POST', '/simulator', {
          action: 'complete',
          userId: tlUsers.body[1].id,
          courseId: learnerEnrollment.course_id
        });
        assert.equal(step.status, 200, JSON.stringify(step.body));
        const timeline = await talentlms<unknown[]>(
          ready.env,
          `gettimeline/event_type:course_completion,user_id:${tlUsers.body[1].id}`
        );
        assert.equal(timeline.body.length, 1);

        const calls = await control<{ talentlms: { total: number; byRoute: Record<string, number> } }>(
          url,
          'GET',
          '/calls'
        );
        assert.equal(calls.body.talentlms.total, 2, 'users + gettimeline');
        assert.equal(
          Object.values(calls.body.talentlms.byRoute).reduce((a, b) => a + b, 0),
          2
        );
      } finally {
        const stopAt = process.hrtime.bigint();
        cli.child.kill('SIGTERM');
        const code = await cli.exit;
        const stopMs = Number(process.hrtime.bigint() - stopAt) / 1e6;
        assert.equal(code, 0, cli.stderr());
        assert.ok(stopMs < 2000, `stopped in ${Math.round(stopMs)} ms`);
        const lines = cli
          .stdout()
          .split('\n')
          .filter((text) => text !== '');
        assert.equal(lines.length, 1, `stdout holds the ready line only, up to the exit: ${cli.stdout()}`);
      }
    }
  );

  it('a start-up failure prints {"error":{code,message}} and exits 2', { timeout: 60_000 }, async () => {
    const bad = startCli(['--seed', 'lots', '--json']);
    const line = JSON.parse(await bad.firstLine) as { error: { code: string; message: string } };
    assert.equal(line.error.code, 'USAGE');
    assert.match(line.error.message, /--seed takes "demo" or a whole number/);
    assert.equal(await bad.exit, 2);

    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
    const port = (taken.address() as { port: number }).port;
    try {
      const busy = startCli(['--seed', 'demo', '--json', '--port-base', String(port)]);
      const failure = JSON.parse(await busy.firstLine) as { error: { code: string } };
      assert.equal(failure.error.code, 'PORT_IN_USE');
      assert.equal(await busy.exit, 2);
    } finally {
      taken.close();
    }
  });
});
