import { defaultValue } from '../../core/provision';
import type { SalesforceRecord } from '../../salesforce/port';
import { type BoundSchema, SINGLETON_KEY } from '../../salesforce/schema';
import type { TalentLmsCatalog } from './talentlmsReader';

/**
 * The TalentLMS catalog the Setup tab offers (custom fields for mappings, groups, branches, limits, the
 * portal date format), published to TalentLmsCatalog__c on every run: one upsert. The JSON stays within the
 * 131,072-character field by dropping list entries from the end (flagged `truncated`).
 */
export const MAX_CATALOG_CHARACTERS = 131_072;
export const CATALOG_SCHEMA_VERSION = 1;

export function catalogJson(read: TalentLmsCatalog, maxCharacters = MAX_CATALOG_CHARACTERS): string {
  const doc = {
    schemaVersion: CATALOG_SCHEMA_VERSION,
    customFields: read.customFields.map((f) => ({
      key: f.key,
      name: f.name,
      type: f.type,
      mandatory: f.mandatory,
      options: f.options,
      defaultOption: f.defaultOption,
      // What the runner gives a mandatory field without a value (null for dates: "today", shown by the tab).
      defaultValue: f.type === 'date' ? null : defaultValue(f, 0, read.dateFormat)
    })),
    groups: read.groups.map((g) => ({ id: g.id, name: g.name })),
    branches: read.branches.map((b) => ({ id: b.id, name: b.name })),
    signup: read.signup,
    truncated: false
  };
  let json = JSON.stringify(doc);
  while (json.length > maxCharacters && (doc.groups.length > 0 || doc.branches.length > 0)) {
    const longer = doc.branches.length >= doc.groups.length ? doc.branches : doc.groups;
    longer.splice(Math.max(0, longer.length - Math.ceil(longer.length / 10)));
    doc.truncated = true;
    json = JSON.stringify(doc);
  }
  return json;
}

export function catalogRecord(
  read: TalentLmsCatalog,
  schema: BoundSchema,
  domain: string,
  planName: string | null,
  nowIso: string
): SalesforceRecord {
  const f = schema.TalentLmsCatalog.f;
  return {
    Name: 'TalentLMS catalog',
    [f.CatalogKey]: SINGLETON_KEY,
    [f.Catalog]: catalogJson(read),
    [f.Domain]: domain.slice(0, 255),
    [f.DateFormat]: read.dateFormat,
    [f.PlanName]: planName ? planName.slice(0, 40) : null,
    [f.UserLimit]: null,
    [f.BranchLimit]: read.branchLimit,
    [f.BranchCount]: read.branches.length,
    [f.GroupCount]: read.groups.length,
    [f.PublishedAt]: nowIso
  };
}
