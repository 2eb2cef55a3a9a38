import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readProjectApiVersion } from '../src/config/apiVersion';
import { loadConfig } from '../src/config/load';
import { checkSalesforceInstanceUrl, checkTalentLmsBaseUrl, checkTalentLmsDomain } from '../src/config/urls';
import { ConfigError } from '../src/core/errors';
import { Redactor } from '../src/core/redact';

const GOOD_ENV = {
  TLMS_SF_INSTANCE_URL: 'https://acme.my.salesforce.com',
  TLMS_SF_CLIENT_ID: 'consumer-key-123',
  TLMS_SF_CLIENT_SECRET: 'consumer-secret-456',
  TLMS_DOMAIN: 'acme.talentlms.com',
  TLMS_API_KEY: 'tlms-api-key-789'
};

function rejectsWith(fn: () => unknown, code: string, message?: RegExp) {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (message) assert.match(error.message, message);
    assert.ok(error.hint && error.hint.length > 0, 'every config error carries a hint');
    assert.equal(error.exitCode, 2);
    return true;
  });
}

describe('Salesforce instance URL rules', () => {
  it('accepts the My Domain forms of production, sandbox, scratch and developer orgs', () => {
    for (const url of [
      'https://acme.my.salesforce.com',
      'https://acme--uat.sandbox.my.salesforce.com',
      'https://power-dream-1234-dev-ed.scratch.my.salesforce.com',
      'https://acme-dev-ed.develop.my.salesforce.com'
    ]) {
      assert.deepEqual(checkSalesforceInstanceUrl(url, false), { url, warnings: [] }, url);
    }
  });

  it('strips a trailing slash with a warning', () => {
    const checked = checkSalesforceInstanceUrl('https://acme.my.salesforce.com/', false);
    assert.equal(checked.url, 'https://acme.my.salesforce.com');
    assert.equal(checked.warnings.length, 1);
    assert.match(checked.warnings[0], /trailing slash/);
  });

  it('refuses login and test hosts and says where the My Domain URL is', () => {
    for (const url of ['https://login.salesforce.com', 'https://test.salesforce.com/']) {
      rejectsWith(() => checkSalesforceInstanceUrl(url, false), 'SF_INSTANCE_URL_LOGIN_HOST', /My Domain/);
      const error = (() => {
        try {
          checkSalesforceInstanceUrl(url, false);
        } catch (e) {
          return e as ConfigError;
        }
      })();
      assert.match(error?.hint ?? '', /Setup → My Domain/);
    }
  });

  it('refuses http, and loopback without TLMS_ALLOW_LOOPBACK', () => {
    rejectsWith(
      () => checkSalesforceInstanceUrl('http://acme.my.salesforce.com', false),
      'SF_INSTANCE_URL_INSECURE'
    );
    rejectsWith(
      () => checkSalesforceInstanceUrl('http://127.0.0.1:4000', false),
      'SF_INSTANCE_URL_INSECURE',
      /TLMS_ALLOW_LOOPBACK=1/
    );
  });

  it('lets the loopback switch relax the rules for 127.0.0.1 and localhost only', () => {
    assert.equal(checkSalesforceInstanceUrl('http://127.0.0.1:4000', true).url, 'http://127.0.0.1:4000');
    assert.equal(checkSalesforceInstanceUrl('http://localhost:4000/', true).url, 'http://localhost:4000');
    rejectsWith(() => checkSalesforceInstanceUrl('http://10.0.0.5:4000', true), 'SF_INSTANCE_URL_INSECURE');
    rejectsWith(
      () => checkSalesforceInstanceUrl('https://example.com', true),
      'SF_INSTANCE_URL_NOT_MY_DOMAIN'
    );
  });

  it('refuses Lightning, classic instance and non-origin URLs', () => {
    rejectsWith(
      () => checkSalesforceInstanceUrl('https://acme.lightning.force.com', false),
      'SF_INSTANCE_URL_NOT_MY_DOMAIN',
      /acme\.my\.salesforce\.com/
    );
    rejectsWith(
      () => checkSalesforceInstanceUrl('https://na42.salesforce.com', false),
      'SF_INSTANCE_URL_NOT_MY_DOMAIN'
    );
    rejectsWith(
      () => checkSalesforceInstanceUrl('https://acme.my.salesforce.com/lightning/page/home', false),
      'SF_INSTANCE_URL_INVALID'
    );
    rejectsWith(() => checkSalesforceInstanceUrl('acme', false), 'SF_INSTANCE_URL_INVALID');
  });
});

describe('TalentLMS URL rules', () => {
  it('normalises the domain and defaults the base URL to https://<domain>', () => {
    const domain = checkTalentLmsDomain('https://Acme.TalentLMS.com/');
    assert.equal(domain.domain, 'acme.talentlms.com');
    assert.equal(domain.warnings.length, 2);
    assert.equal(
      checkTalentLmsBaseUrl(undefined, 'acme.talentlms.com', false).url,
      'https://acme.talentlms.com'
    );
    rejectsWith(() => checkTalentLmsDomain('not a host'), 'TALENTLMS_URL_INVALID');
  });

  it('accepts http only on loopback with the switch', () => {
    assert.equal(
      checkTalentLmsBaseUrl('http://127.0.0.1:5000', 'acme.talentlms.com', true).url,
      'http://127.0.0.1:5000'
    );
    rejectsWith(
      () => checkTalentLmsBaseUrl('http://127.0.0.1:5000', 'acme.talentlms.com', false),
      'TALENTLMS_URL_INSECURE'
    );
    rejectsWith(
      () => checkTalentLmsBaseUrl('http://acme.talentlms.com', 'acme.talentlms.com', true),
      'TALENTLMS_URL_INSECURE'
    );
  });
});

