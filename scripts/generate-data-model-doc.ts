// `npm run docs:data-model [-- --check]`: writes docs/data-model.md from the object metadata in force-app/.
// The XML is the truth for names, types and values; who writes and reads each object (and the exceptions per
// field) lives in ACCESS below, because no metadata element records it. --check exits 1 when the doc is stale.
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export const OBJECTS_DIR = 'force-app/main/default/objects';
export const DOC_PATH = 'docs/data-model.md';

export type PicklistValue = { apiName: string; label: string; isDefault: boolean };
export type FieldModel = {
  object: string;
  name: string;
  label: string;
  type: string;
  description: string;
  help: string;
  length?: number;
  precision?: number;
  scale?: number;
  required: boolean;
  unique: boolean;
  externalId: boolean;
  caseSensitive: boolean;
  referenceTo?: string;
  relationshipName?: string;
  relationshipLabel?: string;
  deleteConstraint?: string;
  formula?: string;
  restricted?: boolean;
  values: PicklistValue[];
};
export type ObjectModel = {
  name: string;
  label: string;
  pluralLabel: string;
  description: string;
  sharingModel: string;
  externalSharingModel: string;
  nameField: { label: string; type: string; displayFormat?: string };
  fields: FieldModel[];
  listViews: { name: string; label: string }[];
};

/** Short part names per field; `how` tells the object's story in a sentence. */
type Access = { writes: string; reads: string };
type ObjectAccess = Access & {
  how: string;
  key?: { field: string; format: string }[];
  fields?: Record<string, Partial<Access>>;
};

const learningAccess = (key: string, fields?: Record<string, Partial<Access>>): ObjectAccess => ({
  writes: 'runner',
  reads: 'learning Apex, reports',
  how: 'The runner upserts by `ExternalKey__c` and deletes records TalentLMS no longer has; learning Apex reads them for My Learning, Team Members and Learning Activity; admins report on them.',
  key: [{ field: 'ExternalKey__c', format: key }],
  fields
});
const COURSE_FIELDS = { Score__c: { writes: 'nobody yet (reserved, docs/decisions.md)' } };
const COURSE_KEY = '{portalId}:{tlUserId}:{courseId}';
const BADGE_KEY =
  '{portalId}:{tlUserId}:{badgeSetId}:{type}:{first 12 hex characters of SHA-1 of the badge name}';

