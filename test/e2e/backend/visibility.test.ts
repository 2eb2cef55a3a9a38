import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { salesforceId } from '../../../emulators/shared/salesforceId';
import type { SRecord } from '../../../preview/server/data/recordSource';
import {
  canSeeContact,
  depthBelow,
  teamMembers,
  visibleUserIds,
  type Caller
} from '../../../preview/server/visibility';

// The rules the case table does not spell out one by one: the exact depth limit, inactive members, 15- and
// 18-character ids, and both Contact sharing models.
const chain = Array.from({ length: 7 }, (_, i): SRecord => ({
  Id: salesforceId('005', i + 1),
  Name: `Level ${i}`,
  IsActive: i !== 2,
  ManagerId: i === 0 ? null : salesforceId('005', i)
}));
const top: Caller = { userId: chain[0].Id, viewAllData: false };

describe('visibility rules', () => {
  it('sees five levels down and not six', () => {
    assert.equal(depthBelow(chain[5].Id, top.userId, chain), 5);
    assert.equal(depthBelow(chain[6].Id, top.userId, chain), null);
    assert.deepEqual(visibleUserIds(top, [chain[5].Id, chain[6].Id], chain), [chain[5].Id]);
  });

  it('matches 15-character ids to 18-character ones', () => {
    assert.deepEqual(visibleUserIds(top, [chain[1].Id.slice(0, 15)], chain), [chain[1].Id.slice(0, 15)]);
  });

  it('keeps inactive managers in the chain but leaves inactive people out of the team', () => {
    const team = teamMembers(top, chain, 5).map((member) => member.user.Name);
    assert.ok(!team.includes('Level 2'), 'the inactive user is not a team member');
    assert.ok(team.includes('Level 3'), 'people below an inactive manager still count');
    assert.deepEqual(
      teamMembers(top, chain, 1).map((member) => member.depth),
      [1]
    );
  });

  it('lets nobody see their own managers', () => {
    const learner: Caller = { userId: chain[4].Id, viewAllData: false };
    assert.deepEqual(visibleUserIds(learner, [chain[3].Id, chain[4].Id], chain), [chain[4].Id]);
  });

  it('follows the Contact sharing model', () => {
    const owner = chain[3].Id;
    const contact: SRecord = { Id: salesforceId('003', 1), OwnerId: owner, AccountId: null };
    const outsider: Caller = { userId: salesforceId('005', 99), viewAllData: false };
    assert.equal(canSeeContact(outsider, contact, [], chain, { orgWideDefault: 'ReadWrite' }), true);
    assert.equal(canSeeContact(outsider, contact, [], chain, { orgWideDefault: 'Private' }), false);
    assert.equal(
      canSeeContact(top, contact, [], chain, { orgWideDefault: 'Private' }),
      true,
      'a manager above the owner'
    );
    assert.equal(
      canSeeContact({ ...outsider, viewAllData: true }, contact, [], chain, { orgWideDefault: 'Private' }),
      true
    );
    assert.equal(
      canSeeContact({ ...top, canReadContacts: false }, contact, [], chain, { orgWideDefault: 'ReadWrite' }),
      false,
      'no Contact read permission: nothing'
    );
    assert.equal(
      canSeeContact(top, { ...contact, IsDeleted: true }, [], chain, { orgWideDefault: 'ReadWrite' }),
      false
    );
  });
});
