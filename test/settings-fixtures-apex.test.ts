// The Apex validator and risk check are tested against the shared settings fixtures through a generated Apex
// class (SettingsFixtures) and the default document through SettingsDefaults. These tests fail when either
// committed class no longer matches what scripts/generate-settings-fixtures-apex.ts writes from
// contracts/fixtures/settings and sync/src/settings/defaults.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  apexString,
  applyPatch,
  buildFixturesClass,
  REPOSITORY_ROOT,
  staleApexFiles
} from '../scripts/generate-settings-fixtures-apex';

test('the generated Apex fixture and defaults classes are up to date', async () => {
  const stale = await staleApexFiles();
  assert.deepEqual(stale, [], `stale: ${stale.join(', ')}; run npm run contracts:apex`);
});

test('every shared fixture is in SettingsFixtures, with its expected paths', () => {
  const source = buildFixturesClass();
  const dir = join(REPOSITORY_ROOT, 'contracts', 'fixtures', 'settings');
  for (const kind of ['valid', 'invalid']) {
    for (const file of readdirSync(join(dir, kind)).filter((name) => !name.endsWith('.expected.json'))) {
      assert.ok(source.includes(apexString(file.replace(/\.json$/, ''))), `${kind}/${file} is missing`);
    }
  }
  assert.match(
    source,
    /fixture\('operator-not-for-boolean', '.*', new List<String>\{ 'users\.filter\.conditions\[0\]\.operator' \}\)/,
    'invalid fixtures carry their formatted paths'
  );
  const cases = JSON.parse(readFileSync(join(dir, 'risk', 'cases.json'), 'utf8')).cases as { name: string }[];
  for (const riskCase of cases) assert.ok(source.includes(apexString(riskCase.name)), riskCase.name);
});

test('Apex string literals survive quotes, backslashes and line breaks', () => {
  assert.equal(apexString(`O'Brien \\ "x"\n`), `'O\\'Brien \\\\ "x"\\n'`);
});

test('risk patches merge objects and replace arrays and values', () => {
  assert.deepEqual(applyPatch({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, d: null }), {
    a: { b: 1, c: [3] },
    d: null
  });
});
