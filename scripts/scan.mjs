#!/usr/bin/env node
// `npm run scan [-- --root <dir>] [-- --json]`: static checks of the Apex that cannot run here.
//  1. apex-ls (the jar inside @salesforce/code-analyzer-pmd-engine): a semantic check against the project's
//     own objects and fields — unknown fields and types, type errors, syntax errors.
//  2. PMD's Recommended rules through @salesforce/code-analyzer-core, with
//     ApexUnitTestClassShouldHaveAsserts and ApexAssertionsShouldIncludeMessage raised to severity 2, since
//     Apex tests only run in scratch orgs and must at least assert with a message.
// Fails on any apex-ls error and on PMD severity 1–2; prints `file:line: [tool] rule: message`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeAnalyzer, CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const JAVA_LIB = join(
  REPO_ROOT,
  'node_modules',
  '@salesforce',
  'code-analyzer-pmd-engine',
  'dist',
  'java-lib'
);
const RAISED_RULES = ['ApexUnitTestClassShouldHaveAsserts', 'ApexAssertionsShouldIncludeMessage'];
const FAILING_SEVERITY = 2;
const APEX_SUFFIXES = ['.cls', '.trigger'];

const argv = process.argv.slice(2);
const rootAt = argv.indexOf('--root');
const root = resolve(rootAt >= 0 ? (argv[rootAt + 1] ?? '.') : '.');
const asJson = argv.includes('--json');
const log = (line) => process.stderr.write(`${line}\n`);

function fail(message) {
  log(`scan: ${message}`);
  if (asJson) process.stdout.write(`${JSON.stringify({ ok: false, error: message, findings: [] })}\n`);
  process.exit(2);
}

function packageDirectories() {
  const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
  return project.packageDirectories.map((dir) => dir.path).filter((dir) => existsSync(join(root, dir)));
}

function apexFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === '__tests__') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...apexFiles(path));
    else if (APEX_SUFFIXES.some((suffix) => entry.endsWith(suffix))) found.push(path);
  }
  return found;
}

function checkJava() {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    fail(
      'Java 17 is required for apex-ls and PMD and was not found. Install it: `sudo apt-get install -y openjdk-17-jre-headless` (Debian/Ubuntu) or any JDK 17+, then re-run `npm run scan`.'
    );
  }
  if (!existsSync(JAVA_LIB)) fail(`the apex-ls/PMD jars are missing at ${JAVA_LIB}; run \`npm ci\`.`);
}

/** apex-ls reads sfdx-project.json, so the project's namespace and objects are part of the check. */
function runApexLs() {
  const run = spawnSync(
    'java',
    ['-cp', `${JAVA_LIB}/*`, 'io.github.apexdevtools.apexls.CheckForIssues', '-w', root, '-n', '-f', 'json'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
  );
  // Exit 0 = clean, 4 = issues found; anything else means apex-ls itself failed.
  if (run.status !== 0 && run.status !== 4)
    fail(`apex-ls failed (exit ${run.status}): ${(run.stderr || run.stdout).trim()}`);
  if (run.status === 0 && run.stdout.trim() === '') return [];
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    fail(`apex-ls printed output that is not JSON: ${run.stdout.slice(0, 500)}`);
  }
  return (report.files ?? []).flatMap((file) =>
    (file.messages ?? []).map((message) => ({
      tool: 'apex-ls',
      file: relative(root, file.path),
      line: message.start?.line ?? 1,
      rule: message.category,
      severity: 1,
      // Syntax errors list every token the parser would have accepted; keep the message readable.
      message: message.message.replace(
        / expecting \{[^}]{200,}\}/,
        ' (the parser expected something else here)'
      )
    }))
  );
}

// PMD's ApexAssertionsShouldIncludeMessage recognises `Assert.areEqual(…)` and `System.assertEquals(…)` but
// not the fully qualified `System.Assert.areEqual(…)` that our conventions require, so that form is counted here.
const ASSERT_ARITY = {
  areequal: 3,
  arenotequal: 3,
  istrue: 2,
  isfalse: 2,
  isnull: 2,
  isnotnull: 2,
  isinstanceoftype: 3,
  isnotinstanceoftype: 3,
  fail: 1
};

/** Blanks comments (keeping newlines and string literals) so calls inside comments are not counted. */
function withoutComments(source) {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const two = source.slice(i, i + 2);
    if (source[i] === "'") {
      const end = source.slice(i + 1).search(/(?<!\\)'/);
      const stop = end < 0 ? source.length : i + end + 2;
      out += source.slice(i, stop);
      i = stop - 1;
    } else if (two === '//' || two === '/*') {
      const close = two === '//' ? source.indexOf('\n', i) : source.indexOf('*/', i + 2) + 2;
      const stop = close <= 1 ? source.length : close;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop - 1;
    } else out += source[i];
  }
  return out;
}

