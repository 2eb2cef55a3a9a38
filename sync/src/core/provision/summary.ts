import {
  MAX_SAMPLES_PER_ACTION,
  PLAN_ACTIONS,
  PLAN_SCHEMA_VERSION,
  type PlanAction,
  type PlanResult,
  type PlanSample
} from '../planResult';
import type { PersonPlan, ProvisionPlan } from './planTypes';

/**
 * The plan as `tlms-sync plan` stores it (contracts/plan.schema.json): people per action, exclusions per
 * reason, up to 20 samples per action, the circuit-breaker verdict and the branch-limit check. A person
 * counts once under each action that applies (a moved learner can be both "update" and "branch").
 */
export function actionsOf(person: PersonPlan): PlanAction[] {
  const actions = new Set<PlanAction>();
  if (person.outcome === 'exclude') actions.add('exclude');
  if (person.outcome === 'needsReview') actions.add('needsReview');
  for (const op of person.ops) {
    if (op.op === 'signup') {
      actions.add('create');
      if (op.group) actions.add('group');
      if (op.branch) actions.add('branch');
    }
    if (op.op === 'edit') actions.add('update');
    if (op.op === 'activate') actions.add('activate');
    if (op.op === 'deactivate') actions.add('deactivate');
    if (op.op === 'joinGroup' || op.op === 'leaveGroup') actions.add('group');
    if (op.op === 'joinBranch' || op.op === 'leaveBranch') actions.add('branch');
  }
  return [...actions];
}

export interface PlanSummaryInput {
  plan: ProvisionPlan;
  computedAt: number;
  settings: { source: 'active' | 'draft'; version: number | null; hash: string | null };
  population: {
    salesforceUsers: number;
    salesforceContacts: number;
    inScope: number;
    talentlmsUsers: number;
  };
  /** Extra exclusion counts (people the base filter or the filter left out, counted by the reader). */
  exclusions?: Record<string, number>;
}

export function planTotals(plan: ProvisionPlan): Record<PlanAction, number> {
  const totals = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, 0])) as Record<PlanAction, number>;
  for (const person of plan.people) for (const action of actionsOf(person)) totals[action] += 1;
  return totals;
}

function sample(person: PersonPlan): PlanSample {
  return {
    salesforceId: person.salesforceId.slice(0, 18),
    name: person.name.slice(0, 255),
    personType: person.personType,
    talentlmsUserId: person.talentlmsUserId ?? person.learner.talentlmsUserId,
    detail: person.detail.slice(0, 255)
  };
}

export function summarisePlan(input: PlanSummaryInput): PlanResult {
  const { plan } = input;
  const samples = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, [] as PlanSample[]])) as Record<
    PlanAction,
    PlanSample[]
  >;
  for (const person of plan.people) {
    for (const action of actionsOf(person)) {
      if (samples[action].length < MAX_SAMPLES_PER_ACTION) samples[action].push(sample(person));
    }
  }
  const totals = planTotals(plan);
  const exclusions: Record<string, number> = { ...(input.exclusions ?? {}) };
  for (const [reason, count] of Object.entries(plan.exclusions))
    exclusions[reason] = (exclusions[reason] ?? 0) + count;
  const cb = plan.circuitBreaker;
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    computedAt: new Date(input.computedAt).toISOString(),
    settings: input.settings,
    population: input.population,
    totals,
    exclusions,
    samples,
    circuitBreaker: { ...cb },
    branches: plan.branchCheck
      ? {
          needed: plan.branchCheck.needed,
          existing: plan.branchCheck.existing,
          limit: plan.branchCheck.limit
        }
      : null,
    // Set by boundPlanSize when the size bound cuts samples; totals above 20 are expected, not truncation.
    truncated: false
  };
}
