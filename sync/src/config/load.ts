import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { ConfigError } from '../core/errors';
import type { LogLevel } from '../core/logger';
import { redactor as defaultRedactor, type Redactor } from '../core/redact';
import { readProjectApiVersion } from './apiVersion';
import {
  CONFIG_KEYS,
  credentialProblems,
  rawConfigSchema,
  SECRET_CONFIG_KEYS,
  type RawConfig
} from './schema';
import { checkSalesforceInstanceUrl, checkTalentLmsBaseUrl, checkTalentLmsDomain } from './urls';

export type SalesforceAuth =
  | { kind: 'clientCredentials'; clientId: string; clientSecret: string }
  | { kind: 'accessToken'; accessToken: string };

export interface RunnerConfig {
  salesforce: {
    instanceUrl: string;
    auth: SalesforceAuth;
    /** undefined: discover at preflight; '' : no namespace (unpackaged deploy). */
    namespace: string | undefined;
    apiVersion: string;
  };
  talentlms: { domain: string; baseUrl: string; apiKey: string };
  allowLoopback: boolean;
  allowSandbox: boolean;
  logLevel: LogLevel;
  lockTtlMs: number;
  /** Bulk API 2.0 thresholds given in the configuration (the adapter has defaults for the rest). */
  bulk?: { queryRows?: number; writeRows?: number };
  /** `tlms-sync daemon`: time between run starts. */
  daemonIntervalMs?: number;
  /** Things to tell the user that did not stop anything (trailing slash removed…). */
  warnings: string[];
  /** The config file used, if any. */
  file: string | undefined;
}

export const DEFAULT_CONFIG_FILE = 'tlms-sync.config.json';
const DEFAULT_LOCK_TTL_MS = 30 * 60 * 1000;
const DEFAULT_DAEMON_INTERVAL_MINUTES = 60;

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** --config <file>; otherwise TLMS_CONFIG_FILE, otherwise ./tlms-sync.config.json when it exists. */
  configPath?: string;
  cwd?: string;
  redactor?: Redactor;
  projectRoot?: string;
}

/** Reads the config file (after checking its permissions) and the environment; environment wins. */
export function loadConfig(options: LoadConfigOptions = {}): RunnerConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const redactor = options.redactor ?? defaultRedactor;

  const explicit = options.configPath ?? env.TLMS_CONFIG_FILE;
  const file = explicit ? resolve(cwd, explicit) : defaultFileIfPresent(cwd);
  const fromFile = file ? readConfigFile(file, Boolean(explicit)) : {};

  const merged: Record<string, string | undefined> = {};
  for (const key of CONFIG_KEYS) {
    // An empty variable counts as unset, except the namespace, where empty means "no namespace".
    const fromEnv = env[key] !== undefined && (env[key] !== '' || key === 'TLMS_SF_NAMESPACE');
    const value = fromEnv ? env[key] : fromFile[key];
    if (value !== undefined) merged[key] = value;
  }
  // Register secrets before validation, so even a message that echoes a value cannot leak one.
  for (const key of SECRET_CONFIG_KEYS) redactor.add(merged[key]);

  const parsed = rawConfigSchema.safeParse(merged);
  const credentials = credentialProblems(merged).map((p) => `${p.key}: ${p.message}`);
  if (!parsed.success || credentials.length > 0) {
    const lines = [...(parsed.success ? [] : problemLines(parsed.error)), ...credentials].sort(byKeyOrder);
    throw new ConfigError('CONFIG_INVALID', `The configuration is invalid:\n  - ${lines.join('\n  - ')}`, {
      data: { problems: lines }
    });
  }
  return resolveConfig(parsed.data, file, options.projectRoot);
}

