/**
 * The only place the runner spells a Salesforce API name (DESIGN.md "Contracts"). Package names are written
 * unprefixed, as in force-app/; `bindSchema(namespace)` composes the namespace into every one of them, so a
 * different or empty namespace (unpackaged scratch deploys) works too. A test checks every package name here
 * against force-app/ (existence and type).
 */
export type FieldType =
  | 'Text'
  | 'LongTextArea'
  | 'Number'
  | 'Percent'
  | 'Checkbox'
  | 'Date'
  | 'DateTime'
  | 'Email'
  | 'Url'
  | 'Picklist'
  | 'Lookup';

export interface FieldDef {
  api: string;
  type: FieldType;
  /** Formula fields are read-only; the runner needs Read only. */
  formula?: boolean;
  /** Required fields are always readable and editable: they have no field permissions to check. */
  required?: boolean;
}

export type ObjectAccess = 'read' | 'create' | 'edit' | 'delete';

export interface ObjectDef {
  api: string;
  /** Standard objects and fields carry no namespace and are not in force-app/. */
  standard?: boolean;
  /** Object permissions the integration user needs (checked by preflight). */
  access: ObjectAccess[];
  fields: Record<string, FieldDef>;
}

const f = (api: string, type: FieldType, formula = false): FieldDef =>
  formula ? { api, type, formula } : { api, type };
const key = (api: string): FieldDef => ({ api, type: 'Text', required: true });
const CRUD: ObjectAccess[] = ['read', 'create', 'edit', 'delete'];
const CRU: ObjectAccess[] = ['read', 'create', 'edit'];

type PersonLinks = Record<string, FieldDef>;
const userLinks = { User: f('User__c', 'Lookup') };
const contactLinks = { Contact: f('Contact__c', 'Lookup'), Account: f('Account__c', 'Lookup') };

const courseFields = <L extends PersonLinks>(links: L) => ({
  ...links,
  Learner: f('Learner__c', 'Lookup'),
  ExternalKey: key('ExternalKey__c'),
  CourseId: f('CourseId__c', 'Text'),
  CourseName: f('CourseName__c', 'Text'),
  Status: f('Status__c', 'Picklist'),
  RawStatus: f('RawStatus__c', 'Text'),
  CompletionPercent: f('CompletionPercent__c', 'Percent'),
  TimeSpentSeconds: f('TimeSpentSeconds__c', 'Number'),
  TimeSpent: f('TimeSpent__c', 'Text', true),
  EnrolledOn: f('EnrolledOn__c', 'DateTime'),
  CompletedOn: f('CompletedOn__c', 'DateTime'),
  ExpiresOn: f('ExpiresOn__c', 'DateTime'),
  IsOverdue: f('IsOverdue__c', 'Checkbox', true),
  Score: f('Score__c', 'Number'),
  CourseUrl: f('CourseUrl__c', 'Url'),
  LastSyncedAt: f('LastSyncedAt__c', 'DateTime')
});

const certificateFields = <L extends PersonLinks>(links: L) => ({
  ...links,
  Learner: f('Learner__c', 'Lookup'),
  ExternalKey: key('ExternalKey__c'),
  CourseId: f('CourseId__c', 'Text'),
  CourseName: f('CourseName__c', 'Text'),
  CertificateId: f('CertificateId__c', 'Text'),
  IssuedOn: f('IssuedOn__c', 'DateTime'),
  ExpiresOn: f('ExpiresOn__c', 'DateTime'),
  IsExpired: f('IsExpired__c', 'Checkbox', true),
  PublicUrl: f('PublicUrl__c', 'Url'),
  DownloadUrl: f('DownloadUrl__c', 'Url'),
  LastSyncedAt: f('LastSyncedAt__c', 'DateTime')
});

