/**
 * Plain data the provisioning plan works on (no jsforce, no HTTP): what Salesforce says about people, what
 * TalentLMS holds, what the runner remembers in Learner__c. The engine reads these; `plan()` decides.
 */
export type PersonType = 'User' | 'Contact';

/** A person the scope query returned (base filter and the admin's filter both hold). */
export interface SalesforcePerson {
  salesforceId: string;
  personType: PersonType;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  /** Contacts: their Account (for branches). */
  accountId: string | null;
  accountName: string | null;
  /** The value of the population's group field, as read. */
  groupValue: unknown;
  /** Values of mapped fields, by Salesforce field path. */
  fieldValues: Record<string, unknown>;
}

/**
 * Why a person the connector knows is not in scope, established positively by reading that person again
 * (never inferred from their absence in a query result). `unknown`: they could not be read at all.
 */
export type AbsenceReason =
  | 'deleted'
  | 'merged'
  | 'inactive'
  | 'userType'
  | 'runAsUser'
  | 'personAccount'
  | 'filter'
  | 'populationDisabled'
  | 'unknown';

export interface AbsenceFact {
  salesforceId: string;
  reason: AbsenceReason;
  /** For merged Contacts: the surviving record. */
  masterRecordId?: string | null;
}

export type LearnerState = 'Creating' | 'Synced' | 'Error' | 'NeedsReview' | 'Excluded';

/** A Learner__c row as the runner reads it. */
export interface LearnerRow {
  recordId: string | null;
  salesforceId: string;
  personType: PersonType;
  name: string | null;
  talentlmsUserId: string | null;
  login: string | null;
  email: string | null;
  state: LearnerState | null;
  stateMessage: string | null;
  exclusionReason: string | null;
  talentlmsStatus: 'Active' | 'Inactive' | null;
  userType: string | null;
  accountId: string | null;
  branchId: string | null;
  branchName: string | null;
  /** The group the connector put the learner in (Groups__c). */
  groups: string | null;
}

export type TalentLmsUserStatus = 'active' | 'inactive';

export interface TalentLmsUser {
  id: string;
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  userType: string;
  status: TalentLmsUserStatus;
  /** custom_field_N → value as TalentLMS prints it. */
  customFields: Record<string, string>;
}

export interface TalentLmsGroup {
  id: string;
  name: string;
  key: string;
}

export interface TalentLmsBranch {
  id: string;
  name: string;
}

export type CustomFieldType = 'text' | 'dropdown' | 'checkbox' | 'date';

export interface TalentLmsCustomField {
  key: string;
  name: string;
  type: CustomFieldType | string;
  mandatory: boolean;
  /** Dropdown options without the `[default]` brackets, in order. */
  options: string[];
  /** The bracketed default option, if any. */
  defaultOption: string | null;
}

export type PortalDateFormat = 'DDMMYYYY' | 'MMDDYYYY' | 'YYYYMMDD';

/** The TalentLMS side as the plan needs it (the catalog plus every user). */
export interface TalentLmsSnapshot {
  users: TalentLmsUser[];
  groups: TalentLmsGroup[];
  branches: TalentLmsBranch[];
  customFields: TalentLmsCustomField[];
  dateFormat: PortalDateFormat;
  /** siteinfo limits.maximum_brances; null = unlimited (-1). */
  branchLimit: number | null;
}
