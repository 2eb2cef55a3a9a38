/** Process exit codes (DESIGN.md "One run of the runner"); scripts and schedulers branch on them. */
export const ExitCode = {
  ok: 0,
  partial: 1,
  config: 2,
  quota: 3,
  lockHeld: 4,
  circuitBreaker: 5
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export const EXIT_CODE_MEANINGS: Record<ExitCodeValue, string> = {
  0: 'ok: the run finished and every record synced',
  1: 'partial: the run finished but some records failed (see the issues), or it was interrupted',
  2: 'configuration, authentication, preflight or binding error: nothing was synced',
  3: 'quota: the API budget share is spent; the next run resumes',
  4: 'lock held: another run is in progress; this one was skipped',
  5: 'circuit breaker: the run would deactivate more learners than the settings allow'
};
