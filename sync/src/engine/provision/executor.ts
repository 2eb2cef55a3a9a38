import { toSyncError } from '../../core/errors';
import type { LearnerRow, PersonPlan, ProvisionPlan } from '../../core/provision';
import { asString } from '../../talentlms/values';
import type { RunContext } from '../phase';
import { learnerChanged, learnerRecord, type LearnerWrite } from './learnerRecords';
import { ACTION_OF, notDone, type PersonResult, stopsRun, TalentLmsOperations } from './operations';

/**
 * Carries out a provisioning plan: groups and branches first, then people in chunks of 200. For each chunk the
 * new learners are written to Learner__c as Creating (with their login) *before* `usersignup`, the TalentLMS
 * calls run with bounded concurrency inside the quota share, and the chunk's Learner__c rows are written in
 * one Collections request. A run-stopping error (quota share spent, TalentLMS unreachable, interruption) lets
 * the calls in flight finish, records what they did, and then stops the run; the next run resumes.
 */
export const CHUNK_SIZE = 200;
export const CONCURRENCY = 4;

export interface CatalogRefs {
  groups: { id: string; name: string; key: string }[];
  branches: { id: string; name: string }[];
}

export class ProvisionExecutor {
  private readonly ops: TalentLmsOperations;
  private stop: unknown = null;

  constructor(
    private readonly ctx: RunContext,
    private readonly plan: ProvisionPlan,
    catalog: CatalogRefs,
    private readonly learners: Map<string, LearnerRow>,
    /** People Salesforce no longer has (their lookups are not written). */
    private readonly gone: Set<string>
  ) {
    this.ops = new TalentLmsOperations(ctx, learners.values());
    for (const group of catalog.groups) this.ops.groups.set(group.name.toLowerCase(), group);
    for (const person of plan.people) {
      const branch = person.learner.branch;
      if (branch?.existingId)
        this.ops.branchByAccount.set(branch.accountId, { id: branch.existingId, name: branch.name });
    }
  }

  async execute(): Promise<void> {
    // People leaving first: a merged Contact's row must release its TalentLMS user before the survivor links it.
    const leaving = this.plan.people.filter((p) => p.outcome === 'exclude' || p.outcome === 'deactivate');
    const staying = this.plan.people.filter((p) => p.outcome !== 'exclude' && p.outcome !== 'deactivate');
    for (const chunk of chunksOf(leaving, CHUNK_SIZE)) await this.runChunk(chunk);
    await this.createGroups();
    await this.createBranches();
    for (const chunk of chunksOf(staying, CHUNK_SIZE)) await this.runChunk(chunk);
  }

  private get tl() {
    return this.ctx.tl;
  }

  private report(person: PersonPlan | null, code: string, action: string, message: string): void {
    this.ctx.issues.report({
      code,
      action,
      subject: person?.salesforceId ?? `provision:${action}`,
      message,
      personName: person?.name ?? null,
      learnerId: person ? (this.learners.get(person.salesforceId)?.recordId ?? null) : null
    });
  }

  private async createGroups(): Promise<void> {
    for (const name of this.plan.groupsToCreate) {
      if (this.stop) return;
      try {
        const raw = (await this.tl.post('creategroup', {
          name,
          description: 'Created by the Salesforce connector from a group field value'
        })) as Record<string, unknown>;
        this.ops.groups.set(name.toLowerCase(), { id: asString(raw.id), key: asString(raw.key), name });
        this.ctx.issues.resolve(`group:${name}`.slice(0, 80), 'group');
      } catch (error) {
        if (stopsRun(error)) throw error;
        this.ops.failedGroups.add(name.toLowerCase());
        const e = toSyncError(error);
        this.ctx.issues.report({
          code: e.code,
          action: 'group',
          subject: `group:${name}`.slice(0, 80),
          message: `Creating group ${name}: ${e.message}`
        });
      }
    }
  }

