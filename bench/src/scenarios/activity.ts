import type { Harness } from '../../../emulators/harness';

/** What the simulator did before the learning run (scenario 3). */
export interface Activity {
  progressed: number;
  completed: number;
  certificates: number;
  badges: number;
  /** Distinct learners with a timeline-visible change (completion, certificate, badge): U. */
  changedLearners: number;
  /** Learning records those changes touch in Salesforce (course + certificate + badge records). */
  changedRecords: number;
}

/** A seeded shuffle (mulberry32), so the same seed always picks the same learners. */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Scenario 3's hour of learning, on disjoint learner sets of the linked people: 5 % progress in a course
 * (no timeline event), 1 % complete a course, 0.5 % earn a certificate (odd picks) or a badge (even picks).
 */
export function simulateHour(
  h: Harness,
  shares = { progress: 0.05, complete: 0.01, award: 0.005 }
): Activity {
  const state = h.talentlms.state;
  const sim = h.talentlms.simulator;
  const linked = h.world.talentlms.users.filter((u) => u.salesforceId && !u.deleted).map((u) => u.id);
  const openCourse = (userId: string): string | null => {
    for (const enrollment of state.enrollments.get(userId)?.values() ?? []) {
      if (enrollment.role === 'learner' && enrollment.completion_status !== 'completed')
        return enrollment.course_id;
    }
    return null;
  };
  const candidates = shuffled(
    linked.filter((id) => openCourse(id) !== null),
    h.world.randomSeed
  );
  const take = (share: number) => candidates.splice(0, Math.round(linked.length * share));
  const activity: Activity = {
    progressed: 0,
    completed: 0,
    certificates: 0,
    badges: 0,
    changedLearners: 0,
    changedRecords: 0
  };
  for (const userId of take(shares.progress)) {
    const courseId = openCourse(userId)!;
    const current = Number(state.enrollments.get(userId)?.get(courseId)?.completion_percentage ?? 0);
    sim.progress(userId, courseId, Math.min(95, current + 10), 600);
    activity.progressed += 1;
  }
  for (const userId of take(shares.complete)) {
    sim.complete(userId, openCourse(userId)!, { seconds: 900, certificate: false });
    activity.completed += 1;
    activity.changedLearners += 1;
    activity.changedRecords += 1;
  }
  take(shares.award).forEach((userId, index) => {
    if (index % 2 === 1) {
      sim.issueCertificate(userId, openCourse(userId)!, { expiresInDays: 365 });
      activity.certificates += 1;
    } else {
      sim.unlockBadge(userId, { name: `Bench badge ${index}`, type: 'learning', criteria: 'Bench' });
      activity.badges += 1;
    }
    activity.changedLearners += 1;
    activity.changedRecords += 1;
  });
  return activity;
}
