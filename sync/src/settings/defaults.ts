import type { Settings } from './schema';

/**
 * The complete default settings document: what a fresh install holds and what a reader fills in for keys a
 * stored document lacks. Nothing syncs until an admin enables Users or Contacts (and that first activation
 * needs an approved plan, see risk.ts). `contracts/fixtures/settings/valid/default.json` is this document;
 * a test keeps the two equal.
 */
export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: 1,
  users: {
    enabled: false,
    filter: { logic: 'all', conditions: [] },
    groupField: null,
    fieldMappings: []
  },
  contacts: {
    enabled: false,
    filter: { logic: 'all', conditions: [] },
    groupField: null,
    fieldMappings: [],
    accountsToBranches: { enabled: false },
    personAccounts: { include: false }
  },
  learning: {
    courses: true,
    certificates: true,
    badges: true,
    courseScanIntervalMinutes: 360,
    reconciliationCycleDays: 7,
    unenrollmentPolicy: 'keepCompleted'
  },
  special: {
    deactivateNotSynced: false,
    alwaysActivate: false,
    activateNewLearners: true,
    maxDeactivationShare: 0.1,
    deactivationAllowance: 5,
    adoptAdmins: false,
    adoptInstructors: false
  },
  email: { newLearnerPolicy: 'send' },
  budgets: { talentlmsShare: 0.5, salesforceShare: 0.25 },
  sandbox: { allowSandbox: false },
  retention: { runsDays: 90, closedIssuesDays: 90, settingsChangesDays: 365 }
};

/** A fresh deep copy, for callers that edit the document. */
export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}
