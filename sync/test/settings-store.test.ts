import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bindSchema } from '../src/salesforce/schema';
import { DEFAULT_SETTINGS, hashSettingsJson } from '../src/settings';
import {
  clearFullReconciliationPatch,
  fullReconciliationRequested,
  PLAN_PREVIEW_ACTIONS,
  PLAN_PREVIEW_SAMPLES,
  planPreviewPart,
  planRunRefs,
  planRunSettingsFields,
  readSettingsRecord
} from '../src/settings/store';

// Records as the Setup tab's Apex writes them (SettingsService): the namespace is composed into every field.
const schema = bindSchema('tlms');
const f = schema.ConnectorSettings.f;

const activeJson = JSON.stringify(DEFAULT_SETTINGS);
const draftDocument = { ...DEFAULT_SETTINGS, users: { ...DEFAULT_SETTINGS.users, enabled: true } };
// Apex serialises with its own spacing; the hash is of the stored text, whatever it looks like.
const draftJson = JSON.stringify(draftDocument, null, 1);

function settingsRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    [f.SettingsKey]: 'default',
    [f.ActiveJson]: activeJson,
    [f.ActiveVersion]: 3,
    [f.ActiveHash]: hashSettingsJson(activeJson),
    [f.DraftJson]: draftJson,
    [f.DraftVersion]: 4,
    [f.DraftHash]: hashSettingsJson(draftJson),
    ...overrides
  };
}

function planRow(version: number, hash: string, status = 'Succeeded'): Record<string, unknown> {
  const r = schema.SyncRun.f;
  return { [r.Mode]: 'Plan', [r.SettingsVersion]: version, [r.SettingsHash]: hash, [r.Status]: status };
}

describe('readSettingsRecord', () => {
  it('reads the active and draft documents with their versions and hashes', () => {
    const view = readSettingsRecord(settingsRecord(), schema);
    assert.equal(view.active?.version, 3, 'active version');
    assert.equal(view.draft?.version, 4, 'draft version');
    assert.equal(view.draft?.hash, hashSettingsJson(draftJson), 'hash of the stored text');
    assert.equal(view.draft?.settings?.users.enabled, true, 'draft parsed');
    assert.deepEqual(view.problems, []);
  });

  it('asks for a plan when the draft is newer and no Plan run carries its version and hash', () => {
    const view = readSettingsRecord(settingsRecord(), schema);
    assert.equal(view.draftIsNewer, true);
    assert.equal(view.draftNeedsPlan, true);
  });

  it('does not ask again once a Plan run matches, but does when the plan is for another hash or failed', () => {
    const hash = hashSettingsJson(draftJson);
    const matching = planRunRefs([planRow(4, hash)], schema);
    assert.equal(readSettingsRecord(settingsRecord(), schema, matching).draftNeedsPlan, false);
    const otherHash = planRunRefs([planRow(4, 'f'.repeat(64))], schema);
    assert.equal(readSettingsRecord(settingsRecord(), schema, otherHash).draftNeedsPlan, true);
    const olderVersion = planRunRefs([planRow(3, hash)], schema);
    assert.equal(readSettingsRecord(settingsRecord(), schema, olderVersion).draftNeedsPlan, true);
    const failed = planRunRefs([planRow(4, hash, 'Failed')], schema);
    assert.equal(readSettingsRecord(settingsRecord(), schema, failed).draftNeedsPlan, true);
  });

  it('needs no plan after activation (draft and active are the same version)', () => {
    const view = readSettingsRecord(
      settingsRecord({
        [f.ActiveJson]: draftJson,
        [f.ActiveVersion]: 4,
        [f.ActiveHash]: hashSettingsJson(draftJson)
      }),
      schema
    );
    assert.equal(view.draftIsNewer, false);
    assert.equal(view.draftNeedsPlan, false);
    assert.equal(view.active?.settings?.users.enabled, true);
  });

  it('plans the first draft when nothing is active yet', () => {
    const view = readSettingsRecord(
      settingsRecord({ [f.ActiveJson]: null, [f.ActiveVersion]: null, [f.ActiveHash]: null }),
      schema
    );
    assert.equal(view.active, null);
    assert.equal(view.draftNeedsPlan, true);
  });

  it('reads a missing record as nothing saved yet', () => {
    const view = readSettingsRecord(undefined, schema);
    assert.equal(view.active, null);
    assert.equal(view.draft, null);
    assert.equal(view.draftNeedsPlan, false);
  });

  it('reports a hand-edited record whose hash no longer matches, and an invalid draft it cannot plan', () => {
    const edited = readSettingsRecord(settingsRecord({ [f.DraftHash]: '0'.repeat(64) }), schema);
    assert.match(edited.problems.join('\n'), /draft settings \(version 4\) do not match their stored hash/);
    const invalid = readSettingsRecord(settingsRecord({ [f.DraftJson]: '{"schemaVersion": 2}' }), schema);
    assert.equal(invalid.draft?.settings, null);
    assert.equal(invalid.draftNeedsPlan, false, 'an unreadable draft cannot be planned');
    assert.match(invalid.problems.join('\n'), /draft settings \(version 4\) are invalid/);
  });

  it('gives a Plan run the fields Apex matches on', () => {
    const view = readSettingsRecord(settingsRecord(), schema);
    assert.ok(view.draft);
    assert.deepEqual(planRunSettingsFields(view.draft, schema), {
      tlms__SettingsVersion__c: 4,
      tlms__SettingsHash__c: hashSettingsJson(draftJson)
    });
  });
});

describe('fullReconciliationRequested', () => {
  const s = schema.SyncState.f;

  it('reads the flag the Sync Health tab sets', () => {
    const request = fullReconciliationRequested(
      {
        [s.FullReconciliationRequested]: true,
        [s.FullReconciliationRequestedAt]: '2026-11-25T09:00:00.000Z'
      },
      schema
    );
    assert.deepEqual(request, { requested: true, requestedAt: '2026-11-25T09:00:00.000Z' });
  });

  it('is false without a state record or with the flag cleared', () => {
    assert.equal(fullReconciliationRequested(undefined, schema).requested, false);
    assert.equal(
      fullReconciliationRequested({ [s.FullReconciliationRequested]: false }, schema).requested,
      false
    );
  });

  it('clears only the flag', () => {
    assert.deepEqual(clearFullReconciliationPatch(), { FullReconciliationRequested: false });
  });
});

describe('planPreviewPart', () => {
  it('keeps every count and at most ten sample people per action, as the Setup tab reads them', () => {
    const people = Array.from({ length: 25 }, (_, i) => ({
      salesforceId: `005000000000${String(i).padStart(3, '0')}AAA`,
      name: `Person ${i}`,
      personType: 'User' as const,
      detail: 'Department = Sales'
    }));
    const preview = planPreviewPart({ create: people, exclude: people.slice(0, 2) }, { deactivate: 0 });
    assert.deepEqual(preview.counts, { create: 25, exclude: 2, deactivate: 0 });
    assert.equal(preview.samples.create.length, PLAN_PREVIEW_SAMPLES);
    assert.equal(preview.samples.exclude.length, 2);
    const stored = JSON.parse(JSON.stringify({ schemaVersion: 1, ...preview }));
    assert.deepEqual(Object.keys(stored).sort(), ['counts', 'samples', 'schemaVersion']);
    assert.ok(PLAN_PREVIEW_ACTIONS.includes('deactivate'));
  });

  it('uses the real count when the sample list was cut before', () => {
    assert.deepEqual(planPreviewPart({ update: [] }, { update: 4000 }).counts, { update: 4000 });
  });
});
