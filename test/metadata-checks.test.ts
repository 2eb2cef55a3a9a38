// Proves every offline check can fail: each bad fixture is rejected at its file and line, and nothing else
// is reported; and elements and enum values the Metadata API defines, which no fixture uses, are accepted.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatIssue, type MetadataIssue } from '../scripts/lib/metadata/issues';
import { checkAgainstType } from '../scripts/lib/metadata/schemaCheck';
import { metadataModel, type TypeSpec } from '../scripts/lib/metadata/typeModel';
import { validateMetadata } from '../scripts/lib/metadata/validate';
import { parseXml, type XmlElement } from '../scripts/lib/metadata/xmlTree';

const REPO = join(__dirname, '..');
const FIXTURES = join(__dirname, 'fixtures', 'bad-metadata');
const METADATA_PROJECT = join(FIXTURES, 'metadata-project');
const APEX_PROJECT = join(FIXTURES, 'apex-project');
const DEFAULT = 'force-app/main/default';

/** Every issue the metadata fixture must produce: [file, line, what the message says]. */
const EXPECTED_METADATA_ISSUES: Array<[string, number, RegExp]> = [
  [
    `${DEFAULT}/objects/Broken__c/Broken__c.object-meta.xml`,
    8,
    /malformed XML: Expected closing tag 'nameField'/
  ],
  [
    `${DEFAULT}/objects/Course__c/fields/Level__c.field-meta.xml`,
    7,
    /unknown element <maxLength> in CustomField/
  ],
  [
    `${DEFAULT}/objects/Course__c/fields/Kind__c.field-meta.xml`,
    5,
    /invalid value 'Textual' for <type> \(FieldType\)/
  ],
  [`${DEFAULT}/objects/Course__c/Course__c.object-meta.xml`, 12, /invalid value 'Everyone' for <visibility>/],
  [
    `${DEFAULT}/objects/Course__c/fields/Status__c.field-meta.xml`,
    7,
    /invalid boolean 'maybe' for <restricted>/
  ],
  [`${DEFAULT}/classes/Orphan.cls`, 1, /Orphan.cls has no Orphan.cls-meta.xml/],
  [`${DEFAULT}/lwc/courseCard/courseCard.js`, 1, /LWC bundle courseCard has no courseCard.js-meta.xml/],
  [
    `${DEFAULT}/objects/Course__c/fields/Hidden__c.field-meta.xml`,
    1,
    /CustomField Course__c.Hidden__c is missing from the package.xml/
  ],
  [
    `${DEFAULT}/objects/Course__c/Course__c.object-meta.xml`,
    5,
    /AutoNumber name field without <displayFormat>/
  ],
  [
    `${DEFAULT}/objects/Course__c/fields/Serial__c.field-meta.xml`,
    2,
    /AutoNumber field without <displayFormat>/
  ],
  [
    `${DEFAULT}/objects/Course__c/fields/Active__c.field-meta.xml`,
    2,
    /Checkbox field without <defaultValue>/
  ],
  [
    `${DEFAULT}/objects/Course__c/fields/Active__c.field-meta.xml`,
    6,
    /<externalId>true<\/externalId> on a Checkbox field/
  ],
  [`${DEFAULT}/objects/Course__c/fields/Code__c.field-meta.xml`, 6, /Text length 300 is out of range/],
  [
    `${DEFAULT}/objects/Course__c/fields/Notes__c.field-meta.xml`,
    6,
    /LongTextArea length 100 is out of range/
  ],
  [
    `${DEFAULT}/objects/Course__c/fields/Owner__c.field-meta.xml`,
    9,
    /required lookup cannot use deleteConstraint SetNull/
  ],
  [
    `${DEFAULT}/objects/Enrollment__c/fields/Course__c.field-meta.xml`,
    9,
    /<deleteConstraint> is not allowed on a MasterDetail field/
  ],
  [
    `${DEFAULT}/objects/Course__c/fields/Status__c.field-meta.xml`,
    15,
    /2 picklist values are marked default/
  ],
  [
    `${DEFAULT}/objects/Course__c/fields/Status__c.field-meta.xml`,
    20,
    /duplicate picklist value 'enrolled' \(first on line 10\)/
  ],
  [
    `${DEFAULT}/objects/Course__c/listViews/All_Courses.listView-meta.xml`,
    3,
    /list view <fullName>All<\/fullName> differs from the file name/
  ]
];

