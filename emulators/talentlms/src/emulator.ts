import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type Clock, systemClock } from '../../../sync/src/core/clock';
import { CallCounter } from '../../shared/calls';
import { FaultInjector, seededRandom } from '../../shared/faults';
import type { EmulatorContext } from './context';
import { EventLog } from './domain/events';
import { RateLimiter } from './http/rateLimit';
import { handleRequest } from './http/server';
import {
  type EmulatorSettings,
  type PlanOptions,
  type PortalOptions,
  type QuirkOptions,
  type TalentLmsEmulatorOptions,
  resolvePlan,
  resolvePortal,
  resolveQuirks
} from './options';
import { LearningSimulator } from './simulator';
import { TalentLmsState } from './state/store';

export interface TalentLmsEmulator {
  /** Origin only (`http://127.0.0.1:<port>`): exactly the value a client uses as TLMS_BASE_URL. */
  readonly baseUrl: string;
  readonly domain: string;
  readonly apiKey: string;
  readonly state: TalentLmsState;
  readonly simulator: LearningSimulator;
  readonly calls: CallCounter;
  readonly faults: FaultInjector;
  readonly clock: Clock;
  readonly rateLimiter: RateLimiter;
  /** Live settings (plan, portal modes, quirks, API switches); change them through `configure`. */
  readonly settings: EmulatorSettings;
  configure(change: {
    plan?: Partial<PlanOptions>;
    portal?: PortalOptions;
    quirks?: QuirkOptions;
    rateLimitStatus?: number;
    apiEnabled?: boolean;
    domainActive?: boolean;
  }): void;
  /** The last unexpected handler error answered as a 500 (a bug in the emulator), for test diagnostics. */
  readonly lastInternalError: unknown;
  close(): Promise<void>;
}

function seedOwner(state: TalentLmsState, domain: string): void {
  state.addUser({
    id: '1',
    login: 'admin',
    email: `admin@${domain.replace(/\.talentlms\.com$/, '')}.example.com`,
    first_name: 'Portal',
    last_name: 'Owner',
    user_type: 'SuperAdmin',
    password: randomBytes(12).toString('hex')
  });
}

/** Starts the TalentLMS v1 emulator on an ephemeral loopback port (README.md explains every option). */
export async function startTalentLmsEmulator(
  options: TalentLmsEmulatorOptions = {}
): Promise<TalentLmsEmulator> {
  const clock = options.clock ?? systemClock;
  const random = seededRandom(options.randomSeed ?? 1);
  const settings: EmulatorSettings = {
    domain: options.domain ?? 'acme.talentlms.com',
    apiKey: options.apiKey ?? randomBytes(15).toString('base64url').slice(0, 30),
    plan: resolvePlan(options.plan),
    portal: resolvePortal(options.portal),
    quirks: resolveQuirks(options.quirks),
    rateLimitStatus: options.rateLimitStatus ?? 429,
    apiEnabled: true,
    domainActive: true
  };
  const state = new TalentLmsState(clock, settings, random);
  if (options.seedSuperAdmin ?? true) seedOwner(state, settings.domain);
  const rateLimiter = new RateLimiter(clock, settings);
  const ctx: EmulatorContext = {
    state,
    settings,
    clock,
    random,
    events: new EventLog(state, settings),
    rateLimiter
  };
  const calls = new CallCounter();
  const faults = new FaultInjector(options.randomSeed ?? 1);
  const heldSockets = new Set<Socket>();
  let lastInternalError: unknown;

  const deps = {
    ctx,
    calls,
    faults,
    heldSockets,
    onInternalError: (error: unknown) => (lastInternalError = error)
  };
  const server = createServer((req, res) => {
    void handleRequest(deps, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    baseUrl: `http://${host}:${address.port}`,
    domain: settings.domain,
    apiKey: settings.apiKey,
    state,
    simulator: new LearningSimulator(ctx),
    calls,
    faults,
    clock,
    rateLimiter,
    settings,
    get lastInternalError() {
      return lastInternalError;
    },
    configure(change) {
      if (change.plan) settings.plan = { ...settings.plan, ...change.plan };
      if (change.portal) settings.portal = { ...settings.portal, ...resolvePortalPatch(change.portal) };
      if (change.quirks) settings.quirks = { ...settings.quirks, ...definedOnly(change.quirks) };
      if (change.rateLimitStatus !== undefined) settings.rateLimitStatus = change.rateLimitStatus;
      if (change.apiEnabled !== undefined) settings.apiEnabled = change.apiEnabled;
      if (change.domainActive !== undefined) settings.domainActive = change.domainActive;
    },
    async close() {
      for (const socket of heldSockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function resolvePortalPatch(patch: PortalOptions): Partial<EmulatorSettings['portal']> {
  return definedOnly(patch) as Partial<EmulatorSettings['portal']>;
}
