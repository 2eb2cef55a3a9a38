import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failedCallTargets, jobName, plannedJobs, parseBenchArgs, unfinished } from '../src/main';
import { latestTable } from '../src/readmeTable';
import { benchResultSchema, type BenchResult, type BenchScenario } from '../src/result';
import { addScaleRatio } from '../src/scaleRatio';
import { target } from '../src/scenario';

const full = plannedJobs(parseBenchArgs([]));

function measured(
  id: string,
  simulatedMs: number,
  targets = [target('TalentLMS calls (x)', 20, 10)]
): BenchScenario {
  const [scenario] = unfinished(
    full.find((job) => job.kind === 'scale')!,
    'placeholder'
  );
  return { ...scenario, id, status: 'ok', error: null, simulatedMs, targets };
}

test('a job that did not finish stands for its scenarios, not run, with no invented figure', () => {
  const names = full.map(jobName);
  assert.equal(new Set(names).size, names.length, 'job names are unique');
  const linked = unfinished(
    full.find((job) => job.kind === 'linked')!,
    'interrupted'
  );
  assert.deepEqual(
    linked.map((s) => s.id),
    [
      'no-change',
      'learning',
      'course-scan',
      'reconciliation-slice',
      'reconciliation-full-cycle',
      'naive-poll'
    ]
  );
  for (const s of linked) {
    assert.equal(s.status, 'not-run');
    assert.equal(s.error, 'interrupted');
    assert.equal(s.calls.talentlms, 0);
    assert.ok(
      s.targets.every((t) => !t.pass && t.actual === null),
      'no target passes without a measurement'
    );
  }
  const provisioning = unfinished(
    full.find((job) => job.kind === 'provisioning')!,
    'x'
  );
  assert.equal(provisioning[0].targets[0].pass, false);
});

test('the 100k/10k ratio target comes from the twin scenario, null when either did not run', () => {
  const withRatio = addScaleRatio([measured('scale-10000-plan', 1000), measured('scale-100000-plan', 11000)]);
  const ratio = withRatio[1].targets.at(-1)!;
  assert.equal(ratio.actual, 11);
  assert.equal(ratio.pass, true);
  const missing = addScaleRatio([measured('scale-100000-no-change', 5000)]);
  assert.equal(missing[0].targets.at(-1)!.actual, null);
  assert.equal(missing[0].targets.at(-1)!.pass, false);
});

test('only call-count targets decide the exit code; the README table lists every scenario', () => {
  const result: BenchResult = benchResultSchema.parse({
    schemaVersion: 1,
    quick: true,
    date: '2026-11-25T10:00:00.000Z',
    gitCommit: 'abcdef0123',
    machine: { platform: 'linux', arch: 'x64', cpus: 2, cpuModel: 'cpu', totalMemoryBytes: 1, node: 'v20' },
    realMs: 1000,
    scenarios: [
      measured('a', 1, [target('TalentLMS calls (no change)', 20, 21), target('peak RSS', 10, 20)]),
      measured('b', 1, [target('simulated time (ms)', 10, 20)])
    ]
  });
  assert.deepEqual(failedCallTargets(result), ['a: TalentLMS calls (no change) — 21 > 20']);
  const table = latestTable(result);
  assert.match(table, /\| `a` \| ok \|/);
  assert.match(table, /❌ TalentLMS calls \(no change\): 21 \/ 20/);
});
