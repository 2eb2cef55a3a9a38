// The Apex DTO contract (DESIGN.md "Contracts"): every @AuraEnabled method has
// contracts/dto/<Controller>.<method>.schema.json, the schema's properties match the @AuraEnabled properties of
// the Apex classes it names (x-apexType) in name and type, and every Jest fixture
// force-app/**/lwc/*/__tests__/data/<method>[.<variant>].json validates against its method's schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ApexClass, parseApexClass } from './apexSource';

const ROOT = join(__dirname, '..');
const CLASSES = join(ROOT, 'force-app', 'main', 'default', 'classes');
const LWC = join(ROOT, 'force-app', 'main', 'default', 'lwc');
const DTO_DIR = join(ROOT, 'contracts', 'dto');

type Schema = Record<string, unknown> & {
  type?: string | string[];
  format?: string;
  pattern?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  $ref?: string;
  $defs?: Record<string, Schema>;
  'x-apexType'?: string;
  'x-apexController'?: string;
  'x-apexMethod'?: string;
};

const classCache = new Map<string, ApexClass>();
function apexClass(name: string): ApexClass {
  if (!classCache.has(name)) classCache.set(name, parseApexClass(join(CLASSES, `${name}.cls`)));
  return classCache.get(name) as ApexClass;
}

/**
 * Resolves "Outer.Inner" or a bare name to its parsed class; a bare name is first looked up among the inner
 * classes of the enclosing top-level class (as Apex does), then as a top-level class.
 */
function qualify(typeName: string, scope?: string): string {
  if (typeName.includes('.') || !scope) return typeName;
  const outer = scope.split('.')[0];
  return existsSync(join(CLASSES, `${outer}.cls`)) && apexClass(outer).innerClasses.has(typeName)
    ? `${outer}.${typeName}`
    : typeName;
}

function resolveClass(typeName: string): ApexClass {
  const [outer, inner] = typeName.split('.');
  const top = apexClass(outer);
  if (!inner) return top;
  const found = top.innerClasses.get(inner);
  assert.ok(found, `Apex class ${typeName} not found in ${outer}.cls`);
  return found;
}

function isAuraEnabled(annotations: string[]): boolean {
  return annotations.includes('auraenabled');
}

function loadSchemas(): Map<string, Schema> {
  const schemas = new Map<string, Schema>();
  for (const file of readdirSync(DTO_DIR).filter((name) => name.endsWith('.schema.json'))) {
    schemas.set(file.replace(/\.schema\.json$/, ''), JSON.parse(readFileSync(join(DTO_DIR, file), 'utf8')));
  }
  return schemas;
}

function typesOf(node: Schema): string[] {
  if (node.type === undefined) return [];
  return Array.isArray(node.type) ? node.type : [node.type];
}

function refTarget(root: Schema, node: Schema): Schema | undefined {
  const ref = node.$ref ?? node.anyOf?.find((option) => option.$ref)?.$ref;
  if (!ref) return undefined;
  const name = ref.replace('#/$defs/', '');
  return root.$defs?.[name];
}

const PRIMITIVES: Record<string, { type: string; format?: string; pattern?: boolean }> = {
  string: { type: 'string' },
  id: { type: 'string', pattern: true },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  integer: { type: 'integer' },
  long: { type: 'integer' },
  decimal: { type: 'number' },
  double: { type: 'number' },
  boolean: { type: 'boolean' }
};

