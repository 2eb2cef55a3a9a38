import { ManualClock } from '../../src/core/clock';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../../emulators/salesforce';
import {
  startTalentLmsEmulator,
  type PlanOptions,
  type PortalOptions,
  type TalentLmsEmulator
} from '../../../emulators/talentlms';
import { provisionPhase } from '../../src/engine/provision/phase';
import { defaultSettings, type Settings } from '../../src/settings';
import { activateSettings, cli, type CliResult, START, TL_KEY, type World } from './world';

/**
 * Provisioning tests: both emulators on 127.0.0.1 with one auto-advancing clock, seeded by hand, and the real
 * CLI run in-process with the provisioning phase.
 */
export interface ProvisionWorldOptions {
  settings?: Settings;
  portal?: PortalOptions;
  plan?: PlanOptions;
  fetchImpl?: typeof fetch;
}

export async function startProvisionWorld(options: ProvisionWorldOptions = {}): Promise<World> {
  const clock = new ManualClock(START, { autoAdvance: true });
  const sf = await startSalesforceEmulator({ clock });
  const tl = await startTalentLmsEmulator({
    clock,
    apiKey: TL_KEY,
    domain: 'acme.talentlms.com',
    portal: options.portal,
    plan: options.plan ?? { hourlyLimit: 10_000 }
  });
  activateSettings(sf, options.settings ?? defaultSettings());
  const env = {
    TLMS_SF_INSTANCE_URL: sf.instanceUrl,
    TLMS_SF_CLIENT_ID: sf.clientId,
    TLMS_SF_CLIENT_SECRET: sf.clientSecret,
    TLMS_DOMAIN: tl.domain,
    TLMS_API_KEY: tl.apiKey,
    TLMS_BASE_URL: tl.baseUrl,
    TLMS_ALLOW_LOOPBACK: '1',
    TLMS_LOG_LEVEL: 'warn'
  };
  return { clock, sf, tl, env, close: async () => void (await Promise.all([sf.close(), tl.close()])) };
}

export function settingsWith(patch: (s: Settings) => void): Settings {
  const settings = defaultSettings();
  patch(settings);
  return settings;
}

export async function provision(
  world: World,
  args: string[] = ['run', '--json'],
  env: Record<string, string> = {}
): Promise<CliResult> {
  return cli(world, args, { phases: [provisionPhase()], env });
}

let seq = 0;

export function addUsers(
  sf: SalesforceEmulator,
  count: number,
  fields: (i: number) => Record<string, unknown> = () => ({})
): string[] {
  const records = Array.from({ length: count }, (_, i) => {
    seq += 1;
    return {
      FirstName: `User${i}`,
      LastName: `Person${seq}`,
      Email: `user${seq}@example.com`,
      Username: `user${seq}@example.com.org`,
      Alias: `u${seq}`.slice(0, 8),
      IsActive: true,
      ...fields(i)
    };
  });
  return sf.store.insert('User', records);
}

export function addContacts(
  sf: SalesforceEmulator,
  count: number,
  fields: (i: number) => Record<string, unknown> = () => ({})
): string[] {
  const records = Array.from({ length: count }, (_, i) => {
    seq += 1;
    return {
      FirstName: `Contact${i}`,
      LastName: `Person${seq}`,
      Email: `contact${seq}@example.com`,
      ...fields(i)
    };
  });
  return sf.store.insert('Contact', records);
}

/** Learner__c rows by Salesforce Id (unprefixed field names as the emulator stores them). */
export function learners(sf: SalesforceEmulator): Map<string, Record<string, unknown>> {
  const rows = sf.store.all('Learner__c');
  return new Map(rows.map((r) => [String(r.tlms__SalesforceId__c ?? r.SalesforceId__c), r]));
}

export function field(row: Record<string, unknown> | undefined, name: string): unknown {
  if (!row) return undefined;
  return row[`tlms__${name}`] ?? row[name];
}

/** Live (not deleted) TalentLMS users other than the portal owner. */
export function tlUsers(tl: TalentLmsEmulator) {
  return [...tl.state.users.values()].filter((u) => !u.deleted && u.user_type !== 'SuperAdmin');
}

/** TalentLMS calls that change something. */
export const WRITE_ENDPOINTS = [
  'usersignup',
  'edituser',
  'usersetstatus',
  'addusertogroup',
  'removeuserfromgroup',
  'addusertobranch',
  'removeuserfrombranch',
  'creategroup',
  'createbranch'
];

export function writeCalls(tl: TalentLmsEmulator): number {
  const byRoute = tl.calls.snapshot().byRoute as Record<string, number>;
  return Object.entries(byRoute)
    .filter(([route]) => WRITE_ENDPOINTS.some((w) => route.toLowerCase().includes(w)))
    .reduce((sum, [, n]) => sum + n, 0);
}