/** Who writes and reads each object, in the order the document lists them. */
export const ACCESS: Record<string, ObjectAccess> = {
  UserCourse__c: learningAccess(COURSE_KEY, COURSE_FIELDS),
  ContactCourse__c: learningAccess(COURSE_KEY, COURSE_FIELDS),
  UserCertificate__c: learningAccess(COURSE_KEY),
  ContactCertificate__c: learningAccess(COURSE_KEY),
  UserBadge__c: learningAccess(BADGE_KEY),
  ContactBadge__c: learningAccess(BADGE_KEY),
  Learner__c: {
    writes: 'runner',
    reads: 'runner, Sync Health Apex, reports',
    how: 'The runner upserts by `SalesforceId__c` every run (state Creating is written before the TalentLMS signup) and reads all learners at the start of a run; Sync Health Apex lists people not synced and why.',
    key: [
      { field: 'SalesforceId__c', format: '18-character Salesforce id of the User or Contact' },
      { field: 'TalentLmsUserId__c', format: 'TalentLMS user id (empty until the user exists in TalentLMS)' }
    ]
  },
  SyncRun__c: {
    writes: 'runner',
    reads: 'Sync Health Apex, Setup Apex, runner, reports',
    how: 'The runner inserts one record per run and completes it when the run ends (Plan runs carry `Plan__c`); Sync Health Apex shows runs; Setup Apex finds the plan for a draft by `SettingsVersion__c` and `SettingsHash__c`; the runner prunes old runs.',
    key: [{ field: 'RunId__c', format: 'UUID of the run (as printed by `tlms-sync`)' }]
  },
  SyncIssue__c: {
    writes: 'runner',
    reads: 'Sync Health Apex, runner, reports',
    how: 'The runner upserts by `IssueKey__c` (a recurrence raises `Count__c`) and closes issues when the action succeeds; admins mark them Resolved by admin in Sync Health.',
    key: [{ field: 'IssueKey__c', format: 'SHA-1 hex of {person}|{action}|{code}' }],
    fields: {
      Status__c: { writes: 'runner (Open, Closed); Sync Health Apex (ResolvedByAdmin)' },
      ClosedAt__c: { writes: 'runner; Sync Health Apex' }
    }
  },
  SyncState__c: {
    writes: 'runner',
    reads: 'runner, Setup Apex',
    how: 'The runner creates the singleton at the first run (the binding), checks the binding and reads watermarks and cursor every run, and commits them after a successful run; Setup Apex shows the binding and can request a full reconciliation.',
    key: [{ field: 'StateKey__c', format: 'always default (singleton)' }],
    fields: {
      FullReconciliationRequested__c: { writes: 'Setup Apex (sets), runner (clears)' },
      FullReconciliationRequestedAt__c: { writes: 'Setup Apex' }
    }
  },
  SyncLock__c: {
    writes: 'runner',
    reads: 'runner, Sync Health Apex',
    how: 'A run inserts the lock (the unique key makes a second insert fail), renews the heartbeat and deletes it at the end; an expired lock may be taken over; Sync Health Apex shows a run in progress.',
    key: [
      {
        field: 'LockKey__c',
        format: 'lock name chosen by the runner; the unique index makes the insert the lock'
      }
    ]
  },
  TalentLmsCatalog__c: {
    writes: 'runner',
    reads: 'Setup Apex',
    how: 'The runner refreshes the singleton at the start of every run; Setup Apex offers its custom fields, groups and branches for mappings and shows plan limits.',
    key: [{ field: 'CatalogKey__c', format: 'always default (singleton)' }]
  },
  ConnectorSettings__c: {
    writes: 'Setup Apex',
    reads: 'runner, Setup Apex',
    how: 'Admins save, activate and discard drafts through Setup Apex; the runner never writes it: it reads `ActiveJson__c` every run and `DraftJson__c` only to plan a newer draft.',
    key: [{ field: 'SettingsKey__c', format: 'always default (singleton)' }]
  },
  SettingsChange__c: {
    writes: 'Setup Apex',
    reads: 'Setup Apex, reports',
    how: 'Setup Apex inserts one record per save, activation or discard and never edits it; admins read the history.'
  }
};
const ARRAY_TAGS = new Set(['value', 'columns', 'filters']);
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ARRAY_TAGS.has(name)
});

/** Prettier wraps long text over several indented lines; the meaning is the text with whitespace collapsed. */
const clean = (value: unknown): string =>
  value === undefined || value === null ? '' : String(value).replace(/\s+/g, ' ').trim();
const num = (value: unknown): number | undefined => (value === undefined ? undefined : Number(value));

function readXml(file: string): Record<string, Record<string, unknown>> {
  return parser.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
}

function readField(object: string, file: string): FieldModel {
  const f = readXml(file).CustomField as Record<string, unknown>;
  const valueSet = f.valueSet as
    { restricted?: string; valueSetDefinition?: { value?: Record<string, unknown>[] } } | undefined;
  return {
    object,
    name: clean(f.fullName),
    label: clean(f.label),
    type: clean(f.type),
    description: clean(f.description),
    help: clean(f.inlineHelpText),
    length: num(f.length),
    precision: num(f.precision),
    scale: num(f.scale),
    required: f.required === 'true',
    unique: f.unique === 'true',
    externalId: f.externalId === 'true',
    caseSensitive: f.caseSensitive === 'true',
    referenceTo: f.referenceTo === undefined ? undefined : clean(f.referenceTo),
    relationshipName: f.relationshipName === undefined ? undefined : clean(f.relationshipName),
    relationshipLabel: f.relationshipLabel === undefined ? undefined : clean(f.relationshipLabel),
    deleteConstraint: f.deleteConstraint === undefined ? undefined : clean(f.deleteConstraint),
    formula: f.formula === undefined ? undefined : clean(f.formula),
    restricted: valueSet ? valueSet.restricted === 'true' : undefined,
    values: (valueSet?.valueSetDefinition?.value ?? []).map((v) => ({
      apiName: clean(v.fullName),
      label: clean(v.label),
      isDefault: v.default === 'true'
    }))
  };
}

const listFiles = (dir: string, suffix: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(suffix))
        .sort()
    : [];

