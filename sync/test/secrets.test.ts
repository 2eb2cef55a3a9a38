import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Phase } from '../src/engine/phase';
import { cli, startWorld, type World } from './support/world';

/**
 * Secrets never appear in logs, errors, --json output or records: every command runs (check, run, plan,
 * daemon, rebind; debug logging on, successes and failures, the config file path and access-token mode too), and all output plus every record in the Salesforce
 * emulator is scanned for the configured secrets and for any Salesforce access token.
 */
describe('secrets never leak', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(() => world.close());

  it('in any output or record of any command', async () => {
    const outputs: string[] = [];
    const debug = { TLMS_LOG_LEVEL: 'debug' };
    // A phase that hits errors whose messages could echo a request (a 401 and a TalentLMS error).
    const noisy: Phase = {
      name: 'provision',
      label: 'noisy',
      async run(ctx) {
        world.sf.expireTokens();
        await ctx.sf.query(`SELECT Id FROM ${ctx.schema.Learner.name}`);
        try {
          await ctx.tl.post('edituser', { user_id: 999999, password: world.tl.apiKey });
        } catch (error) {
          ctx.issues.report({
            code: 'TALENTLMS_REQUEST_FAILED',
            action: 'update',
            subject: '0055g00000SECRETAAA',
            message: `${(error as Error).message} with key ${world.tl.apiKey}`
          });
          ctx.logger.error('request failed', { error, apiKey: world.tl.apiKey });
        }
      }
    };
    const dir = mkdtempSync(join(tmpdir(), 'tlms-secrets-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify(world.env));
    chmodSync(file, 0o600);
    // Access-token mode (scratch-org CI): a token as `sf org display --json` prints it.
    const tokenResponse = await fetch(`${world.sf.instanceUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: world.sf.clientId,
        client_secret: world.sf.clientSecret
      })
    });
    const { access_token: accessToken } = (await tokenResponse.json()) as { access_token: string };
    assert.ok(accessToken, 'the emulator issued a token for access-token mode');
    const tokenMode = {
      ...debug,
      TLMS_SF_ACCESS_TOKEN: accessToken,
      TLMS_SF_CLIENT_ID: undefined,
      TLMS_SF_CLIENT_SECRET: undefined
    };
    const runs: [string[], Record<string, string | undefined>, Phase[]][] = [
      [['check'], debug, []],
      [['check', '--json'], debug, []],
      [['run'], debug, [noisy]],
      [['run', '--json'], debug, [noisy]],
      [['plan', '--json'], debug, []],
      [
        ['run', '--json', '--config', file],
        { ...debug, TLMS_SF_CLIENT_SECRET: undefined, TLMS_API_KEY: undefined },
        []
      ],
      [['run', '--json'], { ...debug, TLMS_SF_INSTANCE_URL: 'https://login.salesforce.com' }, []],
      [['run', '--json'], { ...debug, TLMS_SF_CLIENT_ID: 'unknown-client' }, []],
      [['check', '--json'], { ...debug, TLMS_BASE_URL: 'http://127.0.0.1:9' }, []],
      [['run', '--json'], tokenMode, [noisy]],
      [['daemon', '--json', '--interval', '1s', '--runs', '1'], debug, [noisy]],
      // Last: it unbinds the org, which the runs above need.
      [['rebind', '--json', '--yes'], debug, []]
    ];
    for (const [args, env, phases] of runs) {
      const result = await cli(world, args, { env, phases });
      outputs.push(`${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
    }
    const records = world.sf.schema
      .all()
      .filter((object) => object.name.startsWith('tlms__'))
      .flatMap((object) => world.sf.store.all(object.name, { includeDeleted: true }));
    assert.ok(records.length >= 8, 'runs, issues, state and settings records were written and are scanned');
    const haystack = `${outputs.join('\n')}\n${JSON.stringify(records)}`;
    assert.match(haystack, /\[redacted\]/, 'the noisy phase did try to print secrets');
    const secrets = {
      'client secret': world.sf.clientSecret,
      'API key': world.tl.apiKey,
      'Basic credentials': Buffer.from(`${world.tl.apiKey}:`).toString('base64')
    };
    for (const [name, secret] of Object.entries(secrets)) {
      assert.equal(haystack.includes(secret), false, `the ${name} appears in the output or records`);
    }
    const token = new RegExp(`${world.sf.organizationId.slice(0, 15)}![A-Za-z0-9_-]{20,}`);
    assert.doesNotMatch(haystack, token, 'an access token appears in the output or records');
    assert.equal(haystack.includes(accessToken), false, 'the access-token mode token appears');
    assert.match(haystack, /^rebind --json --yes$/m, 'rebind ran and was scanned');
  });
});
