import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PHASE_NAMES } from '../src/core/callMeter';
import { emptyCounts, type RunSummary } from '../src/core/runSummary';
import { evaluatePermissions } from '../src/engine/permissions';
import { formatSummary } from '../src/report/human';
import { Reporter } from '../src/report/reporter';
import { bindSchema } from '../src/salesforce/schema';

function sink(isTTY: boolean) {
  const out = { text: '', write: (t: string) => (out.text += t) };
  const err = { text: '', isTTY, write: (t: string) => (err.text += t) };
  return { out, err };
}

const summary: RunSummary = {
  schemaVersion: 1,
  runId: '54c217b7-7580-465d-8753-69cd32aac5ed',
  mode: 'run',
  status: 'partial',
  stopReason: 'quota',
  exitCode: 3,
  startedAt: '2026-01-15T09:00:00.000Z',
  finishedAt: '2026-01-15T09:00:02.000Z',
  durationMs: 2000,
  settingsVersion: 1,
  runnerVersion: '0.1.0',
  calls: {
    salesforce: 14,
    talentlms: 150,
    byPhase: Object.fromEntries(
      PHASE_NAMES.map((p) => [p, { salesforce: 0, talentlms: 0 }])
    ) as RunSummary['calls']['byPhase']
  },
  quota: {
    talentlms: { used: 150, limit: 300, resetAt: '2026-01-15T10:00:00.000Z' },
    salesforce: { used: 20, limit: 15000 }
  },
  counts: { ...emptyCounts(), created: 140 },
  issues: { opened: 0, closed: 0, open: 0 },
  warnings: ['TLMS_SF_INSTANCE_URL ends with "/"'],
  error: {
    code: 'TALENTLMS_QUOTA_SPENT',
    message: 'The TalentLMS API budget share is spent for now',
    hint: 'Nothing is lost'
  }
};

describe('Reporter', () => {
  it('draws progress on a terminal only, and clears it before the summary', () => {
    const tty = sink(true);
    const reporter = new Reporter({ json: true, stdout: tty.out, stderr: tty.err, now: () => 0 });
    reporter.update('Provisioning', 5, 10);
    reporter.update('Provisioning', 10, 10);
    assert.match(tty.err.text, /Provisioning: 10\/10 100%/);
    reporter.summary(summary);
    assert.equal(tty.out.text, `${JSON.stringify(summary)}\n`, 'stdout holds only the JSON summary');
    const pipe = sink(false);
    const quiet = new Reporter({ json: false, stdout: pipe.out, stderr: pipe.err });
    quiet.update('Provisioning', 5, 10);
    assert.equal(pipe.err.text, '', 'no progress into a pipe or a log file');
  });

  it('prints a human summary with the stop reason, counts, calls, warnings and what to do', () => {
    const text = formatSummary(summary);
    assert.match(text, /^tlms-sync run: partial, stopped: quota \(exit 3\)/);
    assert.match(text, /created 140/);
    assert.match(text, /Salesforce 14, TalentLMS 150 \(TalentLMS hour: 150\/300 used/);
    assert.match(text, /warning: TLMS_SF_INSTANCE_URL/);
    assert.match(text, /error TALENTLMS_QUOTA_SPENT: .*\n {2}what to do: Nothing is lost/);
  });
});

describe('evaluatePermissions', () => {
  const schema = bindSchema('tlms');
  const empty = { username: 'int@acme', userPermissions: [], objectPermissions: [], fieldPermissions: [] };

  it('names every gap when nothing is granted, each with a fix naming the user', () => {
    const checks = evaluatePermissions(schema, empty);
    const failing = checks.filter((c) => !c.ok);
    assert.ok(failing.length >= 18, `${failing.length} gaps`);
    assert.ok(failing.every((c) => c.fix?.includes('int@acme')));
    assert.ok(failing.some((c) => c.name === 'View All Users'));
  });

  it('treats Modify All Data as every permission, and View All Data as read and visibility', () => {
    assert.ok(
      evaluatePermissions(schema, { ...empty, userPermissions: [{ PermissionsModifyAllData: true }] }).every(
        (c) => c.ok
      )
    );
    const viewAll = evaluatePermissions(schema, {
      ...empty,
      userPermissions: [{ PermissionsViewAllData: true }]
    });
    assert.ok(viewAll.find((c) => c.name === 'View All on Contact')!.ok);
    assert.ok(viewAll.find((c) => c.name === 'View All Users')!.ok);
    assert.equal(
      viewAll.find((c) => c.name.endsWith('on tlms__SyncRun__c'))!.ok,
      false,
      'reading is not writing'
    );
  });
});
