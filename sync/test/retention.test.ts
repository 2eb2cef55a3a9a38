import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { retentionPhase } from '../src/engine/retention';
import { defaultPhases } from '../src/engine/registry';
import { defaultSettings } from '../src/settings';
import { cli, counted, resetCounters, START, startWorld, type World } from './support/world';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('retention: old runs and closed issues are pruned in bounded batches', () => {
  let world: World;
  const settings = defaultSettings();
  settings.retention = { runsDays: 30, closedIssuesDays: 10, settingsChangesDays: 365 };

  before(async () => {
    world = await startWorld({ settings });
    const store = world.sf.store;
    const runs = (count: number, ageDays: number, tag: string) =>
      Array.from({ length: count }, (_, i) => ({
        Name: `${tag}-${i}`,
        RunId__c: `${tag}-${i}`,
        Mode__c: 'Run',
        Status__c: 'Succeeded',
        StartedAt__c: iso(START - ageDays * DAY - i * 1000)
      }));
    store.insert('SyncRun__c', [...runs(250, 31, 'old'), ...runs(5, 29, 'recent')]);
    const issue = (key: string, status: string, closedDaysAgo: number | null) => ({
      Name: key,
      IssueKey__c: key,
      SalesforceId__c: '003000000000001AAA',
      Code__c: 'SALESFORCE_WRITE_FAILED',
      Status__c: status,
      FirstSeenAt__c: iso(START - 60 * DAY),
      ...(closedDaysAgo === null ? {} : { ClosedAt__c: iso(START - closedDaysAgo * DAY) })
    });
    store.insert('SyncIssue__c', [
      ...Array.from({ length: 30 }, (_, i) => issue(`closed-old-${i}`, 'Closed', 11)),
      issue('resolved-old', 'ResolvedByAdmin', 40),
      issue('closed-recent', 'Closed', 9),
      issue('open-old', 'Open', null)
    ]);
    store.insert('SettingsChange__c', [{ Action__c: 'SaveDraft', ChangedAt__c: iso(START - 400 * DAY) }]);
  });
  after(() => world.close());

  const names = (object: string) =>
    world.sf.store
      .all(object)
      .map((r) => String(r.Name))
      .sort();

  it('prunes at most maxBatches × batchSize a run, counts its calls, and finishes on the next run', async () => {
    resetCounters(world);
    const phase = retentionPhase({ batchSize: 100, maxBatches: 2 });
    const first = await cli(world, ['run', '--json'], { phases: [phase] });
    assert.equal(first.exitCode, 0, first.stderr);
    assert.deepEqual(
      { salesforce: first.summary!.calls.salesforce, talentlms: first.summary!.calls.talentlms },
      counted(world),
      'the summary counts what the emulator counted'
    );
    // runs: 2 × (query + delete); issues: one short batch (query + delete)
    assert.deepEqual(first.summary!.calls.byPhase.retention, { salesforce: 6, talentlms: 0 });
    const runsLeft = names('SyncRun__c').filter((n) => n.startsWith('old-'));
    assert.equal(runsLeft.length, 50, 'bounded: 200 of 250 old runs pruned');
    assert.deepEqual(
      names('SyncIssue__c'),
      ['closed-recent', 'open-old'],
      'old closed and resolved issues pruned; open and recent ones kept'
    );

    const second = await cli(world, ['run', '--json'], { phases: [phase] });
    assert.equal(second.exitCode, 0, second.stderr);
    const runs = names('SyncRun__c');
    assert.equal(runs.filter((n) => n.startsWith('old-')).length, 0, 'the rest pruned next run');
    assert.equal(runs.filter((n) => n.startsWith('recent-')).length, 5, 'recent runs kept');
    assert.equal(world.sf.store.all('SettingsChange__c').length, 1, 'settings changes are left to Apex');
  });

  it('writes nothing in plan mode, and is registered as the last default phase', async () => {
    world.sf.store.insert('SyncRun__c', [
      { Name: 'old-plan', RunId__c: 'old-plan', StartedAt__c: iso(START - 90 * DAY) }
    ]);
    const plan = await cli(world, ['plan', '--json'], { phases: [retentionPhase()] });
    assert.equal(plan.summary!.calls.byPhase.retention.salesforce, 0);
    assert.ok(names('SyncRun__c').includes('old-plan'));
    const phases = defaultPhases();
    assert.equal(phases[phases.length - 1].name, 'retention');
  });
});
