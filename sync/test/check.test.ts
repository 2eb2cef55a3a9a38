import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PERMISSION_QUERY_COUNT } from '../src/engine/permissions';
import { cli, counted, resetCounters, startWorld, type World } from './support/world';

describe('tlms-sync check against the emulators', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(() => world.close());

  it('passes on a good setup with a fixed number of calls and no TalentLMS call', async () => {
    resetCounters(world);
    const result = await cli(world, ['check', '--json']);
    const summary = JSON.parse(result.stdout);
    assert.equal(result.exitCode, 0, result.stdout + result.stderr);
    assert.equal(summary.status, 'succeeded');
    assert.ok(summary.checks.length > 10, 'every object, field set and visibility is a check');
    assert.deepEqual(
      summary.checks.filter((c: { ok: boolean }) => !c.ok),
      [],
      'no gap on a good setup'
    );
    assert.equal(summary.organizationId, world.sf.organizationId);
    assert.deepEqual(
      { salesforce: summary.calls.salesforce, talentlms: summary.calls.talentlms },
      counted(world),
      'reported calls equal the emulators’ counters'
    );
    assert.equal(summary.calls.talentlms, 0, 'the key is checked with the free /ratelimit');
    // describeGlobal + Organization + permission queries + settings + state + the Check run record
    assert.equal(summary.calls.salesforce, 1 + 1 + PERMISSION_QUERY_COUNT + 1 + 1 + 1);
    const runs = world.sf.store.all('SyncRun__c');
    assert.equal(runs.length, 1, 'one Check run record');
    assert.equal(runs[0].tlms__Mode__c, 'Check');
    assert.equal(runs[0].tlms__Status__c, 'Succeeded');
    assert.equal(runs[0].tlms__RunId__c, summary.runId);
  });

  it('names each removed permission with its fix, with the same number of queries', async () => {
    world.sf.setPermissions({
      removeObjectRights: { Contact: ['viewAll'], SyncRun__c: ['delete'] },
      removeUserPermissions: ['ViewAllUsers'],
      removeFields: ['Learner__c.State__c'],
      removeObjects: ['SyncIssue__c']
    });
    resetCounters(world);
    const result = await cli(world, ['check']);
    assert.equal(result.exitCode, 2, result.stdout);
    const summary = result.summary!;
    const failing = summary.checks!.filter((c) => !c.ok);
    const names = failing.map((c) => c.name).join('\n');
    assert.match(names, /View All on Contact/);
    assert.match(names, /View All Users/);
    assert.match(names, /on tlms__SyncIssue__c/);
    assert.match(names, /Delete on tlms__SyncRun__c|on tlms__SyncRun__c/);
    assert.match(names, /Field access on tlms__Learner__c: .*tlms__State__c/);
    for (const gap of failing) assert.ok(gap.fix && gap.fix.length > 20, `${gap.name} has a fix`);
    assert.match(failing.find((c) => c.name === 'View All Users')!.fix!, /View All Users/);
    assert.ok(
      failing.every((c) => c.fix!.includes(world.sf.runAsUsername)),
      'fixes name the integration user'
    );
    assert.equal(summary.error?.code, 'PREFLIGHT_PERMISSIONS_MISSING');
    // The human output names each gap and its fix.
    assert.match(result.stdout, /FAIL View All on Contact\n\s+fix: /);
    assert.equal(summary.calls.salesforce, counted(world).salesforce);
    assert.equal(
      summary.calls.salesforce,
      1 + 1 + PERMISSION_QUERY_COUNT + 1 + 1,
      'no run record: SyncRun delete is missing'
    );
    world.sf.setPermissions({});
  });

  it('reports a binding mismatch as a failing check with its fix', async () => {
    const run = await cli(world, ['run']);
    assert.equal(run.exitCode, 0, run.stdout);
    const [state] = world.sf.store.all('SyncState__c');
    world.sf.store.update('SyncState__c', [{ Id: state.Id, tlms__OrganizationId__c: '00D000000000001AAA' }]);
    try {
      const result = await cli(world, ['check', '--json']);
      assert.equal(result.exitCode, 2);
      const binding = result.summary!.checks!.find((c) => c.name.startsWith('Binding'))!;
      assert.equal(binding.ok, false);
      assert.match(binding.fix!, /00D000000000001AAA.*rebind/s);
    } finally {
      world.sf.store.update('SyncState__c', [
        { Id: state.Id, tlms__OrganizationId__c: world.sf.organizationId }
      ]);
    }
  });

  it('names a TalentLMS portal whose API is switched off', async () => {
    world.tl.configure({ apiEnabled: false });
    try {
      const result = await cli(world, ['check', '--json']);
      assert.equal(result.exitCode, 2);
      assert.equal(result.summary!.error?.code, 'TALENTLMS_API_DISABLED');
      assert.match(result.summary!.error!.hint ?? '', /SuperAdmin/);
    } finally {
      world.tl.configure({ apiEnabled: true });
    }
  });
});
