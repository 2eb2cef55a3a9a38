import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Connection } from 'jsforce';
import { REPO_ROOT, startSalesforceEmulator, type SalesforceEmulator } from '..';
import { parseManualGrants } from '../permissions';
import { connect, raw, startFixtureEmulator } from './helpers';

type Emulator = Awaited<ReturnType<typeof startFixtureEmulator>>;
type Described = { fields: Array<{ name: string; createable: boolean; updateable: boolean }> };

const fieldNames = async (conn: Connection, object: string) =>
  ((await conn.sobject(object).describe()) as unknown as Described).fields.map((f) => f.name);

const codeOf = (e: Error & { errorCode?: string }) => e.errorCode;

describe('run-as user access from the packaged permission set plus the manual grants', () => {
  let sf: Emulator;
  let conn: Connection;
  before(async () => {
    sf = await startFixtureEmulator({ permissions: {} });
    conn = await connect(sf);
  });
  after(() => sf.close());

  test('the permission set file is the source, with the manual grants read from docs/permissions.md', () => {
    assert.equal(sf.permissions.source, 'permissionSet');
    assert.match(sf.permissions.manualGrantsSource, /docs\/permissions\.md$/);
    assert.equal(
      sf.permissions.hasUserPermission('ModifyAllData'),
      false,
      'only the manual-grants table is read'
    );
  });

  test('a field the permission set omits is invisible to describe and SOQL and rejected on write', async () => {
    const fields = await fieldNames(conn, 'tlms__Learner__c');
    assert.ok(fields.includes('tlms__SalesforceId__c'));
    assert.ok(!fields.includes('tlms__Notes__c'), 'Notes__c has no fieldPermissions entry');
    await assert.rejects(
      async () => conn.query('SELECT tlms__Notes__c FROM tlms__Learner__c'),
      (e: Error) => codeOf(e) === 'INVALID_FIELD'
    );
    const [result] = (await conn
      .sobject('tlms__Learner__c')
      .create([{ Name: 'x', tlms__Notes__c: 'n' }])) as Array<{
      errors: Array<{ statusCode: string }>;
    }>;
    assert.equal(result.errors[0].statusCode, 'INVALID_FIELD');
  });

  test('read-only grants and missing object rights are enforced on write', async () => {
    const [readOnly] = (await conn
      .sobject('tlms__UserCourse__c')
      .create([
        { tlms__ExternalKey__c: 'RO', tlms__CourseName__c: 'c', tlms__CompletionPercent__c: 50 }
      ])) as Array<{ errors: Array<{ statusCode: string; fields: string[] }> }>;
    assert.equal(readOnly.errors[0].statusCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
    assert.deepEqual(readOnly.errors[0].fields, ['tlms__CompletionPercent__c']);
    const [id] = sf.store.insert('UserCourse__c', [{ ExternalKey__c: 'NODEL', CourseName__c: 'c' }]);
    const [deleted] = (await conn.sobject('tlms__UserCourse__c').destroy([id])) as Array<{
      errors: Array<{ statusCode: string }>;
    }>;
    assert.equal(deleted.errors[0].statusCode, 'INSUFFICIENT_ACCESS_OR_READONLY', 'the set grants no delete');
  });

  test('standard objects follow the manual grants: Contact.* readable, Account only its name', async () => {
    assert.ok((await fieldNames(conn, 'Contact')).includes('Email'));
    assert.ok((await fieldNames(conn, 'Contact')).includes('tlms__LmsId__c'), 'the packaged field grant');
    await assert.rejects(
      async () => conn.query('SELECT Industry FROM Account'),
      (e: Error) => codeOf(e) === 'INVALID_FIELD'
    );
    assert.equal((await conn.query('SELECT Name FROM Account')).totalSize, 0);
  });

  test('preflight can read the grants: ObjectPermissions, FieldPermissions, PermissionSet, UserPermissionAccess', async () => {
    const assigned = `SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '${sf.runAsUserId}'`;
    const objects = await conn.query<{
      SobjectType: string;
      PermissionsRead: boolean;
      PermissionsViewAllRecords: boolean;
      PermissionsDelete: boolean;
    }>(
      `SELECT SobjectType, PermissionsRead, PermissionsDelete, PermissionsViewAllRecords FROM ObjectPermissions WHERE ParentId IN (${assigned})`
    );
    const bySobject = Object.fromEntries(objects.records.map((r) => [r.SobjectType, r]));
    assert.equal(bySobject.Contact.PermissionsViewAllRecords, true);
    assert.equal(bySobject.Account.PermissionsViewAllRecords, true);
    assert.equal(bySobject.tlms__Learner__c.PermissionsDelete, true);
    assert.equal(bySobject.tlms__UserCourse__c.PermissionsDelete, false);
    const fields = await conn.query<{ Field: string; PermissionsEdit: boolean }>(
      `SELECT Field, PermissionsEdit FROM FieldPermissions WHERE ParentId IN (${assigned}) AND SobjectType IN ('tlms__Learner__c', 'Contact')`
    );
    const granted = fields.records.map((r) => r.Field);
    assert.ok(granted.includes('tlms__Learner__c.tlms__SalesforceId__c'));
    assert.ok(granted.includes('Contact.Email'), 'Contact.* expands to each field');
    assert.ok(!granted.includes('tlms__Learner__c.tlms__Notes__c'));
    const sets = await conn.query<{ Name: string; NamespacePrefix: string | null }>(
      'SELECT Name, NamespacePrefix FROM PermissionSet WHERE IsOwnedByProfile = false ORDER BY Name'
    );
    assert.deepEqual(
      sets.records.map((r) => [r.Name, r.NamespacePrefix]),
      [
        ['TalentLMS_Integration', 'tlms'],
        ['TalentLMS_Integration_Platform', null]
      ]
    );
    const access = await conn.query<{
      PermissionsViewAllUsers: boolean;
      PermissionsApiEnabled: boolean;
      PermissionsModifyAllData: boolean;
    }>(
      'SELECT PermissionsViewAllUsers, PermissionsApiEnabled, PermissionsModifyAllData FROM UserPermissionAccess'
    );
    assert.deepEqual(
      access.records.map((r) => [
        r.PermissionsViewAllUsers,
        r.PermissionsApiEnabled,
        r.PermissionsModifyAllData
      ]),
      [[true, true, false]]
    );
  });
});

describe('narrowing the run-as user per test', () => {
  test('removed fields, object rights and user permissions show everywhere preflight looks', async () => {
    const sf = await startFixtureEmulator({
      permissions: {
        removeFields: ['Learner__c.Email__c'],
        removeObjectRights: { Contact: ['viewAll'] },
        removeUserPermissions: ['ViewAllUsers']
      }
    });
    try {
      const conn = await connect(sf);
      assert.ok(!(await fieldNames(conn, 'tlms__Learner__c')).includes('tlms__Email__c'));
      const contact = await conn.query<{ PermissionsViewAllRecords: boolean }>(
        "SELECT PermissionsViewAllRecords FROM ObjectPermissions WHERE SobjectType = 'Contact'"
      );
      assert.deepEqual(
        contact.records.map((r) => r.PermissionsViewAllRecords),
        [false]
      );
      const email = await conn.query(
        "SELECT Id FROM FieldPermissions WHERE Field = 'tlms__Learner__c.tlms__Email__c'"
      );
      assert.equal(email.totalSize, 0);
      const access = await conn.query<{ PermissionsViewAllUsers: boolean }>(
        'SELECT PermissionsViewAllUsers FROM UserPermissionAccess'
      );
      assert.equal(access.records[0].PermissionsViewAllUsers, false);
    } finally {
      await sf.close();
    }
  });

  test('a removed object is INVALID_TYPE in SOQL and 404 in describe; setPermissions changes it at run time', async () => {
    const sf = await startFixtureEmulator({ permissions: { removeObjects: ['UserCourse__c'] } });
    try {
      const conn = await connect(sf);
      await assert.rejects(
        async () => conn.query('SELECT Id FROM tlms__UserCourse__c'),
        (e: Error) => codeOf(e) === 'INVALID_TYPE'
      );
      await assert.rejects(
        conn.sobject('tlms__UserCourse__c').describe(),
        (e: Error) => codeOf(e) === 'NOT_FOUND'
      );
      sf.setPermissions({});
      assert.equal((await conn.query('SELECT Id FROM tlms__UserCourse__c')).totalSize, 0);
    } finally {
      await sf.close();
    }
  });

  test('without ApiEnabled every call is refused; without ViewSetup the Organization and /limits are not readable', async () => {
    const sf = await startFixtureEmulator({ permissions: { removeUserPermissions: ['ViewSetup'] } });
    try {
      const conn = await connect(sf);
      await assert.rejects(
        async () => conn.query('SELECT Id FROM Organization'),
        (e: Error) => codeOf(e) === 'INVALID_TYPE'
      );
      assert.equal((await raw(sf, conn, '/limits')).status, 403);
      sf.setPermissions({ removeUserPermissions: ['ApiEnabled'] });
      const res = await raw(sf, conn, '/sobjects');
      assert.equal(res.status, 403);
      assert.equal(
        ((await res.json()) as Array<{ errorCode: string }>)[0].errorCode,
        'API_CURRENTLY_DISABLED'
      );
    } finally {
      await sf.close();
    }
  });
});

describe('the shipped permission set and docs/permissions.md', () => {
  const docs = join(REPO_ROOT, 'docs', 'permissions.md');

  test('docs/permissions.md has a manual-grants table the emulator reads', () => {
    const grants = parseManualGrants(readFileSync(docs, 'utf8'));
    assert.ok(grants, 'the "Manual grants" section has rows');
    for (const permission of ['ApiEnabled', 'ViewAllUsers'])
      assert.ok(grants.userPermissions.includes(permission), permission);
    assert.ok(grants.objects.Account?.includes('viewAll'), 'View All on Account');
    assert.ok(grants.objects.Contact?.includes('viewAll'), 'View All on Contact');
  });

  test('the emulator runs on force-app and grants every field of the runner-written objects', async () => {
    let sf: SalesforceEmulator | undefined;
    try {
      sf = await startSalesforceEmulator();
      assert.equal(
        sf.permissions.source,
        'permissionSet',
        'the shipped permission set is the default source'
      );
      const conn = await connect(sf);
      const writable = [
        'Learner__c',
        'UserCourse__c',
        'SyncRun__c',
        'SyncIssue__c',
        'SyncState__c',
        'SyncLock__c'
      ];
      for (const name of writable) {
        const object = sf.schema.object(`tlms__${name}`);
        assert.ok(object, `${name} is in force-app`);
        const visible = await fieldNames(conn, object.name);
        const hidden: string[] = object.fields.filter((f) => !visible.includes(f.name)).map((f) => f.name);
        assert.deepEqual(hidden, [], `${name}: every field readable by the integration user`);
      }
      const settings = (await conn.sobject('tlms__ConnectorSettings__c').describe()) as unknown as {
        createable: boolean;
        queryable: boolean;
      };
      assert.deepEqual(
        [settings.queryable, settings.createable],
        [true, false],
        'settings are read-only for the runner'
      );
    } finally {
      await sf?.close();
    }
  });

  test('the package installs all its permission sets; assignments of other users survive a permission change', async () => {
    let sf: SalesforceEmulator | undefined;
    try {
      sf = await startSalesforceEmulator();
      const conn = await connect(sf);
      const sets = await conn.query<{ Id: string; Name: string; NamespacePrefix: string | null }>(
        'SELECT Id, Name, NamespacePrefix FROM PermissionSet WHERE IsOwnedByProfile = false ORDER BY Name'
      );
      assert.deepEqual(
        sets.records.map((r) => [r.Name, r.NamespacePrefix]),
        [
          ['TalentLMS_Admin', 'tlms'],
          ['TalentLMS_Integration', 'tlms'],
          ['TalentLMS_Integration_Platform', null],
          ['TalentLMS_Learner', 'tlms'],
          ['TalentLMS_Manager', 'tlms']
        ]
      );
      const assignedToRunAs = await conn.query<{ PermissionSetId: string }>(
        `SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '${sf.runAsUserId}'`
      );
      const learnerSet = sets.records.find((r) => r.Name === 'TalentLMS_Learner')?.Id as string;
      assert.ok(
        !assignedToRunAs.records.some((r) => r.PermissionSetId === learnerSet),
        'the run-as user holds only its own sets'
      );
      const [learner] = sf.store.insert('User', [
        { FirstName: 'Ada', LastName: 'Lovelace', Username: 'ada@example.com', IsActive: true }
      ]);
      sf.store.insert('PermissionSetAssignment', [{ AssigneeId: learner, PermissionSetId: learnerSet }]);
      sf.setPermissions({ removeUserPermissions: ['ViewAllUsers'] });
      const kept = sf.store.all('PermissionSetAssignment').filter((row) => row.AssigneeId === learner);
      assert.deepEqual(
        kept.map((row) => row.PermissionSetId),
        [learnerSet],
        'the set keeps its Id and the assignment stays'
      );
    } finally {
      await sf?.close();
    }
  });
});
