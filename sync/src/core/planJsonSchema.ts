import { z } from 'zod';
import { PLAN_SCHEMA_VERSION, planResultSchema } from './planResult';

export const PLAN_JSON_SCHEMA_FILE = 'contracts/plan.schema.json';

/** `contracts/plan.schema.json`, generated from zod by scripts/generate-contracts.ts. */
export function buildPlanJsonSchema(): Record<string, unknown> {
  const { $schema, ...generated } = z.toJSONSchema(planResultSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'throw'
  }) as Record<string, unknown>;
  return {
    $schema,
    title: `tlms-sync plan result, schemaVersion ${PLAN_SCHEMA_VERSION}`,
    $comment:
      'Generated from sync/src/core/planResult.ts by scripts/generate-contracts.ts (npm run contracts:generate); do not edit by hand. Stored in SyncRun__c.Plan__c of Plan runs; the serialised document stays within 131,072 characters.',
    ...generated
  };
}
