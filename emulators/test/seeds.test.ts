import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { courseRecordKey, portalIdOf } from '../../sync/src/core/keys';
import { SettingsSchema, DEFAULT_SETTINGS } from '../../sync/src/settings';
import { plan } from '../../sync/src/core/provision';
import { learnerRowOf } from '../../sync/src/engine/provision/learnerRecords';
import { bindSchema } from '../../sync/src/salesforce/schema';
import { computeCoverage, prepareSeed, type Coverage } from '../seeds';
import { snapshotOf } from '../seeds/linked';
import { peopleInScope, salesforcePeople } from '../seeds/linked/provision';
import { connectorSettingsRecord } from '../seeds/settings';

/**
 * The coverage matrix (emulators/seeds/README.md): every case present in demo and in an N seed. Not counts:
 * the learning share (N seeds start unprovisioned, demo asserts ≥ 60% below) and the linked-only figures.
 */
const NOT_CASES = new Set(['peopleWithLearningPercent', 'learnersSynced', 'learnersNeedingReview']);

function assertEveryCase(coverage: Coverage, seed: string): void {
  for (const [name, count] of Object.entries(coverage)) {
    if (NOT_CASES.has(name)) continue;
    assert.ok(count > 0, `${seed}: coverage case ${name} is ${count}, expected > 0`);
  }
}

describe('seed coverage matrix', () => {
  it('demo holds every case, ≤ 300 people, chains ≥ 3 deep and ≥ 60% of people with real learning', () => {
    const seed = prepareSeed({ seed: 'demo' });
    const coverage = computeCoverage(seed.world, seed.settings);
    assertEveryCase(coverage, 'demo');
    assert.ok(seed.people <= 300, `demo has ${seed.people} people`);
    assert.ok(coverage.managerChainDepth >= 3, `chain depth ${coverage.managerChainDepth}`);
    assert.ok(
      coverage.peopleWithLearningPercent >= 60,
      `${coverage.peopleWithLearningPercent}% with learning`
    );
    assert.ok(coverage.branchLimitHeadroom <= 5, 'the branch limit sits just above the account count');
  });

  it('an N seed holds every case, a team ≥ 200 and an account ≥ 1,000 contacts', () => {
    const seed = prepareSeed({ seed: 8000 });
    const coverage = computeCoverage(seed.world, seed.settings);
    assertEveryCase(coverage, '8000');
    assert.equal(seed.people, 8000);
    assert.equal(coverage.salesforceUsers, 4000);
    assert.ok(coverage.managerChainDepth >= 3, `chain depth ${coverage.managerChainDepth}`);
    assert.ok(coverage.biggestTeam >= 200, `biggest team ${coverage.biggestTeam}`);
    assert.ok(coverage.biggestAccountContacts >= 1000, `biggest account ${coverage.biggestAccountContacts}`);
  });

  it('personas sit where the preview needs them: learner under manager under skip-level manager', () => {
    const { world } = prepareSeed({ seed: 'demo' });
    const users = new Map(world.salesforce.users.map((u) => [u.Id, u]));
    const { learner, manager, skipLevelManager, admin, account, contact } = world.personas;
    assert.equal(users.get(learner)?.ManagerId, manager, 'the learner reports to the manager');
    assert.equal(
      users.get(manager)?.ManagerId,
      skipLevelManager,
      'the manager reports to the skip-level manager'
    );
    assert.equal(users.get(admin)?.Title, 'Salesforce Administrator');
    const theContact = world.salesforce.contacts.find((c) => c.Id === contact);
    assert.equal(theContact?.AccountId, account, 'the contact persona belongs to the account persona');
    const tlLearner = world.talentlms.users.find((u) => u.salesforceId === learner);
    assert.ok(tlLearner, 'the learner persona already has a TalentLMS account in the demo');
  });
});

describe('seed determinism', () => {
  it('the same random seed builds the same world; another seed builds another', () => {
    const a = JSON.stringify(prepareSeed({ seed: 600, randomSeed: 7 }).world);
    const b = JSON.stringify(prepareSeed({ seed: 600, randomSeed: 7 }).world);
    const c = JSON.stringify(prepareSeed({ seed: 600, randomSeed: 8 }).world);
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  it('100,000 people generate (linked state excluded: it is the emulator load that costs)', () => {
    const seed = prepareSeed({ seed: 100_000 });
    assert.equal(seed.people, 100_000);
    const coverage = computeCoverage(seed.world, seed.settings);
    assert.ok(coverage.biggestAccountContacts >= 1000 && coverage.biggestTeam >= 200);
  });
});

/** Paths of every leaf option of a settings document (arrays are one option). */
function* leaves(value: unknown, path = ''): Generator<string> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) yield* leaves(inner, `${path}.${key}`);
  } else yield path;
}

