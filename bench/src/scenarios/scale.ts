import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startHarness, type Harness } from '../../../emulators/harness';
import { PHASE_NAMES, type PhaseName } from '../../../sync/src/core/callMeter';
import type { RunSummary } from '../../../sync/src/core/runSummary';
import { emptyByPhase } from '../measure';
import { noChangeMinimum, planMinimum, seedCounts } from '../minimum';
import type { BenchScenario } from '../result';
import { notMeasured, scenario, target } from '../scenario';

const ROOT = resolve(__dirname, '..', '..', '..');
const GIB = 1024 ** 3;
const NO_LATENCY = { salesforceMs: 0, talentlmsMs: 0 };
const PLAN = { name: 'Core', hourlyLimit: 2000 };
/**
 * An org with 100,000 people has far more than the emulator's default 15,000 daily requests (the allowance
 * grows with licences); the scale runs measure time and memory, not the Salesforce budget.
 */
const DAILY_LIMIT = 1_000_000;

interface ChildRun {
  exitCode: number;
  summary: RunSummary | null;
  stderr: string;
  realMs: number;
  cpuMs: number;
  peakRssBytes: number;
}

/** `tlms-sync <args> --json` as its own process (ts-node, transpile only), with its own CPU and peak RSS. */
async function runChild(h: Harness, args: string[]): Promise<ChildRun> {
  const dir = mkdtempSync(join(tmpdir(), 'tlms-bench-'));
  const usageFile = join(dir, 'usage.json');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--require',
      'ts-node/register/transpile-only',
      '--require',
      join(ROOT, 'bench', 'src', 'childUsage.js'),
      join(ROOT, 'sync', 'src', 'cli.ts'),
      ...args,
      '--json'
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...h.env,
        TLMS_LOG_LEVEL: 'warn',
        BENCH_USAGE_FILE: usageFile,
        TS_NODE_TRANSPILE_ONLY: 'true'
      },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? 1)));
  const realMs = Math.round(performance.now() - started);
  let usage = { cpuMs: 0, peakRssBytes: 0 };
  try {
    usage = JSON.parse(readFileSync(usageFile, 'utf8')) as typeof usage;
  } catch {
    stderr += '\n(bench) the child wrote no usage file';
  }
  rmSync(dir, { recursive: true, force: true });
  let summary: RunSummary | null = null;
  try {
    summary = JSON.parse(stdout.trim()) as RunSummary;
  } catch {
    stderr += `\n(bench) stdout was not one JSON object: ${stdout.slice(0, 300)}`;
  }
  return { exitCode, summary, stderr, realMs, ...usage };
}

function fromSummary(summary: RunSummary | null): ReturnType<typeof emptyByPhase> {
  const byPhase = emptyByPhase();
  for (const phase of PHASE_NAMES as readonly PhaseName[]) {
    byPhase[phase].salesforce = summary?.calls.byPhase[phase]?.salesforce ?? 0;
    byPhase[phase].talentlms = summary?.calls.byPhase[phase]?.talentlms ?? 0;
  }
  return byPhase;
}

async function measureChild(
  h: Harness,
  id: string,
  args: string[],
  minimum: { salesforce: number; talentlms: number },
  notes: string[]
): Promise<BenchScenario> {
  h.salesforce.calls.reset();
  h.talentlms.calls.reset();
  const startedAt = h.clock.now();
  const run = await runChild(h, args);
  const counted = {
    salesforce: h.salesforce.calls.snapshot().total,
    talentlms: h.talentlms.calls.snapshot().total
  };
  const problems: string[] = [];
  if (!run.summary) problems.push(`exit ${run.exitCode}: ${run.stderr.slice(-400)}`);
  else {
    if (run.summary.status === 'failed')
      problems.push(`run failed: ${run.summary.error?.code} ${run.summary.error?.message}`);
    if (run.summary.stopReason) problems.push(`the run stopped early: ${run.summary.stopReason}`);
    for (const side of ['salesforce', 'talentlms'] as const)
      if (run.summary.calls[side] !== counted[side])
        problems.push(
          `${side}: runner reported ${run.summary.calls[side]}, emulator counted ${counted[side]}`
        );
  }
  const people = h.seed.people;
  return scenario({
    id,
    people,
    plan: PLAN,
    runnerProcess: 'child',
    latency: NO_LATENCY,
    calls: { ...counted, byPhase: fromSummary(run.summary) },
    runnerCalls: run.summary
      ? { salesforce: run.summary.calls.salesforce, talentlms: run.summary.calls.talentlms }
      : null,
    measured: counted,
    minimum,
    // The run's own duration (the clock follows real time here), without the process start-up.
    simulatedMs: run.summary?.durationMs ?? h.clock.now() - startedAt,
    process: { realMs: run.realMs, cpuMs: run.cpuMs, peakRssBytes: run.peakRssBytes },
    windows: 1,
    runs: 1,
    notes: [
      ...notes,
      'runner as a child process (ts-node transpile-only), no injected latency, clock following real time',
      `Salesforce daily limit ${DAILY_LIMIT} (a 100,000-person org's allowance, not the 15,000 default)`,
      "totals from the emulators' counters (equal to the runner's); byPhase as the runner reported it",
      'cpu and peak RSS: the runner process alone'
    ],
    targets: [
      target(
        'runner peak RSS under 1 GiB (bytes)',
        GIB,
        run.peakRssBytes,
        run.peakRssBytes > 0 && run.peakRssBytes < GIB
      )
    ],
    problems
  });
}

export interface ScaleOptions {
  people: number;
}

export function scaleIds(people: number): string[] {
  return [`scale-${people}-plan`, `scale-${people}-no-change`];
}

/**
 * Scenario 5: a provisioning plan on the unlinked seed, then a no-change run on the linked seed (after one
 * settling run), the runner as its own process.
 */
export async function scaleScenarios(o: ScaleOptions): Promise<BenchScenario[]> {
  const [planId, noChangeId] = scaleIds(o.people);
  const results: BenchScenario[] = [];
  let h: Harness | null = null;
  try {
    h = await startHarness({
      seed: o.people,
      control: false,
      manifestDir: false,
      dailyRequestLimit: DAILY_LIMIT
    });
    const counts = seedCounts(h.world, h.manifest.coverage, h.seed.people);
    results.push(
      await measureChild(h, planId, ['plan'], planMinimum(counts), [
        `tlms-sync plan for P = ${counts.toCreate} people to create`
      ])
    );
    await h.close();
    h = null;
    h = await startHarness({
      seed: o.people,
      linked: true,
      control: false,
      manifestDir: false,
      dailyRequestLimit: DAILY_LIMIT
    });
    const settle = await runChild(h, ['run']);
    results.push(
      await measureChild(h, noChangeId, ['run'], noChangeMinimum(), [
        `after a settling run (exit ${settle.exitCode}, ${Math.round(settle.realMs / 1000)} s, peak RSS ${Math.round(settle.peakRssBytes / 2 ** 20)} MiB)`
      ])
    );
  } catch (error) {
    const done = new Set(results.map((r) => r.id));
    for (const id of [planId, noChangeId].filter((i) => !done.has(i)))
      results.push(
        notMeasured(
          { id, people: o.people, plan: PLAN, latency: NO_LATENCY, runnerProcess: 'child' },
          'failed',
          String((error as Error)?.stack ?? error),
          [{ name: 'runner peak RSS under 1 GiB (bytes)', limit: GIB }]
        )
      );
  } finally {
    await h?.close();
  }
  return results;
}
