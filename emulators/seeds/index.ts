import type { Settings } from '../../sync/src/settings';
import { linkWorld, type LinkedState } from './linked';
import { seedSettings } from './settings';
import { generateWorld } from './world/generate';
import type { SeedWorld } from './world/types';

export { loadSalesforceWorld, type LoadCounts } from './load/salesforce';
export { loadTalentLmsWorld } from './load/talentlms';
export { seedSettings, connectorSettingsRecord } from './settings';
export { computeCoverage, type Coverage } from './coverage';
export { buildManifest, writeManifest, type SeedManifest } from './manifest';
export type { LinkedState } from './linked';
export type { SeedWorld } from './world/types';

export type SeedSize = 'demo' | number;

export const DEFAULT_RANDOM_SEED = 42;

export interface SeedOptions {
  /** `demo` (≤ 300 people with personas) or a population size N (half Users, half Contacts). */
  seed: SeedSize;
  /** The state after a completed first sync (Learner rows, matching TalentLMS users, learning on both sides). */
  linked?: boolean;
  /** Same value, same world. Default 42. */
  randomSeed?: number;
  /** Start of the simulated world (epoch ms). */
  now?: number;
}

export interface PreparedSeed {
  /** The manifest's file name (seedName). */
  name: string;
  world: SeedWorld;
  settings: Settings;
  linked?: LinkedState;
  /** Salesforce people (Users + Contacts, including the edge cases). */
  people: number;
}

/** Parses `demo` or a positive whole number, as `--seed` takes it. */
export function parseSeedSize(value: string): SeedSize {
  if (value === 'demo') return 'demo';
  if (/^[1-9][0-9]*$/.test(value) && Number(value) <= 1_000_000) return Number(value);
  throw new Error(`--seed takes "demo" or a whole number of people from 1 to 1000000, not "${value}"`);
}

/** `demo`, `demo-linked`, `15000-linked`, `demo-r7` (a random seed other than the default 42) … */
export function seedName(seed: SeedSize, linked: boolean, randomSeed = DEFAULT_RANDOM_SEED): string {
  const random = randomSeed === DEFAULT_RANDOM_SEED ? '' : `-r${randomSeed}`;
  return `${seed === 'demo' ? 'demo' : String(seed)}${linked ? '-linked' : ''}${random}`;
}

/** Builds the world (and, for a linked seed, the first sync's state) without any emulator. */
export function prepareSeed(options: SeedOptions): PreparedSeed {
  const linked = options.linked === true;
  const world = generateWorld({
    size: options.seed,
    randomSeed: options.randomSeed ?? DEFAULT_RANDOM_SEED,
    now: options.now,
    // A linked seed: everyone in scope already has a TalentLMS account (the first sync created or adopted it).
    ...(linked ? { existingShare: 1 } : {})
  });
  const settings = seedSettings();
  const state = linked ? linkWorld(world, settings, world.salesforce.organization.Id) : undefined;
  return {
    name: seedName(options.seed, linked, options.randomSeed),
    world,
    settings,
    linked: state,
    people: world.salesforce.users.length + world.salesforce.contacts.length
  };
}
