import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Messages } from '../..';
import { type Harness, errorOf, start } from '../support/client';

/** Checklist §8.2: Basic auth with the key and an empty password; 401 and 403. */
describe('TalentLMS emulator: authentication', () => {
  let h: Harness;
  before(async () => (h = await start()));
  after(() => h.tl.close());

  const call = (authorization?: string) =>
    fetch(`${h.tl.baseUrl}/api/v1/users`, { headers: authorization ? { Authorization: authorization } : {} });

  it('accepts the key as the Basic username with an empty password', async () => {
    assert.equal((await call(h.api.authHeader())).status, 200);
  });

  it('answers 401 with the v1 error body for a missing, wrong or non-Basic credential', async () => {
    for (const header of [
      undefined,
      h.api.authHeader('wrong'),
      h.api.authHeader(h.tl.apiKey, 'pw'),
      `Bearer ${h.tl.apiKey}`
    ]) {
      const response = await call(header);
      assert.equal(response.status, 401, `header ${header}`);
      assert.deepEqual(await response.json(), {
        error: { type: 'invalid_request_error', message: Messages.invalidKey }
      });
    }
  });

  it('can answer 401 with the plain-text body one source reports', async () => {
    h.tl.configure({ quirks: { unauthorizedBody: 'text' } });
    const response = await call();
    h.tl.configure({ quirks: { unauthorizedBody: 'json' } });
    assert.equal(response.status, 401);
    assert.equal(await response.text(), 'You need a valid user and password');
  });

  it('answers 403 when the API is disabled or the domain inactive', async () => {
    h.tl.configure({ apiEnabled: false });
    const disabled = await h.api.get('users');
    h.tl.configure({ apiEnabled: true, domainActive: false });
    const inactive = await h.api.get('users');
    h.tl.configure({ domainActive: true });
    for (const answer of [disabled, inactive]) {
      assert.equal(answer.status, 403);
      assert.equal(errorOf(answer).message, Messages.apiDisabled);
    }
    assert.equal((await h.api.get('users')).status, 200);
  });

  it('counts rejected calls but does not charge them to the quota', async () => {
    const before = h.tl.rateLimiter.snapshot().used;
    h.tl.calls.reset();
    await call();
    assert.equal(h.tl.calls.snapshot().byStatus['401'], 1);
    assert.equal(h.tl.rateLimiter.snapshot().used, before);
  });
});
