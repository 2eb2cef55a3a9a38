import type { EmulatorContext } from './context';
import { addPoints, type BadgeInput, levelUp, unlockBadge } from './domain/gamification';
import {
  completeCourse,
  expireCertificate,
  expireEnrollment,
  failCourse,
  issueCertificate,
  recordProgress,
  recordTest,
  refreshCertificate,
  removeCertificate,
  resetProgress
} from './domain/learning';
import { enrol } from './domain/membership';
import type {
  BadgeRecord,
  CertificateRecord,
  CourseRecord,
  EnrollmentRecord,
  UserRecord
} from './state/records';

type Id = string | number;

/** One simulator step as plain JSON, for the harness's control API (`tl.simulator.run(step)`). */
export type SimulatorStep =
  | { action: 'enrol'; userId: Id; courseId: Id; role?: 'learner' | 'instructor' }
  | { action: 'progress'; userId: Id; courseId: Id; percentage: number; seconds?: number }
  | { action: 'complete'; userId: Id; courseId: Id; seconds?: number; certificate?: boolean }
  | { action: 'fail'; userId: Id; courseId: Id }
  | { action: 'expire'; userId: Id; courseId: Id }
  | { action: 'reset'; userId: Id; courseId: Id; removeCertification?: boolean }
  | { action: 'issueCertificate'; userId: Id; courseId: Id; expiresInDays?: number | null }
  | { action: 'refreshCertificate'; userId: Id; courseId: Id }
  | { action: 'expireCertificate'; userId: Id; courseId: Id }
  | { action: 'removeCertificate'; userId: Id; courseId: Id }
  | { action: 'unlockBadge'; userId: Id; badge: BadgeInput }
  | { action: 'levelUp'; userId: Id; levels?: number }
  | { action: 'addPoints'; userId: Id; points: number }
  | { action: 'login'; userId: Id }
  | { action: 'testResult'; userId: Id; unitId: Id; score: number; passed?: boolean };

export class SimulatorError extends Error {}

/**
 * The learning simulator: what learners do in the portal, at the injected clock's time, each step emitting
 * the timeline events the portal would (DESIGN.md "Verifying without an org"). Steps throw a
 * SimulatorError (unknown user/course) or the API's own error (e.g. "not enrolled").
 */
export class LearningSimulator {
  constructor(private readonly ctx: EmulatorContext) {}

  private user(id: Id): UserRecord {
    const user = this.ctx.state.users.get(String(id));
    if (!user || user.deleted) throw new SimulatorError(`No live TalentLMS user with id ${id}`);
    return user;
  }

  private course(id: Id): CourseRecord {
    const course = this.ctx.state.courses.get(String(id));
    if (!course || course.deleted) throw new SimulatorError(`No live TalentLMS course with id ${id}`);
    return course;
  }

  /** Enrols (emits `course_add_user`); `role: 'instructor'` makes an instructor enrolment. */
  enrol(userId: Id, courseId: Id, options: { role?: 'learner' | 'instructor' } = {}): EnrollmentRecord {
    return enrol(this.ctx, this.user(userId), this.course(courseId), options.role ?? 'learner');
  }

  /** Sets the completion percentage and adds time; emits nothing (content progress has no event type). */
  progress(userId: Id, courseId: Id, percentage: number, seconds = 0): EnrollmentRecord {
    return recordProgress(this.ctx, this.user(userId), this.course(courseId), percentage, seconds);
  }

  /** `course_completion`, plus `certification_issue_certification` when the course certifies. */
  complete(
    userId: Id,
    courseId: Id,
    options: { seconds?: number; certificate?: boolean } = {}
  ): EnrollmentRecord {
    return completeCourse(this.ctx, this.user(userId), this.course(courseId), options);
  }

  /** `course_failure`. */
  fail(userId: Id, courseId: Id): EnrollmentRecord {
    return failCourse(this.ctx, this.user(userId), this.course(courseId));
  }

  /** Sets `expired_on` (no v1 event type exists for it). */
  expire(userId: Id, courseId: Id): EnrollmentRecord {
    return expireEnrollment(this.ctx, this.user(userId), this.course(courseId));
  }

  /** `course_reset_user_progress` (+ `certification_remove_certification`). */
  reset(userId: Id, courseId: Id, options: { removeCertification?: boolean } = {}): EnrollmentRecord {
    return resetProgress(
      this.ctx,
      this.user(userId),
      this.course(courseId),
      options.removeCertification ?? false
    );
  }

  /** `certification_issue_certification`; `expiresInDays: null` = never, omitted = the course's duration. */
  issueCertificate(
    userId: Id,
    courseId: Id,
    options: { expiresInDays?: number | null } = {}
  ): CertificateRecord {
    return issueCertificate(this.ctx, this.user(userId), this.course(courseId), options.expiresInDays);
  }

