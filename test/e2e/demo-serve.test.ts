import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { ROOT, ensureBundle } from './support/preview';

interface ServedLine {
  schemaVersion: number;
  seed: string;
  runs: { exitCode: number }[];
  preview: { url: string; pages: { page: string; persona: string; url: string }[] };
}

// `npm run demo` as it is meant to be used: the two runs, then the preview served on 127.0.0.1 until a signal.
// With --json the one stdout line comes once the preview is up and names every page's link.
describe('npm run demo (serving)', { timeout: 300_000 }, () => {
  it('serves every page of the app after two successful runs, prints the links, and exits 0 on SIGTERM', async () => {
    ensureBundle();
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TLMS_')));
    const child = spawn(
      process.execPath,
      ['--require', 'ts-node/register', 'scripts/demo.ts', '--json', '--port', '0'],
      { cwd: ROOT, env: { ...env, TS_NODE_TRANSPILE_ONLY: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] }
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    try {
      const [first] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const served = JSON.parse(first) as ServedLine;
      assert.equal(served.seed, 'demo');
      assert.deepEqual(
        served.runs.map((run) => run.exitCode),
        [0, 0]
      );
      assert.match(served.preview.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.deepEqual(
        served.preview.pages.map((page) => page.page.split(':')[0]),
        [
          'My Learning',
          'Team Members',
          'Team Members (skip level)',
          'Account Learning Activity',
          'Contact Learning Activity',
          'Setup',
          'Sync Health'
        ]
      );
      for (const page of served.preview.pages) assert.ok(page.url.startsWith(`${served.preview.url}/?as=`));
      const html = await (await fetch(`${served.preview.url}/`)).text();
      assert.match(html, /<script type="module" src="\/bundle.js">/);
      // The backend answers as the learner from what the runs wrote.
      const learnerPage = served.preview.pages.find((page) => page.persona === 'learner');
      assert.ok(learnerPage);
      const answer = await fetch(`${served.preview.url}/api/apex/MyLearningController/getMyLearning`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-preview-user': demoManifest().personas.learner },
        body: '{}'
      });
      assert.equal(answer.status, 200);
      const learning = (await answer.json()) as { isSynced: boolean; courses: unknown[] };
      assert.equal(learning.isSynced, true, 'the first run linked the learner');
      assert.ok(learning.courses.length > 0, 'and brought their courses back');
      assert.match(stderr, /Dashboards ready \d+ s after the command started/);
      assert.match(stderr, new RegExp(`as .+ \\(learner\\)\\n\\s+${escape(learnerPage.url)}`));
      assert.match(stderr, /curl -s -XPOST http:\/\/127\.0\.0\.1:\d+\/simulator -d '\{"action":"complete"/);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0, stderr.slice(-2000));
  });
});

/** The committed demo seed manifest: the personas' Salesforce ids. */
function demoManifest(): { personas: { learner: string } } {
  return JSON.parse(readFileSync(join(ROOT, 'emulators/seeds/demo.manifest.json'), 'utf8'));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
