import { z } from 'zod';
import { LOG_LEVELS } from '../core/logger';

/**
 * The runner's configuration as it arrives: environment variables, or the same names as keys of a JSON
 * config file (docs/cli.md "Configuration"). Every field says what it is, so one error can explain them all.
 */
const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true');
const text = z.string().trim().min(1);

export const rawConfigSchema = z.object({
  TLMS_SF_INSTANCE_URL: text.describe(
    "the org's My Domain URL, e.g. https://acme.my.salesforce.com (Setup → My Domain)"
  ),
  TLMS_SF_CLIENT_ID: text.optional().describe("the External Client App's consumer key"),
  TLMS_SF_CLIENT_SECRET: text.optional().describe("the External Client App's consumer secret"),
  TLMS_SF_ACCESS_TOKEN: text
    .optional()
    .describe('an access token instead of client credentials (scratch-org CI: `sf org display --json`)'),
  TLMS_SF_NAMESPACE: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,14}$|^$/, 'a namespace prefix (letters and digits), or empty for none')
    .optional()
    .describe('the package namespace; discovered at preflight when unset, empty for an unpackaged deploy'),
  TLMS_SF_API_VERSION: z
    .string()
    .regex(/^\d{2,3}\.0$/, 'a version like 65.0')
    .optional()
    .describe('REST API version; defaults to sfdx-project.json sourceApiVersion'),
  TLMS_DOMAIN: text.describe('the TalentLMS portal host, e.g. acme.talentlms.com'),
  TLMS_API_KEY: text.describe('the TalentLMS API key (Account & Settings → Integrations → API)'),
  TLMS_BASE_URL: text
    .optional()
    .describe('the TalentLMS origin, for emulators; defaults to https://<TLMS_DOMAIN>'),
  TLMS_ALLOW_LOOPBACK: flag.describe(
    '1 accepts http(s) on 127.0.0.1/localhost for both services (emulators)'
  ),
  TLMS_ALLOW_SANDBOX: flag.describe('1 allows binding a sandbox org'),
  TLMS_LOG_LEVEL: z.enum(LOG_LEVELS).optional().describe('debug, info (default), warn, error or silent'),
  TLMS_LOCK_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(86_400)
    .optional()
    .describe('how long a lock lives without a heartbeat (default 1800)'),
  TLMS_SF_BULK_QUERY_ROWS: z.coerce
    .number()
    .int()
    .min(2_000)
    .optional()
    .describe('queries returning more rows than this are read with Bulk API 2.0 (default 10000)'),
  TLMS_SF_BULK_WRITE_ROWS: z.coerce
    .number()
    .int()
    .min(200)
    .optional()
    .describe('writes of at least this many records use Bulk API 2.0 (default 2000)'),
  TLMS_DAEMON_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(1_440)
    .optional()
    .describe('daemon: minutes between run starts (default 60; --interval overrides)')
});

/** Client credentials are required unless an access token is given (checked apart so every gap is listed). */
export function credentialProblems(
  values: Record<string, string | undefined>
): { key: string; message: string }[] {
  if (values.TLMS_SF_ACCESS_TOKEN) return [];
  const problems: { key: string; message: string }[] = [];
  if (!values.TLMS_SF_CLIENT_ID?.trim()) {
    problems.push({
      key: 'TLMS_SF_CLIENT_ID',
      message: "required: the External Client App's consumer key (or set TLMS_SF_ACCESS_TOKEN)"
    });
  }
  if (!values.TLMS_SF_CLIENT_SECRET?.trim()) {
    problems.push({
      key: 'TLMS_SF_CLIENT_SECRET',
      message: "required: the External Client App's consumer secret (or set TLMS_SF_ACCESS_TOKEN)"
    });
  }
  return problems;
}

export type RawConfig = z.infer<typeof rawConfigSchema>;
export const CONFIG_KEYS = Object.keys(rawConfigSchema.shape) as (keyof RawConfig)[];
export const SECRET_CONFIG_KEYS = ['TLMS_SF_CLIENT_SECRET', 'TLMS_SF_ACCESS_TOKEN', 'TLMS_API_KEY'] as const;
