import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { World } from './support/world';
import { salesforceId } from '../../emulators/shared/salesforceId';
import {
  addUsers,
  field,
  learners,
  provision,
  settingsWith,
  startProvisionWorld
} from './support/provisionWorld';

describe('provisioning: deactivation only on positive absence, never SuperAdmins, circuit breaker', () => {
  let world: World;
  let users: string[];
  const status = (id: string) => {
    const tlId = String(field(learners(world.sf).get(id), 'TalentLmsUserId__c'));
    return world.tl.state.users.get(tlId)?.status;
  };

  before(async () => {
    world = await startProvisionWorld({
      settings: settingsWith((s) => {
        s.users.enabled = true;
        s.users.filter = {
          logic: 'all',
          conditions: [{ field: 'Department', fieldType: 'string', operator: 'equals', value: 'Sales' }]
        };
        s.special.deactivateNotSynced = true;
        s.special.maxDeactivationShare = 0.5;
        s.special.deactivationAllowance = 1;
      })
    });
    users = addUsers(world.sf, 8, () => ({ Department: 'Sales' }));
    const first = await provision(world);
    assert.equal(first.summary?.counts.created, 8, first.stdout);
  });

  after(async () => world.close());

  it('deactivates people who are inactive or outside the filter', async () => {
    world.sf.store.update('User', [
      { Id: users[0], IsActive: false },
      { Id: users[1], Department: 'Support' }
    ]);
    const result = await provision(world);
    assert.equal(result.exitCode, 0, result.stdout);
    assert.equal(result.summary?.counts.deactivated, 2);
    assert.equal(status(users[0]), 'inactive');
    assert.equal(status(users[1]), 'inactive');
    const rows = learners(world.sf);
    assert.equal(field(rows.get(users[0]), 'ExclusionReason__c'), 'inactive');
    assert.equal(field(rows.get(users[1]), 'ExclusionReason__c'), 'filter');
    assert.equal(field(rows.get(users[1]), 'State__c'), 'Excluded');
  });

  it('never deactivates someone Salesforce does not return, nor a SuperAdmin', async () => {
    // A well-formed User Id that no query returns (purged, or not visible to the integration user).
    const ghostId = salesforceId('005', 999_999, '9z');
    const owner = [...world.tl.state.users.values()].find((u) => u.user_type === 'SuperAdmin');
    assert.ok(owner, 'the portal owner');
    const someone = world.tl.state.addUser({
      login: 'ghost',
      email: 'ghost@example.com',
      first_name: 'G',
      last_name: 'Host'
    });
    const [inactiveAdmin] = addUsers(world.sf, 1, () => ({ Department: 'Sales', IsActive: false }));
    world.sf.store.insert('Learner__c', [
      // A User Id the integration user cannot read (or that no longer exists): no positive evidence.
      {
        Name: 'Ghost',
        SalesforceId__c: ghostId,
        PersonType__c: 'User',
        TalentLmsUserId__c: someone.id,
        State__c: 'Synced',
        TalentLmsStatus__c: 'Active'
      },
      // Inactive in Salesforce, but linked to the TalentLMS SuperAdmin.
      {
        Name: 'Owner',
        SalesforceId__c: inactiveAdmin,
        PersonType__c: 'User',
        TalentLmsUserId__c: owner.id,
        State__c: 'Synced',
        TalentLmsStatus__c: 'Active'
      }
    ]);
    const result = await provision(world);
    assert.equal(result.summary?.counts.deactivated, 0, result.stdout);
    assert.equal(someone.status, 'active', 'not found is not absent');
    assert.equal(owner.status, 'active', 'SuperAdmins are never deactivated');
    const rows = learners(world.sf);
    assert.equal(field(rows.get(ghostId), 'State__c'), 'NeedsReview');
    assert.equal(field(rows.get(inactiveAdmin), 'State__c'), 'Excluded');
  });

  it('the circuit breaker stops a run that would deactivate too many (exit 5), changing nothing', async () => {
    world.sf.store.update(
      'User',
      users.slice(2, 6).map((Id) => ({ Id, IsActive: false }))
    );
    const plan = await provision(world, ['plan', '--json']);
    assert.equal(plan.exitCode, 0, plan.stdout);
    const stored = world.sf.store.all('SyncRun__c').filter((r) => r.tlms__Mode__c === 'Plan');
    const verdict = JSON.parse(String(stored.at(-1)?.tlms__Plan__c)).circuitBreaker;
    assert.equal(verdict.tripped, true, 'the plan shows the verdict');
    assert.equal(verdict.deactivations, 4);
    assert.ok(
      plan.summary?.warnings.some((w) => /exit 5/.test(w)),
      'plan warns that a run would stop'
    );

    const result = await provision(world);
    assert.equal(result.exitCode, 5, result.stdout);
    assert.equal(result.summary?.stopReason, 'circuitBreaker');
    for (const id of users.slice(2, 6)) assert.equal(status(id), 'active', 'nothing deactivated');
  });
});
