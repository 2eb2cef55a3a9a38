import { PLAN_ACTIONS, type PlanResult, type PlanSample } from '../../src/core/planResult';

export function samplePerson(i: number): PlanSample {
  return {
    salesforceId: `0035g00000AB${String(i).padStart(4, '0')}AA`,
    name: `Person ${i}`,
    personType: 'Contact',
    talentlmsUserId: null,
    detail: 'new learner'
  };
}

/** A valid plan with `samples` people listed under create. */
export function examplePlan(samples = 3): PlanResult {
  const empty = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, []])) as unknown as PlanResult['samples'];
  return {
    schemaVersion: 1,
    computedAt: '2026-01-15T09:00:00.000Z',
    settings: { source: 'draft', version: 4, hash: 'a'.repeat(64) },
    population: { salesforceUsers: 10, salesforceContacts: 20, inScope: 25, talentlmsUsers: 8 },
    totals: {
      create: samples,
      update: 2,
      activate: 0,
      deactivate: 1,
      group: 3,
      branch: 0,
      exclude: 5,
      needsReview: 1
    },
    exclusions: { inactive: 3, userType: 2 },
    samples: { ...empty, create: Array.from({ length: samples }, (_, i) => samplePerson(i)) },
    circuitBreaker: {
      tripped: false,
      deactivations: 1,
      managedActive: 8,
      share: 0.125,
      maxShare: 0.1,
      allowance: 5
    },
    branches: null,
    truncated: false
  };
}
