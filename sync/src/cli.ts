#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, parseArgs, USAGE, UsageError } from './cliArgs';
import { loadConfig } from './config/load';
import { type Clock, systemClock } from './core/clock';
import { toSyncError } from './core/errors';
import { createLogger, parseLogLevel } from './core/logger';
import { redactor } from './core/redact';
import type { RunSummary } from './core/runSummary';
import type { Phase } from './engine/phase';
import { preStartFailure } from './engine/preStart';
import { defaultPhases } from './engine/registry';
import { executeRun } from './engine/runner';
import { Reporter } from './report/reporter';

/**
 * `tlms-sync`: parse arguments, load the configuration, call the engine, render the summary, exit with its
 * code. Everything is injectable so tests run the real CLI in-process against the emulators.
 */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  clock?: Clock;
  phases?: Phase[];
  signal?: AbortSignal;
}

export function runnerVersion(): string {
  try {
    return String(JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version);
  } catch {
    return '0.0.0';
  }
}

export async function runCli(
  argv: string[],
  io: CliIo
): Promise<{ exitCode: number; summary: RunSummary | null }> {
  const clock = io.clock ?? systemClock;
  const version = runnerVersion();
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    const usage = error as UsageError;
    const summary = preStartFailure(usage.mode, usage, { clock, redactor, runnerVersion: version });
    new Reporter({ json: usage.json, stdout: io.stdout, stderr: io.stderr }).summary(summary);
    if (!usage.json) io.stderr.write(USAGE);
    return { exitCode: summary.exitCode, summary };
  }
  if (args.command === 'help') {
    io.stdout.write(USAGE);
    return { exitCode: 0, summary: null };
  }
  if (args.command === 'version') {
    io.stdout.write(`${version}\n`);
    return { exitCode: 0, summary: null };
  }
  const mode: Command = args.command;
  const reporter = new Reporter({ json: args.json, stdout: io.stdout, stderr: io.stderr });
  let config;
  try {
    config = loadConfig({ env: io.env, configPath: args.configPath, cwd: io.cwd, redactor });
  } catch (error) {
    const summary = preStartFailure(mode, toSyncError(error), { clock, redactor, runnerVersion: version });
    reporter.summary(summary);
    return { exitCode: summary.exitCode, summary };
  }
  // The level may come from the config file, so the logger is made once the configuration is read.
  const logger = createLogger('tlms-sync', {
    level: io.env.TLMS_LOG_LEVEL ? parseLogLevel(io.env.TLMS_LOG_LEVEL) : config.logLevel,
    clock,
    write: (line) => io.stderr.write(line),
    redactor
  });
  for (const warning of config.warnings) logger.warn(warning);
  const summary = await executeRun(
    mode,
    {
      config,
      clock,
      logger,
      redactor,
      progress: reporter,
      phases: io.phases ?? defaultPhases(),
      runnerVersion: version,
      signal: io.signal
    },
    { draft: args.draft, full: args.full }
  );
  reporter.summary(summary);
  return { exitCode: summary.exitCode, summary };
}

if (require.main === module) {
  const controller = new AbortController();
  // The first signal asks the run to stop at its next checkpoint (recorded as interrupted); a second one exits.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (controller.signal.aborted) process.exit(130);
      controller.abort(signal);
    });
  }
  runCli(process.argv.slice(2), {
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    signal: controller.signal
  }).then(
    ({ exitCode }) => {
      process.exitCode = exitCode;
    },
    (error: unknown) => {
      process.stderr.write(`tlms-sync: ${redactor.redact(String((error as Error)?.stack ?? error))}\n`);
      process.exitCode = 1;
    }
  );
}