function assertIssuesMatch(actual: MetadataIssue[], expected: Array<[string, number, RegExp]>): void {
  const unmatched = [...actual];
  for (const [file, line, message] of expected) {
    const at = unmatched.findIndex(
      (issue) => issue.file === file && issue.line === line && message.test(issue.message)
    );
    assert.ok(at >= 0, `expected ${file}:${line} ${message}; got:\n${actual.map(formatIssue).join('\n')}`);
    unmatched.splice(at, 1);
  }
  assert.deepEqual(unmatched.map(formatIssue), [], 'the fixture produced issues no expectation names');
}

describe('validate:metadata on the bad fixture project', () => {
  const result = validateMetadata({ root: METADATA_PROJECT });

  it('rejects each bad file at its line, and reports nothing else', () => {
    assertIssuesMatch(result.issues, EXPECTED_METADATA_ISSUES);
  });

  it('says what was expected for unknown elements and enum values, with the likely intended name', () => {
    const unknown = result.issues.find((issue) => issue.message.includes('<maxLength>'));
    assert.match(
      unknown?.expected ?? '',
      /^length\? one of .*precision/,
      'the hint names the close match and the allowed elements'
    );
    const badEnum = result.issues.find((issue) => issue.message.includes("'Everyone'"));
    assert.equal(
      badEnum?.expected,
      'one of PackageProtected, Protected, Public',
      'the hint lists the enum values from the .d.ts'
    );
  });

  it('prints file:line: message (expected …) from the CLI and exits 1', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--require',
        'ts-node/register',
        'scripts/validate-metadata.ts',
        '--root',
        METADATA_PROJECT,
        '--no-convert'
      ],
      {
        cwd: REPO,
        encoding: 'utf8',
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' }
      }
    );
    assert.equal(run.status, 1, `exit status; stderr:\n${run.stderr}`);
    assert.match(
      run.stderr,
      /^force-app\/main\/default\/objects\/Course__c\/fields\/Kind__c\.field-meta\.xml:5: invalid value 'Textual'.*\(expected .*Text.*\)$/m
    );
    assert.match(run.stderr, /validate:metadata: \d+ problem\(s\)/);
  });
});

describe('validate:metadata on the Apex fixture project (valid metadata)', () => {
  it('accepts it, and the converted package.xml lists every component', () => {
    const result = validateMetadata({ root: APEX_PROJECT });
    assert.deepEqual(result.issues.map(formatIssue), [], 'no issues in valid metadata');
    assert.equal(result.components, 5, 'object, field and three classes');
    assert.equal(result.convertedMembers, 5, 'sf project convert source listed all five');
  });
});

describe('npm run scan on the Apex fixture project', () => {
  const run = spawnSync(process.execPath, ['scripts/scan.mjs', '--root', APEX_PROJECT, '--json'], {
    cwd: REPO,
    encoding: 'utf8'
  });

  it('fails and reports each Apex problem at its file and line', () => {
    assert.equal(run.status, 1, `scan exit status; stderr:\n${run.stderr}`);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      findings: Array<{ file: string; line: number; rule: string; severity: number }>;
    };
    const failing = report.findings
      .filter((finding) => finding.severity <= 2)
      .map((f) => `${f.file}:${f.line}:${f.rule}`);
    assert.deepEqual(failing.sort(), [
      `${DEFAULT}/classes/BrokenSyntax.cls:8:Syntax`,
      `${DEFAULT}/classes/CourseReader.cls:11:Missing`,
      `${DEFAULT}/classes/CourseReader_Tests.cls:13:ApexAssertionsShouldIncludeMessage`,
      `${DEFAULT}/classes/CourseReader_Tests.cls:14:ApexAssertionsShouldIncludeMessage`,
      `${DEFAULT}/classes/CourseReader_Tests.cls:7:ApexUnitTestClassShouldHaveAsserts`
    ]);
    assert.match(
      run.stderr,
      /CourseReader\.cls:11: \[apex-ls error\] Missing: Unknown field 'Difficulty__c'/
    );
  });
});