const badgeFields = <L extends PersonLinks>(links: L) => ({
  ...links,
  Learner: f('Learner__c', 'Lookup'),
  ExternalKey: key('ExternalKey__c'),
  BadgeName: f('BadgeName__c', 'Text'),
  BadgeType: f('BadgeType__c', 'Text'),
  BadgeSetId: f('BadgeSetId__c', 'Text'),
  Criteria: f('Criteria__c', 'Text'),
  IssuedOn: f('IssuedOn__c', 'DateTime'),
  ImageUrl: f('ImageUrl__c', 'Url'),
  LastSyncedAt: f('LastSyncedAt__c', 'DateTime')
});

const countFields = {
  Created: f('Created__c', 'Number'),
  Updated: f('Updated__c', 'Number'),
  Activated: f('Activated__c', 'Number'),
  Deactivated: f('Deactivated__c', 'Number'),
  Grouped: f('Grouped__c', 'Number'),
  Branched: f('Branched__c', 'Number'),
  Excluded: f('Excluded__c', 'Number'),
  NeedsReview: f('NeedsReview__c', 'Number'),
  Skipped: f('Skipped__c', 'Number'),
  Failed: f('Failed__c', 'Number'),
  CoursesUpserted: f('CoursesUpserted__c', 'Number'),
  CertificatesUpserted: f('CertificatesUpserted__c', 'Number'),
  BadgesUpserted: f('BadgesUpserted__c', 'Number'),
  RecordsRemoved: f('RecordsRemoved__c', 'Number')
};

