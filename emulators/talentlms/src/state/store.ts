import type { Clock } from '../../../../sync/src/core/clock';
import { epochSeconds } from '../format/dates';
import { randomDigits, randomGroupKey, randomToken } from '../format/text';
import type { EmulatorSettings } from '../options';
import type {
  BadgeRecord,
  BranchRecord,
  CategoryRecord,
  CertificateRecord,
  CourseRecord,
  CustomFieldRecord,
  EnrollmentRecord,
  GroupRecord,
  IltSessionRecord,
  UnitRecord,
  UserRecord
} from './records';
import { TimelineStore } from './timeline';

type IdKind = 'user' | 'course' | 'group' | 'branch' | 'category' | 'unit' | 'certificate' | 'ilt';

export const BUILT_IN_USER_TYPES = [
  'SuperAdmin',
  'Admin-Type',
  'Trainer-Type',
  'Learner-Type',
  'Learner-Instructor'
];
export const DEFAULT_TIMEZONE = '(GMT 00:00) Greenwich Mean Time: Edinburgh, Lisbon, London';

/**
 * The portal's data, for the endpoints, the simulator, and direct seeding/inspection (`tl.state`).
 * Change users, memberships and enrollments through these methods so the lookup indexes stay right
 * (or call `reindex()` after editing the maps by hand). Seeding helpers emit no timeline events.
 */
export class TalentLmsState {
  readonly users = new Map<string, UserRecord>();
  readonly courses = new Map<string, CourseRecord>();
  readonly groups = new Map<string, GroupRecord>();
  readonly branches = new Map<string, BranchRecord>();
  readonly categories = new Map<string, CategoryRecord>();
  /** userId → courseId → enrollment. */
  readonly enrollments = new Map<string, Map<string, EnrollmentRecord>>();
  /** userId → certificates (one per course at most). */
  readonly certificates = new Map<string, CertificateRecord[]>();
  /** userId → badges in unlock order. */
  readonly badges = new Map<string, BadgeRecord[]>();
  readonly customFields: CustomFieldRecord[] = [];
  readonly courseCustomFields: CustomFieldRecord[] = [];
  readonly userTypes: string[] = [...BUILT_IN_USER_TYPES];
  readonly iltSessions = new Map<string, IltSessionRecord[]>();
  /** `${testId}:${userId}` / `${surveyId}:${userId}` → the answers object the API returns. */
  readonly testAnswers = new Map<string, unknown>();
  readonly surveyAnswers = new Map<string, unknown>();
  readonly timeline = new TimelineStore();

