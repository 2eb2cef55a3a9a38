// contracts/visibility-cases.json drives the Apex runAs tests and the preview backend: every case must name an
// existing @IsTest method of its Apex test class, and docs/decisions.md must map every rule to its methods.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseApexClass } from './apexSource';

const ROOT = join(__dirname, '..');
const TEST_CLASSES = join(ROOT, 'force-app', 'test', 'default', 'classes');

interface VisibilityCase {
  id: string;
  rule: string;
  persona: string;
  recordOf: string;
  relationship: string;
  visible: boolean;
  apexTest: { class: string; method: string };
}

interface VisibilityCases {
  schemaVersion: number;
  rules: Record<string, string>;
  personas: Record<string, { permissionSet: string | null; manager: string | null }>;
  cases: VisibilityCase[];
}

const cases: VisibilityCases = JSON.parse(
  readFileSync(join(ROOT, 'contracts', 'visibility-cases.json'), 'utf8')
);

/** The decisions.md section of the dashboards, up to the next section. */
function dashboardSection(): string {
  const decisions = readFileSync(join(ROOT, 'docs', 'decisions.md'), 'utf8');
  const start = decisions.indexOf('## Learning dashboards: who sees what');
  assert.ok(start >= 0, 'docs/decisions.md lacks the section "Learning dashboards: who sees what"');
  const next = decisions.indexOf('\n## ', start + 1);
  return decisions.slice(start, next < 0 ? undefined : next);
}

function testMethods(className: string): Set<string> {
  const path = join(TEST_CLASSES, `${className}.cls`);
  assert.ok(existsSync(path), `Apex test class ${className} is missing at ${path}`);
  const parsed = parseApexClass(path);
  return new Set(
    parsed.members
      .filter((member) => member.isMethod && member.annotations.includes('istest'))
      .map((m) => m.name)
  );
}

test('every visibility case is well formed and names a known rule and persona', () => {
  assert.equal(cases.schemaVersion, 1, 'schemaVersion');
  const ids = new Set<string>();
  for (const entry of cases.cases) {
    assert.ok(!ids.has(entry.id), `duplicate case id ${entry.id}`);
    ids.add(entry.id);
    assert.ok(cases.rules[entry.rule], `${entry.id}: unknown rule ${entry.rule}`);
    assert.ok(cases.personas[entry.persona], `${entry.id}: unknown persona ${entry.persona}`);
    assert.equal(typeof entry.visible, 'boolean', `${entry.id}: visible must be true or false`);
  }
  for (const rule of Object.keys(cases.rules)) {
    assert.ok(
      cases.cases.some((entry) => entry.rule === rule),
      `rule ${rule} has no case`
    );
  }
  assert.ok(
    cases.cases.some((entry) => entry.visible),
    'some cases show records'
  );
  assert.ok(
    cases.cases.some((entry) => !entry.visible),
    'some cases hide records'
  );
});

test('the personas the brief requires are all covered', () => {
  const personas = new Set(cases.cases.map((entry) => entry.persona));
  for (const persona of ['learner', 'manager', 'skipLevel', 'noPermission', 'noContactAccess']) {
    assert.ok(personas.has(persona), `no case runs as ${persona}`);
  }
  assert.ok(
    cases.cases.some((entry) => entry.id === 'peer' && !entry.visible),
    'a peer case shows peers stay hidden'
  );
});

test('every case names an existing @IsTest method of its Apex test class', () => {
  const byClass = new Map<string, Set<string>>();
  for (const entry of cases.cases) {
    if (!byClass.has(entry.apexTest.class))
      byClass.set(entry.apexTest.class, testMethods(entry.apexTest.class));
    const methods = byClass.get(entry.apexTest.class) as Set<string>;
    assert.ok(
      methods.has(entry.apexTest.method),
      `${entry.id}: ${entry.apexTest.class}.${entry.apexTest.method} is not an @IsTest method`
    );
  }
});

test('docs/decisions.md maps every rule to the test methods of its cases', () => {
  const table = dashboardSection()
    .split('\n')
    .filter((line) => line.startsWith('|'));
  for (const entry of cases.cases) {
    const row = table.find((line) => line.split('|')[1]?.trim() === entry.rule);
    assert.ok(row, `docs/decisions.md has no table row for rule ${entry.rule}`);
    assert.ok(
      row.includes(`\`${entry.apexTest.method}\``),
      `docs/decisions.md row "${entry.rule}" does not name ${entry.apexTest.method}`
    );
  }
});

test('every test method named in the decisions table exists', () => {
  const rows = dashboardSection()
    .split('\n')
    .filter((line) => line.startsWith('|') && !line.startsWith('|---'));
  const methods = testMethods('LearningAccessSelector_Tests');
  const named = rows
    .slice(1)
    .flatMap((row) => [...(row.split('|')[3] ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1]));
  assert.ok(named.length >= cases.cases.length, `the table names ${named.length} methods`);
  for (const method of named) {
    assert.ok(
      methods.has(method),
      `docs/decisions.md names ${method}, which LearningAccessSelector_Tests lacks`
    );
  }
});

test('TestDataFactory creates every persona of the case table under the same name', () => {
  const factory = readFileSync(join(TEST_CLASSES, 'TestDataFactory.cls'), 'utf8');
  for (const persona of Object.keys(cases.personas)) {
    assert.ok(
      factory.includes(`newUser('${persona}'`),
      `TestDataFactory.createOrgChart lacks persona ${persona}`
    );
  }
});
