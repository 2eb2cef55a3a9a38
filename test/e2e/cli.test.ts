import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { ROOT, ensureBundle } from './support/preview';

// `npm run preview` itself: started as a child process on an ephemeral port, it prints one JSON line on stdout
// (with --json), serves the page and the backend on 127.0.0.1, and stops cleanly on SIGTERM.
describe('npm run preview', { timeout: 240_000 }, () => {
  it('serves the demo seed on 127.0.0.1 and exits 0 on SIGTERM', async () => {
    ensureBundle();
    const child = spawn(
      process.execPath,
      ['--require', 'ts-node/register', 'preview/server/main.ts', '--port', '0', '--json'],
      {
        cwd: ROOT,
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', TLMS_SF_INSTANCE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    try {
      const lines = createInterface({ input: child.stdout });
      const [first] = (await once(lines, 'line')) as [string];
      const ready = JSON.parse(first) as { url: string; personas: { key: string; name: string }[] };
      assert.match(ready.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.deepEqual(
        ready.personas.map((persona) => persona.key),
        ['learner', 'manager', 'skipLevelManager', 'admin']
      );
      const html = await (await fetch(`${ready.url}/`)).text();
      assert.match(html, /<script type="module" src="\/bundle.js">/);
      assert.equal((await fetch(`${ready.url}/bundle.js`)).status, 200);
      assert.equal(
        (await fetch(`${ready.url}/assets/styles/salesforce-lightning-design-system.min.css`)).status,
        200
      );
      assert.match(stderr, /seed demo/);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0, stderr);
  });
});
