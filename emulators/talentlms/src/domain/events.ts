import { htmlEscape, shortName } from '../format/text';
import type { EmulatorSettings } from '../options';
import type {
  BadgeRecord,
  BranchRecord,
  CourseRecord,
  GroupRecord,
  UnitRecord,
  UserRecord
} from '../state/records';
import type { TalentLmsState } from '../state/store';
import type { EventType, TimelineEntry } from '../state/timeline';

interface Named {
  id: string;
  name: string;
}

/**
 * Writes timeline entries for every mutation and simulator step (checklist §8.6). Only the certificate
 * message is documented verbatim ("D. Dummy was awarded a certification for the course my course #1");
 * the other messages follow the same style and are listed in the README as emulator wording.
 */
export class EventLog {
  constructor(
    private readonly state: TalentLmsState,
    private readonly settings: EmulatorSettings
  ) {}

  courseName(course: CourseRecord): string {
    return this.settings.quirks.escapeCourseNames ? htmlEscape(course.name) : course.name;
  }

  private subject(user: UserRecord | undefined) {
    if (!user) return { user_id: '', user_username: '', user_email: '', user_fullname: '' };
    return {
      user_id: user.id,
      user_username: user.login,
      user_email: user.email,
      user_fullname: shortName(user.first_name, user.last_name)
    };
  }

  /** The acting administrator for admin-side changes: the portal owner when there is one. */
  private actor(): UserRecord | undefined {
    return this.state.users.get('1');
  }

  private write(
    action: EventType,
    user: UserRecord | undefined,
    message: string,
    object: Named,
    refs: TimelineEntry['refs'],
    secondary?: Named
  ): void {
    this.state.timeline.add({
      action,
      message,
      unix: this.state.now(),
      ...this.subject(user),
      object_id: object.id,
      object_name: object.name,
      secondary_object_id: secondary?.id ?? '-',
      secondary_object_name: secondary?.name ?? '-',
      event_counter: '1',
      refs
    });
  }

  private course(course: CourseRecord): Named {
    return { id: course.id, name: this.courseName(course) };
  }

  private who(user: UserRecord): string {
    return shortName(user.first_name, user.last_name);
  }

  // ---- users ----
  userRegistered(user: UserRecord): void {
    this.write(
      'user_register_user',
      user,
      `${this.who(user)} was registered`,
      { id: user.id, name: user.login },
      {}
    );
  }
  userChanged(user: UserRecord): void {
    this.write(
      'user_property_change',
      user,
      `The profile of ${this.who(user)} was updated`,
      { id: user.id, name: user.login },
      {}
    );
  }
  userDeleted(user: UserRecord): void {
    this.write(
      'user_delete_user',
      user,
      `${this.who(user)} was deleted`,
      { id: user.id, name: user.login },
      {}
    );
  }
  userLoggedIn(user: UserRecord): void {
    this.write('user_login_user', user, `${this.who(user)} signed in`, { id: user.id, name: user.login }, {});
  }
  badgeUnlocked(user: UserRecord, badge: BadgeRecord): void {
    const object = { id: badge.badge_set_id, name: badge.name };
    this.write('user_unlock_badge', user, `${this.who(user)} unlocked the badge ${badge.name}`, object, {});
  }
  levelUpgraded(user: UserRecord): void {
    const object = { id: user.level, name: `Level ${user.level}` };
    this.write('user_upgrade_level', user, `${this.who(user)} reached level ${user.level}`, object, {});
  }

