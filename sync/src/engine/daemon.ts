import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { RunSummary } from '../core/runSummary';

/**
 * `tlms-sync daemon`: one run per tick, ticks at `start + k × interval` on the Clock. Runs never overlap: the
 * loop awaits each run, and the lock in Salesforce keeps it from overlapping with cron or manual runs (such a
 * run is recorded as skipped, exit 4, and the daemon carries on). A run longer than the interval skips the
 * ticks it missed rather than starting the next run at once, so a slow org never turns the daemon into a
 * busy loop. An aborted signal (SIGTERM/SIGINT) ends the wait at once, or the current run at its next
 * checkpoint (the run records itself as interrupted and releases the lock); then the daemon returns.
 */
export interface DaemonOptions {
  intervalMs: number;
  clock: Clock;
  logger: Logger;
  signal: AbortSignal;
  /** One run; never throws (executeRun always returns a summary). */
  runOnce: () => Promise<RunSummary>;
  /** Each run's summary as soon as it ends (the CLI prints it: one JSON line per run with --json). */
  onSummary: (summary: RunSummary) => void;
  /** Stop after this many runs (tests, and `--runs` for a bounded burst). */
  maxRuns?: number;
}

export interface DaemonResult {
  runs: number;
  /** Exit code of the last run, or null when the daemon stopped before its first run. */
  lastExitCode: number | null;
  skippedTicks: number;
}

/** The first tick after `now` on the grid `anchor + k × interval`. */
export function nextTick(anchor: number, intervalMs: number, now: number): number {
  const elapsed = Math.max(0, now - anchor);
  return anchor + (Math.floor(elapsed / intervalMs) + 1) * intervalMs;
}

export async function runDaemon(options: DaemonOptions): Promise<DaemonResult> {
  const { clock, logger, signal, intervalMs } = options;
  if (!(intervalMs > 0)) throw new RangeError('The daemon interval must be positive');
  const anchor = clock.now();
  const result: DaemonResult = { runs: 0, lastExitCode: null, skippedTicks: 0 };
  logger.info('Daemon started', { intervalMs, firstRunAt: new Date(anchor).toISOString() });
  let tick = anchor;
  while (!signal.aborted) {
    const summary = await options.runOnce();
    result.runs += 1;
    result.lastExitCode = summary.exitCode;
    options.onSummary(summary);
    if (signal.aborted || (options.maxRuns !== undefined && result.runs >= options.maxRuns)) break;
    const now = clock.now();
    const next = nextTick(anchor, intervalMs, now);
    const missed = Math.round((next - tick) / intervalMs) - 1;
    if (missed > 0) {
      result.skippedTicks += missed;
      logger.warn('The run took longer than the interval; skipping the ticks it overlapped', {
        durationMs: summary.durationMs,
        intervalMs,
        skipped: missed
      });
    }
    tick = next;
    logger.info('Next run scheduled', { at: new Date(next).toISOString(), status: summary.status });
    try {
      await clock.sleep(next - now, signal);
    } catch {
      break; // aborted while waiting
    }
  }
  logger.info('Daemon stopped', {
    runs: result.runs,
    reason: signal.aborted ? String(signal.reason) : 'done'
  });
  return result;
}