/** Asserts that a schema node describes the Apex type; returns the problems found. */
function checkType(
  root: Schema,
  node: Schema,
  apexType: string,
  where: string,
  seen: Set<string>,
  scope?: string
): string[] {
  const type = apexType.replace(/^System\./i, '');
  const list = /^List<(.+)>$/i.exec(type) ?? /^(.+)\[\]$/.exec(type);
  if (list) {
    if (!typesOf(node).includes('array') || !node.items)
      return [`${where}: Apex ${apexType} needs an array schema`];
    return checkType(root, node.items, list[1], `${where}[]`, seen, scope);
  }
  const map = /^Map<\w+,(.+)>$/i.exec(type);
  if (map) {
    // Apex serialises a Map as a JSON object keyed by the map's keys
    if (!typesOf(node).includes('object')) return [`${where}: Apex ${apexType} needs an object schema`];
    const values = node.additionalProperties;
    if (!values || typeof values !== 'object') {
      return [`${where}: Apex ${apexType} needs additionalProperties describing the values`];
    }
    return checkType(root, values as Schema, map[1], `${where}{}`, seen, scope);
  }
  if (/^Object$/i.test(type)) return []; // any JSON value
  const primitive = PRIMITIVES[type.toLowerCase()];
  if (primitive) {
    const problems: string[] = [];
    if (!typesOf(node).includes(primitive.type)) {
      problems.push(
        `${where}: Apex ${apexType} needs JSON type ${primitive.type}, schema has ${typesOf(node)}`
      );
    }
    if ((node.format ?? undefined) !== primitive.format) {
      problems.push(
        `${where}: Apex ${apexType} needs format ${primitive.format ?? '(none)'}, got ${node.format}`
      );
    }
    if (primitive.pattern && !node.pattern) problems.push(`${where}: an Apex Id needs the Id pattern`);
    return problems;
  }
  const target = refTarget(root, node);
  if (!target) return [`${where}: Apex ${apexType} needs a $ref to a definition`];
  return checkObject(root, target, qualify(type, scope), where, seen);
}

function checkObject(
  root: Schema,
  node: Schema,
  apexType: string,
  where: string,
  seen: Set<string>
): string[] {
  const problems: string[] = [];
  const declared = node['x-apexType'];
  const resolved = resolveClass(apexType);
  if (!declared || !declared.endsWith(resolved.name)) {
    problems.push(`${where}: schema x-apexType ${declared} does not name Apex ${apexType}`);
  }
  if (seen.has(apexType)) return problems;
  seen.add(apexType);
  const properties = node.properties ?? {};
  const members = resolved.members.filter((member) => !member.isMethod && isAuraEnabled(member.annotations));
  const apexNames = members.map((member) => member.name).sort();
  const schemaNames = Object.keys(properties).sort();
  const missing = apexNames.filter((name) => !schemaNames.includes(name));
  const extra = schemaNames.filter((name) => !apexNames.includes(name));
  if (missing.length) problems.push(`${where} (${apexType}): properties missing from the schema: ${missing}`);
  if (extra.length) problems.push(`${where} (${apexType}): schema properties Apex never sends: ${extra}`);
  if (node.additionalProperties !== false) problems.push(`${where}: set additionalProperties to false`);
  for (const member of members) {
    if (properties[member.name]) {
      problems.push(
        ...checkType(root, properties[member.name], member.type, `${where}.${member.name}`, seen, apexType)
      );
    }
  }
  return problems;
}

/** The method's return type against the schema root: an object DTO, a list or a primitive. */
function checkRoot(schema: Schema, returnType: string, where: string): string[] {
  const type = returnType.replace(/^System\./i, '');
  if (PRIMITIVES[type.toLowerCase()] || /^List<|\[\]$/i.test(type)) {
    return checkType(schema, schema, returnType, where, new Set());
  }
  return checkObject(schema, schema, type, where, new Set());
}

function auraMethods(): { controller: string; method: string; returnType: string }[] {
  const found: { controller: string; method: string; returnType: string }[] = [];
  for (const file of readdirSync(CLASSES).filter((name) => name.endsWith('.cls'))) {
    const parsed = apexClass(basename(file, '.cls'));
    for (const member of parsed.members) {
      if (member.isMethod && isAuraEnabled(member.annotations)) {
        found.push({ controller: parsed.name, method: member.name, returnType: member.type });
      }
    }
  }
  return found;
}

function fixtureFiles(): string[] {
  if (!existsSync(LWC)) return [];
  const files: string[] = [];
  for (const component of readdirSync(LWC)) {
    const dataDir = join(LWC, component, '__tests__', 'data');
    if (!existsSync(dataDir)) continue;
    for (const file of readdirSync(dataDir).filter((name) => name.endsWith('.json')))
      files.push(join(dataDir, file));
  }
  return files;
}

const DASHBOARD_CONTROLLERS = /^(MyLearning|TeamMembers|AccountLearning|ContactLearning)Controller$/;

/** Problems of one method's schema against its Apex class; an empty list when they agree. */
function methodProblems(
  schemas: Map<string, Schema>,
  controller: string,
  method: string,
  returnType: string
): string[] {
  const name = `${controller}.${method}`;
  const schema = schemas.get(name);
  if (!schema)
    return [`contracts/dto/${name}.schema.json is missing (see contracts/README.md "Apex DTO schemas")`];
  const problems: string[] = [];
  if (schema['x-apexController'] !== controller)
    problems.push(`${name}: x-apexController must be ${controller}`);
  if (schema['x-apexMethod'] !== method) problems.push(`${name}: x-apexMethod must be ${method}`);
  return [...problems, ...checkRoot(schema, returnType, name)];
}

