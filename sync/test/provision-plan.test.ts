import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  type AbsenceFact,
  branchNameFor,
  branchSuffix,
  type LearnerRow,
  plan,
  type PersonPlan,
  planTotals,
  type SalesforcePerson,
  summarisePlan,
  type TalentLmsSnapshot,
  type TalentLmsUser
} from '../src/core/provision';
import { MAX_SAMPLES_PER_ACTION, planResultSchema } from '../src/core/planResult';
import { defaultSettings, type Settings } from '../src/settings';

const NOW = Date.UTC(2026, 0, 15, 9);
let n = 0;
const id = (prefix: string) => `${prefix}${String((n += 1)).padStart(12, '0')}AAA`;

function person(p: Partial<SalesforcePerson> = {}): SalesforcePerson {
  const sfId = p.salesforceId ?? id(p.personType === 'User' ? '005' : '003');
  return {
    salesforceId: sfId,
    personType: 'Contact',
    firstName: 'Ada',
    lastName: `L${sfId.slice(-6)}`,
    email: `p${sfId.slice(3, 15)}@example.com`,
    accountId: null,
    accountName: null,
    groupValue: null,
    fieldValues: {},
    ...p
  };
}

function tlUser(u: Partial<TalentLmsUser> & Pick<TalentLmsUser, 'id' | 'email'>): TalentLmsUser {
  return {
    login: `login${u.id}`,
    firstName: 'Ada',
    lastName: 'X',
    userType: 'Learner-Type',
    status: 'active',
    customFields: {},
    ...u
  };
}

function learnerOf(p: SalesforcePerson, l: Partial<LearnerRow> = {}): LearnerRow {
  return {
    recordId: null,
    salesforceId: p.salesforceId,
    personType: p.personType,
    name: `${p.firstName} ${p.lastName}`,
    talentlmsUserId: null,
    login: null,
    email: p.email,
    state: 'Synced',
    stateMessage: null,
    exclusionReason: null,
    talentlmsStatus: 'Active',
    userType: 'Learner-Type',
    accountId: p.accountId,
    branchId: null,
    branchName: null,
    groups: null,
    ...l
  };
}

/** A person already provisioned: TalentLMS user + Learner__c row that agree. */
function linked(
  p: SalesforcePerson,
  tlId: string,
  extra: Partial<TalentLmsUser> = {},
  row: Partial<LearnerRow> = {}
) {
  const user = tlUser({
    id: tlId,
    email: String(p.email).toLowerCase(),
    firstName: String(p.firstName),
    lastName: String(p.lastName),
    ...extra
  });
  return { user, learner: learnerOf(p, { talentlmsUserId: tlId, login: user.login, ...row }) };
}

function snapshot(s: Partial<TalentLmsSnapshot> = {}): TalentLmsSnapshot {
  return {
    users: [],
    groups: [],
    branches: [],
    customFields: [],
    dateFormat: 'DDMMYYYY',
    branchLimit: null,
    ...s
  };
}

function settings(patch: (s: Settings) => void = () => {}): Settings {
  const s = defaultSettings();
  s.users.enabled = true;
  s.contacts.enabled = true;
  patch(s);
  return s;
}

function run(input: {
  people?: SalesforcePerson[];
  learners?: LearnerRow[];
  absences?: AbsenceFact[];
  talentlms?: Partial<TalentLmsSnapshot>;
  settings?: Settings;
}) {
  return plan({
    people: input.people ?? [],
    learners: input.learners ?? [],
    absences: input.absences ?? [],
    talentlms: snapshot(input.talentlms),
    settings: input.settings ?? settings(),
    nowMs: NOW
  });
}

const of = (people: PersonPlan[], sfId: string) => {
  const found = people.find((p) => p.salesforceId === sfId);
  assert.ok(found, `a plan entry for ${sfId}`);
  return found;
};
const opNames = (p: PersonPlan) => p.ops.map((op) => op.op);

