import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHANGE_PROBE_OVERLAP_MS,
  FULL_PASS_INTERVAL_MS,
  provisionGate,
  type ProvisionGateFacts
} from '../src/core/provision';
import type { World } from './support/world';
import { activateSettings, resetCounters } from './support/world';
import {
  addContacts,
  addUsers,
  field,
  learners,
  provision,
  settingsWith,
  startProvisionWorld,
  tlUsers
} from './support/provisionWorld';

const HOUR = 3_600_000;

describe('provisioning gate: when a run provisions in full', () => {
  const passAt = Date.UTC(2026, 0, 15, 9, 0, 0);
  const facts = (patch: Partial<ProvisionGateFacts> = {}): ProvisionGateFacts => ({
    nowMs: passAt + HOUR,
    forced: false,
    provisionedAtMs: passAt,
    provisionedSettingsHash: 'h1',
    activeSettingsHash: 'h1',
    draftNeedsPlan: false,
    ...patch
  });

  it('probes for changes since the last clean pass, looking back an overlap for clock skew', () => {
    assert.deepEqual(provisionGate(facts()), {
      pass: 'probe',
      changedSinceMs: passAt - CHANGE_PROBE_OVERLAP_MS
    });
  });

  it('runs in full when forced, first, after a settings change, for a draft plan, or after the interval', () => {
    const reasonOf = (patch: Partial<ProvisionGateFacts>) => {
      const verdict = provisionGate(facts(patch));
      return verdict.pass === 'full' ? verdict.reason : 'probe';
    };
    assert.equal(reasonOf({ forced: true }), 'forced');
    assert.equal(reasonOf({ provisionedAtMs: null }), 'first', 'no clean pass on record (or one unfinished)');
    assert.equal(reasonOf({ activeSettingsHash: 'h2' }), 'settings');
    assert.equal(reasonOf({ provisionedSettingsHash: null }), 'settings');
    assert.equal(reasonOf({ draftNeedsPlan: true }), 'draft');
    assert.equal(reasonOf({ nowMs: passAt + FULL_PASS_INTERVAL_MS }), 'interval');
    assert.equal(reasonOf({ nowMs: passAt + FULL_PASS_INTERVAL_MS - 1 }), 'probe');
  });
});

