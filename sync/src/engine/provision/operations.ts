import { AuthError, InterruptedError, QuotaExhaustedError, SyncError } from '../../core/errors';
import {
  accountRole,
  adoptionRefusal,
  type BranchTarget,
  type LearnerRow,
  type PersonPlan,
  type TalentLmsOp
} from '../../core/provision';
import type { RunContext } from '../phase';
import { newLearnerPassword } from './password';
import { parseUser } from './talentlmsReader';

/**
 * The TalentLMS calls behind each planned operation (reference §4): `usersignup` with a fresh password,
 * `edituser`, `usersetstatus`, group membership by key, branch membership by id. "Already a member" and
 * "not a member" answers count as done, so a retry after a crash is harmless.
 */
export interface PersonResult {
  person: PersonPlan;
  userId: string | null;
  status: 'Active' | 'Inactive' | null;
  userType: string | null;
  login: string | null;
  failed: string | null;
  /** Some create-time operations did not run (a stop): the learner stays Creating. */
  unfinished: boolean;
  groupDone: boolean;
  branchDone: boolean;
}

/** Errors that stop the whole run rather than one person. */
export function stopsRun(error: unknown): boolean {
  return (
    error instanceof QuotaExhaustedError ||
    error instanceof AuthError ||
    error instanceof InterruptedError ||
    (error instanceof SyncError && error.code === 'TALENTLMS_RATE_LIMITED') ||
    (error instanceof Error && error.name === 'AbortError')
  );
}

export const ACTION_OF: Record<TalentLmsOp['op'], string> = {
  signup: 'create',
  edit: 'update',
  activate: 'activate',
  deactivate: 'deactivate',
  joinGroup: 'group',
  leaveGroup: 'group',
  joinBranch: 'branch',
  leaveBranch: 'branch'
};

/** Memberships whose operations did not run are not recorded as done (the next run tries again). */
export function notDone(result: PersonResult, ops: TalentLmsOp[]): void {
  for (const op of ops) {
    if (op.op === 'joinGroup' || op.op === 'leaveGroup') result.groupDone = false;
    if (op.op === 'joinBranch' || op.op === 'leaveBranch') result.branchDone = false;
    if (op.op === 'signup' && op.group) result.groupDone = false;
    if (op.op === 'signup' && op.branch) result.branchDone = false;
  }
}

export class TalentLmsOperations {
  readonly groups = new Map<string, { id: string; key: string; name: string }>();
  readonly branchByAccount = new Map<string, { id: string; name: string }>();
  readonly failedGroups = new Set<string>();
  private readonly learnerByTl = new Map<string, LearnerRow>();

  constructor(
    private readonly ctx: RunContext,
    learners: Iterable<LearnerRow>
  ) {
    for (const learner of learners)
      if (learner.talentlmsUserId) this.learnerByTl.set(learner.talentlmsUserId, learner);
  }

  private get tl() {
    return this.ctx.tl;
  }

  /** Runs one operation; false stops the person's remaining operations without an error. */
  async runOp(op: TalentLmsOp, result: PersonResult): Promise<boolean> {
    const counts = this.ctx.counts;
    const userId = result.userId;
    switch (op.op) {
      case 'signup':
        return this.signup(op, result);
      case 'edit':
        await this.tl.post('edituser', { user_id: userId ?? '', ...op.fields });
        counts.updated += 1;
        return true;
      case 'activate':
        await this.tl.get('usersetstatus', { user_id: userId ?? '', status: 'active' });
        result.status = 'Active';
        counts.activated += 1;
        return true;
      case 'deactivate':
        await this.tl.get('usersetstatus', { user_id: userId ?? '', status: 'inactive' });
        result.status = 'Inactive';
        counts.deactivated += 1;
        return true;
      case 'joinGroup': {
        const group = this.groups.get(op.group.toLowerCase());
        if (!group) {
          result.groupDone = false;
          if (!this.failedGroups.has(op.group.toLowerCase()))
            throw new SyncError('TALENTLMS_NOT_FOUND', `Group ${op.group} does not exist`);
          return true;
        }
        await this.tolerate(
          this.tl.get('addusertogroup', { user_id: userId ?? '', group_key: group.key }),
          'TALENTLMS_ALREADY_MEMBER'
        );
        counts.grouped += 1;
        return true;
      }
      case 'leaveGroup': {
        const group = this.groups.get(op.group.toLowerCase());
        if (group)
          await this.tolerate(
            this.tl.get('removeuserfromgroup', { user_id: userId ?? '', group_id: group.id }),
            'TALENTLMS_NOT_MEMBER'
          );
        return true;
      }
      case 'joinBranch': {
        const branch = this.branchOf(op.branch);
        if (!branch) {
          result.branchDone = false;
          return true;
        }
        await this.tolerate(
          this.tl.get('addusertobranch', { user_id: userId ?? '', branch_id: branch.id }),
          'TALENTLMS_ALREADY_MEMBER'
        );
        counts.branched += 1;
        return true;
      }
      case 'leaveBranch':
        await this.tolerate(
          this.tl.get('removeuserfrombranch', { user_id: userId ?? '', branch_id: op.branchId }),
          'TALENTLMS_NOT_MEMBER'
        );
        return true;
    }
  }

