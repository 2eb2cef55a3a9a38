import { performance } from 'node:perf_hooks';
import { ManualClock, type Clock } from '../sync/src/core/clock';
import { startControlServer, type ControlServer } from './control/server';
import { SalesforceReset } from './control/reset';
import { startSalesforceEmulator, type SalesforceEmulator } from './salesforce';
import {
  buildManifest,
  loadSalesforceWorld,
  loadTalentLmsWorld,
  prepareSeed,
  writeManifest,
  type PreparedSeed,
  type SeedManifest,
  type SeedSize
} from './seeds';
import type { SeedWorld } from './seeds/world/types';
import {
  startTalentLmsEmulator,
  type PlanOptions,
  type PortalOptions,
  type TalentLmsEmulator
} from './talentlms';

/**
 * Both emulators on one clock, loaded with a seed, plus the control API: the one call runner tests, the demo,
 * the benchmarks and `emulators/cli.ts` start everything with (emulators/README.md).
 */
export interface HarnessOptions {
  /** `demo` (default) or a population size N. */
  seed?: SeedSize;
  /** The state after a completed first sync. */
  linked?: boolean;
  randomSeed?: number;
  /**
   * The shared clock. Default: a ManualClock starting at the world's start that follows the system clock, so
   * real time passes and the control API can jump ahead. Tests pass `new ManualClock(start, {autoAdvance})`.
   */
  clock?: Clock;
  /** TalentLMS plan (default Core: 2,000 calls an hour, 200 per 5 s). */
  talentlmsPlan?: PlanOptions;
  /** TalentLMS portal modes (signup creates inactive users, strong passwords …); branchLimit defaults to the seed's. */
  portal?: PortalOptions;
  /** Latency per metered call on the shared clock, as fault rules (benchmarks: 50 ms Salesforce, 100 ms TalentLMS). */
  latency?: { salesforceMs?: number; talentlmsMs?: number; jitterMs?: number };
  /** Salesforce daily API request allowance (default 15,000). */
  dailyRequestLimit?: number;
  /** Start the control API (default true). */
  control?: boolean;
  /**
   * Fixed ports, so the ready line is predictable: control API on P, TalentLMS on P+1, Salesforce's My Domain on
   * P+2 and its login.salesforce.com stand-in on P+3. 0 = ephemeral ports (default).
   */
  portBase?: number;
  /** Where `<name>.manifest.json` goes (default emulators/seeds); false writes none. */
  manifestDir?: string | false;
  /** Log lines (the CLI sends them to stderr); default silent. */
  log?: (line: string) => void;
}

export interface HarnessEnv {
  TLMS_SF_INSTANCE_URL: string;
  TLMS_SF_CLIENT_ID: string;
  TLMS_SF_CLIENT_SECRET: string;
  TLMS_DOMAIN: string;
  TLMS_API_KEY: string;
  TLMS_BASE_URL: string;
  TLMS_ALLOW_LOOPBACK: '1';
}

export interface Harness {
  salesforce: SalesforceEmulator;
  talentlms: TalentLmsEmulator;
  clock: Clock;
  /** The control API, or null when started with `control: false`. */
  control: { url: string } | null;
  seed: PreparedSeed;
  world: SeedWorld;
  manifest: SeedManifest;
  /** Absolute path of the written manifest, or null. */
  manifestPath: string | null;
  /** The runner's environment for these emulators. */
  env: HarnessEnv;
  /** Milliseconds from start to ready (generation + loading + listening). */
  startupMs: number;
  /** Records per object loaded into each side. */
  loaded: { salesforce: Record<string, number>; talentlms: Record<string, number> };
  /** Reloads the seed on both sides and clears counters, faults, quota and token state (the clock stays). */
  reset(): void;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const seed = prepareSeed({
    seed: options.seed ?? 'demo',
    linked: options.linked,
    randomSeed: options.randomSeed
  });
  const { world } = seed;
  log(
    `seed ${seed.name}: ${seed.people} Salesforce people, ${world.talentlms.users.length} TalentLMS users generated`
  );
  const clock = options.clock ?? new ManualClock(world.now, { followSystem: true });

