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
import { runDaemon } from './engine/daemon';
import type { Phase } from './engine/phase';
import { executeRebind, type RebindPreview } from './engine/rebind';
import { preStartFailure } from './engine/preStart';
import { defaultPhases } from './engine/registry';
import { executeRun } from './engine/runner';
import { formatRebind, formatRebindPreview, rebindFailure } from './report/rebindReport';
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
  /** Asks a question on the terminal (rebind's confirmation); absent when stdin is not a terminal. */
  prompt?: (question: string) => Promise<string>;
}

const DEFAULT_DAEMON_INTERVAL_MS = 60 * 60_000;

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
  if (args.command === 'rebind') return rebindCommand(args, io, clock);
  // The daemon's runs are `run`s.
  const mode: Command = args.command === 'daemon' ? 'run' : args.command;
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
  const deps = {
    config,
    clock,
    logger,
    redactor,
    progress: reporter,
    phases: io.phases ?? defaultPhases(),
    runnerVersion: version,
    signal: io.signal
  };
  if (args.command === 'daemon') {
    let last: RunSummary | null = null;
    const signal = io.signal ?? new AbortController().signal;
    const result = await runDaemon({
      intervalMs: args.intervalMs ?? config.daemonIntervalMs ?? DEFAULT_DAEMON_INTERVAL_MS,
      clock,
      logger: logger.child('daemon'),
      signal,
      maxRuns: args.runs,
      runOnce: () => executeRun('run', deps, {}),
      onSummary: (summary) => {
        last = summary;
        reporter.summary(summary);
      }
    });
    // Stopped by a signal: a clean shutdown (the run said how it ended). With --runs: the last run's code.
    const exitCode = signal.aborted ? 0 : (result.lastExitCode ?? 0);
    return { exitCode, summary: last };
  }
  const summary = await executeRun(mode, deps, { draft: args.draft, full: args.full });
  reporter.summary(summary);
  return { exitCode: summary.exitCode, summary };
}

/** `tlms-sync rebind`: refuses without a confirmation (a terminal prompt, or --yes for scripts). */
async function rebindCommand(
  args: ReturnType<typeof parseArgs>,
  io: CliIo,
  clock: Clock
): Promise<{ exitCode: number; summary: null }> {
  const print = (summary: Parameters<typeof formatRebind>[0]) => {
    io.stdout.write(args.json ? `${JSON.stringify(summary)}\n` : formatRebind(summary));
    return { exitCode: summary.exitCode, summary: null };
  };
  if (!args.yes && !io.prompt) {
    return print(
      rebindFailure(
        clock,
        new UsageError(
          'rebind unlinks every learner from the TalentLMS portal and needs a confirmation: run it in a terminal, or pass --yes in a script',
          args.json,
          'run'
        )
      )
    );
  }
  let config;
  try {
    config = loadConfig({ env: io.env, configPath: args.configPath, cwd: io.cwd, redactor });
  } catch (error) {
    return print(rebindFailure(clock, toSyncError(error)));
  }
  const logger = createLogger('tlms-sync', {
    level: io.env.TLMS_LOG_LEVEL ? parseLogLevel(io.env.TLMS_LOG_LEVEL) : config.logLevel,
    clock,
    write: (line) => io.stderr.write(line),
    redactor
  });
  const prompt = io.prompt;
  const confirm = async (preview: RebindPreview): Promise<boolean> => {
    if (args.yes) return true;
    io.stderr.write(formatRebindPreview(preview));
    const answer = await (prompt as (q: string) => Promise<string>)(
      `Type the new portal's domain (${preview.next.talentlmsDomain}) to confirm: `
    );
    return answer.trim().toLowerCase() === preview.next.talentlmsDomain.toLowerCase();
  };
  return print(await executeRebind({ config, clock, logger, redactor, confirm }));
}

function terminalPrompt(question: string): Promise<string> {
  // Loaded only on a terminal, so scripts never open stdin.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const readline = require('node:readline') as typeof import('node:readline');
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    })
  );
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
    signal: controller.signal,
    prompt: process.stdin.isTTY ? terminalPrompt : undefined
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
