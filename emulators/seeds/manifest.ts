import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { portalIdOf } from '../../sync/src/core/keys';
import { hashSettingsJson, serializeSettings } from '../../sync/src/settings';
import { computeCoverage, type Coverage } from './coverage';
import type { PreparedSeed } from './index';

/**
 * `emulators/seeds/<name>.manifest.json`: who is who in a seed, for the preview's persona switcher, tests and
 * benchmarks. Deterministic for a (seed, linked, randomSeed): no ports, credentials or start times, so the demo
 * manifest can be committed. Readers ignore keys they do not know (contracts/README.md).
 */
export interface SeedManifest {
  schemaVersion: 1;
  name: string;
  randomSeed: number;
  linked: boolean;
  /** Simulated start of the world (the harness clock starts here), ISO-8601 UTC. */
  worldStart: string;
  people: number;
  salesforce: { organizationId: string; runAsUserId: string; namespace: string };
  talentlms: { domain: string; portalId: string; superAdminUserId: string };
  /** Salesforce ids: User ids for people personas, record ids for account and contact. */
  personas: {
    learner: string;
    manager: string;
    skipLevelManager: string;
    admin: string;
    integrationUser: string;
    bigTeamManager: string;
    account: string;
    bigAccount: string;
    contact: string;
  };
  /** TalentLMS user ids of the personas that have one (null otherwise), and a sample course. */
  talentlmsPersonas: {
    learner: string | null;
    manager: string | null;
    contact: string | null;
    courseId: string;
  };
  settings: { activeVersion: number; activeHash: string };
  coverage: Coverage;
}

export function buildManifest(
  seed: PreparedSeed,
  emulator: { organizationId: string; runAsUserId: string; namespace: string }
): SeedManifest {
  const { world } = seed;
  const tlUserOf = (salesforceId: string): string | null => {
    const learner = seed.linked?.learners.find((l) => l.person.id === salesforceId);
    if (learner) return (learner.record.TalentLmsUserId__c as string | undefined) ?? null;
    return world.talentlms.users.find((u) => u.salesforceId === salesforceId && !u.deleted)?.id ?? null;
  };
  const superAdmin = world.talentlms.users.find((u) => u.userType === 'SuperAdmin');
  return {
    schemaVersion: 1,
    name: seed.name,
    randomSeed: world.randomSeed,
    linked: seed.linked !== undefined,
    worldStart: new Date(world.now).toISOString(),
    people: seed.people,
    salesforce: emulator,
    talentlms: {
      domain: world.talentlms.domain,
      portalId: portalIdOf(world.talentlms.domain),
      superAdminUserId: superAdmin?.id ?? ''
    },
    personas: {
      learner: world.personas.learner,
      manager: world.personas.manager,
      skipLevelManager: world.personas.skipLevelManager,
      admin: world.personas.admin,
      integrationUser: emulator.runAsUserId,
      bigTeamManager: world.personas.bigTeamManager,
      account: world.personas.account,
      bigAccount: world.personas.bigAccount,
      contact: world.personas.contact
    },
    talentlmsPersonas: {
      learner: tlUserOf(world.personas.learner),
      manager: tlUserOf(world.personas.manager),
      contact: tlUserOf(world.personas.contact),
      courseId: world.talentlms.courses.find((c) => !c.deleted)?.id ?? '1'
    },
    settings: { activeVersion: 1, activeHash: hashSettingsJson(serializeSettings(seed.settings)) },
    coverage: computeCoverage(world, seed.settings, seed.linked)
  };
}

export const SEEDS_DIR = __dirname;

/** Writes `<dir>/<name>.manifest.json` (only when the content changed) and returns its absolute path. */
export function writeManifest(manifest: SeedManifest, dir: string = SEEDS_DIR): string {
  const file = join(dir, `${manifest.name}.manifest.json`);
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  return file;
}
