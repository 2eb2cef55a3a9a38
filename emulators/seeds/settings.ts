import { SettingsSchema, hashSettingsJson, serializeSettings, type Settings } from '../../sync/src/settings';
import * as pools from './world/names';
import type { SeedWorld } from './world/types';

/**
 * The settings every seed stores as active (and as the matching draft): valid against
 * contracts/settings.schema.json, every option present and most of them away from their default, chosen so
 * that the generated world stays meaningful:
 * - the filters use custom logic, `in`, `contains`, `startsWith`, `notEquals` and a negation, yet every person
 *   the base filter keeps also passes them (so the linked state is exactly "everyone in scope");
 * - groups come from User.Department and Account.Industry; mappings fill two optional custom fields and leave
 *   the mandatory ones of every type (dropdown, checkbox, date, text) without a mapping, so the reference
 *   defaults apply;
 * - Accounts become branches (the world's branch limit sits just above the account count) and Person Accounts
 *   are included;
 * - admins are never adopted, instructors are (both cases exist in the world).
 */
export function seedSettings(): Settings {
  const settings: Settings = {
    schemaVersion: 1,
    users: {
      enabled: true,
      filter: {
        logic: '1 AND (2 OR NOT 3)',
        conditions: [
          { field: 'Email', fieldType: 'email', operator: 'contains', value: '@' },
          { field: 'Department', fieldType: 'string', operator: 'in', value: [...pools.DEPARTMENTS] },
          { field: 'Title', fieldType: 'string', operator: 'equals', value: 'Integration User' }
        ]
      },
      groupField: 'Department',
      fieldMappings: [
        {
          salesforceField: 'Title',
          customFieldKey: 'custom_field_6',
          customFieldName: 'Job title',
          whenEmpty: 'keep'
        },
        {
          salesforceField: 'Department',
          customFieldKey: 'custom_field_1',
          customFieldName: 'Department',
          whenEmpty: 'clear'
        }
      ]
    },
    contacts: {
      enabled: true,
      filter: {
        logic: 'any',
        conditions: [
          { field: 'Email', fieldType: 'email', operator: 'isNotBlank' },
          { field: 'LeadSource', fieldType: 'picklist', operator: 'notEquals', value: 'Purchased List' }
        ]
      },
      groupField: 'Account.Industry',
      fieldMappings: [
        {
          salesforceField: 'Account.Name',
          customFieldKey: 'custom_field_7',
          customFieldName: 'Account',
          whenEmpty: 'clear'
        }
      ],
      accountsToBranches: { enabled: true },
      personAccounts: { include: true }
    },
    learning: {
      courses: true,
      certificates: true,
      badges: true,
      courseScanIntervalMinutes: 180,
      reconciliationCycleDays: 7,
      unenrollmentPolicy: 'keepCompleted'
    },
    special: {
      deactivateNotSynced: true,
      alwaysActivate: false,
      activateNewLearners: true,
      maxDeactivationShare: 0.2,
      deactivationAllowance: 10,
      adoptAdmins: false,
      adoptInstructors: true
    },
    email: { newLearnerPolicy: 'restrict' },
    budgets: { talentlmsShare: 0.6, salesforceShare: 0.3 },
    sandbox: { allowSandbox: false },
    retention: { runsDays: 120, closedIssuesDays: 60, settingsChangesDays: 400 }
  };
  // A seed that stored an invalid document would make every runner test fail far from the cause.
  return SettingsSchema.parse(settings);
}

/**
 * The ConnectorSettings__c singleton as the Setup tab leaves it after an admin saved and activated the
 * document: every field set, draft and active the same text, hashes of exactly the stored text.
 */
export function connectorSettingsRecord(world: SeedWorld, settings: Settings): Record<string, unknown> {
  const json = serializeSettings(settings);
  const hash = hashSettingsJson(json);
  const savedAt = new Date(world.now - 2 * 86_400_000).toISOString();
  return {
    Name: 'TalentLMS connector settings',
    SettingsKey__c: 'default',
    DraftJson__c: json,
    DraftVersion__c: 1,
    DraftHash__c: hash,
    DraftSavedAt__c: savedAt,
    DraftSavedBy__c: world.personas.admin,
    ActiveJson__c: json,
    ActiveVersion__c: 1,
    ActiveHash__c: hash,
    ActivatedAt__c: new Date(world.now - 86_400_000).toISOString(),
    ActivatedBy__c: world.personas.admin
  };
}
