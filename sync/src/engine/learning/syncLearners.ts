import { AuthError, QuotaExhaustedError, SyncError, toSyncError } from '../../core/errors';
import { diffLearner, type ExistingRecord, type LearningRecord, mapUserLearning } from '../../core/learning';
import type { SalesforceRecord } from '../../salesforce/port';
import type { LearnerInfo } from './learners';
import type { LearningSession } from './session';

/**
 * One learner at a time from TalentLMS (`users/id`: courses, certificates, badges, points and level in one
 * call), in batches against Salesforce: read what it holds for the batch, diff, write only what differs, apply
 * the unenrolment rule. A learner whose write fails gets an open LEARNING_WRITE_FAILED issue, which the next
 * run retries whatever the watermarks say; a success closes it.
 */
export const LEARNING_ACTION = 'learning';
const BATCH = 50;

export type SyncPurpose = 'learners' | 'courseScan' | 'reconciliation';

interface Fetched {
  learner: LearnerInfo;
  /** null: the TalentLMS user no longer exists. */
  user: unknown;
}

export async function syncLearners(
  session: LearningSession,
  learners: LearnerInfo[],
  purpose: SyncPurpose
): Promise<{ synced: number; failed: number }> {
  const { ctx } = session;
  const todo: LearnerInfo[] = [];
  let already = 0;
  let contactGone = 0;
  for (const learner of learners) {
    if (session.synced.has(learner.learnerId)) {
      already += 1;
      continue;
    }
    const resolved = session.resolve(learner);
    if (resolved) todo.push(resolved);
    else contactGone += 1;
    session.synced.add(learner.learnerId);
  }
  if (already + contactGone > 0)
    ctx.logger.debug('Learners not read', { purpose, alreadyThisRun: already, contactDeleted: contactGone });
  let synced = 0;
  let failed = 0;
  for (let i = 0; i < todo.length; i += BATCH) {
    const batch = todo.slice(i, i + BATCH);
    const fetched: Fetched[] = [];
    for (const learner of batch) {
      try {
        fetched.push({ learner, user: await ctx.tl.get('users', { id: learner.tlUserId }, ctx.signal) });
      } catch (error) {
        if (error instanceof QuotaExhaustedError) throw error;
        const e = toSyncError(error);
        if (e.code === 'TALENTLMS_USER_NOT_FOUND') {
          fetched.push({ learner, user: null });
          continue;
        }
        // A refused key, a disabled API or an unreachable portal fails every learner alike: stop the run.
        if (!(e instanceof SyncError) || e instanceof AuthError) throw e;
        failed += 1;
        ctx.counts.failed += 1;
        ctx.issues.report({
          code: 'LEARNING_READ_FAILED',
          action: LEARNING_ACTION,
          subject: learner.personId,
          learnerId: learner.learnerId,
          personName: learner.name,
          message: `users/id:${learner.tlUserId}: ${e.message}`
        });
      }
    }
    const result = await writeBatch(session, fetched, purpose);
    synced += result.synced;
    failed += result.failed;
    ctx.progress.update(`Learning: ${purpose}`, Math.min(i + BATCH, todo.length), todo.length);
    await ctx.checkpoint();
  }
  return { synced, failed };
}

async function writeBatch(
  session: LearningSession,
  fetched: Fetched[],
  purpose: SyncPurpose
): Promise<{ synced: number; failed: number }> {
  const { ctx } = session;
  if (fetched.length === 0) return { synced: 0, failed: 0 };
  const now = ctx.clock.now();
  const existing = await session.store.read(
    session.objectsFor(fetched.map((f) => f.learner)),
    fetched.map((f) => f.learner.learnerId)
  );
  const heldBy = new Map<string, ExistingRecord[]>();
  for (const record of existing) {
    const learnerId = String(record.fields.Learner ?? '');
    const list = heldBy.get(learnerId) ?? [];
    list.push(record);
    heldBy.set(learnerId, list);
  }
  const upserts: LearningRecord[] = [];
  const deletes: ExistingRecord[] = [];
  const learnerUpdates: SalesforceRecord[] = [];
  const lf = ctx.schema.Learner.f;
  for (const { learner, user } of fetched) {
    const held = heldBy.get(learner.learnerId) ?? [];
    const mapped = user === null ? null : mapUserLearning(user, learner, mapOptions(session, now));
    const changes = diffLearner(mapped?.records ?? [], held, session.policy, session.enabledKinds);
    upserts.push(...changes.upserts);
    deletes.push(...changes.deletes);
    if (user === null) {
      ctx.issues.report({
        code: 'LEARNING_TALENTLMS_USER_DELETED',
        action: `${LEARNING_ACTION}-account`,
        subject: learner.personId,
        learnerId: learner.learnerId,
        personName: learner.name,
        message: `TalentLMS user ${learner.tlUserId} no longer exists; ${changes.deletes.length} record(s) removed, ${changes.keptAsHistory.length} kept as history`
      });
    }
    for (const unknown of mapped?.unknownStatuses ?? [])
      session.unknownStatuses.set(unknown.raw, (session.unknownStatuses.get(unknown.raw) ?? 0) + 1);
    const update: SalesforceRecord = { Id: learner.learnerId };
    if (mapped && mapped.points !== null && mapped.points !== learner.points)
      update[lf.Points] = mapped.points;
    if (mapped && mapped.level !== null && mapped.level !== learner.level) update[lf.Level] = mapped.level;
    const touched = changes.upserts.length + changes.deletes.length > 0 || Object.keys(update).length > 1;
    // Only learners with a change are written; the reconciliation stamps every learner it re-read.
    if (purpose === 'reconciliation') update[lf.LastReconciledAt] = new Date(now).toISOString();
    if (touched || !learner.lastLearningSyncAt) update[lf.LastLearningSyncAt] = new Date(now).toISOString();
    if (Object.keys(update).length > 1) learnerUpdates.push(update);
  }
  const outcome = await session.store.write(upserts, deletes);
  if (learnerUpdates.length > 0) {
    const results = await ctx.sf.update(ctx.schema.Learner.name, learnerUpdates);
    results.forEach((result, i) => {
      if (!result.success && !outcome.failed.has(String(learnerUpdates[i].Id))) {
        const first = result.errors[0];
        outcome.failed.set(
          String(learnerUpdates[i].Id),
          first ? `${first.statusCode}: ${first.message}` : 'unknown'
        );
      }
    });
  }
  ctx.counts.coursesUpserted += outcome.upserted.course;
  ctx.counts.certificatesUpserted += outcome.upserted.certificate;
  ctx.counts.badgesUpserted += outcome.upserted.badge;
  ctx.counts.recordsRemoved += outcome.removed;
  let failed = 0;
  for (const { learner } of fetched) {
    const error = outcome.failed.get(learner.learnerId);
    if (error) {
      failed += 1;
      ctx.counts.failed += 1;
      ctx.issues.report({
        code: 'LEARNING_WRITE_FAILED',
        action: LEARNING_ACTION,
        subject: learner.personId,
        learnerId: learner.learnerId,
        personName: learner.name,
        message: error
      });
    } else {
      ctx.issues.resolve(learner.personId, LEARNING_ACTION);
    }
  }
  return { synced: fetched.length - failed, failed };
}

export function mapOptions(session: LearningSession, now: number) {
  const l = session.ctx.settings.learning;
  return {
    portalId: session.ctx.portalId,
    domain: session.ctx.config.talentlms.domain,
    syncedAt: now,
    switches: { courses: l.courses, certificates: l.certificates, badges: l.badges }
  };
}
