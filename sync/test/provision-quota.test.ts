import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addContacts,
  field,
  learners,
  provision,
  settingsWith,
  startProvisionWorld,
  tlUsers
} from './support/provisionWorld';

/**
 * Quota pacing: an hourly quota of 300 with a 50% share lets a run spend at most 150 calls. A 400-person
 * provisioning stops cleanly (exit 3) at or under that, and each run an hour later continues where the last
 * one stopped, with no duplicate, until everyone is provisioned.
 */
describe('provisioning inside the TalentLMS quota share', () => {
  it('stops at ≤ 150 calls with exit 3 and resumes an hour later without duplicates', async () => {
    const world = await startProvisionWorld({
      plan: { hourlyLimit: 300 },
      settings: settingsWith((s) => {
        s.contacts.enabled = true;
        s.budgets.talentlmsShare = 0.5;
      })
    });
    try {
      const ids = addContacts(world.sf, 400);
      const exits: number[] = [];
      for (let hour = 0; hour < 5; hour += 1) {
        world.tl.calls.reset();
        const result = await provision(world);
        exits.push(result.exitCode);
        const calls = world.tl.calls.snapshot().total;
        assert.ok(calls <= 150, `run ${hour + 1} made ${calls} TalentLMS calls`);
        assert.equal(result.summary?.calls.talentlms, calls, 'reported calls equal the emulator counter');
        assert.equal(
          new Set(tlUsers(world.tl).map((u) => u.email)).size,
          tlUsers(world.tl).length,
          'no duplicate'
        );
        if (result.exitCode === 0) break;
        assert.equal(result.exitCode, 3, result.stdout);
        assert.equal(result.summary?.stopReason, 'quota');
        assert.ok((result.summary?.counts.created ?? 0) > 100, 'most of the share went to signups');
        world.clock.advance(60 * 60 * 1000);
      }
      assert.deepEqual(exits, [3, 3, 0], 'two hours spent, the third run finishes');
      assert.equal(tlUsers(world.tl).length, 400);
      const rows = learners(world.sf);
      for (const id of ids) assert.equal(field(rows.get(id), 'State__c'), 'Synced', id);
    } finally {
      await world.close();
    }
  });
});