  branchOf(target: BranchTarget): { id: string; name: string } | null {
    return this.branchByAccount.get(target.accountId) ?? null;
  }

  private async tolerate(call: Promise<unknown>, code: string): Promise<void> {
    try {
      await call;
    } catch (error) {
      if (!(error instanceof SyncError) || error.code !== code) throw error;
    }
  }

  private async signup(op: Extract<TalentLmsOp, { op: 'signup' }>, result: PersonResult): Promise<boolean> {
    const group = op.group ? this.groups.get(op.group.toLowerCase()) : undefined;
    const branch = op.branch ? this.branchOf(op.branch) : null;
    if (op.group && !group) result.groupDone = false;
    if (op.branch && !branch) result.branchDone = false;
    let raw: Record<string, unknown>;
    try {
      raw = (await this.tl.post('usersignup', {
        ...op.fields,
        login: op.login,
        password: newLearnerPassword(),
        restrict_email: op.restrictEmail ? 'on' : 'off',
        ...(group ? { group_id: group.id } : {}),
        ...(branch ? { branch_id: branch.id } : {})
      })) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof SyncError && error.code === 'TALENTLMS_DUPLICATE_EMAIL')
        return this.adoptByEmail(op, result, error);
      if (error instanceof SyncError && error.code === 'TALENTLMS_DUPLICATE_LOGIN') {
        // Someone took the login since it was chosen: forget it, so the next run picks a longer one.
        result.login = null;
      }
      throw error;
    }
    const user = parseUser(raw);
    result.userId = user.id;
    result.login = user.login || op.login;
    result.userType = user.userType || null;
    result.status = user.status === 'inactive' ? 'Inactive' : 'Active';
    this.ctx.counts.created += 1;
    if (group) this.ctx.counts.grouped += 1;
    if (branch) this.ctx.counts.branched += 1;
    if (user.status === 'inactive' && this.ctx.settings.special.activateNewLearners) {
      result.unfinished = true;
      await this.tl.get('usersetstatus', { user_id: user.id, status: 'active' });
      result.status = 'Active';
      result.unfinished = false;
      this.ctx.counts.activated += 1;
    }
    return true;
  }

  /** The e-mail is taken by a user the snapshot did not show: link it if the rules allow, else report. */
  private async adoptByEmail(
    op: Extract<TalentLmsOp, { op: 'signup' }>,
    result: PersonResult,
    cause: SyncError
  ): Promise<boolean> {
    let found;
    try {
      found = parseUser((await this.tl.get('users', { email: op.fields.email })) as Record<string, unknown>);
    } catch (error) {
      if (stopsRun(error)) throw error;
      throw new SyncError(
        'TALENTLMS_DUPLICATE_EMAIL',
        `${cause.message} (a deleted TalentLMS user keeps it)`
      );
    }
    const owner = this.learnerByTl.get(found.id);
    const refusal =
      owner && owner.salesforceId !== result.person.salesforceId
        ? `is linked to ${owner.personType} ${owner.salesforceId}`
        : adoptionRefusal(found.userType, this.ctx.settings.special);
    if (refusal || accountRole(found.userType) === 'superAdmin') {
      throw new SyncError(
        'TALENTLMS_DUPLICATE_EMAIL',
        `TalentLMS user ${found.login} has this e-mail and ${refusal ?? 'cannot be linked'}`
      );
    }
    result.userId = found.id;
    result.login = found.login;
    result.userType = found.userType;
    result.status = found.status === 'active' ? 'Active' : 'Inactive';
    // Group and branch come on the next run, which sees the linked user.
    result.groupDone = false;
    result.branchDone = false;
    return false;
  }
}
