import { ExitCode, type ExitCodeValue } from './exitCodes';
import { issueCodeInfo } from './issueCodes';

export interface SyncErrorOptions {
  hint?: string;
  data?: Record<string, unknown>;
  exitCode?: ExitCodeValue;
  cause?: unknown;
}

/**
 * The one error type the runner throws on purpose. Callers branch on `code` (listed in issueCodes.ts),
 * never on message text; `data` keeps ids and raw server payloads (already free of secrets).
 */
export class SyncError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly data: Record<string, unknown>;
  readonly exitCode: ExitCodeValue;

  constructor(code: string, message: string, options: SyncErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint ?? issueCodeInfo(code)?.hint;
    this.data = options.data ?? {};
    this.exitCode = options.exitCode ?? ExitCode.config;
  }
}

/** Configuration is missing or invalid (exit 2). */
export class ConfigError extends SyncError {}

/** A side refused our credentials (exit 2). */
export class AuthError extends SyncError {}

export interface PermissionGap {
  /** What is missing, e.g. "Edit on tlms__SyncRun__c" or "View All Users". */
  name: string;
  /** What an admin does to fix it. */
  fix: string;
}

/** The integration user lacks permissions or visibility the run needs (exit 2). */
export class PreflightError extends SyncError {
  constructor(
    readonly gaps: PermissionGap[],
    message = `The integration user is missing ${gaps.length} permission(s): ${gaps.map((g) => g.name).join('; ')}`
  ) {
    super('PREFLIGHT_PERMISSIONS_MISSING', message, { data: { gaps } });
  }
}

/** The org or portal is not the one this org was bound to (exit 2). */
export class BindingError extends SyncError {}

/** Another run holds the lock (exit 4). */
export class LockHeldError extends SyncError {
  constructor(data: { owner: string; runId: string; expiresAt: string }) {
    super('LOCK_HELD', `Another run (${data.runId}, ${data.owner}) holds the lock until ${data.expiresAt}`, {
      data,
      exitCode: ExitCode.lockHeld
    });
  }
}

/** The API budget share for this window is spent (exit 3); the run stops cleanly and resumes next time. */
export class QuotaExhaustedError extends SyncError {
  constructor(side: 'talentlms' | 'salesforce', data: Record<string, unknown> = {}) {
    super(
      side === 'talentlms' ? 'TALENTLMS_QUOTA_SPENT' : 'SALESFORCE_QUOTA_SPENT',
      `The ${side === 'talentlms' ? 'TalentLMS' : 'Salesforce'} API budget share is spent for now`,
      { data: { side, ...data }, exitCode: ExitCode.quota }
    );
  }
}

/** Too many deactivations planned (exit 5). Thrown by the provisioning phase. */
export class CircuitBreakerError extends SyncError {
  constructor(message: string, data: Record<string, unknown> = {}) {
    super('CIRCUIT_BREAKER', message, { data, exitCode: ExitCode.circuitBreaker });
  }
}

/** The run was asked to stop (SIGTERM/SIGINT, or the lock was lost). */
export class InterruptedError extends SyncError {
  constructor(reason: string) {
    super('RUN_INTERRUPTED', `The run was interrupted: ${reason}`, { exitCode: ExitCode.partial });
  }
}

/** An error answered by a TalentLMS endpoint, mapped to a code (see talentlms/errors.ts). */
export class TalentLmsApiError extends SyncError {
  constructor(
    code: string,
    message: string,
    readonly status: number,
    options: SyncErrorOptions = {}
  ) {
    super(code, message, { ...options, data: { status, ...(options.data ?? {}) } });
  }
}

/** An error answered by the Salesforce REST API (`errorCode` as Salesforce spells it). */
export class SalesforceApiError extends SyncError {
  constructor(
    readonly errorCode: string,
    message: string,
    options: SyncErrorOptions = {}
  ) {
    super('SALESFORCE_REQUEST_FAILED', message, { ...options, data: { errorCode, ...(options.data ?? {}) } });
  }
}

/** Wraps anything thrown into a SyncError so reporting has one shape. */
export function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // An unexpected failure mid-run: what was written stays written, the next run converges (exit 1).
  return new SyncError('UNEXPECTED_ERROR', message, { exitCode: ExitCode.partial, cause: error });
}
