import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Harness } from '../harness';

/**
 * The one line `npm run -s emulators -- … --json` prints on stdout once both emulators serve the seed
 * (contracts/emulators-ready.schema.json, generated from this zod schema; a test fails when the committed file
 * differs: regenerate with `node --require ts-node/register emulators/control/readyLine.ts`).
 */
export const READY_SCHEMA_VERSION = 1;
export const READY_JSON_SCHEMA_FILE = 'contracts/emulators-ready.schema.json';

const url = (what: string) =>
  z
    .string()
    .regex(/^http:\/\/127\.0\.0\.1:\d+$/)
    .describe(what);
const secret = (what: string) =>
  z.string().min(16).describe(`${what}; generated per start, valid only there`);

export const ReadyLineSchema = z
  .object({
    schemaVersion: z.literal(READY_SCHEMA_VERSION).describe('Version of this shape'),
    salesforce: z
      .object({
        instanceUrl: url('My Domain URL of the emulated org (TLMS_SF_INSTANCE_URL)'),
        loginUrl: url('Login host (token requests there are refused, as in a real org without My Domain)'),
        clientId: secret('External Client App consumer key'),
        clientSecret: secret('External Client App consumer secret'),
        organizationId: z
          .string()
          .regex(/^00D[a-zA-Z0-9]{15}$/)
          .describe('18-character Organization Id'),
        namespace: z.string().describe("Package namespace ('' for unpackaged)"),
        apiVersion: z
          .string()
          .regex(/^\d+\.0$/)
          .describe('Newest API version served'),
        runAsUsername: z.string().describe('Username of the run-as (integration) user')
      })
      .describe('The Salesforce REST API emulator'),
    talentlms: z
      .object({
        baseUrl: url('Origin of the API: exactly the value for TLMS_BASE_URL'),
        domain: z.string().describe('Portal domain (TLMS_DOMAIN), used in every URL the API returns'),
        apiKey: secret('API key (TLMS_API_KEY)'),
        plan: z
          .object({
            name: z.string(),
            hourlyLimit: z.number().int().positive(),
            burstLimit: z.number().int().positive(),
            burstWindowMs: z.number().int().positive()
          })
          .describe('Rate-limit plan'),
        portalMode: z
          .object({
            signupCreatesInactive: z.boolean(),
            strongPasswords: z.boolean(),
            activeUserLimit: z.number().int().nullable(),
            branchLimit: z.number().int(),
            gamification: z.boolean(),
            dateFormat: z.enum(['DDMMYYYY', 'MMDDYYYY', 'YYYYMMDD'])
          })
          .describe('Portal settings that change API behaviour')
      })
      .describe('The TalentLMS v1 API emulator'),
    control: z.object({ url: url('Control API (emulators/README.md)') }),
    seed: z.object({
      name: z
        .string()
        .describe('demo, demo-linked, <N>, <N>-linked; -r<S> appended for a random seed other than 42'),
      people: z.number().int().positive().describe('Salesforce Users + Contacts'),
      manifest: z.string().describe('Absolute path of emulators/seeds/<name>.manifest.json')
    }),
    env: z
      .object({
        TLMS_SF_INSTANCE_URL: z.string(),
        TLMS_SF_CLIENT_ID: z.string(),
        TLMS_SF_CLIENT_SECRET: z.string(),
        TLMS_DOMAIN: z.string(),
        TLMS_API_KEY: z.string(),
        TLMS_BASE_URL: z.string(),
        TLMS_ALLOW_LOOPBACK: z.literal('1')
      })
      .describe('The runner environment for these emulators, ready to export')
  })
  .describe('Emulator harness ready line');

export type ReadyLine = z.infer<typeof ReadyLineSchema>;

/** The `{"error":{code,message}}` line printed (exit 2) when the harness cannot start. */
export interface StartupFailure {
  error: { code: string; message: string };
}

export function readyLineOf(harness: Harness): ReadyLine {
  const sf = harness.salesforce;
  const tl = harness.talentlms;
  const { plan, portal } = tl.settings;
  return {
    schemaVersion: READY_SCHEMA_VERSION,
    salesforce: {
      instanceUrl: sf.instanceUrl,
      loginUrl: sf.loginUrl,
      clientId: sf.clientId,
      clientSecret: sf.clientSecret,
      organizationId: sf.organizationId,
      namespace: sf.namespace,
      apiVersion: sf.apiVersion,
      runAsUsername: sf.runAsUsername
    },
    talentlms: {
      baseUrl: tl.baseUrl,
      domain: tl.domain,
      apiKey: tl.apiKey,
      plan: { ...plan },
      portalMode: {
        signupCreatesInactive: portal.signupCreatesInactive,
        strongPasswords: portal.strongPasswords,
        activeUserLimit: portal.activeUserLimit,
        branchLimit: portal.branchLimit,
        gamification: portal.gamification,
        dateFormat: portal.dateFormat
      }
    },
    control: { url: harness.control?.url ?? '' },
    seed: { name: harness.seed.name, people: harness.seed.people, manifest: harness.manifestPath ?? '' },
    env: { ...harness.env }
  };
}

export function buildReadyJsonSchema(): Record<string, unknown> {
  const { $schema, ...generated } = z.toJSONSchema(ReadyLineSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'throw'
  }) as Record<string, unknown>;
  return {
    $schema,
    title: `Emulator harness ready line, schemaVersion ${READY_SCHEMA_VERSION}`,
    $comment:
      'Generated from emulators/control/readyLine.ts (node --require ts-node/register emulators/control/readyLine.ts); do not edit by hand. Printed once on stdout by `npm run -s emulators -- --seed <demo|N> [--linked] --json`; emulators/README.md documents it.',
    ...generated
  };
}

export function readyJsonSchemaText(): string {
  return `${JSON.stringify(buildReadyJsonSchema(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(join(__dirname, '..', '..', READY_JSON_SCHEMA_FILE), readyJsonSchemaText());
}
