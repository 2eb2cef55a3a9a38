// The settings contract: zod (sync/src/settings) and contracts/settings.schema.json agree on every fixture,
// the committed schema is current, defaults are valid, risk classification and the hash behave as documented.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  classifySettingsChange,
  DEFAULT_SETTINGS,
  FAMILY_BY_FIELD_TYPE,
  FIELD_TYPES,
  filterLogicTree,
  formatSettingsIssues,
  hashSettingsJson,
  OPERATORS,
  OPERATORS_BY_FAMILY,
  readSettings,
  serializeSettings,
  type Settings,
  validateSettings
} from '../sync/src/settings';
import { CONTRACTS, renderContract, REPOSITORY_ROOT } from '../scripts/generate-contracts';

const FIXTURES = join(REPOSITORY_ROOT, 'contracts/fixtures/settings');
const SCHEMA_FILE = join(REPOSITORY_ROOT, 'contracts/settings.schema.json');
type Path = (string | number)[];
interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  $defs?: Record<string, SchemaNode>;
  $ref?: string;
  $comment?: string;
  description?: string;
  const?: unknown;
  additionalProperties?: unknown;
}
interface RiskCase {
  name: string;
  active: unknown;
  draft: unknown;
  risky: boolean;
  changes: Record<string, string | null>;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const fixtureNames = (kind: 'valid' | 'invalid') =>
  readdirSync(join(FIXTURES, kind))
    .filter((name) => name.endsWith('.json') && !name.endsWith('.expected.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
const fixture = (kind: 'valid' | 'invalid', name: string) => readJson(join(FIXTURES, kind, `${name}.json`));

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validateWithAjv = ajv.compile(readJson(SCHEMA_FILE) as object);

const pathKey = (path: Path) => JSON.stringify(path.map(String));
const ajvPath = (error: ErrorObject): string[] =>
  error.instancePath === ''
    ? []
    : error.instancePath
        .slice(1)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
/** One path lies on the other's way (equal, or one is an ancestor). */
const related = (a: string[], b: string[]) =>
  a.slice(0, b.length).join('\u0000') === b.slice(0, a.length).join('\u0000');

function zodPaths(document: unknown): Set<string> {
  const result = validateSettings(document);
  return new Set(result.ok ? [] : result.issues.map((issue) => pathKey(issue.path)));
}

function mergePatch(base: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const merged = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) merged[key] = mergePatch(merged[key], value);
  return merged;
}
const settingsFrom = (patch: unknown) => mergePatch(structuredClone(DEFAULT_SETTINGS), patch) as Settings;

const settingsJsonSchema = () => readJson(SCHEMA_FILE) as SchemaNode;
/** Every property of the schema as a dotted path; properties of `$defs` entries as paths from their own root. */
function eachOption(schema: SchemaNode, visit: (path: string, property: SchemaNode) => void): void {
  const walk = (node: SchemaNode, prefix: string) => {
    for (const [key, property] of Object.entries(node.properties ?? {})) {
      visit(`${prefix}${key}`, property);
      if (!property.$ref) walk(property, `${prefix}${key}.`);
    }
  };
  walk(schema, '');
  for (const definition of Object.values(schema.$defs ?? {})) walk(definition, '');
}

describe('settings JSON Schema file', () => {
  test('is what the generator writes now (run npm run contracts:generate when this fails)', async () => {
    const contract = CONTRACTS.find((entry) => entry.file === 'contracts/settings.schema.json');
    assert.ok(contract, 'the generator lists contracts/settings.schema.json');
    assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), await renderContract(contract));
  });

  test('names its generator and pins schemaVersion 1', () => {
    const schema = settingsJsonSchema();
    assert.match(schema.$comment ?? '', /scripts\/generate-contracts\.ts/);
    assert.equal(schema.properties?.schemaVersion?.const, 1);
    assert.equal(schema.additionalProperties, false);
  });

  test('describes every option', () => {
    const schema = settingsJsonSchema();
    const undescribed: string[] = [];
    eachOption(schema, (path, property) => {
      const target = property.$ref ? schema.$defs?.[property.$ref.split('/').pop() ?? ''] : property;
      if (!property.description && !target?.description) undescribed.push(path);
    });
    assert.deepEqual(undescribed, []);
  });
});

