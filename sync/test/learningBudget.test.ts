import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Harness } from '../../emulators/harness';
import type { PhaseName } from '../src/core/callMeter';
import { advance, runLearning, startLearningHarness, type LearningRun } from './support/learningHarness';

/**
 * The budgets of issue 11 on the emulators' own counters, at 7,500 Users + 7,500 Contacts linked
 * (`--seed 15000 --linked`): a run with no change costs ≤ 20 TalentLMS and ≤ 25 Salesforce calls, a run where
 * U learners changed ≤ 20 + U TalentLMS calls. The course scan and the reconciliation slice are reported in
 * their own `calls.byPhase` buckets and not counted in either figure.
 */
const COUNTED: PhaseName[] = ['preflight', 'provision', 'timeline', 'learners'];
const counted = (run: LearningRun, side: 'salesforce' | 'talentlms') =>
  COUNTED.reduce((sum, phase) => sum + run.summary.calls.byPhase[phase][side], 0);

describe('learning budgets at 15,000 linked people', () => {
  let h: Harness;
  before(async () => {
    h = await startLearningHarness({ seed: 15000 });
  });
  after(async () => {
    await h?.close();
  });

  it('a run with no change: ≤ 20 TalentLMS and ≤ 25 Salesforce calls, and nothing written', async (t) => {
    assert.ok((h.seed.linked?.learners.length ?? 0) >= 14_000, 'the seed links about 15,000 people');
    const run = await runLearning(h);
    assert.equal(run.summary.error, null, JSON.stringify(run.summary.error));
    assert.deepEqual(
      [run.summary.calls.salesforce, run.summary.calls.talentlms],
      [run.counted.salesforce, run.counted.talentlms],
      'the runner reports what the emulators counted'
    );
    const tl = counted(run, 'talentlms');
    const sf = counted(run, 'salesforce');
    t.diagnostic(
      `no change: TalentLMS ${tl}, Salesforce ${sf}; byPhase ${JSON.stringify(run.summary.calls.byPhase)}`
    );
    assert.ok(tl <= 20, `TalentLMS calls: ${tl}`);
    assert.ok(sf <= 25, `Salesforce calls: ${sf}`);
    assert.equal(run.summary.calls.byPhase.learners.talentlms, 0);
    assert.equal(run.summary.counts.coursesUpserted + run.summary.counts.recordsRemoved, 0);
  });

  it('the course scan (own bucket) reads each course once and re-reads no learner when only progress moved', async (t) => {
    advance(h, 4 * 3_600_000);
    const linked = (h.seed.linked?.learners ?? []).filter((l) => l.record.State__c === 'Synced');
    let moved = 0;
    for (const learner of linked) {
      if (moved >= 20) break;
      const tlUserId = String(learner.record.TalentLmsUserId__c);
      const open = h.talentlms.state
        .enrollmentsOfUser(tlUserId)
        .find((e) => e.role === 'learner' && e.completion_status === 'incomplete');
      if (!open) continue;
      h.talentlms.simulator.progress(
        tlUserId,
        open.course_id,
        Math.min(99, Number(open.completion_percentage) + 1),
        60
      );
      moved += 1;
    }
    const courses = [...h.talentlms.state.courses.values()].filter((c) => !c.deleted).length;
    const run = await runLearning(h);
    assert.equal(run.summary.error, null, JSON.stringify(run.summary.error));
    const scan = run.summary.calls.byPhase.courseScan;
    t.diagnostic(`course scan: ${JSON.stringify(scan)} for ${courses} courses, ${moved} progress changes`);
    assert.equal(scan.talentlms, 1 + courses, 'courses + one courses/id each, no users/id');
    assert.equal(run.summary.counts.coursesUpserted, moved, 'each progress change written from the scan');
  });

  it('a run where U learners changed: ≤ 20 + U TalentLMS calls', async (t) => {
    advance(h, 3_600_000);
    const sim = h.talentlms.simulator;
    const linked = (h.seed.linked?.learners ?? []).filter((l) => l.record.State__c === 'Synced');
    const U = 30;
    const changed = new Set<string>();
    for (const learner of linked) {
      if (changed.size >= U) break;
      const tlUserId = String(learner.record.TalentLmsUserId__c);
      const open = h.talentlms.state
        .enrollmentsOfUser(tlUserId)
        .find((e) => e.role === 'learner' && e.completion_status !== 'completed');
      if (!open) continue;
      sim.complete(tlUserId, open.course_id);
      if (changed.size % 3 === 0) sim.levelUp(tlUserId);
      changed.add(tlUserId);
    }
    assert.equal(changed.size, U);
    advance(h, 60_000);
    const run = await runLearning(h);
    assert.equal(run.summary.error, null, JSON.stringify(run.summary.error));
    const tl = counted(run, 'talentlms');
    t.diagnostic(`U=${U}: TalentLMS ${tl}; byPhase ${JSON.stringify(run.summary.calls.byPhase)}`);
    assert.ok(tl <= 20 + U, `TalentLMS calls: ${tl} for U = ${U}`);
    assert.equal(run.summary.calls.byPhase.learners.talentlms, U, 'one users/id per changed learner');
    assert.ok(run.summary.counts.coursesUpserted >= U, 'each completion written');
    assert.deepEqual(
      [run.summary.calls.salesforce, run.summary.calls.talentlms],
      [run.counted.salesforce, run.counted.talentlms]
    );
  });
});
