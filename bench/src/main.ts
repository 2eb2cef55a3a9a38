/**
 * `npm run bench`: every scenario of bench/README.md, each job in its own worker process (two at a time by
 * default), then bench/results/latest.json. `npm run -s bench -- --quick --json`: the call-count scenarios on
 * 2,500 users + 2,500 contacts, one JSON line on stdout, nothing written, exit 1 when a call-count target fails.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeReadmeTable } from './readmeTable';
import { addScaleRatio } from './scaleRatio';
import {
  BENCH_RESULT_SCHEMA_VERSION,
  benchResultSchema,
  isCallTarget,
  type BenchResult,
  type BenchScenario
} from './result';
import { notMeasured } from './scenario';
import { LINKED_SCENARIO_IDS } from './scenarios/linked';
import { provisioningId } from './scenarios/provisioning';
import { scaleIds } from './scenarios/scale';
import { RESULT_PREFIX, type Job } from './worker';

const ROOT = resolve(__dirname, '..', '..');
export const LATEST = join(ROOT, 'bench', 'results', 'latest.json');

export interface BenchOptions {
  quick: boolean;
  json: boolean;
  jobs: number;
  only: string[];
  /** --merge: replace only these jobs' scenarios in the existing --out file (re-running some jobs). */
  merge: boolean;
  out: string | null;
  latency: { salesforceMs: number; talentlmsMs: number };
}

export function parseBenchArgs(argv: string[]): BenchOptions {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || parsed < 0)
      throw new Error(`--${name} must be a number ≥ 0, got "${raw}"`);
    return parsed;
  };
  for (const arg of argv)
    if (!/^--(quick|json|merge|jobs=|only=|out=|salesforce-latency=|talentlms-latency=)/.test(arg))
      throw new Error(
        `Unknown option ${arg}. Options: --quick --json --merge --jobs=N --only=id,id --out=file --salesforce-latency=ms --talentlms-latency=ms`
      );
  const quick = argv.includes('--quick');
  return {
    quick,
    json: argv.includes('--json'),
    jobs: Math.max(1, Math.floor(number('jobs', 2))),
    only: (value('only') ?? '').split(',').filter(Boolean),
    out: value('out') ?? (quick ? null : LATEST),
    merge: argv.includes('--merge'),
    latency: { salesforceMs: number('salesforce-latency', 50), talentlmsMs: number('talentlms-latency', 100) }
  };
}

/**
 * The jobs of a run, taken in this order by the workers (longest first, so no long job is left to run alone
 * at the end). The 100k scale job is by far the longest (seeding 100,000 linked people, then runner processes
 * that pace on real time): it starts first. The 10k scale job starts beside it, so both scale jobs' runner
 * processes meet the same competition for the CPU (their durations make the 100k/10k time ratio); it mostly
 * waits on real time, while the 100k job seeds. Then the linked job (the no-change and learning targets) and
 * the provisioning jobs, longest first.
 */
export function plannedJobs(o: BenchOptions): Job[] {
  const latency = o.latency;
  if (o.quick)
    return [
      { kind: 'provisioning', people: 5000, hourlyLimit: 10000, signupCreatesInactive: false, latency },
      { kind: 'linked', people: 5000, latency, quick: true }
    ];
  const provisioning = (hourlyLimit: number, signupCreatesInactive: boolean): Job => ({
    kind: 'provisioning',
    people: 15000,
    hourlyLimit,
    signupCreatesInactive,
    latency
  });
  return [
    { kind: 'scale', people: 100000 },
    { kind: 'scale', people: 10000 },
    { kind: 'linked', people: 15000, latency, quick: false },
    provisioning(2000, true),
    provisioning(2000, false),
    provisioning(10000, true),
    provisioning(10000, false)
  ];
}

export function jobName(job: Job): string {
  if (job.kind === 'provisioning')
    return `provisioning ${job.hourlyLimit}/h ${job.signupCreatesInactive ? 'inactive' : 'active'}`;
  return `${job.kind} ${job.people}`;
}

