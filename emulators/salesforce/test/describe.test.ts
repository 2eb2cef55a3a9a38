import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Connection } from 'jsforce';
import { connect, startFixtureEmulator } from './helpers';

type Emulator = Awaited<ReturnType<typeof startFixtureEmulator>>;
interface FieldDescribe {
  name: string;
  type: string;
  length: number;
  externalId: boolean;
  unique: boolean;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  filterable: boolean;
  referenceTo: string[];
  relationshipName: string | null;
  restrictedPicklist: boolean;
  picklistValues: Array<{ value: string; label: string; active: boolean; defaultValue: boolean }>;
}

describe('describe', () => {
  let sf: Emulator;
  let conn: Connection;
  before(async () => {
    sf = await startFixtureEmulator({ permissions: { allAccess: true, removeObjects: ['UserCourse__c'] } });
    conn = await connect(sf);
  });
  after(() => sf.close());

  test('global describe lists the visible objects with their key prefixes and rights', async () => {
    const global = await conn.describeGlobal();
    const names = global.sobjects.map((o) => o.name);
    for (const name of ['User', 'Contact', 'Account', 'Organization']) assert.ok(names.includes(name), name);
    assert.ok(names.includes('tlms__Learner__c'));
    assert.ok(!names.includes('tlms__UserCourse__c'), 'an object the user cannot read is not listed');
    const contact = global.sobjects.find((o) => o.name === 'Contact');
    assert.deepEqual([contact?.keyPrefix, contact?.queryable, contact?.custom], ['003', true, false]);
    const organization = global.sobjects.find((o) => o.name === 'Organization');
    assert.equal(organization?.createable, false, 'the API only reads Organization');
  });

  test('object describe carries types, lengths, picklists, external ids and references', async () => {
    const learner = (await conn.sobject('tlms__Learner__c').describe()) as unknown as {
      keyPrefix: string;
      custom: boolean;
      fields: FieldDescribe[];
    };
    assert.equal(learner.custom, true);
    assert.match(learner.keyPrefix, /^a0[0-9A-Z]$/);
    const f = (name: string) => learner.fields.find((x) => x.name === name)!;
    assert.deepEqual(
      [
        f('tlms__SalesforceId__c').type,
        f('tlms__SalesforceId__c').length,
        f('tlms__SalesforceId__c').externalId,
        f('tlms__SalesforceId__c').unique
      ],
      ['string', 18, true, true]
    );
    assert.deepEqual(f('tlms__State__c').picklistValues, [
      { active: true, defaultValue: true, label: 'Creating', validFor: null, value: 'Creating' },
      { active: true, defaultValue: false, label: 'Synced', validFor: null, value: 'Synced' },
      { active: true, defaultValue: false, label: 'Needs review', validFor: null, value: 'NeedsReview' }
    ]);
    assert.equal(f('tlms__State__c').restrictedPicklist, true);
    assert.deepEqual(
      [f('tlms__User__c').referenceTo, f('tlms__User__c').relationshipName],
      [['User'], 'tlms__User__r']
    );
    assert.equal(f('tlms__Notes__c').filterable, false, 'long text cannot be filtered');
    assert.deepEqual(
      [f('tlms__IsRecent__c').createable, f('tlms__IsRecent__c').updateable],
      [false, false],
      'formula'
    );
    assert.deepEqual([f('Id').createable, f('Id').nillable], [false, false]);
    const user = (await conn.sobject('User').describe()) as unknown as { fields: FieldDescribe[] };
    const manager = user.fields.find((x) => x.name === 'ManagerId');
    assert.deepEqual(
      [manager?.type, manager?.referenceTo, manager?.relationshipName],
      ['reference', ['User'], 'Manager']
    );
  });

  test('an object the user cannot read is 404 NOT_FOUND', async () => {
    await assert.rejects(
      conn.sobject('tlms__UserCourse__c').describe(),
      (e: Error & { errorCode?: string }) => e.errorCode === 'NOT_FOUND'
    );
    await assert.rejects(
      conn.sobject('Nope__c').describe(),
      (e: Error & { errorCode?: string }) => e.errorCode === 'NOT_FOUND'
    );
  });
});
