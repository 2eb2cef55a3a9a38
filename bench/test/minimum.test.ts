import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBenchArgs, plannedJobs } from '../src/main';
import {
  allowedTimeMs,
  learningMinimum,
  noChangeMinimum,
  provisioningMinimum,
  reconciliationSliceMinimum,
  type SeedCounts
} from '../src/minimum';

const counts: SeedCounts = {
  people: 15000,
  toCreate: 14700,
  users: 7250,
  contacts: 7500,
  accounts: 750,
  groupsToCreate: 11,
  branchesToCreate: 750,
  courses: 15,
  linkedLearners: 14700,
  learningRecords: 40000,
  learnersWithAwards: 3000
};

test('provisioning minimum: reads + P signups + groups + branches, P more when signup creates inactive users', () => {
  assert.deepEqual(provisioningMinimum(counts, false), {
    talentlms: 5 + 11 + 750 + 14700,
    salesforce: 4 + 4 + 1 + 74
  });
  assert.equal(provisioningMinimum(counts, true).talentlms, 5 + 11 + 750 + 2 * 14700);
  assert.equal(
    provisioningMinimum(counts, true, 30).talentlms,
    5 + 4 * 29 + 11 + 750 + 2 * 14700,
    'each resumed run reads the catalog again'
  );
});

test('no-change and learning minimums follow the README formulas', () => {
  assert.deepEqual(noChangeMinimum(), { talentlms: 11 + 4, salesforce: 5 });
  assert.deepEqual(learningMinimum(225, 230), { talentlms: 15 + 225, salesforce: 5 + 1 + 2 });
  assert.deepEqual(reconciliationSliceMinimum(counts, 168), {
    talentlms: Math.ceil((1 + 15 + 3000) / 168),
    salesforce: Math.ceil((8 + 20) / 168)
  });
});

test('allowed time: whole windows of share × limit, then the burst or latency rate, plus Salesforce latency', () => {
  const base = {
    hourlyLimit: 2000,
    share: 0.6,
    burstLimit: 200,
    burstWindowMs: 5000,
    concurrency: 4,
    talentlmsLatencyMs: 100,
    salesforceLatencyMs: 50
  };
  // 1,200 calls per window: 2,500 calls = two full windows + 100 calls at 40/s (2.5 s) + 10 × 50 ms.
  assert.equal(
    allowedTimeMs({ ...base, talentlmsCalls: 2500, salesforceCalls: 10 }),
    2 * 3_600_000 + 2500 + 500
  );
  // Latency-bound: one worker at 100 ms is 10/s.
  assert.equal(allowedTimeMs({ ...base, concurrency: 1, talentlmsCalls: 100, salesforceCalls: 0 }), 10_000);
});

test('bench options: defaults, --quick writes nothing, bad values are named', () => {
  const full = parseBenchArgs([]);
  assert.equal(full.quick, false);
  assert.match(full.out ?? '', /bench\/results\/latest\.json$/);
  assert.deepEqual(full.latency, { salesforceMs: 50, talentlmsMs: 100 });
  const quick = parseBenchArgs(['--quick', '--json', '--talentlms-latency=20']);
  assert.equal(quick.out, null);
  assert.equal(quick.latency.talentlmsMs, 20);
  assert.ok(
    plannedJobs(quick).every((job) => job.kind !== 'scale'),
    'quick leaves out the 100k scale job'
  );
  assert.throws(() => parseBenchArgs(['--jobs=x']), /--jobs must be a number/);
  assert.throws(() => parseBenchArgs(['--fast']), /Unknown option --fast/);
});