describe('loadConfig', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'tlms-config-'));

  it('reads client credentials from the environment', () => {
    const config = loadConfig({ env: GOOD_ENV, cwd, redactor: new Redactor() });
    assert.deepEqual(config.salesforce.auth, {
      kind: 'clientCredentials',
      clientId: 'consumer-key-123',
      clientSecret: 'consumer-secret-456'
    });
    assert.equal(config.salesforce.namespace, undefined, 'unset namespace means: discover at preflight');
    const project = JSON.parse(readFileSync(join(__dirname, '..', '..', 'sfdx-project.json'), 'utf8'));
    assert.equal(
      config.salesforce.apiVersion,
      project.sourceApiVersion,
      'the API version comes from sfdx-project.json'
    );
    assert.equal(readProjectApiVersion(), project.sourceApiVersion);
    assert.equal(config.talentlms.baseUrl, 'https://acme.talentlms.com');
  });

  it('accepts an access token instead of client credentials (scratch-org CI)', () => {
    const { TLMS_SF_CLIENT_ID: _id, TLMS_SF_CLIENT_SECRET: _secret, ...rest } = GOOD_ENV;
    const config = loadConfig({
      env: { ...rest, TLMS_SF_ACCESS_TOKEN: '00D!token', TLMS_SF_NAMESPACE: '' },
      cwd
    });
    assert.deepEqual(config.salesforce.auth, { kind: 'accessToken', accessToken: '00D!token' });
    assert.equal(config.salesforce.namespace, '', 'an empty namespace means an unpackaged deploy');
  });

  it('lists every missing variable in one error, without echoing secrets', () => {
    const redactor = new Redactor();
    try {
      loadConfig({ env: { TLMS_API_KEY: 'tlms-api-key-789', TLMS_SF_INSTANCE_URL: ' ' }, cwd, redactor });
      assert.fail('expected a config error');
    } catch (error) {
      const e = error as ConfigError;
      assert.equal(e.code, 'CONFIG_INVALID');
      for (const key of [
        'TLMS_SF_INSTANCE_URL',
        'TLMS_SF_CLIENT_ID',
        'TLMS_SF_CLIENT_SECRET',
        'TLMS_DOMAIN'
      ]) {
        assert.match(e.message, new RegExp(`${key}: required`), `${key} is named`);
      }
      assert.doesNotMatch(e.message, /TLMS_API_KEY/, 'a present value is not reported');
      assert.equal(
        redactor.redact('key tlms-api-key-789'),
        'key [redacted]',
        'secrets are registered before validation'
      );
    }
  });

  it('reads a config file only when its permissions are restricted, environment winning', () => {
    const file = join(cwd, 'tlms.json');
    writeFileSync(file, JSON.stringify({ ...GOOD_ENV, TLMS_DOMAIN: 'file.talentlms.com' }));
    chmodSync(file, 0o644);
    rejectsWith(() => loadConfig({ env: {}, configPath: file, cwd }), 'CONFIG_FILE_PERMISSIONS', /chmod 600/);
    chmodSync(file, 0o600);
    assert.equal(loadConfig({ env: {}, configPath: file, cwd }).talentlms.domain, 'file.talentlms.com');
    assert.equal(
      loadConfig({ env: { TLMS_DOMAIN: 'env.talentlms.com' }, configPath: file, cwd }).talentlms.domain,
      'env.talentlms.com'
    );
  });

  it('refuses a missing file, a non-object file and unknown keys', () => {
    rejectsWith(() => loadConfig({ env: {}, configPath: 'nope.json', cwd }), 'CONFIG_FILE_NOT_FOUND');
    const list = join(cwd, 'list.json');
    writeFileSync(list, '[1,2]', { mode: 0o600 });
    rejectsWith(() => loadConfig({ env: {}, configPath: list, cwd }), 'CONFIG_FILE_UNREADABLE');
    const typo = join(cwd, 'typo.json');
    writeFileSync(typo, JSON.stringify({ ...GOOD_ENV, TLMS_APIKEY: 'x' }), { mode: 0o600 });
    rejectsWith(() => loadConfig({ env: {}, configPath: typo, cwd }), 'CONFIG_INVALID', /TLMS_APIKEY/);
  });

  it('applies the URL rules with the loopback switch for both services', () => {
    const env = {
      ...GOOD_ENV,
      TLMS_SF_INSTANCE_URL: 'http://127.0.0.1:4100/',
      TLMS_BASE_URL: 'http://127.0.0.1:4200',
      TLMS_ALLOW_LOOPBACK: '1'
    };
    const config = loadConfig({ env, cwd });
    assert.equal(config.salesforce.instanceUrl, 'http://127.0.0.1:4100');
    assert.equal(config.talentlms.baseUrl, 'http://127.0.0.1:4200');
    assert.equal(config.warnings.length, 1, 'the trailing slash is reported');
    rejectsWith(
      () => loadConfig({ env: { ...env, TLMS_ALLOW_LOOPBACK: '0' }, cwd }),
      'SF_INSTANCE_URL_INSECURE'
    );
  });
});
