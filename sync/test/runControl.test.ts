import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CircuitBreakerError } from '../src/core/errors';
import type { Phase } from '../src/engine/phase';
import { defaultSettings } from '../src/settings';
import { runSummaryValidator } from './support/contract';
import { examplePlan } from './support/plans';
import { activateSettings, cli, counted, resetCounters, startWorld, type World } from './support/world';

const validate = runSummaryValidator();
const MINUTE = 60_000;

function phase(run: Phase['run'], name: Phase['name'] = 'provision'): Phase[] {
  return [{ name, label: 'test', run }];
}

describe('how runs stop', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(() => world.close());
  beforeEach(() => resetCounters(world));

  it('moves the lock expiry forward at checkpoints (heartbeat)', async () => {
    let beat: unknown;
    let before: unknown;
    const result = await cli(world, ['run', '--json'], {
      phases: phase(async (ctx) => {
        before = world.sf.store.all('SyncLock__c')[0].tlms__ExpiresAt__c;
        world.clock.advance(11 * MINUTE);
        await ctx.checkpoint();
        beat = world.sf.store.all('SyncLock__c')[0].tlms__HeartbeatAt__c;
      })
    });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(
      Date.parse(String(beat)),
      result.summary!.startedAt ? Date.parse(result.summary!.startedAt) + 11 * MINUTE : NaN
    );
    assert.notEqual(before, undefined);
  });

  it('ends the run when the lock was taken away (LOCK_LOST, exit 1)', async () => {
    const result = await cli(world, ['run', '--json'], {
      phases: phase(async (ctx) => {
        world.sf.store.delete(world.sf.store.all('SyncLock__c').map((l) => String(l.Id)));
        world.clock.advance(11 * MINUTE);
        await ctx.checkpoint();
        assert.fail('the checkpoint must stop the run');
      })
    });
    assert.equal(result.exitCode, 1);
    assert.equal(result.summary!.status, 'failed');
    assert.equal(result.summary!.error?.code, 'LOCK_LOST');
  });

  it('records an interrupted run as partial/interrupted and releases the lock', async () => {
    const controller = new AbortController();
    const result = await cli(world, ['run', '--json'], {
      signal: controller.signal,
      phases: phase(async (ctx) => {
        ctx.counts.updated += 1;
        controller.abort('SIGTERM');
        await ctx.checkpoint();
      })
    });
    assert.equal(result.exitCode, 1);
    assert.equal(result.summary!.status, 'partial');
    assert.equal(result.summary!.stopReason, 'interrupted');
    const record = world.sf.store.all('SyncRun__c').find((r) => r.tlms__RunId__c === result.summary!.runId)!;
    assert.equal(record.tlms__Status__c, 'Partial');
    assert.equal(record.tlms__StopReason__c, 'Interrupted');
    assert.equal(record.tlms__Updated__c, 1);
    assert.equal(world.sf.store.all('SyncLock__c').length, 0);
  });

  it('stops at the TalentLMS share with exit 3, reporting what the emulator counted', async () => {
    world.tl.configure({ plan: { hourlyLimit: 40 } });
    world.clock.advance(61 * MINUTE); // a fresh hourly window
    let made = 0;
    const result = await cli(world, ['run', '--json'], {
      phases: phase(async (ctx) => {
        for (;;) {
          await ctx.tl.get('siteinfo');
          made += 1;
        }
      })
    });
    assert.equal(result.exitCode, 3, result.stdout);
    assert.equal(result.summary!.status, 'partial');
    assert.equal(result.summary!.stopReason, 'quota');
    assert.equal(result.summary!.error?.code, 'TALENTLMS_QUOTA_SPENT');
    assert.equal(made, 20, 'half of the 40-call hour (default share 0.5)');
    assert.deepEqual(
      { salesforce: result.summary!.calls.salesforce, talentlms: result.summary!.calls.talentlms },
      counted(world)
    );
    assert.equal(result.summary!.quota.talentlms.limit, 40);
    assert.deepEqual(validate(result.summary), []);
    world.tl.configure({ plan: { hourlyLimit: 2000 } });
  });

  it('stops with exit 5 when a phase trips the circuit breaker', async () => {
    const result = await cli(world, ['run', '--json'], {
      phases: phase(async () => {
        throw new CircuitBreakerError('12 of 40 learners (30%) would be deactivated; the limit is 10%');
      })
    });
    assert.equal(result.exitCode, 5);
    assert.equal(result.summary!.stopReason, 'circuitBreaker');
    const record = world.sf.store.all('SyncRun__c').find((r) => r.tlms__RunId__c === result.summary!.runId)!;
    assert.equal(record.tlms__StopReason__c, 'CircuitBreaker');
    assert.equal(record.tlms__ErrorCode__c, 'CIRCUIT_BREAKER');
  });

  it('reports an unexpected error as failed with exit 1 and still cleans up', async () => {
    const result = await cli(world, ['run', '--json'], {
      phases: phase(async () => {
        throw new TypeError('boom');
      })
    });
    assert.equal(result.exitCode, 1);
    assert.equal(result.summary!.status, 'failed');
    assert.equal(result.summary!.error?.code, 'UNEXPECTED_ERROR');
    assert.equal(world.sf.store.all('SyncLock__c').length, 0);
  });

  it('stores a plan on a Plan run and writes nothing else', async () => {
    const result = await cli(world, ['plan', '--json'], {
      phases: phase(async (ctx) => {
        assert.equal(ctx.mode, 'plan');
        ctx.setPlan(examplePlan(3));
      })
    });
    assert.equal(result.exitCode, 0);
    const record = world.sf.store.all('SyncRun__c').find((r) => r.tlms__RunId__c === result.summary!.runId)!;
    assert.equal(record.tlms__Mode__c, 'Plan');
    assert.deepEqual(JSON.parse(String(record.tlms__Plan__c)), examplePlan(3));
  });
});

describe('the Salesforce budget', () => {
  it('stops at the Salesforce share with exit 3 (the org’s daily allowance is shared)', async () => {
    const world = await startWorld({ salesforce: { dailyRequestLimit: 200 } });
    try {
      const settings = defaultSettings();
      settings.budgets.salesforceShare = 0.5;
      activateSettings(world.sf, settings, 2);
      const result = await cli(world, ['run', '--json'], {
        phases: phase(async (ctx) => {
          for (;;) {
            await ctx.sf.query(`SELECT Id FROM ${ctx.schema.Learner.name} LIMIT 1`);
            await ctx.checkpoint();
          }
        })
      });
      assert.equal(result.exitCode, 3, result.stdout);
      assert.equal(result.summary!.error?.code, 'SALESFORCE_QUOTA_SPENT');
      const usage = result.summary!.quota.salesforce;
      // The checkpoint stops once more than half is used; the bookkeeping after it adds a few calls.
      assert.ok(usage.used! > 100 && usage.used! <= 105, `stopped at half of 200 (used ${usage.used})`);
      assert.equal(world.sf.calls.snapshot().total, result.summary!.calls.salesforce);
      assert.equal(result.summary!.settingsVersion, 2);
    } finally {
      await world.close();
    }
  });
});