describe('npm run scan on a project without Apex yet', () => {
  it('still runs apex-ls over the project and verifies the raised PMD rules, then passes with a notice', () => {
    const project = mkdtempSync(join(tmpdir(), 'tlms-no-apex-'));
    cpSync(join(APEX_PROJECT, 'sfdx-project.json'), join(project, 'sfdx-project.json'));
    cpSync(join(APEX_PROJECT, DEFAULT, 'objects'), join(project, DEFAULT, 'objects'), { recursive: true });
    const run = spawnSync(process.execPath, ['scripts/scan.mjs', '--root', project, '--json'], {
      cwd: REPO,
      encoding: 'utf8'
    });
    rmSync(project, { recursive: true, force: true });
    assert.equal(run.status, 0, `scan exit status; stderr:\n${run.stderr}`);
    assert.deepEqual(JSON.parse(run.stdout), { ok: true, apexFiles: 0, pmdRules: 0, findings: [] });
    assert.match(run.stderr, /notice: no Apex in force-app yet/);
  });
});

// ---- valid elements from the .d.ts that no fixture uses are accepted ----

const model = metadataModel();

function elementNamesIn(dir: string, into = new Set<string>()): Set<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) elementNamesIn(path, into);
    else if (entry.endsWith('.xml')) {
      const parsed = parseXml(readFileSync(path, 'utf8'));
      const visit = (element: XmlElement) => {
        into.add(element.name);
        element.children.forEach(visit);
      };
      if (parsed.ok) visit(parsed.root);
    }
  }
  return into;
}

function sampleValue(spec: TypeSpec): string {
  if (spec.kind === 'enum') return [...spec.values][spec.values.size - 1];
  if (spec.kind === 'primitive')
    return spec.primitive === 'boolean' ? 'false' : spec.primitive === 'number' ? '3' : 'Sample text';
  return '';
}

/** Declared as a string in the .d.ts but XML in source files; covered by its own test below. */
const OPAQUE = new Set(['LightningComponentBundle.targetConfigs']);

/** Builds `<name>` for a type from the .d.ts: `pick` decides which optional fields to include. */
function buildElement(
  name: string,
  typeName: string,
  depth: number,
  pick: (field: string) => boolean
): string {
  const spec = model.resolve(typeName);
  if (!spec) return '';
  if (spec.kind !== 'object') return `<${name}>${sampleValue(spec)}</${name}>`;
  const parts: string[] = [];
  for (const [field, fieldSpec] of spec.fields) {
    if (OPAQUE.has(`${typeName}.${field}`)) continue;
    const required = !fieldSpec.optional && !fieldSpec.array;
    const nested = model.resolve(fieldSpec.type)?.kind === 'object';
    if (!required && (!pick(field) || (nested && depth >= 2))) continue;
    parts.push(buildElement(field, fieldSpec.type, depth + 1, required && !pick(field) ? () => false : pick));
  }
  return `<${name}>${parts.join('')}</${name}>`;
}

function schemaIssues(xml: string, typeName: string): string[] {
  const parsed = parseXml(xml);
  assert.ok(parsed.ok, 'generated XML is well-formed');
  const issues: string[] = [];
  checkAgainstType(parsed.root, typeName, model, (line, message) => issues.push(`${line}: ${message}`));
  return issues;
}

const ROOT_TYPES = [
  'CustomObject',
  'CustomField',
  'ListView',
  'PermissionSet',
  'ReportType',
  'Report',
  'Dashboard',
  'CustomApplication',
  'CustomTab',
  'FlexiPage',
  'CustomLabels',
  'LightningComponentBundle',
  'ApexClass',
  'CspTrustedSite',
  'ReportFolder',
  'DashboardFolder'
];

