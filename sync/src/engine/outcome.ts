import {
  CircuitBreakerError,
  InterruptedError,
  LockHeldError,
  QuotaExhaustedError,
  type SyncError
} from '../core/errors';
import { ExitCode } from '../core/exitCodes';
import type { RunSummary } from '../core/runSummary';

export type Outcome = Pick<RunSummary, 'status' | 'stopReason' | 'exitCode'>;

/**
 * How a run ended, from what stopped it (if anything) and whether records failed: the status, stop reason and
 * exit code of the summary (docs/cli.md "Exit codes").
 */
export function outcomeOf(error: SyncError | null, recordsFailed: boolean): Outcome {
  if (!error) {
    return recordsFailed
      ? { status: 'partial', stopReason: null, exitCode: ExitCode.partial }
      : { status: 'succeeded', stopReason: null, exitCode: ExitCode.ok };
  }
  if (error instanceof LockHeldError)
    return { status: 'skipped', stopReason: 'lockHeld', exitCode: ExitCode.lockHeld };
  if (error instanceof QuotaExhaustedError)
    return { status: 'partial', stopReason: 'quota', exitCode: ExitCode.quota };
  if (error instanceof CircuitBreakerError) {
    return { status: 'failed', stopReason: 'circuitBreaker', exitCode: ExitCode.circuitBreaker };
  }
  if (error instanceof InterruptedError) {
    return { status: 'partial', stopReason: 'interrupted', exitCode: ExitCode.partial };
  }
  return { status: 'failed', stopReason: null, exitCode: error.exitCode };
}
