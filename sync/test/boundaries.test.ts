import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mapApiError, mapAuthError } from '../src/salesforce/errors';

const SRC = join(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Source without comments, so documentation may name objects while code may not. */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('module boundaries of the runner', () => {
  const runnerFiles = files(SRC).filter((f) => !relative(SRC, f).startsWith('settings'));

  it('imports jsforce only in salesforce/', () => {
    const offenders = runnerFiles
      .filter((f) => /from 'jsforce'|require\('jsforce'\)/.test(code(f)))
      .map((f) => relative(SRC, f))
      .filter((f) => !f.startsWith('salesforce/'));
    assert.deepEqual(offenders, []);
  });

  it('spells Salesforce API names only in salesforce/schema.ts', () => {
    const offenders: string[] = [];
    for (const file of runnerFiles) {
      if (relative(SRC, file) === join('salesforce', 'schema.ts')) continue;
      const text = code(file);
      // A literal that is an API name, or SOQL naming one; prose that mentions an object is fine.
      const patterns = [/['"`]\s*\w+__c(\.\w+__c)?\s*['"`]/g, /\b(SELECT|FROM|WHERE)\b[^'"`\n]*\b\w+__c\b/g];
      for (const pattern of patterns) {
        for (const match of text.matchAll(pattern)) offenders.push(`${relative(SRC, file)}: ${match[0]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('never reads the time except through the Clock', () => {
    const offenders = runnerFiles
      .filter((f) => relative(SRC, f) !== join('core', 'clock.ts'))
      .filter((f) => /Date\.now\b|setTimeout\(|setInterval\(|new Date\(\)/.test(code(f)))
      .map((f) => relative(SRC, f));
    // The reporter's redraw throttle reads real time on purpose (a terminal redraws in real time).
    assert.deepEqual(offenders, ['report/reporter.ts']);
  });
});

describe('Salesforce error mapping', () => {
  const named = (name: string, message = '') => Object.assign(new Error(message), { name });

  it('maps OAuth errors to codes with fixes', () => {
    assert.equal(
      mapAuthError(named('invalid_client', 'invalid client credentials')).code,
      'SF_AUTH_INVALID_CLIENT'
    );
    assert.equal(
      mapAuthError(named('invalid_client_id', 'client identifier invalid')).code,
      'SF_AUTH_INVALID_CLIENT'
    );
    assert.equal(
      mapAuthError(named('invalid_grant', 'request not supported on this domain')).code,
      'SF_AUTH_WRONG_DOMAIN'
    );
    assert.equal(
      mapAuthError(named('invalid_grant', 'no client credentials user enabled')).code,
      'SF_AUTH_GRANT_REFUSED'
    );
    assert.equal(
      mapAuthError(named('unsupported_grant_type', 'grant type not supported')).code,
      'SF_AUTH_GRANT_REFUSED'
    );
    assert.equal(
      mapAuthError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))
        .code,
      'SF_UNREACHABLE'
    );
    for (const error of [named('invalid_client'), named('whatever')])
      assert.equal(mapAuthError(error).exitCode, 2);
  });

  it('maps REST errors: the daily limit to a quota stop, a dead session to auth, the rest by errorCode', () => {
    const limit = mapApiError(
      Object.assign(new Error('TotalRequests Limit exceeded.'), { errorCode: 'REQUEST_LIMIT_EXCEEDED' })
    );
    assert.equal(limit.code, 'SALESFORCE_QUOTA_SPENT');
    assert.equal(limit.exitCode, 3);
    assert.equal(
      mapApiError(Object.assign(new Error('Session expired'), { errorCode: 'INVALID_SESSION_ID' })).code,
      'SF_SESSION_INVALID'
    );
    const field = mapApiError(
      Object.assign(new Error("No such column 'X'"), {
        errorCode: 'INVALID_FIELD',
        data: { errorCode: 'INVALID_FIELD' }
      })
    );
    assert.equal(field.code, 'SALESFORCE_REQUEST_FAILED');
    assert.equal(field.data.errorCode, 'INVALID_FIELD');
  });
});
