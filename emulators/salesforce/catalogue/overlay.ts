import type { CatalogueField } from './types';

/**
 * What the type stubs cannot say about standard objects: labels, key prefixes, lengths, picklist values,
 * required fields and write access. Values follow the Salesforce Object Reference (SOAP API developer guide,
 * "Standard Objects"); where an org can differ (picklists, lengths of fields admins can resize) the value is the
 * documented default. Fields not named here keep what the stub implies (String → string(255), nillable,
 * createable, updateable). Everything here is listed as an uncertainty in README.md.
 */
export interface ObjectOverlay {
  label: string;
  labelPlural: string;
  keyPrefix: string;
  createable?: boolean;
  fields?: Record<string, Partial<CatalogueField>>;
}

const readOnly = { createable: false, updateable: false } as const;
const required = { nillable: false } as const;

/** Fields every object carries that the API never lets a client write. */
export const SYSTEM_FIELDS = [
  'Id',
  'IsDeleted',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'LastActivityDate',
  'LastViewedDate',
  'LastReferencedDate',
  'MasterRecordId',
  'LastCacheUpdate'
];

const USER_TYPES = [
  'Standard',
  'PowerPartner',
  'PowerCustomerSuccess',
  'CustomerSuccess',
  'Guest',
  'CspLitePortal',
  'CsnOnly',
  'SelfService',
  'AutomatedProcess'
];

export const OVERLAY: Record<string, ObjectOverlay> = {
  User: {
    label: 'User',
    labelPlural: 'Users',
    keyPrefix: '005',
    fields: {
      Username: { type: 'string', length: 80, ...required, unique: true },
      Email: { type: 'email', length: 128, ...required },
      FirstName: { length: 40 },
      LastName: { length: 80, ...required },
      Name: { length: 121, ...readOnly },
      Alias: { length: 8, ...required },
      CommunityNickname: { length: 40 },
      Title: { length: 80 },
      Department: { length: 80 },
      Division: { length: 80 },
      CompanyName: { length: 80 },
      EmployeeNumber: { length: 20 },
      FederationIdentifier: { length: 512 },
      Phone: { type: 'phone', length: 40 },
      MobilePhone: { type: 'phone', length: 40 },
      AboutMe: { type: 'textarea', length: 1000 },
      IsActive: { defaultValue: true, nillable: false },
      // Derived from the profile's licence in an org; 'Standard' unless a seed says otherwise. Not restricted
      // here: orgs add types with features (automated and integration users), and only seeds write it.
      UserType: {
        type: 'picklist',
        picklistValues: USER_TYPES,
        defaultValue: 'Standard',
        ...readOnly
      },
      ProfileId: { ...required },
      TimeZoneSidKey: { type: 'picklist', length: 40, ...required },
      LocaleSidKey: { type: 'picklist', length: 40, ...required },
      EmailEncodingKey: { type: 'picklist', length: 40, ...required },
      LanguageLocaleKey: { type: 'picklist', length: 40, ...required },
      LastLoginDate: readOnly,
      FullPhotoUrl: { type: 'url', ...readOnly },
      SmallPhotoUrl: { type: 'url', ...readOnly }
    }
  },
  Contact: {
    label: 'Contact',
    labelPlural: 'Contacts',
    keyPrefix: '003',
    fields: {
      FirstName: { length: 40 },
      LastName: { length: 80, ...required },
      Name: { length: 121, ...readOnly },
      Salutation: { type: 'picklist', length: 40, picklistValues: ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'] },
      Email: { type: 'email', length: 80 },
      Title: { length: 128 },
      Department: { length: 80 },
      Phone: { type: 'phone', length: 40 },
      MobilePhone: { type: 'phone', length: 40 },
      Description: { type: 'textarea', length: 32000 },
      IsPersonAccount: { ...readOnly, defaultValue: false, nillable: false },
      IsEmailBounced: { defaultValue: false, nillable: false },
      PhotoUrl: { type: 'url', ...readOnly },
      LeadSource: {
        type: 'picklist',
        length: 40,
        picklistValues: ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']
      }
    }
  },
  Account: {
    label: 'Account',
    labelPlural: 'Accounts',
    keyPrefix: '001',
    fields: {
      Name: { ...required },
      AccountNumber: { length: 40 },
      Phone: { type: 'phone', length: 40 },
      Website: { type: 'url', length: 255 },
      Description: { type: 'textarea', length: 32000 },
      Industry: { type: 'picklist', length: 40 },
      Type: { type: 'picklist', length: 40 },
      IsPersonAccount: { ...readOnly, defaultValue: false, nillable: false },
      PersonEmail: { type: 'email', length: 80 },
      FirstName: { length: 40 },
      LastName: { length: 80 }
    }
  },
  Organization: {
    label: 'Organization',
    labelPlural: 'Organizations',
    keyPrefix: '00D',
    createable: false,
    fields: {
      Name: { length: 80 },
      InstanceName: { length: 5 },
      NamespacePrefix: { length: 15 },
      IsSandbox: { nillable: false },
      OrganizationType: {
        type: 'picklist',
        picklistValues: [
          'Team Edition',
          'Professional Edition',
          'Enterprise Edition',
          'Developer Edition',
          'Personal Edition',
          'Unlimited Edition',
          'Contact Manager Edition',
          'Base Edition'
        ]
      }
    }
  },
  Profile: { label: 'Profile', labelPlural: 'Profiles', keyPrefix: '00e', createable: false },
  UserRole: { label: 'Role', labelPlural: 'Roles', keyPrefix: '00E', createable: false },
  PermissionSet: {
    label: 'Permission Set',
    labelPlural: 'Permission Sets',
    keyPrefix: '0PS',
    createable: false,
    fields: { Name: { length: 80 }, Label: { length: 80 }, NamespacePrefix: { length: 15 } }
  },
  PermissionSetAssignment: {
    label: 'Permission Set Assignment',
    labelPlural: 'Permission Set Assignments',
    keyPrefix: '0Pa',
    createable: false
  },
  ObjectPermissions: {
    label: 'Object Permissions',
    labelPlural: 'Object Permissions',
    keyPrefix: '110',
    createable: false
  },
  FieldPermissions: {
    label: 'Field Permissions',
    labelPlural: 'Field Permissions',
    keyPrefix: '01k',
    createable: false
  },
  UserPermissionAccess: {
    label: 'User Permission Access',
    labelPlural: 'User Permission Access',
    // Not a real key prefix: the entity has no records of its own (one synthetic row per querying user).
    keyPrefix: '0Ux',
    createable: false
  }
};