describe('plan: creating and updating', () => {
  it('creates a new person with a deterministic login, group and branch, created once each', () => {
    const account = id('001');
    const a = person({ accountId: account, accountName: 'Acme', groupValue: ' Partners ' });
    const b = person({ accountId: account, accountName: 'Acme', groupValue: 'partners' });
    const result = run({
      people: [a, b],
      settings: settings((s) => {
        s.contacts.groupField = 'Department';
        s.contacts.accountsToBranches.enabled = true;
        s.email.newLearnerPolicy = 'restrict';
      }),
      talentlms: { groups: [{ id: '1', name: 'Partners', key: 'K' }] }
    });
    assert.deepEqual(result.groupsToCreate, [], 'the group exists (names compare without case)');
    assert.deepEqual(result.branchesToCreate, [
      { accountId: account, name: branchNameFor('Acme', account), existingId: null }
    ]);
    const signup = of(result.people, a.salesforceId).ops[0];
    assert.equal(signup.op, 'signup');
    if (signup.op !== 'signup') return;
    assert.equal(signup.group, 'Partners');
    assert.equal(signup.restrictEmail, true);
    assert.equal(signup.fields.email, String(a.email));
    assert.equal('password' in signup.fields, false, 'passwords are never planned');
    assert.equal(of(result.people, a.salesforceId).learner.login, signup.login);
    assert.equal(planTotals(result).create, 2);
  });

  it('follows the stored id: an e-mail or name change is an edit of the same user, never a create', () => {
    const p = person({ email: 'new@example.com', lastName: 'King' });
    const { user, learner } = linked(p, '7', { email: 'old@example.com', lastName: 'Lovelace' });
    const result = run({
      people: [p],
      learners: [learner],
      talentlms: { users: [user, tlUser({ id: '8', email: 'nobody@example.com' })] }
    });
    const entry = of(result.people, p.salesforceId);
    assert.equal(entry.outcome, 'sync');
    assert.deepEqual(entry.ops, [{ op: 'edit', fields: { last_name: 'King', email: 'new@example.com' } }]);
    assert.match(entry.detail, /old@example.com → new@example.com/);
  });

  it('plans nothing for someone already in sync', () => {
    const p = person();
    const { user, learner } = linked(p, '7');
    const result = run({ people: [p], learners: [learner], talentlms: { users: [user] } });
    assert.deepEqual(of(result.people, p.salesforceId).ops, []);
    assert.deepEqual(planTotals(result), {
      create: 0,
      update: 0,
      activate: 0,
      deactivate: 0,
      group: 0,
      branch: 0,
      exclude: 0,
      needsReview: 0
    });
  });

  it('a retry resolves a Creating learner by login first, then by e-mail', () => {
    const p = person({ email: 'changed@example.com' });
    const byLogin = run({
      people: [p],
      learners: [learnerOf(p, { state: 'Creating', login: 'ada-123456' })],
      talentlms: {
        users: [tlUser({ id: '9', login: 'ada-123456', email: 'before@example.com', status: 'inactive' })]
      }
    });
    const entry = of(byLogin.people, p.salesforceId);
    assert.equal(entry.talentlmsUserId, '9', 'found by the remembered login although the e-mail changed');
    assert.ok(opNames(entry).includes('activate'), 'the unfinished signup still gets its activation');
    assert.ok(opNames(entry).includes('edit'));
    const byEmail = run({
      people: [p],
      learners: [learnerOf(p, { state: 'Creating', login: 'ada-123456' })],
      talentlms: { users: [tlUser({ id: '10', login: 'someone', email: 'changed@example.com' })] }
    });
    assert.equal(of(byEmail.people, p.salesforceId).talentlmsUserId, '10');
    const neither = run({
      people: [p],
      learners: [learnerOf(p, { state: 'Creating', login: 'ada-123456' })]
    });
    const signup = of(neither.people, p.salesforceId).ops[0];
    assert.equal(signup.op === 'signup' && signup.login, 'ada-123456', 'the remembered login is reused');
  });

  it('moves a learner whose group or Account changed, and activates only with alwaysActivate', () => {
    const [oldAccount, newAccount] = [id('001'), id('001')];
    const p = person({ accountId: newAccount, accountName: 'New', groupValue: 'Gold' });
    const oldBranch = { id: '3', name: branchNameFor('Old', oldAccount) };
    const newBranch = { id: '4', name: branchNameFor('Renamed since', newAccount) };
    const { user, learner } = linked(
      p,
      '7',
      { status: 'inactive' },
      { groups: 'Silver', branchId: '3', accountId: oldAccount }
    );
    const s = settings((x) => {
      x.contacts.groupField = 'Level__c';
      x.contacts.accountsToBranches.enabled = true;
    });
    const talentlms = {
      users: [user],
      groups: [
        { id: '1', name: 'Silver', key: 'S' },
        { id: '2', name: 'Gold', key: 'G' }
      ],
      branches: [oldBranch, newBranch]
    };
    const entry = of(
      run({ people: [p], learners: [learner], talentlms, settings: s }).people,
      p.salesforceId
    );
    assert.deepEqual(entry.ops, [
      { op: 'joinGroup', group: 'Gold' },
      { op: 'leaveGroup', group: 'Silver' },
      { op: 'joinBranch', branch: { accountId: newAccount, name: newBranch.name, existingId: '4' } },
      { op: 'leaveBranch', branchId: '3' }
    ]);
    s.special.alwaysActivate = true;
    const again = of(
      run({ people: [p], learners: [learner], talentlms, settings: s }).people,
      p.salesforceId
    );
    assert.ok(opNames(again).includes('activate'));
  });

  it('checks the branch limit first: no branch is created and nobody moves', () => {
    const people = [
      person({ accountId: id('001'), accountName: 'A' }),
      person({ accountId: id('001'), accountName: 'B' })
    ];
    const result = run({
      people,
      settings: settings((s) => (s.contacts.accountsToBranches.enabled = true)),
      talentlms: { branches: [{ id: '1', name: 'main' }], branchLimit: 2 }
    });
    assert.deepEqual(result.branchCheck, { needed: 2, existing: 1, limit: 2, exceeded: true });
    assert.deepEqual(result.branchesToCreate, []);
    for (const p of result.people) {
      assert.equal(p.ops[0].op === 'signup' && p.ops[0].branch, null);
      assert.deepEqual(
        p.problems.map((x) => x.code),
        ['BRANCH_LIMIT_REACHED']
      );
    }
  });
  it('an adopted learner joins the branch this run creates for their Account', () => {
    const account = id('001');
    const p = person({ accountId: account, accountName: 'Globex Ltd', email: 'ada@globex.example' });
    const result = run({
      people: [p],
      talentlms: { users: [tlUser({ id: '7', email: 'ada@globex.example' })] },
      settings: settings((s) => (s.contacts.accountsToBranches.enabled = true))
    });
    const entry = of(result.people, p.salesforceId);
    assert.equal(entry.adopted, true, 'the existing TalentLMS user is adopted by e-mail');
    assert.equal(result.branchesToCreate.length, 1, "the Account's branch is created in this run");
    assert.ok(
      entry.ops.some((op) => op.op === 'joinBranch' && op.branch.accountId === account),
      'and the adopted learner joins it (the branch has no id yet, so nobody can already be in it)'
    );
  });
});

