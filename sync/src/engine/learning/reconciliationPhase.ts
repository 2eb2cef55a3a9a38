import { advanceCursor, readCursor, sliceCount, startSlice, writeCursor } from '../../core/learning';
import type { Phase, RunContext } from '../phase';
import { learningEnabled, reportUnknownStatuses } from './timelinePhase';
import { sessionOf } from './session';
import { syncLearners } from './syncLearners';

/**
 * Phase 'reconciliation': a slice of learners every run, re-read in full (`users/id`) and compared with what
 * Salesforce holds, so anything the increments missed — an enrolment removed without a timeline event, a lost
 * overflow — is fixed within one cycle (`learning.reconciliationCycleDays`). `run --full`, the Setup tab's flag,
 * or the very first learning run (no watermarks) asks for a full pass, taken within the budget share and
 * continued by the next runs until the cycle ends. The cursor is staged after each written slice.
 */
const SLICE_BATCH = 200;
/** TalentLMS calls kept back for the phases of the next run inside the same hour. */
const RESERVE = 25;

function allowance(ctx: RunContext): number {
  const { used, limit } = ctx.quota.snapshot();
  if (used === null || limit === null) return 0;
  return Math.max(0, Math.floor(limit * ctx.settings.budgets.talentlmsShare) - used - RESERVE);
}

const iso = (ms: number) => new Date(ms).toISOString();

export const reconciliationPhase: Phase = {
  name: 'reconciliation',
  label: 'Learning: reconciliation slice',
  shouldRun: learningEnabled,
  async run(ctx) {
    const session = sessionOf(ctx);
    const flag = ctx.state.get('FullReconciliationRequested') === true;
    const requestedAt = Date.parse(String(ctx.state.get('FullReconciliationRequestedAt') ?? ''));
    const startedRaw = ctx.state.get('ReconciliationCycleStartedAt');
    const cycleStartedAt = typeof startedRaw === 'string' ? Date.parse(startedRaw) : NaN;
    const cursor = readCursor(ctx.state.get('ReconciliationCursor'));
    const full = Boolean(ctx.options.full) || flag || session.initial;
    // A new request (CLI, or a flag newer than the cycle) starts the pass over; a pass in progress continues.
    const restart =
      Boolean(ctx.options.full) ||
      (flag &&
        !Number.isNaN(requestedAt) &&
        (Number.isNaN(cycleStartedAt) || requestedAt > cycleStartedAt)) ||
      (session.initial && cursor.after === null);
    const now = ctx.clock.now();
    const cycleMs = ctx.settings.learning.reconciliationCycleDays * 86_400_000;
    const plan = startSlice({
      cursor,
      cycleStartedAt: Number.isNaN(cycleStartedAt) ? null : cycleStartedAt,
      now,
      cycleMs,
      full,
      restart,
      maxCount: allowance(ctx)
    });
    let position = plan.cursor;
    if (plan.needsCount) position = { ...position, total: await session.learners.count() };
    let remaining = sliceCount(position, plan.cycleStartedAt, {
      now,
      cycleMs,
      full,
      maxCount: allowance(ctx)
    });
    ctx.state.stage({
      ReconciliationCursor: writeCursor(position),
      ReconciliationCycleStartedAt: iso(plan.cycleStartedAt),
      ...(full ? { FullReconciliationRequested: true } : {})
    });
    while (remaining > 0) {
      const asked = Math.min(SLICE_BATCH, remaining);
      const learners = await session.learners.after(position.after, asked);
      await syncLearners(session, learners, 'reconciliation');
      position = advanceCursor(position, learners.length, asked, learners.at(-1)?.tlUserId ?? null);
      remaining -= asked;
      if (learners.length < asked) remaining = 0;
      ctx.state.stage({ ReconciliationCursor: writeCursor(position) });
    }
    const cycleDone = position.total !== null && position.done >= position.total;
    if (full && cycleDone) ctx.state.stage({ FullReconciliationRequested: false });
    reportUnknownStatuses(session);
    ctx.logger.info('Reconciliation slice done', { ...position, full, cycleDone });
  }
};
