import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SalesforceEmulator } from '../../emulators/salesforce';
import { hashSettingsJson, serializeSettings, type Settings } from '../src/settings';
import {
  addContacts,
  addUsers,
  provision,
  settingsWith,
  startProvisionWorld,
  tlUsers,
  writeCalls
} from './support/provisionWorld';
import type { World } from './support/world';

function saveDraft(sf: SalesforceEmulator, settings: Settings, version: number): string {
  const json = serializeSettings(settings);
  const [row] = sf.store.all('ConnectorSettings__c');
  const fields = { DraftJson__c: json, DraftVersion__c: version, DraftHash__c: hashSettingsJson(json) };
  if (row) sf.store.update('ConnectorSettings__c', [{ Id: row.Id, ...fields }]);
  else sf.store.insert('ConnectorSettings__c', [{ Name: 'Settings', SettingsKey__c: 'default', ...fields }]);
  return hashSettingsJson(json);
}

const planRuns = (world: World) =>
  world.sf.store
    .all('SyncRun__c')
    .filter((r) => r.tlms__Mode__c === 'Plan')
    .map((r) => ({
      version: r.tlms__SettingsVersion__c,
      hash: r.tlms__SettingsHash__c,
      plan: r.tlms__Plan__c ? JSON.parse(String(r.tlms__Plan__c)) : null
    }));

const usersOnly = settingsWith((s) => {
  s.users.enabled = true;
});
const usersAndContacts = settingsWith((s) => {
  s.users.enabled = true;
  s.contacts.enabled = true;
});

describe('draft settings: plans stored with the draft version and hash', () => {
  it('`plan --draft` stores the draft plan and writes nothing to TalentLMS; `plan` plans the active settings', async () => {
    const world = await startProvisionWorld({ settings: usersOnly });
    try {
      addUsers(world.sf, 3);
      addContacts(world.sf, 4);
      const hash = saveDraft(world.sf, usersAndContacts, 2);
      world.tl.calls.reset();
      const draft = await provision(world, ['plan', '--draft', '--json']);
      assert.equal(draft.exitCode, 0, draft.stdout);
      assert.equal(draft.summary?.settingsVersion, 2);
      assert.equal(draft.summary?.settingsHash, hash);
      assert.equal(draft.summary?.counts.created, 7, 'the summary `plan` prints shows what a run would do');
      const [stored] = planRuns(world);
      assert.equal(stored.version, 2);
      assert.equal(stored.hash, hash, 'the hash of the stored draft JSON');
      assert.equal(stored.plan.settings.source, 'draft');
      assert.equal(stored.plan.totals.create, 7, 'three users and four contacts');
      assert.equal(stored.plan.population.inScope, 7);

      const active = await provision(world, ['plan', '--json']);
      assert.equal(active.exitCode, 0);
      const plans = planRuns(world);
      assert.equal(plans.length, 2);
      assert.equal(plans[1].plan.settings.source, 'active');
      assert.equal(plans[1].plan.totals.create, 3, 'the active settings sync users only');
      assert.equal(writeCalls(world.tl), 0, 'plans never write to TalentLMS');
      assert.equal(tlUsers(world.tl).length, 0);
    } finally {
      await world.close();
    }
  });

  it('every run plans a newer draft that has no plan yet, once', async () => {
    const world = await startProvisionWorld({ settings: usersOnly });
    try {
      addUsers(world.sf, 2);
      addContacts(world.sf, 5);
      const hash = saveDraft(world.sf, usersAndContacts, 2);
      const first = await provision(world);
      assert.equal(first.exitCode, 0, first.stdout);
      assert.equal(first.summary?.counts.created, 2, 'the run acts on the active settings only');
      let plans = planRuns(world);
      assert.equal(plans.length, 1);
      assert.equal(plans[0].version, 2);
      assert.equal(plans[0].hash, hash);
      // Computed from the state the run started with, before it provisioned the two users.
      assert.equal(
        plans[0].plan.totals.create,
        7,
        'the draft would provision the users and the five contacts'
      );
      await provision(world);
      assert.equal(planRuns(world).length, 1, 'a draft with a plan is not planned again');
      const nextHash = saveDraft(
        world.sf,
        settingsWith((s) => (s.contacts.enabled = true)),
        3
      );
      await provision(world);
      plans = planRuns(world);
      assert.equal(plans.length, 2);
      assert.equal(plans[1].hash, nextHash);
      assert.equal(plans[1].plan.totals.deactivate, 0, 'deactivation is off in that draft');
      assert.equal(plans[1].plan.totals.exclude, 2, 'the users would leave scope');
    } finally {
      await world.close();
    }
  });

  it('`plan --draft` works before any settings are active (the first activation needs its plan)', async () => {
    const world = await startProvisionWorld({ settings: usersOnly });
    try {
      const [row] = world.sf.store.all('ConnectorSettings__c');
      world.sf.store.update('ConnectorSettings__c', [
        { Id: row.Id, ActiveJson__c: null, ActiveVersion__c: null, ActiveHash__c: null }
      ]);
      addContacts(world.sf, 2);
      const hash = saveDraft(world.sf, usersAndContacts, 1);
      const result = await provision(world, ['plan', '--draft', '--json']);
      assert.equal(result.exitCode, 0, result.stdout);
      const [stored] = planRuns(world);
      assert.equal(stored.hash, hash);
      assert.equal(stored.plan.totals.create, 2);
      const run = await provision(world);
      assert.equal(run.exitCode, 2, 'a run still needs active settings');
    } finally {
      await world.close();
    }
  });

  it('a draft that cannot be planned is a warning, and the run goes on with the active settings', async () => {
    const world = await startProvisionWorld({ settings: usersOnly });
    try {
      addUsers(world.sf, 2);
      const broken = settingsWith((s) => {
        s.users.enabled = true;
        s.users.filter = { logic: 'all', conditions: [{ field: 'NoSuchField__c', operator: 'isBlank' }] };
      });
      saveDraft(world.sf, broken, 2);
      const run = await provision(world);
      assert.equal(run.exitCode, 0, run.stdout);
      assert.equal(run.summary?.counts.created, 2);
      assert.ok(
        run.summary?.warnings.some((w) => /NoSuchField__c/.test(w)),
        'the warning names the field'
      );
      assert.equal(planRuns(world).length, 0);
      const plan = await provision(world, ['plan', '--draft', '--json']);
      assert.equal(plan.exitCode, 2, 'asked for explicitly, the same problem is the answer');
      assert.equal(plan.summary?.error?.code, 'PROVISION_FIELD_UNKNOWN');
    } finally {
      await world.close();
    }
  });
});
