import type { Clock } from './clock';
import { redactor as defaultRedactor, type Redactor } from './redact';

/**
 * Structured logs: one JSON object per line on stderr (`{"time","level","logger","msg",...fields}`), so
 * `--json` stdout stays clean and log collectors can parse every line. Loggers are named and nested
 * (`tlms-sync.engine.lock`); the level comes from TLMS_LOG_LEVEL. What the user reads goes through the
 * reporter, never through here.
 */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  readonly name: string;
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(name: string, fields?: Record<string, unknown>): Logger;
  isEnabled(level: LogLevel): boolean;
}

export interface LoggerOptions {
  level?: LogLevel;
  clock: Clock;
  write?: (line: string) => void;
  redactor?: Redactor;
  fields?: Record<string, unknown>;
}

export function parseLogLevel(value: string | undefined): LogLevel {
  const lower = (value ?? '').trim().toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(lower) ? (lower as LogLevel) : 'info';
}

export function createLogger(name: string, options: LoggerOptions): Logger {
  const level = options.level ?? 'info';
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const redactor = options.redactor ?? defaultRedactor;
  const base = options.fields ?? {};

  const emit = (lvl: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (RANK[lvl] < RANK[level]) return;
    const entry = {
      time: new Date(options.clock.now()).toISOString(),
      level: lvl,
      logger: name,
      msg,
      ...base,
      ...(fields ?? {})
    };
    write(`${JSON.stringify(redactor.redactValue(entry))}\n`);
  };

  return {
    name,
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (childName, fields) =>
      createLogger(`${name}.${childName}`, { ...options, fields: { ...base, ...(fields ?? {}) } }),
    isEnabled: (lvl) => RANK[lvl] >= RANK[level]
  };
}

/** A logger that drops everything (unit tests of pure parts). */
export const silentLogger: Logger = createLogger('silent', {
  level: 'silent',
  clock: { now: () => 0, sleep: async () => undefined }
});
