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
  tlUsers,
  writeCalls
} from './support/provisionWorld';
import { branchSuffix, DEFAULT_TEXT } from '../src/core/provision';

describe('provisioning: filters, groups, mappings, defaults and branches', () => {
  let world: World;
  let sales: string[];
  let support: string[];
  let inactive: string[];
  let guest: string[];
  let contacts: string[];
  let accountA: string;
  let accountB: string;
  let personAccount: string;

  before(async () => {
    world = await startProvisionWorld({
      portal: { strongPasswords: true, signupCreatesInactive: true, dateFormat: 'MMDDYYYY' },
      settings: settingsWith((s) => {
        s.users.enabled = true;
        s.users.filter = {
          logic: 'all',
          conditions: [
            { field: 'Department', fieldType: 'string', operator: 'in', value: ['Sales', "O'Brien OR 1=1"] }
          ]
        };
        s.users.groupField = 'Department';
        s.users.fieldMappings = [
          { salesforceField: 'Title', customFieldKey: 'custom_field_1', whenEmpty: 'clear' },
          { salesforceField: 'Division', customFieldKey: 'custom_field_2', whenEmpty: 'clear' }
        ];
        s.contacts.enabled = true;
        s.contacts.filter = {
          logic: 'all',
          conditions: [{ field: 'Email', fieldType: 'email', operator: 'endsWith', value: '@example.com' }]
        };
        s.contacts.accountsToBranches.enabled = true;
        s.email.newLearnerPolicy = 'restrict';
      })
    });
    const { sf, tl } = world;
    tl.state.addCustomField({ name: 'Job title', type: 'text', mandatory: 'no' }, 'user');
    tl.state.addCustomField(
      { name: 'Division', type: 'dropdown', mandatory: 'yes', dropdown_values: 'North;South;[East]' },
      'user'
    );
    tl.state.addCustomField({ name: 'Agreed', type: 'checkbox', mandatory: 'yes' }, 'user');
    tl.state.addCustomField({ name: 'Start', type: 'date', mandatory: 'yes' }, 'user');
    tl.state.addCustomField({ name: 'Company', type: 'text', mandatory: 'yes' }, 'user');
    sales = addUsers(sf, 3, (i) => ({
      Department: 'Sales',
      Title: `Rep ${i}`,
      Division: i === 0 ? 'south' : i === 1 ? 'Nowhere' : null
    }));
    support = addUsers(sf, 2, () => ({ Department: 'Support' }));
    inactive = addUsers(sf, 1, () => ({ Department: 'Sales', IsActive: false }));
    guest = addUsers(sf, 1, () => ({ Department: 'Sales', UserType: 'Guest' }));
    [accountA, accountB] = sf.store.insert('Account', [{ Name: 'Acme Corp, Inc.' }, { Name: 'Ünïcode Ltd' }]);
    contacts = addContacts(sf, 3, (i) => ({ AccountId: i < 2 ? accountA : accountB }));
    addContacts(sf, 1, () => ({ Email: 'someone@elsewhere.org', AccountId: accountA }));
    personAccount = addContacts(sf, 1, () => ({ IsPersonAccount: true, AccountId: accountB }))[0];
    // Another transaction holds the Learner__c rows once: the write is retried with backoff on the clock.
    sf.faults.add({ kind: 'lockError', method: 'PATCH', route: 'Learner__c', times: 1 });
  });

  after(async () => world.close());

  it('provisions exactly the people in scope, with groups, mappings, defaults and branches', async () => {
    const result = await provision(world);
    // The one invalid dropdown value is an open issue, so the run is partial (exit 1), with nothing failed.
    assert.equal(result.exitCode, 1, result.stderr + result.stdout);
    assert.equal(result.summary?.counts.failed, 0);
    assert.equal(result.summary?.counts.created, 6);
    assert.equal(result.summary?.issues.open, 1);
    assert.ok(
      result.summary?.warnings.some((w) => /restrict_email/.test(w)),
      'the run says restrict_email is permanent'
    );
    const { tl, sf } = world;
    const users = tlUsers(tl);
    assert.equal(users.length, 6, 'three Sales users and three example.com contacts');
    const rows = learners(sf);
    for (const id of [...support, ...inactive, ...guest, personAccount]) {
      assert.equal(rows.has(id), false, `${id} is not in scope`);
    }
    assert.equal(sf.faults.list()[0]?.applied, 1, 'the locked write happened and was retried');
    const byEmail = new Map(users.map((u) => [u.email, u]));
    const salesUsers = sf.store.all('User').filter((u) => sales.includes(String(u.Id)));
    for (const sfUser of salesUsers) {
      const learner = rows.get(String(sfUser.Id));
      assert.equal(field(learner, 'State__c'), 'Synced');
      const user = byEmail.get(String(sfUser.Email).toLowerCase());
      assert.ok(user, `TalentLMS user for ${String(sfUser.Email)}`);
      assert.equal(field(learner, 'TalentLmsUserId__c'), user.id);
      assert.equal(user.status, 'active', 'activated after an inactive signup');
      assert.equal(user.restrict_email, '1', 'e-mail restricted by the policy');
      assert.equal(user.custom.custom_field_1, String(sfUser.Title), 'title mapped');
      assert.equal(user.custom.custom_field_3, 'off', 'mandatory checkbox default');
      assert.equal(user.custom.custom_field_4, '01/15/2026', 'mandatory date default: today, portal format');
      assert.equal(user.custom.custom_field_5, 'Salesforce integration', 'mandatory text default');
      assert.equal(field(learner, 'Groups__c'), 'Sales');
    }
    const division = salesUsers.map((u) => byEmail.get(String(u.Email).toLowerCase())?.custom.custom_field_2);
    assert.deepEqual(
      division,
      ['South', 'North', 'North'],
      'dropdown matched case-insensitively; invalid or empty → first option'
    );
    const group = [...tl.state.groups.values()].find((g) => g.name === 'Sales');
    assert.ok(group, 'group created from the field value');
    assert.equal(group.userIds.size, 3);
    const branches = [...tl.state.branches.values()];
    assert.equal(branches.length, 2);
    const branchA = branches.find((b) => b.name.endsWith(branchSuffix(accountA)));
    assert.ok(branchA && /^acmecorpinc[0-9a-f]{8}$/.test(branchA.name), branchA?.name);
    assert.ok(branches.some((b) => b.name === `unicodeltd${branchSuffix(accountB)}`));
    assert.equal(branchA.userIds.size, 2);
    for (const id of contacts) assert.equal(field(rows.get(id), 'State__c'), 'Synced');
    const issues = sf.store.all('SyncIssue__c');
    assert.ok(
      issues.some((i) => i.tlms__Code__c === 'FIELD_VALUE_INVALID'),
      'invalid dropdown value reported'
    );
    const catalog = sf.store.all('TalentLmsCatalog__c');
    assert.equal(catalog.length, 1, 'catalog published');
    assert.equal(catalog[0].tlms__DateFormat__c, 'MMDDYYYY');
    const published = JSON.parse(String(catalog[0].tlms__Catalog__c));
    assert.equal(published.customFields.length, 5);
    assert.deepEqual(
      published.customFields.map((f: { defaultValue: string | null }) => f.defaultValue),
      [DEFAULT_TEXT, 'North', 'off', null, DEFAULT_TEXT],
      'the defaults the runner applies, for the Setup tab (dates: today)'
    );
  });

  it('makes no TalentLMS write on a second run without changes', async () => {
    world.tl.calls.reset();
    const result = await provision(world);
    assert.equal(result.summary?.counts.failed, 0, result.stdout);
    assert.equal(result.summary?.counts.created, 0);
    assert.equal(writeCalls(world.tl), 0, JSON.stringify(world.tl.calls.snapshot().byRoute));
    assert.ok(world.tl.calls.snapshot().total <= 6, 'a handful of reads');
  });

  it("an Account change moves the learner to the new Account's branch", async () => {
    const { sf, tl } = world;
    const mover = contacts[0];
    sf.store.update('Contact', [{ Id: mover, AccountId: accountB }]);
    const result = await provision(world);
    assert.equal(result.summary?.counts.failed, 0, result.stdout);
    const tlId = String(field(learners(sf).get(mover), 'TalentLmsUserId__c'));
    const branches = [...tl.state.branches.values()];
    const a = branches.find((b) => b.name.endsWith(branchSuffix(accountA)));
    const b = branches.find((x) => x.name.endsWith(branchSuffix(accountB)));
    assert.equal(a?.userIds.has(tlId), false, 'left the old branch');
    assert.equal(b?.userIds.has(tlId), true, 'joined the new one');
    assert.equal(field(learners(sf).get(mover), 'BranchId__c'), b?.id);
    assert.equal(branches.length, 2, 'no branch created');
  });

  it('never stores or prints the generated passwords', async () => {
    addContacts(world.sf, 2, () => ({ AccountId: accountA }));
    // Debug logging shows every call the runner makes; the signups of this run must still not show a password.
    const result = await provision(world, ['run', '--json'], { TLMS_LOG_LEVEL: 'debug' });
    assert.equal(result.summary?.counts.created, 2, result.stdout);
    assert.ok(result.stderr.includes('usersignup'), 'the debug log shows the signups');
    const passwords = tlUsers(world.tl).map((u) => u.password);
    assert.ok(
      passwords.every((p) => /^(?=.*[A-Z])(?=.*[a-z])(?=.*\d).{20}$/.test(p)),
      'strong and random'
    );
    assert.equal(new Set(passwords).size, passwords.length, 'one per learner');
    const stored = JSON.stringify(
      ['Learner__c', 'SyncRun__c', 'SyncIssue__c', 'TalentLmsCatalog__c', 'SyncState__c'].map((o) =>
        world.sf.store.all(o)
      )
    );
    for (const secret of passwords) {
      assert.equal(stored.includes(secret), false, 'not in any Salesforce record');
      assert.equal(
        result.stdout.includes(secret) || result.stderr.includes(secret),
        false,
        'not in any output'
      );
    }
  });
});