export const SCHEMA = {
  UserCourse: { api: 'UserCourse__c', access: CRUD, fields: courseFields(userLinks) },
  ContactCourse: { api: 'ContactCourse__c', access: CRUD, fields: courseFields(contactLinks) },
  UserCertificate: { api: 'UserCertificate__c', access: CRUD, fields: certificateFields(userLinks) },
  ContactCertificate: { api: 'ContactCertificate__c', access: CRUD, fields: certificateFields(contactLinks) },
  UserBadge: { api: 'UserBadge__c', access: CRUD, fields: badgeFields(userLinks) },
  ContactBadge: { api: 'ContactBadge__c', access: CRUD, fields: badgeFields(contactLinks) },
  Learner: {
    api: 'Learner__c',
    access: CRUD,
    fields: {
      SalesforceId: key('SalesforceId__c'),
      TalentLmsUserId: f('TalentLmsUserId__c', 'Text'),
      PersonType: f('PersonType__c', 'Picklist'),
      User: f('User__c', 'Lookup'),
      Contact: f('Contact__c', 'Lookup'),
      Account: f('Account__c', 'Lookup'),
      Login: f('Login__c', 'Text'),
      Email: f('Email__c', 'Email'),
      TalentLmsStatus: f('TalentLmsStatus__c', 'Picklist'),
      UserType: f('UserType__c', 'Text'),
      BranchId: f('BranchId__c', 'Text'),
      BranchName: f('BranchName__c', 'Text'),
      Groups: f('Groups__c', 'Text'),
      Points: f('Points__c', 'Number'),
      Level: f('Level__c', 'Number'),
      State: f('State__c', 'Picklist'),
      StateMessage: f('StateMessage__c', 'Text'),
      ExclusionReason: f('ExclusionReason__c', 'Text'),
      PortalId: f('PortalId__c', 'Text'),
      LastProvisionedAt: f('LastProvisionedAt__c', 'DateTime'),
      LastLearningSyncAt: f('LastLearningSyncAt__c', 'DateTime'),
      LastReconciledAt: f('LastReconciledAt__c', 'DateTime')
    }
  },
  SyncRun: {
    api: 'SyncRun__c',
    access: CRUD,
    fields: {
      RunId: key('RunId__c'),
      Mode: f('Mode__c', 'Picklist'),
      Status: f('Status__c', 'Picklist'),
      StopReason: f('StopReason__c', 'Picklist'),
      StartedAt: f('StartedAt__c', 'DateTime'),
      FinishedAt: f('FinishedAt__c', 'DateTime'),
      DurationMs: f('DurationMs__c', 'Number'),
      ExitCode: f('ExitCode__c', 'Number'),
      ...countFields,
      IssuesOpened: f('IssuesOpened__c', 'Number'),
      IssuesClosed: f('IssuesClosed__c', 'Number'),
      SalesforceCalls: f('SalesforceCalls__c', 'Number'),
      TalentLmsCalls: f('TalentLmsCalls__c', 'Number'),
      TalentLmsQuotaUsed: f('TalentLmsQuotaUsed__c', 'Number'),
      TalentLmsQuotaLimit: f('TalentLmsQuotaLimit__c', 'Number'),
      SalesforceQuotaUsed: f('SalesforceQuotaUsed__c', 'Number'),
      SalesforceQuotaLimit: f('SalesforceQuotaLimit__c', 'Number'),
      SettingsVersion: f('SettingsVersion__c', 'Number'),
      SettingsHash: f('SettingsHash__c', 'Text'),
      RunnerVersion: f('RunnerVersion__c', 'Text'),
      RunAsUsername: f('RunAsUsername__c', 'Text'),
      ErrorCode: f('ErrorCode__c', 'Text'),
      ErrorMessage: f('ErrorMessage__c', 'Text'),
      Summary: f('Summary__c', 'LongTextArea'),
      Plan: f('Plan__c', 'LongTextArea')
    }
  },
  SyncIssue: {
    api: 'SyncIssue__c',
    access: CRUD,
    fields: {
      IssueKey: key('IssueKey__c'),
      Code: f('Code__c', 'Text'),
      Action: f('Action__c', 'Text'),
      Status: f('Status__c', 'Picklist'),
      Learner: f('Learner__c', 'Lookup'),
      SalesforceId: key('SalesforceId__c'),
      PersonName: f('PersonName__c', 'Text'),
      Message: f('Message__c', 'Text'),
      Hint: f('Hint__c', 'Text'),
      FirstSeenAt: f('FirstSeenAt__c', 'DateTime'),
      LastSeenAt: f('LastSeenAt__c', 'DateTime'),
      ClosedAt: f('ClosedAt__c', 'DateTime'),
      Count: f('Count__c', 'Number'),
      LastRun: f('LastRun__c', 'Lookup')
    }
  },
  SyncState: {
    api: 'SyncState__c',
    access: CRU,
    fields: {
      StateKey: key('StateKey__c'),
      OrganizationId: f('OrganizationId__c', 'Text'),
      IsSandbox: f('IsSandbox__c', 'Checkbox'),
      TalentLmsDomain: f('TalentLmsDomain__c', 'Text'),
      PortalId: f('PortalId__c', 'Text'),
      BoundAt: f('BoundAt__c', 'DateTime'),
      Watermarks: f('Watermarks__c', 'LongTextArea'),
      ReconciliationCursor: f('ReconciliationCursor__c', 'Text'),
      ReconciliationCycleStartedAt: f('ReconciliationCycleStartedAt__c', 'DateTime'),
      LastCourseScanAt: f('LastCourseScanAt__c', 'DateTime'),
      ProvisionedAt: f('ProvisionedAt__c', 'DateTime'),
      ProvisionedSettingsHash: f('ProvisionedSettingsHash__c', 'Text'),
      FullReconciliationRequested: f('FullReconciliationRequested__c', 'Checkbox'),
      FullReconciliationRequestedAt: f('FullReconciliationRequestedAt__c', 'DateTime'),
      LastRunAt: f('LastRunAt__c', 'DateTime'),
      LastSuccessfulRunAt: f('LastSuccessfulRunAt__c', 'DateTime'),
      RunnerVersion: f('RunnerVersion__c', 'Text')
    }
  },
  SyncLock: {
    api: 'SyncLock__c',
    access: CRUD,
    fields: {
      LockKey: key('LockKey__c'),
      Owner: f('Owner__c', 'Text'),
      RunId: f('RunId__c', 'Text'),
      AcquiredAt: f('AcquiredAt__c', 'DateTime'),
      ExpiresAt: f('ExpiresAt__c', 'DateTime'),
      HeartbeatAt: f('HeartbeatAt__c', 'DateTime')
    }
  },
  TalentLmsCatalog: {
    api: 'TalentLmsCatalog__c',
    access: CRU,
    fields: {
      CatalogKey: key('CatalogKey__c'),
      Catalog: f('Catalog__c', 'LongTextArea'),
      Domain: f('Domain__c', 'Text'),
      DateFormat: f('DateFormat__c', 'Text'),
      PlanName: f('PlanName__c', 'Text'),
      UserLimit: f('UserLimit__c', 'Number'),
      BranchLimit: f('BranchLimit__c', 'Number'),
      BranchCount: f('BranchCount__c', 'Number'),
      GroupCount: f('GroupCount__c', 'Number'),
      PublishedAt: f('PublishedAt__c', 'DateTime')
    }
  },
  ConnectorSettings: {
    api: 'ConnectorSettings__c',
    access: ['read'],
    fields: {
      SettingsKey: key('SettingsKey__c'),
      DraftJson: f('DraftJson__c', 'LongTextArea'),
      DraftVersion: f('DraftVersion__c', 'Number'),
      DraftHash: f('DraftHash__c', 'Text'),
      DraftSavedAt: f('DraftSavedAt__c', 'DateTime'),
      ActiveJson: f('ActiveJson__c', 'LongTextArea'),
      ActiveVersion: f('ActiveVersion__c', 'Number'),
      ActiveHash: f('ActiveHash__c', 'Text'),
      ActivatedAt: f('ActivatedAt__c', 'DateTime')
    }
  },
  SettingsChange: {
    api: 'SettingsChange__c',
    // Retention (part 3) prunes it; the packaged permission set grants what that part needs.
    access: ['read'],
    fields: {
      ChangedAt: f('ChangedAt__c', 'DateTime')
    }
  },
  // Standard objects the runner reads (no namespace; not in force-app/).
  Organization: {
    api: 'Organization',
    standard: true,
    access: [],
    fields: { IsSandbox: f('IsSandbox', 'Checkbox'), OrganizationType: f('OrganizationType', 'Text') }
  },
  User: {
    api: 'User',
    standard: true,
    // Every user can read User (it has no object permissions); "View All Users" is checked apart.
    access: [],
    fields: {
      Username: f('Username', 'Text'),
      Email: f('Email', 'Email'),
      IsActive: f('IsActive', 'Checkbox'),
      FirstName: f('FirstName', 'Text'),
      LastName: f('LastName', 'Text'),
      UserType: f('UserType', 'Picklist')
    }
  },
  Contact: {
    api: 'Contact',
    standard: true,
    access: ['read'],
    fields: {
      Email: f('Email', 'Email'),
      FirstName: f('FirstName', 'Text'),
      LastName: f('LastName', 'Text'),
      AccountId: f('AccountId', 'Lookup'),
      AccountName: f('Account.Name', 'Text'),
      // Exists only in orgs with Person Accounts (provisioning checks describe first).
      IsPersonAccount: f('IsPersonAccount', 'Checkbox'),
      IsDeleted: f('IsDeleted', 'Checkbox'),
      MasterRecordId: f('MasterRecordId', 'Lookup')
    }
  },
  Account: { api: 'Account', standard: true, access: ['read'], fields: { Name: f('Name', 'Text') } },
  PermissionSetAssignment: {
    api: 'PermissionSetAssignment',
    standard: true,
    access: [],
    fields: {
      AssigneeId: f('AssigneeId', 'Lookup'),
      AssigneeUsername: f('Assignee.Username', 'Text'),
      PermissionSetId: f('PermissionSetId', 'Lookup')
    }
  },
  PermissionSet: {
    api: 'PermissionSet',
    standard: true,
    access: [],
    fields: {
      ViewAllUsers: f('PermissionsViewAllUsers', 'Checkbox'),
      ViewAllData: f('PermissionsViewAllData', 'Checkbox'),
      ModifyAllData: f('PermissionsModifyAllData', 'Checkbox'),
      ApiEnabled: f('PermissionsApiEnabled', 'Checkbox')
    }
  },
  ObjectPermissions: {
    api: 'ObjectPermissions',
    standard: true,
    access: [],
    fields: {
      ParentId: f('ParentId', 'Lookup'),
      SobjectType: f('SobjectType', 'Text'),
      Read: f('PermissionsRead', 'Checkbox'),
      Create: f('PermissionsCreate', 'Checkbox'),
      Edit: f('PermissionsEdit', 'Checkbox'),
      Delete: f('PermissionsDelete', 'Checkbox'),
      ViewAll: f('PermissionsViewAllRecords', 'Checkbox'),
      ModifyAll: f('PermissionsModifyAllRecords', 'Checkbox')
    }
  },
  FieldPermissions: {
    api: 'FieldPermissions',
    standard: true,
    access: [],
    fields: {
      ParentId: f('ParentId', 'Lookup'),
      SobjectType: f('SobjectType', 'Text'),
      Field: f('Field', 'Text'),
      Read: f('PermissionsRead', 'Checkbox'),
      Edit: f('PermissionsEdit', 'Checkbox')
    }
  }
} satisfies Record<string, ObjectDef>;