  // ---- courses and learning ----
  courseCreated(course: CourseRecord): void {
    const refs = { course_id: course.id };
    this.write(
      'course_create_course',
      this.actor(),
      `The course ${this.courseName(course)} was created`,
      this.course(course),
      refs
    );
  }
  courseDeleted(course: CourseRecord): void {
    const refs = { course_id: course.id };
    this.write(
      'course_delete_course',
      this.actor(),
      `The course ${this.courseName(course)} was deleted`,
      this.course(course),
      refs
    );
  }
  private learning(action: EventType, user: UserRecord, course: CourseRecord, message: string): void {
    this.write(action, user, message, this.course(course), { course_id: course.id });
  }
  enrolled(user: UserRecord, course: CourseRecord): void {
    this.learning(
      'course_add_user',
      user,
      course,
      `${this.who(user)} was added to the course ${this.courseName(course)}`
    );
  }
  unenrolled(user: UserRecord, course: CourseRecord): void {
    this.learning(
      'course_remove_user',
      user,
      course,
      `${this.who(user)} was removed from the course ${this.courseName(course)}`
    );
  }
  completed(user: UserRecord, course: CourseRecord): void {
    this.learning(
      'course_completion',
      user,
      course,
      `${this.who(user)} completed the course ${this.courseName(course)}`
    );
  }
  failed(user: UserRecord, course: CourseRecord): void {
    this.learning(
      'course_failure',
      user,
      course,
      `${this.who(user)} failed the course ${this.courseName(course)}`
    );
  }
  progressReset(user: UserRecord, course: CourseRecord): void {
    const message = `The progress of ${this.who(user)} in the course ${this.courseName(course)} was reset`;
    this.learning('course_reset_user_progress', user, course, message);
  }
  certificateIssued(user: UserRecord, course: CourseRecord): void {
    const message = `${this.who(user)} was awarded a certification for the course ${this.courseName(course)}`;
    this.learning('certification_issue_certification', user, course, message);
  }
  certificateRefreshed(user: UserRecord, course: CourseRecord): void {
    const message = `The certification of ${this.who(user)} for the course ${this.courseName(course)} was renewed`;
    this.learning('certification_refresh_certification', user, course, message);
  }
  certificateRemoved(user: UserRecord, course: CourseRecord): void {
    const message = `The certification of ${this.who(user)} for the course ${this.courseName(course)} was removed`;
    this.learning('certification_remove_certification', user, course, message);
  }
  certificateExpired(user: UserRecord, course: CourseRecord): void {
    const message = `The certification of ${this.who(user)} for the course ${this.courseName(course)} expired`;
    this.learning('certification_expire_certification', user, course, message);
  }
  testFinished(user: UserRecord, course: CourseRecord, unit: UnitRecord, passed: boolean): void {
    const action = passed ? 'unitprogress_test_completion' : 'unitprogress_test_failed';
    const verb = passed ? 'completed' : 'failed';
    this.write(
      action,
      user,
      `${this.who(user)} ${verb} the test ${unit.name}`,
      { id: unit.id, name: unit.name },
      { course_id: course.id, unit_id: unit.id },
      this.course(course)
    );
  }

  // ---- groups ----
  groupCreated(group: GroupRecord): void {
    this.write('group_create_group', this.actor(), `The group ${group.name} was created`, group, {
      group_id: group.id
    });
  }
  groupDeleted(group: GroupRecord): void {
    this.write('group_delete_group', this.actor(), `The group ${group.name} was deleted`, group, {
      group_id: group.id
    });
  }
  groupJoined(user: UserRecord, group: GroupRecord): void {
    this.write('group_add_user', user, `${this.who(user)} was added to the group ${group.name}`, group, {
      group_id: group.id
    });
  }
  groupLeft(user: UserRecord, group: GroupRecord): void {
    const message = `${this.who(user)} was removed from the group ${group.name}`;
    this.write('group_remove_user', user, message, group, { group_id: group.id });
  }
  groupCourseAdded(course: CourseRecord, group: GroupRecord): void {
    const message = `The course ${this.courseName(course)} was added to the group ${group.name}`;
    this.write(
      'group_add_course',
      this.actor(),
      message,
      this.course(course),
      { group_id: group.id, course_id: course.id },
      group
    );
  }

  // ---- branches ----
  branchCreated(branch: BranchRecord): void {
    this.write('branch_create_branch', this.actor(), `The branch ${branch.name} was created`, branch, {
      branch_id: branch.id
    });
  }
  branchDeleted(branch: BranchRecord): void {
    this.write('branch_delete_branch', this.actor(), `The branch ${branch.name} was deleted`, branch, {
      branch_id: branch.id
    });
  }
  branchChanged(branch: BranchRecord): void {
    this.write('branch_property_change', this.actor(), `The branch ${branch.name} was updated`, branch, {
      branch_id: branch.id
    });
  }
  branchJoined(user: UserRecord, branch: BranchRecord): void {
    const message = `${this.who(user)} was added to the branch ${branch.name}`;
    this.write('branch_add_user', user, message, branch, { branch_id: branch.id });
  }
  branchLeft(user: UserRecord, branch: BranchRecord): void {
    const message = `${this.who(user)} was removed from the branch ${branch.name}`;
    this.write('branch_remove_user', user, message, branch, { branch_id: branch.id });
  }
  branchCourseAdded(course: CourseRecord, branch: BranchRecord): void {
    const message = `The course ${this.courseName(course)} was added to the branch ${branch.name}`;
    this.write(
      'branch_add_course',
      this.actor(),
      message,
      this.course(course),
      { branch_id: branch.id, course_id: course.id },
      branch
    );
  }
}
