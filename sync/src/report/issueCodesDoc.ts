import { EXIT_CODE_MEANINGS } from '../core/exitCodes';
import { ISSUE_CODES, type IssueCodeInfo } from '../core/issueCodes';
import { SCHEMA } from '../salesforce/schema';

export const ISSUE_CODES_DOC_FILE = 'docs/issue-codes.md';

/** docs/issue-codes.md, rendered from sync/src/core/issueCodes.ts (a test fails when the file is stale). */
export function renderIssueCodesDoc(): string {
  const run = SCHEMA.SyncRun;
  const issue = SCHEMA.SyncIssue;
  const entries = Object.entries(ISSUE_CODES as Record<string, IssueCodeInfo>);
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    '# Issue codes',
    '',
    '<!-- Generated from sync/src/core/issueCodes.ts by `npm run docs:issue-codes`; do not edit by hand. -->',
    '',
    'Every problem the runner reports has a stable code. Codes that stop a run appear as `error.code` in the run',
    `summary (\`tlms-sync … --json\`, docs/cli.md) and on \`${run.api}.${run.fields.ErrorCode.api}\`; per-record codes are`,
    `\`${issue.api}.${issue.fields.Code.api}\` rows in the Sync Health tab, one row per person, action and code, with a count.`,
    '',
    '## Exit codes',
    '',
    '| exit | meaning |',
    '|---|---|',
    ...Object.entries(EXIT_CODE_MEANINGS).map(([code, meaning]) => `| ${code} | ${cell(meaning)} |`),
    '',
    '## Codes that stop a run',
    '',
    '| code | exit | what happened | what to do |',
    '|---|---|---|---|',
    ...entries
      .filter(([, info]) => info.category === 'run')
      .map(([code, info]) => `| \`${code}\` | ${info.exitCode} | ${cell(info.title)} | ${cell(info.hint)} |`),
    '',
    '## Per-record issues',
    '',
    'Codes marked *attention* need a decision or record something the runner handled; they do not make a run',
    'partial.',
    '',
    '| code | kind | what happened | what to do |',
    '|---|---|---|---|',
    ...entries
      .filter(([, info]) => info.category === 'record')
      .map(
        ([code, info]) =>
          `| \`${code}\` | ${info.attention ? 'attention' : 'failure'} | ${cell(info.title)} | ${cell(info.hint)} |`
      ),
    ''
  ];
  return lines.join('\n');
}
