import { spawn } from 'node:child_process';
import { bundleIsStale } from '../../preview/server/main';

/**
 * Builds the preview bundle (rollup, 15–40 s on a fresh clone) in a child process, so it runs while the
 * syncs run in this one: on two cores the demo reaches its dashboard sooner than building first would.
 * Resolves to false when the bundle was already up to date.
 */
export function buildPreviewInBackground(
  root: string,
  log: (line: string) => void
): { done: Promise<boolean>; cancel(): void } {
  if (!bundleIsStale(root)) return { done: Promise.resolve(false), cancel: () => undefined };
  log('building the dashboard preview (rollup) while the syncs run…');
  const rollup = require.resolve('rollup/dist/bin/rollup', { paths: [root] });
  const child = spawn(process.execPath, [rollup, '-c', '--silent'], {
    cwd: root,
    // The build's own output belongs on stderr: stdout may be the demo's one JSON line.
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const done = new Promise<boolean>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve(true);
      reject(
        new Error(
          `The preview build failed (${signal ?? `exit ${code}`}); run \`npm run preview:build\` to see why.\n${output.trim()}`
        )
      );
    });
  });
  return {
    done,
    cancel: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
  };
}