test('the dashboard methods match their DTO schemas in property names and types', () => {
  const schemas = loadSchemas();
  const dashboards = auraMethods().filter(({ controller }) => DASHBOARD_CONTROLLERS.test(controller));
  assert.equal(dashboards.length, 5, `the five dashboard methods: ${dashboards.map((m) => m.method)}`);
  const problems = dashboards.flatMap(({ controller, method, returnType }) =>
    methodProblems(schemas, controller, method, returnType)
  );
  assert.deepEqual(problems, []);
});

test('every other @AuraEnabled method has a DTO schema that matches its Apex class', () => {
  const schemas = loadSchemas();
  // Every problem of every controller in one message, so whoever adds a controller sees the whole list
  const problems = auraMethods()
    .filter(({ controller }) => !DASHBOARD_CONTROLLERS.test(controller))
    .flatMap(({ controller, method, returnType }) => methodProblems(schemas, controller, method, returnType));
  assert.deepEqual(problems, []);
});

test('every DTO schema belongs to an existing @AuraEnabled method', () => {
  const methods = new Set(auraMethods().map(({ controller, method }) => `${controller}.${method}`));
  for (const name of loadSchemas().keys()) {
    assert.ok(methods.has(name), `contracts/dto/${name}.schema.json has no @AuraEnabled method ${name}`);
  }
});

test('the type check catches drift between a schema and the Apex class', () => {
  const schema = loadSchemas().get('MyLearningController.getMyLearning') as Schema;
  const drifted: Schema = JSON.parse(JSON.stringify(schema));
  const properties = drifted.properties as Record<string, Schema>;
  properties.points = { type: ['string', 'null'] };
  delete properties.level;
  properties.surprise = { type: 'string' };
  const problems = checkObject(drifted, drifted, 'LearningDtos.PersonLearning', 'drifted', new Set());
  assert.ok(
    problems.some((problem) => problem.includes('level')),
    `missing property reported: ${problems}`
  );
  assert.ok(
    problems.some((problem) => problem.includes('surprise')),
    `extra property reported: ${problems}`
  );
  assert.ok(
    problems.some((problem) => problem.includes('points')),
    `wrong type reported: ${problems}`
  );
});

test('every Jest fixture validates against the schema of its method', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const keyword of ['x-apexType', 'x-apexController', 'x-apexMethod', 'x-schemaVersion'])
    ajv.addKeyword(keyword);
  const byMethod = new Map<string, Schema>();
  for (const schema of loadSchemas().values()) byMethod.set(schema['x-apexMethod'] as string, schema);
  const fixtures = fixtureFiles();
  assert.ok(fixtures.length >= 5, `expected dashboard fixtures, found ${fixtures.length}`);
  for (const file of fixtures) {
    const method = basename(file).split('.')[0];
    const schema = byMethod.get(method);
    assert.ok(
      schema,
      `${file}: no contracts/dto schema for method ${method} (name fixtures <method>[.<variant>].json)`
    );
    const validate = ajv.compile(schema);
    const ok = validate(JSON.parse(readFileSync(file, 'utf8')));
    assert.ok(ok, `${file}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  }
});

test('the fixture validation rejects a fixture that breaks the formats', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const keyword of ['x-apexType', 'x-apexController', 'x-apexMethod', 'x-schemaVersion'])
    ajv.addKeyword(keyword);
  const validate = ajv.compile(loadSchemas().get('MyLearningController.getMyLearning') as Schema);
  assert.equal(
    validate({ lastSyncedAt: '2026-11-25T09:00:00+01:00' }),
    false,
    'datetimes must be UTC with Z'
  );
  assert.equal(validate({ courses: [{ enrolledOn: '25/11/2026' }] }), false, 'dates must be YYYY-MM-DD');
  assert.equal(validate({ courses: [{ completionPercent: 150 }] }), false, 'percentages are 0-100');
  assert.equal(validate({ tlms__points: 3 }), false, 'no namespace prefix or unknown keys');
  assert.equal(validate({ personName: 'Ada', courses: [] }), true, 'a missing key means null');
});
