import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { runSummaryValidator } from './support/contract';
import { cli, resetCounters, startWorld, type World } from './support/world';

const validate = runSummaryValidator();
const REPO = join(__dirname, '..', '..');

/** Runs the real entry point in a child process (ts-node), as a scheduler would. */
function spawnCli(
  args: string[],
  env: Record<string, string>
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--require', 'ts-node/register', join(REPO, 'sync/src/cli.ts'), ...args],
      {
        cwd: REPO,
        env: { PATH: process.env.PATH ?? '', TS_NODE_TRANSPILE_ONLY: 'true', ...env }
      }
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('refusals before a run starts', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(() => world.close());

  const cases: { name: string; env: Record<string, string>; code: string; message: RegExp }[] = [
    {
      name: 'login.salesforce.com',
      env: { TLMS_SF_INSTANCE_URL: 'https://login.salesforce.com' },
      code: 'SF_INSTANCE_URL_LOGIN_HOST',
      message: /My Domain/
    },
    {
      name: 'http without the loopback switch',
      env: { TLMS_ALLOW_LOOPBACK: '0' },
      code: 'SF_INSTANCE_URL_INSECURE',
      message: /TLMS_ALLOW_LOOPBACK=1/
    },
    {
      name: 'a Lightning URL',
      env: { TLMS_SF_INSTANCE_URL: 'https://acme.lightning.force.com' },
      code: 'SF_INSTANCE_URL_NOT_MY_DOMAIN',
      message: /acme\.my\.salesforce\.com/
    }
  ];
  for (const c of cases) {
    it(`refuses ${c.name} with its message and exit 2, making no call`, async () => {
      resetCounters(world);
      const result = await cli(world, ['run', '--json'], { env: c.env });
      assert.equal(result.exitCode, 2);
      const summary = JSON.parse(result.stdout);
      assert.deepEqual(validate(summary), []);
      assert.equal(summary.status, 'failed');
      assert.equal(summary.error.code, c.code);
      assert.match(summary.error.message, c.message);
      assert.ok(summary.error.hint.length > 10);
      assert.equal(world.sf.calls.snapshot().total + world.sf.calls.snapshot().tokens, 0);
    });
  }

  it('accepts a trailing slash with a warning', async () => {
    const result = await cli(world, ['check', '--json'], {
      env: { TLMS_SF_INSTANCE_URL: `${world.sf.instanceUrl}/` }
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.match(result.summary!.warnings.join('\n'), /trailing slash/);
    assert.match(result.stderr, /"level":"warn".*trailing slash/);
  });

  it('names a wrong consumer secret and a wrong TalentLMS key (exit 2)', async () => {
    const sf = await cli(world, ['check', '--json'], { env: { TLMS_SF_CLIENT_SECRET: 'WRONG-SECRET-1234' } });
    assert.equal(sf.exitCode, 2);
    assert.equal(sf.summary!.error?.code, 'SF_AUTH_INVALID_CLIENT');
    assert.match(sf.summary!.error!.hint ?? '', /External Client App/);
    const tl = await cli(world, ['check', '--json'], { env: { TLMS_API_KEY: 'wrong-key-12345678' } });
    assert.equal(tl.exitCode, 2);
    assert.equal(tl.summary!.error?.code, 'TALENTLMS_AUTH_INVALID_KEY');
  });

  it('reports a bad command line as one JSON object too', async () => {
    const result = await cli(world, ['sync', '--json']);
    assert.equal(result.exitCode, 2);
    const summary = JSON.parse(result.stdout);
    assert.equal(summary.error.code, 'USAGE_INVALID');
    assert.deepEqual(validate(summary), []);
  });

  it('as a process: stdout holds only the JSON summary, logs go to stderr, the exit code is the summary’s', async () => {
    const good = await spawnCli(['check', '--json'], { ...world.env, TLMS_LOG_LEVEL: 'debug' });
    assert.equal(good.code, 0, good.stderr);
    const outLines = good.stdout.trim().split('\n');
    assert.equal(outLines.length, 1);
    assert.equal(JSON.parse(outLines[0]).status, 'succeeded');
    assert.ok(
      good.stderr
        .split('\n')
        .filter(Boolean)
        .every((line) => JSON.parse(line).logger),
      'stderr: JSON log lines'
    );
    const bad = await spawnCli(['run', '--json'], {
      ...world.env,
      TLMS_SF_INSTANCE_URL: 'https://test.salesforce.com/'
    });
    assert.equal(bad.code, 2);
    assert.equal(JSON.parse(bad.stdout).error.code, 'SF_INSTANCE_URL_LOGIN_HOST');
  });
});

describe('namespaces and sandboxes', () => {
  it('discovers an empty namespace (unpackaged deploy) and runs', async () => {
    const world = await startWorld({ salesforce: { namespace: '' } });
    try {
      const result = await cli(world, ['run', '--json']);
      assert.equal(result.exitCode, 0, result.stdout);
      assert.equal(world.sf.store.all('SyncRun__c')[0].Status__c, 'Succeeded');
    } finally {
      await world.close();
    }
  });

  it('binds a sandbox only with the opt-in', async () => {
    const world = await startWorld({ salesforce: { isSandbox: true } });
    try {
      const refused = await cli(world, ['run', '--json']);
      assert.equal(refused.exitCode, 2);
      assert.equal(refused.summary!.error?.code, 'BINDING_SANDBOX_NOT_ALLOWED');
      const allowed = await cli(world, ['run', '--json'], { env: { TLMS_ALLOW_SANDBOX: '1' } });
      assert.equal(allowed.exitCode, 0, allowed.stdout);
      assert.equal(world.sf.store.all('SyncState__c')[0].tlms__IsSandbox__c, true);
    } finally {
      await world.close();
    }
  });
});