describe('seed settings', () => {
  it('are valid, active, hashed as stored and move every option away from its default but the listed ones', () => {
    const seed = prepareSeed({ seed: 'demo' });
    assert.doesNotThrow(() => SettingsSchema.parse(seed.settings));
    const record = connectorSettingsRecord(seed.world, seed.settings);
    for (const [field, value] of Object.entries(record)) {
      assert.notEqual(value, null, `ConnectorSettings__c.${field} is set`);
    }
    assert.equal(record.ActiveJson__c, record.DraftJson__c);
    assert.equal(record.ActiveVersion__c, 1);
    const changed: string[] = [];
    const walk = (a: unknown, b: unknown, path: string) => {
      if (a && typeof a === 'object' && !Array.isArray(a)) {
        for (const key of Object.keys(a)) walk((a as never)[key], (b as never)?.[key], `${path}.${key}`);
      } else if (JSON.stringify(a) !== JSON.stringify(b)) changed.push(path);
    };
    walk(seed.settings, DEFAULT_SETTINGS, '');
    // The options a seed keeps at their defaults, each for a reason (emulators/seeds/README.md "Settings"):
    // anything else at its default fails here, so a new option gets a seed value or a reason.
    const keptAtDefault = [
      '.schemaVersion', // not an option
      '.learning.courses', // the demo and the benchmarks bring all three kinds of learning back
      '.learning.certificates',
      '.learning.badges',
      '.learning.reconciliationCycleDays', // the benchmarks' reconciliation slices are of a 7-day cycle
      '.learning.unenrollmentPolicy', // the documented default rule is the one the learning tests pin down
      '.special.alwaysActivate', // on, every run would reactivate learners the simulator deactivated
      '.special.activateNewLearners', // off, learners created inactive would stay so (the portal-mode benches)
      '.special.adoptAdmins', // adopting admins is a deliberate opt-in; the seeds show it refused
      '.sandbox.allowSandbox' // the seeded org is production; a sandbox opt-in would hide the binding check
    ];
    const atDefault = [...leaves(seed.settings)].filter((path) => !changed.includes(path));
    assert.deepEqual(
      atDefault.sort(),
      [...keptAtDefault].sort(),
      `options at their defaults: ${atDefault.join(', ')}`
    );
    for (const section of [
      '.users',
      '.contacts',
      '.learning',
      '.special',
      '.email',
      '.budgets',
      '.retention'
    ]) {
      assert.ok(
        changed.some((path) => path.startsWith(section)),
        `${section} exercised`
      );
    }
  });
});

