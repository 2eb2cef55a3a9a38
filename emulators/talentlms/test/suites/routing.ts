import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Messages } from '../..';
import { Params, parsePathParams } from '../../src/http/params';
import { type Harness, errorOf, start } from '../support/client';

/** Checklist §8.1: v1 routing and parameter parsing, with the lenient variants real clients use. */
describe('TalentLMS emulator: routing and parameters', () => {
  let h: Harness;
  let userId: string;

  before(async () => {
    h = await start();
    userId = String((await h.api.signup({ login: 'jo.plus', email: 'jo+tag@example.com' })).id);
  });
  after(() => h.tl.close());

  it('reads key:value path parameters in any order', async () => {
    const a = await h.api.get(`usersetstatus/user_id:${userId},status:inactive`);
    assert.deepEqual(a.body, { user_id: userId, status: 'inactive' });
    const b = await h.api.get(`usersetstatus/status:active,user_id:${userId}`);
    assert.deepEqual(b.body, { user_id: userId, status: 'active' });
  });

  it('percent-decodes path values exactly once and keeps a raw + by default', async () => {
    const encoded = await h.api.get('users/email:jo%2Btag%40example.com');
    assert.equal(encoded.status, 200, encoded.text);
    assert.equal((encoded.body as { id: string }).id, userId);
    const raw = await h.api.get('users/email:jo+tag@example.com');
    assert.equal((raw.body as { id: string }).id, userId, 'a raw + is part of the address');
    const twice = await h.api.get('users/email:jo%252Btag%2540example.com');
    assert.equal(twice.status, 404, 'a double-encoded value is decoded only once, so it matches nobody');
  });

  it('treats + as a space in path values when the quirk says so', () => {
    assert.equal(parsePathParams('login:jo+doe', true).get('login'), 'jo doe');
    assert.equal(parsePathParams('login:jo+doe', false).get('login'), 'jo+doe');
  });

  it('decodes base64 URL parameters and keeps /, + and = inside values', async () => {
    const b64 = Buffer.from('https://example.com/a?b=c~~>').toString('base64');
    assert.match(b64, /[/+=]/, 'the sample exercises the characters that could break splitting');
    const params = new Params(parsePathParams(`email:x@y.z,domain_url:${b64}`, false));
    assert.equal(params.get('domain_url'), 'https://example.com/a?b=c~~>');
    const answer = await h.api.get(`forgotusername/email:jo%2Btag@example.com,domain_url:${b64}`);
    assert.deepEqual(answer.body, { user_id: userId });
  });

  it('accepts query-string parameters, form bodies on GET-style endpoints, mixed case and trailing slashes', async () => {
    assert.equal(((await h.api.get(`users?id=${userId}`)).body as { login: string }).login, 'jo.plus');
    const posted = await h.api.post('getTimeline', { event_type: 'user_register_user', user_id: userId });
    assert.equal(posted.status, 200, posted.text);
    assert.equal((posted.body as unknown[]).length, 1);
    assert.equal((await h.api.get('users/')).status, 200);
    assert.equal(((await h.api.get(`users/id:${userId}/`)).body as { id: string }).id, userId);
    assert.equal((await h.api.get('siteInfo')).status, 200);
    assert.equal((await h.api.get('RATELIMIT')).status, 200);
  });

  it('lets path parameters win over the query string', async () => {
    const answer = await h.api.get(`users/id:${userId}?id=1`);
    assert.equal((answer.body as { id: string }).id, userId);
  });

  it('answers unknown actions, v2 paths and malformed parameters with v1 errors', async () => {
    const unknown = await h.api.get('nosuchthing');
    assert.equal(unknown.status, 404);
    assert.deepEqual(errorOf(unknown), { type: 'invalid_request_error', message: Messages.unknownAction });
    const v2 = await fetch(`${h.tl.baseUrl}/api/v2/users`, {
      headers: { Authorization: h.api.authHeader() }
    });
    assert.equal(v2.status, 404);
    const pair = await h.api.get('users/id5');
    assert.equal(pair.status, 400);
    assert.equal(errorOf(pair).message, Messages.invalidArguments);
    const notInteger = await h.api.get('users/id:abc');
    assert.equal(notInteger.status, 400, 'a string where an integer is expected is a 400');
  });

  it('requires POST for form endpoints and ignores JSON bodies unless the quirk allows them', async () => {
    const viaGet = await h.api.get('usersignup/first_name:a,last_name:b,email:a@b.co,login:ab,password:x');
    assert.equal(viaGet.status, 400);
    const json = JSON.stringify({
      first_name: 'J',
      last_name: 'S',
      email: 'js@example.com',
      login: 'js',
      password: 'x'
    });
    const headers = { 'Content-Type': 'application/json' };
    const ignored = await h.api.request('POST', 'usersignup', { body: json, headers });
    assert.equal(ignored.status, 400);
    assert.equal(errorOf(ignored).message, Messages.invalidArguments);
    h.tl.configure({ quirks: { acceptJsonBodies: true } });
    const accepted = await h.api.request('POST', 'usersignup', { body: json, headers });
    h.tl.configure({ quirks: { acceptJsonBodies: false } });
    assert.equal(accepted.status, 200, accepted.text);
  });

  it('counts every /api/v1 request except ratelimit, per endpoint', async () => {
    h.tl.calls.reset();
    await h.api.get('users');
    await h.api.get('ratelimit');
    await h.api.get('nosuchthing');
    const counts = h.tl.calls.snapshot();
    assert.equal(counts.total, 2);
    assert.deepEqual(counts.byRoute, { users: 1, nosuchthing: 1 });
    assert.deepEqual(counts.byStatus, { '200': 1, '404': 1 });
  });
});
