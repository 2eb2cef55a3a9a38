#!/usr/bin/env node
// Reads the JSON of `sf apex run test --code-coverage --result-format json --json` and fails when a test
// failed, or org-wide coverage or any one class's coverage is under the minimum (default 90%, the project's
// bar for every class; AppExchange needs 75% org-wide).
// Usage: node scripts/check-apex-coverage.mjs <result.json> [--min 90]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
const minAt = args.indexOf('--min');
const minimum = minAt >= 0 ? Number(args[minAt + 1]) : 90;

/** Accepts the `--json` envelope ({status, result}) or the bare result (`--result-format json`). */
export function evaluate(document, min) {
  const result = document.result ?? document;
  const summary = result.summary;
  const problems = [];
  if (!summary)
    return {
      ok: false,
      lines: ['no test summary in the result; was it produced by `sf apex run test --json`?']
    };
  const failing = (result.tests ?? []).filter((test) => test.Outcome !== 'Pass');
  for (const test of failing)
    problems.push(`FAILED ${test.FullName ?? test.MethodName}: ${(test.Message ?? '').trim()}`);
  if (summary.outcome !== 'Passed' && failing.length === 0)
    problems.push(`test run outcome ${summary.outcome}`);
  const coverage = Number.parseFloat(
    summary.orgWideCoverage ?? result.coverage?.summary?.orgWideCoverage ?? ''
  );
  if (Number.isNaN(coverage))
    problems.push('no org-wide coverage in the result: run the tests with --code-coverage');
  else if (coverage < min) {
    const classes = [...(result.coverage?.coverage ?? [])]
      .sort((a, b) => a.coveredPercent - b.coveredPercent)
      .slice(0, 5);
    problems.push(`org-wide coverage ${coverage}% is under ${min}%`);
    for (const cls of classes)
      problems.push(
        `  least covered: ${cls.name} ${cls.coveredPercent}% (${cls.totalCovered}/${cls.totalLines} lines)`
      );
  }
  // Every class, not only the average: a well-covered selector must not hide an untested controller.
  const underCovered = (result.coverage?.coverage ?? [])
    .filter((cls) => cls.totalLines > 0 && cls.coveredPercent < min)
    .sort((a, b) => a.coveredPercent - b.coveredPercent);
  for (const cls of underCovered)
    problems.push(
      `class ${cls.name} is covered ${cls.coveredPercent}% (${cls.totalCovered}/${cls.totalLines} lines), under ${min}%`
    );
  const head = `Apex tests: ${summary.passing ?? 0} passed, ${summary.failing ?? failing.length} failed; org-wide coverage ${Number.isNaN(coverage) ? 'unknown' : `${coverage}%`} (minimum ${min}%)`;
  return { ok: problems.length === 0, lines: [head, ...problems] };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  if (!file || Number.isNaN(minimum)) {
    console.error('usage: node scripts/check-apex-coverage.mjs <result.json> [--min 90]');
    process.exit(2);
  }
  const verdict = evaluate(JSON.parse(readFileSync(file, 'utf8')), minimum);
  for (const line of verdict.lines) console.log(line);
  process.exit(verdict.ok ? 0 : 1);
}
