import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../../../sync/src/core/clock';
import { startFixtureEmulator } from './helpers';

type Emulator = Awaited<ReturnType<typeof startFixtureEmulator>>;

describe('in-process store (sf.store)', () => {
  let sf: Emulator;
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 9, 0, 0));
  before(async () => {
    sf = await startFixtureEmulator({ clock });
  });
  after(() => sf.close());

  test('insert takes source or prefixed names and sets system fields and defaults', () => {
    const [a, b] = sf.store.insert('Learner__c', [
      { Name: 'Source names', SalesforceId__c: 'S-1' },
      { Name: 'Prefixed names', tlms__SalesforceId__c: 'S-2', CreatedDate: '2020-01-01T00:00:00Z' }
    ]);
    const first = sf.store.get(a)!;
    assert.equal(first.tlms__SalesforceId__c, 'S-1');
    assert.equal(first.tlms__State__c, 'Creating', 'picklist default');
    assert.equal(first.CreatedDate, '2026-11-25T09:00:00.000+0000', 'stamped from the clock');
    assert.equal(first.OwnerId, sf.runAsUserId, 'owned by the integration user');
    assert.equal(sf.store.get(b)!.CreatedDate, '2020-01-01T00:00:00.000+0000', 'seeds may set audit fields');
    assert.throws(
      () => sf.store.insert('Learner__c', [{ Name: 'x', Bogus__c: 1 }]),
      /Unknown field Bogus__c/
    );
    assert.throws(
      () => sf.store.insert('Learner__c', [{ Name: 'x', State__c: 'Nope' }]),
      /restricted picklist/
    );
    assert.throws(() => sf.store.insert('Nope__c', [{}]), /Unknown sObject Nope__c/);
  });

  test('update stamps LastModifiedDate on the clock; delete and merge are visible with includeDeleted', () => {
    const [keep, lose] = sf.store.insert('Contact', [{ LastName: 'Keep' }, { LastName: 'Lose' }]);
    clock.advance(60_000);
    sf.store.update('Contact', [{ Id: keep, FirstName: 'Kept' }]);
    assert.equal(sf.store.get(keep)!.Name, 'Kept Keep', 'compound name follows first and last name');
    assert.equal(sf.store.get(keep)!.LastModifiedDate, '2026-11-25T09:01:00.000+0000');
    sf.store.merge('Contact', keep, [lose]);
    assert.deepEqual(
      sf.store.all('Contact').map((r) => r.Id),
      [keep]
    );
    const all = sf.store.all('Contact', { includeDeleted: true });
    assert.deepEqual(
      all.map((r) => [r.Id, r.IsDeleted, r.MasterRecordId ?? null]),
      [
        [keep, false, null],
        [lose, true, keep]
      ]
    );
    assert.throws(() => sf.store.merge('Contact', keep, [lose]), /entity is deleted/);
    assert.throws(() => sf.store.update('Contact', [{ Id: lose, LastName: 'x' }]), /entity is deleted/);
  });

  test('query and count run SOQL without calls; unique values are enforced', () => {
    sf.calls.reset();
    const rows = sf.store.query(
      "SELECT Name, tlms__SalesforceId__c FROM tlms__Learner__c WHERE tlms__SalesforceId__c LIKE 'S-%' ORDER BY Name"
    );
    assert.deepEqual(
      rows.map((r) => r.Name),
      ['Prefixed names', 'Source names']
    );
    assert.equal(sf.store.count('SELECT Id FROM Contact', { includeDeleted: true }), 2);
    assert.equal(sf.calls.snapshot().total, 0);
    assert.throws(
      () => sf.store.insert('Learner__c', [{ Name: 'dup', SalesforceId__c: 'S-1' }]),
      /duplicate value/
    );
  });

  test('hardDelete removes live and soft-deleted rows for good and frees their unique values', () => {
    const [live, gone] = sf.store.insert('Learner__c', [
      { Name: 'Hard live', SalesforceId__c: 'H-1' },
      { Name: 'Hard gone', SalesforceId__c: 'H-2' }
    ]);
    sf.store.delete([gone]);
    sf.store.hardDelete([live, gone]);
    assert.equal(sf.store.get(live), undefined, 'the live row is gone');
    assert.equal(sf.store.get(gone), undefined, 'the soft-deleted row is gone');
    assert.equal(
      sf.store.count("SELECT Id FROM tlms__Learner__c WHERE tlms__SalesforceId__c LIKE 'H-%'", {
        includeDeleted: true
      }),
      0,
      'queryAll no longer sees either'
    );
    assert.equal(
      sf.store.insert('Learner__c', [{ Name: 'Again', SalesforceId__c: 'H-1' }]).length,
      1,
      'the unique value can be used again'
    );
    assert.throws(() => sf.store.hardDelete([live]), /invalid cross reference id/);
  });
});
