import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { systemClock } from '../../sync/src/core/clock';
import type { RecordSource } from './data/recordSource';
import { RestRecordSource } from './data/restSource';
import { builtInFixture } from './fixture';
import { startInProcessOrg } from './inProcessOrg';
import { parsePersonaManifest, readPersonaManifest, type PersonaManifest } from './personas';
import { EmulatorStoreSource } from './data/storeSource';
import { startHarness } from '../../emulators/harness';
import type { SeedSize } from '../../emulators/seeds';
import { startPreviewServer } from './server';

/**
 * `npm run preview [-- --port N] [--seed demo|N] [--linked] [--fixture] [--ready <file>] [--manifest <file>] [--build] [--json]`
 * Serves the preview on 127.0.0.1:
 * - against running emulators: `--ready` names a file holding the harness's `--json` ready line (or set
 *   TLMS_SF_INSTANCE_URL, TLMS_SF_CLIENT_ID, TLMS_SF_CLIENT_SECRET, TLMS_SF_NAMESPACE and pass `--manifest`);
 * - otherwise both emulators start in this process with the seed (`--seed`, default demo; `--linked` for the
 *   state after a first sync), or with `--fixture` the Salesforce emulator alone holds the tiny built-in org.
 * The bundle is rebuilt first when it is missing or older than the sources (or with --build).
 */
const ROOT = resolve(__dirname, '../..');

interface Args {
  port: number;
  seed: SeedSize;
  linked: boolean;
  fixture: boolean;
  ready?: string;
  manifest?: string;
  build: boolean;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    port: Number(process.env.TLMS_PREVIEW_PORT ?? 4173),
    seed: 'demo',
    linked: false,
    fixture: false,
    build: false,
    json: false
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--port') args.port = Number(value());
    else if (arg === '--ready') args.ready = value();
    else if (arg === '--manifest') args.manifest = value();
    else if (arg === '--build') args.build = true;
    else if (arg === '--seed') {
      const seed = value();
      args.seed = seed === 'demo' ? 'demo' : Number(seed);
      if (args.seed !== 'demo' && !(Number.isInteger(args.seed) && args.seed > 0))
        throw new Error('--seed is demo or a positive number of people');
    } else if (arg === '--linked') args.linked = true;
    else if (arg === '--fixture') args.fixture = true;
    else if (arg === '--json') args.json = true;
    else
      throw new Error(
        `Unknown option ${arg}; usage: npm run preview -- [--port N] [--seed demo|N] [--linked] [--fixture] [--ready file] [--manifest file] [--build] [--json]`
      );
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535)
    throw new Error('--port must be 0..65535');
  return args;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestMtime(join(path, entry))),
    stat.mtimeMs
  );
}

/** Sources the bundle is built from; a newer one than the bundle means the preview would show stale code. */
export function bundleIsStale(root: string): boolean {
  const bundle = join(root, 'preview/dist/bundle.js');
  if (!existsSync(bundle)) return true;
  const sources = [
    'force-app/main/default/lwc',
    'force-app/main/default/labels',
    'preview/modules',
    'preview/runtime',
    'preview/app',
    'preview/build',
    'rollup.config.mjs'
  ];
  const newest = Math.max(...sources.map((path) => newestMtime(join(root, path))));
  return newest > statSync(bundle).mtimeMs;
}

export function buildBundle(root: string): void {
  const result = spawnSync('npx', ['--no-install', 'rollup', '-c', '--silent'], {
    cwd: root,
    stdio: ['ignore', 2, 2]
  });
  if (result.status !== 0) throw new Error('The preview build failed (see above); fix it and run again');
}

interface ReadyLine {
  salesforce: {
    instanceUrl: string;
    clientId: string;
    clientSecret: string;
    namespace?: string;
    apiVersion?: string;
  };
  seed?: { manifest?: string };
}

function readReadyLine(file: string): ReadyLine {
  const text = readFileSync(file, 'utf8');
  const line = text.split('\n').find((each) => each.trim().startsWith('{'));
  if (!line) throw new Error(`${file} holds no JSON ready line`);
  return JSON.parse(line) as ReadyLine;
}

interface Connection {
  source: RecordSource;
  manifest: PersonaManifest;
  namespace: string;
  close?: () => Promise<void>;
}

async function connect(args: Args): Promise<Connection> {
  if (args.ready) {
    const ready = readReadyLine(args.ready);
    const manifestFile =
      args.manifest ?? (ready.seed?.manifest ? resolve(dirname(args.ready), ready.seed.manifest) : undefined);
    if (!manifestFile)
      throw new Error(
        'The ready line names no seed manifest; pass --manifest emulators/seeds/<name>.manifest.json'
      );
    const namespace = ready.salesforce.namespace ?? 'tlms';
    return {
      source: new RestRecordSource({ ...ready.salesforce, namespace }),
      manifest: readPersonaManifest(manifestFile),
      namespace
    };
  }
  if (process.env.TLMS_SF_INSTANCE_URL) {
    if (!args.manifest)
      throw new Error('With TLMS_SF_INSTANCE_URL set, pass --manifest emulators/seeds/<name>.manifest.json');
    const namespace = process.env.TLMS_SF_NAMESPACE ?? 'tlms';
    const source = new RestRecordSource({
      instanceUrl: process.env.TLMS_SF_INSTANCE_URL,
      clientId: process.env.TLMS_SF_CLIENT_ID,
      clientSecret: process.env.TLMS_SF_CLIENT_SECRET,
      namespace
    });
    return { source, manifest: readPersonaManifest(args.manifest), namespace };
  }
  if (args.fixture) {
    // The tiny built-in org, inside the Salesforce emulator started in this process.
    const fixture = builtInFixture(systemClock.now());
    const { emulator, source } = await startInProcessOrg(fixture, { namespace: 'tlms' });
    return {
      source,
      manifest: fixture.manifest,
      namespace: emulator.namespace,
      close: () => emulator.close()
    };
  }
  // No running emulators: start both in this process with the seed (its manifest names the personas).
  const harness = await startHarness({ seed: args.seed, linked: args.linked, manifestDir: false });
  process.stderr.write(
    `preview: emulators started in-process with seed ${harness.seed.name}; control API ${harness.control?.url}\n`
  );
  return {
    source: new EmulatorStoreSource(harness.salesforce.store, harness.salesforce.namespace),
    manifest: parsePersonaManifest(harness.manifest, `seed ${harness.seed.name}`),
    namespace: harness.salesforce.namespace,
    close: () => harness.close()
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.build || bundleIsStale(ROOT)) {
    process.stderr.write('preview: building the bundle (npm run preview:build)…\n');
    buildBundle(ROOT);
  }
  const { source, manifest, namespace, close } = await connect(args);
  const server = await startPreviewServer({ root: ROOT, source, manifest, namespace, port: args.port });
  const summary = {
    url: server.url,
    source: source.description,
    personas: server.personas.map((p) => ({ key: p.key, name: p.name }))
  };
  if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  process.stderr.write(`preview: serving ${server.url}/ with ${source.description}\n`);
  process.stderr.write(
    `preview: personas ${summary.personas.map((p) => `${p.key} (${p.name})`).join(', ')}; switch in the header or add ?as=<persona>\n`
  );
  const stop = () => {
    server
      .close()
      .then(() => close?.())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`preview: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
