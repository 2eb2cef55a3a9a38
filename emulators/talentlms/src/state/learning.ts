import { randomDigits, randomToken } from '../format/text';
import type { BadgeRecord, CertificateRecord, EnrollmentRecord } from './records';
import { CatalogState } from './catalog';

/** Enrolments (indexed both ways), certificates and badges. */
export abstract class LearningState extends CatalogState {
  /** userId → courseId → enrollment. */
  readonly enrollments = new Map<string, Map<string, EnrollmentRecord>>();
  /** userId → certificates (one per course at most). */
  readonly certificates = new Map<string, CertificateRecord[]>();
  /** userId → badges in unlock order. */
  readonly badges = new Map<string, BadgeRecord[]>();
  private readonly courseUsers = new Map<string, Set<string>>();

  getEnrollment(userId: string, courseId: string): EnrollmentRecord | undefined {
    return this.enrollments.get(userId)?.get(courseId);
  }

  enrollmentsOfUser(userId: string): EnrollmentRecord[] {
    return [...(this.enrollments.get(userId)?.values() ?? [])];
  }

  enrollmentsOfCourse(courseId: string): EnrollmentRecord[] {
    const out: EnrollmentRecord[] = [];
    for (const userId of this.courseUsers.get(courseId) ?? []) {
      const enrollment = this.getEnrollment(userId, courseId);
      if (enrollment) out.push(enrollment);
    }
    return out;
  }

  addEnrollment(
    input: Partial<EnrollmentRecord> & Pick<EnrollmentRecord, 'user_id' | 'course_id'>
  ): EnrollmentRecord {
    const enrollment: EnrollmentRecord = {
      role: 'learner',
      enrolled_on: this.now(),
      completed_on: null,
      completion_status: 'not_attempted',
      completion_percentage: '0',
      expired_on: null,
      total_time_seconds: 0,
      last_unit_id: null,
      units: {},
      ...input
    };
    let perUser = this.enrollments.get(enrollment.user_id);
    if (!perUser) this.enrollments.set(enrollment.user_id, (perUser = new Map()));
    perUser.set(enrollment.course_id, enrollment);
    let perCourse = this.courseUsers.get(enrollment.course_id);
    if (!perCourse) this.courseUsers.set(enrollment.course_id, (perCourse = new Set()));
    perCourse.add(enrollment.user_id);
    return enrollment;
  }

  removeEnrollment(userId: string, courseId: string): void {
    this.enrollments.get(userId)?.delete(courseId);
    this.courseUsers.get(courseId)?.delete(userId);
  }

  // ---- certificates and badges ----------------------------------------------------------------------------

  certificatesOf(userId: string): CertificateRecord[] {
    return this.certificates.get(userId) ?? [];
  }

  getCertificate(userId: string, courseId: string): CertificateRecord | undefined {
    return this.certificatesOf(userId).find((certificate) => certificate.course_id === courseId);
  }

  addCertificate(
    input: Partial<CertificateRecord> & Pick<CertificateRecord, 'user_id' | 'course_id'>
  ): CertificateRecord {
    const certificate: CertificateRecord = {
      unique_id: randomDigits(this.random, 14),
      issued_date: this.now(),
      expiration_date: null,
      signature: randomToken(this.random, 29),
      ...input,
      id: this.claimId('certificate', input.id)
    };
    const list = this.certificatesOf(certificate.user_id).filter(
      (c) => c.course_id !== certificate.course_id
    );
    list.push(certificate);
    this.certificates.set(certificate.user_id, list);
    return certificate;
  }

  removeCertificate(userId: string, courseId: string): void {
    this.certificates.set(
      userId,
      this.certificatesOf(userId).filter((certificate) => certificate.course_id !== courseId)
    );
  }

  badgesOf(userId: string): BadgeRecord[] {
    return this.badges.get(userId) ?? [];
  }

  addBadge(input: Partial<BadgeRecord> & Pick<BadgeRecord, 'user_id' | 'name'>): BadgeRecord {
    const badge: BadgeRecord = {
      type: 'activity',
      image_url: this.url('/pages/images/badges/set1/activity/1.png'),
      criteria: '',
      issued_on: this.now(),
      badge_set_id: '1',
      ...input
    };
    const list = this.badgesOf(badge.user_id);
    list.push(badge);
    this.badges.set(badge.user_id, list);
    return badge;
  }

  protected override forgetUser(id: string): void {
    super.forgetUser(id);
    for (const courseId of this.enrollments.get(id)?.keys() ?? []) this.courseUsers.get(courseId)?.delete(id);
    this.enrollments.delete(id);
    this.certificates.delete(id);
    this.badges.delete(id);
  }

  override reindex(): void {
    super.reindex();
    this.courseUsers.clear();
    for (const [userId, perUser] of this.enrollments) {
      for (const courseId of perUser.keys()) {
        if (!this.courseUsers.has(courseId)) this.courseUsers.set(courseId, new Set());
        this.courseUsers.get(courseId)?.add(userId);
      }
    }
  }

  override clear(): void {
    super.clear();
    for (const map of [this.enrollments, this.certificates, this.badges, this.courseUsers]) map.clear();
  }
}
