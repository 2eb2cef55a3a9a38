import type { Phase } from '../phase';
import { courseScanPhase } from './courseScanPhase';
import { reconciliationPhase } from './reconciliationPhase';
import { learnersPhase, timelinePhase } from './timelinePhase';

/**
 * The learning back-sync (DESIGN.md "One run of the runner", step 4), as four phases so `calls.byPhase`
 * reports each: timeline → learners (incremental) → courseScan (cadence / overflow) → reconciliation (slice).
 */
export function learningPhases(): Phase[] {
  return [timelinePhase, learnersPhase, courseScanPhase, reconciliationPhase];
}

export { sessionOf } from './session';