export type SchemaKey = keyof typeof SCHEMA;

/** Picklist API values the runner writes (force-app/ is the truth; a test checks them). */
export const PICKLIST_VALUES = {
  SyncRunMode: { run: 'Run', plan: 'Plan', check: 'Check' },
  SyncRunStatus: {
    running: 'Running',
    succeeded: 'Succeeded',
    partial: 'Partial',
    failed: 'Failed',
    skipped: 'Skipped'
  },
  SyncRunStopReason: {
    quota: 'Quota',
    circuitBreaker: 'CircuitBreaker',
    lockHeld: 'LockHeld',
    interrupted: 'Interrupted'
  },
  SyncIssueStatus: { open: 'Open', closed: 'Closed', resolvedByAdmin: 'ResolvedByAdmin' }
} as const;

/** The singleton keys of runner-owned records. */
export const SINGLETON_KEY = 'default';

/** Composes the namespace into a package API name: `Learner__c` → `tlms__Learner__c`. */
export function qualify(api: string, namespace: string): string {
  if (!namespace || !api.endsWith('__c')) return api;
  return `${namespace}__${api}`;
}

export type BoundObject<O extends ObjectDef> = {
  /** Qualified object API name. */
  name: string;
  /** Qualified field API names. */
  f: { [K in keyof O['fields']]: string };
};
export type BoundSchema = { [K in SchemaKey]: BoundObject<(typeof SCHEMA)[K]> } & { namespace: string };

