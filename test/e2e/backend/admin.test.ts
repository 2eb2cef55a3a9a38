import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../sync/src/settings/defaults';
import {
  apexOver,
  FIXTURE_NOW,
  labelValue,
  startFixturePreview,
  type FixturePreview
} from '../support/preview';

// Setup and Sync Health over HTTP, against the fixture inside the Salesforce emulator: every answer passes its
// DTO contract (the server checks), and the actions write records a following runner run reads.
describe('preview backend: admin tabs', () => {
  let preview: FixturePreview;
  const userOf = (key: string) =>
    preview.fixture.manifest.personas.find((p) => p.key === key)?.userId as string;

  before(async () => {
    preview = await startFixturePreview({ requireBundle: false });
  });
  after(() => preview.close());

  const apex = (persona: string, path: string, params: unknown = {}) =>
    apexOver(preview.server.url)(userOf(persona), path, params);
  const store = () => {
    assert.ok(preview.emulator);
    return preview.emulator.store;
  };

  it('Sync Health lists runs, open issues by code and people not synced', async () => {
    const health = await apex('admin', 'SyncHealthController/getHealth', { pageSize: 25, pageOffset: 0 });
    assert.equal(health.status, 200, JSON.stringify(health.body));
    assert.equal(health.body.runs.length, 5);
    assert.equal(health.body.openIssues, 2);
    assert.deepEqual(health.body.issueGroups.map((group: { code: string }) => group.code).sort(), [
      'DUPLICATE_CONTACT_EMAIL',
      'TALENTLMS_LOGIN_TAKEN'
    ]);
    assert.equal(health.body.notSynced.total, 3);
    const excluded = health.body.notSynced.people.find(
      (person: { state: string }) => person.state === 'Excluded'
    );
    assert.equal(
      excluded?.reason,
      labelValue('SyncHealth_Reason_Filter'),
      'the reason code reads as its label'
    );
    assert.equal(health.body.canResolve, true);
  });

  it('refuses Sync Health to a learner with the no-access label', async () => {
    const result = await apex('learner', 'SyncHealthController/getHealth', {});
    assert.equal(result.status, 400);
    assert.equal(result.body.message, labelValue('Setup_Error_NoAccess'));
  });

  it('resolving an issue and requesting a reconciliation write to the org', async () => {
    const issueId = preview.fixture.records.SyncIssue__c[0].Id;
    const resolved = await apex('admin', 'SyncHealthController/resolveIssue', { issueId });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    assert.equal(resolved.body.openIssues, 1);
    const issue = store().get(issueId) ?? {};
    assert.equal(issue.Status__c ?? issue.tlms__Status__c, 'ResolvedByAdmin');
    const again = await apex('admin', 'SyncHealthController/resolveIssue', { issueId });
    assert.equal(again.status, 400);
    assert.equal(again.body.message, labelValue('SyncHealth_Error_IssueNotOpen'));

    const requested = await apex('admin', 'SyncHealthController/requestFullReconciliation');
    assert.equal(requested.status, 200);
    assert.equal(requested.body.fullReconciliationRequested, true);
    const state = store().all('SyncState__c')[0];
    assert.equal(state.FullReconciliationRequested__c ?? state.tlms__FullReconciliationRequested__c, true);
  });

  it('saves a draft, audits it, and refuses to activate a risky draft without a plan', async () => {
    const initial = await apex('admin', 'SetupController/getSettingsState');
    assert.equal(initial.status, 200, JSON.stringify(initial.body));
    assert.equal(initial.body.draftVersion, 1);
    assert.equal(initial.body.hasUnactivatedChanges, false);
    const draft = JSON.stringify({
      ...DEFAULT_SETTINGS,
      users: { ...DEFAULT_SETTINGS.users, enabled: true },
      special: { ...DEFAULT_SETTINGS.special, deactivateNotSynced: true }
    });
    const saved = await apex('admin', 'SetupController/saveDraft', { settingsJson: draft, baseVersion: 1 });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.ok, true);
    assert.equal(saved.body.state.draftVersion, 2);
    assert.equal(saved.body.state.risky, true);
    assert.equal(saved.body.state.plan.status, 'Waiting');
    assert.ok(
      saved.body.state.changes.some(
        (change: { path: string; reason?: string }) => change.reason === 'deactivationEnabled'
      )
    );
    assert.equal(store().all('SettingsChange__c').length, 1, 'the save is audited');

    const stale = await apex('admin', 'SetupController/saveDraft', { settingsJson: draft, baseVersion: 1 });
    assert.equal(stale.status, 400, 'a save based on an old version is refused');

    const refused = await apex('admin', 'SetupController/activateDraft', { draftVersion: 2 });
    assert.equal(refused.status, 400);
    assert.match(refused.body.message, /special\.deactivateNotSynced/);

    // The runner computes a plan for the draft (a Plan run carrying its version and hash); activation follows.
    store().insert('SyncRun__c', [
      {
        RunId__c: '00000000-0000-4000-8000-0000000000aa',
        Mode__c: 'Plan',
        Status__c: 'Succeeded',
        StartedAt__c: '2026-11-25T08:00:00.000Z',
        SettingsVersion__c: 2,
        SettingsHash__c: saved.body.state.draftHash,
        Plan__c: JSON.stringify({
          counts: { deactivate: 3 },
          samples: { deactivate: [{ name: 'Janet Leverling', personType: 'Contact' }] }
        })
      }
    ]);
    const plan = await apex('admin', 'SetupController/getPlanPreview');
    assert.equal(plan.status, 200, JSON.stringify(plan.body));
    assert.deepEqual(plan.body.actions[0], {
      action: 'deactivate',
      count: 3,
      samples: [{ name: 'Janet Leverling', personType: 'Contact' }]
    });
    const activated = await apex('admin', 'SetupController/activateDraft', { draftVersion: 2 });
    assert.equal(activated.status, 200, JSON.stringify(activated.body));
    assert.equal(activated.body.state.activeVersion, 2);
    const record = store().all('ConnectorSettings__c')[0];
    assert.equal(
      record.ActiveJson__c ?? record.tlms__ActiveJson__c,
      draft,
      'the runner reads the activated document'
    );
  });

  it('a recorded change prunes changes older than the active retention, and only those', async () => {
    const daysAgo = (days: number) => new Date(FIXTURE_NOW - days * 86_400_000).toISOString();
    const [expiredId, keptId] = store().insert('SettingsChange__c', [
      { Action__c: 'SaveDraft', ChangedAt__c: daysAgo(400), VersionAfter__c: 0, Summary__c: 'expired' },
      { Action__c: 'SaveDraft', ChangedAt__c: daysAgo(300), VersionAfter__c: 0, Summary__c: 'kept' }
    ]);
    const state = await apex('admin', 'SetupController/getSettingsState');
    assert.equal(state.status, 200, JSON.stringify(state.body));
    const saved = await apex('admin', 'SetupController/saveDraft', {
      settingsJson: JSON.stringify({
        ...DEFAULT_SETTINGS,
        users: { ...DEFAULT_SETTINGS.users, enabled: false }
      }),
      baseVersion: state.body.draftVersion
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.ok, true, JSON.stringify(saved.body));
    const ids = store()
      .all('SettingsChange__c')
      .map((change) => String(change.Id));
    assert.ok(!ids.includes(expiredId), 'a change older than the 365-day retention is deleted');
    assert.ok(ids.includes(keptId), 'a change inside the retention stays');
    assert.ok(ids.length >= 2, 'the change just recorded stays');
  });

  it('rejects an invalid draft with the validator’s issues and writes nothing', async () => {
    const before = store().all('SettingsChange__c').length;
    const result = await apex('admin', 'SetupController/saveDraft', {
      settingsJson: '{"schemaVersion":1,"users":{"enabled":"yes"}}',
      baseVersion: 2
    });
    assert.equal(result.status, 200);
    assert.equal(result.body.ok, false);
    assert.ok(result.body.issues.length > 0);
    assert.equal(store().all('SettingsChange__c').length, before);
  });

  it('answers connection, checklist and field options', async () => {
    const connection = await apex('admin', 'SetupController/getConnection');
    assert.equal(connection.status, 200, JSON.stringify(connection.body));
    assert.equal(connection.body.talentlmsDomain, 'acme.talentlms.com');
    assert.equal(connection.body.catalog.customFields.length, 2);
    const checklist = await apex('admin', 'SetupController/getChecklist');
    assert.equal(checklist.status, 200, JSON.stringify(checklist.body));
    assert.ok(
      checklist.body.items.some(
        (item: { key: string; state: string }) => item.key === 'cspTrustedSite' && item.state === 'Done'
      )
    );
    const runner = checklist.body.items.find((item: { key: string }) => item.key === 'runnerDeployment');
    assert.match(
      runner.detail,
      /\d{1,2}\/\d{1,2}\/\d{4}, \d{1,2}:\d{2} [AP]M/,
      'a date in a message reads as Apex Datetime.format() writes it'
    );
    assert.doesNotMatch(runner.detail, /T\d{2}:\d{2}:\d{2}/, 'no ISO timestamp in a message');
    const fields = await apex('admin', 'SetupController/getFieldOptions', { objectName: 'User' });
    assert.equal(fields.status, 200, JSON.stringify(fields.body).slice(0, 500));
    assert.ok(fields.body.some?.((field: { path: string }) => field.path === 'Department'));
    assert.ok(fields.body.some?.((field: { path: string }) => field.path === 'Manager.Email'));
  });

  const checklistItem = (body: Record<string, unknown>, key: string) =>
    (body.items as { key: string; state: string; detail: string }[]).find((item) => item.key === key);
  const permissionSetId = (name: string) =>
    String(
      store()
        .all('PermissionSet')
        .find((set) => set.Name === name && set.NamespacePrefix === 'tlms')?.Id
    );

  it('the integration-user step reads the runner user and its TalentLMS_Integration assignment', async () => {
    const username = preview.fixture.runAsUsername;
    const ready = await apex('admin', 'SetupController/getChecklist');
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    assert.deepEqual(checklistItem(ready.body, 'integrationUser'), {
      key: 'integrationUser',
      state: 'Done',
      detail: labelValue('Setup_Check_UserReady').replace('{0}', username)
    });

    const runAsUser = store()
      .all('User')
      .find((user) => user.Username === username);
    assert.ok(runAsUser, 'the emulator holds the runner user');
    const assignment = store()
      .all('PermissionSetAssignment')
      .find(
        (row) =>
          row.AssigneeId === runAsUser.Id && row.PermissionSetId === permissionSetId('TalentLMS_Integration')
      );
    assert.ok(assignment, 'the runner user holds TalentLMS_Integration');
    store().delete([String(assignment.Id)]);
    try {
      const missing = await apex('admin', 'SetupController/getChecklist');
      assert.equal(missing.status, 200, JSON.stringify(missing.body));
      assert.deepEqual(checklistItem(missing.body, 'integrationUser'), {
        key: 'integrationUser',
        state: 'ToDo',
        detail: `${username}: ${labelValue('Setup_Check_UserMissingSet')}`
      });
    } finally {
      store().insert('PermissionSetAssignment', [
        { AssigneeId: assignment.AssigneeId, PermissionSetId: assignment.PermissionSetId }
      ]);
    }
  });

  it('the permission step counts missing learners and managers and turns Done after assignPermissionSets', async () => {
    // A second synced user besides the learner persona, who holds no package set; Grace Hopper (chief) has
    // active reports and no TalentLMS_Manager (the manager personas hold theirs).
    const colleague = preview.fixture.records.User.find((user) => user.LastName === 'Dijkstra');
    const chief = preview.fixture.records.User.find((user) => user.LastName === 'Hopper');
    assert.ok(colleague && chief);
    store().insert('Learner__c', [
      { Name: 'Edsger Dijkstra', User__c: colleague.Id, PersonType__c: 'User', State__c: 'Synced' }
    ]);
    const before = await apex('admin', 'SetupController/getChecklist');
    assert.equal(before.status, 200, JSON.stringify(before.body));
    assert.equal(before.body.permissionSync.learnersMissing, 1);
    assert.equal(before.body.permissionSync.managersMissing, 1);
    assert.equal(before.body.permissionSync.canAssign, true);
    assert.deepEqual(checklistItem(before.body, 'permissionSets'), {
      key: 'permissionSets',
      state: 'ToDo',
      detail: labelValue('Setup_Check_PermissionsDetail').replace('{0}', '1').replace('{1}', '1')
    });

    const refused = await apex('learner', 'SetupController/assignPermissionSets');
    assert.equal(refused.status, 400);
    assert.equal(refused.body.message, labelValue('Setup_Permissions_NoAccess'));

    const queued = await apex('admin', 'SetupController/assignPermissionSets');
    assert.equal(queued.status, 200, JSON.stringify(queued.body));
    assert.equal(queued.body.permissionSync.lastJobStatus, 'Queued', 'the job runs after the answer');
    await preview.server.asyncApex.idle();

    const after = await apex('admin', 'SetupController/getChecklist');
    assert.equal(after.status, 200, JSON.stringify(after.body));
    assert.equal(after.body.permissionSync.learnersMissing, 0);
    assert.equal(after.body.permissionSync.managersMissing, 0);
    assert.equal(after.body.permissionSync.lastJobStatus, 'Completed');
    assert.equal(checklistItem(after.body, 'permissionSets')?.state, 'Done');
    const holds = (userId: string, set: string) =>
      store()
        .all('PermissionSetAssignment')
        .some((row) => row.AssigneeId === userId && row.PermissionSetId === permissionSetId(set));
    assert.ok(holds(colleague.Id, 'TalentLMS_Learner'), 'the synced user got TalentLMS_Learner');
    assert.ok(holds(chief.Id, 'TalentLMS_Manager'), 'the manager got TalentLMS_Manager');
  });

  it('schedulePermissionSync records the hourly job the checklist then reports', async () => {
    const started = await apex('admin', 'SetupController/schedulePermissionSync', { enabled: true });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.equal(started.body.permissionSync.scheduled, true);
    // PermissionAssignmentSchedule.CRON fires at minute 15 of every hour; the fixture's clock reads 09:00.
    assert.equal(started.body.permissionSync.nextRunAt, new Date(FIXTURE_NOW + 15 * 60_000).toISOString());
    const read = await apex('admin', 'SetupController/getChecklist');
    assert.equal(read.body.permissionSync.scheduled, true);
    const stopped = await apex('admin', 'SetupController/schedulePermissionSync', { enabled: false });
    assert.equal(stopped.status, 200, JSON.stringify(stopped.body));
    assert.equal(stopped.body.permissionSync.scheduled, false);
    assert.equal(stopped.body.permissionSync.nextRunAt, undefined);
  });
});
