import { z } from 'zod';
import { RUN_SUMMARY_SCHEMA_VERSION, runSummarySchema } from './runSummary';

export const RUN_SUMMARY_JSON_SCHEMA_FILE = 'contracts/run-summary.schema.json';

/**
 * `contracts/run-summary.schema.json`: the run summary as JSON Schema (draft 2020-12), generated from the zod
 * schema by scripts/generate-contracts.ts; a test fails when the committed file differs.
 */
export function buildRunSummaryJsonSchema(): Record<string, unknown> {
  const { $schema, ...generated } = z.toJSONSchema(runSummarySchema, {
    target: 'draft-2020-12',
    unrepresentable: 'throw'
  }) as Record<string, unknown>;
  return {
    $schema,
    title: `tlms-sync run summary, schemaVersion ${RUN_SUMMARY_SCHEMA_VERSION}`,
    $comment:
      'Generated from sync/src/core/runSummary.ts by scripts/generate-contracts.ts (npm run contracts:generate); do not edit by hand. Printed by `tlms-sync <command> --json` (one object per run) and stored in SyncRun__c.Summary__c; docs/cli.md has a full example.',
    ...generated
  };
}
