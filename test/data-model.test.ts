// The package data model against its contracts: docs/data-model.md is current, keys are unique external ids,
// person links are lookups, permission sets grant exactly what docs/permissions.md says, picklists match the
// names agreed with the runner and emulator, and the reports/app reference only what exists.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { DOC_PATH, ObjectModel, readDataModel, renderDataModelDoc } from '../scripts/generate-data-model-doc';

const ROOT = join(__dirname, '..');
const META = join(ROOT, 'force-app/main/default');
const model = readDataModel(ROOT);
const byName = new Map(model.map((o) => [o.name, o]));
const field = (object: string, name: string) => byName.get(object)?.fields.find((f) => f.name === name);

const LEARNING = [
  'UserCourse__c',
  'ContactCourse__c',
  'UserCertificate__c',
  'ContactCertificate__c',
  'UserBadge__c',
  'ContactBadge__c'
];
const STANDARD_PEOPLE = ['User', 'Contact', 'Account'];

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });
const readXml = (file: string) =>
  parser.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

describe('docs/data-model.md', () => {
  it('is what scripts/generate-data-model-doc.ts renders from force-app/', () => {
    const current = readFileSync(join(ROOT, DOC_PATH), 'utf8');
    assert.equal(
      current,
      renderDataModelDoc(model),
      'docs/data-model.md is stale: run `npm run docs:data-model`'
    );
  });

  it('lists every field of every object with its picklist values', () => {
    const doc = readFileSync(join(ROOT, DOC_PATH), 'utf8');
    for (const o of model) {
      assert.ok(doc.includes(`(\`${o.name}\`)`), `${o.name} has no section`);
      for (const f of o.fields) {
        assert.ok(doc.includes(`| \`${f.name}\` |`), `${o.name}.${f.name} missing from the doc`);
        for (const v of f.values)
          assert.ok(doc.includes(`\`${v.apiName}\` (${v.label})`), `${o.name}.${f.name} value ${v.apiName}`);
      }
    }
  });
});

describe('keys and person ids', () => {
  // Where a key name appears as a plain reference (not the record's identity), it is listed here on purpose.
  const KEYS: Record<string, string[]> = {
    ...Object.fromEntries(LEARNING.map((o) => [o, ['ExternalKey__c']])),
    Learner__c: ['SalesforceId__c', 'TalentLmsUserId__c'],
    SyncRun__c: ['RunId__c'],
    SyncIssue__c: ['IssueKey__c'],
    SyncState__c: ['StateKey__c'],
    SyncLock__c: ['LockKey__c'],
    TalentLmsCatalog__c: ['CatalogKey__c'],
    ConnectorSettings__c: ['SettingsKey__c']
  };
  const REFERENCES = new Set(['SyncIssue__c.SalesforceId__c', 'SyncLock__c.RunId__c']);
  const KEY_NAMES = new Set(Object.values(KEYS).flat());

  it('every key field is an external id and unique', () => {
    for (const [object, names] of Object.entries(KEYS)) {
      for (const name of names) {
        const f = field(object, name);
        assert.ok(f, `${object}.${name} does not exist`);
        assert.equal(f.type, 'Text', `${object}.${name} should be Text`);
        assert.ok(f.externalId, `${object}.${name} must be an external ID`);
        assert.ok(f.unique, `${object}.${name} must be unique`);
      }
    }
  });

  it('a field named like a key is a key unless listed as a plain reference', () => {
    for (const o of model) {
      for (const f of o.fields.filter((x) => KEY_NAMES.has(x.name))) {
        const id = `${o.name}.${f.name}`;
        if (REFERENCES.has(id)) {
          assert.ok(!f.unique, `${id} is a reference and must not be unique`);
        } else {
          assert.ok(KEYS[o.name]?.includes(f.name), `${id} looks like a key but is not in the key list`);
        }
      }
    }
  });

  it('Salesforce ids are compared case-sensitively; external keys fit their formats', () => {
    assert.ok(
      field('Learner__c', 'SalesforceId__c')?.caseSensitive,
      'Learner__c.SalesforceId__c must be case-sensitive'
    );
    assert.equal(field('Learner__c', 'SalesforceId__c')?.length, 18);
    for (const o of LEARNING)
      assert.equal(field(o, 'ExternalKey__c')?.length, 255, `${o}.ExternalKey__c length`);
  });
});

