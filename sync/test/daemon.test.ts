import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startSalesforceEmulator } from '../../emulators/salesforce';
import { startTalentLmsEmulator } from '../../emulators/talentlms';
import { parseArgs, parseDuration } from '../src/cliArgs';
import { ManualClock } from '../src/core/clock';
import type { RunSummary } from '../src/core/runSummary';
import type { Phase } from '../src/engine/phase';
import { nextTick } from '../src/engine/daemon';
import { retentionPhase } from '../src/engine/retention';
import { runSummaryValidator } from './support/contract';
import { defaultSettings } from '../src/settings';
import { activateSettings, cli, startWorld, TL_KEY, type World } from './support/world';

const validate = runSummaryValidator();

function summaries(stdout: string): RunSummary[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RunSummary);
}

/** Resolves once `condition` holds, checking after pending I/O (the emulators answer in the same process). */
async function until(condition: () => boolean, what: string, maxTurns = 200_000): Promise<void> {
  for (let turn = 0; turn < maxTurns; turn += 1) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('daemon scheduling rules', () => {
  it('ticks on the grid start + k × interval and skips the ticks a long run overlapped', () => {
    assert.equal(nextTick(0, 1_000, 0), 1_000);
    assert.equal(nextTick(0, 1_000, 999), 1_000);
    assert.equal(nextTick(0, 1_000, 3_400), 4_000, 'a 3.4 s run with a 1 s interval starts next at 4 s');
    assert.equal(nextTick(0, 1_000, 4_000), 5_000);
  });

  it('reads durations and refuses daemon flags elsewhere', () => {
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('30'), 1_800_000, 'a bare number is minutes');
    assert.equal(parseDuration('2h'), 7_200_000);
    assert.equal(parseDuration('500ms'), null, 'less than a second is refused');
    assert.equal(parseDuration('soon'), null);
    assert.equal(parseArgs(['daemon', '--interval', '1s', '--runs', '3']).intervalMs, 1_000);
    assert.throws(() => parseArgs(['run', '--interval', '1s']), /daemon only/);
    assert.throws(() => parseArgs(['daemon', '--runs', '0']), /whole number/);
  });
});

describe('tlms-sync daemon against the emulators', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
    // Every Salesforce call takes 250 ms on the shared clock: an empty run (14 calls) lasts about 3.5 s.
    world.sf.faults.add({ kind: 'latency', ms: 250 });
  });
  after(() => world.close());

  it('with a 1 s interval and 3 s runs: runs never overlap, and a manual run meanwhile is refused', async () => {
    // The daemon's first run pauses mid-run (lock held) until the test has tried a manual run.
    let entered = false;
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const gate: Phase = {
      name: 'provision',
      label: 'test gate',
      async run() {
        if (entered) return;
        entered = true;
        await released;
      }
    };
    const daemon = cli(world, ['daemon', '--json', '--interval', '1s', '--runs', '3'], {
      phases: [gate, retentionPhase()]
    });
    await until(() => entered, 'the daemon to be mid-run');
    const manual = await cli(world, ['run', '--json']);
    assert.equal(manual.exitCode, 4, 'a manual (or cron) run is refused while the daemon runs');
    assert.equal(manual.summary?.status, 'skipped');
    release();

    const result = await daemon;
    assert.equal(result.exitCode, 0, result.stderr);
    const runs = summaries(result.stdout);
    assert.equal(runs.length, 3, 'one JSON summary per line, one line per run');
    for (const summary of runs) {
      assert.deepEqual(validate(summary), [], 'each line is a valid run summary');
      assert.equal(summary.status, 'succeeded');
      assert.ok(summary.durationMs >= 3_000, `a run lasts at least 3 s (${summary.durationMs} ms)`);
    }
    const start = (s: RunSummary) => Date.parse(s.startedAt);
    const end = (s: RunSummary) => Date.parse(s.finishedAt);
    for (let i = 1; i < runs.length; i += 1) {
      assert.ok(start(runs[i]) >= end(runs[i - 1]), `run ${i + 1} starts after run ${i} finished`);
      assert.equal((start(runs[i]) - start(runs[0])) % 1_000, 0, 'runs start on the 1 s grid');
      // finishedAt is taken before the run record's own write (250 ms here), so the next tick may be the second.
      assert.ok(start(runs[i]) - end(runs[i - 1]) < 2_000, 'one of the next ticks, not later');
    }
    assert.match(result.stderr, /skipping the ticks it overlapped/);

    const records = world.sf.store.all('SyncRun__c');
    assert.equal(records.filter((r) => r.tlms__Status__c === 'Succeeded').length, 3);
    assert.equal(
      records.filter((r) => r.tlms__Status__c === 'Skipped').length,
      1,
      'the refused run is recorded'
    );
    assert.equal(world.sf.store.all('SyncLock__c').length, 0, 'the lock is released');
  });

  it('stops waiting at once when it is signalled between runs, and exits 0', async () => {
    const controller = new AbortController();
    const daemon = cli(world, ['daemon', '--json', '--interval', '60m'], { signal: controller.signal });
    const runsBefore = world.sf.store.all('SyncRun__c').length;
    await until(
      () =>
        world.sf.store.all('SyncRun__c').filter((r) => r.tlms__Status__c !== 'Running').length > runsBefore,
      'the first run to finish'
    );
    await until(() => world.clock.pendingSleepers > 0, 'the daemon to wait for its next tick');
    const before = world.clock.now();
    controller.abort('SIGTERM');
    const result = await daemon;
    assert.equal(result.exitCode, 0);
    assert.equal(summaries(result.stdout).length, 1, 'no second run');
    assert.ok(world.clock.now() - before < 60 * 60_000, 'did not sleep out the hour');
  });
});

