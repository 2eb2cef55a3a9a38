import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunSummary } from '../src/core/runSummary';
import type { Phase } from '../src/engine/phase';
import { runSummaryValidator } from './support/contract';
import { cli, counted, resetCounters, startWorld, type World } from './support/world';

const validate = runSummaryValidator();

function lines(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line));
}

describe('tlms-sync run against the emulators', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(() => world.close());
  beforeEach(() => resetCounters(world));

  it('runs, prints one valid JSON summary, records the run, binds the org and releases the lock', async () => {
    const result = await cli(world, ['run', '--json']);
    const out = lines(result.stdout);
    assert.equal(out.length, 1, 'stdout holds exactly one JSON object');
    const summary = out[0] as RunSummary;
    assert.deepEqual(
      validate(summary),
      [],
      'the summary validates against contracts/run-summary.schema.json'
    );
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(summary.status, 'succeeded');
    assert.equal(summary.settingsVersion, 1);
    assert.deepEqual(
      { salesforce: summary.calls.salesforce, talentlms: summary.calls.talentlms },
      counted(world)
    );
    for (const line of result.stderr.split('\n').filter(Boolean)) JSON.parse(line); // logs are JSON lines

    const store = world.sf.store;
    const [run] = store.all('SyncRun__c').filter((r) => r.tlms__RunId__c === summary.runId);
    assert.equal(run.tlms__Status__c, 'Succeeded');
    assert.equal(run.tlms__Mode__c, 'Run');
    assert.equal(run.tlms__ExitCode__c, 0);
    assert.equal(run.tlms__SalesforceCalls__c, summary.calls.salesforce);
    assert.deepEqual(
      JSON.parse(String(run.tlms__Summary__c)),
      summary,
      'the record carries the same summary'
    );
    const [state] = store.all('SyncState__c');
    assert.equal(state.tlms__OrganizationId__c, world.sf.organizationId);
    assert.equal(state.tlms__TalentLmsDomain__c, 'acme.talentlms.com');
    assert.equal(state.tlms__IsSandbox__c, false);
    assert.match(String(state.tlms__PortalId__c), /^[0-9a-f]{8}$/);
    assert.ok(state.tlms__LastSuccessfulRunAt__c);
    assert.equal(store.all('SyncLock__c').length, 0, 'the lock is released');
  });

  it('costs a fixed, small number of calls when there is nothing to do', async () => {
    const result = await cli(world, ['run', '--json']);
    assert.equal(result.exitCode, 0);
    // namespace discovery 1, Organization 1, permissions 4, lock 1 + release 1, run record 2, state read 1 +
    // write 1, settings 1, open issues 1
    assert.deepEqual(counted(world), { salesforce: 14, talentlms: 0 });
    assert.equal(result.summary!.calls.salesforce, 14);
    const withNamespace = await cli(world, ['run', '--json'], { env: { TLMS_SF_NAMESPACE: 'tlms' } });
    assert.equal(withNamespace.summary!.calls.salesforce, 13, 'TLMS_SF_NAMESPACE saves the discovery call');
  });

  it('runs plug-in phases in order, books their calls per phase and refreshes an expired token', async () => {
    const order: string[] = [];
    const phases: Phase[] = [
      {
        name: 'provision',
        label: 'test provisioning',
        async run(ctx) {
          order.push('provision');
          world.sf.expireTokens();
          await ctx.sf.query(`SELECT Id FROM ${ctx.schema.Learner.name}`);
          await ctx.tl.get('users');
          ctx.counts.created += 2;
        }
      },
      {
        name: 'timeline',
        label: 'test timeline',
        shouldRun: () => true,
        async run(ctx) {
          order.push('timeline');
          await ctx.tl.get('siteinfo');
          ctx.bookCallsTo('learners');
          await ctx.tl.get('users', { id: 1 });
        }
      },
      {
        name: 'courseScan',
        label: 'skipped',
        shouldRun: () => false,
        run: async () => assert.fail('not run')
      }
    ];
    const tokensBefore = world.sf.calls.snapshot().tokens;
    const result = await cli(world, ['run', '--json'], { phases });
    const summary = result.summary!;
    assert.equal(result.exitCode, 0, result.stdout);
    assert.deepEqual(order, ['provision', 'timeline']);
    assert.equal(summary.counts.created, 2);
    assert.deepEqual(
      summary.calls.byPhase.provision,
      { salesforce: 2, talentlms: 1 },
      '401 + the repeated query'
    );
    assert.deepEqual(summary.calls.byPhase.timeline, { salesforce: 0, talentlms: 1 });
    assert.deepEqual(summary.calls.byPhase.learners, { salesforce: 0, talentlms: 1 });
    assert.equal(
      world.sf.calls.snapshot().tokens - tokensBefore,
      2,
      'the grant, then one refresh after the 401'
    );
    assert.deepEqual(
      { salesforce: summary.calls.salesforce, talentlms: summary.calls.talentlms },
      counted(world)
    );
  });

  it('records per-record problems as issues, counts repeats on one row, closes on success and reopens', async () => {
    const person = '0035g00000ABCDEAAA';
    const failing: Phase = {
      name: 'provision',
      label: 'issues',
      async run(ctx) {
        ctx.issues.report({
          code: 'TALENTLMS_DUPLICATE_EMAIL',
          action: 'create',
          subject: person,
          message: 'dup',
          personName: 'Jo'
        });
        ctx.counts.failed += 1;
      }
    };
    const first = await cli(world, ['run', '--json'], { phases: [failing] });
    assert.equal(first.exitCode, 1, 'a failed record makes the run partial');
    assert.equal(first.summary!.status, 'partial');
    assert.deepEqual(first.summary!.issues, { opened: 1, closed: 0, open: 1 });
    await cli(world, ['run'], { phases: [failing] });
    let [issue] = world.sf.store.all('SyncIssue__c');
    assert.equal(issue.tlms__Count__c, 2, 'the same problem again is the same row, counted');
    assert.equal(issue.tlms__Status__c, 'Open');
    assert.match(String(issue.tlms__Hint__c), /adopts|duplicate/);
    const lastRun = world.sf.store.get(String(issue.tlms__LastRun__c));
    assert.equal(lastRun?.tlms__Status__c, 'Partial', 'the issue links to the run that last saw it');

    const fixed: Phase = {
      name: 'provision',
      label: 'ok',
      run: async (ctx) => ctx.issues.resolve(person, 'create')
    };
    const closing = await cli(world, ['run', '--json'], { phases: [fixed] });
    assert.equal(closing.exitCode, 0);
    assert.deepEqual(closing.summary!.issues, { opened: 0, closed: 1, open: 0 });
    [issue] = world.sf.store.all('SyncIssue__c');
    assert.equal(issue.tlms__Status__c, 'Closed');

    world.sf.store.update('SyncIssue__c', [{ Id: issue.Id, tlms__Status__c: 'ResolvedByAdmin' }]);
    const again = await cli(world, ['run', '--json'], { phases: [failing] });
    assert.deepEqual(again.summary!.issues, { opened: 1, closed: 0, open: 1 });
    [issue] = world.sf.store.all('SyncIssue__c');
    assert.equal(issue.tlms__Status__c, 'Open', 'an admin-resolved issue that recurs reopens');
    assert.equal(world.sf.store.all('SyncIssue__c').length, 1);
    await cli(world, ['run'], { phases: [fixed] });
  });

  it('skips with exit 4 while another run holds the lock, and takes over a stale lock', async () => {
    const now = world.clock.now();
    const [lockId] = world.sf.store.insert('SyncLock__c', [
      {
        Name: 'default',
        tlms__LockKey__c: 'default',
        tlms__Owner__c: 'other-host:42',
        tlms__RunId__c: 'other-run',
        tlms__ExpiresAt__c: new Date(now + 10 * 60_000).toISOString()
      }
    ]);
    const held = await cli(world, ['run', '--json']);
    assert.equal(held.exitCode, 4);
    assert.equal(held.summary!.status, 'skipped');
    assert.equal(held.summary!.stopReason, 'lockHeld');
    assert.equal(held.summary!.error?.code, 'LOCK_HELD');
    assert.match(held.summary!.error!.message, /other-host:42/);
    assert.deepEqual(validate(held.summary), []);
    const skipped = world.sf.store.all('SyncRun__c').find((r) => r.tlms__RunId__c === held.summary!.runId);
    assert.equal(skipped?.tlms__Status__c, 'Skipped');
    assert.equal(world.sf.store.get(lockId)?.tlms__Owner__c, 'other-host:42', 'the holder keeps its lock');

    world.clock.advance(11 * 60_000);
    const takeover = await cli(world, ['run', '--json']);
    assert.equal(takeover.exitCode, 0, takeover.stdout);
    assert.match(takeover.stderr, /stale lock/);
    assert.equal(world.sf.store.all('SyncLock__c').length, 0);
  });

  it('refuses a run that overlaps a running one (exit 4), which then finishes normally', async () => {
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const inPhase = new Promise<void>((resolve) => (started = resolve));
    const slow: Phase = {
      name: 'provision',
      label: 'slow',
      async run() {
        started();
        await holding;
      }
    };
    const first = cli(world, ['run', '--json'], { phases: [slow] });
    await inPhase;
    const second = await cli(world, ['run', '--json']);
    assert.equal(second.exitCode, 4);
    assert.equal(second.summary!.status, 'skipped');
    release();
    const done = await first;
    assert.equal(done.exitCode, 0, done.stdout);
    assert.match(
      second.summary!.error!.message,
      new RegExp(done.summary!.runId),
      'the refusal names the holder'
    );
    assert.equal(world.sf.store.all('SyncLock__c').length, 0);
  });

  it('refuses a binding mismatch with exit 2 and touches nothing', async () => {
    const [state] = world.sf.store.all('SyncState__c');
    world.sf.store.update('SyncState__c', [
      { Id: state.Id, tlms__TalentLmsDomain__c: 'production.talentlms.com' }
    ]);
    const result = await cli(world, ['run', '--json']);
    assert.equal(result.exitCode, 2);
    assert.equal(result.summary!.error?.code, 'BINDING_MISMATCH');
    assert.match(result.summary!.error!.message, /production\.talentlms\.com/);
    assert.match(result.summary!.error!.hint ?? '', /rebind/);
    assert.equal(world.sf.store.all('SyncLock__c').length, 0, 'the lock is released after a refusal');
    world.sf.store.update('SyncState__c', [{ Id: state.Id, tlms__TalentLmsDomain__c: 'acme.talentlms.com' }]);
  });

  it('refuses to run without active settings', async () => {
    const [settings] = world.sf.store.all('ConnectorSettings__c');
    const json = settings.tlms__ActiveJson__c;
    world.sf.store.update('ConnectorSettings__c', [{ Id: settings.Id, tlms__ActiveJson__c: null }]);
    const result = await cli(world, ['run', '--json']);
    assert.equal(result.exitCode, 2);
    assert.equal(result.summary!.error?.code, 'SETTINGS_NOT_ACTIVE');
    assert.match(result.summary!.error!.hint ?? '', /Setup tab/);
    world.sf.store.update('ConnectorSettings__c', [
      { Id: settings.Id, tlms__ActiveJson__c: '{"schemaVersion":1,"budgets":{"talentlmsShare":7}}' }
    ]);
    const invalid = await cli(world, ['run', '--json']);
    assert.equal(invalid.exitCode, 2);
    assert.equal(invalid.summary!.error?.code, 'SETTINGS_INVALID');
    assert.match(invalid.summary!.error!.message, /budgets\.talentlmsShare/, 'the message names the path');
    world.sf.store.update('ConnectorSettings__c', [{ Id: settings.Id, tlms__ActiveJson__c: json }]);
  });
});