describe('relationships and sharing', () => {
  it('no custom object has a master-detail field to a standard object (or at all)', () => {
    const masterDetails = model.flatMap((o) =>
      o.fields.filter((f) => f.type === 'MasterDetail').map((f) => `${o.name}.${f.name}`)
    );
    assert.deepEqual(
      masterDetails,
      [],
      'person links must be lookups: packaged permission sets cannot cover details of a standard master'
    );
  });

  it('person links are lookups with SetNull, and User lookups carry no relationship label', () => {
    const links = model.flatMap((o) => o.fields.filter((f) => STANDARD_PEOPLE.includes(f.referenceTo ?? '')));
    assert.ok(
      links.length >= 14,
      `expected the person links of every learning object and Learner__c, found ${links.length}`
    );
    for (const f of links) {
      assert.equal(f.type, 'Lookup', `${f.object}.${f.name}`);
      assert.equal(f.deleteConstraint, 'SetNull', `${f.object}.${f.name}`);
      assert.ok(!f.required, `${f.object}.${f.name} must not be required (SetNull)`);
      if (f.referenceTo === 'User')
        assert.equal(f.relationshipLabel, undefined, `${f.object}.${f.name} has a relationshipLabel`);
    }
    for (const o of LEARNING) {
      const people = o.startsWith('User') ? ['User'] : ['Contact', 'Account'];
      for (const p of people)
        assert.ok(field(o, `${p}__c`)?.referenceTo === p, `${o}.${p}__c should look up ${p}`);
      assert.equal(field(o, 'Learner__c')?.referenceTo, 'Learner__c', `${o}.Learner__c`);
    }
  });

  it('learning objects and Learner__c are Private', () => {
    for (const name of [...LEARNING, 'Learner__c']) {
      assert.equal(byName.get(name)?.sharingModel, 'Private', `${name} sharingModel`);
      assert.equal(byName.get(name)?.externalSharingModel, 'Private', `${name} externalSharingModel`);
    }
  });

  it('every object has a description and every field a description and help text', () => {
    for (const o of model) {
      assert.ok(o.description.length > 20, `${o.name} description`);
      for (const f of o.fields) {
        assert.ok(f.description.length > 0, `${o.name}.${f.name} description`);
        assert.ok(f.label.length <= 40, `${o.name}.${f.name} label over 40 characters`);
        assert.ok(f.name.length <= 43, `${o.name}.${f.name} API name over 40 characters`);
        assert.ok(f.help.length > 0 && f.help.length <= 510, `${o.name}.${f.name} inlineHelpText`);
      }
    }
  });

  it('no object has more than one long text field besides the ones the runner reads separately', () => {
    // The runner reads these objects every run and must select one long text field per query (DESIGN.md).
    for (const name of [
      'Learner__c',
      'SyncState__c',
      'SyncLock__c',
      'TalentLmsCatalog__c',
      'SyncIssue__c',
      ...LEARNING
    ]) {
      const long = byName.get(name)?.fields.filter((f) => f.type === 'LongTextArea') ?? [];
      assert.ok(long.length <= 1, `${name} has ${long.length} long text fields`);
    }
  });

  it('formulas compute time spent, overdue and expired from the stored fields', () => {
    for (const o of ['UserCourse__c', 'ContactCourse__c']) {
      assert.match(
        field(o, 'TimeSpent__c')?.formula ?? '',
        /TimeSpentSeconds__c \/ 3600.*LPAD\(/,
        `${o}.TimeSpent__c`
      );
      assert.match(
        field(o, 'IsOverdue__c')?.formula ?? '',
        /ISPICKVAL\(Status__c, "Completed"\).*ExpiresOn__c < NOW\(\)/
      );
      assert.equal(field(o, 'Score__c')?.type, 'Number');
    }
    for (const o of ['UserCertificate__c', 'ContactCertificate__c']) {
      assert.match(
        field(o, 'IsExpired__c')?.formula ?? '',
        /NOT\(ISBLANK\(ExpiresOn__c\)\), ExpiresOn__c < NOW\(\)/
      );
    }
  });
});

describe('picklists match the names agreed in /work/plan/names.md', () => {
  const COURSE = 'NotStarted=Not started|InProgress=In progress|Completed|Failed|Expired|Unknown';
  const EXPECTED: Record<string, { values: string; restricted: boolean }> = {
    'UserCourse__c.Status__c': { values: COURSE, restricted: false },
    'ContactCourse__c.Status__c': { values: COURSE, restricted: false },
    'Learner__c.PersonType__c': { values: 'User|Contact', restricted: true },
    'Learner__c.TalentLmsStatus__c': { values: 'Active|Inactive', restricted: true },
    'Learner__c.State__c': {
      values: 'Creating|Synced|Error|NeedsReview=Needs review|Excluded',
      restricted: true
    },
    'SyncRun__c.Mode__c': { values: 'Run|Plan|Check', restricted: true },
    'SyncRun__c.Status__c': { values: 'Running|Succeeded|Partial|Failed|Skipped', restricted: true },
    'SyncRun__c.StopReason__c': { values: 'Quota|CircuitBreaker|LockHeld|Interrupted', restricted: true },
    'SyncIssue__c.Status__c': { values: 'Open|Closed|ResolvedByAdmin=Resolved by admin', restricted: true },
    'SettingsChange__c.Action__c': { values: 'SaveDraft|Activate|Discard', restricted: true }
  };

  it('has exactly these picklists, values in this order, with the agreed labels', () => {
    const actual = model.flatMap((o) =>
      o.fields.filter((f) => f.type === 'Picklist').map((f) => `${o.name}.${f.name}`)
    );
    assert.deepEqual(actual.sort(), Object.keys(EXPECTED).sort());
    for (const [id, expected] of Object.entries(EXPECTED)) {
      const [object, name] = id.split('.');
      const f = field(object, name);
      const entries = expected.values.split('|').map((e) => e.split('='));
      assert.deepEqual(
        f?.values.map((v) => v.apiName),
        entries.map((e) => e[0]),
        `${id} API values`
      );
      entries.forEach(([api, label], i) => {
        if (label) assert.equal(f?.values[i].label, label, `${id} ${api} label`);
        assert.match(api, /^[A-Z][A-Za-z]*$/, `${id} ${api} must be PascalCase without spaces`);
      });
      assert.equal(f?.restricted, expected.restricted, `${id} restricted`);
      assert.ok(
        f?.values.every((v) => !v.isDefault),
        `${id} has no default value`
      );
    }
  });
});

type ObjectGrant = { object: string; crud: string; read: string; edit: string };
type SetGrant = { objects: ObjectGrant[]; app: string; tabs: string[]; classes: string[] };

/** Reads the per-set tables of docs/permissions.md (format described at the top of that file). */
function readPermissionDoc(): Record<string, SetGrant> {
  const doc = readFileSync(join(ROOT, 'docs/permissions.md'), 'utf8');
  const result: Record<string, SetGrant> = {};
  for (const section of doc.split(/^## /m).slice(1)) {
    const heading = section.split('\n')[0].match(/^`(TalentLMS_\w+)`$/);
    if (!heading) continue;
    // Prettier pads the tables; separator rows hold only dashes, colons and pipes.
    const rows = section.split('\n').filter((l) => l.startsWith('| ') && !/^[|\s:-]+$/.test(l));
    const cells = (line: string) =>
      line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim());
    const names = (text: string) =>
      text === 'none' ? [] : text.split(',').map((t) => t.trim().replace(/`/g, ''));
    const grant: SetGrant = { objects: [], app: 'none', tabs: [], classes: [] };
    for (const row of rows.map(cells)) {
      if (row[0] === 'Object' || row[0] === 'Grant') continue;
      if (row.length === 9) {
        const crud = ['C', 'R', 'E', 'D', 'V', 'M'].filter((_, i) => row[i + 1] === 'yes').join('');
        grant.objects.push({ object: row[0].replace(/`/g, ''), crud, read: row[7], edit: row[8] });
      } else if (row[0] === 'App') grant.app = row[1].replace(/`/g, '');
      else if (row[0] === 'Tabs') grant.tabs = names(row[1]);
      else if (row[0] === 'Apex classes') grant.classes = names(row[1]);
    }
    result[heading[1]] = grant;
  }
  return result;
}

function expectedFieldPermissions(o: ObjectModel, read: string, edit: string): string[] {
  const readable = o.fields.filter((f) => !f.required && (read === 'all' || read.includes(`\`${f.name}\``)));
  return readable.map((f) => {
    const editable = f.formula === undefined && (edit === 'all' || edit.includes(`\`${f.name}\``));
    return `${o.name}.${f.name}:read${editable ? '+edit' : ''}`;
  });
}

