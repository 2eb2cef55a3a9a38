import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTalentLmsEmulator, type TalentLmsEmulator } from '../../emulators/talentlms';
import { runCli } from '../src/cli';
import { portalIdOf } from '../src/core/keys';
import type { RunSummary } from '../src/core/runSummary';
import type { RebindSummary } from '../src/engine/rebind';
import { defaultPhases } from '../src/engine/registry';
import { addUsers, settingsWith, startProvisionWorld } from './support/provisionWorld';
import { TL_KEY, type World } from './support/world';

const HOUR = 3_600_000;

describe('tlms-sync rebind', () => {
  let world: World;
  let beta: TalentLmsEmulator;
  let betaEnv: Record<string, string>;

  async function tlmsSync(
    args: string[],
    env: Record<string, string> = world.env,
    prompt?: (question: string) => Promise<string>
  ): Promise<{ exitCode: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const { exitCode } = await runCli(args, {
      env: { ...env, TLMS_LOG_LEVEL: 'warn' },
      cwd: process.cwd(),
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      clock: world.clock,
      phases: defaultPhases(),
      prompt
    });
    return { exitCode, stdout, stderr };
  }
  const run = async (env?: Record<string, string>) => {
    const result = await tlmsSync(['run', '--json'], env);
    return { ...result, summary: JSON.parse(result.stdout) as RunSummary };
  };
  const courses = () => world.sf.store.all('UserCourse__c').map((r) => ({ ...r }) as Record<string, unknown>);
  const keyed = (portal: string) =>
    courses().filter((r) => String(r.tlms__ExternalKey__c).startsWith(`${portal}:`));

  before(async () => {
    world = await startProvisionWorld({ settings: settingsWith((s) => (s.users.enabled = true)) });
    beta = await startTalentLmsEmulator({
      clock: world.clock,
      apiKey: TL_KEY,
      domain: 'beta.talentlms.com',
      plan: { hourlyLimit: 10_000 }
    });
    betaEnv = { ...world.env, TLMS_DOMAIN: beta.domain, TLMS_BASE_URL: beta.baseUrl };
    addUsers(world.sf, 3);
  });
  after(async () => {
    await beta.close();
    await world.close();
  });

  it('refuses without a confirmation when it cannot ask, and changes nothing', async () => {
    world.sf.calls.reset();
    const result = await tlmsSync(['rebind', '--json']);
    assert.equal(result.exitCode, 2);
    const summary = JSON.parse(result.stdout) as RebindSummary;
    assert.equal(summary.status, 'failed');
    assert.equal(summary.error?.code, 'USAGE_INVALID');
    assert.match(summary.error!.message, /--yes/);
    assert.equal(world.sf.calls.snapshot().total, 0, 'not even a connection');
  });

  it('after a rebind to another portal, a run creates new-keyed records and the old ones stay untouched', async () => {
    // Portal "acme": provision three learners, one completes a course, learning comes back.
    const first = await run();
    assert.equal(first.summary.status, 'succeeded', first.stderr);
    const [learner] = [...world.tl.state.users.values()].filter((u) => u.user_type !== 'SuperAdmin');
    const courseA = world.tl.state.addCourse({ name: 'Safety' });
    world.tl.simulator.enrol(learner.id, courseA.id);
    world.tl.simulator.complete(learner.id, courseA.id, { seconds: 600 });
    world.clock.advance(HOUR);
    const second = await run();
    assert.ok(['succeeded', 'partial'].includes(second.summary.status), second.stderr);
    const acme = portalIdOf(world.tl.domain);
    const before = keyed(acme);
    assert.equal(before.length, 1, 'one course record, keyed with the acme portal id');

    // The org is bound to acme: a run against beta is refused.
    const refused = await run(betaEnv);
    assert.equal(refused.summary.error?.code, 'BINDING_MISMATCH');

    // A person answers the prompt wrongly: nothing changes.
    const cancelled = await tlmsSync(['rebind', '--json'], betaEnv, () =>
      Promise.resolve('acme.talentlms.com')
    );
    assert.equal((JSON.parse(cancelled.stdout) as RebindSummary).status, 'cancelled', cancelled.stdout);
    assert.equal(world.sf.store.all('SyncState__c')[0].tlms__TalentLmsDomain__c, 'acme.talentlms.com');

    // Confirmed (a script passes --yes).
    const rebind = await tlmsSync(['rebind', '--json', '--yes'], betaEnv);
    assert.equal(rebind.exitCode, 0, rebind.stderr);
    const summary = JSON.parse(rebind.stdout) as RebindSummary;
    assert.equal(summary.status, 'succeeded');
    assert.equal(summary.learnersUnlinked, 3);
    assert.deepEqual(summary.previous, {
      organizationId: world.sf.organizationId,
      talentlmsDomain: 'acme.talentlms.com',
      portalId: acme
    });
    assert.deepEqual(summary.next, {
      talentlmsDomain: 'beta.talentlms.com',
      portalId: portalIdOf('beta.talentlms.com')
    });
    const state = world.sf.store.all('SyncState__c')[0];
    assert.equal(state.tlms__OrganizationId__c ?? null, null, 'the binding is cleared');
    assert.equal(state.tlms__Watermarks__c ?? null, null, 'the watermarks are cleared');
    for (const row of world.sf.store.all('Learner__c')) {
      assert.equal(row.tlms__TalentLmsUserId__c ?? null, null, 'no learner keeps its acme user id');
      assert.equal(row.tlms__PortalId__c ?? null, null);
    }
    assert.equal(world.sf.store.all('SyncLock__c').length, 0, 'the lock is released');

    // Portal "beta": the next run binds to it and creates the learners there.
    const onBeta = await run(betaEnv);
    assert.equal(onBeta.summary.status, 'succeeded', onBeta.stderr);
    assert.equal(world.sf.store.all('SyncState__c')[0].tlms__TalentLmsDomain__c, 'beta.talentlms.com');
    const betaLearners = [...beta.state.users.values()].filter((u) => u.user_type !== 'SuperAdmin');
    assert.equal(betaLearners.length, 3, 'the three people now exist on beta');
    const betaUser = betaLearners.find((u) => u.email === learner.email)!;
    assert.ok(betaUser, 'matched by e-mail');
    // beta numbers its users and courses like acme did: the same TalentLMS ids, another portal.
    const courseB = beta.state.addCourse({ name: 'Safety' });
    assert.equal(`${betaUser.id}:${courseB.id}`, `${learner.id}:${courseA.id}`, 'ids collide across portals');
    beta.simulator.enrol(betaUser.id, courseB.id);
    world.clock.advance(HOUR);
    const third = await run(betaEnv);
    assert.ok(['succeeded', 'partial'].includes(third.summary.status), third.stderr);

    const betaRecords = keyed(portalIdOf(beta.domain));
    assert.equal(betaRecords.length, 1, 'a new record, keyed with the beta portal id');
    assert.notEqual(betaRecords[0].Id, before[0].Id);
    assert.equal(betaRecords[0].tlms__Status__c, 'NotStarted');
    assert.equal(before[0].tlms__Status__c, 'Completed');
    assert.deepEqual(keyed(acme), before, 'the acme record is exactly as it was');
  });
});
