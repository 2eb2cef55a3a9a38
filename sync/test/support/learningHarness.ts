import { startHarness, type Harness, type HarnessOptions } from '../../../emulators/harness';
import { runCli } from '../../src/cli';
import { ManualClock } from '../../src/core/clock';
import type { RunSummary } from '../../src/core/runSummary';
import { learningPhases } from '../../src/engine/learning';

/** The seeds' simulated "now" (emulators/seeds/world/generate.ts). */
export const SEED_NOW = Date.UTC(2026, 10, 25, 9, 0, 0);

/** Both emulators with a linked seed on an auto-advancing clock, no control API, no manifest file. */
export async function startLearningHarness(options: HarnessOptions = {}): Promise<Harness> {
  return startHarness({
    seed: 'demo',
    linked: true,
    clock: new ManualClock(SEED_NOW, { autoAdvance: true }),
    control: false,
    manifestDir: false,
    ...options
  });
}

export interface LearningRun {
  exitCode: number;
  summary: RunSummary;
  stderr: string;
  /** What the emulators counted for this run. */
  counted: { salesforce: number; talentlms: number };
}

/** `tlms-sync run --json` in-process with only the learning phases, counters reset first. */
export async function runLearning(
  h: Harness,
  args: string[] = [],
  options: { signal?: AbortSignal } = {}
): Promise<LearningRun> {
  h.salesforce.calls.reset();
  h.talentlms.calls.reset();
  let stdout = '';
  let stderr = '';
  const { exitCode } = await runCli(['run', '--json', ...args], {
    env: { ...h.env, TLMS_LOG_LEVEL: process.env.LEARNING_LOG ?? 'warn' },
    cwd: process.cwd(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    clock: h.clock,
    phases: learningPhases(),
    signal: options.signal
  });
  return {
    exitCode,
    summary: JSON.parse(stdout) as RunSummary,
    stderr,
    counted: {
      salesforce: h.salesforce.calls.snapshot().total,
      talentlms: h.talentlms.calls.snapshot().total
    }
  };
}

/** Moves the shared clock forward (the simulator and the next run happen later). */
export function advance(h: Harness, ms: number): void {
  (h.clock as ManualClock).advance(ms);
}
