/**
 * The demo's story (scripts/demo.ts documents the command): emulators, two real runs with learning in
 * between, then the preview until Ctrl-C.
 */
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import type { Harness } from '../../emulators/harness';
import type { RunSummary } from '../../sync/src/core/runSummary';
import type { DemoArgs } from './args';
import { buildPreviewInBackground } from './bundle';
import { ControlClient } from './control';
import {
  describeLearning,
  describeLinks,
  describeOrg,
  describeSeed,
  describeTiming,
  explainRun,
  heading
} from './report';
import { serveDemoPreview, type DemoPreview, type PageLink } from './serve';
import { recordCounts, runSync, simulateLearning, startDemoEmulators, type SyncResult } from './session';

const ROOT = resolve(__dirname, '../..');
export const SEED = 'demo';

/** The one stdout line of `--json` (docs: README "Try it: npm run demo"). */
export interface DemoOutput {
  schemaVersion: 1;
  seed: string;
  runs: RunSummary[];
  preview?: { url: string; pages: PageLink[] };
  error?: { code: string; message: string };
}

const err = process.stderr;
export const log = (line: string) => err.write(`demo: ${line}\n`);

export function printJson(output: DemoOutput): void {
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

/** Run 1, the learning, run 2; stops early when a run could not sync at all (exit ≥ 2). */
async function runStory(harness: Harness, signal: AbortSignal): Promise<SyncResult[]> {
  const results: SyncResult[] = [];
  const sync = async (title: string) => {
    err.write(heading(title));
    const before = (await recordCounts(harness)).salesforce;
    const started = performance.now();
    const result = await runSync(harness, { out: err, log: err, signal });
    err.write(describeTiming(performance.now() - started, result.summary));
    err.write(describeOrg(before, (await recordCounts(harness)).salesforce));
    err.write(explainRun(result.summary));
    results.push(result);
    return result;
  };
  const first = await sync('Run 1 of 2: tlms-sync run — provisioning, then learning back-sync');
  if (first.exitCode >= 2 || signal.aborted) return results;
  err.write(heading('Meanwhile in TalentLMS: an hour of learning, through the control API'));
  err.write(describeLearning(await simulateLearning(harness)));
  await sync('Run 2 of 2: tlms-sync run an hour later — the new learning comes back');
  return results;
}

/** The learner's open course, for the printed "complete it yourself" example. */
async function openCourseOfLearner(harness: Harness): Promise<{ userId: string; courseId: string } | null> {
  const userId = harness.manifest.talentlmsPersonas.learner;
  if (!userId || !harness.control) return null;
  const learner = await new ControlClient(harness.control.url).talentlmsUser(userId);
  const open = learner.enrollments.find((e) => e.role === 'learner' && e.completion_status !== 'completed');
  return open ? { userId, courseId: open.course_id } : null;
}

/** On a terminal, Enter runs tlms-sync again (after learning made through the control API). */
function syncOnEnter(harness: Harness, signal: AbortSignal): void {
  if (!process.stdin.isTTY) return;
  const lines = createInterface({ input: process.stdin });
  let running = false;
  lines.on('line', () => {
    if (running) return;
    running = true;
    err.write(heading('tlms-sync run (Enter)'));
    recordCounts(harness)
      .then(async ({ salesforce: before }) => {
        await runSync(harness, { out: err, log: err, signal });
        err.write(describeOrg(before, (await recordCounts(harness)).salesforce));
        err.write('reload the page to see it; Enter syncs again, Ctrl-C stops\n');
      })
      .catch((error: unknown) => log(`the run failed: ${(error as Error).message}`))
      .finally(() => (running = false));
  });
  signal.addEventListener('abort', () => lines.close(), { once: true });
}

/** Everything after the command line is read; resolves to the exit code. */
export async function runDemo(args: DemoArgs): Promise<number> {
  // The first Ctrl-C stops a run at its next checkpoint (recorded as interrupted) or ends serving; a second
  // one exits at once.
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) process.exit(130);
    log('stopping…');
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const build = args.serve ? buildPreviewInBackground(ROOT, log) : null;
  build?.done.catch(() => undefined); // awaited below; a failure is reported there
  let harness: Harness | undefined;
  let preview: DemoPreview | undefined;
  let runs: RunSummary[] = [];
  try {
    log('starting the Salesforce and TalentLMS emulators with the demo seed…');
    harness = await startDemoEmulators();
    err.write(describeSeed(harness));
    const results = await runStory(harness, stop.signal);
    runs = results.map((result) => result.summary);
    const exitCode = results.at(-1)?.exitCode ?? 1;
    if (!args.serve || stop.signal.aborted) {
      if (args.json) printJson({ schemaVersion: 1, seed: SEED, runs });
      return exitCode;
    }

    if (build && (await build.done)) log('preview built');
    preview = await serveDemoPreview(harness, { root: ROOT, ...args, log });
    if (args.json)
      printJson({
        schemaVersion: 1,
        seed: SEED,
        runs,
        preview: { url: preview.server.url, pages: preview.links }
      });
    const example = await openCourseOfLearner(harness);
    err.write(heading(`Dashboards ready ${process.uptime().toFixed(0)} s after the command started`));
    err.write(
      describeLinks(
        preview.server.url,
        preview.links,
        example && harness.control
          ? { controlUrl: harness.control.url, ...example, interactive: Boolean(process.stdin.isTTY) }
          : null
      )
    );
    if (exitCode !== 0) log(`the last run exited ${exitCode}; Sync Health (admin) shows why`);
    syncOnEnter(harness, stop.signal);
    await new Promise<void>((done) => stop.signal.addEventListener('abort', () => done(), { once: true }));
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Printed only when nothing was yet: the one stdout line stays one line.
    if (args.json && !(args.serve && preview))
      printJson({ schemaVersion: 1, seed: SEED, runs, error: { code: 'DEMO_FAILED', message } });
    log(`failed: ${message}`);
    return 2;
  } finally {
    build?.cancel();
    await preview?.close();
    await harness?.close();
  }
}
