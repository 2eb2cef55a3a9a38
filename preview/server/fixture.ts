import { salesforceId } from '../../emulators/shared/salesforceId';
import { DEFAULT_SETTINGS } from '../../sync/src/settings/defaults';
import { hashSettingsJson } from '../../sync/src/settings/hash';
import type { SRecord } from './data/recordSource';
import type { PersonaManifest } from './personas';
import { parsePersonaManifest } from './personas';

/**
 * A tiny built-in org for `npm run preview` before a seed exists, and for the backend's own tests: a
 * four-level management chain, a peer outside it, an admin, one account with three contacts, and learning on
 * both sides. Dates are relative to `now` so "overdue" and "expired" stay true whatever the day.
 */
export interface Fixture {
  records: Record<string, SRecord[]>;
  manifest: PersonaManifest;
  /** The runner's integration (run-as) user, whose name every SyncRun__c records. */
  runAsUsername: string;
}

const DAY = 24 * 60 * 60 * 1000;
const ORGANIZATION_ID = '00D5g0000000007EAA';
/** Active settings: Users and Contacts sync (valid against contracts/settings.schema.json). */
const ACTIVE_SETTINGS = JSON.stringify({
  ...DEFAULT_SETTINGS,
  users: { ...DEFAULT_SETTINGS.users, enabled: true },
  contacts: { ...DEFAULT_SETTINGS.contacts, enabled: true }
});
const FIRST_NAMES = [
  'Ana',
  'Bruno',
  'Chen',
  'Dara',
  'Emil',
  'Fatima',
  'Goran',
  'Hana',
  'Ivan',
  'Jia',
  'Kofi',
  'Lena',
  'Mateo',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
  'Umar',
  'Vera',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe'
];
const LAST_NAMES = [
  'Alvarez',
  'Becker',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Horvat',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau'
];

