/**
 * A seed "world": plain data describing both sides before any emulator holds it. Generated
 * deterministically (generate.ts), then loaded into the Salesforce and TalentLMS emulators by the harness.
 * Times are epoch milliseconds; Salesforce ids are 18-character case-safe ids.
 */
export type SalesforceUserType = 'Standard' | 'AutomatedProcess' | 'CsnOnly' | 'PowerPartner' | 'Guest';

export interface SeedUser {
  Id: string;
  FirstName: string;
  LastName: string;
  Email: string;
  Username: string;
  IsActive: boolean;
  UserType: SalesforceUserType;
  ManagerId: string | null;
  Title: string;
  Department: string;
  Country: string;
  /** The integration (run-as) user the runner authenticates as. */
  isIntegrationUser?: boolean;
}

export interface SeedAccount {
  Id: string;
  Name: string;
  Industry: string;
  Type: string;
  BillingCountry: string;
  IsPersonAccount: boolean;
}

export interface SeedContact {
  Id: string;
  FirstName: string;
  LastName: string;
  Email: string;
  AccountId: string | null;
  Title: string;
  Department: string;
  LeadSource: string;
  /** Set on a Contact merged into another (it is then deleted; visible to queryAll). */
  MasterRecordId: string | null;
  IsDeleted: boolean;
  /** Person Account contacts carry their account's id and IsPersonAccount. */
  IsPersonAccount: boolean;
}

export type TalentLmsFieldType = 'text' | 'dropdown' | 'checkbox' | 'date';

export interface SeedCustomField {
  key: string; // custom_field_N
  name: string;
  type: TalentLmsFieldType;
  mandatory: boolean;
  /** Dropdown options; the default one is marked. */
  options?: { value: string; isDefault: boolean }[];
  checkboxDefault?: 'on' | 'off';
}

export type TalentLmsUserType = 'SuperAdmin' | 'Admin-Type' | 'Trainer-Type' | 'Learner-Type';

export interface SeedTalentLmsUser {
  id: string;
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  userType: TalentLmsUserType;
  status: 'active' | 'inactive';
  deleted: boolean;
  points: number;
  level: number;
  createdAt: number;
  customFields: Record<string, string>;
  /** Who this TalentLMS user corresponds to in Salesforce, if anyone (for manifests and tests, never for the runner). */
  salesforceId?: string;
}

export interface SeedCourse {
  id: string;
  name: string; // as TalentLMS stores it: may be HTML-escaped
  code: string;
  deleted: boolean;
  certificateDurationDays: number | null; // null = certificates never expire
}

export interface SeedGroup {
  id: string;
  name: string;
  key: string;
  courseIds: string[];
  /** Members (TalentLMS user ids); linked seeds fill it from the settings' group fields. */
  userIds?: string[];
}

export interface SeedBranch {
  id: string;
  name: string;
  /** The Salesforce Account the branch stands for (linked seeds). */
  accountId?: string;
  /** Members (TalentLMS user ids). */
  userIds?: string[];
}

export interface SeedEnrollment {
  userId: string;
  courseId: string;
  role: 'learner' | 'instructor';
  enrolledAt: number;
  /** Raw TalentLMS completion_status: not_attempted | incomplete | completed | failed | a value never seen before. */
  status: string;
  percent: number;
  timeSeconds: number;
  completedAt: number | null;
  expiresAt: number | null;
}

export interface SeedCertificate {
  /** TalentLMS certificate id (download URL) and signature (public URL): fixed so both sides agree. */
  id: string;
  signature: string;
  userId: string;
  courseId: string;
  uniqueId: string;
  issuedAt: number;
  expiresAt: number | null;
}

export interface SeedBadge {
  userId: string;
  name: string;
  type: string;
  criteria: string;
  badgeSetId: string;
  issuedAt: number;
  imageUrl: string;
}

export interface SeedPersonas {
  learner: string; // User Id
  manager: string;
  skipLevelManager: string;
  admin: string;
  integrationUser: string;
  account: string; // Account Id
  contact: string; // Contact Id
  /** A user whose team is ≥ 200 people (N seeds) or the largest team (demo). */
  bigTeamManager: string;
  /** The account with the most contacts. */
  bigAccount: string;
}

export interface SeedWorld {
  name: string;
  randomSeed: number;
  now: number;
  salesforce: {
    organization: { Id: string; Name: string; IsSandbox: boolean };
    users: SeedUser[];
    accounts: SeedAccount[];
    contacts: SeedContact[];
  };
  talentlms: {
    domain: string;
    customFields: SeedCustomField[];
    courses: SeedCourse[];
    groups: SeedGroup[];
    branches: SeedBranch[];
    branchLimit: number;
    users: SeedTalentLmsUser[];
    enrollments: SeedEnrollment[];
    certificates: SeedCertificate[];
    badges: SeedBadge[];
  };
  personas: SeedPersonas;
}
