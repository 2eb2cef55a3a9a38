/**
 * The rolling reconciliation: every learner is re-read once per cycle (default 7 days), a slice each run, in
 * a stable order (Salesforce id) from a cursor kept in SyncState__c. The slice is proportional to the time
 * elapsed in the cycle, so the cycle length holds whatever the schedule (hourly, daily, irregular). A full
 * pass (`run --full`, or the Setup tab's flag) takes everyone left in the cycle, within `maxCount`.
 */
export interface SliceInput {
  /** Learner keys in ascending order. */
  ordered: string[];
  /** Last key reconciled in the current cycle, or null at a cycle's start. */
  cursor: string | null;
  cycleStartedAt: number | null;
  now: number;
  cycleMs: number;
  full: boolean;
  /** Upper bound for this run (the budget share left for reconciliation). */
  maxCount: number;
}

export interface Slice {
  keys: string[];
  /** Cursor to commit once the slice has been written. */
  cursor: string | null;
  cycleStartedAt: number;
  /** The slice reached the end: the next run starts a new cycle. */
  cycleComplete: boolean;
}

export function planSlice(input: SliceInput): Slice {
  const { ordered, now } = input;
  let start = input.cycleStartedAt ?? now;
  let position = input.cursor === null ? 0 : firstAfter(ordered, input.cursor);
  if (position >= ordered.length && input.cursor !== null) {
    // The previous cycle ended; a new one starts now.
    start = now;
    position = 0;
  }
  const elapsed = Math.max(0, now - start);
  const fraction = input.cycleMs <= 0 ? 1 : Math.min(1, elapsed / input.cycleMs);
  const target = input.full ? ordered.length : Math.ceil(fraction * ordered.length);
  const count = Math.max(0, Math.min(target - position, Math.max(0, input.maxCount)));
  const keys = ordered.slice(position, position + count);
  const end = position + keys.length;
  const cursor = keys.length > 0 ? keys[keys.length - 1] : position === 0 ? null : ordered[position - 1];
  return { keys, cursor, cycleStartedAt: start, cycleComplete: end >= ordered.length && ordered.length > 0 };
}

/** Index of the first key greater than `cursor` (binary search). */
function firstAfter(ordered: string[], cursor: string): number {
  let lo = 0;
  let hi = ordered.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ordered[mid] <= cursor) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