function resolveConfig(raw: RawConfig, file: string | undefined, projectRoot?: string): RunnerConfig {
  const allowLoopback = raw.TLMS_ALLOW_LOOPBACK;
  const instance = checkSalesforceInstanceUrl(raw.TLMS_SF_INSTANCE_URL, allowLoopback);
  const domain = checkTalentLmsDomain(raw.TLMS_DOMAIN);
  const base = checkTalentLmsBaseUrl(raw.TLMS_BASE_URL, domain.domain, allowLoopback);
  const auth: SalesforceAuth = raw.TLMS_SF_ACCESS_TOKEN
    ? { kind: 'accessToken', accessToken: raw.TLMS_SF_ACCESS_TOKEN }
    : {
        kind: 'clientCredentials',
        clientId: raw.TLMS_SF_CLIENT_ID as string,
        clientSecret: raw.TLMS_SF_CLIENT_SECRET as string
      };
  return {
    salesforce: {
      instanceUrl: instance.url,
      auth,
      namespace: raw.TLMS_SF_NAMESPACE,
      apiVersion: raw.TLMS_SF_API_VERSION ?? readProjectApiVersion(projectRoot)
    },
    talentlms: { domain: domain.domain, baseUrl: base.url, apiKey: raw.TLMS_API_KEY },
    allowLoopback,
    allowSandbox: raw.TLMS_ALLOW_SANDBOX,
    logLevel: raw.TLMS_LOG_LEVEL ?? 'info',
    lockTtlMs: raw.TLMS_LOCK_TTL_SECONDS ? raw.TLMS_LOCK_TTL_SECONDS * 1000 : DEFAULT_LOCK_TTL_MS,
    bulk: {
      ...(raw.TLMS_SF_BULK_QUERY_ROWS ? { queryRows: raw.TLMS_SF_BULK_QUERY_ROWS } : {}),
      ...(raw.TLMS_SF_BULK_WRITE_ROWS ? { writeRows: raw.TLMS_SF_BULK_WRITE_ROWS } : {})
    },
    daemonIntervalMs: (raw.TLMS_DAEMON_INTERVAL_MINUTES ?? DEFAULT_DAEMON_INTERVAL_MINUTES) * 60_000,
    warnings: [...instance.warnings, ...domain.warnings, ...base.warnings],
    file
  };
}

function defaultFileIfPresent(cwd: string): string | undefined {
  const candidate = resolve(cwd, DEFAULT_CONFIG_FILE);
  return existsSync(candidate) ? candidate : undefined;
}

function readConfigFile(file: string, explicit: boolean): Record<string, string> {
  if (!existsSync(file)) {
    throw new ConfigError('CONFIG_FILE_NOT_FOUND', `Config file ${file} does not exist`, {
      data: { file, explicit }
    });
  }
  if (process.platform !== 'win32') {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new ConfigError(
        'CONFIG_FILE_PERMISSIONS',
        `Config file ${file} is readable by others (mode ${mode.toString(8).padStart(3, '0')}); run: chmod 600 ${file}`,
        { data: { file, mode: mode.toString(8) } }
      );
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('CONFIG_FILE_UNREADABLE', `Config file ${file} is not valid JSON`, {
      data: { file, reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown' }
    });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError('CONFIG_FILE_UNREADABLE', `Config file ${file} must hold one JSON object`);
  }
  const out: Record<string, string> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (!(CONFIG_KEYS as string[]).includes(key)) unknown.push(key);
    else if (value !== null && value !== undefined) out[key] = String(value);
  }
  if (unknown.length > 0) {
    throw new ConfigError('CONFIG_INVALID', `Config file ${file} has unknown keys: ${unknown.join(', ')}`, {
      data: { file, unknown }
    });
  }
  return out;
}

const byKeyOrder = (a: string, b: string) =>
  CONFIG_KEYS.indexOf(a.split(':')[0] as keyof RawConfig) -
  CONFIG_KEYS.indexOf(b.split(':')[0] as keyof RawConfig);

/** Every problem as "TLMS_X: what is wrong (what it is)", so one error explains them all. */
function problemLines(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const key = String(issue.path[0] ?? 'config');
    const description = (rawConfigSchema.shape as Record<string, { description?: string }>)[key]?.description;
    const missing = issue.code === 'invalid_type' || (issue.code === 'too_small' && issue.minimum === 1);
    const problem = missing ? 'required' : issue.message;
    return description && !problem.includes(description)
      ? `${key}: ${problem} (${description})`
      : `${key}: ${problem}`;
  });
}