describe('linked seed (state after a completed first sync)', () => {
  const seed = prepareSeed({ seed: 'demo', linked: true });
  const linked = seed.linked;
  const tl = seed.world.talentlms;

  it('links every person in scope: Synced with a matching TalentLMS user, or Needs review / Excluded with a reason', () => {
    assert.ok(linked);
    const tlUsers = new Map(tl.users.map((u) => [u.id, u]));
    let synced = 0;
    for (const { record, person } of linked.learners) {
      if (record.State__c !== 'Synced') {
        assert.ok(
          ['NeedsReview', 'Excluded'].includes(String(record.State__c)),
          `${person.id}: ${String(record.State__c)}`
        );
        assert.ok(String(record.StateMessage__c).length > 10, `${person.id} says why it is not synced`);
        continue;
      }
      synced++;
      const user = tlUsers.get(String(record.TalentLmsUserId__c));
      assert.ok(user && !user.deleted, `${person.id} links to a live TalentLMS user`);
      assert.equal(user.email.toLowerCase(), person.email.toLowerCase());
      assert.notEqual(user.userType, 'SuperAdmin');
      assert.notEqual(user.userType, 'Admin-Type', 'admins are not adopted with adoptAdmins off');
    }
    assert.ok(synced >= 0.9 * linked.learners.length, `${synced} of ${linked.learners.length} synced`);
    const ids = linked.learners.map((l) => l.record.TalentLmsUserId__c).filter(Boolean);
    assert.equal(new Set(ids).size, ids.length, 'one TalentLMS user links to at most one person');
  });

  it('puts contacts into their account branch and everyone into the group of their field value', () => {
    assert.ok(linked);
    const contactLearners = linked.learners.filter(
      (l) => l.record.State__c === 'Synced' && l.person.kind === 'Contact'
    );
    const withAccount = contactLearners.filter((l) => l.record.Account__c);
    assert.ok(withAccount.length > 0);
    for (const learner of withAccount) {
      const branch = tl.branches.find((b) => b.id === learner.record.BranchId__c);
      assert.ok(branch, `${learner.person.id} has a branch`);
      assert.ok(branch.userIds?.includes(String(learner.record.TalentLmsUserId__c)), 'member of its branch');
      assert.match(branch.name, /^[a-z0-9]+$/, 'branch names are valid TalentLMS names');
    }
    assert.ok(tl.branches.length <= tl.branchLimit, 'branches fit the portal limit');
    const user = linked.learners.find((l) => l.person.kind === 'User' && l.record.State__c === 'Synced');
    const department = seed.world.salesforce.users.find((u) => u.Id === user?.person.id)?.Department;
    const group = tl.groups.find((g) => g.name === department);
    assert.equal(user?.record.Groups__c, department, 'the Learner row names the group');
    assert.ok(group?.userIds?.includes(String(user?.record.TalentLmsUserId__c)));
  });

  it('mirrors learning on both sides with the runner keys, skipping instructor roles and deleted courses', () => {
    assert.ok(linked);
    const portalId = portalIdOf(tl.domain);
    const liveCourses = new Set(tl.courses.filter((c) => !c.deleted).map((c) => c.id));
    for (const learner of linked.learners.filter((l) => l.record.State__c === 'Synced')) {
      const tlUserId = String(learner.record.TalentLmsUserId__c);
      const rows = learner.learning('a0X000000000001AAA');
      const courseRows = rows.filter((r) => r.object.endsWith('Course__c'));
      const expected = tl.enrollments.filter(
        (e) => e.userId === tlUserId && e.role === 'learner' && liveCourses.has(e.courseId)
      );
      assert.deepEqual(
        courseRows.map((r) => r.record.ExternalKey__c).sort(),
        expected.map((e) => courseRecordKey(portalId, tlUserId, e.courseId)).sort()
      );
      for (const row of rows) {
        const link = learner.person.kind === 'User' ? 'User__c' : 'Contact__c';
        assert.equal(row.record[link], learner.person.id);
        assert.ok(row.object.startsWith(learner.person.kind));
      }
    }
    const unknown = linked.learners
      .flatMap((l) => l.learning('x'))
      .filter((r) => r.record.Status__c === 'Unknown');
    assert.ok(unknown.length > 0 && unknown.every((r) => r.record.RawStatus__c !== 'completed'));
  });

  it("is a fixed point of the runner's planner: a second run plans no TalentLMS operation", () => {
    assert.ok(linked);
    const schema = bindSchema('');
    const again = plan({
      people: salesforcePeople(peopleInScope(seed.world, seed.settings), seed.settings),
      absences: [],
      learners: linked.learners.map((l) => learnerRowOf({ Id: 'a00000000000001AAA', ...l.record }, schema)),
      talentlms: snapshotOf(seed.world),
      settings: seed.settings,
      nowMs: seed.world.now
    });
    const busy = again.people.filter((p) => p.ops.length > 0);
    assert.deepEqual(
      busy.map((p) => `${p.salesforceId}: ${p.detail}`),
      []
    );
    assert.deepEqual(again.groupsToCreate, []);
    assert.deepEqual(again.branchesToCreate, []);
    assert.equal(again.people.length, linked.learners.length);
  });

  it('commits watermarks and records the binding', () => {
    assert.ok(linked);
    const watermarks = JSON.parse(String(linked.syncState.Watermarks__c)) as Record<string, string>;
    assert.ok(Object.keys(watermarks).length > 5, 'one watermark per learning event type');
    assert.ok(Object.keys(watermarks).includes('course_completion'));
    for (const [type, value] of Object.entries(watermarks)) {
      if (type !== 'recent')
        assert.ok(Date.parse(value) <= seed.world.now, `${type} committed before the start`);
    }
    assert.equal(linked.syncState.OrganizationId__c, seed.world.salesforce.organization.Id);
    assert.equal(linked.syncState.TalentLmsDomain__c, tl.domain);
    assert.equal(linked.syncState.PortalId__c, portalIdOf(tl.domain));
  });
});
