/**
 * `npm run -s emulators -- --seed <demo|N> [--linked] [--json] [--random-seed S] [--port-base P]`
 *
 * Starts both emulators on one clock with a seed and the control API, then serves until SIGINT/SIGTERM
 * (emulators/README.md). Logs go to stderr; with --json, stdout holds exactly one line: the ready line
 * (contracts/emulators-ready.schema.json), or `{"error":{"code","message"}}` when start-up fails (exit 2).
 */
import { startHarness, type Harness } from './harness';
import { readyLineOf, type StartupFailure } from './control/readyLine';
import { parseSeedSize, type SeedSize } from './seeds';

interface CliArgs {
  seed: SeedSize;
  linked: boolean;
  json: boolean;
  randomSeed?: number;
  portBase?: number;
}

class UsageError extends Error {}

const USAGE =
  'usage: npm run -s emulators -- --seed <demo|N> [--linked] [--json] [--random-seed S] [--port-base P]';

export function parseCliArgs(argv: string[]): CliArgs {
  const args: Partial<CliArgs> & { linked: boolean; json: boolean } = { linked: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value; ${USAGE}`);
      return next;
    };
    const whole = (name: string, text: string, max: number): number => {
      if (!/^[0-9]+$/.test(text) || Number(text) > max) {
        throw new UsageError(`${name} takes a whole number from 0 to ${max}, not "${text}"`);
      }
      return Number(text);
    };
    if (arg === '--seed') {
      try {
        args.seed = parseSeedSize(value());
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    } else if (arg === '--linked') args.linked = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--random-seed') args.randomSeed = whole('--random-seed', value(), 2 ** 32 - 1);
    else if (arg === '--port-base') {
      const port = whole('--port-base', value(), 65532);
      if (port !== 0 && port < 1024)
        throw new UsageError('--port-base takes 0 (any free port) or 1024–65532 (it uses P to P+3)');
      args.portBase = port;
    } else throw new UsageError(`Unknown option ${arg}; ${USAGE}`);
  }
  return { seed: args.seed ?? 'demo', ...args };
}

function errorCode(error: unknown): string {
  if (error instanceof UsageError) return 'USAGE';
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') return 'PORT_IN_USE';
  if (code === 'EACCES') return 'PORT_NOT_ALLOWED';
  return 'STARTUP_FAILED';
}

async function main(argv: string[]): Promise<void> {
  const log = (line: string) => process.stderr.write(`emulators: ${line}\n`);
  let args: CliArgs;
  let harness: Harness;
  try {
    args = parseCliArgs(argv);
    harness = await startHarness({
      seed: args.seed,
      linked: args.linked,
      randomSeed: args.randomSeed,
      portBase: args.portBase,
      log
    });
  } catch (error) {
    const failure: StartupFailure = {
      error: { code: errorCode(error), message: (error as Error).message }
    };
    // The failure line goes to stdout with --json (consumers read one line there), and always to stderr.
    if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(failure)}\n`);
    log(`start-up failed: ${failure.error.message}`);
    process.exit(2);
  }
  const ready = readyLineOf(harness);
  log(`ready in ${harness.startupMs} ms: seed ${ready.seed.name} (${ready.seed.people} people)`);
  log(`Salesforce ${ready.salesforce.instanceUrl} (org ${ready.salesforce.organizationId})`);
  log(`TalentLMS  ${ready.talentlms.baseUrl} (${ready.talentlms.domain}, ${ready.talentlms.plan.name})`);
  log(`control    ${ready.control.url}  (GET / lists the routes)`);
  log(`manifest   ${ready.seed.manifest}`);
  if (args.json) process.stdout.write(`${JSON.stringify(ready)}\n`);
  else log('run the runner with the env printed by --json; Ctrl-C stops');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    // Never wait on a hung socket longer than the promised 2 s.
    const guard = setTimeout(() => process.exit(0), 1500);
    guard.unref();
    harness.close().then(
      () => process.exit(0),
      () => process.exit(0)
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) void main(process.argv.slice(2));
