import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  FAMILY_BY_FIELD_TYPE,
  operatorsForFieldType,
  type FieldType
} from '../../../sync/src/settings/operators';
import type { ApexContext } from '../apex/context';
import type { SRecord } from '../data/recordSource';
import { compact, displayDateTime, instant, integer, refuse, requireRead } from './access';
import { canReadSetup, permissionSync, SetupQueryError } from './permissionAssignment';
import { format } from './setup';

/**
 * SetupService.connection / fieldOptions and SetupChecklistService for the preview. The integration user and
 * the permission sets are read from the org's User, PermissionSet and PermissionSetAssignment rows, the
 * permission-set job from the preview's asynchronous Apex (permissionAssignment.ts). What the emulated org does
 * not model (CSP sites, report folders) is read from the package metadata where it can be, and otherwise shown
 * as a Manual step, which is what the Apex does for records the admin cannot read.
 */
type Dto = Record<string, unknown>;
const ROOT = join(__dirname, '../../..');
/** SetupChecklistService.INTEGRATION_SET */
const INTEGRATION_SET = 'TalentLMS_Integration';

async function syncState(context: ApexContext): Promise<SRecord | undefined> {
  return (await context.source.list('SyncState__c')).find((state) => state.StateKey__c === 'default');
}

async function latestRun(context: ApexContext): Promise<SRecord | undefined> {
  requireRead(context, 'SyncRun__c');
  const time = (run: SRecord) => (run.StartedAt__c ? new Date(String(run.StartedAt__c)).getTime() : 0);
  return (await context.source.list('SyncRun__c')).sort((a, b) => time(b) - time(a))[0];
}