describe('plan: identity conflicts', () => {
  it('a User wins over a Contact with the same e-mail', () => {
    const user = person({ personType: 'User', salesforceId: id('005'), email: 'SAME@example.com' });
    const contact = person({ email: 'same@example.com' });
    const result = run({ people: [contact, user] });
    assert.equal(of(result.people, user.salesforceId).outcome, 'create');
    const loser = of(result.people, contact.salesforceId);
    assert.equal(loser.outcome, 'exclude');
    assert.equal(loser.reason, 'sameEmailAsUser');
    assert.match(loser.detail, new RegExp(user.salesforceId));
    assert.equal(result.exclusions.sameEmailAsUser, 1);
  });

  it('Contacts sharing an e-mail go to review listing who; one already linked keeps its link', () => {
    const [a, b, c] = [
      person({ email: 'team@example.com' }),
      person({ email: 'team@example.com' }),
      person({ email: 'team@example.com' })
    ];
    const result = run({ people: [a, b, c] });
    for (const p of [a, b, c]) {
      const entry = of(result.people, p.salesforceId);
      assert.equal(entry.outcome, 'needsReview');
      for (const other of [a, b, c].filter((x) => x !== p))
        assert.match(entry.detail, new RegExp(other.salesforceId));
    }
    const { user, learner } = linked(a, '5');
    const withLink = run({ people: [a, b], learners: [learner], talentlms: { users: [user] } });
    assert.equal(of(withLink.people, a.salesforceId).outcome, 'sync');
    assert.equal(of(withLink.people, b.salesforceId).outcome, 'needsReview');
  });

  it('adopts an existing learner account by e-mail, never an admin or instructor without the setting, never a SuperAdmin', () => {
    const p = person({ email: 'boss@example.com' });
    for (const [userType, patch, expected] of [
      ['Learner-Type', () => {}, 'sync'],
      ['Admin-Type', () => {}, 'needsReview'],
      ['Admin-Type', (s: Settings) => (s.special.adoptAdmins = true), 'sync'],
      ['Trainer-Type', () => {}, 'needsReview'],
      ['Trainer-Type', (s: Settings) => (s.special.adoptInstructors = true), 'sync'],
      ['SuperAdmin', (s: Settings) => (s.special.adoptAdmins = true), 'needsReview']
    ] as const) {
      const result = run({
        people: [p],
        talentlms: { users: [tlUser({ id: '1', email: 'boss@example.com', userType })] },
        settings: settings(patch)
      });
      const entry = of(result.people, p.salesforceId);
      assert.equal(entry.outcome, expected, `${userType}`);
      if (expected === 'sync') assert.equal(entry.adopted, true);
    }
  });

  it('one TalentLMS user links to at most one person; a merged Contact releases it to the survivor', () => {
    const owner = person({ email: 'old@example.com' });
    const newcomer = person({ email: 'shared@example.com' });
    const { user, learner } = linked(owner, '5', { email: 'shared@example.com' });
    const taken = run({ people: [owner, newcomer], learners: [learner], talentlms: { users: [user] } });
    assert.equal(of(taken.people, newcomer.salesforceId).outcome, 'needsReview');
    const merged = run({
      people: [newcomer],
      learners: [learner],
      absences: [
        { salesforceId: owner.salesforceId, reason: 'merged', masterRecordId: newcomer.salesforceId }
      ],
      talentlms: { users: [user] },
      settings: settings((s) => (s.special.deactivateNotSynced = true))
    });
    const survivor = of(merged.people, newcomer.salesforceId);
    assert.equal(survivor.talentlmsUserId, '5');
    assert.deepEqual(survivor.releases, [owner.salesforceId]);
    const released = of(merged.people, owner.salesforceId);
    assert.equal(released.outcome, 'exclude', 'released, never deactivated');
    assert.equal(released.learner.talentlmsUserId, null);
  });

  it('a linked TalentLMS user deleted in TalentLMS goes to review instead of a second account', () => {
    const p = person();
    const result = run({ people: [p], learners: [learnerOf(p, { talentlmsUserId: '99' })] });
    assert.equal(of(result.people, p.salesforceId).outcome, 'needsReview');
  });

  it('excludes people without a usable e-mail', () => {
    const p = person({ email: null });
    const result = run({ people: [p] });
    assert.equal(of(result.people, p.salesforceId).outcome, 'exclude');
    assert.equal(result.exclusions.noEmail, 1);
  });
});