export function builtInFixture(now: number): Fixture {
  const iso = (offsetDays: number) => new Date(now + offsetDays * DAY).toISOString();
  const user = (
    n: number,
    FirstName: string,
    LastName: string,
    ManagerId: string | null,
    extra: Partial<SRecord> = {}
  ): SRecord => ({
    Id: salesforceId('005', n),
    FirstName,
    LastName,
    Name: `${FirstName} ${LastName}`,
    Email: `${FirstName.toLowerCase()}.${LastName.toLowerCase()}@acme-corp.example`,
    IsActive: true,
    UserType: 'Standard',
    ManagerId,
    ...extra
  });
  const chief = user(1, 'Grace', 'Hopper', null, { Title: 'Chief Executive Officer' });
  const skip = user(2, 'Katherine', 'Johnson', chief.Id, { Title: 'VP Engineering' });
  const manager = user(3, 'Alan', 'Turing', skip.Id, { Title: 'Engineering Manager' });
  const learner = user(4, 'Ada', 'Lovelace', manager.Id, { Title: 'Engineer' });
  const colleague = user(5, 'Edsger', 'Dijkstra', manager.Id, { Title: 'Engineer' });
  const peer = user(6, 'Barbara', 'Liskov', chief.Id, { Title: 'Sales Director' });
  const admin = user(7, 'Morgan', 'Admin', null, { Title: 'Salesforce Administrator' });
  const integration = user(8, 'TalentLMS', 'Integration', null, {
    Title: 'Integration',
    Username: 'talentlms.integration@acme-corp.example'
  });
  // Enough people that the team (25 a page) and the account (50 a page) both have a second page.
  const extraReports = FIRST_NAMES.slice(0, 26).map((first, i) =>
    user(20 + i, first, LAST_NAMES[i % LAST_NAMES.length], manager.Id, { Title: 'Engineer' })
  );
  const account = { Id: salesforceId('001', 1), Name: 'Northwind Traders', OwnerId: peer.Id };
  const contact = (n: number, FirstName: string, LastName: string): SRecord => ({
    Id: salesforceId('003', n),
    FirstName,
    LastName,
    Name: `${FirstName} ${LastName}`,
    Email: `${FirstName.toLowerCase()}@northwind.example`,
    AccountId: account.Id,
    OwnerId: peer.Id
  });
  const contacts = [
    contact(1, 'Nancy', 'Davolio'),
    contact(2, 'Andrew', 'Fuller'),
    contact(3, 'Janet', 'Leverling')
  ];
  for (let i = 0; contacts.length < 55; i++) {
    // Distinct names: the last name shifts by five each time the first names wrap around.
    const last = LAST_NAMES[(i + Math.floor(i / FIRST_NAMES.length) * 5) % LAST_NAMES.length];
    contacts.push(contact(10 + i, FIRST_NAMES[i % FIRST_NAMES.length], last));
  }
  let sequence = 0;
  const course = (
    person: 'User__c' | 'Contact__c',
    personId: string,
    name: string,
    status: string,
    percent: number,
    extra: Partial<SRecord> = {}
  ): SRecord => ({
    Id: salesforceId(person === 'User__c' ? 'a01' : 'a02', ++sequence),
    [person]: personId,
    CourseId__c: String(100 + sequence),
    CourseName__c: name,
    Status__c: status,
    RawStatus__c:
      status === 'Completed' ? 'completed' : status === 'InProgress' ? 'incomplete' : 'not_attempted',
    CompletionPercent__c: percent,
    TimeSpentSeconds__c: percent * 60,
    EnrolledOn__c: iso(-90 + sequence),
    CompletedOn__c: status === 'Completed' ? iso(-40 + sequence) : null,
    ExpiresOn__c: null,
    CourseUrl__c: `https://acme.talentlms.com/learner/courseinfo/id:${100 + sequence}`,
    ...extra
  });
  const notSynced = (
    n: number,
    person: SRecord,
    state: string,
    message: string | null,
    reason: string | null
  ): SRecord => ({
    Id: salesforceId('a05', n),
    Name: String(person.Name),
    Contact__c: person.Id,
    Account__c: account.Id,
    PersonType__c: 'Contact',
    Email__c: String(person.Email),
    State__c: state,
    StateMessage__c: message,
    ExclusionReason__c: reason,
    LastProvisionedAt__c: iso(-n / 24)
  });
  const issue = (n: number, code: string, person: SRecord, message: string, count: number): SRecord => ({
    Id: salesforceId('a0A', n),
    IssueKey__c: `issue-${n}`,
    Code__c: code,
    Action__c: 'create',
    Status__c: 'Open',
    Learner__c: salesforceId('a05', n + 1),
    SalesforceId__c: person.Id,
    PersonName__c: String(person.Name),
    Message__c: message,
    Hint__c: 'Fix the record in Salesforce; the next run retries.',
    FirstSeenAt__c: iso(-count / 24),
    LastSeenAt__c: iso(-1 / 24),
    Count__c: count
  });
  return {
    runAsUsername: integration.Username as string,
    records: {
      User: [chief, skip, manager, learner, colleague, peer, admin, integration, ...extraReports],
      Account: [account],
      Contact: contacts,
      UserCourse__c: [
        course('User__c', learner.Id, 'Security Awareness', 'Completed', 100),
        course('User__c', learner.Id, 'Data Privacy Basics', 'InProgress', 60),
        course('User__c', learner.Id, 'Apex Fundamentals', 'NotStarted', 0, { ExpiresOn__c: iso(-3) }),
        course('User__c', colleague.Id, 'Security Awareness', 'Completed', 100),
        course('User__c', manager.Id, 'Leading Teams', 'InProgress', 40),
        ...extraReports
          .slice(0, 10)
          .map((report, i) =>
            course(
              'User__c',
              report.Id,
              'Security Awareness',
              i % 3 === 0 ? 'Completed' : 'InProgress',
              i % 3 === 0 ? 100 : 10 * i
            )
          )
      ],
      UserCertificate__c: [
        {
          Id: salesforceId('a03', 1),
          User__c: learner.Id,
          CourseName__c: 'Security Awareness',
          CertificateId__c: 'CERT-0001',
          IssuedOn__c: iso(-9),
          ExpiresOn__c: iso(356),
          IsExpired__c: false,
          PublicUrl__c: 'https://acme.talentlms.com/certificate/public/CERT-0001'
        }
      ],
      UserBadge__c: [
        {
          Id: salesforceId('a04', 1),
          User__c: learner.Id,
          BadgeName__c: 'First steps',
          BadgeType__c: 'activity',
          Criteria__c: 'Logged in for the first time',
          IssuedOn__c: iso(-50),
          ImageUrl__c: 'https://acme.talentlms.com/pages/badges/activity_1.png'
        }
      ],
      ContactCourse__c: [
        course('Contact__c', contacts[0].Id, 'Product Onboarding', 'Completed', 100, {
          Account__c: account.Id
        }),
        course('Contact__c', contacts[1].Id, 'Product Onboarding', 'InProgress', 30, {
          Account__c: account.Id
        }),
        ...contacts
          .slice(3, 12)
          .map((each, i) =>
            course(
              'Contact__c',
              each.Id,
              i % 2 === 0 ? 'Product Onboarding' : 'Advanced Reporting',
              i % 3 === 0 ? 'Completed' : 'InProgress',
              i % 3 === 0 ? 100 : 15 + 8 * i,
              { Account__c: account.Id }
            )
          )
      ],
      Learner__c: [
        {
          Id: salesforceId('a05', 1),
          Name: 'Ada Lovelace',
          User__c: learner.Id,
          PersonType__c: 'User',
          State__c: 'Synced',
          Points__c: 120,
          Level__c: 2,
          LastLearningSyncAt__c: iso(-1)
        },
        // People the connector could not sync, for Sync Health.
        notSynced(2, contacts[1], 'NeedsReview', 'Two contacts share andrew@northwind.example', null),
        notSynced(3, contacts[2], 'Error', 'TalentLMS refused the login: it is already taken', null),
        notSynced(4, contacts[3], 'Excluded', null, 'filter')
      ],
      SyncState__c: [
        {
          Id: salesforceId('a06', 1),
          Name: 'default',
          StateKey__c: 'default',
          OrganizationId__c: ORGANIZATION_ID,
          IsSandbox__c: false,
          TalentLmsDomain__c: 'acme.talentlms.com',
          PortalId__c: '3f1c2b7a',
          BoundAt__c: iso(-30),
          LastRunAt__c: iso(-1 / 24),
          LastSuccessfulRunAt__c: iso(-1 / 24),
          RunnerVersion__c: '0.1.0'
        }
      ],
      SyncRun__c: [1, 2, 3, 4, 5].map((n) => ({
        Id: salesforceId('a07', n),
        RunId__c: `00000000-0000-4000-8000-00000000000${n}`,
        Mode__c: 'Run',
        Status__c: n === 3 ? 'Partial' : 'Succeeded',
        StartedAt__c: iso(-n / 24),
        FinishedAt__c: iso(-n / 24 + 1 / 1440),
        DurationMs__c: 41_000 + n * 1000,
        Created__c: n === 5 ? 30 : 0,
        Updated__c: n,
        NeedsReview__c: 1,
        Failed__c: n === 3 ? 1 : 0,
        CoursesUpserted__c: 4 * n,
        SalesforceCalls__c: 12 + n,
        TalentLmsCalls__c: 20 + n,
        TalentLmsQuotaUsed__c: 200 + n,
        TalentLmsQuotaLimit__c: 2000,
        RunnerVersion__c: '0.1.0',
        RunAsUsername__c: integration.Username as string
      })),
      SyncIssue__c: [
        issue(1, 'DUPLICATE_CONTACT_EMAIL', contacts[1], 'Two contacts share andrew@northwind.example', 6),
        issue(2, 'TALENTLMS_LOGIN_TAKEN', contacts[2], 'TalentLMS refused the login: it is already taken', 2)
      ],
      ConnectorSettings__c: [
        {
          Id: salesforceId('a08', 1),
          Name: 'TalentLMS connector settings',
          SettingsKey__c: 'default',
          DraftJson__c: ACTIVE_SETTINGS,
          DraftVersion__c: 1,
          DraftHash__c: hashSettingsJson(ACTIVE_SETTINGS),
          DraftSavedAt__c: iso(-20),
          DraftSavedBy__c: admin.Id,
          ActiveJson__c: ACTIVE_SETTINGS,
          ActiveVersion__c: 1,
          ActiveHash__c: hashSettingsJson(ACTIVE_SETTINGS),
          ActivatedAt__c: iso(-20),
          ActivatedBy__c: admin.Id
        }
      ],
      TalentLmsCatalog__c: [
        {
          Id: salesforceId('a09', 1),
          Name: 'default',
          CatalogKey__c: 'default',
          Domain__c: 'acme.talentlms.com',
          DateFormat__c: 'DD/MM/YYYY',
          PlanName__c: 'Premium',
          UserLimit__c: 1000,
          BranchLimit__c: 50,
          BranchCount__c: 3,
          GroupCount__c: 2,
          PublishedAt__c: iso(-1 / 24),
          Catalog__c: JSON.stringify({
            customFields: [
              { key: 'custom_field_1', name: 'Department', type: 'text', mandatory: false },
              {
                key: 'custom_field_2',
                name: 'Region',
                type: 'dropdown',
                mandatory: true,
                options: ['EMEA', 'Americas', 'APAC']
              }
            ],
            groups: [{ name: 'Engineering' }, { name: 'Sales' }],
            branches: [{ name: 'northwind-traders-1a2b3c' }]
          })
        }
      ],
      Organization: [{ Id: ORGANIZATION_ID, Name: 'Acme Corporation', IsSandbox: false }]
    },
    manifest: parsePersonaManifest(
      {
        personas: {
          learner: learner.Id,
          manager: manager.Id,
          skipLevelManager: skip.Id,
          admin: admin.Id,
          account: account.Id,
          contact: contacts[0].Id
        }
      },
      'built-in fixture'
    )
  };
}