function parseObject(text: unknown): Record<string, unknown> {
  try {
    const parsed: unknown = typeof text === 'string' && text ? JSON.parse(text) : {};
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function catalogField(context: ApexContext, raw: Record<string, unknown>): Dto {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  const type = text(raw.type);
  let options: string[] = [];
  let bracketed: string | null = null;
  if (Array.isArray(raw.options)) options = raw.options.map(String);
  else if (text(raw.dropdown_values)) {
    options = String(raw.dropdown_values)
      .split(';')
      .map((option) => {
        if (option.startsWith('[') && option.endsWith(']')) {
          bracketed = option.slice(1, -1);
          return bracketed;
        }
        return option;
      });
  }
  let defaultValue = text(raw.defaultValue);
  if (defaultValue === null) {
    if (type === 'checkbox') defaultValue = text(raw.checkbox_status) ?? 'off';
    else if (type === 'dropdown') defaultValue = bracketed ?? options[0] ?? null;
    else if (type === 'date') defaultValue = context.labels.get('Setup_Catalog_DefaultToday');
    else defaultValue = 'Salesforce integration';
  }
  return compact({
    key: text(raw.key),
    name: text(raw.name),
    type,
    mandatory: raw.mandatory === true || raw.mandatory === 'yes',
    options,
    defaultValue
  });
}

export async function connection(context: ApexContext): Promise<Dto> {
  const state = await syncState(context);
  const lastRun = await latestRun(context);
  const organization = (await context.source.list('Organization'))[0];
  const currentOrganizationId = organization?.Id ?? null;
  const currentIsSandbox = organization?.IsSandbox === true;
  const catalogRecord = (await context.source.list('TalentLmsCatalog__c'))[0];
  let catalog: Dto | null = null;
  if (catalogRecord) {
    const document = parseObject(catalogRecord.Catalog__c);
    const names = (value: unknown) =>
      (Array.isArray(value) ? value : [])
        .map((item) => (item && typeof item === 'object' ? (item as Record<string, unknown>).name : item))
        .filter((name) => name !== null && name !== undefined)
        .map(String);
    catalog = compact({
      publishedAt: instant(catalogRecord.PublishedAt__c),
      planName: catalogRecord.PlanName__c,
      dateFormat: catalogRecord.DateFormat__c,
      userLimit: integer(catalogRecord.UserLimit__c),
      branchLimit: integer(catalogRecord.BranchLimit__c),
      branchCount: integer(catalogRecord.BranchCount__c),
      groupCount: integer(catalogRecord.GroupCount__c),
      customFields: (Array.isArray(document.customFields) ? document.customFields : [])
        .filter((field) => field && typeof field === 'object')
        .map((field) => catalogField(context, field as Record<string, unknown>)),
      groups: names(document.groups),
      branches: names(document.branches)
    });
  }
  const bound = typeof state?.OrganizationId__c === 'string' ? state.OrganizationId__c : null;
  return compact({
    currentOrganizationId,
    currentIsSandbox,
    hasRun: Boolean(state || lastRun),
    runAsUsername: lastRun?.RunAsUsername__c,
    runnerVersion: state?.RunnerVersion__c ?? lastRun?.RunnerVersion__c,
    lastRunAt: instant(state?.LastRunAt__c ?? lastRun?.StartedAt__c),
    lastSuccessfulRunAt: instant(state?.LastSuccessfulRunAt__c),
    boundOrganizationId: bound,
    boundIsSandbox: state ? state.IsSandbox__c === true : null,
    talentlmsDomain: state?.TalentLmsDomain__c,
    portalId: state?.PortalId__c,
    boundAt: instant(state?.BoundAt__c),
    bindingMatches: state
      ? Boolean(
          bound && currentOrganizationId && bound.slice(0, 15) === currentOrganizationId.slice(0, 15)
        ) && (state.IsSandbox__c === true) === currentIsSandbox
      : null,
    catalog
  });
}

function cspActive(): boolean {
  const dir = join(ROOT, 'force-app/main/default/cspTrustedSites');
  return (existsSync(dir) ? readdirSync(dir) : []).some((file) => {
    const xml = readFileSync(join(dir, file), 'utf8');
    return (
      /talentlms\.com/.test(xml) &&
      /<isActive>true<\/isActive>/.test(xml) &&
      /<isApplicableToImgSrc>true</.test(xml)
    );
  });
}

export async function checklist(context: ApexContext): Promise<Dto> {
  const item = (key: string, state: 'Done' | 'ToDo' | 'Manual', detail: string) => ({ key, state, detail });
  const lastRun = await latestRun(context);
  const state = await syncState(context);
  const settings = (await context.source.list('ConnectorSettings__c')).find(
    (record) => record.SettingsKey__c === 'default'
  );
  const lastRunAt = state?.LastRunAt__c ?? lastRun?.StartedAt__c;
  const recent = lastRunAt
    ? new Date(String(lastRunAt)).getTime() > context.clock.now() - 26 * 3600_000
    : false;
  const items = [
    lastRun
      ? item(
          'externalClientApp',
          'Done',
          format(context.labels.get('Setup_Check_RunnerSignedIn'), [lastRun.Name])
        )
      : item('externalClientApp', 'ToDo', context.labels.get('Setup_Check_NoRunYet')),
    await guarded(context, 'integrationUser', () => integrationUserStep(context, lastRun)),
    lastRunAt
      ? item(
          'runnerDeployment',
          recent ? 'Done' : 'ToDo',
          format(context.labels.get(recent ? 'Setup_Check_RunnerRecent' : 'Setup_Check_RunnerStale'), [
            displayDateTime(lastRunAt)
          ])
        )
      : item('runnerDeployment', 'ToDo', context.labels.get('Setup_Check_NoRunYet')),
    settings?.ActiveJson__c
      ? item(
          'settingsActive',
          'Done',
          format(context.labels.get('Setup_Check_SettingsActive'), [integer(settings.ActiveVersion__c)])
        )
      : item('settingsActive', 'ToDo', context.labels.get('Setup_Check_SettingsNotActive')),
    cspActive()
      ? item('cspTrustedSite', 'Done', context.labels.get('Setup_Check_CspActive'))
      : item('cspTrustedSite', 'ToDo', context.labels.get('Setup_Check_CspDetail')),
    item('recordPages', 'Manual', context.labels.get('Setup_Check_RecordPagesDetail')),
    item('reportFolders', 'Manual', context.labels.get('Setup_Check_FoldersNotVisible'))
  ];
  const sync = await permissionSync(context);
  items.push(permissionStep(context, sync));
  return { items, permissionSync: sync };
}

type ChecklistItem = { key: string; state: 'Done' | 'ToDo' | 'Manual'; detail: string };
const checklistItem = (key: string, state: ChecklistItem['state'], detail: string): ChecklistItem => ({
  key,
  state,
  detail
});

/** A step whose setup records the admin may not be allowed to read becomes Manual instead of failing the tab. */
async function guarded(
  context: ApexContext,
  key: string,
  step: () => Promise<ChecklistItem>
): Promise<ChecklistItem> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof SetupQueryError)) throw error;
    return checklistItem(key, 'Manual', context.labels.get('Setup_Check_CannotRead'));
  }
}

