import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { buildCatalogue, canRegenerate, CATALOGUE_PATH, formatCatalogue } from '../catalogue/generate';
import type { Catalogue } from '../catalogue/types';

const committed = readFileSync(CATALOGUE_PATH, 'utf8');
const catalogue = JSON.parse(committed) as Catalogue;
const field = (object: string, name: string) =>
  catalogue.objects.find((o) => o.name === object)?.fields.find((f) => f.name === name);

describe('standard-object catalogue', () => {
  test('holds the fields the runner relies on, typed from the stubs', () => {
    assert.deepEqual(field('User', 'ManagerId'), {
      name: 'ManagerId',
      type: 'reference',
      relationshipName: 'Manager',
      referenceTo: ['User']
    });
    assert.equal(field('User', 'IsActive')?.type, 'boolean');
    assert.deepEqual(field('User', 'UserType')?.picklistValues?.slice(0, 2), ['Standard', 'PowerPartner']);
    for (const name of [
      'Email',
      'Username',
      'FirstName',
      'LastName',
      'Name',
      'Title',
      'Department',
      'FederationIdentifier'
    ]) {
      assert.ok(field('User', name), `User.${name}`);
    }
    assert.deepEqual(field('Contact', 'MasterRecordId')?.referenceTo, ['Contact']);
    assert.equal(field('Contact', 'MasterRecordId')?.createable, false, 'set only by merges');
    assert.deepEqual(field('Contact', 'AccountId')?.referenceTo, ['Account']);
    assert.equal(field('Account', 'IsPersonAccount')?.type, 'boolean');
    assert.equal(field('Organization', 'IsSandbox')?.type, 'boolean');
    assert.equal(field('Organization', 'Name')?.length, 80);
    assert.equal(field('ObjectPermissions', 'PermissionsViewAllRecords')?.type, 'boolean');
    assert.equal(field('UserPermissionAccess', 'PermissionsViewAllUsers')?.type, 'boolean');
    assert.equal(field('User', 'Nonexistent'), undefined);
  });

  test(
    'regenerating from the jar reproduces the committed file',
    { skip: !canRegenerate() && 'javap or the sobject-types jar is not available' },
    async () => {
      const regenerated = await formatCatalogue(buildCatalogue());
      assert.equal(
        regenerated === committed,
        true,
        'catalogue.json is stale: run `npm run emulators:catalogue` and commit it'
      );
    }
  );
});
