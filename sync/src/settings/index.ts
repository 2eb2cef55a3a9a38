/**
 * The settings contract (contracts/settings.schema.json, docs/settings.md). Import from here; the runner,
 * the Apex fixture generator and the emulator seeds rely on these names staying put.
 */
export * from './schema';
export * from './operators';
export { DEFAULT_SETTINGS, defaultSettings } from './defaults';
export { hashSettingsJson, serializeSettings } from './hash';
export { classifySettingsChange } from './risk';
export type { ChangeRisk, RiskReason, OptionChange, SettingsChangeReport } from './risk';
export {
  validateSettings,
  readSettings,
  formatSettingsIssues,
  formatSettingsPath,
  type SettingsIssue,
  type SettingsResult
} from './parse';
export {
  parseCustomFilterLogic,
  filterLogicTree,
  FILTER_LOGIC_PATTERN,
  type FilterLogicNode,
  type FilterLogicResult
} from './filterLogic';
export { buildSettingsJsonSchema, SETTINGS_JSON_SCHEMA_FILE } from './jsonSchema';