describe('valid fixtures', () => {
  const names = fixtureNames('valid');
  test('there are at least six, including the default and every-option documents', () => {
    assert.ok(names.length >= 6, `found ${names.length}`);
    assert.ok(names.includes('default') && names.includes('every-option'));
  });

  for (const name of names) {
    test(`${name}: zod and the JSON Schema accept it`, () => {
      const document = fixture('valid', name);
      const result = validateSettings(document);
      assert.ok(result.ok, result.ok ? '' : formatSettingsIssues(result.issues));
      assert.ok(validateWithAjv(document), JSON.stringify(validateWithAjv.errors));
      const read = readSettings(JSON.stringify(document));
      assert.ok(read.ok, 'the runner reads it too');
      assert.deepEqual(read.settings, result.settings, 'reading a complete document changes nothing');
    });
  }

  test('DEFAULT_SETTINGS is valid and is default.json', () => {
    const result = validateSettings(DEFAULT_SETTINGS);
    assert.ok(result.ok, result.ok ? '' : formatSettingsIssues(result.issues));
    assert.deepEqual(fixture('valid', 'default'), DEFAULT_SETTINGS);
  });

  test('every-option.json sets every option to something other than its default', () => {
    const everyOption = fixture('valid', 'every-option') as Settings;
    const changed = classifySettingsChange(DEFAULT_SETTINGS, everyOption).changes.map(
      (change) => change.path
    );
    const leaves: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (value && typeof value === 'object' && !Array.isArray(value) && !/\.filter$/.test(path)) {
        for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
      } else leaves.push(path);
    };
    walk(DEFAULT_SETTINGS, '');
    const sameAsDefault = leaves.filter((leaf) => leaf !== 'schemaVersion' && !changed.includes(leaf));
    assert.deepEqual(sameAsDefault, []);
  });

  test('together they use every operator and every field type', () => {
    const operators = new Set<string>();
    const fieldTypes = new Set<string>();
    for (const name of names) {
      const document = fixture('valid', name) as Settings;
      for (const condition of [...document.users.filter.conditions, ...document.contacts.filter.conditions]) {
        operators.add(condition.operator);
        if (condition.fieldType) fieldTypes.add(condition.fieldType);
      }
    }
    assert.deepEqual(
      [...OPERATORS].filter((operator) => !operators.has(operator)),
      []
    );
    assert.deepEqual(
      [...FIELD_TYPES].filter((fieldType) => !fieldTypes.has(fieldType)),
      []
    );
  });
});

describe('invalid fixtures', () => {
  const names = fixtureNames('invalid');
  test('there are at least ten, each with its expected error paths', () => {
    assert.ok(names.length >= 10, `found ${names.length}`);
    const sidecars = readdirSync(join(FIXTURES, 'invalid')).filter((name) => name.endsWith('.expected.json'));
    assert.deepEqual(sidecars.map((name) => name.slice(0, -'.expected.json'.length)).sort(), names);
  });

  for (const name of names) {
    test(`${name}: zod rejects it at exactly the expected paths, and the JSON Schema agrees`, () => {
      const document = fixture('invalid', name);
      const expected = readJson(join(FIXTURES, 'invalid', `${name}.expected.json`)) as {
        paths: Path[];
        semanticOnly?: boolean;
        acceptedWhenReading?: boolean;
      };
      assert.ok(expected.paths.length > 0, 'a sidecar lists at least one path');
      assert.deepEqual([...zodPaths(document)].sort(), expected.paths.map(pathKey).sort());
      assert.equal(
        readSettings(JSON.stringify(document)).ok,
        expected.acceptedWhenReading === true,
        'the tolerant reader forgives unknown and missing keys only'
      );

      const ajvValid = validateWithAjv(document);
      if (expected.semanticOnly) {
        // Rules JSON Schema cannot state (docs/settings.md "Rules beyond JSON Schema"): only zod and Apex check.
        assert.ok(
          ajvValid,
          `JSON Schema should accept a semantic-only fixture: ${JSON.stringify(validateWithAjv.errors)}`
        );
        return;
      }
      assert.equal(ajvValid, false, 'the JSON Schema rejects it too');
      const ajvErrorPaths = (validateWithAjv.errors ?? []).map(ajvPath);
      const expectedPaths = expected.paths.map((path) => path.map(String));
      for (const errorPath of ajvErrorPaths) {
        assert.ok(
          expectedPaths.some((path) => related(path, errorPath)),
          `ajv reports /${errorPath.join('/')}, away from every expected path`
        );
      }
      for (const path of expectedPaths) {
        assert.ok(
          ajvErrorPaths.some((errorPath) => related(path, errorPath)),
          `ajv reports nothing on /${path.join('/')}`
        );
      }
    });
  }
});

