/**
 * `npm run demo`: both emulators on 127.0.0.1, active settings in the org, then the real `tlms-sync run`
 * against them over HTTP, printing the run summary. The emulator harness (seeded demo world) and the
 * preview extend this script; until the seed loader lands the org and portal start empty.
 * `npm run demo -- --json` prints the JSON summary instead.
 */
import { startSalesforceEmulator } from '../emulators/salesforce';
import { startTalentLmsEmulator } from '../emulators/talentlms';
import { runCli } from '../sync/src/cli';
import { defaultSettings, hashSettingsJson, serializeSettings } from '../sync/src/settings';

async function main(): Promise<number> {
  const salesforce = await startSalesforceEmulator();
  const talentlms = await startTalentLmsEmulator({ domain: 'acme.talentlms.com' });
  try {
    const json = serializeSettings(defaultSettings());
    salesforce.store.insert('ConnectorSettings__c', [
      {
        Name: 'Settings',
        SettingsKey__c: 'default',
        ActiveJson__c: json,
        ActiveVersion__c: 1,
        ActiveHash__c: hashSettingsJson(json)
      }
    ]);
    process.stderr.write(
      `Salesforce emulator ${salesforce.instanceUrl} (org ${salesforce.organizationId}), TalentLMS emulator ${talentlms.baseUrl}\n`
    );
    const args = ['run', ...process.argv.slice(2).filter((arg) => arg === '--json')];
    const { exitCode } = await runCli(args, {
      env: {
        TLMS_SF_INSTANCE_URL: salesforce.instanceUrl,
        TLMS_SF_CLIENT_ID: salesforce.clientId,
        TLMS_SF_CLIENT_SECRET: salesforce.clientSecret,
        TLMS_DOMAIN: talentlms.domain,
        TLMS_API_KEY: talentlms.apiKey,
        TLMS_BASE_URL: talentlms.baseUrl,
        TLMS_ALLOW_LOOPBACK: '1',
        TLMS_LOG_LEVEL: process.env.TLMS_LOG_LEVEL ?? 'warn'
      },
      cwd: process.cwd(),
      stdout: process.stdout,
      stderr: process.stderr
    });
    return exitCode;
  } finally {
    await Promise.all([salesforce.close(), talentlms.close()]);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  }
);
