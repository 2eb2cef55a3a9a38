import type { RunContext } from '../phase';
import {
  type LearningKind,
  type LearningObjectKey,
  objectFor,
  type UnenrollmentPolicy
} from '../../core/learning';
import { LearnerReader, type LearnerInfo } from './learners';
import { RecordStore } from './recordStore';

/**
 * What the learning phases of one run share: the readers, the deleted/merged Contacts, the learners already
 * synced this run (a learner is read from TalentLMS at most once per run), the timeline's findings and the
 * unknown statuses seen (one issue per raw value).
 */
export class LearningSession {
  readonly learners: LearnerReader;
  readonly store: RecordStore;
  /** Deleted Contact id → survivor (merged) or null (deleted). */
  contactFate = new Map<string, string | null>();
  /** Survivor Contact → its Account. */
  survivorAccount = new Map<string, string | null>();
  readonly synced = new Set<string>();
  /** TalentLMS user ids the timeline named. */
  readonly changed = new Set<string>();
  overflow: string[] = [];
  /** No watermark yet: the first learning run, which reconciles everyone instead of reading events. */
  initial = false;
  /** Watermarks__c to stage once the changed learners are written. */
  pendingWatermarks: string | null = null;
  readonly unknownStatuses = new Map<string, number>();

  constructor(readonly ctx: RunContext) {
    this.learners = new LearnerReader(ctx.sf, ctx.schema);
    this.store = new RecordStore(ctx.sf, ctx.schema);
  }

  get policy(): UnenrollmentPolicy {
    return this.ctx.settings.learning.unenrollmentPolicy;
  }

  get enabledKinds(): Set<LearningKind> {
    const l = this.ctx.settings.learning;
    const kinds = new Set<LearningKind>();
    if (l.courses) kinds.add('course');
    if (l.certificates) kinds.add('certificate');
    if (l.badges) kinds.add('badge');
    return kinds;
  }

  objectsFor(learners: LearnerInfo[]): LearningObjectKey[] {
    const people = new Set(learners.map((l) => l.kind));
    const out: LearningObjectKey[] = [];
    for (const kind of this.enabledKinds) for (const person of people) out.push(objectFor(kind, person));
    return out;
  }

  /**
   * Applies Contact deletions and merges to learners about to be synced: a merged Contact's learning goes to
   * the surviving Contact (and its Account); a deleted Contact's learner is not synced (null).
   */
  resolve(learner: LearnerInfo): LearnerInfo | null {
    if (learner.kind !== 'Contact' || !this.contactFate.has(learner.personId)) return learner;
    const survivor = this.contactFate.get(learner.personId) ?? null;
    if (survivor === null) return null;
    return {
      ...learner,
      salesforceId: survivor,
      accountId: this.survivorAccount.get(survivor) ?? learner.accountId
    };
  }
}

const sessions = new WeakMap<RunContext, LearningSession>();

export function sessionOf(ctx: RunContext): LearningSession {
  let session = sessions.get(ctx);
  if (!session) {
    session = new LearningSession(ctx);
    sessions.set(ctx, session);
  }
  return session;
}