describe('reading stored settings (the runner)', () => {
  test('a document with only schemaVersion reads as the defaults', () => {
    const result = readSettings('{"schemaVersion":1}');
    assert.ok(result.ok);
    assert.deepEqual(result.settings, DEFAULT_SETTINGS);
  });

  test('missing keys take defaults and unknown keys are dropped', () => {
    const stored = JSON.stringify({
      schemaVersion: 1,
      users: { enabled: true, futureOption: 'x' },
      special: { deactivateNotSynced: true },
      aNewerSection: { on: true }
    });
    const result = readSettings(stored);
    assert.ok(result.ok, result.ok ? '' : formatSettingsIssues(result.issues));
    assert.equal(result.settings.users.enabled, true);
    assert.deepEqual(result.settings.users.filter, { logic: 'all', conditions: [] });
    assert.equal(result.settings.special.deactivateNotSynced, true);
    assert.equal(result.settings.special.maxDeactivationShare, DEFAULT_SETTINGS.special.maxDeactivationShare);
    assert.equal('futureOption' in result.settings.users, false);
    assert.equal('aNewerSection' in result.settings, false);
  });

  test('every rule still applies when reading', () => {
    const result = readSettings(JSON.stringify(fixture('invalid', 'operator-not-for-boolean')));
    assert.equal(result.ok, false);
    assert.deepEqual(result.ok ? [] : result.issues.map((issue) => issue.path), [
      ['users', 'filter', 'conditions', 0, 'operator']
    ]);
  });

  test('a newer schemaVersion and broken JSON are refused with a message saying what to do', () => {
    const newer = readSettings('{"schemaVersion":2}');
    assert.equal(newer.ok, false);
    assert.match(newer.ok ? '' : formatSettingsIssues(newer.issues), /^schemaVersion: .*upgrade the runner/);
    const broken = readSettings('{"schemaVersion":1');
    assert.equal(broken.ok, false);
    assert.match(
      broken.ok ? '' : formatSettingsIssues(broken.issues),
      /^\(document\): Settings are not valid JSON/
    );
  });

  test('messages for typos, missing options and bad names say what to do', () => {
    const messages = (name: string) => {
      const result = validateSettings(fixture('invalid', name));
      return result.ok ? '' : formatSettingsIssues(result.issues);
    };
    assert.equal(
      messages('misspelt-option'),
      [
        'special.deactivateNotSynced: Missing: a complete document has every option (see docs/settings.md for its default).',
        'special: Unknown option "deactivateNotSyncd": check the spelling against docs/settings.md, or remove it.'
      ].join('\n')
    );
    assert.match(messages('missing-schema-version'), /^schemaVersion: Missing/);
    assert.match(messages('field-injection'), /Use a field API name such as "Department"/);
    assert.match(messages('fractional-retention'), /^retention\.runsDays: Use a whole number\./);
    assert.match(messages('logic-bad-word'), /Use "all", "any", or condition numbers/);
  });

  test('validation messages name the path and the fix', () => {
    const result = validateSettings(fixture('invalid', 'operator-not-for-boolean'));
    assert.equal(result.ok, false);
    assert.equal(
      result.ok ? '' : formatSettingsIssues(result.issues),
      'users.filter.conditions[0].operator: Operator "contains" does not apply to boolean fields; use one of: equals, notEquals.'
    );
  });
});

describe('filter logic', () => {
  test('"all" and "any" join every condition; no conditions means no filter', () => {
    assert.deepEqual(filterLogicTree('all', 0), { ok: true, tree: null });
    assert.deepEqual(filterLogicTree('any', 1), { ok: true, tree: { kind: 'condition', index: 1 } });
    assert.deepEqual(filterLogicTree('all', 2), {
      ok: true,
      tree: {
        kind: 'and',
        operands: [
          { kind: 'condition', index: 1 },
          { kind: 'condition', index: 2 }
        ]
      }
    });
  });

  test('a custom expression parses into the tree the runner compiles', () => {
    assert.deepEqual(filterLogicTree('1 AND (2 OR NOT 3)', 3), {
      ok: true,
      tree: {
        kind: 'and',
        operands: [
          { kind: 'condition', index: 1 },
          {
            kind: 'or',
            operands: [
              { kind: 'condition', index: 2 },
              { kind: 'not', operand: { kind: 'condition', index: 3 } }
            ]
          }
        ]
      }
    });
  });

  for (const [expression, message] of [
    ['1 AND 2 OR 3', /parentheses when mixing AND and OR/],
    ['1 AND 4', /refers to condition 4, but there are only 3 conditions/],
    ['1 AND 2', /Condition 3 is not used/],
    ['(1 AND 2 AND 3', /"\(" that is never closed/],
    ['1 AND 2 AND 3)', /"\)" without a matching "\("/],
    ['1 AND', /ends too early/],
    ['', /empty/],
    ['1 and 2 and 3', /Unexpected "and"/]
  ] as const) {
    test(`"${expression}" is refused: ${message.source}`, () => {
      const result = filterLogicTree(expression, 3);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, message);
    });
  }
});