describe('elements the Metadata API defines are accepted', () => {
  const usedByFixtures = elementNamesIn(FIXTURES);

  for (const typeName of ROOT_TYPES) {
    it(`accepts ${typeName} elements no fixture uses`, () => {
      const spec = model.resolve(typeName);
      assert.equal(spec?.kind, 'object', `${typeName} is declared in @salesforce/types`);
      const unused = (field: string) => !usedByFixtures.has(field);
      const body = buildElement(typeName, typeName, 0, unused).replace(
        `<${typeName}>`,
        `<${typeName} xmlns="http://soap.sforce.com/2006/04/metadata">`
      );
      const generated = parseXml(body);
      assert.ok(generated.ok);
      const fieldsUsed = generated.root.children.filter((child) => unused(child.name)).length;
      const available = [...(spec?.kind === 'object' ? spec.fields.keys() : [])].filter(
        (f) => unused(f) && !OPAQUE.has(`${typeName}.${f}`)
      ).length;
      assert.ok(
        fieldsUsed >= Math.min(2, available),
        `${typeName}: unused elements were exercised (${fieldsUsed} of ${available})`
      );
      assert.deepEqual(schemaIssues(body, typeName), [], `${typeName} built from the .d.ts is accepted`);
      // The same document with one element misspelt must be rejected, so the acceptance above is not vacuous.
      const misspelt = body
        .replace(`<${generated.root.children[0].name}>`, '<notAnElement>')
        .replace(`</${generated.root.children[0].name}>`, '</notAnElement>');
      assert.equal(
        schemaIssues(misspelt, typeName).filter((issue) => issue.includes('unknown element <notAnElement>'))
          .length,
        1
      );
    });
  }

  it('accepts every FieldType and SharingModel value from the .d.ts', () => {
    for (const [typeName, element, enumName] of [
      ['CustomField', 'type', 'FieldType'],
      ['CustomObject', 'sharingModel', 'SharingModel']
    ]) {
      const values = model.resolve(enumName);
      assert.equal(values?.kind, 'enum');
      if (values?.kind !== 'enum') continue;
      assert.ok(values.values.size > 5, `${enumName} has its values`);
      for (const value of values.values) {
        const xml = `<${typeName} xmlns="http://soap.sforce.com/2006/04/metadata"><${element}>${value}</${element}></${typeName}>`;
        assert.deepEqual(schemaIssues(xml, typeName), [], `${enumName} ${value}`);
      }
    }
  });

  it('accepts the LWC targetConfigs XML the .d.ts declares as a string, and rejects unknown parts of it', () => {
    const bundle = (inner: string) =>
      `<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><isExposed>true</isExposed>
<targets><target>lightning__RecordPage</target></targets>
<targetConfigs><targetConfig targets="lightning__RecordPage">${inner}</targetConfig></targetConfigs></LightningComponentBundle>`;
    const good =
      '<property name="limit" type="Integer" label="Max" default="5"/><objects><object>Account</object></objects><supportedFormFactors><supportedFormFactor type="Large"/></supportedFormFactors>';
    assert.deepEqual(schemaIssues(bundle(good), 'LightningComponentBundle'), []);
    assert.deepEqual(schemaIssues(bundle('<propertee name="x"/>'), 'LightningComponentBundle'), [
      '3: unknown element <propertee> in <targetConfig>'
    ]);
    assert.deepEqual(schemaIssues(bundle('<property nam="x"/>'), 'LightningComponentBundle'), [
      "3: attribute 'nam' is not allowed on <property>"
    ]);
  });

  it('rejects a second copy of a single-valued element and a missing required element', () => {
    const xml =
      '<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion>\n<apiVersion>64.0</apiVersion></ApexClass>';
    assert.deepEqual(schemaIssues(xml, 'ApexClass'), [
      '2: <apiVersion> appears more than once in ApexClass',
      '1: <ApexClass> is missing required element <status>'
    ]);
  });
});
