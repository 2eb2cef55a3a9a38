import { performance } from 'node:perf_hooks';
import type { Harness } from '../../emulators/harness';
import { PHASE_NAMES, type PhaseName } from '../../sync/src/core/callMeter';
import {
  addByPhase,
  callMismatches,
  emptyByPhase,
  runInProcess,
  type ByPhase,
  type InProcessRun
} from './measure';
import { ratio } from './minimum';
import type { BenchScenario, BenchTarget, SideCalls } from './result';

export interface Latency {
  salesforceMs: number;
  talentlmsMs: number;
}

/** What a scenario's process measures around its work: real time, CPU and the process's peak RSS. */
export class ProcessMeter {
  private readonly real0 = performance.now();
  private readonly cpu0 = process.cpuUsage();

  stop(): { realMs: number; cpuMs: number; peakRssBytes: number } {
    const cpu = process.cpuUsage(this.cpu0);
    return {
      realMs: Math.round(performance.now() - this.real0),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      peakRssBytes: process.resourceUsage().maxRSS * 1024
    };
  }
}

/** Several runner invocations summed (a quota stop resumes in the next window). */
export class RunSeries {
  readonly byPhase: ByPhase = emptyByPhase();
  readonly counted: SideCalls = { salesforce: 0, talentlms: 0 };
  readonly reported: SideCalls = { salesforce: 0, talentlms: 0 };
  readonly problems: string[] = [];
  runs = 0;
  /** Records the runs counted as failed, summed. */
  failed = 0;
  created = 0;
  activated = 0;
  last: InProcessRun | null = null;

  add(run: InProcessRun): void {
    this.runs += 1;
    this.last = run;
    this.counted.salesforce += run.counted.salesforce;
    this.counted.talentlms += run.counted.talentlms;
    addByPhase(this.byPhase, run.counted.byPhase);
    if (run.summary) {
      this.reported.salesforce += run.summary.calls.salesforce;
      this.reported.talentlms += run.summary.calls.talentlms;
      this.failed += run.summary.counts.failed;
      this.created += run.summary.counts.created;
      this.activated += run.summary.counts.activated;
    }
    for (const problem of callMismatches(run.summary, run.counted))
      this.problems.push(`run ${this.runs}: ${problem}`);
  }

  /** The calls booked to some phases only, e.g. everything but the course scan and reconciliation. */
  sum(phases: readonly PhaseName[]): SideCalls {
    return phases.reduce(
      (total, phase) => ({
        salesforce: total.salesforce + this.byPhase[phase].salesforce,
        talentlms: total.talentlms + this.byPhase[phase].talentlms
      }),
      { salesforce: 0, talentlms: 0 }
    );
  }
}

export async function runOnce(h: Harness, args: string[], series: RunSeries): Promise<InProcessRun> {
  const run = await runInProcess(h, args);
  series.add(run);
  return run;
}

export const ALL_PHASES = PHASE_NAMES;
export const INCREMENTAL_PHASES: readonly PhaseName[] = [
  'preflight',
  'provision',
  'timeline',
  'learners',
  'retention'
];

export function target(name: string, limit: number, actual: number | null, pass?: boolean): BenchTarget {
  return { name, limit, actual, pass: pass ?? (actual !== null && actual <= limit) };
}

export interface ScenarioInput {
  id: string;
  people: number;
  portalMode?: BenchScenario['portalMode'];
  plan: BenchScenario['plan'];
  runnerProcess?: BenchScenario['runnerProcess'];
  latency: Latency;
  calls: SideCalls & { byPhase: ByPhase };
  runnerCalls: SideCalls | null;
  /** The calls the minimum covers (some phases only, e.g. the course scan bucket). */
  measured: SideCalls;
  minimum: SideCalls;
  simulatedMs: number;
  process: { realMs: number; cpuMs: number; peakRssBytes: number };
  windows: number;
  runs: number;
  notes: string[];
  targets: BenchTarget[];
  problems?: string[];
}

/** A scenario that ran: status failed when the runner and the emulators disagree or a run broke. */
export function scenario(input: ScenarioInput): BenchScenario {
  const problems = input.problems ?? [];
  return {
    id: input.id,
    status: problems.length > 0 ? 'failed' : 'ok',
    error: problems.length > 0 ? problems.slice(0, 10).join('; ') : null,
    people: input.people,
    portalMode: input.portalMode ?? 'signupActive',
    plan: input.plan,
    runnerProcess: input.runnerProcess ?? 'inProcess',
    latencyMs: { salesforce: input.latency.salesforceMs, talentlms: input.latency.talentlmsMs },
    calls: input.calls,
    runnerCalls: input.runnerCalls,
    minimum: input.minimum,
    ratio: {
      salesforce: ratio(input.measured.salesforce, input.minimum.salesforce),
      talentlms: ratio(input.measured.talentlms, input.minimum.talentlms)
    },
    simulatedMs: Math.max(0, Math.round(input.simulatedMs)),
    realMs: input.process.realMs,
    cpuMs: input.process.cpuMs,
    peakRssBytes: input.process.peakRssBytes,
    windows: input.windows,
    runs: input.runs,
    notes: input.notes,
    targets: input.targets
  };
}

/** A scenario that could not be measured: every target fails, no figure is invented. */
export function notMeasured(
  base: Pick<ScenarioInput, 'id' | 'people' | 'plan' | 'latency' | 'portalMode' | 'runnerProcess'>,
  status: 'failed' | 'not-run',
  error: string,
  targetNames: { name: string; limit: number }[]
): BenchScenario {
  const zero = { salesforce: 0, talentlms: 0 };
  return {
    id: base.id,
    status,
    error,
    people: base.people,
    portalMode: base.portalMode ?? 'signupActive',
    plan: base.plan,
    runnerProcess: base.runnerProcess ?? 'inProcess',
    latencyMs: { salesforce: base.latency.salesforceMs, talentlms: base.latency.talentlmsMs },
    calls: { ...zero, byPhase: emptyByPhase() },
    runnerCalls: null,
    minimum: zero,
    ratio: { salesforce: null, talentlms: null },
    simulatedMs: 0,
    realMs: 0,
    cpuMs: 0,
    peakRssBytes: 0,
    windows: 0,
    runs: 0,
    notes: [],
    targets: targetNames.map((t) => target(t.name, t.limit, null, false))
  };
}

/** Problems of the last run that make a scenario's figures meaningless (exit 2, no summary). */
export function runProblems(run: InProcessRun | null): string[] {
  if (!run) return ['no run'];
  if (!run.summary) return [`exit ${run.exitCode}: ${run.stderr.slice(-300)}`];
  if (run.summary.status === 'failed')
    return [
      `run failed (exit ${run.exitCode}): ${run.summary.error?.code ?? ''} ${run.summary.error?.message ?? ''}`
    ];
  if (run.summary.stopReason) return [`the run stopped early: ${run.summary.stopReason}`];
  return [];
}

/** Issue 7: a 15,000-person seed is ready in under 10 s; timed by the benchmarks, never by a unit test. */
export const SEED_READY_MS = 10_000;

export function seedReadyTargetName(people: number, linked: boolean): string {
  return `${people.toLocaleString('en-US')}-person${linked ? ' linked' : ''} seed ready in under 10 s (ms)`;
}