describe('risk classification', () => {
  const cases = (readJson(join(FIXTURES, 'risk/cases.json')) as { cases: RiskCase[] }).cases;
  for (const riskCase of cases) {
    test(`shared case: ${riskCase.name}`, () => {
      const active = riskCase.active === null ? null : settingsFrom(riskCase.active);
      const draft = settingsFrom(riskCase.draft);
      for (const document of [active, draft]) {
        if (document) assert.ok(validateSettings(document).ok, 'case documents are valid settings');
      }
      const report = classifySettingsChange(active, draft);
      assert.equal(report.risky, riskCase.risky);
      assert.deepEqual(
        Object.fromEntries(report.changes.map((change) => [change.path, change.reason])),
        riskCase.changes
      );
    });
  }

  test('each change carries its values and a risk matching its reason', () => {
    const draft = settingsFrom({ special: { deactivateNotSynced: true, maxDeactivationShare: 0.3 } });
    const report = classifySettingsChange(settingsFrom({ special: { deactivateNotSynced: true } }), draft);
    assert.deepEqual(report.changes, [
      {
        path: 'special.maxDeactivationShare',
        risk: 'risky',
        reason: 'deactivationShareRaised',
        before: 0.1,
        after: 0.3
      }
    ]);
  });

  test('a reordered filter is a filter change; an identical copy is no change', () => {
    const conditions = [
      { field: 'Department', fieldType: 'string', operator: 'equals', value: 'Sales' },
      { field: 'Title', fieldType: 'string', operator: 'isNotBlank' }
    ];
    const active = settingsFrom({ users: { enabled: true, filter: { logic: 'all', conditions } } });
    const reordered = settingsFrom({
      users: { enabled: true, filter: { logic: 'all', conditions: [...conditions].reverse() } }
    });
    assert.equal(classifySettingsChange(active, reordered).changes[0]?.reason, 'filterChanged');
    assert.deepEqual(classifySettingsChange(active, structuredClone(active)), { risky: false, changes: [] });
  });
});

describe('settings hash', () => {
  test('is the SHA-256 hex of the stored UTF-8 text (values computed with coreutils sha256sum)', () => {
    assert.equal(hashSettingsJson('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(
      hashSettingsJson(
        '{"schemaVersion":1,"email":{"newLearnerPolicy":"restrict"},"users":{"groupField":"Département – Zürich"}}'
      ),
      '4e47ca019a9089ba80738be3007f818c6b6e3058184467320efd6d5b1d3fcbdb'
    );
  });

  test('is taken of the text as stored, so a re-spaced copy of the same settings hashes differently', () => {
    const compact = serializeSettings(DEFAULT_SETTINGS);
    const pretty = JSON.stringify(DEFAULT_SETTINGS, null, 2);
    assert.deepEqual(JSON.parse(compact), JSON.parse(pretty));
    assert.notEqual(hashSettingsJson(compact), hashSettingsJson(pretty));
    assert.match(hashSettingsJson(compact), /^[0-9a-f]{64}$/);
  });
});

describe('docs/settings.md', () => {
  test('documents every option by its path', () => {
    const docs = readFileSync(join(REPOSITORY_ROOT, 'docs/settings.md'), 'utf8');
    const missing: string[] = [];
    eachOption(settingsJsonSchema(), (path) => {
      if (!docs.includes(`\`${path}\``)) missing.push(path);
    });
    assert.deepEqual(missing, []);
  });

  test('has examples that are valid settings', () => {
    const docs = readFileSync(join(REPOSITORY_ROOT, 'docs/settings.md'), 'utf8');
    const blocks = [...docs.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1].trim());
    assert.ok(blocks.length >= 4, `found ${blocks.length} JSON examples`);
    for (const block of blocks) {
      // An example is a whole document or some of its sections ("users": {…}, "email": {…}).
      const patch = JSON.parse(block.startsWith('{') ? block : `{${block}}`) as unknown;
      const result = validateSettings(settingsFrom(patch));
      assert.ok(result.ok, `${block.slice(0, 60)}…: ${result.ok ? '' : formatSettingsIssues(result.issues)}`);
    }
  });

  test('lists the operators and field types of every family as the schema allows them', () => {
    const docs = readFileSync(join(REPOSITORY_ROOT, 'docs/settings.md'), 'utf8');
    for (const [family, operators] of Object.entries(OPERATORS_BY_FAMILY)) {
      const row = docs.split('\n').find((line) => new RegExp(`^\\|\\s*${family}\\s*\\|`).test(line));
      assert.ok(row, `docs/settings.md has an operator row for ${family}`);
      const [, , typesCell, operatorsCell] = row.split('|');
      const words = (cell: string) => [...cell.matchAll(/`(\w+)`/g)].map((match) => match[1]);
      const fieldTypes = FIELD_TYPES.filter((fieldType) => FAMILY_BY_FIELD_TYPE[fieldType] === family);
      assert.deepEqual(words(typesCell), fieldTypes, `field types of ${family}`);
      assert.deepEqual(words(operatorsCell), [...operators], `operators of ${family}`);
    }
  });
});
