import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REPO_ROOT } from '..';
import { isLongText, loadSchema, namespacer } from '../schema';
import { connect, FIXTURE_PROJECT, startFixtureEmulator } from './helpers';

describe('schema from force-app metadata', () => {
  const schema = loadSchema({ namespace: 'tlms', projectRoot: FIXTURE_PROJECT });

  test('custom objects, fields and relationships carry the namespace prefix; standard names do not', () => {
    const learner = schema.object('tlms__Learner__c');
    assert.ok(learner, 'the object is exposed under its prefixed name');
    assert.equal(
      schema.object('Learner__c'),
      undefined,
      'the unprefixed name does not exist in a subscriber org'
    );
    const course = schema.object('tlms__usercourse__c');
    assert.equal(
      course?.name,
      'tlms__UserCourse__c',
      'lookups are case-insensitive, names keep their casing'
    );
    const lookup = course?.byName.get('tlms__learner__c');
    assert.deepEqual(
      [lookup?.type, lookup?.referenceTo, lookup?.relationshipName],
      ['reference', ['tlms__Learner__c'], 'tlms__Learner__r']
    );
    const userLookup = course?.byName.get('tlms__user__c');
    assert.deepEqual(userLookup?.referenceTo, ['User'], 'standard targets stay unprefixed');
    assert.ok(
      schema.object('Contact')?.byName.has('tlms__lmsid__c'),
      'custom fields on standard objects are added to them'
    );
  });

  test('types, lengths, picklists, external ids and defaults follow the XML', () => {
    const learner = schema.object('tlms__Learner__c')!;
    const f = (name: string) => learner.byName.get(name.toLowerCase())!;
    assert.deepEqual(
      [
        f('tlms__SalesforceId__c').length,
        f('tlms__SalesforceId__c').externalId,
        f('tlms__SalesforceId__c').unique,
        f('tlms__SalesforceId__c').caseSensitive
      ],
      [18, true, true, true]
    );
    assert.deepEqual(
      f('tlms__State__c').picklistValues.map((p) => p.value),
      ['Creating', 'Synced', 'NeedsReview']
    );
    assert.equal(f('tlms__State__c').restrictedPicklist, true);
    assert.equal(f('tlms__State__c').defaultValue, 'Creating');
    assert.equal(f('tlms__Tags__c').type, 'multipicklist');
    assert.equal(f('tlms__Email__c').type, 'email');
    assert.deepEqual(
      [f('tlms__Score__c').type, f('tlms__Score__c').precision, f('tlms__Score__c').scale],
      ['percent', 5, 2]
    );
    assert.deepEqual([f('tlms__IsSynced__c').type, f('tlms__IsSynced__c').defaultValue], ['boolean', false]);
    assert.equal(isLongText(f('tlms__Notes__c')), true);
    assert.deepEqual(
      [f('tlms__IsRecent__c').calculated, f('tlms__IsRecent__c').createable],
      [true, false],
      'formulas are read-only'
    );
    const course = schema.object('tlms__UserCourse__c')!;
    assert.equal(course.autoNumberFormat, 'UC-{000000}');
    assert.equal(course.byName.get('name')?.createable, false, 'auto-number names are not writable');
    assert.equal(
      course.byName.get('tlms__coursename__c')?.nillable,
      false,
      'required fields are not nillable'
    );
    assert.ok(
      course.byName.has('ownerid') && course.byName.has('systemmodstamp'),
      'standard fields of custom objects'
    );
  });

  test('an empty namespace leaves source names as they are', () => {
    const plain = loadSchema({ namespace: '', projectRoot: FIXTURE_PROJECT });
    assert.equal(plain.object('Learner__c')?.byName.get('salesforceid__c')?.name, 'SalesforceId__c');
    assert.equal(plain.object('UserCourse__c')?.byName.get('learner__c')?.relationshipName, 'Learner__r');
    assert.equal(namespacer('').apiName('X__c'), 'X__c');
    assert.equal(namespacer('tlms').sourceName('tlms__X__c'), 'X__c');
    assert.equal(
      namespacer('tlms').apiName('other__X__c'),
      'other__X__c',
      'another package keeps its own prefix'
    );
  });

  test('the emulator serves an unnamespaced org', async () => {
    const sf = await startFixtureEmulator({ namespace: '' });
    try {
      const conn = await connect(sf);
      sf.store.insert('Learner__c', [{ Name: 'Plain', SalesforceId__c: 'P1' }]);
      const result = await conn.query<{ SalesforceId__c: string }>('SELECT SalesforceId__c FROM Learner__c');
      assert.deepEqual(
        result.records.map((r) => r.SalesforceId__c),
        ['P1']
      );
      assert.equal(sf.namespace, '');
    } finally {
      await sf.close();
    }
  });
});

describe('the package objects in force-app', () => {
  test('load with the agreed names, external ids and picklists', () => {
    const schema = loadSchema({ namespace: 'tlms', projectRoot: REPO_ROOT });
    const keyed: Array<[string, string]> = [
      ['UserCourse__c', 'ExternalKey__c'],
      ['ContactCourse__c', 'ExternalKey__c'],
      ['UserCertificate__c', 'ExternalKey__c'],
      ['ContactCertificate__c', 'ExternalKey__c'],
      ['UserBadge__c', 'ExternalKey__c'],
      ['ContactBadge__c', 'ExternalKey__c'],
      ['Learner__c', 'SalesforceId__c'],
      ['Learner__c', 'TalentLmsUserId__c'],
      ['SyncRun__c', 'RunId__c'],
      ['SyncIssue__c', 'IssueKey__c'],
      ['SyncState__c', 'StateKey__c'],
      ['SyncLock__c', 'LockKey__c'],
      ['TalentLmsCatalog__c', 'CatalogKey__c'],
      ['ConnectorSettings__c', 'SettingsKey__c']
    ];
    for (const [object, field] of keyed) {
      const def = schema.object(`tlms__${object}`);
      assert.ok(def, `${object} exists`);
      const key = def.byName.get(`tlms__${field}`.toLowerCase());
      assert.deepEqual(
        [key?.externalId, key?.unique],
        [true, true],
        `${object}.${field} is a unique external id`
      );
    }
    const status = schema.object('tlms__UserCourse__c')?.byName.get('tlms__status__c');
    assert.equal(status?.restrictedPicklist, false, 'course status is an unrestricted picklist');
    const state = schema.object('tlms__Learner__c')?.byName.get('tlms__state__c');
    assert.equal(state?.restrictedPicklist, true);
    assert.ok(state?.picklistValues.some((p) => p.value === 'NeedsReview'));
    const learnerLookup = schema.object('tlms__UserCourse__c')?.byName.get('tlms__learner__c');
    assert.equal(learnerLookup?.relationshipName, 'tlms__Learner__r');
  });
});
