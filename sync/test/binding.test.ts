import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BindingError } from '../src/core/errors';
import { portalIdOf } from '../src/core/keys';
import { bindingPatch, checkBinding } from '../src/engine/state';

const ORG = '00D5g000004ABCDEAA';
const actual = { organizationId: ORG, isSandbox: false, talentlmsDomain: 'acme.talentlms.com' };
const unbound = { organizationId: null, isSandbox: null, talentlmsDomain: null };

function refused(fn: () => unknown, code: string) {
  assert.throws(
    fn,
    (error: unknown) => error instanceof BindingError && error.code === code && error.exitCode === 2
  );
}

describe('org↔portal binding', () => {
  it('records on the first run and accepts the same binding later (15- or 18-character ids)', () => {
    assert.deepEqual(checkBinding(unbound, actual, false), { action: 'record' });
    const patch = bindingPatch(actual, Date.UTC(2026, 0, 1));
    assert.equal(patch.PortalId, portalIdOf('acme.talentlms.com'));
    assert.equal(patch.BoundAt, '2026-01-01T00:00:00.000Z');
    const bound = {
      organizationId: ORG.slice(0, 15),
      isSandbox: false,
      talentlmsDomain: 'ACME.talentlms.com'
    };
    assert.deepEqual(checkBinding(bound, actual, false), { action: 'ok' });
  });

  it('refuses another org, another portal and a sandbox flag change', () => {
    const bound = { organizationId: ORG, isSandbox: false, talentlmsDomain: 'acme.talentlms.com' };
    refused(
      () => checkBinding(bound, { ...actual, organizationId: '00D5g000009ZZZZEAA' }, true),
      'BINDING_MISMATCH'
    );
    refused(
      () => checkBinding(bound, { ...actual, talentlmsDomain: 'other.talentlms.com' }, true),
      'BINDING_MISMATCH'
    );
    refused(() => checkBinding(bound, { ...actual, isSandbox: true }, true), 'BINDING_MISMATCH');
  });

  it('binds a sandbox only with the opt-in', () => {
    refused(
      () => checkBinding(unbound, { ...actual, isSandbox: true }, false),
      'BINDING_SANDBOX_NOT_ALLOWED'
    );
    assert.deepEqual(checkBinding(unbound, { ...actual, isSandbox: true }, true), { action: 'record' });
  });

  it('names the portal id as the first 8 hex of SHA-1 of the lower-cased domain', () => {
    assert.equal(portalIdOf('acme.talentlms.com'), portalIdOf(' ACME.TalentLMS.com '));
    assert.match(portalIdOf('acme.talentlms.com'), /^[0-9a-f]{8}$/);
    assert.equal(portalIdOf('acme.talentlms.com'), 'd372004a', 'sha1("acme.talentlms.com") starts d372004a');
  });
});
