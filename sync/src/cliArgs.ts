import { SyncError } from './core/errors';
import type { RunMode } from './core/runSummary';

/** Command-line parsing (no dependency: five commands and a handful of flags). */
export const COMMANDS = ['check', 'plan', 'run'] as const satisfies readonly RunMode[];
export type Command = (typeof COMMANDS)[number];
/** Commands that are not one run: a loop of runs, and the binding reset. */
export const SERVICE_COMMANDS = ['daemon', 'rebind'] as const;
export type ServiceCommand = (typeof SERVICE_COMMANDS)[number];

export interface ParsedArgs {
  command: Command | ServiceCommand | 'help' | 'version';
  json: boolean;
  configPath?: string;
  draft: boolean;
  full: boolean;
  /** daemon: time between run starts (`--interval 30m`, `90s`, `2h`; a bare number is minutes). */
  intervalMs?: number;
  /** daemon: stop after this many runs. */
  runs?: number;
  /** rebind: confirmed for scripts. */
  yes: boolean;
}

export const USAGE = `Usage: tlms-sync <command> [options]

Commands:
  check          authenticate both sides, check permissions, binding and settings; sync nothing
  plan           compute what a run would do (stored as a Plan run); write nothing to TalentLMS
  run            one run: provision people into TalentLMS and bring learning back
  daemon         run on an interval (default 60 min) until SIGTERM/SIGINT; never overlaps another run
  rebind         unlink this org from its TalentLMS portal so the next run binds the configured one

Options:
  --json           print the run summary as one JSON object on stdout (logs stay on stderr)
  --config <file>  read the configuration from a JSON file (mode 600) instead of / under the environment
  --draft          plan: plan the draft settings instead of the active ones
  --full           run: a full provisioning pass and a full reconciliation pass within the budget
  --interval <t>   daemon: time between run starts, e.g. 30m, 90s, 2h (default 60m or TLMS_DAEMON_INTERVAL_MINUTES)
  --runs <n>       daemon: stop after n runs
  --yes            rebind: confirm without a prompt (required when not on a terminal)
  -h, --help       this help
  -v, --version    the runner version

Exit codes: 0 ok, 1 partial, 2 configuration/authentication/preflight/binding, 3 quota spent,
4 lock held, 5 circuit breaker. Configuration and output: docs/cli.md.
`;

export function parseArgs(argv: string[]): ParsedArgs {
  const parsed: ParsedArgs = { command: 'help', json: false, draft: false, full: false, yes: false };
  let command: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') parsed.json = true;
    else if (arg === '--draft') parsed.draft = true;
    else if (arg === '--full') parsed.full = true;
    else if (arg === '--yes' || arg === '-y') parsed.yes = true;
    else if (arg === '--interval' || arg.startsWith('--interval=')) {
      const value = arg === '--interval' ? argv[++i] : arg.slice('--interval='.length);
      const ms = parseDuration(value ?? '');
      if (ms === null) throw usageError('--interval needs a duration such as 30m, 90s or 2h', parsed);
      parsed.intervalMs = ms;
    } else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = Number(arg === '--runs' ? argv[++i] : arg.slice('--runs='.length));
      if (!Number.isInteger(value) || value < 1) throw usageError('--runs needs a whole number ≥ 1', parsed);
      parsed.runs = value;
    } else if (arg === '--help' || arg === '-h') return { ...parsed, command: 'help' };
    else if (arg === '--version' || arg === '-v') return { ...parsed, command: 'version' };
    else if (arg === '--config' || arg.startsWith('--config=')) {
      const value = arg === '--config' ? argv[++i] : arg.slice('--config='.length);
      if (!value) throw usageError('--config needs a file path', parsed);
      parsed.configPath = value;
    } else if (arg.startsWith('-')) throw usageError(`Unknown option ${arg}`, parsed);
    else if (command === undefined) command = arg;
    else throw usageError(`Unexpected argument ${arg}`, parsed);
  }
  if (command === undefined) return parsed;
  if (![...COMMANDS, ...SERVICE_COMMANDS].includes(command as Command))
    throw usageError(`Unknown command ${command}`, parsed);
  parsed.command = command as Command | ServiceCommand;
  if (parsed.draft && parsed.command !== 'plan') throw usageError('--draft applies to plan only', parsed);
  if (parsed.full && parsed.command !== 'run') throw usageError('--full applies to run only', parsed);
  if ((parsed.intervalMs !== undefined || parsed.runs !== undefined) && parsed.command !== 'daemon')
    throw usageError('--interval and --runs apply to daemon only', parsed);
  if (parsed.yes && parsed.command !== 'rebind') throw usageError('--yes applies to rebind only', parsed);
  return parsed;
}

/** `90s`, `30m`, `2h`, or a bare number of minutes → milliseconds; null when it is not a duration ≥ 1 s. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) return null;
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[match[2] ?? 'm'] as number;
  const ms = Math.round(Number(match[1]) * unit);
  return ms >= 1_000 ? ms : null;
}

/** A usage error remembers whether --json was given, so the failure summary goes where it should. */
export class UsageError extends SyncError {
  constructor(
    message: string,
    readonly json: boolean,
    readonly mode: RunMode
  ) {
    super('USAGE_INVALID', message);
  }
}

function usageError(message: string, parsed: ParsedArgs): UsageError {
  const mode = (COMMANDS as readonly string[]).includes(parsed.command) ? (parsed.command as RunMode) : 'run';
  return new UsageError(message, parsed.json, mode);
}
