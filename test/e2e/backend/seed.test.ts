import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from '../../../emulators/harness';
import { ManualClock } from '../../../sync/src/core/clock';
import { EmulatorStoreSource } from '../../../preview/server/data/storeSource';
import { parsePersonaManifest, type PersonaManifest } from '../../../preview/server/personas';
import { startPreviewServer, type PreviewServer } from '../../../preview/server/server';
import { ROOT } from '../support/preview';

// The preview backend on the harness's demo seed (both emulators in-process, manifest personas): every page's
// Apex answers for every persona, within its DTO contract (the server rejects anything else with a 500).
describe('preview backend on the demo seed', { timeout: 120_000 }, () => {
  let harness: Harness;
  let server: PreviewServer;
  let manifest: PersonaManifest;

  before(async () => {
    harness = await startHarness({
      seed: 'demo',
      manifestDir: false,
      control: false,
      clock: new ManualClock(Date.UTC(2026, 10, 25, 9))
    });
    manifest = parsePersonaManifest(harness.manifest, 'demo seed manifest');
    server = await startPreviewServer({
      root: ROOT,
      source: new EmulatorStoreSource(harness.salesforce.store, harness.salesforce.namespace),
      manifest,
      namespace: harness.salesforce.namespace,
      requireBundle: false,
      clock: harness.clock
    });
  });
  after(async () => {
    await server?.close();
    await harness?.close();
  });

  async function apex(persona: string, path: string, params: unknown = {}) {
    const userId = manifest.personas.find((each) => each.key === persona)?.userId as string;
    const response = await fetch(`${server.url}/api/apex/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-preview-user': userId },
      body: JSON.stringify(params)
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('reads the manifest personas and their names from the org', () => {
    assert.deepEqual(
      server.personas.map((persona) => persona.key),
      ['learner', 'manager', 'skipLevelManager', 'admin']
    );
    assert.ok(server.personas.every((persona) => persona.name && persona.name !== persona.label));
    assert.ok(manifest.records.accountId && manifest.records.contactId);
  });

  it('answers every page for every persona within the DTO contracts', async () => {
    const { accountId, contactId } = manifest.records;
    const failures: string[] = [];
    for (const persona of ['learner', 'manager', 'skipLevelManager', 'admin']) {
      const calls: [string, unknown][] = [
        ['MyLearningController/getMyLearning', {}],
        ['TeamMembersController/getTeam', { pageSize: 25, pageOffset: 0, includeIndirect: true }],
        ['AccountLearningController/getAccountActivity', { accountId, pageSize: 50, pageOffset: 0 }],
        ['ContactLearningController/getContactLearning', { contactId }],
        ['SyncHealthController/getHealth', { pageSize: 25, pageOffset: 0 }],
        ['SetupController/getSettingsState', {}],
        ['SetupController/getConnection', {}],
        ['SetupController/getChecklist', {}]
      ];
      for (const [path, params] of calls) {
        const result = await apex(persona, path, params);
        // 400 is a user-facing refusal (no permission set for that page); 500 would be a defect.
        if (result.status !== 200 && result.status !== 400)
          failures.push(`${persona} ${path}: ${result.status} ${JSON.stringify(result.body)}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('shows the manager a team with people and the learner their own learning', async () => {
    const team = await apex('manager', 'TeamMembersController/getTeam', {
      pageSize: 25,
      pageOffset: 0,
      includeIndirect: false
    });
    assert.equal(team.status, 200);
    assert.ok(Number(team.body.total) > 0, 'the demo manager has reports');
    const mine = await apex('learner', 'MyLearningController/getMyLearning');
    assert.equal(mine.status, 200);
    assert.equal(mine.body.personId, manifest.personas[0].userId);
    const health = await apex('admin', 'SyncHealthController/getHealth', {});
    assert.equal(health.status, 200, JSON.stringify(health.body));
    const settings = await apex('admin', 'SetupController/getSettingsState');
    assert.equal(settings.status, 200, JSON.stringify(settings.body));
    assert.equal(settings.body.activeVersion, 1, 'the seed ships active settings');
  });
});
