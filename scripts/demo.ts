/**
 * `npm run demo [-- --no-serve] [--json] [--port N]` (README "Try it: npm run demo"):
 * 1. both emulators in this process with the demo seed, not linked (the first run provisions; most people
 *    already learn in TalentLMS);
 * 2. the real `tlms-sync run` (sync/src/cli.ts): provisioning, then learning back-sync;
 * 3. an hour passes and people learn, through the emulators' control API;
 * 4. `tlms-sync run` again: the new learning comes back to Salesforce;
 * 5. the dashboard preview (preview/) on 127.0.0.1 against the same live emulators, until Ctrl-C; on a
 *    terminal, Enter runs another sync.
 * The preview bundle builds in a child process while the runs go. Everything readable goes to stderr; with
 * --json stdout holds one line `{schemaVersion, seed, runs: [runSummary…]}` (+ `preview` when serving).
 * The exit code is the last run's (docs/cli.md "Exit codes"); people who need review are not failures.
 */
import { DEMO_USAGE, DemoUsageError, parseDemoArgs, type DemoArgs } from './demo/args';

// Only the command line is read before anything heavy loads, so a mistyped option answers at once.
async function main(argv: string[]): Promise<number> {
  let args: DemoArgs;
  try {
    args = parseDemoArgs(argv);
  } catch (error) {
    if (!(error instanceof DemoUsageError)) throw error;
    if (argv.includes('--json')) {
      const output = {
        schemaVersion: 1,
        seed: 'demo',
        runs: [],
        error: { code: 'USAGE', message: error.message }
      };
      process.stdout.write(`${JSON.stringify(output)}\n`);
    }
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(DEMO_USAGE);
    return 0;
  }
  const { runDemo } = await import('./demo/run');
  return runDemo(args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `demo: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    );
    process.exit(2);
  }
);
