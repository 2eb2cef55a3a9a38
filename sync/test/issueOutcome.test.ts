import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock } from '../src/core/clock';
import { ISSUE_CODES, issueCodeInfo } from '../src/core/issueCodes';
import { silentLogger } from '../src/core/logger';
import { redactor } from '../src/core/redact';
import { IssueRecorder } from '../src/engine/issues';
import { outcomeOf } from '../src/engine/outcome';
import type { SalesforcePort } from '../src/salesforce/port';
import { bindSchema } from '../src/salesforce/schema';

// report() never calls Salesforce; a port that throws proves it.
const unusedPort = new Proxy({} as SalesforcePort, {
  get: () => () => {
    throw new Error('the issue recorder must not call Salesforce while reporting');
  }
});

function recorder(): IssueRecorder {
  return new IssueRecorder(unusedPort, bindSchema('tlms'), new ManualClock(0), silentLogger, redactor);
}

describe('which issues make a run partial', () => {
  it('marks needs-review and handled-data codes as attention, never failures', () => {
    for (const code of ['NEEDS_REVIEW', 'LEARNING_STATUS_UNKNOWN', 'LEARNING_CONTACT_MERGED']) {
      assert.equal(issueCodeInfo(code)?.attention, true, `${code} needs an admin's eye but is not a failure`);
    }
    assert.equal(
      issueCodeInfo('LEARNING_WRITE_FAILED')?.attention,
      undefined,
      'a refused write is a failure'
    );
    for (const [code, info] of Object.entries(ISSUE_CODES)) {
      if (info.attention)
        assert.equal(info.category, 'record', `${code}: only per-record codes can be attention`);
    }
  });

  it('counts only failures: a run whose only issues need review succeeds', () => {
    const issues = recorder();
    issues.report({
      code: 'NEEDS_REVIEW',
      action: 'create',
      subject: '003000000000001AAA',
      message: 'shared e-mail'
    });
    assert.equal(issues.pendingCount, 1, 'the needs-review issue is still recorded for the Sync Health tab');
    assert.equal(issues.failureCount, 0);
    assert.deepEqual(outcomeOf(null, issues.failureCount > 0), {
      status: 'succeeded',
      stopReason: null,
      exitCode: 0
    });

    issues.report({
      code: 'TALENTLMS_DUPLICATE_LOGIN',
      action: 'create',
      subject: '0035g0000000002AAA',
      message: 'x'
    });
    assert.equal(issues.failureCount, 1);
    assert.equal(
      outcomeOf(null, issues.failureCount > 0).status,
      'partial',
      'a real failure makes the run partial'
    );
  });
});
