// sfdx-project.json and the scratch org definition validate against Salesforce's own JSON schemas
// (@salesforce/schemas), and hold the package settings the runner, emulators and CI rely on.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const REPO = join(__dirname, '..');
const SCHEMAS = dirname(require.resolve('@salesforce/schemas/package.json', { paths: [REPO] }));

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function validator(schemaFile: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(readJson(join(SCHEMAS, schemaFile)));
}

const validateProject = validator('sfdx-project.schema.json');
const validateScratchDef = validator('project-scratch-def.schema.json');
const project = readJson(join(REPO, 'sfdx-project.json'));

describe('sfdx-project.json', () => {
  it('validates against @salesforce/schemas sfdx-project.schema.json', () => {
    assert.equal(validateProject(project), true, JSON.stringify(validateProject.errors, null, 2));
  });

  it('is a namespaced 2GP package with force-app packaged and unpackaged scratch-only', () => {
    assert.equal(project.namespace, 'tlms', 'namespace');
    assert.ok(Number(project.sourceApiVersion) >= 65, 'sourceApiVersion 65.0 or newer');
    const dirs = project.packageDirectories as Array<Record<string, unknown>>;
    const forceApp = dirs.find((dir) => dir.path === 'force-app');
    assert.equal(forceApp?.default, true, 'force-app is the default directory');
    assert.equal(forceApp?.package, 'TalentLMS Connector', 'package name');
    assert.equal(forceApp?.versionNumber, '0.1.0.NEXT', 'versionNumber');
    assert.equal(forceApp?.ancestorVersion, 'HIGHEST', 'ancestorVersion');
    assert.equal(
      forceApp?.definitionFile,
      'config/project-scratch-def.json',
      'package builds use the scratch definition'
    );
    assert.deepEqual(
      forceApp?.unpackagedMetadata,
      { path: 'unpackaged' },
      'unpackaged metadata deploys only for tests'
    );
    assert.ok(
      dirs.some((dir) => dir.path === 'unpackaged' && !dir.package),
      'unpackaged is a directory without a package'
    );
  });

  it('names only package directories that exist (the sf CLI refuses the whole project otherwise)', () => {
    const dirs = project.packageDirectories as Array<{ path: string }>;
    for (const dir of dirs)
      assert.ok(
        statSync(join(REPO, dir.path), { throwIfNoEntry: false })?.isDirectory(),
        `${dir.path}/ exists`
      );
  });

  it('would be rejected by the schema if it were wrong (the check can fail)', () => {
    const broken = { ...project, packageDirectories: [{ default: true }], unknownKey: true };
    assert.equal(
      validateProject(broken),
      false,
      'a package directory without path and an unknown key are rejected'
    );
  });
});

describe('config/project-scratch-def.json', () => {
  const scratchDef = readJson(join(REPO, 'config', 'project-scratch-def.json'));

  it('validates against @salesforce/schemas project-scratch-def.schema.json', () => {
    assert.equal(validateScratchDef(scratchDef), true, JSON.stringify(validateScratchDef.errors, null, 2));
  });

  it('would be rejected by the schema with an unknown edition (the check can fail)', () => {
    assert.equal(
      validateScratchDef({ ...scratchDef, edition: 'Ultimate' }),
      false,
      'edition outside the enum'
    );
  });
});