export function readDataModel(repoRoot = '.'): ObjectModel[] {
  const objectsDir = resolve(repoRoot, OBJECTS_DIR);
  const objects: ObjectModel[] = [];
  for (const name of readdirSync(objectsDir).sort()) {
    const dir = join(objectsDir, name);
    const objectFile = join(dir, `${name}.object-meta.xml`);
    if (!existsSync(objectFile)) continue; // fields on standard objects have no object file of ours
    const o = readXml(objectFile).CustomObject as Record<string, unknown>;
    const nameField = o.nameField as Record<string, unknown>;
    objects.push({
      name,
      label: clean(o.label),
      pluralLabel: clean(o.pluralLabel),
      description: clean(o.description),
      sharingModel: clean(o.sharingModel),
      externalSharingModel: clean(o.externalSharingModel),
      nameField: {
        label: clean(nameField.label),
        type: clean(nameField.type),
        displayFormat: nameField.displayFormat === undefined ? undefined : clean(nameField.displayFormat)
      },
      fields: listFiles(join(dir, 'fields'), '.field-meta.xml').map((f) =>
        readField(name, join(dir, 'fields', f))
      ),
      listViews: listFiles(join(dir, 'listViews'), '.listView-meta.xml').map((f) => {
        const lv = readXml(join(dir, 'listViews', f)).ListView as Record<string, unknown>;
        return { name: clean(lv.fullName), label: clean(lv.label) };
      })
    });
  }
  return objects;
}

function typeText(f: FieldModel): string {
  if (f.formula !== undefined) return `Formula (${f.type})`;
  if (f.type === 'Lookup' || f.type === 'MasterDetail') {
    return `${f.type}(${f.referenceTo}), ${f.deleteConstraint ?? 'no delete rule'}, child \`${f.relationshipName}\``;
  }
  if (f.type === 'Picklist') return `Picklist (${f.restricted ? 'restricted' : 'unrestricted'})`;
  return f.type;
}

function sizeText(f: FieldModel): string {
  if (f.length !== undefined) return String(f.length);
  if (f.precision !== undefined) return `${f.precision},${f.scale ?? 0}`;
  return '';
}

function keyText(f: FieldModel): string {
  const parts: string[] = [];
  if (f.unique) parts.push(f.caseSensitive ? 'unique (case-sensitive)' : 'unique');
  if (f.externalId) parts.push('external ID');
  return parts.join(', ');
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

function renderObject(o: ObjectModel, access: ObjectAccess): string[] {
  for (const field of Object.keys(access.fields ?? {})) {
    if (field !== 'Name' && !o.fields.some((f) => f.name === field)) {
      throw new Error(`ACCESS names ${o.name}.${field}, which is not in ${OBJECTS_DIR}/${o.name}/fields`);
    }
  }
  // Salesforce computes formulas and auto numbers; everything else follows the object's entry or its exception.
  const computed = (field: string): Partial<Access> => {
    if (field === 'Name')
      return { writes: o.nameField.type === 'AutoNumber' ? 'Salesforce (auto number)' : access.writes };
    return o.fields.some((f) => f.name === field && f.formula !== undefined)
      ? { writes: 'Salesforce (formula)' }
      : {};
  };
  const who = (field: string): Access => ({
    ...access,
    ...computed(field),
    ...(access.fields?.[field] ?? {})
  });
  const longText = o.fields.filter((f) => f.type === 'LongTextArea').map((f) => `\`${f.name}\``);
  const nameType = o.nameField.displayFormat
    ? `${o.nameField.type} \`${o.nameField.displayFormat}\``
    : o.nameField.type;
  const lines = [
    `## ${o.label} (\`${o.name}\`)`,
    '',
    o.description,
    '',
    `- Record name: ${o.nameField.label}, ${nameType}`,
    `- Sharing: ${o.sharingModel} (external: ${o.externalSharingModel})`,
    ...(access.key ?? []).map((k) => `- Key \`${k.field}\`: ${k.format}`),
    `- Who: ${access.how}`,
    `- Long text fields: ${longText.length === 0 ? 'none' : `${longText.join(', ')} (a query the runner makes every run selects at most one)`}`,
    `- List views: ${o.listViews.length === 0 ? 'none' : o.listViews.map((v) => `${v.label} (\`${v.name}\`)`).join(', ')}`,
    '',
    '| Field | Label | Type | Length | Required | Unique / external ID | Written by | Read by | Meaning |',
    '|---|---|---|---|---|---|---|---|---|',
    `| \`Name\` | ${o.nameField.label} | ${o.nameField.type} | ${o.nameField.type === 'Text' ? '80' : ''} | yes |  | ${cell(who('Name').writes)} | ${cell(who('Name').reads)} | Record name |`
  ];
  for (const f of o.fields) {
    const w = who(f.name);
    lines.push(
      `| \`${f.name}\` | ${cell(f.label)} | ${cell(typeText(f))} | ${sizeText(f)} | ${f.required ? 'yes' : ''} | ${keyText(f)} | ${cell(w.writes)} | ${cell(w.reads)} | ${cell(f.description)} |`
    );
  }
  for (const f of o.fields.filter((x) => x.type === 'Picklist')) {
    const values = f.values.map((v) => `\`${v.apiName}\` (${v.label})`).join(', ');
    lines.push(
      '',
      `Picklist \`${f.name}\` (${f.restricted ? 'restricted' : 'unrestricted'}), API value (label): ${values}.`
    );
  }
  for (const f of o.fields.filter((x) => x.formula !== undefined)) {
    lines.push('', `Formula \`${f.name}\`: \`${f.formula}\``);
  }
  lines.push('');
  return lines;
}

