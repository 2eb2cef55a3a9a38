import { resolve } from 'node:path';
import { startHarness, type Harness } from '../../emulators/harness';
import { runCli } from '../../sync/src/cli';
import { ManualClock } from '../../sync/src/core/clock';
import type { RunSummary } from '../../sync/src/core/runSummary';
import { ControlClient } from './control';

/**
 * The demo's story, shared by `npm run demo` and the tests: both emulators with the demo seed (not linked, so
 * the first run provisions; most people already learn in TalentLMS), the real `tlms-sync run`, an hour of
 * learning made through the control API, and the second run that brings it back.
 */

export interface Writable {
  write(text: string): unknown;
}

export interface SyncResult {
  exitCode: number;
  summary: RunSummary;
}

/**
 * Both emulators in this process. The clock starts at the seed's world start and only moves when the runner
 * waits (rate-limit pacing, backoff) or the control API advances it, so a first sync that TalentLMS's burst
 * limit would stretch to 20 s of waiting runs in a few seconds and still counts every call and quota window.
 */
export function startDemoEmulators(options: { log?: (line: string) => void } = {}): Promise<Harness> {
  return startHarness({
    seed: 'demo',
    linked: false,
    clock: new ManualClock(undefined, { autoAdvance: true }),
    // The committed emulators/seeds/demo.manifest.json stays as it is: the demo reads the manifest in memory.
    manifestDir: false,
    log: options.log
  });
}

// The runner reads ./tlms-sync.config.json when present; this folder never holds one, so a developer's own
// configuration cannot redirect the demo to a real org or portal.
const RUNNER_CWD = resolve(__dirname);

/**
 * The real `tlms-sync run` (sync/src/cli.ts) in this process, on the emulators' clock, with only the
 * emulators' environment (never the caller's TLMS_* variables). Its human summary goes to `out`; its JSON
 * logs at `logLevel` to `log`.
 */
export async function runSync(
  harness: Harness,
  io: { out: Writable; log: Writable; logLevel?: string; signal?: AbortSignal }
): Promise<SyncResult> {
  const { exitCode, summary } = await runCli(['run'], {
    env: { ...harness.env, TLMS_LOG_LEVEL: io.logLevel ?? 'warn' },
    cwd: RUNNER_CWD,
    stdout: io.out,
    stderr: io.log,
    clock: harness.clock,
    signal: io.signal
  });
  if (!summary) throw new Error('tlms-sync run returned no run summary');
  return { exitCode, summary };
}

export interface LearningStep {
  who: string;
  what: string;
}

export interface LearningActivity {
  clock: string;
  steps: LearningStep[];
  random: Record<string, number>;
}

/** Courses a persona can be enrolled in: live, not yet taken, with a name that needs no unescaping to read. */
function freshCourses(harness: Harness, taken: Set<string>): { id: string; name: string }[] {
  return harness.world.talentlms.courses
    .filter((course) => !course.deleted && !taken.has(course.id) && !/[&<>]/.test(course.name))
    .map((course) => ({ id: course.id, name: course.name }));
}

/**
 * An hour of learning, made the way a user would make it with curl: through the control API. The learner
 * persona starts two new courses (one left open, so a later step can still complete one), the manager
 * persona finishes or advances a course, the contact persona makes progress, and seeded random activity
 * moves thirty open enrolments across the portal.
 */
export async function simulateLearning(harness: Harness): Promise<LearningActivity> {
  const control = new ControlClient(harness.control?.url);
  const clock = await control.post<{ iso: string }>('/clock/advance', { hours: 1 });
  const personas = harness.manifest.talentlmsPersonas;
  const steps: LearningStep[] = [];
  const run = async (who: string, what: string, step: Record<string, unknown>) => {
    await control.post('/simulator', step);
    steps.push({ who, what });
  };

  if (personas.learner) {
    const learner = await control.talentlmsUser(personas.learner);
    const name = `${learner.user.first_name} ${learner.user.last_name} (learner)`;
    const [first, second] = freshCourses(harness, new Set(learner.enrollments.map((e) => e.course_id)));
    if (first) {
      await run(name, `enrolled in “${first.name}”`, {
        action: 'enrol',
        userId: personas.learner,
        courseId: first.id
      });
      await run(name, `reached 40 % of “${first.name}”`, {
        action: 'progress',
        userId: personas.learner,
        courseId: first.id,
        percentage: 40,
        seconds: 1800
      });
    }
    if (second) {
      await run(name, `enrolled in “${second.name}”`, {
        action: 'enrol',
        userId: personas.learner,
        courseId: second.id
      });
    }
  }
  for (const [key, userId] of [
    ['manager', personas.manager],
    ['contact', personas.contact]
  ] as const) {
    if (!userId) continue;
    const person = await control.talentlmsUser(userId);
    const name = `${person.user.first_name} ${person.user.last_name} (${key})`;
    const open = person.enrollments.find(
      (e) => e.role === 'learner' && e.completion_status !== 'completed' && e.completion_status !== 'failed'
    );
    const course = open && harness.world.talentlms.courses.find((c) => c.id === open.course_id);
    if (open && course && key === 'manager') {
      await run(name, `completed “${course.name}”`, {
        action: 'complete',
        userId,
        courseId: open.course_id,
        seconds: 2400
      });
    } else if (open && course) {
      await run(name, `reached 80 % of “${course.name}”`, {
        action: 'progress',
        userId,
        courseId: open.course_id,
        percentage: 80,
        seconds: 1200
      });
    }
  }
  const { counts } = await control.post<{ counts: Record<string, number> }>('/simulator/random', {
    count: 30
  });
  return { clock: clock.iso, steps, random: counts };
}

/** Record counts on both sides (the control API's `GET /state`). */
export async function recordCounts(
  harness: Harness
): Promise<{ salesforce: Record<string, number>; talentlms: Record<string, number> }> {
  return new ControlClient(harness.control?.url).get('/state');
}