describe('plan: deactivation and the circuit breaker', () => {
  const population = Array.from({ length: 10 }, () => person());
  const links = population.map((p, i) => linked(p, String(100 + i)));
  const users = links.map((l) => l.user);
  const rows = links.map((l) => l.learner);
  const deactivating = (share: number, allowance: number) =>
    settings((s) => {
      s.special.deactivateNotSynced = true;
      s.special.maxDeactivationShare = share;
      s.special.deactivationAllowance = allowance;
    });

  it('deactivates only on positive absence, and only with the setting', () => {
    const absences: AbsenceFact[] = [
      { salesforceId: population[0].salesforceId, reason: 'inactive' },
      { salesforceId: population[1].salesforceId, reason: 'filter' },
      { salesforceId: population[2].salesforceId, reason: 'unknown' }
    ];
    const inScope = population.slice(3);
    const result = run({
      people: inScope,
      learners: rows,
      absences,
      talentlms: { users },
      settings: deactivating(1, 100)
    });
    assert.deepEqual(opNames(of(result.people, population[0].salesforceId)), ['deactivate']);
    assert.deepEqual(opNames(of(result.people, population[1].salesforceId)), ['deactivate']);
    const unknown = of(result.people, population[2].salesforceId);
    assert.equal(unknown.outcome, 'needsReview', 'not found is not absent');
    assert.deepEqual(unknown.ops, []);
    const off = run({ people: inScope, learners: rows, absences, talentlms: { users } });
    assert.equal(of(off.people, population[0].salesforceId).outcome, 'exclude');
    assert.equal(planTotals(off).deactivate, 0);
    const noFact = run({
      people: inScope,
      learners: rows,
      absences: [],
      talentlms: { users },
      settings: deactivating(1, 100)
    });
    assert.equal(planTotals(noFact).deactivate, 0, 'missing from the scope query alone proves nothing');
  });

  it('never deactivates a SuperAdmin', () => {
    const superAdmins = users.map((u, i) => (i === 0 ? { ...u, userType: 'SuperAdmin' } : u));
    const result = run({
      people: population.slice(1),
      learners: rows,
      absences: [{ salesforceId: population[0].salesforceId, reason: 'deleted' }],
      talentlms: { users: superAdmins },
      settings: deactivating(1, 100)
    });
    assert.equal(of(result.people, population[0].salesforceId).outcome, 'exclude');
  });

  it('trips when deactivations exceed both the allowance and the share', () => {
    const absences = (k: number) =>
      population.slice(0, k).map((p) => ({ salesforceId: p.salesforceId, reason: 'deleted' as const }));
    const verdict = (k: number, share: number, allowance: number) =>
      run({
        people: population.slice(k),
        learners: rows,
        absences: absences(k),
        talentlms: { users },
        settings: deactivating(share, allowance)
      }).circuitBreaker;
    assert.deepEqual(verdict(3, 0.2, 1), {
      tripped: true,
      deactivations: 3,
      managedActive: 10,
      share: 0.3,
      maxShare: 0.2,
      allowance: 1
    });
    assert.equal(verdict(3, 0.3, 1).tripped, false, 'at the share is allowed');
    assert.equal(verdict(3, 0.1, 3).tripped, false, 'within the allowance');
    assert.equal(verdict(1, 0, 0).tripped, true, 'share 0: any deactivation beyond the allowance');
  });
});

