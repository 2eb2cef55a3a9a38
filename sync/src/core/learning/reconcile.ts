/**
 * The rolling reconciliation: every learner is re-read once per cycle (default 7 days), a slice each run, in
 * a stable order from a cursor kept in SyncState__c.ReconciliationCursor__c. The slice is proportional to the
 * time elapsed in the cycle, so the cycle length holds whatever the schedule (hourly, daily, irregular). A
 * full pass (`run --full`, or the Setup tab's flag) takes everyone left in the cycle, within `maxCount`.
 */
export interface CycleCursor {
  /** Key (TalentLMS user id) of the last learner reconciled in this cycle, or null at a cycle's start. */
  after: string | null;
  /** Learners reconciled so far in this cycle. */
  done: number;
  /** Learners in scope when the cycle started (null: not counted yet). */
  total: number | null;
}

export const EMPTY_CURSOR: CycleCursor = { after: null, done: 0, total: null };

/** ReconciliationCursor__c holds `{"after":…,"done":…,"total":…}` (≤ 255 characters). */
export function readCursor(value: unknown): CycleCursor {
  if (typeof value !== 'string' || value.trim() === '') return { ...EMPTY_CURSOR };
  try {
    const parsed = JSON.parse(value) as Partial<CycleCursor>;
    return {
      after: typeof parsed.after === 'string' ? parsed.after : null,
      done: typeof parsed.done === 'number' && parsed.done >= 0 ? parsed.done : 0,
      total: typeof parsed.total === 'number' && parsed.total >= 0 ? parsed.total : null
    };
  } catch {
    return { ...EMPTY_CURSOR };
  }
}

export function writeCursor(cursor: CycleCursor): string {
  return JSON.stringify(cursor);
}

export interface SliceInput {
  cursor: CycleCursor;
  cycleStartedAt: number | null;
  now: number;
  cycleMs: number;
  /** A full pass was asked for. */
  full: boolean;
  /** Start the cycle over (a new full pass). */
  restart: boolean;
  /** Upper bound for this run (the budget share left for reconciliation). */
  maxCount: number;
}

export interface SlicePlan {
  /** The cursor the slice starts from (reset when a new cycle starts). */
  cursor: CycleCursor;
  cycleStartedAt: number;
  /** True when the cursor was reset. */
  newCycle: boolean;
  /** The learners in scope must be counted (`cursor.total`): a new cycle, or a cursor that never had one. */
  needsCount: boolean;
}

/** Decides whether a new cycle starts; call `sliceCount` once `cursor.total` is known. */
export function startSlice(input: SliceInput): SlicePlan {
  const finished = input.cursor.total !== null && input.cursor.done >= input.cursor.total;
  if (input.restart || input.cycleStartedAt === null || finished) {
    return { cursor: { ...EMPTY_CURSOR }, cycleStartedAt: input.now, newCycle: true, needsCount: true };
  }
  return {
    cursor: { ...input.cursor },
    cycleStartedAt: input.cycleStartedAt,
    newCycle: false,
    needsCount: input.cursor.total === null
  };
}

export function sliceCount(
  cursor: CycleCursor,
  cycleStartedAt: number,
  input: Pick<SliceInput, 'now' | 'cycleMs' | 'full' | 'maxCount'>
): number {
  const total = cursor.total ?? 0;
  const elapsed = Math.max(0, input.now - cycleStartedAt);
  const fraction = input.cycleMs <= 0 ? 1 : Math.min(1, elapsed / input.cycleMs);
  const target = input.full ? total : Math.ceil(fraction * total);
  return Math.max(0, Math.min(target - cursor.done, Math.floor(input.maxCount)));
}

/** After a slice was written: `taken` learners up to `lastId`; fewer than asked means the end was reached. */
export function advanceCursor(
  cursor: CycleCursor,
  taken: number,
  asked: number,
  lastId: string | null
): CycleCursor {
  const done = cursor.done + taken;
  const reachedEnd = taken < asked;
  const total = cursor.total ?? done;
  return {
    after: lastId ?? cursor.after,
    done: reachedEnd ? Math.max(done, total) : done,
    total: reachedEnd ? Math.max(done, total) : total
  };
}