/** SetupChecklistService.integrationUserStep: the run-as user is active, role-less and holds the set. */
async function integrationUserStep(
  context: ApexContext,
  lastRun: SRecord | undefined
): Promise<ChecklistItem> {
  const username = typeof lastRun?.RunAsUsername__c === 'string' ? lastRun.RunAsUsername__c : '';
  if (!lastRun || username.trim() === '') {
    return checklistItem('integrationUser', 'ToDo', context.labels.get('Setup_Check_NoRunYet'));
  }
  // WHERE Username = :username (SOQL compares text case-insensitively)
  const user = (await context.source.list('User')).find(
    (each) => typeof each.Username === 'string' && each.Username.toLowerCase() === username.toLowerCase()
  );
  if (!user) {
    return checklistItem(
      'integrationUser',
      'Manual',
      format(context.labels.get('Setup_Check_UserNotVisible'), [username])
    );
  }
  // SELECT COUNT() FROM PermissionSetAssignment WHERE AssigneeId = :userId AND PermissionSet.Name = :INTEGRATION_SET
  if (!canReadSetup(context)) throw new SetupQueryError('No access to entity: PermissionSetAssignment');
  const integrationSets = new Set(
    (await context.source.list('PermissionSet'))
      .filter((set) => set.Name === INTEGRATION_SET)
      .map((set) => set.Id.slice(0, 15))
  );
  const assigned = (await context.source.list('PermissionSetAssignment')).filter(
    (row) =>
      String(row.AssigneeId ?? '').slice(0, 15) === user.Id.slice(0, 15) &&
      integrationSets.has(String(row.PermissionSetId ?? '').slice(0, 15))
  ).length;
  const gaps: string[] = [];
  if (user.IsActive !== true) gaps.push(context.labels.get('Setup_Check_UserInactive'));
  if (assigned === 0) gaps.push(context.labels.get('Setup_Check_UserMissingSet'));
  if (user.UserRoleId) gaps.push(context.labels.get('Setup_Check_UserHasRole'));
  if (
    lastRun.Status__c === 'Failed' &&
    typeof lastRun.ErrorMessage__c === 'string' &&
    lastRun.ErrorMessage__c.trim()
  )
    gaps.push(lastRun.ErrorMessage__c);
  return gaps.length === 0
    ? checklistItem(
        'integrationUser',
        'Done',
        format(context.labels.get('Setup_Check_UserReady'), [username])
      )
    : checklistItem('integrationUser', 'ToDo', `${username}: ${gaps.join(' ')}`);
}

/** SetupChecklistService.permissionStep */
function permissionStep(context: ApexContext, sync: Record<string, unknown>): ChecklistItem {
  const learners = sync.learnersMissing;
  const managers = sync.managersMissing;
  if (typeof learners !== 'number' || typeof managers !== 'number') {
    return checklistItem('permissionSets', 'ToDo', context.labels.get('Setup_Permissions_SetsMissing'));
  }
  return checklistItem(
    'permissionSets',
    learners === 0 && managers === 0 ? 'Done' : 'ToDo',
    format(context.labels.get('Setup_Check_PermissionsDetail'), [learners, managers])
  );
}

interface CatalogueField {
  name: string;
  type: string;
  relationshipName?: string;
  referenceTo?: string[];
  filterable?: boolean;
  picklistValues?: { value: string; label?: string; active?: boolean }[];
}

let catalogue: Map<string, CatalogueField[]> | undefined;
function fieldsOf(objectName: string): CatalogueField[] {
  if (!catalogue) {
    const file = join(ROOT, 'emulators/salesforce/catalogue.json');
    const document = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as { objects: { name: string; fields: CatalogueField[] }[] })
      : { objects: [] };
    catalogue = new Map(document.objects.map((object) => [object.name, object.fields]));
  }
  return catalogue.get(objectName) ?? [];
}

/** "MobilePhone" → "Mobile Phone": the catalogue carries API names only. */
function labelOf(name: string): string {
  return name.replace(/Id$/, ' ID').replace(/([a-z])([A-Z])/g, '$1 $2');
}

const PARENTS: Record<string, string[]> = {
  User: ['ManagerId', 'ProfileId', 'UserRoleId'],
  Contact: ['AccountId', 'ReportsToId']
};

export function fieldOptions(context: ApexContext, objectName: string | null): Dto[] {
  if (!objectName || !PARENTS[objectName]) throw refuse(context, 'Setup_Error_UnknownObject');
  const options: Dto[] = [];
  const add = (field: CatalogueField, prefix: string, labelPrefix: string) => {
    const fieldType = field.type as FieldType;
    if (!(fieldType in FAMILY_BY_FIELD_TYPE)) return;
    options.push({
      path: prefix + field.name,
      label: labelPrefix + labelOf(field.name),
      fieldType,
      filterable: field.filterable ?? fieldType !== 'textarea',
      operators: [...operatorsForFieldType(fieldType)],
      picklistValues: (field.picklistValues ?? [])
        .filter((value) => value.active !== false)
        .map((value) => ({ value: value.value, label: value.label ?? value.value }))
    });
  };
  const fields = fieldsOf(objectName);
  for (const field of fields) add(field, '', '');
  for (const referenceName of PARENTS[objectName]) {
    const reference = fields.find((field) => field.name === referenceName);
    if (!reference?.relationshipName || reference.referenceTo?.length !== 1) continue;
    for (const parentField of fieldsOf(reference.referenceTo[0])) {
      add(parentField, `${reference.relationshipName}.`, `${labelOf(referenceName).replace(/ ID$/, '')} > `);
    }
  }
  return options;
}