/** What a job that did not finish stands for in the result: its scenarios, not run, every target failed. */
export function unfinished(job: Job, reason: string): BenchScenario[] {
  if (job.kind === 'provisioning') {
    const plan = { name: job.hourlyLimit >= 10000 ? 'Grow' : 'Core', hourlyLimit: job.hourlyLimit };
    return [
      notMeasured(
        {
          id: provisioningId(job),
          people: job.people,
          plan,
          latency: job.latency,
          portalMode: job.signupCreatesInactive ? 'signupInactive' : 'signupActive'
        },
        'not-run',
        reason,
        [{ name: 'TalentLMS calls (provisioning)', limit: Math.floor(1.01 * job.people) + 20 }]
      )
    ];
  }
  const plan = { name: 'Core', hourlyLimit: 2000 };
  if (job.kind === 'scale')
    return scaleIds(job.people).map((id) =>
      notMeasured(
        {
          id,
          people: job.people,
          plan,
          latency: { salesforceMs: 0, talentlmsMs: 0 },
          runnerProcess: 'child'
        },
        'not-run',
        reason,
        []
      )
    );
  const ids = job.quick ? LINKED_SCENARIO_IDS.slice(0, 4) : LINKED_SCENARIO_IDS;
  return ids.map((id) =>
    notMeasured({ id, people: job.people, plan, latency: job.latency }, 'not-run', reason, [])
  );
}

function runWorker(
  job: Job,
  log: (line: string) => void,
  children: Set<ChildProcess>
): Promise<BenchScenario[]> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        '--max-old-space-size=6144',
        // The scale worker only hosts the emulators (its figures are the runner child's): a larger young
        // generation cuts the garbage collection of loading 100,000 linked people.
        ...(job.kind === 'scale' ? ['--max-semi-space-size=64'] : []),
        '--require',
        'ts-node/register/transpile-only',
        join(__dirname, 'worker.ts'),
        JSON.stringify(job)
      ],
      {
        cwd: ROOT,
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    );
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code, signal) => {
      children.delete(child);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (!line)
        return fail(
          new Error(
            `${jobName(job)}: worker ended (${signal ?? `exit ${code}`}) without a result. ${stderr.slice(-1500)}`
          )
        );
      if (stderr.trim()) log(`${jobName(job)}: ${stderr.trim().slice(-800)}`);
      done(JSON.parse(line.slice(RESULT_PREFIX.length)) as BenchScenario[]);
    });
  });
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function assemble(o: BenchOptions, started: number, scenarios: BenchScenario[]): BenchResult {
  const cpu = cpus();
  return benchResultSchema.parse({
    schemaVersion: BENCH_RESULT_SCHEMA_VERSION,
    quick: o.quick,
    date: new Date().toISOString(),
    gitCommit: gitCommit(),
    machine: {
      platform: process.platform,
      arch: process.arch,
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? 'unknown',
      totalMemoryBytes: totalmem(),
      node: process.version
    },
    realMs: Math.round(performance.now() - started),
    scenarios: addScaleRatio([...scenarios].sort((a, b) => a.id.localeCompare(b.id)))
  } satisfies BenchResult);
}

export interface BenchControl {
  /** Stops taking jobs and ends the running workers; their scenarios are reported not-run. */
  interrupt(reason: string): void;
}

export async function runBench(
  o: BenchOptions,
  log: (line: string) => void,
  hooks: { onProgress?: (partial: BenchResult) => void; control?: (c: BenchControl) => void } = {}
): Promise<BenchResult> {
  const started = performance.now();
  let jobs = plannedJobs(o);
  if (o.only.length > 0) jobs = jobs.filter((job) => o.only.some((needle) => jobName(job).includes(needle)));
  const queue = [...jobs];
  const finished = new Map<Job, BenchScenario[]>();
  const children = new Set<ChildProcess>();
  let interrupted: string | null = null;
  hooks.control?.({
    interrupt(reason) {
      interrupted = reason;
      queue.length = 0;
      for (const child of children) child.kill('SIGTERM');
    }
  });
  const snapshot = () =>
    assemble(
      o,
      started,
      jobs.flatMap((job) => finished.get(job) ?? unfinished(job, interrupted ?? 'still running or queued'))
    );
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const t0 = performance.now();
      log(`start ${jobName(job)}`);
      try {
        finished.set(job, await runWorker(job, log, children));
      } catch (error) {
        const reason = interrupted ?? (error as Error).message;
        const lost = unfinished(job, reason);
        finished.set(job, interrupted ? lost : lost.map((s) => ({ ...s, status: 'failed' as const })));
      }
      log(`done ${jobName(job)} in ${Math.round((performance.now() - t0) / 1000)} s`);
      hooks.onProgress?.(snapshot());
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.jobs, jobs.length) }, () => worker()));
  return snapshot();
}