export function bindSchema(namespace: string): BoundSchema {
  const bound: Record<string, unknown> = { namespace };
  for (const [key, def] of Object.entries(SCHEMA) as [string, ObjectDef][]) {
    const ns = def.standard ? '' : namespace;
    const fields: Record<string, string> = {};
    for (const [fieldKey, field] of Object.entries(def.fields)) fields[fieldKey] = qualify(field.api, ns);
    bound[key] = { name: qualify(def.api, ns), f: fields };
  }
  return bound as BoundSchema;
}

/** The object whose presence identifies the package during namespace discovery. */
export const DISCOVERY_OBJECT: SchemaKey = 'SyncRun';

/**
 * Finds the namespace from a describeGlobal name list: the prefix in front of `SyncRun__c` ('' when the
 * objects were deployed unpackaged), or undefined when the package is not visible.
 */
export function discoverNamespace(objectNames: string[]): string | undefined {
  const target = SCHEMA[DISCOVERY_OBJECT].api;
  const candidates = objectNames.filter((name) => name === target || name.endsWith(`__${target}`));
  if (candidates.length === 0) return undefined;
  // Prefer the packaged copy when both exist (a subscriber org with a leftover unpackaged deploy).
  const packaged = candidates.find((name) => name !== target);
  return packaged ? packaged.slice(0, -`__${target}`.length) : '';
}
