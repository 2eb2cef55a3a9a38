import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { CONTRACTS, renderContract } from '../../scripts/generate-contracts';
import { PLAN_JSON_SCHEMA_FILE } from '../src/core/planJsonSchema';
import { boundPlanSize, MAX_SAMPLES_PER_ACTION, planResultSchema } from '../src/core/planResult';
import { examplePlan } from './support/plans';

const REPO = join(__dirname, '..', '..');

describe('plan result contract', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(REPO, PLAN_JSON_SCHEMA_FILE), 'utf8')));

  it('contracts/plan.schema.json is what the generator writes from zod', async () => {
    const contract = CONTRACTS.find((entry) => entry.file === PLAN_JSON_SCHEMA_FILE);
    assert.ok(contract, 'scripts/generate-contracts.ts lists the plan');
    assert.equal(readFileSync(join(REPO, PLAN_JSON_SCHEMA_FILE), 'utf8'), await renderContract(contract));
  });

  it('accepts a plan in both zod and the JSON Schema, and rejects more than 20 samples an action', () => {
    const plan = examplePlan(3);
    assert.ok(planResultSchema.safeParse(plan).success);
    assert.ok(validate(plan), JSON.stringify(validate.errors));
    const tooMany = examplePlan(MAX_SAMPLES_PER_ACTION + 1);
    assert.equal(planResultSchema.safeParse(tooMany).success, false);
    assert.equal(validate(tooMany), false);
  });

  it('bounds the size by dropping samples, never totals or verdicts', () => {
    const plan = examplePlan(20);
    for (const sample of plan.samples.create) sample.detail = 'x'.repeat(255);
    const limit = JSON.stringify(plan).length - 2_000;
    const bounded = boundPlanSize(plan, limit);
    assert.ok(JSON.stringify(bounded).length <= limit);
    assert.equal(bounded.truncated, true);
    assert.ok(bounded.samples.create.length < 20);
    assert.deepEqual(bounded.totals, plan.totals);
    assert.deepEqual(bounded.circuitBreaker, plan.circuitBreaker);
    assert.equal(boundPlanSize(examplePlan(2)).truncated, false, 'a small plan is untouched');
  });
});
