import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { World } from './support/world';
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

describe('provisioning: identity', () => {
  let world: World;
  let user: string;
  let contactSameAsUser: string;
  let sharedA: string;
  let sharedB: string;
  let adminContact: string;
  let learnerContact: string;
  let existingLearnerId: string;

  before(async () => {
    world = await startProvisionWorld({
      settings: settingsWith((s) => {
        s.users.enabled = true;
        s.contacts.enabled = true;
      })
    });
    const { sf, tl } = world;
    [user] = addUsers(sf, 1, () => ({ Email: 'Ada@Example.com', FirstName: 'Ada', LastName: 'Lovelace' }));
    [contactSameAsUser] = addContacts(sf, 1, () => ({ Email: 'ada@example.com' }));
    [sharedA, sharedB] = addContacts(sf, 2, () => ({ Email: 'team@example.com' }));
    tl.state.addUser({
      login: 'boss',
      email: 'boss@example.com',
      first_name: 'B',
      last_name: 'Oss',
      user_type: 'Admin-Type'
    });
    [adminContact] = addContacts(sf, 1, () => ({ Email: 'boss@example.com' }));
    existingLearnerId = tl.state.addUser({
      login: 'grace',
      email: 'grace@example.com',
      first_name: 'Grace',
      last_name: 'Hopper'
    }).id;
    [learnerContact] = addContacts(sf, 1, () => ({
      Email: 'grace@example.com',
      FirstName: 'Grace',
      LastName: 'Hopper'
    }));
    const result = await provision(world);
    assert.equal(result.summary?.counts.failed, 0, result.stdout);
  });

  after(async () => world.close());

  it('a User wins over a Contact with the same e-mail; the run-as user is never a learner', () => {
    const rows = learners(world.sf);
    assert.equal(rows.has(world.sf.runAsUserId), false, 'the base filter leaves the integration user out');
    assert.equal(field(rows.get(user), 'State__c'), 'Synced');
    assert.equal(field(rows.get(contactSameAsUser), 'State__c'), 'Excluded');
    assert.equal(field(rows.get(contactSameAsUser), 'ExclusionReason__c'), 'sameEmailAsUser');
    assert.equal(tlUsers(world.tl).filter((u) => u.email.toLowerCase() === 'ada@example.com').length, 1);
  });

  it('Contacts sharing an e-mail go to review, listing who, and nobody is created for them', () => {
    const rows = learners(world.sf);
    for (const [self, other] of [
      [sharedA, sharedB],
      [sharedB, sharedA]
    ]) {
      assert.equal(field(rows.get(self), 'State__c'), 'NeedsReview');
      assert.match(String(field(rows.get(self), 'StateMessage__c')), new RegExp(other));
    }
    assert.equal(
      tlUsers(world.tl).some((u) => u.email === 'team@example.com'),
      false
    );
    const issues = world.sf.store.all('SyncIssue__c').filter((i) => i.tlms__Code__c === 'NEEDS_REVIEW');
    assert.ok(issues.length >= 2, 'review issues for Sync Health');
  });

  it('never adopts an admin without the setting, adopts an existing learner account', () => {
    const rows = learners(world.sf);
    assert.equal(field(rows.get(adminContact), 'State__c'), 'NeedsReview');
    assert.match(String(field(rows.get(adminContact), 'StateMessage__c')), /adoptAdmins/);
    assert.equal(field(rows.get(learnerContact), 'TalentLmsUserId__c'), existingLearnerId);
    assert.equal(tlUsers(world.tl).filter((u) => u.email === 'grace@example.com').length, 1);
  });

  it('follows the stored id: an e-mail or name change edits the same TalentLMS user', async () => {
    const before = String(field(learners(world.sf).get(user), 'TalentLmsUserId__c'));
    const count = tlUsers(world.tl).length;
    world.sf.store.update('User', [{ Id: user, Email: 'ada.king@example.com', LastName: 'King' }]);
    const result = await provision(world);
    assert.equal(result.summary?.counts.updated, 1, result.stdout);
    assert.equal(result.summary?.counts.created, 0);
    const tlUser = world.tl.state.users.get(before);
    assert.equal(tlUser?.email, 'ada.king@example.com');
    assert.equal(tlUser?.last_name, 'King');
    assert.equal(tlUsers(world.tl).length, count, 'no second user');
    assert.equal(field(learners(world.sf).get(user), 'TalentLmsUserId__c'), before);
    assert.equal(field(learners(world.sf).get(user), 'Email__c'), 'ada.king@example.com');
  });

  it('a Contact that loses the User conflict is provisioned once the e-mails differ', async () => {
    const result = await provision(world);
    assert.equal(result.summary?.counts.created, 1, 'the contact with ada@example.com now stands alone');
    assert.equal(field(learners(world.sf).get(contactSameAsUser), 'State__c'), 'Synced');
  });
});