describe('permission sets grant exactly what docs/permissions.md says', () => {
  const documented = readPermissionDoc();
  const files = readdirSync(join(META, 'permissionsets')).filter((f) =>
    f.endsWith('.permissionset-meta.xml')
  );

  it('documents every packaged permission set, and only those', () => {
    const shipped = files.map((f) => f.replace('.permissionset-meta.xml', '')).sort();
    assert.deepEqual(shipped, [
      'TalentLMS_Admin',
      'TalentLMS_Integration',
      'TalentLMS_Learner',
      'TalentLMS_Manager'
    ]);
    assert.deepEqual(Object.keys(documented).sort(), shipped);
  });

  for (const file of files) {
    const name = file.replace('.permissionset-meta.xml', '');
    it(`${name}: object, field, tab, app and Apex grants`, () => {
      const set = readXml(join(META, 'permissionsets', file)).PermissionSet;
      const doc = documented[name];
      const flags: [string, string][] = [
        ['allowCreate', 'C'],
        ['allowRead', 'R'],
        ['allowEdit', 'E'],
        ['allowDelete', 'D'],
        ['viewAllRecords', 'V'],
        ['modifyAllRecords', 'M']
      ];
      const objects = list(set.objectPermissions as Record<string, string>[]).map((p) => ({
        object: p.object,
        crud: ['C', 'R', 'E', 'D', 'V', 'M']
          .filter((letter) => flags.some(([key, l]) => l === letter && p[key] === 'true'))
          .join('')
      }));
      const sortBy = <T extends { object: string }>(rows: T[]) =>
        [...rows].sort((a, b) => a.object.localeCompare(b.object));
      assert.deepEqual(
        sortBy(objects),
        sortBy(doc.objects.map(({ object, crud }) => ({ object, crud }))),
        `${name} object permissions`
      );

      const fields = list(set.fieldPermissions as Record<string, string>[]).map((p) => {
        assert.equal(p.readable, 'true', `${name} ${p.field}: a field permission that grants nothing`);
        return `${p.field}:read${p.editable === 'true' ? '+edit' : ''}`;
      });
      const expected = doc.objects.flatMap((g) => {
        const o = byName.get(g.object);
        assert.ok(o, `${name} documents unknown object ${g.object}`);
        return expectedFieldPermissions(o, g.read, g.edit);
      });
      assert.deepEqual([...fields].sort(), [...expected].sort(), `${name} field permissions`);

      const apps = list(set.applicationVisibilities as Record<string, string>[])
        .filter((a) => a.visible === 'true')
        .map((a) => a.application);
      assert.deepEqual(apps, doc.app === 'none' ? [] : [doc.app], `${name} app visibility`);
      const tabs = list(set.tabSettings as Record<string, string>[]).map((t) => `${t.tab}:${t.visibility}`);
      assert.deepEqual(tabs.sort(), doc.tabs.map((t) => `${t}:Visible`).sort(), `${name} tabs`);
      const classes = list(set.classAccesses as Record<string, string>[])
        .filter((c) => c.enabled === 'true')
        .map((c) => c.apexClass);
      assert.deepEqual(classes.sort(), [...doc.classes].sort(), `${name} Apex classes`);
      assert.equal(
        set.userPermissions,
        undefined,
        `${name}: user permissions are ignored at install; list them as manual grants`
      );
    });
  }

  it('the integration user has CRED on every runner object and only read on settings', () => {
    const integration = documented.TalentLMS_Integration.objects;
    for (const o of [
      ...LEARNING,
      'Learner__c',
      'SyncRun__c',
      'SyncIssue__c',
      'SyncState__c',
      'SyncLock__c',
      'TalentLmsCatalog__c'
    ]) {
      assert.match(integration.find((g) => g.object === o)?.crud ?? '', /^CRED/, `${o}`);
    }
    for (const o of ['ConnectorSettings__c', 'SettingsChange__c']) {
      assert.equal(
        integration.find((g) => g.object === o)?.crud,
        'R',
        `${o} must be read-only for the runner`
      );
    }
    const admin = documented.TalentLMS_Admin.objects;
    assert.deepEqual(
      admin.map((g) => g.object).sort(),
      model.map((o) => o.name).sort(),
      'admin covers every package object'
    );
    assert.ok(
      admin.every((g) => g.crud.includes('V')),
      'admin has View All on every package object'
    );
  });

  it('the manual grants table names the platform permissions a package cannot carry', () => {
    const doc = readFileSync(join(ROOT, 'docs/permissions.md'), 'utf8');
    const manual = doc.split('## Manual grants for the integration user')[1]?.split(/^## /m)[0] ?? '';
    const rows = manual
      .split('\n')
      .filter((l) => /^\| (userPermission|objectPermission|fieldPermission) /.test(l));
    const grants = rows.map((l) =>
      l
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim().replace(/`/g, ''))
        .slice(0, 3)
        .join(' ')
    );
    assert.deepEqual(grants, [
      'userPermission ApiEnabled Enabled',
      'userPermission ApiUserOnly Enabled',
      'userPermission ViewSetup Enabled',
      'userPermission ViewAllUsers Enabled',
      'objectPermission User Read',
      'objectPermission Account Read, ViewAll',
      'objectPermission Contact Read, ViewAll',
      'fieldPermission User.* Read',
      'fieldPermission Account.* Read',
      'fieldPermission Contact.* Read'
    ]);
  });
});

describe('app, tabs, list views and reports reference what exists', () => {
  const fieldNames = (object: string) =>
    new Set([
      'Name',
      'CreatedDate',
      'LastModifiedDate',
      ...(byName.get(object)?.fields.map((f) => f.name) ?? [])
    ]);

  it('the TalentLMS app lists existing tabs plus standard Accounts and Contacts', () => {
    const app = readXml(join(META, 'applications/TalentLMS.app-meta.xml')).CustomApplication;
    const tabs = list(app.tabs as string[]);
    assert.equal(app.uiType, 'Lightning');
    assert.ok(
      tabs.includes('standard-Account') && tabs.includes('standard-Contact'),
      'standard Account and Contact tabs'
    );
    for (const tab of tabs.filter((t) => !t.startsWith('standard-'))) {
      assert.ok(existsSync(join(META, 'tabs', `${tab}.tab-meta.xml`)), `app tab ${tab} has no tab file`);
    }
  });

  it('list view columns and filters name fields of their object', () => {
    const tokens = new Set(['NAME', 'CREATED_DATE', 'LAST_UPDATE', 'OWNER.ALIAS']);
    let views = 0;
    for (const o of model) {
      const dir = join(META, 'objects', o.name, 'listViews');
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir)) {
        views++;
        const lv = readXml(join(dir, file)).ListView;
        assert.ok(String(lv.label).length <= 40, `${o.name}/${file} label over 40 characters`);
        const used = [
          ...list(lv.columns as string[]),
          ...list(lv.filters as Record<string, string>[]).map((f) => f.field)
        ];
        for (const f of used)
          assert.ok(tokens.has(f) || fieldNames(o.name).has(f), `${o.name}/${file} names unknown field ${f}`);
      }
    }
    assert.ok(views >= 20, `expected the list views of every learning and admin object, found ${views}`);
  });

  it('report columns, groupings and filters are in their report type; dashboards use groupings of their reports', () => {
    const typeFields = new Map<string, Set<string>>();
    for (const file of readdirSync(join(META, 'reportTypes'))) {
      const rt = readXml(join(META, 'reportTypes', file)).ReportType;
      const columns = list(rt.sections as Record<string, unknown>[]).flatMap((s) =>
        list(s.columns as Record<string, string>[])
      );
      for (const c of columns) {
        const table = c.table.split('.').pop() as string;
        const object = table === 'Contacts' ? 'Contact' : table.endsWith('__r') ? 'ContactCourse__c' : table;
        const base = c.field.split('.')[0];
        if (byName.has(object))
          assert.ok(fieldNames(object).has(base), `${file}: ${c.table} has no field ${c.field}`);
      }
      assert.ok(String(rt.label).length <= 50, `${file}: report type label over 50 characters`);
      typeFields.set(
        `${file.replace('.reportType-meta.xml', '')}__c`,
        new Set(columns.map((c) => `${c.table}$${c.field}`))
      );
    }
    const groupings = new Map<string, string[]>();
    const folder = join(META, 'reports/TalentLMS_Reports');
    for (const file of readdirSync(folder)) {
      const report = readXml(join(folder, file)).Report;
      assert.ok(String(report.name).length <= 40, `${file}: report name over 40 characters`);
      const known = typeFields.get(String(report.reportType));
      assert.ok(known, `${file} uses unknown report type ${report.reportType}`);
      const down = list(report.groupingsDown as Record<string, string>[]).map((g) => g.field);
      const used = [...list(report.columns as Record<string, string>[]).map((c) => c.field), ...down];
      const timeFrame = report.timeFrameFilter as Record<string, string> | undefined;
      if (timeFrame) used.push(timeFrame.dateColumn);
      for (const f of used)
        assert.ok(known.has(f), `${file}: ${f} is not in report type ${report.reportType}`);
      if (report.format === 'Summary') assert.ok(down.length > 0, `${file}: summary without groupings`);
      groupings.set(`TalentLMS_Reports/${file.replace('.report-meta.xml', '')}`, down);
    }
    const dashboard = readXml(
      join(META, 'dashboards/TalentLMS_Dashboards/Training_Completion.dashboard-meta.xml')
    ).Dashboard;
    assert.equal(dashboard.dashboardType, 'SpecifiedUser');
    assert.equal(dashboard.runningUser, undefined, 'a packaged dashboard must not name a running user');
    const sections = ['leftSection', 'middleSection', 'rightSection'].map(
      (s) => dashboard[s] as Record<string, unknown>
    );
    const components = sections.flatMap((s) => list(s?.components as Record<string, unknown>[]));
    assert.ok(components.length >= 3, 'the dashboard has its charts');
    for (const c of components) {
      const reportGroupings = groupings.get(String(c.report));
      assert.ok(reportGroupings, `dashboard component uses unknown report ${c.report}`);
      for (const g of list(c.groupingColumn as string[]))
        assert.ok(reportGroupings.includes(g), `${c.report}: ${g} is not a grouping`);
    }
  });

  it('report and dashboard folders are shared with nobody at install', () => {
    const reportFolder = readXml(join(META, 'reports/TalentLMS_Reports.reportFolder-meta.xml')).ReportFolder;
    const dashboardFolder = readXml(
      join(META, 'dashboards/TalentLMS_Dashboards.dashboardFolder-meta.xml')
    ).DashboardFolder;
    for (const folder of [reportFolder, dashboardFolder]) {
      assert.equal(folder.folderShares, undefined, `${folder.name} must be admin-only`);
      assert.equal(folder.accessType, undefined, `${folder.name} has a legacy access type`);
    }
  });

  it('the CSP trusted site allows TalentLMS images only', () => {
    const site = readXml(join(META, 'cspTrustedSites/TalentLMS.cspTrustedSite-meta.xml')).CspTrustedSite;
    assert.equal(site.endpointUrl, 'https://*.talentlms.com');
    assert.equal(site.isActive, 'true');
    const applicable = Object.keys(site).filter((k) => k.startsWith('isApplicableTo') && site[k] === 'true');
    assert.deepEqual(applicable, ['isApplicableToImgSrc']);
  });
});

describe('data/ sample data plan', () => {
  type Step = { sobject: string; saveRefs: boolean; resolveRefs: boolean; files: string[] };
  type DataRecord = Record<string, unknown> & { attributes: { type: string; referenceId: string } };
  const plan = JSON.parse(readFileSync(join(ROOT, 'data/sample-data-plan.json'), 'utf8')) as Step[];
  const records = (file: string) =>
    (JSON.parse(readFileSync(join(ROOT, 'data', file), 'utf8')) as { records: DataRecord[] }).records;
  const STANDARD_FIELDS: Record<string, string[]> = {
    Account: ['Name', 'Industry'],
    Contact: ['FirstName', 'LastName', 'Email', 'AccountId']
  };
  const PORTAL = '638e12a2';

  it('loads in an order where every reference points at a record saved by an earlier step', () => {
    const saved = new Set<string>();
    let count = 0;
    for (const step of plan) {
      for (const file of step.files) {
        for (const record of records(file)) {
          count++;
          assert.equal(record.attributes.type, step.sobject, `${file}: record type`);
          for (const [key, value] of Object.entries(record)) {
            if (typeof value === 'string' && value.startsWith('@')) {
              assert.ok(step.resolveRefs, `${file} uses references but its step does not resolve them`);
              assert.ok(
                saved.has(value.slice(1)),
                `${file}: ${key} -> ${value} is not saved by an earlier step`
              );
            }
          }
        }
        if (step.saveRefs) for (const record of records(file)) saved.add(record.attributes.referenceId);
      }
    }
    assert.ok(count >= 30, `expected a useful sample, found ${count} records`);
  });

  it('names only existing fields, valid picklist values, and every required key', () => {
    for (const step of plan) {
      const o = byName.get(step.sobject);
      for (const record of step.files.flatMap(records)) {
        const id = `${step.sobject} ${record.attributes.referenceId}`;
        for (const [key, value] of Object.entries(record)) {
          if (key === 'attributes') continue;
          if (!o) {
            assert.ok(
              STANDARD_FIELDS[step.sobject]?.includes(key),
              `${id}: ${key} is not a known standard field`
            );
            continue;
          }
          const f = o.fields.find((x) => x.name === key);
          assert.ok(f || key === 'Name', `${id}: unknown field ${key}`);
          assert.ok(!f?.formula, `${id}: ${key} is a formula`);
          if (f?.type === 'Picklist') {
            assert.ok(
              f.values.some((v) => v.apiName === value),
              `${id}: ${value} is not a value of ${key}`
            );
          }
          if (f?.length !== undefined && typeof value === 'string')
            assert.ok(value.length <= f.length, `${id}: ${key} too long`);
        }
        for (const f of o?.fields.filter((x) => x.required) ?? [])
          assert.ok(record[f.name], `${id}: required ${f.name} missing`);
        if (o && o.nameField.type === 'Text') assert.ok(record.Name, `${id}: Name missing`);
      }
    }
  });

  it('learning keys follow the documented format and are unique', () => {
    const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
    assert.equal(sha1('acme-demo.talentlms.com').slice(0, 8), PORTAL, 'portal id of the sample domain');
    for (const file of ['ContactCourse__c.json', 'ContactCertificate__c.json', 'ContactBadge__c.json']) {
      const keys = records(file).map((r) => String(r.ExternalKey__c));
      assert.equal(new Set(keys).size, keys.length, `${file}: duplicate keys`);
      for (const r of records(file)) {
        const key = String(r.ExternalKey__c);
        if (file.startsWith('ContactBadge')) {
          const expected = `${PORTAL}:${key.split(':')[1]}:${r.BadgeSetId__c}:${r.BadgeType__c}:${sha1(String(r.BadgeName__c)).slice(0, 12)}`;
          assert.equal(key, expected, `${file} badge key`);
        } else {
          assert.match(key, new RegExp(`^${PORTAL}:\\d+:${r.CourseId__c}$`), `${file} course key`);
        }
      }
    }
  });
});

/**
 * Evaluates the small subset of the Salesforce formula language our formulas use, so their results can be
 * checked without an org. Blank is null; unknown functions throw, so a new formula needs its functions here.
 */
function evaluateFormula(formula: string, record: Record<string, unknown>, now: Date): unknown {
  const tokens = formula.match(/"[^"]*"|\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|<=|>=|<>|[-+*/&(),<>=]/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string) => {
    const token = tokens[at++];
    if (expected && token !== expected) throw new Error(`expected ${expected}, got ${token}`);
    return token;
  };
  const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
    IF: (c, a, b) => (c ? a : b),
    ISBLANK: (v) => v === null || v === undefined || v === '',
    TEXT: (v) => (v === null ? '' : String(v)),
    FLOOR: (v) => Math.floor(Number(v)),
    MOD: (a, b) => Number(a) % Number(b),
    LPAD: (s, n, pad) => String(s).padStart(Number(n), String(pad)),
    AND: (...args) => args.every(Boolean),
    NOT: (v) => !v,
    ISPICKVAL: (v, value) => v === value,
    NOW: () => now
  };
  const primary = (): unknown => {
    const token = take();
    if (token === '(') {
      const value = comparison();
      take(')');
      return value;
    }
    if (token.startsWith('"')) return token.slice(1, -1);
    if (/^\d/.test(token)) return Number(token);
    if (peek() === '(') {
      take('(');
      const args: unknown[] = [];
      while (peek() !== ')') {
        args.push(comparison());
        if (peek() === ',') take(',');
      }
      take(')');
      const fn = FUNCTIONS[token];
      if (!fn) throw new Error(`formula function ${token} is not supported by the test evaluator`);
      return fn(...args);
    }
    return record[token] ?? null;
  };
  const term = (): unknown => {
    let value = primary();
    while (peek() === '*' || peek() === '/')
      value = take() === '*' ? Number(value) * Number(primary()) : Number(value) / Number(primary());
    return value;
  };
  const sum = (): unknown => {
    let value = term();
    while (peek() === '+' || peek() === '-' || peek() === '&') {
      const op = take();
      const right = term();
      value =
        op === '&'
          ? `${value ?? ''}${right ?? ''}`
          : op === '+'
            ? Number(value) + Number(right)
            : Number(value) - Number(right);
    }
    return value;
  };
  function comparison(): unknown {
    const left = sum();
    if (peek() !== '<' && peek() !== '>') return left;
    const op = take();
    const right = sum();
    if (left === null || right === null) return null;
    const a = left instanceof Date ? left.getTime() : Number(left);
    const b = right instanceof Date ? right.getTime() : Number(right);
    return op === '<' ? a < b : a > b;
  }
  const result = comparison();
  if (at !== tokens.length) throw new Error(`unparsed formula tail at ${tokens[at]}`);
  return result;
}

describe('formula results', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const yesterday = new Date('2026-11-24T12:00:00Z');
  const tomorrow = new Date('2026-11-26T12:00:00Z');

  it('TimeSpent__c shows hours and zero-padded minutes', () => {
    for (const o of ['UserCourse__c', 'ContactCourse__c']) {
      const formula = field(o, 'TimeSpent__c')?.formula ?? '';
      const show = (seconds: number | null) =>
        evaluateFormula(formula, { TimeSpentSeconds__c: seconds }, now);
      assert.equal(show(3900), '1h 05m', `${o}: 3900 s`);
      assert.equal(show(0), '0h 00m', `${o}: 0 s`);
      assert.equal(show(59), '0h 00m', `${o}: under a minute`);
      assert.equal(show(36000 + 59 * 60), '10h 59m', `${o}: ten hours`);
      assert.equal(show(null), '', `${o}: blank stays blank`);
    }
  });

  it('IsOverdue__c is set only for courses not completed whose expiry has passed', () => {
    for (const o of ['UserCourse__c', 'ContactCourse__c']) {
      const formula = field(o, 'IsOverdue__c')?.formula ?? '';
      const overdue = (Status__c: string, ExpiresOn__c: Date | null) =>
        evaluateFormula(formula, { Status__c, ExpiresOn__c }, now);
      assert.equal(overdue('InProgress', yesterday), true, `${o}: in progress, expired`);
      assert.equal(overdue('Expired', yesterday), true, `${o}: TalentLMS says expired`);
      assert.equal(overdue('Completed', yesterday), false, `${o}: completed in time is never overdue`);
      assert.equal(overdue('InProgress', tomorrow), false, `${o}: not yet expired`);
      assert.equal(overdue('NotStarted', null), false, `${o}: no expiry`);
    }
  });

  it('IsExpired__c is set only for certificates with a past expiry date', () => {
    for (const o of ['UserCertificate__c', 'ContactCertificate__c']) {
      const formula = field(o, 'IsExpired__c')?.formula ?? '';
      assert.equal(evaluateFormula(formula, { ExpiresOn__c: yesterday }, now), true, `${o}: expired`);
      assert.equal(evaluateFormula(formula, { ExpiresOn__c: tomorrow }, now), false, `${o}: still valid`);
      assert.equal(evaluateFormula(formula, { ExpiresOn__c: null }, now), false, `${o}: never expires`);
    }
  });
});
