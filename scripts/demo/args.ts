/** The command line of `npm run demo` (README "Try it: npm run demo"). */
export interface DemoArgs {
  /** Serve the preview after the runs (default); `--no-serve` exits after them. */
  serve: boolean;
  /** stdout holds exactly one JSON line: `{schemaVersion, seed, runs}` (+ `preview` when serving). */
  json: boolean;
  /** The preview's port; 0 picks a free one. */
  port: number;
  /** The port was chosen on the command line (or TLMS_PREVIEW_PORT): a busy one is an error, not a fallback. */
  portExplicit: boolean;
  help: boolean;
}

export const DEMO_USAGE =
  'usage: npm run demo [-- --no-serve] [--json] [--port N]\n' +
  '  --no-serve  run the two syncs, print their summaries and exit with the last run’s exit code\n' +
  '  --json      stdout holds one line {schemaVersion, seed, runs: [runSummary…]} (logs go to stderr)\n' +
  '  --port N    serve the preview on 127.0.0.1:N (default 4173, or a free port when 4173 is taken; 0 = any)\n';

export class DemoUsageError extends Error {}

export const DEFAULT_PREVIEW_PORT = 4173;

export function parseDemoArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): DemoArgs {
  const fromEnv = env.TLMS_PREVIEW_PORT;
  const args: DemoArgs = {
    serve: true,
    json: false,
    port: fromEnv ? parsePort(fromEnv, 'TLMS_PREVIEW_PORT') : DEFAULT_PREVIEW_PORT,
    portExplicit: Boolean(fromEnv),
    help: false
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-serve') args.serve = false;
    else if (arg === '--json') args.json = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      if (value === undefined) throw new DemoUsageError(`--port needs a value\n${DEMO_USAGE}`);
      args.port = parsePort(value, '--port');
      args.portExplicit = true;
    } else throw new DemoUsageError(`Unknown option ${arg}\n${DEMO_USAGE}`);
  }
  return args;
}

function parsePort(text: string, name: string): number {
  if (!/^[0-9]+$/.test(text) || Number(text) > 65535)
    throw new DemoUsageError(`${name} takes a port from 0 to 65535 (0 = any free port), not "${text}"`);
  return Number(text);
}
