/**
 * Writes docs/issue-codes.md from sync/src/core/issueCodes.ts (`npm run docs:issue-codes`); `--check` only
 * reports a stale file (exit 1), which is what sync/test/issueCodes.test.ts asserts too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ISSUE_CODES_DOC_FILE, renderIssueCodesDoc } from '../sync/src/report/issueCodesDoc';

export const ISSUE_CODES_DOC_PATH = join(resolve(__dirname, '..'), ISSUE_CODES_DOC_FILE);

/** The file's exact text, formatted by the repository's Prettier config so `prettier --check` agrees. */
export async function issueCodesDocText(): Promise<string> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(ISSUE_CODES_DOC_PATH)) ?? {};
  return prettier.format(renderIssueCodesDoc(), { ...options, filepath: ISSUE_CODES_DOC_PATH });
}

export function committedIssueCodesDoc(): string {
  try {
    return readFileSync(ISSUE_CODES_DOC_PATH, 'utf8');
  } catch {
    return '';
  }
}

async function main(): Promise<void> {
  const text = await issueCodesDocText();
  if (process.argv.includes('--check')) {
    if (committedIssueCodesDoc() !== text) {
      console.error(`${ISSUE_CODES_DOC_FILE} is stale: run npm run docs:issue-codes`);
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(ISSUE_CODES_DOC_PATH, text);
  console.error(`wrote ${ISSUE_CODES_DOC_FILE}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
