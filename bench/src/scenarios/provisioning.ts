import { startHarness, type Harness } from '../../../emulators/harness';
import { ManualClock } from '../../../sync/src/core/clock';
import { CONCURRENCY } from '../../../sync/src/engine/provision/executor';
import { allowedTimeMs, CATALOG_READS, provisioningMinimum, seedCounts } from '../minimum';
import type { BenchScenario } from '../result';
import {
  ProcessMeter,
  RunSeries,
  notMeasured,
  runOnce,
  runProblems,
  scenario,
  SEED_READY_MS,
  seedReadyTargetName,
  target,
  type Latency
} from '../scenario';

export const SEED_NOW = Date.UTC(2026, 10, 25, 9, 0, 0);
const HOUR = 3_600_000;
/** A scheduler starts the next run a little after the window resets, not on the boundary itself. */
export const WINDOW_MARGIN_MS = 5_000;
/** A runaway guard: 15,000 people on a 2,000/h plan at a 0.6 share need 13 windows (26 when inactive). */
const MAX_RUNS = 60;

export interface ProvisioningOptions {
  people: number;
  hourlyLimit: number;
  signupCreatesInactive: boolean;
  latency: Latency;
}

export function provisioningId(
  o: Pick<ProvisioningOptions, 'hourlyLimit' | 'signupCreatesInactive'>
): string {
  return `provisioning-${o.hourlyLimit}h-${o.signupCreatesInactive ? 'inactive' : 'active'}`;
}

/** Scenario 1: the first sync of an unlinked seed, resumed window after window until the runner is done. */
export async function provisioningScenario(o: ProvisioningOptions): Promise<BenchScenario> {
  const id = provisioningId(o);
  const plan = { name: o.hourlyLimit >= 10000 ? 'Grow' : 'Core', hourlyLimit: o.hourlyLimit };
  const portalMode = o.signupCreatesInactive ? 'signupInactive' : 'signupActive';
  const targetName = `TalentLMS calls (provisioning, ≤ 1.01 × N + 20${o.signupCreatesInactive ? ' + N' : ''} + groups + branches + 4 a resumed run)`;
  const meter = new ProcessMeter();
  const clock = new ManualClock(SEED_NOW, { autoAdvance: true });
  let h: Harness | null = null;
  try {
    h = await startHarness({
      seed: o.people,
      clock,
      control: false,
      manifestDir: false,
      talentlmsPlan: { name: plan.name, hourlyLimit: o.hourlyLimit },
      portal: { signupCreatesInactive: o.signupCreatesInactive },
      latency: o.latency
    });
    const counts = seedCounts(h.world, h.manifest.coverage, h.seed.people);
    // N = the people created; one createbranch per Account and one creategroup per value are on top (README).
    const n = counts.toCreate;
    const callLimit = (runs: number) =>
      Math.floor(1.01 * n) +
      20 +
      (o.signupCreatesInactive ? n : 0) +
      counts.groupsToCreate +
      counts.branchesToCreate +
      CATALOG_READS * Math.max(0, runs - 1);
    const series = new RunSeries();
    const started = clock.now();
    let windows = 0;
    let finishedAt = started;
    for (;;) {
      windows += 1;
      const run = await runOnce(h, ['run'], series);
      finishedAt = clock.now();
      if (run.summary?.stopReason !== 'quota' || series.runs >= MAX_RUNS) break;
      // Resume where a scheduler would: when the TalentLMS window resets.
      const resetAt = run.summary.quota.talentlms.resetAt
        ? Date.parse(run.summary.quota.talentlms.resetAt)
        : NaN;
      const next =
        Number.isFinite(resetAt) && resetAt > clock.now() ? resetAt + WINDOW_MARGIN_MS : clock.now() + HOUR;
      clock.advance(next - clock.now());
    }
    const last = series.last;
    const problems = [...series.problems, ...runProblems(last)];
    if (last?.summary?.stopReason)
      problems.push(`the last run stopped: ${last.summary.stopReason} after ${series.runs} runs`);
    const failedRecords = series.last?.summary ? series.failed : null;
    const provisionCalls = series.sum(['preflight', 'provision']);
    const minimum = provisioningMinimum(counts, o.signupCreatesInactive, series.runs);
    const tlPlan = h.talentlms.settings.plan;
    const allowed = allowedTimeMs({
      talentlmsCalls: series.counted.talentlms,
      salesforceCalls: series.counted.salesforce,
      hourlyLimit: o.hourlyLimit,
      share: h.seed.settings.budgets.talentlmsShare,
      burstLimit: tlPlan.burstLimit,
      burstWindowMs: tlPlan.burstWindowMs,
      concurrency: CONCURRENCY,
      talentlmsLatencyMs: o.latency.talentlmsMs,
      salesforceLatencyMs: o.latency.salesforceMs
    });
    const simulatedMs = finishedAt - started;
    return scenario({
      id,
      people: h.seed.people,
      portalMode,
      plan,
      latency: o.latency,
      calls: { ...series.counted, byPhase: series.byPhase },
      runnerCalls: series.reported,
      measured: provisionCalls,
      minimum,
      simulatedMs,
      process: meter.stop(),
      windows,
      runs: series.runs,
      notes: [
        `N = P = ${counts.toCreate} people to create, ${counts.groupsToCreate} groups, ${counts.branchesToCreate} branches; the runs created ${series.created}, activated ${series.activated}`,
        `ratio and the call target cover the preflight + provision buckets; the same runs' learning phases: ${JSON.stringify(series.sum(['timeline', 'learners', 'courseScan', 'reconciliation']))}`,
        `quota share ${h.seed.settings.budgets.talentlmsShare} of ${o.hourlyLimit}/h; allowed time ${Math.round(allowed / 1000)} s (bench/README.md)`,
        `cpu and peak RSS: the bench worker process (runner and both emulators in-process)`
      ],
      targets: [
        target(targetName, callLimit(series.runs), provisionCalls.talentlms),
        target(
          'simulated time within 1.2× of what quota and latency allow (ms)',
          Math.round(1.2 * allowed),
          simulatedMs
        ),
        target('records failed', 0, failedRecords),
        ...(o.people >= 15000 && o.hourlyLimit >= 10000 && !o.signupCreatesInactive
          ? [target(seedReadyTargetName(o.people, false), SEED_READY_MS, h.startupMs)]
          : [])
      ],
      problems
    });
  } catch (error) {
    return notMeasured(
      { id, people: o.people, plan, latency: o.latency, portalMode },
      'failed',
      String((error as Error)?.stack ?? error),
      [{ name: targetName, limit: Math.floor(1.01 * o.people) + 20 }]
    );
  } finally {
    await h?.close();
  }
}
