// The CI workflows and the scratch-org scripts cannot run here (no org), so this keeps them in step with the
// repository: the coverage gate decides correctly, every script and npm script they call exists, and the
// gates the project promises (90% coverage, skip notice without a Dev Hub, promote only on tags) are there.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

const REPO = join(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'tlms-ci-test-'));

type Step = { name?: string; run?: string; if?: string; uses?: string };
type Workflow = {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[]; needs?: string; container?: string }>;
};

function workflow(name: string): Workflow {
  return parse(readFileSync(join(REPO, '.github', 'workflows', name), 'utf8')) as Workflow;
}

function gate(result: unknown, ...args: string[]) {
  const file = join(work, `result-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(result));
  return spawnSync(process.execPath, [join(REPO, 'scripts', 'check-apex-coverage.mjs'), file, ...args], {
    encoding: 'utf8'
  });
}

const passing = (coverage: string) => ({
  status: 0,
  result: {
    summary: { outcome: 'Passed', passing: 2, failing: 0, orgWideCoverage: coverage },
    tests: [
      { FullName: 'CourseService_Tests.readsCourses', Outcome: 'Pass' },
      { FullName: 'CourseService_Tests.rejectsStrangers', Outcome: 'Pass' }
    ],
    coverage: {
      coverage: [
        { name: 'CourseService', coveredPercent: 95, totalCovered: 19, totalLines: 20 },
        { name: 'CourseSelector', coveredPercent: 90, totalCovered: 9, totalLines: 10 }
      ]
    }
  }
});

describe('scripts/check-apex-coverage.mjs', () => {
  it('passes at 90% org-wide coverage with every test passing', () => {
    const run = gate(passing('90%'));
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /Apex tests: 2 passed, 0 failed; org-wide coverage 90% \(minimum 90%\)/);
  });

  it('fails under 90% and names the least covered classes', () => {
    const run = gate(passing('89%'));
    assert.equal(run.status, 1);
    assert.match(run.stdout, /org-wide coverage 89% is under 90%/);
    assert.match(run.stdout, /least covered: CourseSelector 90% \(9\/10 lines\)/);
  });

  it('fails when one class is under 90%, whatever the org-wide figure', () => {
    const result = passing('96%');
    result.result.coverage.coverage[1] = {
      name: 'CourseSelector',
      coveredPercent: 80,
      totalCovered: 8,
      totalLines: 10
    };
    const run = gate(result);
    assert.equal(run.status, 1, run.stdout);
    assert.match(run.stdout, /class CourseSelector is covered 80% \(8\/10 lines\), under 90%/);
    assert.doesNotMatch(run.stdout, /class CourseService/, 'a class at 95% is not named');
  });

  it('fails when a test fails, whatever the coverage', () => {
    const result = passing('99%');
    result.result.summary = { ...result.result.summary, outcome: 'Failed', passing: 1, failing: 1 };
    Object.assign(result.result.tests[1], { Outcome: 'Fail', Message: 'System.AssertException: expected 2' });
    const run = gate(result);
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      /FAILED CourseService_Tests.rejectsStrangers: System.AssertException: expected 2/
    );
  });

  it('fails when coverage was not collected or the command errored', () => {
    const noCoverage = passing('');
    delete (noCoverage.result.summary as { orgWideCoverage?: string }).orgWideCoverage;
    assert.match(gate(noCoverage).stdout, /run the tests with --code-coverage/);
    const error = gate({ status: 1, name: 'NoOrgFound', message: 'No authorization information found' });
    assert.equal(error.status, 1);
    assert.match(error.stdout, /no test summary/);
  });

  it('honours --min', () => {
    assert.equal(gate(passing('80%'), '--min', '75').status, 0);
    assert.equal(gate(passing('92%'), '--min', '92').status, 1, 'CourseSelector at 90% is under 92%');
  });
});

describe('.github/workflows/ci.yml', () => {
  const ci = workflow('ci.yml');
  const scratch = ci.jobs['scratch-org'];
  const runs = scratch.steps.map((step) => step.run ?? '').join('\n');

  it('runs the offline checks with bash .ci/run on Debian with Node 20', () => {
    assert.equal(ci.jobs.offline.container, 'node:20-bookworm');
    assert.ok(ci.jobs.offline.steps.some((step) => step.run === 'bash .ci/run'));
  });

  it('skips the scratch-org job with a notice when no Dev Hub secret is set', () => {
    assert.match(runs, /if \[ -z "\$SF_DEVHUB_AUTH_URL" \]/);
    assert.match(runs, /::notice title=Scratch-org job skipped::/);
    const gated = scratch.steps.filter((step) => step.uses !== undefined || step.run !== undefined).slice(1);
    for (const step of gated)
      assert.match(
        step.if ?? '',
        /steps\.devhub\.outputs\.enabled == 'true'/,
        `${step.name ?? step.uses} is gated`
      );
  });

  it('runs Apex tests with coverage and gates at 90%, then the runner in access-token mode', () => {
    assert.match(runs, /sf apex run test .*--code-coverage/s);
    assert.match(runs, /node scripts\/check-apex-coverage\.mjs apex-test-results\.json --min 90/);
    assert.match(runs, /scripts\/install-scratch\.sh "\$SCRATCH_ALIAS" --dev-hub devhub/);
    assert.match(runs, /scripts\/ci\/runner-e2e\.sh "\$SCRATCH_ALIAS"/);
  });
});

describe('.github/workflows/packaging.yml', () => {
  const packaging = workflow('packaging.yml');
  const steps = packaging.jobs.package.steps;
  const runs = steps.map((step) => step.run ?? '').join('\n');

  it('creates a version with code coverage, installs it in a fresh scratch org and smoke-tests it', () => {
    assert.match(runs, /sf package version create --package "\$PACKAGE" --code-coverage/);
    assert.match(runs, /sf org create scratch .*--no-namespace/s);
    assert.match(runs, /sf package install --package/);
    assert.match(runs, /scripts\/ci\/runner-e2e\.sh "\$SMOKE_ALIAS"/);
  });

  it('promotes only on a version tag', () => {
    const promote = steps.find((step) => (step.run ?? '').includes('sf package version promote'));
    assert.equal(promote?.if, "startsWith(github.ref, 'refs/tags/v')");
    assert.deepEqual((packaging.on.push as { tags: string[] }).tags, ['v*']);
  });
});

describe('scripts the workflows call', () => {
  const packageJson = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const everything = ['ci.yml', 'packaging.yml']
    .map((name) => readFileSync(join(REPO, '.github', 'workflows', name), 'utf8'))
    .join('\n');

  it('exist, are executable and parse as bash', () => {
    for (const script of ['scripts/install-scratch.sh', 'scripts/ci/runner-e2e.sh', '.ci/run']) {
      const path = join(REPO, script);
      assert.ok(existsSync(path), `${script} exists`);
      assert.ok((statSync(path).mode & 0o111) !== 0 || script === '.ci/run', `${script} is executable`);
      const syntax = spawnSync('bash', ['-n', path], { encoding: 'utf8' });
      assert.equal(syntax.status, 0, `${script}: ${syntax.stderr}`);
    }
    for (const match of everything.matchAll(/\b(scripts\/[\w/.-]+\.(?:sh|mjs))/g))
      assert.ok(existsSync(join(REPO, match[1])), `${match[1]} exists`);
  });

  it('use npm scripts that package.json defines (emulators: once its issue lands)', () => {
    const used = [
      ...everything.matchAll(/npm run -s ([\w:-]+)/g),
      ...readFileSync(join(REPO, 'scripts/ci/runner-e2e.sh'), 'utf8').matchAll(/npm run -s ([\w:-]+)/g)
    ].map((m) => m[1]);
    assert.ok(used.includes('build'));
    for (const name of used.filter((n) => n !== 'emulators'))
      assert.ok(packageJson.scripts[name], `npm script ${name}`);
  });

  it('assign permission sets the package defines', () => {
    const install = readFileSync(join(REPO, 'scripts', 'install-scratch.sh'), 'utf8');
    assert.match(
      install,
      /sf apex run --file data\/sample-user-learning\.apex/,
      'the sample learners get real Contact ids and the installer gets learning (data/README.md)'
    );
    for (const name of ['TalentLMS_Admin', 'TalentLMS_Integration']) {
      assert.match(install, new RegExp(`--name ${name}`));
      const file = join(
        REPO,
        'force-app',
        'main',
        'default',
        'permissionsets',
        `${name}.permissionset-meta.xml`
      );
      assert.ok(existsSync(file), `${name} is in force-app`);
    }
  });

  it('install-scratch.sh explains its usage and rejects unknown options', () => {
    const help = spawnSync('bash', [join(REPO, 'scripts', 'install-scratch.sh'), '--help'], {
      encoding: 'utf8'
    });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: scripts\/install-scratch.sh \[alias\] \[--dev-hub/);
    const bad = spawnSync('bash', [join(REPO, 'scripts', 'install-scratch.sh'), '--frobnicate'], {
      encoding: 'utf8'
    });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown option --frobnicate/);
  });
});

describe('README.md', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');

  it('names every package.json script in its scripts table', () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
        .scripts
    );
    const table = readme.slice(
      readme.indexOf('## Scripts'),
      readme.indexOf('\n## ', readme.indexOf('## Scripts') + 1)
    );
    const missing = scripts.filter(
      (name) => !table.includes(name === 'test' ? '`npm test`' : `\`npm run ${name}\``)
    );
    assert.deepEqual(missing, [], 'add a row to the README scripts table for each new package.json script');
  });

  it('keeps the two commands', () => {
    assert.ok(
      readme.includes(
        'npm ci && npm run demo   # emulators + seeded data + a full sync + the dashboard preview\n'
      )
    );
    assert.ok(readme.includes('npm ci && npm test       # every check and test CI runs\n'));
  });
});
