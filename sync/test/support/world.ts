import { ManualClock } from '../../src/core/clock';
import {
  startSalesforceEmulator,
  type SalesforceEmulator,
  type SalesforceEmulatorOptions
} from '../../../emulators/salesforce';
import { startTalentLmsEmulator, type TalentLmsEmulator } from '../../../emulators/talentlms';
import { runCli } from '../../src/cli';
import type { RunSummary } from '../../src/core/runSummary';
import type { Phase } from '../../src/engine/phase';
import { defaultSettings, hashSettingsJson, serializeSettings, type Settings } from '../../src/settings';

/**
 * Both emulators on 127.0.0.1 with one clock, and the real CLI run in-process against them over HTTP.
 */
export const START = Date.UTC(2026, 0, 15, 9, 0, 0);
export const TL_KEY = 'runner-test-api-key-0123456789';

export interface World {
  clock: ManualClock;
  sf: SalesforceEmulator;
  tl: TalentLmsEmulator;
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startWorld(
  options: { salesforce?: SalesforceEmulatorOptions; settings?: Settings | null } = {}
): Promise<World> {
  const clock = new ManualClock(START, { autoAdvance: true });
  const sf = await startSalesforceEmulator({ clock, ...options.salesforce });
  const tl = await startTalentLmsEmulator({ clock, apiKey: TL_KEY, domain: 'acme.talentlms.com' });
  if (options.settings !== null) activateSettings(sf, options.settings ?? defaultSettings());
  const env = {
    TLMS_SF_INSTANCE_URL: sf.instanceUrl,
    TLMS_SF_CLIENT_ID: sf.clientId,
    TLMS_SF_CLIENT_SECRET: sf.clientSecret,
    TLMS_DOMAIN: tl.domain,
    TLMS_API_KEY: tl.apiKey,
    TLMS_BASE_URL: tl.baseUrl,
    TLMS_ALLOW_LOOPBACK: '1',
    TLMS_LOG_LEVEL: 'info'
  };
  return {
    clock,
    sf,
    tl,
    env,
    close: async () => {
      await Promise.all([sf.close(), tl.close()]);
    }
  };
}

/** Stores settings as the Setup tab would after an admin activated them. */
export function activateSettings(sf: SalesforceEmulator, settings: Settings, version = 1): void {
  const json = serializeSettings(settings);
  const existing = sf.store.all('ConnectorSettings__c');
  const fields = {
    ActiveJson__c: json,
    ActiveVersion__c: version,
    ActiveHash__c: hashSettingsJson(json),
    ActivatedAt__c: new Date(sf.clock.now()).toISOString()
  };
  if (existing.length > 0) sf.store.update('ConnectorSettings__c', [{ Id: existing[0].Id, ...fields }]);
  else sf.store.insert('ConnectorSettings__c', [{ Name: 'Settings', SettingsKey__c: 'default', ...fields }]);
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  summary: RunSummary | null;
}

export async function cli(
  world: World,
  args: string[],
  options: {
    env?: Record<string, string | undefined>;
    phases?: Phase[];
    cwd?: string;
    signal?: AbortSignal;
  } = {}
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const env = { ...world.env, ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const { exitCode, summary } = await runCli(args, {
    env,
    cwd: options.cwd ?? process.cwd(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    clock: world.clock,
    phases: options.phases ?? [],
    signal: options.signal
  });
  return { exitCode, stdout, stderr, summary };
}

/** Emulator counters since the last reset, as the runner should report them. */
export function counted(world: World): { salesforce: number; talentlms: number } {
  return { salesforce: world.sf.calls.snapshot().total, talentlms: world.tl.calls.snapshot().total };
}

export function resetCounters(world: World): void {
  world.sf.calls.reset();
  world.tl.calls.reset();
}