  /** `certification_refresh_certification`. */
  refreshCertificate(userId: Id, courseId: Id): CertificateRecord {
    return refreshCertificate(this.ctx, this.user(userId), this.course(courseId));
  }

  /** `certification_expire_certification`. */
  expireCertificate(userId: Id, courseId: Id): CertificateRecord {
    return expireCertificate(this.ctx, this.user(userId), this.course(courseId));
  }

  /** `certification_remove_certification`. */
  removeCertificate(userId: Id, courseId: Id): void {
    removeCertificate(this.ctx, this.user(userId), this.course(courseId));
  }

  /** `user_unlock_badge` (throws when gamification is off). */
  unlockBadge(userId: Id, badge: BadgeInput): BadgeRecord {
    return unlockBadge(this.ctx, this.user(userId), badge);
  }

  /** One `user_upgrade_level` per level. */
  levelUp(userId: Id, levels = 1): UserRecord {
    return levelUp(this.ctx, this.user(userId), levels);
  }

  addPoints(userId: Id, points: number): UserRecord {
    return addPoints(this.ctx, this.user(userId), points);
  }

  /** `user_login_user`; the user counts as online and monthly-active. */
  login(userId: Id): UserRecord {
    const user = this.user(userId);
    user.last_login = this.ctx.state.now();
    this.ctx.events.userLoggedIn(user);
    return user;
  }

  /** `unitprogress_test_completion` / `unitprogress_test_failed`; passed defaults to score ≥ 50. */
  testResult(userId: Id, unitId: Id, score: number, passed = score >= 50): void {
    const found = this.ctx.state.findUnit(String(unitId));
    if (!found) throw new SimulatorError(`No unit with id ${unitId}`);
    recordTest(this.ctx, this.user(userId), found.course, found.unit, score, passed);
  }

  run(step: SimulatorStep): unknown {
    switch (step.action) {
      case 'enrol':
        return this.enrol(step.userId, step.courseId, { role: step.role });
      case 'progress':
        return this.progress(step.userId, step.courseId, step.percentage, step.seconds);
      case 'complete':
        return this.complete(step.userId, step.courseId, step);
      case 'fail':
        return this.fail(step.userId, step.courseId);
      case 'expire':
        return this.expire(step.userId, step.courseId);
      case 'reset':
        return this.reset(step.userId, step.courseId, step);
      case 'issueCertificate':
        return this.issueCertificate(step.userId, step.courseId, step);
      case 'refreshCertificate':
        return this.refreshCertificate(step.userId, step.courseId);
      case 'expireCertificate':
        return this.expireCertificate(step.userId, step.courseId);
      case 'removeCertificate':
        return this.removeCertificate(step.userId, step.courseId);
      case 'unlockBadge':
        return this.unlockBadge(step.userId, step.badge);
      case 'levelUp':
        return this.levelUp(step.userId, step.levels);
      case 'addPoints':
        return this.addPoints(step.userId, step.points);
      case 'login':
        return this.login(step.userId);
      case 'testResult':
        return this.testResult(step.userId, step.unitId, step.score, step.passed);
      default:
        throw new SimulatorError(`Unknown simulator action ${(step as { action: unknown }).action}`);
    }
  }

  /**
   * `count` plausible learning steps on random existing enrolments (seeded: same seed, same story): progress
   * on most, completion when progress reaches 100, a few failures. Returns how many of each happened.
   */
  randomActivity(count: number, options: { maxSecondsPerStep?: number } = {}): Record<string, number> {
    const random = this.ctx.random;
    const open: EnrollmentRecord[] = [];
    for (const perUser of this.ctx.state.enrollments.values()) {
      for (const enrollment of perUser.values()) {
        const live = this.ctx.state.users.get(enrollment.user_id)?.deleted === false;
        if (live && enrollment.role === 'learner' && enrollment.completion_status !== 'completed')
          open.push(enrollment);
      }
    }
    const done: Record<string, number> = { progress: 0, complete: 0, fail: 0 };
    for (let i = 0; i < count && open.length > 0; i += 1) {
      const index = Math.floor(random() * open.length);
      const enrollment = open[index];
      const seconds = Math.floor(random() * (options.maxSecondsPerStep ?? 1800));
      if (random() < 0.03) {
        this.fail(enrollment.user_id, enrollment.course_id);
        done.fail += 1;
        continue;
      }
      const next = Number(enrollment.completion_percentage) + 10 + Math.floor(random() * 40);
      if (next >= 100) {
        this.complete(enrollment.user_id, enrollment.course_id, { seconds });
        open.splice(index, 1);
        done.complete += 1;
      } else {
        this.progress(enrollment.user_id, enrollment.course_id, next, seconds);
        done.progress += 1;
      }
    }
    return done;
  }
}
