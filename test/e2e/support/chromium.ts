import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core (which never downloads a browser). When it is missing the
 * suite installs it with apt if it runs as root, and otherwise stops with the command to run.
 */
export const CHROMIUM = process.env.TLMS_CHROMIUM ?? '/usr/bin/chromium';
export const RESULTS_DIR = resolve(__dirname, '../../../test-results');

// Without the background-networking flags Chromium keeps dialling Google on this closed network.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const command = 'apt-get update && apt-get install -y chromium';
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}; install it with: sudo sh -c '${command}'`);
  }
  process.stderr.write(`e2e: ${CHROMIUM} is missing; running ${command}\n`);
  const result = spawnSync('sh', ['-c', command], {
    stdio: ['ignore', 2, 2],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  });
  if (result.status !== 0 || !existsSync(CHROMIUM)) {
    throw new Error(`Installing Chromium failed (exit ${result.status}); run as root: ${command}`);
  }
  return CHROMIUM;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile every launch, so no state leaks between runs. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = ensureChromium();
  const profile = mkdtempSync(join(tmpdir(), 'tlms-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 }
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  };
}

export function screenshotPath(name: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return join(RESULTS_DIR, `${name}.png`);
}
