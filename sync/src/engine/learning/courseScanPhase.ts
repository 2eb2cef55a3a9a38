import {
  type ExistingRecord,
  keepsWhenGone,
  type LearningRecord,
  mapCourseEnrollments,
  changedFields
} from '../../core/learning';
import { asString } from '../../talentlms/values';
import type { Phase, RunContext } from '../phase';
import type { LearnerInfo } from './learners';
import { sessionOf } from './session';
import { mapOptions, syncLearners } from './syncLearners';
import { reportUnknownStatuses } from './timelinePhase';

/**
 * Phase 'courseScan' (reference §9(a)): completion-% and time changes have no timeline event, so on its
 * cadence (`learning.courseScanIntervalMinutes`), or when the timeline overflowed, every course is read once
 * (`courses` + one `courses/id` each: every enrolment's progress). Progress-only changes are written straight
 * from it; a changed completion, expiry, a new enrolment or a vanished one sends the learner to `users/id` for
 * the authoritative status and certificates.
 */
export function courseScanDue(ctx: RunContext): boolean {
  const session = sessionOf(ctx);
  if (!ctx.settings.learning.courses) return false;
  if (session.overflow.length > 0) return true;
  const last = ctx.state.get('LastCourseScanAt');
  const lastAt = typeof last === 'string' ? Date.parse(last) : NaN;
  if (Number.isNaN(lastAt)) return !session.initial;
  return ctx.clock.now() - lastAt >= ctx.settings.learning.courseScanIntervalMinutes * 60_000;
}

const PROGRESS_FIELDS = ['CompletionPercent', 'TimeSpentSeconds'];

export const courseScanPhase: Phase = {
  name: 'courseScan',
  label: 'Learning: scanning courses for progress',
  shouldRun: (ctx) => ctx.mode === 'run' && courseScanDue(ctx),
  async run(ctx) {
    const session = sessionOf(ctx);
    const startedAt = ctx.clock.now();
    const list = await ctx.tl.get<unknown>('courses', undefined, ctx.signal);
    const courseIds = (Array.isArray(list) ? (list as Array<Record<string, unknown>>) : [])
      .map((c) => asString(c?.id))
      .filter((id) => id !== '');
    const live = new Set(courseIds);
    const learners = (await session.learners.all())
      .map((l) => session.resolve(l))
      .filter((l): l is LearnerInfo => l !== null);
    const byTlUser = new Map(learners.map((l) => [l.tlUserId, l]));
    const byLearnerId = new Map(learners.map((l) => [l.learnerId, l]));
    const existing = await session.store.readAll(
      session.objectsFor(learners).filter((o) => o.endsWith('Course'))
    );
    const held = new Map<string, ExistingRecord>(existing.map((r) => [r.key, r]));
    const queue = new Set<LearnerInfo>();
    const patches: LearningRecord[] = [];
    const seen = new Set<string>();
    for (const courseId of courseIds) {
      const course = await ctx.tl.get<unknown>('courses', { id: courseId }, ctx.signal);
      const options = mapOptions(session, ctx.clock.now());
      for (const enrolment of mapCourseEnrollments(course, (id) => byTlUser.get(id), options)) {
        seen.add(enrolment.record.key);
        const learner = byTlUser.get(enrolment.tlUserId) as LearnerInfo;
        const record = held.get(enrolment.record.key);
        if (!record) {
          ctx.logger.debug('Course scan: enrolment not in Salesforce', { key: enrolment.record.key });
          queue.add(learner);
          continue;
        }
        const changed = changedFields(enrolment.record, record).filter(
          (f) => f !== 'Status' && f !== 'CourseName'
        );
        const heldStatus = record.fields.Status;
        // Completion and reset move CompletedOn (compared below). Progress after "not started" or a failure
        // turns TalentLMS's status to incomplete, which only users/id can confirm.
        const statusMayMove = changed.length > 0 && (heldStatus === 'NotStarted' || heldStatus === 'Failed');
        if (statusMayMove || changed.some((f) => !PROGRESS_FIELDS.includes(f))) {
          ctx.logger.debug('Course scan: status or dates moved', { key: record.key, changed, heldStatus });
          queue.add(learner);
        } else if (changed.length > 0) {
          const f = enrolment.record.fields;
          patches.push({
            ...enrolment.record,
            fields: {
              ExternalKey: f.ExternalKey,
              Learner: f.Learner,
              CompletionPercent: f.CompletionPercent,
              TimeSpentSeconds: f.TimeSpentSeconds,
              LastSyncedAt: f.LastSyncedAt
            }
          });
        }
      }
      await ctx.checkpoint();
    }
    const deletedCourses = new Set<string>();
    for (const record of existing) {
      if (seen.has(record.key) || keepsWhenGone(record, session.policy)) continue;
      const learner = byLearnerId.get(String(record.fields.Learner ?? ''));
      if (!learner) continue;
      const courseId = String(record.fields.CourseId ?? '');
      if (!live.has(courseId)) deletedCourses.add(courseId);
      ctx.logger.debug('Course scan: enrolment gone from TalentLMS', { key: record.key });
      queue.add(learner);
    }
    for (const courseId of deletedCourses) {
      ctx.issues.report({
        code: 'LEARNING_COURSE_DELETED',
        action: 'learning-course',
        subject: `course:${courseId}`,
        message: `TalentLMS course ${courseId} no longer exists; its records follow the unenrolment rule`
      });
    }
    if (patches.length > 0) {
      const outcome = await session.store.write(patches, []);
      ctx.counts.coursesUpserted += outcome.upserted.course;
      for (const [learnerId] of outcome.failed) {
        const learner = byLearnerId.get(learnerId);
        if (learner) queue.add(learner);
      }
    }
    ctx.logger.info('Course scan', {
      courses: courseIds.length,
      progressWrites: patches.length,
      learnersToRead: queue.size,
      deletedCourses: [...deletedCourses]
    });
    await syncLearners(session, [...queue], 'courseScan');
    reportUnknownStatuses(session);
    ctx.state.stage({ LastCourseScanAt: new Date(startedAt).toISOString() });
  }
};