  const salesforce = await startSalesforceEmulator({
    clock,
    organizationId: world.salesforce.organization.Id,
    organizationName: world.salesforce.organization.Name,
    isSandbox: world.salesforce.organization.IsSandbox,
    // Client id/secret and the TalentLMS API key are generated per start (the emulators' defaults).
    dailyRequestLimit: options.dailyRequestLimit,
    port: options.portBase ? options.portBase + 2 : 0,
    loginPort: options.portBase ? options.portBase + 3 : 0
  });
  let talentlms: TalentLmsEmulator;
  try {
    talentlms = await startTalentLmsEmulator({
      clock,
      domain: world.talentlms.domain,
      plan: options.talentlmsPlan,
      portal: options.portal,
      randomSeed: world.randomSeed,
      seedSuperAdmin: false,
      port: options.portBase ? options.portBase + 1 : 0
    });
  } catch (error) {
    await salesforce.close();
    throw error;
  }
  const baseline = SalesforceReset.capture(salesforce);
  const initialTalentLms = {
    plan: { ...talentlms.settings.plan },
    portal: { ...talentlms.settings.portal },
    quirks: { ...talentlms.settings.quirks }
  };
  const loaded = { salesforce: {}, talentlms: {} } as Harness['loaded'];
  const load = () => {
    loaded.salesforce = loadSalesforceWorld(salesforce, world, seed.settings, seed.linked);
    loaded.talentlms = loadTalentLmsWorld(talentlms, world);
    // The seed sets the branch limit just above the account count unless the caller chose one.
    if (options.portal?.branchLimit !== undefined)
      talentlms.configure({ portal: { branchLimit: options.portal.branchLimit } });
  };
  const addLatency = () => {
    const jitterMs = options.latency?.jitterMs;
    if (options.latency?.salesforceMs)
      salesforce.faults.add({ kind: 'latency', ms: options.latency.salesforceMs, jitterMs });
    if (options.latency?.talentlmsMs)
      talentlms.faults.add({ kind: 'latency', ms: options.latency.talentlmsMs, jitterMs });
  };
  let control: ControlServer | null = null;
  try {
    load();
    addLatency();
    log(
      `loaded Salesforce ${JSON.stringify(loaded.salesforce)}; TalentLMS ${JSON.stringify(loaded.talentlms)}`
    );
  } catch (error) {
    await Promise.all([salesforce.close(), talentlms.close()]);
    throw error;
  }

  const manifest = buildManifest(seed, {
    organizationId: salesforce.organizationId,
    runAsUserId: salesforce.runAsUserId,
    namespace: salesforce.namespace
  });
  const manifestPath = options.manifestDir === false ? null : writeManifest(manifest, options.manifestDir);
  const env: HarnessEnv = {
    TLMS_SF_INSTANCE_URL: salesforce.instanceUrl,
    TLMS_SF_CLIENT_ID: salesforce.clientId,
    TLMS_SF_CLIENT_SECRET: salesforce.clientSecret,
    TLMS_DOMAIN: talentlms.domain,
    TLMS_API_KEY: talentlms.apiKey,
    TLMS_BASE_URL: talentlms.baseUrl,
    TLMS_ALLOW_LOOPBACK: '1'
  };

  const harness: Harness = {
    salesforce,
    talentlms,
    clock,
    control: null,
    seed,
    world,
    manifest,
    manifestPath,
    env,
    startupMs: 0,
    loaded,
    reset() {
      baseline.restore(salesforce);
      talentlms.state.clear();
      talentlms.configure({ ...initialTalentLms, apiEnabled: true, domainActive: true });
      talentlms.rateLimiter.reset();
      for (const side of [salesforce, talentlms]) {
        side.faults.clear();
        side.calls.reset();
      }
      load();
      addLatency();
      log(`state reset to seed ${seed.name}`);
    },
    async close() {
      await Promise.all([control?.close(), salesforce.close(), talentlms.close()]);
    }
  };
  if (options.control !== false) {
    try {
      control = await startControlServer(harness, { port: options.portBase ?? 0 });
    } catch (error) {
      await harness.close();
      throw error;
    }
    harness.control = { url: control.url };
  }
  harness.startupMs = Math.round(performance.now() - started);
  return harness;
}