export function renderDataModelDoc(model: ObjectModel[]): string {
  const known = new Set(model.map((o) => o.name));
  const missing = [...known].filter((name) => !ACCESS[name]);
  if (missing.length > 0) throw new Error(`No writer/reader entry in ACCESS for: ${missing.join(', ')}`);
  const gone = Object.keys(ACCESS).filter((name) => !known.has(name));
  if (gone.length > 0) throw new Error(`ACCESS names objects that do not exist: ${gone.join(', ')}`);
  const byName = new Map(model.map((o) => [o.name, o]));
  const out = [
    '# Data model',
    '',
    '<!-- Generated by scripts/generate-data-model-doc.ts from force-app/main/default/objects. Do not edit: run `npm run docs:data-model`. -->',
    '',
    'Every object and field of the package, as the source declares it. API names are unprefixed here; in an',
    'org with the package installed they carry the `tlms__` namespace (`tlms__UserCourse__c`,',
    '`tlms__Status__c`), which the runner composes in one function (`sync/src/salesforce/schema.ts`).',
    'Picklist API values are PascalCase without spaces; labels are the text people see.',
    '',
    '**Portal id**: the first 8 hex characters of SHA-1 of the lower-cased TalentLMS domain (for example of',
    '`acme.talentlms.com`). Every learning key starts with it, so a rebind to another portal can never upsert',
    "over the first portal's records.",
    '',
    '**Parts** in the Written by / Read by columns: `runner` is `tlms-sync` (`sync/`); `learning Apex` is the',
    "dashboards' read-only selectors; `Sync Health Apex` and `Setup Apex` back the admin tabs; `reports` are the",
    'packaged reports and list views, which admins (`TalentLMS_Admin`, View All) run; `Salesforce` computes',
    'formulas and auto numbers. Permissions per part: docs/permissions.md.',
    '',
    '## External keys',
    '',
    '| Object | Field | Format |',
    '|---|---|---|'
  ];
  for (const [name, access] of Object.entries(ACCESS)) {
    for (const key of access.key ?? []) out.push(`| \`${name}\` | \`${key.field}\` | ${cell(key.format)} |`);
  }
  out.push('');
  for (const [name, access] of Object.entries(ACCESS))
    out.push(...renderObject(byName.get(name) as ObjectModel, access));
  return `${out.join('\n').trimEnd()}\n`;
}

function main(argv: string[]): number {
  const doc = renderDataModelDoc(readDataModel('.'));
  if (argv.includes('--check')) {
    const current = existsSync(DOC_PATH) ? readFileSync(DOC_PATH, 'utf8') : '';
    if (current !== doc) {
      console.error(`${DOC_PATH} is stale: run \`npm run docs:data-model\` and commit the result.`);
      return 1;
    }
    console.log(`${DOC_PATH} is current.`);
    return 0;
  }
  writeFileSync(DOC_PATH, doc);
  console.log(`Wrote ${DOC_PATH} (${readDataModel('.').length} objects).`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