  private async createBranches(): Promise<void> {
    for (const branch of this.plan.branchesToCreate) {
      try {
        const raw = (await this.tl.post('createbranch', {
          name: branch.name,
          description: `Salesforce Account ${branch.accountId}`
        })) as Record<string, unknown>;
        this.ops.branchByAccount.set(branch.accountId, {
          id: asString(raw.id),
          name: asString(raw.name) || branch.name
        });
        this.ctx.issues.resolve(branch.accountId, 'branch');
      } catch (error) {
        if (stopsRun(error)) throw error;
        const e = toSyncError(error);
        this.ctx.issues.report({
          code: e.code,
          action: 'branch',
          subject: branch.accountId,
          message: `Creating branch ${branch.name}: ${e.message}`
        });
      }
    }
  }

  private async runChunk(chunk: PersonPlan[]): Promise<void> {
    const ready = await this.writeAhead(chunk);
    const results = await this.pool(ready);
    await this.writeLearners(chunk, results);
    if (this.stop) throw this.stop;
    await this.ctx.checkpoint();
  }

  /** Learner__c as Creating, with the login, before any `usersignup` (a crash is resolved by that login). */
  private async writeAhead(chunk: PersonPlan[]): Promise<PersonPlan[]> {
    const creates = chunk.filter((p) => p.ops.some((op) => op.op === 'signup'));
    const needWrite = creates.filter((p) => {
      const row = this.learners.get(p.salesforceId);
      return !(row?.state === 'Creating' && row.login === p.learner.login && !row.talentlmsUserId);
    });
    const refused = new Set<string>();
    if (needWrite.length > 0) {
      const records = needWrite.map((p) =>
        learnerRecord(
          {
            target: { ...p.learner, state: 'Creating', stateMessage: null, talentlmsStatus: null },
            linkPerson: true
          },
          this.ctx.schema,
          this.ctx.portalId,
          this.nowIso()
        )
      );
      const saved = await this.ctx.sf.upsert(
        this.ctx.schema.Learner.name,
        this.ctx.schema.Learner.f.SalesforceId,
        records
      );
      saved.forEach((result, i) => {
        if (result.success) return;
        const person = needWrite[i];
        refused.add(person.salesforceId);
        this.ctx.counts.failed += 1;
        this.report(
          person,
          'SALESFORCE_WRITE_FAILED',
          'create',
          `Learner__c not saved, so no TalentLMS user was created: ${result.errors.map((e) => `${e.statusCode} ${e.message}`).join('; ')}`
        );
      });
    }
    return chunk.filter((p) => !refused.has(p.salesforceId));
  }

