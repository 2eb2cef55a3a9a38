import type { z } from 'zod';
import { type Settings, SettingsReadSchema, SettingsSchema, SETTINGS_SCHEMA_VERSION } from './schema';

/** One problem in a settings document: where (JSON path) and what to do about it. */
export interface SettingsIssue {
  path: (string | number)[];
  message: string;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; issues: SettingsIssue[] };

/**
 * Messages that say what to do where zod's defaults only say what is wrong; every other issue keeps zod's
 * message (which names the expected type, option list or bound).
 */
const guidance: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return `Unknown option${issue.keys.length > 1 ? 's' : ''} ${keys}: check the spelling against docs/settings.md, or remove it.`;
  }
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
    return 'Missing: a complete document has every option (see docs/settings.md for its default).';
  }
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'Use a whole number.';
  return undefined;
};

function toIssues(error: z.ZodError): SettingsIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
    message: issue.message
  }));
}

function parseJson(json: string): { ok: true; value: unknown } | { ok: false; issues: SettingsIssue[] } {
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (error) {
    return {
      ok: false,
      issues: [{ path: [], message: `Settings are not valid JSON: ${(error as Error).message}` }]
    };
  }
}

/** Strict validation of a complete document (what a writer checks before saving a draft). */
export function validateSettings(document: unknown): SettingsResult {
  const result = SettingsSchema.safeParse(document, { error: guidance });
  return result.success ? { ok: true, settings: result.data } : { ok: false, issues: toIssues(result.error) };
}

/**
 * Reads a stored document as the runner does: defaults for missing keys, unknown keys ignored, every rule
 * otherwise enforced. A document from a newer schemaVersion is refused rather than half understood.
 */
export function readSettings(json: string): SettingsResult {
  const parsed = parseJson(json);
  if (!parsed.ok) return parsed;
  const version = (parsed.value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SETTINGS_SCHEMA_VERSION) {
    return {
      ok: false,
      issues: [
        {
          path: ['schemaVersion'],
          message: `Settings use schemaVersion ${version}, newer than this runner understands (${SETTINGS_SCHEMA_VERSION}); upgrade the runner.`
        }
      ]
    };
  }
  const result = SettingsReadSchema.safeParse(parsed.value, { error: guidance });
  return result.success ? { ok: true, settings: result.data } : { ok: false, issues: toIssues(result.error) };
}

/** "users.filter.conditions[0].operator" */
export function formatSettingsPath(path: SettingsIssue['path']): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`;
  return text === '' ? '(document)' : text;
}

/** All issues as one readable block, one line each. */
export function formatSettingsIssues(issues: SettingsIssue[]): string {
  return issues.map((issue) => `${formatSettingsPath(issue.path)}: ${issue.message}`).join('\n');
}
