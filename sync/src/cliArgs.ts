import { SyncError } from './core/errors';
import type { RunMode } from './core/runSummary';

/** Command-line parsing (no dependency: three commands and a handful of flags). */
export const COMMANDS = ['check', 'plan', 'run'] as const satisfies readonly RunMode[];
export type Command = (typeof COMMANDS)[number];

export interface ParsedArgs {
  command: Command | 'help' | 'version';
  json: boolean;
  configPath?: string;
  draft: boolean;
  full: boolean;
}

export const USAGE = `Usage: tlms-sync <command> [options]

Commands:
  check          authenticate both sides, check permissions, binding and settings; sync nothing
  plan           compute what a run would do (stored as a Plan run); write nothing to TalentLMS
  run            one run: provision people into TalentLMS and bring learning back

Options:
  --json           print the run summary as one JSON object on stdout (logs stay on stderr)
  --config <file>  read the configuration from a JSON file (mode 600) instead of / under the environment
  --draft          plan: plan the draft settings instead of the active ones
  --full           run: a full reconciliation pass within the budget
  -h, --help       this help
  -v, --version    the runner version

Exit codes: 0 ok, 1 partial, 2 configuration/authentication/preflight/binding, 3 quota spent,
4 lock held, 5 circuit breaker. Configuration and output: docs/cli.md.
`;

export function parseArgs(argv: string[]): ParsedArgs {
  const parsed: ParsedArgs = { command: 'help', json: false, draft: false, full: false };
  let command: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') parsed.json = true;
    else if (arg === '--draft') parsed.draft = true;
    else if (arg === '--full') parsed.full = true;
    else if (arg === '--help' || arg === '-h') return { ...parsed, command: 'help' };
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
  if (!(COMMANDS as readonly string[]).includes(command))
    throw usageError(`Unknown command ${command}`, parsed);
  parsed.command = command as Command;
  if (parsed.draft && parsed.command !== 'plan') throw usageError('--draft applies to plan only', parsed);
  if (parsed.full && parsed.command !== 'run') throw usageError('--full applies to run only', parsed);
  return parsed;
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
