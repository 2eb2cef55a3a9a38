import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACTS, renderContract } from '../../scripts/generate-contracts';
import { committedIssueCodesDoc, issueCodesDocText } from '../../scripts/generate-issue-codes';
import { ISSUE_CODES } from '../src/core/issueCodes';
import { RUN_SUMMARY_JSON_SCHEMA_FILE } from '../src/core/runSummaryJsonSchema';
import { runSummarySchema } from '../src/core/runSummary';
import { runSummaryValidator } from './support/contract';

const REPO = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('run summary contract', () => {
  it('contracts/run-summary.schema.json is what the generator writes from zod', async () => {
    const contract = CONTRACTS.find((entry) => entry.file === RUN_SUMMARY_JSON_SCHEMA_FILE);
    assert.ok(contract, 'scripts/generate-contracts.ts lists the run summary');
    const committed = readFileSync(join(REPO, RUN_SUMMARY_JSON_SCHEMA_FILE), 'utf8');
    assert.equal(committed, await renderContract(contract), 'stale: run npm run contracts:generate');
  });

  it('the full example in docs/cli.md validates against both the JSON Schema and zod', () => {
    const doc = readFileSync(join(REPO, 'docs/cli.md'), 'utf8');
    const examples = [...doc.matchAll(/<!-- run-summary-example -->\s*```json\n([\s\S]*?)```/g)].map((m) =>
      JSON.parse(m[1])
    );
    assert.ok(examples.length >= 2, 'docs/cli.md carries a success and a failure example');
    const validate = runSummaryValidator();
    for (const example of examples) {
      assert.deepEqual(validate(example), [], 'the JSON Schema accepts the example');
      assert.ok(runSummarySchema.safeParse(example).success, 'zod accepts the example');
    }
  });

  it('the JSON Schema rejects what zod rejects', () => {
    const validate = runSummaryValidator();
    const doc = readFileSync(join(REPO, 'docs/cli.md'), 'utf8');
    const example = JSON.parse(/<!-- run-summary-example -->\s*```json\n([\s\S]*?)```/.exec(doc)![1]);
    for (const broken of [
      { ...example, status: 'done' },
      { ...example, exitCode: 9 },
      { ...example, counts: { ...example.counts, created: -1 } },
      (({ calls: _calls, ...rest }) => rest)(example)
    ]) {
      assert.ok(validate(broken).length > 0, 'the JSON Schema rejects it');
      assert.equal(runSummarySchema.safeParse(broken).success, false, 'zod rejects it');
    }
  });
});

describe('issue codes', () => {
  it('docs/issue-codes.md is generated from issueCodes.ts', async () => {
    assert.equal(committedIssueCodesDoc(), await issueCodesDocText(), 'stale: run npm run docs:issue-codes');
  });

  it('every code the runner throws or reports is in the catalogue, with a hint that fits SyncIssue__c', () => {
    const known = new Set(Object.keys(ISSUE_CODES));
    const used = new Set<string>();
    for (const file of sourceFiles(join(REPO, 'sync/src'))) {
      const text = readFileSync(file, 'utf8');
      const patterns = [
        /new \w*Error\(\s*'([A-Z][A-Z_]+)'/g,
        /code: '([A-Z][A-Z_]+)'/g,
        /\[\/[^\]]*\/i, '([A-Z][A-Z_]+)'\]/g,
        /'(TALENTLMS_[A-Z_]+|SALESFORCE_[A-Z_]+|SF_[A-Z_]+)'/g
      ];
      for (const pattern of patterns) for (const match of text.matchAll(pattern)) used.add(match[1]);
    }
    assert.ok(used.size > 20, `found ${used.size} codes in the sources`);
    const unknown = [...used].filter((code) => !known.has(code) && code !== 'SALESFORCE_QUOTA');
    assert.deepEqual(unknown, [], 'codes used in sync/src but missing from issueCodes.ts');
    for (const [code, info] of Object.entries(ISSUE_CODES)) {
      assert.ok(info.hint.length > 10 && info.hint.length <= 255, `${code}: hint length ${info.hint.length}`);
      if (info.category === 'run') assert.ok(typeof info.exitCode === 'number', `${code} has an exit code`);
    }
  });
});