describe('tlms-sync daemon as a child process', () => {
  it('on SIGTERM mid-run: records the run as interrupted, releases the lock and exits 0', async () => {
    // Real time here: the child runs on the system clock, and each Salesforce call takes 300 ms.
    const clock = new ManualClock(Date.now(), { followSystem: true });
    const sf = await startSalesforceEmulator({ clock });
    const tl = await startTalentLmsEmulator({ clock, apiKey: TL_KEY, domain: 'acme.talentlms.com' });
    activateSettings(sf, defaultSettings());
    sf.faults.add({ kind: 'latency', ms: 300 });
    const child = spawn(
      process.execPath,
      [
        '--require',
        'ts-node/register',
        join(__dirname, '..', 'src', 'cli.ts'),
        'daemon',
        '--json',
        '--interval',
        '1s'
      ],
      {
        cwd: join(__dirname, '..', '..'),
        env: {
          ...process.env,
          TLMS_SF_INSTANCE_URL: sf.instanceUrl,
          TLMS_SF_CLIENT_ID: sf.clientId,
          TLMS_SF_CLIENT_SECRET: sf.clientSecret,
          TLMS_SF_NAMESPACE: 'tlms',
          TLMS_DOMAIN: tl.domain,
          TLMS_API_KEY: tl.apiKey,
          TLMS_BASE_URL: tl.baseUrl,
          TLMS_ALLOW_LOOPBACK: '1',
          TLMS_LOG_LEVEL: 'info'
        },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // Mid-run: the lock is held and the Running run record is written.
      await until(
        () => {
          if (child.exitCode !== null) throw new Error(`the child exited early:\n${stderr}`);
          return sf.store.all('SyncRun__c').some((r) => r.tlms__Status__c === 'Running');
        },
        'the child to start its run',
        Number.MAX_SAFE_INTEGER
      );
      child.kill('SIGTERM');
      const code = await exited;
      assert.equal(code, 0, `the daemon exits cleanly\n${stderr}`);
      const lines = stdout.split('\n').filter(Boolean);
      assert.equal(lines.length, 1, `one summary line:\n${stdout}`);
      const summary = JSON.parse(lines[0]) as RunSummary;
      assert.deepEqual(validate(summary), []);
      assert.equal(summary.status, 'partial', JSON.stringify(summary.error));
      assert.equal(summary.stopReason, 'interrupted');
      assert.equal(summary.error?.code, 'RUN_INTERRUPTED');
      const [record] = sf.store.all('SyncRun__c');
      assert.equal(record.tlms__Status__c, 'Partial');
      assert.equal(record.tlms__StopReason__c, 'Interrupted');
      assert.equal(sf.store.all('SyncLock__c').length, 0, 'the lock is released');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await Promise.all([sf.close(), tl.close()]);
    }
  });
});