  private readonly byEmail = new Map<string, string>();
  private readonly byLogin = new Map<string, string>();
  private readonly courseUsers = new Map<string, Set<string>>();
  private readonly counters = new Map<IdKind, number>();
  /** Active users with a `deactivation_date`: userId → epoch seconds (kept small, checked every request). */
  private readonly scheduledDeactivations = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly settings: EmulatorSettings,
    readonly random: () => number
  ) {}

  now(): number {
    return epochSeconds(this.clock.now());
  }

  nextId(kind: IdKind): string {
    const next = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, next);
    return String(next);
  }

  private claimId(kind: IdKind, id: string | undefined): string {
    if (id === undefined) return this.nextId(kind);
    const numeric = Number(id);
    if (Number.isFinite(numeric) && numeric > (this.counters.get(kind) ?? 0))
      this.counters.set(kind, numeric);
    return id;
  }

  private identityKey(value: string): string {
    return this.settings.quirks.caseInsensitiveIdentity ? value.trim().toLowerCase() : value.trim();
  }

  url(path: string): string {
    return `https://${this.settings.domain}${path}`;
  }

  // ---- users -------------------------------------------------------------------------------------------

  addUser(
    input: Partial<UserRecord> & Pick<UserRecord, 'login' | 'email' | 'first_name' | 'last_name'>
  ): UserRecord {
    const now = this.now();
    const user: UserRecord = {
      password: '',
      restrict_email: '0',
      user_type: 'Learner-Type',
      timezone: DEFAULT_TIMEZONE,
      language: 'English',
      status: 'active',
      deactivation_date: null,
      level: '1',
      points: '0',
      credits: '0',
      created_on: now,
      last_updated: now,
      avatar: this.url('/pages/images/unknown_users.png'),
      bio: null,
      custom: {},
      deleted: false,
      last_login: null,
      ...input,
      id: this.claimId('user', input.id)
    };
    this.users.set(user.id, user);
    this.byEmail.set(this.identityKey(user.email), user.id);
    this.byLogin.set(this.identityKey(user.login), user.id);
    this.trackDeactivation(user);
    return user;
  }

  private trackDeactivation(user: UserRecord): void {
    if (user.deactivation_date !== null && user.status === 'active' && !user.deleted) {
      this.scheduledDeactivations.set(user.id, user.deactivation_date);
    } else {
      this.scheduledDeactivations.delete(user.id);
    }
  }

  /** Users whose scheduled deactivation date has passed (the caller deactivates them). */
  dueDeactivations(): UserRecord[] {
    const now = this.now();
    const due: UserRecord[] = [];
    for (const [id, at] of this.scheduledDeactivations) {
      const user = this.users.get(id);
      if (user && at <= now) due.push(user);
    }
    return due;
  }

  /** Applies a change and keeps the email/login indexes right; `touch` moves `last_updated`. */
  updateUser(id: string, patch: Partial<UserRecord>, touch = true): UserRecord {
    const user = this.users.get(id);
    if (!user) throw new Error(`No user ${id}`);
    this.byEmail.delete(this.identityKey(user.email));
    this.byLogin.delete(this.identityKey(user.login));
    Object.assign(user, patch);
    if (touch) user.last_updated = this.now();
    this.byEmail.set(this.identityKey(user.email), user.id);
    this.byLogin.set(this.identityKey(user.login), user.id);
    this.trackDeactivation(user);
    return user;
  }

  findUserByEmail(email: string): UserRecord | undefined {
    const id = this.byEmail.get(this.identityKey(email));
    return id === undefined ? undefined : this.users.get(id);
  }

  findUserByLogin(login: string): UserRecord | undefined {
    const id = this.byLogin.get(this.identityKey(login));
    return id === undefined ? undefined : this.users.get(id);
  }

  /** Permanent deletion: the user and everything hanging off it disappear. */
  removeUser(id: string): void {
    const user = this.users.get(id);
    if (!user) return;
    this.byEmail.delete(this.identityKey(user.email));
    this.byLogin.delete(this.identityKey(user.login));
    for (const courseId of this.enrollments.get(id)?.keys() ?? []) this.courseUsers.get(courseId)?.delete(id);
    this.enrollments.delete(id);
    this.certificates.delete(id);
    this.badges.delete(id);
    this.scheduledDeactivations.delete(id);
    for (const group of this.groups.values()) group.userIds.delete(id);
    for (const branch of this.branches.values()) branch.userIds.delete(id);
    this.users.delete(id);
  }

  activeUserCount(): number {
    let count = 0;
    for (const user of this.users.values()) if (!user.deleted && user.status === 'active') count += 1;
    return count;
  }

  // ---- courses, units, categories -----------------------------------------------------------------------

  addCourse(input: Partial<CourseRecord> & Pick<CourseRecord, 'name'>): CourseRecord {
    const now = this.now();
    const course: CourseRecord = {
      code: '',
      category_id: '',
      description: '',
      price: '0',
      status: 'active',
      creation_date: now,
      last_update_on: now,
      creator_id: '1',
      hide_from_catalog: '0',
      time_limit: '0',
      start_datetime: null,
      expiration_datetime: null,
      level: '1',
      shared: '0',
      shared_url: '',
      avatar: this.url('/pages/images/unknown_small.png'),
      big_avatar: this.url('/pages/images/unknown_small.png'),
      certification: 'Classic',
      certification_duration: 'Forever',
      units: [],
      rules: [],
      prerequisites: [],
      custom: {},
      deleted: false,
      ...input,
      id: this.claimId('course', input.id)
    };
    this.courses.set(course.id, course);
    return course;
  }

  addUnit(courseId: string, input: Partial<UnitRecord> & Pick<UnitRecord, 'name'>): UnitRecord {
    const course = this.courses.get(courseId);
    if (!course) throw new Error(`No course ${courseId}`);
    const unit: UnitRecord = { type: 'Content', ...input, id: this.claimId('unit', input.id) };
    course.units.push(unit);
    return unit;
  }

  findUnit(unitId: string): { course: CourseRecord; unit: UnitRecord } | undefined {
    for (const course of this.courses.values()) {
      const unit = course.units.find((candidate) => candidate.id === unitId);
      if (unit) return { course, unit };
    }
    return undefined;
  }

  addCategory(input: Partial<CategoryRecord> & Pick<CategoryRecord, 'name'>): CategoryRecord {
    const category: CategoryRecord = {
      price: '0',
      parent_category_id: null,
      ...input,
      id: this.claimId('category', input.id)
    };
    this.categories.set(category.id, category);
    return category;
  }

  addIltSession(
    iltId: string,
    input: Partial<IltSessionRecord> & Pick<IltSessionRecord, 'name'>
  ): IltSessionRecord {
    const session: IltSessionRecord = {
      multiname: input.name,
      linked_to: '',
      type: 'classroom',
      owner_id: '1',
      instructor_id: '1',
      description: '',
      location: '',
      start_timestamp: String(this.now()),
      start_date: '',
      capacity: '0',
      duration_minutes: '60',
      ...input,
      id: this.claimId('ilt', input.id)
    };
    const list = this.iltSessions.get(iltId) ?? [];
    list.push(session);
    this.iltSessions.set(iltId, list);
    return session;
  }

  // ---- enrollments ----------------------------------------------------------------------------------------

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

  // ---- groups and branches --------------------------------------------------------------------------------

  addGroup(
    input: Partial<Omit<GroupRecord, 'userIds' | 'courseIds'>> &
      Pick<GroupRecord, 'name'> & { userIds?: Iterable<string>; courseIds?: Iterable<string> }
  ): GroupRecord {
    const group: GroupRecord = {
      description: '',
      key: randomGroupKey(this.random),
      price: '0',
      owner_id: '1',
      belongs_to_branch: null,
      max_redemptions: '',
      redemptions_sofar: '0',
      ...input,
      id: this.claimId('group', input.id),
      userIds: new Set(input.userIds ?? []),
      courseIds: new Set(input.courseIds ?? [])
    };
    this.groups.set(group.id, group);
    return group;
  }

  findGroupByKey(key: string): GroupRecord | undefined {
    for (const group of this.groups.values()) if (group.key === key) return group;
    return undefined;
  }

  groupsOfUser(userId: string): GroupRecord[] {
    return [...this.groups.values()].filter((group) => group.userIds.has(userId));
  }

  addBranch(
    input: Partial<Omit<BranchRecord, 'userIds' | 'courseIds'>> &
      Pick<BranchRecord, 'name'> & { userIds?: Iterable<string>; courseIds?: Iterable<string> }
  ): BranchRecord {
    const branch: BranchRecord = {
      description: '',
      avatar: '',
      theme: 'default',
      timezone: DEFAULT_TIMEZONE,
      signup_method: 'direct',
      signup_type: 'direct',
      verification: 'none',
      internal_announcement: '',
      external_announcement: '',
      language: 'en',
      user_type_id: '4',
      user_type: 'Learner-Type',
      group_id: '',
      registration_email_restriction: '',
      users_limit: '',
      disallow_global_login: '0',
      payment_processor: 'paypal',
      currency: 'US Dollar',
      paypal_email: '',
      ecommerce_subscription: '0',
      ecommerce_subscription_price: '',
      ecommerce_subscription_interval: '',
      ecommerce_subscription_trial_period: '',
      ecommerce_credits: '',
      badge_set_id: '1',
      status: 'active',
      ...input,
      id: this.claimId('branch', input.id),
      userIds: new Set(input.userIds ?? []),
      courseIds: new Set(input.courseIds ?? [])
    };
    this.branches.set(branch.id, branch);
    return branch;
  }

  findBranchByName(name: string): BranchRecord | undefined {
    for (const branch of this.branches.values()) if (branch.name === name) return branch;
    return undefined;
  }

  branchesOfUser(userId: string): BranchRecord[] {
    return [...this.branches.values()].filter((branch) => branch.userIds.has(userId));
  }

  // ---- custom fields ------------------------------------------------------------------------------------------

  addCustomField(
    input: Partial<CustomFieldRecord> & Pick<CustomFieldRecord, 'name' | 'type'>,
    target: 'user' | 'course' = 'user'
  ): CustomFieldRecord {
    const list = target === 'user' ? this.customFields : this.courseCustomFields;
    const index = list.length + 1;
    const field: CustomFieldRecord = {
      key: `custom_field_${index}`,
      mandatory: 'no',
      visible_on_reports: 'yes',
      dropdown_values: null,
      checkbox_status: 'off',
      selective_availability: 'no',
      branch: null,
      main_domain_availability: null,
      previous_key: list.length > 0 ? list[list.length - 1].key : null,
      order: String(index),
      ...input
    };
    list.push(field);
    return field;
  }

  // ---- maintenance --------------------------------------------------------------------------------------------

  /** Rebuilds the lookup indexes after the maps were edited directly. */
  reindex(): void {
    this.byEmail.clear();
    this.byLogin.clear();
    this.courseUsers.clear();
    this.scheduledDeactivations.clear();
    for (const user of this.users.values()) {
      this.byEmail.set(this.identityKey(user.email), user.id);
      this.byLogin.set(this.identityKey(user.login), user.id);
      this.trackDeactivation(user);
    }
    for (const [userId, perUser] of this.enrollments) {
      for (const courseId of perUser.keys()) {
        if (!this.courseUsers.has(courseId)) this.courseUsers.set(courseId, new Set());
        this.courseUsers.get(courseId)?.add(userId);
      }
    }
  }

  /** Empties everything (ids restart at 1). */
  clear(): void {
    for (const map of [
      this.users,
      this.courses,
      this.groups,
      this.branches,
      this.categories,
      this.enrollments,
      this.certificates,
      this.badges,
      this.iltSessions,
      this.testAnswers,
      this.surveyAnswers,
      this.byEmail,
      this.byLogin,
      this.courseUsers,
      this.counters,
      this.scheduledDeactivations
    ] as Array<Map<unknown, unknown>>) {
      map.clear();
    }
    this.customFields.length = 0;
    this.courseCustomFields.length = 0;
    this.userTypes.splice(0, this.userTypes.length, ...BUILT_IN_USER_TYPES);
    this.timeline.clear();
  }
}
