import {
  LEARNING_EVENT_TYPES,
  parseTimeline,
  readType,
  readWatermarks,
  writeWatermarks
} from '../../core/learning';
import type { Phase, RunContext } from '../phase';
import { accountsOf, readDeletedContacts } from './learners';
import { sessionOf, type LearningSession } from './session';
import { LEARNING_ACTION, syncLearners } from './syncLearners';

/** Learners never synced before, read per run outside their reconciliation turn (the rest wait for the next). */
const NEW_LEARNERS_PER_RUN = 200;

export function learningEnabled(ctx: RunContext): boolean {
  const l = ctx.settings.learning;
  return ctx.mode === 'run' && (l.courses || l.certificates || l.badges);
}

/**
 * Phase 'timeline': deleted and merged Contacts (one queryAll), then one `gettimeline` per learning event type
 * (11 calls) since the committed watermark. Writes nothing to TalentLMS; Salesforce writes only for Contacts
 * that were deleted or merged since.
 */
export const timelinePhase: Phase = {
  name: 'timeline',
  label: 'Learning: reading the TalentLMS timeline',
  shouldRun: learningEnabled,
  async run(ctx) {
    const session = sessionOf(ctx);
    await handleContactChanges(session);
    const marks = readWatermarks(ctx.state.get('Watermarks'));
    session.initial = LEARNING_EVENT_TYPES.some((type) => marks.at[type] === undefined);
    const readAt = ctx.clock.now();
    const recent = new Set<string>();
    for (const type of LEARNING_EVENT_TYPES) {
      const body = await ctx.tl.get('gettimeline', { event_type: type }, ctx.signal);
      const reading = readType(parseTimeline(body, type), marks.at[type], marks.recent);
      if (reading.overflow) session.overflow.push(type);
      // The first learning run reconciles everyone; older events need no replay.
      if (!session.initial) for (const entry of reading.fresh) session.changed.add(entry.userId);
      marks.at[type] = reading.watermark ?? readAt;
      for (const key of reading.recent) recent.add(key);
    }
    marks.recent = recent;
    session.pendingWatermarks = writeWatermarks(marks);
    if (session.overflow.length > 0) {
      ctx.logger.info('Timeline overflow: the course scan runs this time', { types: session.overflow });
      ctx.warn(
        `The TalentLMS timeline overflowed for ${session.overflow.join(', ')} (more than 200 new entries): the course scan ran to catch up.`
      );
    }
  }
};

/**
 * Phase 'learners': the learners the timeline named, plus those whose last learning write failed (open
 * issues), one `users/id` each. The watermarks are staged only after their writes are done.
 */
export const learnersPhase: Phase = {
  name: 'learners',
  label: 'Learning: syncing learners who changed',
  shouldRun: learningEnabled,
  async run(ctx) {
    const session = sessionOf(ctx);
    const retry = ctx.issues.openSubjects(LEARNING_ACTION);
    const learners = [
      ...(await session.learners.bySalesforceIds(retry)),
      ...(await session.learners.byTalentLmsIds([...session.changed].sort())),
      ...(session.initial ? [] : await session.learners.neverSynced(NEW_LEARNERS_PER_RUN))
    ];
    await syncLearners(session, learners, 'learners');
    if (session.pendingWatermarks !== null) ctx.state.stage({ Watermarks: session.pendingWatermarks });
    reportUnknownStatuses(session);
  }
};

async function handleContactChanges(session: LearningSession): Promise<void> {
  const { ctx } = session;
  const { fate } = await readDeletedContacts(ctx.sf, ctx.schema);
  if (fate.size === 0) return;
  session.contactFate = fate;
  const affected = (await session.learners.bySalesforceIds([...fate.keys()])).filter(
    (l) => l.kind === 'Contact'
  );
  if (affected.length === 0) return;
  const survivors = [...new Set(affected.map((l) => fate.get(l.personId)).filter((s): s is string => !!s))];
  session.survivorAccount = await accountsOf(ctx.sf, ctx.schema, survivors);
  const objects = session.objectsFor(affected);
  const held = await session.store.read(
    objects,
    affected.map((l) => l.learnerId)
  );
  const cf = ctx.schema.ContactCourse.f;
  for (const learner of affected) {
    const records = held.filter((r) => r.fields.Learner === learner.learnerId);
    const survivor = fate.get(learner.personId) ?? null;
    if (survivor === null) {
      if (records.length === 0) continue;
      const outcome = await session.store.write([], records);
      ctx.counts.recordsRemoved += outcome.removed;
      ctx.issues.report({
        code: 'LEARNING_CONTACT_DELETED',
        action: `${LEARNING_ACTION}-person`,
        subject: learner.personId,
        learnerId: learner.learnerId,
        personName: learner.name,
        message: `Contact ${learner.personId} was deleted; ${outcome.removed} learning record(s) removed`
      });
      continue;
    }
    const account = session.survivorAccount.get(survivor) ?? null;
    const moves = records.filter(
      (r) =>
        String(r.fields.Contact ?? '').slice(0, 15) !== survivor.slice(0, 15) || r.fields.Account !== account
    );
    if (moves.length === 0) continue;
    for (const object of new Set(moves.map((m) => m.object))) {
      const rows = moves
        .filter((m) => m.object === object)
        .map((m) => ({ Id: m.id, [cf.Contact]: survivor, [cf.Account]: account }));
      const results = await ctx.sf.update(ctx.schema[object].name, rows);
      if (results.some((r) => !r.success)) {
        ctx.issues.report({
          code: 'LEARNING_WRITE_FAILED',
          action: LEARNING_ACTION,
          subject: learner.personId,
          learnerId: learner.learnerId,
          personName: learner.name,
          message: `Moving records to the surviving Contact ${survivor} failed: ${results.find((r) => !r.success)?.errors[0]?.message ?? ''}`
        });
      }
    }
    ctx.issues.report({
      code: 'LEARNING_CONTACT_MERGED',
      action: `${LEARNING_ACTION}-person`,
      subject: learner.personId,
      learnerId: learner.learnerId,
      personName: learner.name,
      message: `Contact ${learner.personId} was merged into ${survivor}; ${moves.length} learning record(s) moved`
    });
  }
}

function reportUnknownStatuses(session: LearningSession): void {
  for (const [raw, count] of session.unknownStatuses) {
    session.ctx.issues.report({
      code: 'LEARNING_STATUS_UNKNOWN',
      action: `${LEARNING_ACTION}-status`,
      subject: `status:${raw.slice(0, 60)}`,
      message: `TalentLMS completion_status "${raw.slice(0, 60)}" on ${count} enrolment(s) was stored as Unknown`
    });
  }
  session.unknownStatuses.clear();
}

export { reportUnknownStatuses };
