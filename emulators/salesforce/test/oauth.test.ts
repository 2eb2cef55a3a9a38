import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Connection } from 'jsforce';
import { API_VERSION, connect, startFixtureEmulator } from './helpers';

type Emulator = Awaited<ReturnType<typeof startFixtureEmulator>>;

async function authorizeWith(loginUrl: string, clientId: string, clientSecret: string): Promise<Connection> {
  const conn = new Connection({
    loginUrl,
    version: API_VERSION,
    oauth2: { loginUrl, clientId, clientSecret }
  });
  await conn.authorize({ grant_type: 'client_credentials' });
  return conn;
}

async function tokenRequest(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/services/oauth2/token`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

describe('OAuth client-credentials token endpoint', () => {
  let sf: Emulator;
  before(async () => {
    sf = await startFixtureEmulator();
  });
  after(() => sf.close());

  test('jsforce authorizes with client_credentials and learns the org and user from the id URL', async () => {
    const tokensBefore = sf.calls.snapshot().tokens;
    const conn = await authorizeWith(sf.instanceUrl, sf.clientId, sf.clientSecret);
    assert.equal(conn.instanceUrl, sf.instanceUrl, 'instance_url is the My Domain listener');
    assert.ok(
      conn.accessToken?.startsWith(sf.organizationId.slice(0, 15)),
      'token carries the org id prefix'
    );
    assert.equal(conn.userInfo?.organizationId, sf.organizationId, 'organization id parsed from the id URL');
    assert.equal(conn.userInfo?.id, sf.runAsUserId, 'user id parsed from the id URL');
    assert.equal(sf.calls.snapshot().tokens, tokensBefore + 1, 'token requests are counted apart');
    const result = await conn.query<{ Id: string; IsSandbox: boolean }>(
      'SELECT Id, IsSandbox FROM Organization'
    );
    assert.equal(result.records[0].Id, sf.organizationId, 'the token works on the REST API');
    assert.equal(result.records[0].IsSandbox, false, 'a production org by default');
  });

  test('the identity URL from the token answers conn.identity()', async () => {
    const conn = await connect(sf);
    const identity = await conn.identity();
    assert.equal(identity.organization_id, sf.organizationId);
    assert.equal(identity.user_id, sf.runAsUserId);
    assert.equal(identity.username, sf.runAsUsername);
  });

  test('the OpenID userinfo endpoint names the org and user for a token held already (not a metered call)', async () => {
    const conn = await connect(sf);
    const callsBefore = sf.calls.snapshot().total;
    const bare = new Connection({
      instanceUrl: sf.instanceUrl,
      accessToken: conn.accessToken!,
      version: API_VERSION
    });
    const info = await bare.request<{ organization_id: string; user_id: string; sub: string }>({
      method: 'GET',
      url: `${sf.instanceUrl}/services/oauth2/userinfo`
    });
    assert.equal(info.organization_id, sf.organizationId);
    assert.equal(info.user_id, sf.runAsUserId);
    assert.equal(info.sub, `${sf.loginUrl}/id/${sf.organizationId}/${sf.runAsUserId}`);
    assert.equal(sf.calls.snapshot().total, callsBefore, 'userinfo is not a /services/data call');
    const refused = await fetch(`${sf.instanceUrl}/services/oauth2/userinfo`, {
      headers: { authorization: 'Bearer nope' }
    });
    assert.equal(refused.status, 403);
  });

  test('the token response has the documented fields and no expires_in or refresh_token', async () => {
    const startedAt = sf.clock.now();
    const { status, body } = await tokenRequest(
      sf.instanceUrl,
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: sf.clientId,
        client_secret: sf.clientSecret
      }).toString()
    );
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body).sort(), [
      'access_token',
      'id',
      'instance_url',
      'issued_at',
      'scope',
      'signature',
      'token_type'
    ]);
    assert.equal(body.token_type, 'Bearer');
    assert.match(body.issued_at, /^\d{13}$/, 'issued_at is epoch milliseconds as a string');
    assert.ok(
      Number(body.issued_at) >= startedAt && Number(body.issued_at) <= sf.clock.now(),
      'issued on the emulator clock'
    );
    assert.equal(body.id, `${sf.loginUrl}/id/${sf.organizationId}/${sf.runAsUserId}`);
  });

  test('HTTP Basic client authentication is accepted', async () => {
    const basic = Buffer.from(`${sf.clientId}:${sf.clientSecret}`).toString('base64');
    const { status } = await tokenRequest(sf.instanceUrl, 'grant_type=client_credentials', {
      authorization: `Basic ${basic}`
    });
    assert.equal(status, 200);
  });

  test('a wrong secret is invalid_client and an unknown key is invalid_client_id', async () => {
    await assert.rejects(
      authorizeWith(sf.instanceUrl, sf.clientId, 'WRONG'),
      (error: Error) => error.name === 'invalid_client'
    );
    await assert.rejects(
      authorizeWith(sf.instanceUrl, 'unknown-key', sf.clientSecret),
      (error: Error) => error.name === 'invalid_client_id'
    );
  });

  test('login.salesforce.com refuses the flow: invalid_grant "request not supported on this domain"', async () => {
    await assert.rejects(authorizeWith(sf.loginUrl, sf.clientId, sf.clientSecret), (error: Error) => {
      assert.equal(error.name, 'invalid_grant');
      assert.match(error.message, /not supported on this domain/);
      return true;
    });
  });

  test('another grant type is unsupported_grant_type', async () => {
    const { status, body } = await tokenRequest(sf.instanceUrl, 'grant_type=password&username=a&password=b');
    assert.equal(status, 400);
    assert.equal(body.error, 'unsupported_grant_type');
  });

  test('an expired token gives 401 INVALID_SESSION_ID; refreshFn repeats the grant and the call succeeds', async () => {
    const conn = await connect(sf);
    sf.store.insert('Contact', [{ LastName: 'Expiry' }]);
    const tokensBefore = sf.calls.snapshot().tokens;
    sf.manualClock.advance(2 * 60 * 60 * 1000 + 1);
    const result = await conn.query<{ LastName: string }>(
      "SELECT LastName FROM Contact WHERE LastName = 'Expiry'"
    );
    assert.equal(result.records[0].LastName, 'Expiry', 'the retried call returned the data');
    assert.equal(sf.calls.snapshot().tokens, tokensBefore + 1, 'exactly one new token was requested');
    assert.equal(sf.calls.snapshot().byStatus['401'] >= 1, true, 'the 401 was counted as a call');
  });

  test('without refreshFn a 401 surfaces as INVALID_SESSION_ID', async () => {
    const conn = await connect(sf);
    const bare = new Connection({
      instanceUrl: sf.instanceUrl,
      accessToken: conn.accessToken!,
      version: API_VERSION
    });
    sf.faults.add({ kind: 'tokenExpiry', times: 1 });
    await assert.rejects(
      async () => bare.query('SELECT Id FROM Organization'),
      (error: Error & { errorCode?: string }) => {
        assert.equal(error.errorCode, 'INVALID_SESSION_ID');
        return true;
      }
    );
    await assert.rejects(
      async () => bare.query('SELECT Id FROM Organization'),
      /Session expired or invalid/,
      'the token stays expired'
    );
  });
});

describe('OAuth app configuration errors', () => {
  test('a disabled client-credentials flow and a missing run-as user are refused', async () => {
    const disabled = await startFixtureEmulator({ clientCredentialsEnabled: false });
    const noUser = await startFixtureEmulator({ runAsUserConfigured: false });
    try {
      await assert.rejects(
        authorizeWith(disabled.instanceUrl, disabled.clientId, disabled.clientSecret),
        (e: Error) => e.name === 'unsupported_grant_type'
      );
      await assert.rejects(
        authorizeWith(noUser.instanceUrl, noUser.clientId, noUser.clientSecret),
        (e: Error) => e.name === 'invalid_grant'
      );
    } finally {
      await disabled.close();
      await noUser.close();
    }
  });

  test('a sandbox org reports IsSandbox and a configured organization id', async () => {
    const sandbox = await startFixtureEmulator({ isSandbox: true, organizationId: '00D5g0000012345EAA' });
    try {
      const conn = await connect(sandbox);
      const org = await conn.query<{ Id: string; IsSandbox: boolean }>(
        'SELECT Id, IsSandbox FROM Organization'
      );
      assert.deepEqual(
        org.records.map((r) => [r.Id, r.IsSandbox]),
        [['00D5g0000012345EAA', true]]
      );
    } finally {
      await sandbox.close();
    }
  });
});
