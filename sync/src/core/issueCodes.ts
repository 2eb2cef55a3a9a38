/**
 * Every code the runner reports, with what it means and what to do. Codes are stable identifiers: they are
 * stored on SyncRun__c.ErrorCode__c and SyncIssue__c.Code__c, shown in the Sync Health tab and exported to
 * docs/issue-codes.md (`npm run docs:issue-codes`; a test fails when the file is stale).
 *
 * - `run`: stops a run (or refuses to start one); reported as `error` in the run summary.
 * - `record`: one person or record failed; upserted as a SyncIssue__c and the run goes on.
 *   Codes marked `attention` need a person's decision or record something the runner handled (a merged
 *   Contact, an unseen status): they are issues an admin sees, but not failures, so the run still succeeds.
 * Parts that add behaviour add their codes here.
 */
export type IssueCategory = 'run' | 'record';

export interface IssueCodeInfo {
  category: IssueCategory;
  /** One line: what happened. */
  title: string;
  /** What to do about it (≤ 255 characters: it is stored on SyncIssue__c.Hint__c). */
  hint: string;
  /** For `run` codes: the process exit code. */
  exitCode?: number;
  /** For `record` codes: shown to admins, but not a failure (the run's status stays succeeded). */
  attention?: boolean;
}

const run = (exitCode: number, title: string, hint: string): IssueCodeInfo => ({
  category: 'run',
  exitCode,
  title,
  hint
});
const record = (title: string, hint: string): IssueCodeInfo => ({ category: 'record', title, hint });
const attention = (title: string, hint: string): IssueCodeInfo => ({
  category: 'record',
  attention: true,
  title,
  hint
});

const MY_DOMAIN_HINT =
  'Use your My Domain URL: in Salesforce Setup → My Domain ("Current My Domain URL"), or `sf org display` → instanceUrl, e.g. https://acme.my.salesforce.com';

