import { z } from 'zod';
import { SettingsSchema, SETTINGS_SCHEMA_VERSION } from './schema';

export const SETTINGS_JSON_SCHEMA_FILE = 'contracts/settings.schema.json';

/**
 * `contracts/settings.schema.json`: the settings document as JSON Schema (draft 2020-12), generated from the
 * zod schema by scripts/generate-contracts.ts; a test fails when the committed file differs.
 */
export function buildSettingsJsonSchema(): Record<string, unknown> {
  const { $schema, ...generated } = z.toJSONSchema(SettingsSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'throw'
  }) as Record<string, unknown>;
  return {
    $schema,
    title: `TalentLMS connector settings, schemaVersion ${SETTINGS_SCHEMA_VERSION}`,
    $comment:
      'Generated from sync/src/settings/schema.ts by scripts/generate-contracts.ts (npm run contracts:generate); do not edit by hand. Rules beyond JSON Schema (custom filter logic, one Salesforce field per TalentLMS field) are enforced by zod and the Apex validator: docs/settings.md.',
    ...generated
  };
}