describe('provisioning gate against the emulators', () => {
  let world: World;
  let userIds: string[];
  let contactIds: string[];
  const settings = settingsWith((s) => {
    s.users.enabled = true;
    s.contacts.enabled = true;
  });
  const state = () => world.sf.store.all('SyncState__c')[0] ?? {};
  const tlRoute = (route: string) =>
    (world.tl.calls.snapshot().byRoute as Record<string, number>)[route] ?? 0;

  before(async () => {
    world = await startProvisionWorld({ settings });
    userIds = addUsers(world.sf, 2);
    const [account] = world.sf.store.insert('Account', [{ Name: 'Gate Corp' }]);
    contactIds = addContacts(world.sf, 2, () => ({ AccountId: account }));
    // People exist before the first sync, not within the probe's look-back of its start.
    world.clock.advance(2 * CHANGE_PROBE_OVERLAP_MS);
  });
  after(async () => world.close());

  it('records the start of a clean full pass and the settings it used', async () => {
    const first = await provision(world);
    assert.equal(first.exitCode, 0, first.stderr);
    assert.equal(first.summary?.counts.created, 4);
    assert.equal(
      Date.parse(String(field(state(), 'ProvisionedAt__c'))),
      Date.parse(first.summary!.startedAt),
      'the pass start'
    );
    assert.match(String(field(state(), 'ProvisionedSettingsHash__c')), /^[0-9a-f]{64}$/);
  });

  it('skips provisioning when nothing changed: the catalog, three probes, no users list', async () => {
    world.clock.advance(HOUR);
    resetCounters(world);
    const quiet = await provision(world, ['run', '--json'], { TLMS_LOG_LEVEL: 'info' });
    assert.equal(quiet.exitCode, 0, quiet.stderr);
    // Catalog: 4 TalentLMS reads, 1 upsert; then one LIMIT 1 probe each for User, Contact, Account.
    assert.deepEqual(quiet.summary?.calls.byPhase.provision, { salesforce: 4, talentlms: 4 });
    assert.equal(tlRoute('getcustomregistrationfields'), 1, 'the catalog is published every run');
    assert.equal(tlRoute('users'), 0, 'the TalentLMS users list is not read');
    assert.match(quiet.stderr, /Provisioning skipped/);
  });

  it('a Contact edited in Salesforce makes the next run a full pass that applies it', async () => {
    world.sf.store.update('Contact', [{ Id: contactIds[0], FirstName: 'Renamed' }]);
    world.clock.advance(HOUR);
    const changed = await provision(world);
    assert.equal(changed.exitCode, 0, changed.stderr);
    assert.equal(changed.summary?.counts.updated, 1, 'the renamed contact is updated in TalentLMS');
    const tlId = String(field(learners(world.sf).get(contactIds[0]), 'TalentLmsUserId__c'));
    assert.equal(world.tl.state.users.get(tlId)?.first_name, 'Renamed');
  });

  it('a deleted Contact is a change (queryAll), and its learner is excluded', async () => {
    world.sf.store.delete([contactIds[1]]);
    world.clock.advance(HOUR);
    const deleted = await provision(world);
    assert.equal(deleted.exitCode, 0, deleted.stderr);
    assert.equal(deleted.summary?.counts.excluded, 1);
    const learner = learners(world.sf).get(contactIds[1]);
    assert.equal(field(learner, 'State__c'), 'Excluded');
    assert.equal(field(learner, 'ExclusionReason__c'), 'deleted');
  });

  it('a User deactivated in Salesforce is a change, and their learner leaves scope', async () => {
    world.sf.store.update('User', [{ Id: userIds[1], IsActive: false }]);
    world.clock.advance(HOUR);
    const deactivated = await provision(world);
    assert.equal(deactivated.exitCode, 0, deactivated.stderr);
    assert.equal(deactivated.summary?.counts.excluded, 1);
    const learner = learners(world.sf).get(userIds[1]);
    assert.equal(field(learner, 'State__c'), 'Excluded');
    assert.equal(field(learner, 'ExclusionReason__c'), 'inactive');
  });

  it('a change made only in TalentLMS waits for the next full pass: --full, or the daily one', async () => {
    world.clock.advance(HOUR);
    const tlId = String(field(learners(world.sf).get(userIds[0]), 'TalentLmsUserId__c'));
    world.tl.state.users.get(tlId)!.first_name = 'Edited in TalentLMS';
    const skipped = await provision(world);
    assert.equal(skipped.summary?.counts.updated, 0, 'between full passes TalentLMS-only edits stay');
    const forced = await provision(world, ['run', '--full', '--json']);
    assert.equal(forced.exitCode, 0, forced.stderr);
    assert.equal(forced.summary?.counts.updated, 1, 'run --full corrects it');
    assert.notEqual(world.tl.state.users.get(tlId)?.first_name, 'Edited in TalentLMS');

    world.tl.state.users.get(tlId)!.first_name = 'Edited again';
    world.clock.advance(24 * HOUR);
    const daily = await provision(world);
    assert.equal(daily.summary?.counts.updated, 1, 'the daily full pass corrects it too');
    assert.equal(tlUsers(world.tl).length, 4, 'no one was created twice');
  });

  it('new active settings make a full pass; a pass stopped half-way leaves none on record', async () => {
    world.clock.advance(HOUR);
    activateSettings(
      world.sf,
      settingsWith((s) => {
        s.users.enabled = true;
        s.contacts.enabled = true;
        s.users.groupField = 'Department';
      }),
      2
    );
    world.tl.faults.add({ kind: 'status', status: 500, route: '/\/v1\/users\/?$/' });
    const broken = await provision(world);
    assert.notEqual(broken.exitCode, 0, 'the TalentLMS users list failed');
    assert.equal(field(state(), 'ProvisionedAt__c') ?? null, null, 'no clean pass on record');
    world.tl.faults.clear();
    world.clock.advance(HOUR);
    const recovered = await provision(world);
    assert.equal(recovered.exitCode, 0, recovered.stderr);
    assert.ok(field(state(), 'ProvisionedAt__c'), 'the recovered pass is on record');
  });
});
