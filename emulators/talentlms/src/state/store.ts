import { randomGroupKey } from '../format/text';
import { LearningState } from './learning';
import { DEFAULT_TIMEZONE } from './people';
import type { BranchRecord, GroupRecord } from './records';

export { BUILT_IN_USER_TYPES, DEFAULT_TIMEZONE } from './people';

/**
 * The portal's data, for the endpoints, the simulator, and direct seeding/inspection (`tl.state`): users
 * (people.ts), courses and fields (catalog.ts), enrolments, certificates and badges (learning.ts), groups and
 * branches (here). Change users, memberships and enrollments through these methods so the lookup indexes stay
 * right (or call `reindex()` after editing the maps by hand). Seeding helpers emit no timeline events.
 */
export class TalentLmsState extends LearningState {
  readonly groups = new Map<string, GroupRecord>();
  readonly branches = new Map<string, BranchRecord>();

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

  protected override forgetUser(id: string): void {
    super.forgetUser(id);
    for (const group of this.groups.values()) group.userIds.delete(id);
    for (const branch of this.branches.values()) branch.userIds.delete(id);
  }

  override clear(): void {
    super.clear();
    this.groups.clear();
    this.branches.clear();
  }
}