function countArguments(code, openAt) {
  let depth = 0;
  let args = 0;
  let sawToken = false;
  for (let i = openAt; i < code.length; i++) {
    const c = code[i];
    if (c === "'") {
      const end = code.slice(i + 1).search(/(?<!\\)'/);
      i += end + 1;
      sawToken = true;
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (depth > 1) sawToken = true;
    } else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return sawToken ? args + 1 : 0;
    } else if (c === ',' && depth === 1) args++;
    else if (!/\s/.test(c)) sawToken = true;
  }
  return args + 1;
}

function qualifiedAssertFindings(files) {
  const findings = [];
  for (const path of files) {
    const code = withoutComments(readFileSync(path, 'utf8'));
    for (const match of code.matchAll(/\bSystem\s*\.\s*Assert\s*\.\s*(\w+)\s*\(/gi)) {
      const required = ASSERT_ARITY[match[1].toLowerCase()];
      if (!required) continue;
      const given = countArguments(code, match.index + match[0].length - 1);
      if (given >= required) continue;
      findings.push({
        tool: 'scan',
        file: relative(root, path),
        line: code.slice(0, match.index).split('\n').length,
        rule: 'ApexAssertionsShouldIncludeMessage',
        severity: FAILING_SEVERITY,
        message: `'System.Assert.${match[1]}' should have ${required} parameters (the last one a message).`
      });
    }
  }
  return findings;
}

async function runPmd(dirs) {
  const rules = Object.fromEntries(RAISED_RULES.map((name) => [name, { severity: FAILING_SEVERITY }]));
  const config = CodeAnalyzerConfig.fromObject({ config_root: root, rules: { pmd: rules } });
  const analyzer = new CodeAnalyzer(config);
  await analyzer.addEnginePlugin(pmdEngine.createEnginePlugin());
  const workspace = await analyzer.createWorkspace(dirs.map((dir) => join(root, dir)));
  const selectors = ['pmd:Recommended', ...RAISED_RULES.map((name) => `pmd:${name}`)];
  // Checked against the full catalogue, not the workspace: with no Apex yet the workspace selects no Apex
  // rules, and a renamed rule would silently stop being checked. Refuse to run without both raised rules.
  const catalogue = (await analyzer.selectRules(selectors)).getRulesFor('pmd');
  for (const name of RAISED_RULES) {
    const rule = catalogue.find((candidate) => candidate.getName() === name);
    if (!rule)
      fail(`PMD rule ${name} is not available in this code-analyzer version; update scripts/scan.mjs.`);
    if (rule.getSeverityLevel() > FAILING_SEVERITY)
      fail(`PMD rule ${name} was not raised to severity ${FAILING_SEVERITY}.`);
  }
  const selection = await analyzer.selectRules(selectors, { workspace });
  const selected = selection.getRulesFor('pmd');
  if (selection.getCount() === 0) return { findings: [], ruleCount: 0 };
  const results = await analyzer.run(selection, { workspace });
  const findings = results.getViolations().map((violation) => {
    const location = violation.getCodeLocations()[violation.getPrimaryLocationIndex()];
    return {
      tool: 'pmd',
      file: relative(root, location.getFile() ?? ''),
      line: location.getStartLine() ?? 1,
      rule: violation.getRule().getName(),
      severity: violation.getRule().getSeverityLevel(),
      message: violation.getMessage().trim()
    };
  });
  return { findings, ruleCount: selected.length };
}

async function main() {
  if (!existsSync(join(root, 'sfdx-project.json'))) fail(`no sfdx-project.json in ${root}`);
  checkJava();
  const dirs = packageDirectories();
  const sources = dirs.flatMap((dir) => apexFiles(join(root, dir)));
  const started = Date.now();
  const apexLs = runApexLs();
  const pmd = await runPmd(dirs);
  const findings = [...apexLs, ...pmd.findings, ...qualifiedAssertFindings(sources)].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line
  );
  const failing = findings.filter((finding) => finding.severity <= FAILING_SEVERITY);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  // Findings go to stderr in both modes, so `--json` keeps stdout for the one JSON document.
  for (const f of findings) {
    const level = f.severity <= FAILING_SEVERITY ? 'error' : `sev ${f.severity}`;
    log(`${f.file}:${f.line}: [${f.tool} ${level}] ${f.rule}: ${f.message}`);
  }
  if (asJson) {
    const summary = {
      ok: failing.length === 0,
      apexFiles: sources.length,
      pmdRules: pmd.ruleCount,
      findings
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  }
  const scope = `${sources.length} Apex file(s) in ${dirs.join(', ')}; apex-ls + ${pmd.ruleCount} PMD rules`;
  if (sources.length === 0)
    log(
      `scan: notice: no Apex in ${dirs.join(', ')} yet; apex-ls still loaded the project and its objects, and the raised PMD test rules were verified available.`
    );
  if (failing.length > 0) {
    log(
      `scan: ${failing.length} failing finding(s) (apex-ls errors, PMD severity 1-2) in ${scope} (${seconds}s)`
    );
    process.exitCode = 1;
  } else {
    log(`scan: ok, ${scope}; ${findings.length} advisory finding(s) (${seconds}s)`);
  }
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
