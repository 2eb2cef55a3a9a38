import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import {
  bindSchema,
  discoverNamespace,
  type ObjectDef,
  PICKLIST_VALUES,
  qualify,
  SCHEMA
} from '../src/salesforce/schema';

const OBJECTS_DIR = join(__dirname, '..', '..', 'force-app', 'main', 'default', 'objects');
const parser = new XMLParser({ ignoreAttributes: true, isArray: (name) => name === 'value' });

function readField(objectApi: string, fieldApi: string): Record<string, unknown> | undefined {
  const file = join(OBJECTS_DIR, objectApi, 'fields', `${fieldApi}.field-meta.xml`);
  if (!existsSync(file)) return undefined;
  return parser.parse(readFileSync(file, 'utf8')).CustomField as Record<string, unknown>;
}

function picklistValues(objectApi: string, fieldApi: string): string[] {
  const field = readField(objectApi, fieldApi) as {
    valueSet?: { valueSetDefinition?: { value?: { fullName: string }[] } };
  };
  return (field?.valueSet?.valueSetDefinition?.value ?? []).map((v) => String(v.fullName));
}

const packageObjects = Object.entries(SCHEMA as Record<string, ObjectDef>).filter(([, def]) => !def.standard);

describe('salesforce/schema.ts against force-app/', () => {
  for (const [key, def] of packageObjects) {
    it(`${key}: ${def.api} and each of its ${Object.keys(def.fields).length} fields exist with the expected type`, () => {
      const objectFile = join(OBJECTS_DIR, def.api, `${def.api}.object-meta.xml`);
      assert.ok(existsSync(objectFile), `force-app has no object ${def.api}`);
      for (const field of Object.values(def.fields)) {
        const xml = readField(def.api, field.api);
        assert.ok(xml, `force-app has no field ${def.api}.${field.api}`);
        assert.equal(xml.type, field.type, `${def.api}.${field.api} is ${String(xml.type)} in force-app`);
        assert.equal(
          'formula' in xml,
          Boolean(field.formula),
          `${def.api}.${field.api} formula-ness differs`
        );
      }
    });
  }

  it('every picklist value the runner writes exists in force-app', () => {
    const cases: [string, string, Record<string, string>][] = [
      ['SyncRun__c', 'Mode__c', PICKLIST_VALUES.SyncRunMode],
      ['SyncRun__c', 'Status__c', PICKLIST_VALUES.SyncRunStatus],
      ['SyncRun__c', 'StopReason__c', PICKLIST_VALUES.SyncRunStopReason],
      ['SyncIssue__c', 'Status__c', PICKLIST_VALUES.SyncIssueStatus]
    ];
    for (const [object, field, values] of cases) {
      const defined = picklistValues(object, field);
      for (const value of Object.values(values)) {
        assert.ok(
          defined.includes(value),
          `${object}.${field} has no value ${value} (has ${defined.join(', ')})`
        );
      }
    }
  });
});

describe('namespace composition', () => {
  it('prefixes package names only, and never standard ones', () => {
    const tlms = bindSchema('tlms');
    assert.equal(tlms.SyncRun.name, 'tlms__SyncRun__c');
    assert.equal(tlms.SyncRun.f.RunId, 'tlms__RunId__c');
    assert.equal(tlms.Organization.name, 'Organization');
    assert.equal(tlms.ObjectPermissions.f.ViewAll, 'PermissionsViewAllRecords');
    const none = bindSchema('');
    assert.equal(none.Learner.name, 'Learner__c');
    assert.equal(none.Learner.f.SalesforceId, 'SalesforceId__c');
    assert.equal(qualify('Name', 'tlms'), 'Name', 'standard field names never get a prefix');
  });

  it('discovers the namespace from the object list, preferring the packaged copy', () => {
    assert.equal(discoverNamespace(['Account', 'tlms__SyncRun__c']), 'tlms');
    assert.equal(discoverNamespace(['Account', 'SyncRun__c']), '');
    assert.equal(discoverNamespace(['SyncRun__c', 'acme__SyncRun__c']), 'acme');
    assert.equal(discoverNamespace(['Account', 'Contact']), undefined);
  });
});