export const ISSUE_CODES = {
  // Configuration and connection (exit 2)
  USAGE_INVALID: run(
    2,
    'The command line is not valid',
    'Run `tlms-sync --help` for the commands and options.'
  ),
  CONFIG_INVALID: run(
    2,
    'The configuration is missing or invalid',
    'Set the variables the message lists (docs/cli.md "Configuration"), in the environment or the config file.'
  ),
  CONFIG_FILE_NOT_FOUND: run(
    2,
    'The configuration file does not exist',
    'Check the path given with --config or TLMS_CONFIG_FILE.'
  ),
  CONFIG_FILE_UNREADABLE: run(
    2,
    'The configuration file is not a JSON object',
    'The file holds one JSON object whose keys are the TLMS_* variable names (docs/cli.md).'
  ),
  CONFIG_FILE_PERMISSIONS: run(
    2,
    'The configuration file can be read by other users',
    'It holds secrets: restrict it to its owner with `chmod 600 <file>`.'
  ),
  SF_INSTANCE_URL_INVALID: run(2, 'TLMS_SF_INSTANCE_URL is not a URL', MY_DOMAIN_HINT),
  SF_INSTANCE_URL_LOGIN_HOST: run(
    2,
    'TLMS_SF_INSTANCE_URL is login.salesforce.com or test.salesforce.com',
    `The client-credentials flow only works on My Domain. ${MY_DOMAIN_HINT}`
  ),
  SF_INSTANCE_URL_NOT_MY_DOMAIN: run(2, 'TLMS_SF_INSTANCE_URL is not a My Domain URL', MY_DOMAIN_HINT),
  SF_INSTANCE_URL_INSECURE: run(
    2,
    'TLMS_SF_INSTANCE_URL does not use https',
    'Use https://. Plain http is accepted only for 127.0.0.1/localhost with TLMS_ALLOW_LOOPBACK=1 (emulators).'
  ),
  TALENTLMS_URL_INVALID: run(
    2,
    'TLMS_DOMAIN or TLMS_BASE_URL is not valid',
    'TLMS_DOMAIN is your portal host, e.g. acme.talentlms.com; TLMS_BASE_URL is only for emulators.'
  ),
  TALENTLMS_URL_INSECURE: run(
    2,
    'The TalentLMS URL does not use https',
    'TalentLMS requires https. Plain http is accepted only for 127.0.0.1/localhost with TLMS_ALLOW_LOOPBACK=1.'
  ),
  SF_AUTH_INVALID_CLIENT: run(
    2,
    'Salesforce refused the consumer key or secret',
    'Copy the consumer key and secret again from the External Client App (Settings → OAuth Settings → Consumer Key and Secret).'
  ),
  SF_AUTH_WRONG_DOMAIN: run(
    2,
    'Salesforce refused the client-credentials grant on this host',
    MY_DOMAIN_HINT
  ),
  SF_AUTH_GRANT_REFUSED: run(
    2,
    'Salesforce refused the client-credentials grant',
    'In the External Client App enable the Client Credentials Flow and set its Run As user (docs/operations.md).'
  ),
  SF_AUTH_FAILED: run(
    2,
    'Salesforce authentication failed',
    'Check TLMS_SF_CLIENT_ID/SECRET (or TLMS_SF_ACCESS_TOKEN) and the External Client App policies.'
  ),
  SF_SESSION_INVALID: run(
    2,
    'The Salesforce access token is invalid or expired',
    'Get a fresh token (`sf org display --json`), or use the client-credentials variables instead.'
  ),
  SF_UNREACHABLE: run(
    2,
    'Salesforce could not be reached',
    'Check the instance URL, DNS, proxies and firewalls between the runner and Salesforce.'
  ),
  SF_PACKAGE_NOT_FOUND: run(
    2,
    'The TalentLMS package objects are not visible to the integration user',
    'Install the package and assign the TalentLMS_Integration permission set to the integration user; set TLMS_SF_NAMESPACE if the namespace is not tlms.'
  ),
  TALENTLMS_AUTH_INVALID_KEY: run(
    2,
    'TalentLMS refused the API key',
    'Copy the key again (TalentLMS → Account & Settings → Integrations → API) into TLMS_API_KEY.'
  ),
  TALENTLMS_API_DISABLED: run(
    2,
    'The TalentLMS API is disabled or the portal is inactive',
    'A SuperAdmin enables the API under Account & Settings → Integrations → API (paid plans only).'
  ),
  TALENTLMS_UNREACHABLE: run(
    2,
    'TalentLMS could not be reached',
    'Check TLMS_DOMAIN, DNS, proxies and firewalls between the runner and TalentLMS.'
  ),
  PREFLIGHT_PERMISSIONS_MISSING: run(
    2,
    'The integration user lacks permissions the run needs',
    'Each gap is listed with its fix; `tlms-sync check` lists them all without syncing.'
  ),
  BINDING_MISMATCH: run(
    2,
    'This org or portal is not the one the connector was bound to',
    'If the org was refreshed or you moved to another portal on purpose, run `tlms-sync rebind`. Never point a sandbox at the production portal.'
  ),
  BINDING_SANDBOX_NOT_ALLOWED: run(
    2,
    'The org is a sandbox and sandboxes are not enabled',
    'Set TLMS_ALLOW_SANDBOX=1 to bind a sandbox, and use a test TalentLMS portal with it.'
  ),
  SETTINGS_NOT_ACTIVE: run(
    2,
    'No settings are active in the org',
    'Open the TalentLMS app → Setup tab, choose what to sync and activate the settings.'
  ),
  SETTINGS_INVALID: run(
    2,
    'The active settings do not match the settings schema',
    'Open the Setup tab, fix the fields it flags and activate again (docs/settings.md).'
  ),
  PROVISION_FIELD_UNKNOWN: run(
    2,
    'A field named in the settings does not exist or is not visible',
    'Fix the filter, group field or field mapping in the Setup tab, or grant the integration user read access to the field.'
  ),
  PROVISION_FILTER_INVALID: run(
    2,
    'Salesforce refused the scope filter',
    'Check the filter conditions in the Setup tab against the field types (docs/settings.md "Filters").'
  ),
  DRAFT_NOT_FOUND: run(
    2,
    'There is no draft to plan',
    'Save a draft in the Setup tab, then run `tlms-sync plan --draft`.'
  ),
  DRAFT_INVALID: run(
    2,
    'The draft settings are invalid',
    'Open the Setup tab, fix the fields it flags and save the draft again.'
  ),
  // Run control
  LOCK_HELD: run(
    4,
    'Another run holds the lock',
    'Wait for it to finish. A crashed run’s lock expires by itself (ExpiresAt__c on SyncLock__c).'
  ),
  LOCK_LOST: run(
    1,
    'The lock was taken over by another run',
    'Runs are overlapping: check that only one scheduler starts tlms-sync and that runs finish within the lock time.'
  ),
  TALENTLMS_QUOTA_SPENT: run(
    3,
    'The TalentLMS API budget share is spent',
    'Nothing is lost: the next run resumes. Raise the share in the settings or upgrade the plan for more calls per hour.'
  ),
  SALESFORCE_QUOTA_SPENT: run(
    3,
    'The Salesforce daily API budget share is spent',
    'Nothing is lost: the next run resumes. Raise the share in the settings or the org’s API allocation.'
  ),
  CIRCUIT_BREAKER: run(
    5,
    'The run would deactivate more learners than the settings allow',
    'Review the plan (`tlms-sync plan`); if it is right, raise the deactivation limit in the Setup tab.'
  ),
  RUN_INTERRUPTED: run(
    1,
    'The run was stopped before it finished',
    'Nothing is lost: the next run continues where this one stopped.'
  ),
  UNEXPECTED_ERROR: run(
    1,
    'An unexpected error stopped the run',
    'Run again with TLMS_LOG_LEVEL=debug and report the log (it carries no secrets) if it repeats.'
  ),
  // Per-record problems (SyncIssue__c)
  SALESFORCE_WRITE_FAILED: record(
    'Salesforce refused a record',
    'The message carries Salesforce’s status code; fix the field it names (validation rules, required fields, sharing).'
  ),
  SALESFORCE_REQUEST_FAILED: record(
    'A Salesforce request failed',
    'Retried next run; if it repeats, the message carries Salesforce’s error code.'
  ),
  TALENTLMS_REQUEST_FAILED: record(
    'A TalentLMS request failed',
    'Retried next run; if it repeats, the message carries TalentLMS’s answer.'
  ),
  TALENTLMS_INVALID_ARGUMENTS: record(
    'TalentLMS rejected the values sent',
    'Check the field mappings in the Setup tab against the TalentLMS custom field types.'
  ),
  TALENTLMS_NOT_FOUND: record(
    'A TalentLMS user, group, branch or course no longer exists',
    'It was deleted in TalentLMS; the next run recreates or unlinks it.'
  ),
  TALENTLMS_USER_NOT_FOUND: record(
    'The linked TalentLMS user no longer exists',
    'It was deleted in TalentLMS; the next run recreates or unlinks it.'
  ),
  TALENTLMS_DUPLICATE_EMAIL: record(
    'A TalentLMS user already has this e-mail',
    'The runner adopts it when allowed by the settings; otherwise resolve the duplicate in TalentLMS.'
  ),
  TALENTLMS_DUPLICATE_LOGIN: record(
    'A TalentLMS user already has this login',
    'The runner resolves it by login on the next run; if it repeats, rename one of the users.'
  ),
  TALENTLMS_ALREADY_MEMBER: record(
    'The user is already in that course, group or branch',
    'Nothing to do: the runner treats it as done.'
  ),
  TALENTLMS_NOT_MEMBER: record(
    'The user is not in that course, group or branch',
    'Nothing to do: the runner treats the removal as done.'
  ),
  TALENTLMS_WEAK_PASSWORD: record(
    'TalentLMS rejected the generated password',
    'Report it: generated passwords should satisfy the portal’s strong-password rule.'
  ),
  FIELD_VALUE_INVALID: record(
    'A Salesforce value does not fit its TalentLMS custom field',
    'Fix the value in Salesforce, or change the field mapping in the Setup tab (dropdown options, date and checkbox values).'
  ),
  CUSTOM_FIELD_MISSING: record(
    'A mapped TalentLMS custom field no longer exists',
    'Recreate the field in TalentLMS or remove its mapping in the Setup tab; the catalog refreshes every run.'
  ),
  BRANCH_LIMIT_REACHED: record(
    "The portal's branch limit leaves no room for this Account's branch",
    'The learner stays in their current branch. Raise the branch limit of the TalentLMS plan or turn Accounts to branches off.'
  ),
  TALENTLMS_RATE_LIMITED: record(
    'TalentLMS answered 429 Too Many Requests',
    'The runner slows down and retries; lower the share if other integrations need the quota.'
  ),
  TALENTLMS_SERVER_ERROR: record('TalentLMS answered with a server error', 'Retried next run.'),
  NEEDS_REVIEW: attention(
    'The connector will not provision this person until someone decides',
    'Shared e-mails, an account the settings do not allow to adopt, or a deleted TalentLMS user: fix the data, then the next run continues.'
  ),
  // Learning back-sync (part 4)
  LEARNING_WRITE_FAILED: record(
    "Salesforce refused a write of this learner's course, certificate or badge records",
    'The learner is retried every run until it succeeds. Check the message (validation rules, field access of the integration user).'
  ),
  LEARNING_READ_FAILED: record(
    "TalentLMS did not answer this learner's progress",
    'Retried by the next run or reconciliation slice; nothing was changed in Salesforce for this learner.'
  ),
  LEARNING_STATUS_UNKNOWN: attention(
    'TalentLMS sent a course status the connector does not know',
    'Stored as Unknown with the raw value in Raw Status; the sync goes on. Report the value so it can be mapped.'
  ),
  LEARNING_TALENTLMS_USER_DELETED: attention(
    "The learner's TalentLMS account no longer exists",
    'Their course records follow the unenrolment rule (completed kept, rest removed by default). Provisioning recreates or excludes the learner.'
  ),
  LEARNING_CONTACT_DELETED: attention(
    'The Contact was deleted in Salesforce',
    'Its course, certificate and badge records were removed. Undelete the Contact to bring them back on the next reconciliation.'
  ),
  LEARNING_CONTACT_MERGED: attention(
    'The Contact was merged into another Contact',
    'Its course, certificate and badge records now point to the surviving Contact; nothing to do.'
  ),
  LEARNING_COURSE_DELETED: attention(
    'A TalentLMS course with synced records was deleted',
    'Its records follow the unenrolment rule (docs/decisions.md "Learning back-sync"); restore the course in TalentLMS to sync it again.'
  )
} as const satisfies Record<string, IssueCodeInfo>;

export type IssueCode = keyof typeof ISSUE_CODES;

export function issueCodeInfo(code: string): IssueCodeInfo | undefined {
  return (ISSUE_CODES as Record<string, IssueCodeInfo>)[code];
}