  private async pool(people: PersonPlan[]): Promise<PersonResult[]> {
    const results: PersonResult[] = [];
    let next = 0;
    const worker = async () => {
      while (!this.stop && next < people.length) {
        const person = people[next++];
        results.push(await this.runPerson(person));
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, people.length) }, worker));
    return results;
  }

  private async runPerson(person: PersonPlan): Promise<PersonResult> {
    const result: PersonResult = {
      person,
      userId: person.talentlmsUserId,
      // The status before any operation: the target assumes they all succeed.
      status: person.ops.some((op) => op.op === 'deactivate')
        ? 'Active'
        : person.ops.some((op) => op.op === 'activate')
          ? 'Inactive'
          : person.learner.talentlmsStatus,
      userType: person.learner.userType,
      login: person.learner.login,
      failed: null,
      unfinished: false,
      groupDone: true,
      branchDone: true
    };
    for (const [index, op] of person.ops.entries()) {
      if (this.stop) {
        result.unfinished = true;
        notDone(result, person.ops.slice(index));
        break;
      }
      try {
        const ok = await this.ops.runOp(op, result);
        if (!ok) break;
        this.ctx.issues.resolve(person.salesforceId, ACTION_OF[op.op]);
      } catch (error) {
        if (stopsRun(error)) {
          this.stop = this.stop ?? error;
          result.unfinished = result.unfinished || index > 0 || op.op !== 'signup';
          // This operation and everything after it did not happen.
          notDone(result, person.ops.slice(index));
          break;
        }
        const e = toSyncError(error);
        result.failed = result.failed ?? `${ACTION_OF[op.op]}: ${e.message}`;
        notDone(result, [op]);
        this.report(person, e.code, ACTION_OF[op.op], e.message);
        if (op.op === 'signup') break;
      }
    }
    this.count(result);
    return result;
  }

  private count(result: PersonResult): void {
    if (result.failed) this.ctx.counts.failed += 1;
    const { person } = result;
    for (const problem of person.problems) this.report(person, problem.code, 'fields', problem.message);
    if (person.problems.length === 0 && person.ops.length > 0)
      this.ctx.issues.resolve(person.salesforceId, 'fields');
  }

  private async writeLearners(chunk: PersonPlan[], results: PersonResult[]): Promise<void> {
    const byId = new Map(results.map((r) => [r.person.salesforceId, r]));
    const writes: { person: PersonPlan; record: Record<string, unknown> }[] = [];
    for (const person of chunk) {
      const result = byId.get(person.salesforceId);
      if (!result && person.ops.length > 0) continue; // never started (a stop): nothing to record
      const write = this.learnerWrite(person, result);
      if (!write) continue;
      const record = learnerRecord(write, this.ctx.schema, this.ctx.portalId, this.nowIso());
      const row = this.learners.get(person.salesforceId);
      if (learnerChanged(record, row, this.ctx.schema) || (!row && write.linkPerson))
        writes.push({ person, record });
      else this.settle(person, result);
    }
    if (writes.length === 0) return;
    const saved = await this.ctx.sf.upsert(
      this.ctx.schema.Learner.name,
      this.ctx.schema.Learner.f.SalesforceId,
      writes.map((w) => w.record)
    );
    saved.forEach((outcome, i) => {
      const { person } = writes[i];
      if (outcome.success) {
        this.settle(person, byId.get(person.salesforceId));
        return;
      }
      this.ctx.counts.failed += 1;
      this.report(
        person,
        'SALESFORCE_WRITE_FAILED',
        'learner',
        `Learner__c not saved: ${outcome.errors.map((e) => `${e.statusCode} ${e.message}`).join('; ')}`
      );
    });
  }

  /** Counts and issues once the person's Learner__c row says what happened. */
  private settle(person: PersonPlan, result: PersonResult | undefined): void {
    const counts = this.ctx.counts;
    if (person.outcome === 'exclude') counts.excluded += 1;
    if (person.outcome === 'needsReview') {
      counts.needsReview += 1;
      this.report(person, 'NEEDS_REVIEW', 'review', person.detail);
    } else {
      this.ctx.issues.resolve(person.salesforceId, 'review');
    }
    if (result && !result.failed) this.ctx.issues.resolve(person.salesforceId, 'learner');
  }

  /** null: leave the row as it is (a signup that never reached TalentLMS stays Creating for the next run). */
  private learnerWrite(person: PersonPlan, result: PersonResult | undefined): LearnerWrite | null {
    const target = { ...person.learner };
    const row = this.learners.get(person.salesforceId);
    const write: LearnerWrite = { target, linkPerson: !this.gone.has(person.salesforceId) };
    if (!result) return write;
    const signup = person.ops.some((op) => op.op === 'signup');
    if (signup && !result.userId && !result.failed) return null;
    target.talentlmsUserId = result.userId;
    target.login = result.login;
    target.talentlmsStatus = result.status;
    target.userType = result.userType;
    if (result.failed) {
      target.state = 'Error';
      target.stateMessage = result.failed.slice(0, 255);
    } else if (result.unfinished && signup) {
      target.state = 'Creating';
    } else if (result.unfinished && row?.state === 'Creating') {
      target.state = 'Creating';
    }
    if (!result.groupDone) target.group = undefined;
    if (target.branch !== undefined) {
      if (result.branchDone && target.branch) {
        const branch = this.ops.branchOf(target.branch);
        if (branch) {
          write.branchId = branch.id;
          write.branchName = branch.name;
        }
      } else if (result.branchDone && target.branch === null) {
        write.branchId = null;
        write.branchName = null;
      }
    }
    return write;
  }

  private nowIso(): string {
    return new Date(this.ctx.clock.now()).toISOString();
  }
}

function chunksOf<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
