import type { UserRecord } from './records';
import { StateBase } from './base';

export const BUILT_IN_USER_TYPES = [
  'SuperAdmin',
  'Admin-Type',
  'Trainer-Type',
  'Learner-Type',
  'Learner-Instructor'
];
export const DEFAULT_TIMEZONE = '(GMT 00:00) Greenwich Mean Time: Edinburgh, Lisbon, London';

/** Users with their e-mail/login indexes and scheduled deactivations. */
export abstract class PeopleState extends StateBase {
  readonly users = new Map<string, UserRecord>();
  readonly userTypes: string[] = [...BUILT_IN_USER_TYPES];
  private readonly byEmail = new Map<string, string>();
  private readonly byLogin = new Map<string, string>();
  /** Active users with a `deactivation_date`: userId → epoch seconds (kept small, checked every request). */
  private readonly scheduledDeactivations = new Map<string, number>();

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

  protected trackDeactivation(user: UserRecord): void {
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
    this.scheduledDeactivations.delete(id);
    this.forgetUser(id);
    this.users.delete(id);
  }

  activeUserCount(): number {
    let count = 0;
    for (const user of this.users.values()) if (!user.deleted && user.status === 'active') count += 1;
    return count;
  }

  override reindex(): void {
    super.reindex();
    this.byEmail.clear();
    this.byLogin.clear();
    this.scheduledDeactivations.clear();
    for (const user of this.users.values()) {
      this.byEmail.set(this.identityKey(user.email), user.id);
      this.byLogin.set(this.identityKey(user.login), user.id);
      this.trackDeactivation(user);
    }
  }

  override clear(): void {
    super.clear();
    for (const map of [this.users, this.byEmail, this.byLogin, this.scheduledDeactivations]) map.clear();
    this.userTypes.splice(0, this.userTypes.length, ...BUILT_IN_USER_TYPES);
  }
}
