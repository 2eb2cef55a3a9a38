import type { Harness } from '../../emulators/harness';
import { runCli } from '../../sync/src/cli';
import { PHASE_NAMES, type PhaseName } from '../../sync/src/core/callMeter';
import type { RunSummary } from '../../sync/src/core/runSummary';
import type { Phase, RunContext } from '../../sync/src/engine/phase';
import { defaultPhases } from '../../sync/src/engine/registry';
import type { SideCalls } from './result';

export type ByPhase = Record<PhaseName, SideCalls>;

export function emptyByPhase(): ByPhase {
  return Object.fromEntries(PHASE_NAMES.map((p) => [p, { salesforce: 0, talentlms: 0 }])) as ByPhase;
}

export function addByPhase(into: ByPhase, more: ByPhase): ByPhase {
  for (const phase of PHASE_NAMES) {
    into[phase].salesforce += more[phase].salesforce;
    into[phase].talentlms += more[phase].talentlms;
  }
  return into;
}

/**
 * Books the emulators' own counters to phases: every phase (and every `bookCallsTo` switch inside one) takes
 * a snapshot of both counters, so the per-phase figures come from what the emulators counted, not from the
 * runner's meter. Calls outside phases (connect, preflight, lock, bookkeeping) land in `preflight`, as the
 * runner books them.
 */
class EmulatorPhaseMeter {
  readonly byPhase = emptyByPhase();
  private current: PhaseName = 'preflight';
  private last: SideCalls;

  constructor(private readonly h: Harness) {
    this.last = this.read();
  }

  private read(): SideCalls {
    return {
      salesforce: this.h.salesforce.calls.snapshot().total,
      talentlms: this.h.talentlms.calls.snapshot().total
    };
  }

  switchTo(phase: PhaseName): void {
    const now = this.read();
    this.byPhase[this.current].salesforce += now.salesforce - this.last.salesforce;
    this.byPhase[this.current].talentlms += now.talentlms - this.last.talentlms;
    this.last = now;
    this.current = phase;
  }

  wrap(phase: Phase): Phase {
    return {
      ...phase,
      run: async (ctx: RunContext) => {
        this.switchTo(phase.name as PhaseName);
        try {
          return await phase.run(this.observed(ctx));
        } finally {
          this.switchTo('preflight');
        }
      }
    };
  }

  /**
   * One observing proxy per run context, shared by every phase of the run: phases keep per-run state keyed on
   * the context they are given (the learning session hands the timeline's findings to the learners phase).
   */
  private readonly proxies = new WeakMap<RunContext, RunContext>();

  private observed(ctx: RunContext): RunContext {
    let proxy = this.proxies.get(ctx);
    if (!proxy) {
      const switchTo = (next: PhaseName) => this.switchTo(next);
      proxy = new Proxy(ctx, {
        get(target, key, receiver) {
          if (key === 'bookCallsTo')
            return (next: PhaseName) => {
              switchTo(next);
              target.bookCallsTo(next);
            };
          return Reflect.get(target, key, receiver) as unknown;
        }
      });
      this.proxies.set(ctx, proxy);
    }
    return proxy;
  }
}

export interface InProcessRun {
  exitCode: number;
  summary: RunSummary | null;
  stderr: string;
  /** What the emulators counted, per side and per phase. */
  counted: SideCalls & { byPhase: ByPhase };
}

/** `tlms-sync <args> --json` in-process on the harness's clock, the emulators' counters reset first. */
export async function runInProcess(h: Harness, args: string[]): Promise<InProcessRun> {
  h.salesforce.calls.reset();
  h.talentlms.calls.reset();
  const meter = new EmulatorPhaseMeter(h);
  let stdout = '';
  let stderr = '';
  const { exitCode } = await runCli([...args, '--json'], {
    env: { ...h.env, TLMS_LOG_LEVEL: 'warn' },
    cwd: process.cwd(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    clock: h.clock,
    phases: defaultPhases().map((phase) => meter.wrap(phase))
  });
  meter.switchTo('preflight');
  let summary: RunSummary | null = null;
  try {
    summary = JSON.parse(stdout) as RunSummary;
  } catch {
    stderr += `\n(bench) stdout was not one JSON object: ${stdout.slice(0, 500)}`;
  }
  return {
    exitCode,
    summary,
    stderr,
    counted: {
      salesforce: h.salesforce.calls.snapshot().total,
      talentlms: h.talentlms.calls.snapshot().total,
      byPhase: meter.byPhase
    }
  };
}

/** Mismatches between the runner's reported calls and the emulators' counters (empty = they agree). */
export function callMismatches(summary: RunSummary | null, counted: InProcessRun['counted']): string[] {
  if (!summary) return ['the runner printed no summary'];
  const problems: string[] = [];
  for (const side of ['salesforce', 'talentlms'] as const) {
    if (summary.calls[side] !== counted[side])
      problems.push(`${side}: runner reported ${summary.calls[side]}, emulator counted ${counted[side]}`);
    for (const phase of PHASE_NAMES) {
      const reported = summary.calls.byPhase[phase]?.[side] ?? 0;
      if (reported !== counted.byPhase[phase][side])
        problems.push(
          `${side} ${phase}: runner reported ${reported}, emulator counted ${counted.byPhase[phase][side]}`
        );
    }
  }
  return problems;
}