describe('plan summary', () => {
  it('counts per action, keeps ≤ 20 samples per action and matches the contract', () => {
    const people = Array.from({ length: 30 }, () => person({ groupValue: 'G' }));
    const noEmail = person({ email: '' });
    const result = run({
      people: [...people, noEmail],
      settings: settings((s) => (s.contacts.groupField = 'Dept'))
    });
    const summary = summarisePlan({
      plan: result,
      computedAt: NOW,
      settings: { source: 'draft', version: 3, hash: 'a'.repeat(64) },
      population: { salesforceUsers: 0, salesforceContacts: 31, inScope: 31, talentlmsUsers: 0 },
      exclusions: { inactive: 4 }
    });
    assert.equal(summary.totals.create, 30);
    assert.equal(summary.totals.group, 30);
    assert.equal(summary.totals.exclude, 1);
    assert.equal(summary.samples.create.length, MAX_SAMPLES_PER_ACTION);
    assert.deepEqual(summary.exclusions, { inactive: 4, noEmail: 1 });
    assert.ok(
      planResultSchema.safeParse(summary).success,
      JSON.stringify(planResultSchema.safeParse(summary).error)
    );
    assert.equal(summary.branches, null);
    assert.ok(branchSuffix(people[0].salesforceId).length === 8);
  });
});
