import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RestRecordSource } from '../../../preview/server/data/restSource';
import { checkBundle, startPreviewServer } from '../../../preview/server/server';
import {
  apexOver,
  FIXTURE_NOW,
  ROOT,
  labelValue,
  startFixturePreview,
  type FixturePreview
} from '../support/preview';

// The preview backend over real HTTP on 127.0.0.1, answering as each persona from the built-in fixture org.
describe('preview backend', () => {
  let preview: FixturePreview;
  const userOf = (key: string) =>
    preview.fixture.manifest.personas.find((p) => p.key === key)?.userId as string;

  before(async () => {
    preview = await startFixturePreview({ requireBundle: false });
  });
  after(() => preview.close());

  const apex = (persona: string, path: string, params: unknown = {}) =>
    apexOver(preview.server.url)(persona.startsWith('005') ? persona : userOf(persona), path, params);

  it('answers every dashboard method for every persona within its DTO contract', async () => {
    const { accountId, contactId } = preview.fixture.manifest.records;
    for (const persona of ['learner', 'manager', 'skipLevelManager', 'admin']) {
      const my = await apex(persona, 'MyLearningController/getMyLearning');
      assert.equal(my.status, 200, `${persona} My Learning: ${JSON.stringify(my.body)}`);
      assert.equal(my.body.personId, userOf(persona));
      const team = await apex(persona, 'TeamMembersController/getTeam', {
        pageSize: 25,
        pageOffset: 0,
        includeIndirect: true
      });
      assert.equal(team.status, 200, JSON.stringify(team.body));
      const account = await apex(persona, 'AccountLearningController/getAccountActivity', {
        accountId,
        pageSize: 50,
        pageOffset: 0
      });
      const contact = await apex(persona, 'ContactLearningController/getContactLearning', { contactId });
      // Learners hold no Contact learning permission; the others see the account's contacts.
      const expected = persona === 'learner' ? 400 : 200;
      assert.equal(account.status, expected, `${persona} account: ${JSON.stringify(account.body)}`);
      assert.equal(contact.status, expected, `${persona} contact: ${JSON.stringify(contact.body)}`);
    }
  });

  it('pages the team and counts the whole chain', async () => {
    const direct = await apex('manager', 'TeamMembersController/getTeam', {
      pageSize: 25,
      pageOffset: 25,
      includeIndirect: false
    });
    assert.equal(direct.body.total, 28);
    assert.equal((direct.body.members as unknown[]).length, 3);
    const skip = await apex('skipLevelManager', 'TeamMembersController/getTeam', {
      pageSize: 200,
      pageOffset: 0,
      includeIndirect: true
    });
    const depths = (skip.body.members as { depth: number }[]).map((m) => m.depth);
    assert.deepEqual([...new Set(depths)].sort(), [1, 2]);
    assert.equal(skip.body.total, 29, 'the manager and the 28 people below them');
  });

  it('refuses a member outside the team with the label text, as an AuraHandledException', async () => {
    const peer = preview.fixture.records.User.find((user) => user.LastName === 'Liskov')?.Id;
    const result = await apex('manager', 'TeamMembersController/getMemberLearning', { userId: peer });
    assert.equal(result.status, 400);
    assert.equal(result.body.message, labelValue('Learning_Error_NotInTeam'));
    assert.equal(result.body.exceptionType, 'System.AuraHandledException');
  });

  it('rejects parameters of the wrong Apex type', async () => {
    const result = await apex('manager', 'TeamMembersController/getTeam', { pageSize: 'many' });
    assert.equal(result.status, 400);
    assert.match(String(result.body.message), /pageSize.*Integer/);
  });

  it('refuses callers that are not a persona', async () => {
    const result = await apex('005000000000999AAA', 'MyLearningController/getMyLearning');
    assert.equal(result.status, 403);
    assert.match(String(result.body.message), /persona/);
  });

  it('fails loudly when an answer breaks its DTO contract', async () => {
    // In memory: the emulator would (rightly) refuse a value outside the restricted picklist.
    const memory = await startFixturePreview({ requireBundle: false, org: 'memory' });
    try {
      const learner = memory.fixture.records.Learner__c[0];
      await memory.source.update('Learner__c', learner.Id, { State__c: 'Bogus' });
      const response = await fetch(`${memory.server.url}/api/apex/MyLearningController/getMyLearning`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-preview-user': userOf('learner') },
        body: '{}'
      });
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(response.status, 500);
      assert.equal(body.exceptionType, 'PreviewContractViolation');
      assert.match(String(body.message), /syncState/);
    } finally {
      await memory.close();
    }
  });

  it('reads the same DTOs over the REST API of a running emulator as from its store (namespace tlms)', async () => {
    const emulator = preview.emulator;
    assert.ok(emulator, 'the fixture runs inside the Salesforce emulator');
    assert.equal(emulator.namespace, 'tlms');
    const rest = new RestRecordSource({
      instanceUrl: emulator.instanceUrl,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      apiVersion: emulator.apiVersion,
      namespace: emulator.namespace
    });
    const overRest = await startPreviewServer({
      root: ROOT,
      source: rest,
      manifest: preview.fixture.manifest,
      namespace: emulator.namespace,
      requireBundle: false,
      clock: { now: () => FIXTURE_NOW, sleep: async () => undefined }
    });
    try {
      for (const [persona, path, params] of [
        ['learner', 'MyLearningController/getMyLearning', {}],
        ['manager', 'TeamMembersController/getTeam', { pageSize: 25, pageOffset: 0, includeIndirect: true }],
        [
          'manager',
          'AccountLearningController/getAccountActivity',
          { accountId: preview.fixture.manifest.records.accountId, pageSize: 50, pageOffset: 0 }
        ],
        // User, PermissionSet (wider than one query URI) and PermissionSetAssignment over REST.
        ['admin', 'SetupController/getChecklist', {}]
      ] as const) {
        const fromStore = await apex(persona, path, params);
        const response = await fetch(`${overRest.url}/api/apex/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-preview-user': userOf(persona) },
          body: JSON.stringify(params)
        });
        assert.equal(response.status, 200, path);
        assert.deepEqual(await response.json(), fromStore.body, `${path} over REST equals the store`);
      }
      assert.ok(emulator.calls.snapshot().total > 0, 'the REST source really called the emulator');
    } finally {
      await overRest.close();
    }
  });

  it('reads live records: a change in the org shows on the next call', async () => {
    const course = preview.fixture.records.UserCourse__c.find(
      (c) => c.CourseName__c === 'Data Privacy Basics'
    );
    assert.ok(course);
    await preview.source.update('UserCourse__c', course.Id, {
      Status__c: 'Completed',
      CompletionPercent__c: 100
    });
    try {
      const result = await apex('learner', 'MyLearningController/getMyLearning');
      const row = (result.body.courses as { id: string; status: string }[]).find((c) => c.id === course.Id);
      assert.equal(row?.status, 'Completed');
    } finally {
      await preview.source.update('UserCourse__c', course.Id, {
        Status__c: 'InProgress',
        CompletionPercent__c: 60
      });
    }
  });

  it('serves getRecord in the UI API shape and hides the package’s private records', async () => {
    const post = (persona: string, body: unknown) =>
      fetch(`${preview.server.url}/api/ui-api/getRecord`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-preview-user': userOf(persona) },
        body: JSON.stringify(body)
      });
    const contactId = preview.fixture.manifest.records.contactId;
    const contact = await post('manager', {
      recordId: contactId,
      fields: ['Contact.Name', 'Contact.Account.Name']
    });
    assert.equal(contact.status, 200);
    const record = (await contact.json()) as { apiName: string; fields: Record<string, { value: unknown }> };
    assert.equal(record.apiName, 'Contact');
    assert.equal(record.fields.Name.value, 'Nancy Davolio');
    assert.equal(
      (record.fields.Account.value as { fields: Record<string, { value: unknown }> }).fields.Name.value,
      'Northwind Traders'
    );
    const course = await post('learner', {
      recordId: preview.fixture.records.UserCourse__c[0].Id,
      fields: ['UserCourse__c.Name']
    });
    assert.equal(course.status, 404);
  });

  it('puts the personas in the page and escapes them', async () => {
    const html = await (await fetch(`${preview.server.url}/`)).text();
    assert.match(html, /window.__TLMS_PREVIEW__ = \{/);
    assert.match(html, /Ada Lovelace/);
    assert.doesNotMatch(html.split('window.__TLMS_PREVIEW__')[1].split('</script>')[0], /</);
  });

  it('refuses to start on a bundle that calls an Apex method without a handler', () => {
    const dist = mkdtempSync(join(tmpdir(), 'tlms-preview-dist-'));
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'bundle.js'), '');
    writeFileSync(
      join(dist, 'preview-manifest.json'),
      JSON.stringify({ apex: [{ controller: 'NoSuchController', method: 'nothing' }] })
    );
    assert.throws(() => checkBundle(dist), /NoSuchController\.nothing/);
    assert.throws(() => checkBundle(join(dist, 'missing')), /npm run preview:build/);
  });
});
