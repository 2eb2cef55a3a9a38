import type { Phase } from './phase';
import { learningPhases } from './learning';
import { provisionPhase } from './provision/phase';
import { retentionPhase } from './retention';

/**
 * The phases a run executes, in order. Provisioning (part 2: 'provision') and learning back-sync (part 4:
 * 'timeline', 'learners', 'courseScan', 'reconciliation') register here, then retention (part 3: 'retention');
 * see phase.ts for the contract.
 */
export function defaultPhases(): Phase[] {
  return [provisionPhase(), ...learningPhases(), retentionPhase()];
}
