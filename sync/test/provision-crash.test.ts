import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { World } from './support/world';
import {
  addContacts,
  field,
  learners,
  provision,
  settingsWith,
  startProvisionWorld,
  tlUsers,
  WRITE_ENDPOINTS
} from './support/provisionWorld';

/**
 * Crash safety, enumerated at every boundary: a 50-person provisioning (one group created, then 50 signups)
 * crashes right after its k-th TalentLMS write, for every k. From then on every TalentLMS write is refused and
 * the run's Learner__c results never reach Salesforce (as if the process died), so only the write-ahead rows
 * (state Creating, with the login) survive. A second run must converge: every person exactly one TalentLMS
 * user, linked, in the group, nobody missing.
 */
const PEOPLE = 50;
const WRITES = PEOPLE + 1;
const WRITE_ROUTE = `/(${WRITE_ENDPOINTS.join('|')})/`;

/** One pair of emulators for every k: each round starts from an empty portal and 50 new Contacts. */
async function crashAfter(world: World, k: number, inactivePortal = false): Promise<void> {
  world.tl.state.clear();
  world.tl.rateLimiter.reset();
  const old = [...world.sf.store.all('Contact'), ...world.sf.store.all('Learner__c')].map((r) =>
    String(r.Id)
  );
  if (old.length > 0) world.sf.store.delete(old);
  const ids = addContacts(world.sf, PEOPLE, () => ({ Department: 'Partners' }));
  // After k writes: the next TalentLMS write dies with the connection, and so does every later one.
  world.tl.faults.add({ kind: 'reset', route: WRITE_ROUTE, after: k });
  // The run's own Learner__c results are lost too; the write-ahead (first Learner__c upsert) went through.
  world.sf.faults.add({ kind: 'status', status: 400, method: 'PATCH', route: 'Learner__c', after: 1 });
  const crashed = await provision(world);
  if (k < WRITES) assert.notEqual(crashed.exitCode, 0, `k=${k}: the first run stopped`);
  const written = tlUsers(world.tl).length;
  if (inactivePortal) assert.ok(written <= k, `k=${k}: at most one user per write`);
  else
    assert.equal(written, Math.max(0, Math.min(k, WRITES) - 1), `k=${k}: TalentLMS holds what was written`);
  const creating = [...learners(world.sf).values()].filter((r) => field(r, 'State__c') === 'Creating');
  // The group is created before anyone is written ahead, so a crash on that first write leaves no row at all.
  assert.equal(creating.length, k === 0 ? 0 : PEOPLE, `k=${k}: only the write-ahead rows survived`);
  world.tl.faults.clear();
  world.sf.faults.clear();

  const rerun = await provision(world);
  assert.equal(rerun.exitCode, 0, `k=${k}: ${rerun.stdout}`);
  const users = tlUsers(world.tl);
  assert.equal(users.length, PEOPLE, `k=${k}: no duplicate and no missing learner`);
  assert.equal(new Set(users.map((u) => u.email)).size, PEOPLE, `k=${k}: one TalentLMS user per e-mail`);
  const rows = learners(world.sf);
  const linked = new Set<string>();
  for (const id of ids) {
    const row = rows.get(id);
    assert.equal(field(row, 'State__c'), 'Synced', `k=${k}: ${id} synced`);
    const tlId = String(field(row, 'TalentLmsUserId__c'));
    assert.ok(world.tl.state.users.get(tlId), `k=${k}: ${id} linked to a live user`);
    linked.add(tlId);
  }
  assert.equal(linked.size, PEOPLE, `k=${k}: every learner its own TalentLMS user`);
  assert.ok(
    users.every((u) => u.status === 'active'),
    `k=${k}: every signup finished, activation included`
  );
  const groups = [...world.tl.state.groups.values()].filter((g) => g.name === 'Partners');
  assert.equal(groups.length, 1, `k=${k}: one group`);
  assert.equal(groups[0].userIds.size, PEOPLE, `k=${k}: everyone in the group`);
}

describe('crash safety of a 50-person provisioning', () => {
  it('on a portal that signs users up inactive, a crash between signup and activation is finished next run', async () => {
    const world = await startProvisionWorld({
      portal: { signupCreatesInactive: true },
      settings: settingsWith((s) => {
        s.contacts.enabled = true;
        s.contacts.groupField = 'Department';
      })
    });
    try {
      // 1 group + 50 × (signup, activation) = 101 writes; the boundaries around the first and last people.
      for (const k of [0, 1, 2, 3, 4, 5, 6, 50, 51, 98, 99, 100, 101]) await crashAfter(world, k, true);
    } finally {
      await world.close();
    }
  });

  it(`converges after a crash following the k-th TalentLMS write, for every k in 0…${WRITES}`, async () => {
    const only = process.env.TLMS_CRASH_K;
    const ks = only ? only.split(',').map(Number) : Array.from({ length: WRITES + 1 }, (_, k) => k);
    const world = await startProvisionWorld({
      settings: settingsWith((s) => {
        s.contacts.enabled = true;
        s.contacts.groupField = 'Department';
      })
    });
    try {
      for (const k of ks) await crashAfter(world, k);
    } finally {
      await world.close();
    }
  });
});