function readPrevious(file: string): BenchResult {
  return benchResultSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The earlier result with the scenarios of the jobs just run replaced (same ids), dated now. */
export function mergeResults(previous: BenchResult, fresh: BenchResult): BenchResult {
  // A job that did not get to run (interrupted, queued) keeps its earlier figures.
  const ran = fresh.scenarios.filter(
    (s) => s.status !== 'not-run' || !previous.scenarios.some((p) => p.id === s.id)
  );
  const ids = new Set(ran.map((s) => s.id));
  const scenarios = [...previous.scenarios.filter((s) => !ids.has(s.id)), ...ran];
  return benchResultSchema.parse({
    ...fresh,
    realMs: previous.realMs + fresh.realMs,
    scenarios: addScaleRatio(
      scenarios
        .map((s) => ({ ...s, targets: s.targets.filter((t) => !t.name.startsWith('100k/10k')) }))
        .sort((a, b) => a.id.localeCompare(b.id))
    )
  });
}

export function failedCallTargets(result: BenchResult): string[] {
  return result.scenarios.flatMap((s) =>
    s.targets
      .filter((t) => isCallTarget(t) && !t.pass)
      .map((t) => `${s.id}: ${t.name} — ${t.actual} > ${t.limit}`)
  );
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const previous = options.merge && options.out && existsSync(options.out) ? readPrevious(options.out) : null;
  const write = (fresh: BenchResult) => {
    if (!options.out) return;
    const result = previous ? mergeResults(previous, fresh) : fresh;
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`);
  };
  const result = await runBench(options, log, {
    // Each finished job is written at once, so a long run that is stopped keeps what it measured.
    onProgress: write,
    control: (control) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const)
        process.once(signal, () => {
          log(`${signal}: stopping the workers, writing what finished`);
          control.interrupt(`interrupted by ${signal} before this job finished`);
        });
    }
  });
  const text = JSON.stringify(result);
  if (options.out) {
    write(result);
    log(`wrote ${options.out}`);
    if (options.out === LATEST && (options.only.length === 0 || previous))
      await writeReadmeTable(previous ? mergeResults(previous, result) : result);
  }
  if (options.json) process.stdout.write(`${text}\n`);
  else process.stderr.write(renderTable(result));
  const failed = failedCallTargets(result);
  for (const line of failed) log(`call target failed: ${line}`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}

export function renderTable(result: BenchResult): string {
  const rows = result.scenarios.map((s) => {
    const targets = s.targets
      .map((t) => `${t.pass ? 'ok' : 'FAIL'} ${t.name}: ${t.actual} / ${t.limit}`)
      .join('; ');
    return `${s.id.padEnd(30)} ${s.status.padEnd(7)} SF ${String(s.calls.salesforce).padStart(6)} TL ${String(s.calls.talentlms).padStart(6)} min ${s.minimum.salesforce}/${s.minimum.talentlms} sim ${Math.round(s.simulatedMs / 1000)}s cpu ${Math.round(s.cpuMs / 1000)}s rss ${Math.round(s.peakRssBytes / 2 ** 20)}MiB win ${s.windows}\n    ${targets}${s.error ? `\n    error: ${s.error.slice(0, 300)}` : ''}`;
  });
  return `${rows.join('\n')}\nreal ${Math.round(result.realMs / 1000)} s\n`;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench: ${String((error as Error)?.stack ?? error)}\n`);
    process.exitCode = 2;
  });
}
