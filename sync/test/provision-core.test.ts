import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  accountRole,
  adoptionRefusal,
  branchNameFor,
  branchSuffix,
  compileCondition,
  compileFilter,
  contactBaseWhere,
  convertValue,
  customFieldValues,
  DEFAULT_TEXT,
  findAccountBranch,
  idIn,
  learnerNames,
  loginFor,
  normaliseEmail,
  soqlLike,
  soqlQuoted,
  type TalentLmsCustomField,
  userBaseWhere
} from '../src/core/provision';
import type { FilterCondition } from '../src/settings';
import { catalogJson } from '../src/engine/provision/catalog';

const cond = (c: Partial<FilterCondition> & Pick<FilterCondition, 'field' | 'operator'>): FilterCondition =>
  c as FilterCondition;

describe('scope SOQL', () => {
  it('escapes values so a quote or OR can never widen the query', () => {
    const clause = compileCondition(
      cond({ field: 'LastName', operator: 'equals', value: "O'Brien' OR Name != '" })
    );
    assert.equal(clause, "LastName = 'O\\'Brien\\' OR Name != \\''");
    assert.equal(soqlQuoted('a\\b\nc'), "'a\\\\b\\nc'");
    const filter = compileFilter({
      logic: 'all',
      conditions: [cond({ field: 'Department', operator: 'in', value: ['Sales', "x') OR (Id != '"] })]
    });
    assert.equal(filter, "(Department IN ('Sales', 'x\\') OR (Id != \\''))");
  });

  it('makes % and _ literal in contains, startsWith and endsWith', () => {
    assert.equal(soqlLike('%', '50%_off', '%'), "'%50\\%\\_off%'");
    assert.equal(
      compileCondition(cond({ field: 'Title', operator: 'startsWith', value: 'VP_' })),
      "Title LIKE 'VP\\_%'"
    );
    assert.equal(
      compileCondition(cond({ field: 'Title', operator: 'endsWith', value: "it's" })),
      "Title LIKE '%it\\'s'"
    );
  });

  it('lets the "not" operators match blank fields', () => {
    assert.equal(
      compileCondition(cond({ field: 'Title', operator: 'notEquals', value: 'CEO' })),
      "(Title = null OR Title != 'CEO')"
    );
    assert.equal(
      compileCondition(cond({ field: 'Title', operator: 'notContains', value: 'x' })),
      "(Title = null OR (NOT Title LIKE '%x%'))"
    );
    assert.equal(
      compileCondition(cond({ field: 'Region', operator: 'notIn', value: ['EU', 'US'] })),
      "(Region = null OR Region NOT IN ('EU', 'US'))"
    );
    assert.equal(
      compileCondition(cond({ field: 'Skills__c', operator: 'excludes', value: ['Apex'] })),
      "(Skills__c = null OR Skills__c EXCLUDES ('Apex'))"
    );
    assert.equal(
      compileCondition(cond({ field: 'IsX__c', operator: 'notEquals', value: true }), 'boolean'),
      'IsX__c != true'
    );
  });

  it('writes numbers, booleans, dates and relative dates unquoted, by the live type', () => {
    assert.equal(
      compileCondition(cond({ field: 'Score__c', operator: 'greaterOrEqual', value: 1e21 }), 'double'),
      'Score__c >= 1000000000000000000000'
    );
    assert.equal(
      compileCondition(cond({ field: 'Active__c', operator: 'equals', value: false })),
      'Active__c = false'
    );
    assert.equal(
      compileCondition(cond({ field: 'Hired__c', operator: 'lessThan', value: '2026-01-01' }), 'date'),
      'Hired__c < 2026-01-01'
    );
    assert.equal(
      compileCondition(
        cond({ field: 'CreatedDate', operator: 'greaterThan', value: 'LAST_N_DAYS:30' }),
        'datetime'
      ),
      'CreatedDate > LAST_N_DAYS:30'
    );
    assert.throws(() =>
      compileCondition(cond({ field: 'Hired__c', operator: 'equals', value: 'TODAY OR 1=1' }), 'date')
    );
    assert.equal(
      compileCondition(cond({ field: 'Code__c', operator: 'equals', value: 42 }), 'string'),
      "Code__c = '42'"
    );
    assert.equal(
      compileCondition(cond({ field: 'Skills__c', operator: 'includes', value: ['A;B', 'C'] })),
      "Skills__c INCLUDES ('A;B', 'C')"
    );
    assert.equal(compileCondition(cond({ field: 'Email', operator: 'isBlank' })), 'Email = null');
    assert.equal(compileCondition(cond({ field: 'Email', operator: 'isNotBlank' })), 'Email != null');
  });

  it('compiles all, any and custom logic with parentheses', () => {
    const conditions = [
      cond({ field: 'A__c', operator: 'equals', value: 'a' }),
      cond({ field: 'B__c', operator: 'equals', value: 'b' }),
      cond({ field: 'C__c', operator: 'equals', value: 'c' })
    ];
    assert.equal(
      compileFilter({ logic: 'any', conditions }),
      "((A__c = 'a') OR (B__c = 'b') OR (C__c = 'c'))"
    );
    assert.equal(
      compileFilter({ logic: '1 AND (2 OR NOT 3)', conditions }),
      "((A__c = 'a') AND ((B__c = 'b') OR (NOT (C__c = 'c'))))"
    );
    assert.equal(compileFilter({ logic: 'all', conditions: [] }), null);
    assert.throws(() => compileFilter({ logic: '1 AND 2 OR 3', conditions }));
  });

  it('refuses field paths and ids that are not names', () => {
    assert.throws(() => compileCondition(cond({ field: 'Name) OR (Id', operator: 'isBlank' })));
    assert.throws(() => idIn(["001' OR Id != '"]));
    assert.equal(idIn(['005000000000001AAA']), "Id IN ('005000000000001AAA')");
  });

  it('base filters: active standard users but the run-as user; Person Accounts only when included', () => {
    assert.equal(
      userBaseWhere({
        runAsUserId: '005000000000001AAA',
        fields: { IsActive: 'IsActive', UserType: 'UserType' }
      }),
      "IsActive = true AND UserType = 'Standard' AND Id != '005000000000001AAA'"
    );
    const base = { isPersonAccountField: 'IsPersonAccount' };
    assert.equal(
      contactBaseWhere({ ...base, personAccountsEnabled: true, includePersonAccounts: false }),
      'IsPersonAccount = false'
    );
    assert.equal(
      contactBaseWhere({ ...base, personAccountsEnabled: true, includePersonAccounts: true }),
      null
    );
    assert.equal(
      contactBaseWhere({ ...base, personAccountsEnabled: false, includePersonAccounts: false }),
      null
    );
  });
});

describe('identity helpers', () => {
  it('normalises e-mails and refuses non-addresses', () => {
    assert.equal(normaliseEmail('  Ada@Example.COM '), 'ada@example.com');
    assert.equal(normaliseEmail('not an address'), null);
    assert.equal(normaliseEmail(null), null);
  });

  it('classifies TalentLMS user types and refuses privileged adoption without the setting', () => {
    assert.equal(accountRole('SuperAdmin'), 'superAdmin');
    assert.equal(accountRole('Admin-Type'), 'admin');
    assert.equal(accountRole('Trainer-Type'), 'instructor');
    assert.equal(accountRole('Learner-Instructor'), 'instructor');
    assert.equal(accountRole('Learner-Type'), 'learner');
    const off = { adoptAdmins: false, adoptInstructors: false };
    const on = { adoptAdmins: true, adoptInstructors: true };
    assert.match(String(adoptionRefusal('Admin-Type', off)), /adoptAdmins/);
    assert.match(String(adoptionRefusal('Trainer-Type', off)), /adoptInstructors/);
    assert.equal(adoptionRefusal('Admin-Type', on), null);
    assert.match(String(adoptionRefusal('SuperAdmin', on)), /never/);
    assert.equal(adoptionRefusal('Learner-Type', off), null);
  });

  it('makes a stable, unique login', () => {
    const none = () => false;
    const a = loginFor('003000000000001AAA', 'Ada.Lovelace+x@example.com', none);
    assert.equal(a, loginFor('003000000000001AAA', 'Ada.Lovelace+x@example.com', none), 'deterministic');
    assert.match(a, /^ada\.lovelacex-[0-9a-f]{6}$/);
    const longer = loginFor('003000000000001AAA', 'ada.lovelace+x@example.com', (l) => l === a);
    assert.notEqual(longer, a);
    assert.ok(longer.startsWith(a), 'lengthened until free');
    assert.notEqual(
      loginFor('003000000000002AAA', 'ada.lovelace+x@example.com', none),
      a,
      'another person, another login'
    );
    assert.match(loginFor('003000000000001AAA', '__@example.com', none), /^learner-/);
  });

  it('fills a missing first name', () => {
    assert.deepEqual(learnerNames(null, 'Madonna'), { first: 'Madonna', last: 'Madonna' });
    assert.deepEqual(learnerNames(' Ada ', 'Lovelace'), { first: 'Ada', last: 'Lovelace' });
  });
});

const field = (
  f: Partial<TalentLmsCustomField> & Pick<TalentLmsCustomField, 'key' | 'type'>
): TalentLmsCustomField => ({
  name: f.key,
  mandatory: false,
  options: [],
  defaultOption: null,
  ...f
});
const NOW = Date.UTC(2026, 0, 15, 9);

describe('custom fields', () => {
  const dropdown = field({
    key: 'custom_field_2',
    type: 'dropdown',
    options: ['North', 'South'],
    mandatory: true
  });
  const checkbox = field({ key: 'custom_field_3', type: 'checkbox', mandatory: true });
  const date = field({ key: 'custom_field_4', type: 'date', mandatory: true });
  const text = field({ key: 'custom_field_1', type: 'text' });
  const mandatoryText = field({ key: 'custom_field_5', type: 'text', mandatory: true });

  it('converts values per field type, and says why a value does not fit', () => {
    assert.deepEqual(convertValue(true, checkbox, 'DDMMYYYY'), { ok: true, value: 'on' });
    assert.deepEqual(convertValue('No', checkbox, 'DDMMYYYY'), { ok: true, value: 'off' });
    assert.equal(convertValue('maybe', checkbox, 'DDMMYYYY').ok, false);
    assert.deepEqual(convertValue('south', dropdown, 'DDMMYYYY'), { ok: true, value: 'South' });
    assert.equal(convertValue('East', dropdown, 'DDMMYYYY').ok, false);
    assert.deepEqual(convertValue('2026-03-04', date, 'DDMMYYYY'), { ok: true, value: '04/03/2026' });
    assert.deepEqual(convertValue('2026-03-04T10:00:00.000+0000', date, 'MMDDYYYY'), {
      ok: true,
      value: '03/04/2026'
    });
    assert.deepEqual(convertValue('2026-03-04', date, 'YYYYMMDD'), { ok: true, value: '2026/03/04' });
    assert.equal(convertValue('soon', date, 'DDMMYYYY').ok, false);
    assert.deepEqual(convertValue(12.5, text, 'DDMMYYYY'), { ok: true, value: '12.5' });
  });

  it('gives unmapped mandatory fields the reference defaults on signup', () => {
    const { values, problems } = customFieldValues({
      mappings: [],
      fieldValues: {},
      catalog: [text, dropdown, checkbox, date, mandatoryText],
      current: null,
      nowMs: NOW,
      dateFormat: 'DDMMYYYY'
    });
    assert.deepEqual(values, {
      custom_field_2: 'North',
      custom_field_3: 'off',
      custom_field_4: '15/01/2026',
      custom_field_5: DEFAULT_TEXT
    });
    assert.deepEqual(problems, []);
  });

  it('sends only differences, never empties a mandatory field, and honours whenEmpty', () => {
    const current = {
      custom_field_1: 'Old',
      custom_field_2: 'South',
      custom_field_3: 'on',
      custom_field_4: '01/01/2020',
      custom_field_5: 'Acme'
    };
    const { values } = customFieldValues({
      mappings: [
        { salesforceField: 'Title', customFieldKey: 'custom_field_1', whenEmpty: 'clear' },
        { salesforceField: 'Region__c', customFieldKey: 'custom_field_2', whenEmpty: 'clear' },
        { salesforceField: 'Company', customFieldKey: 'custom_field_5', whenEmpty: 'keep' }
      ],
      fieldValues: { Title: null, Region__c: '', Company: null },
      catalog: [text, dropdown, checkbox, date, mandatoryText],
      current,
      nowMs: NOW,
      dateFormat: 'DDMMYYYY'
    });
    assert.deepEqual(
      values,
      { custom_field_1: '' },
      'only the optional text is cleared; the date is not rewritten daily'
    );
  });

  it('reports values that do not fit and mappings to fields that no longer exist', () => {
    const { values, problems } = customFieldValues({
      mappings: [
        { salesforceField: 'Region__c', customFieldKey: 'custom_field_2', whenEmpty: 'clear' },
        { salesforceField: 'Gone__c', customFieldKey: 'custom_field_9', whenEmpty: 'clear' }
      ],
      fieldValues: { Region__c: 'Atlantis', Gone__c: 'x' },
      catalog: [dropdown],
      current: null,
      nowMs: NOW,
      dateFormat: 'DDMMYYYY'
    });
    assert.deepEqual(
      values,
      { custom_field_2: 'North' },
      'an invalid value on a mandatory field falls back to the default'
    );
    assert.deepEqual(
      problems.map((p) => p.code),
      ['FIELD_VALUE_INVALID', 'CUSTOM_FIELD_MISSING']
    );
  });
});

describe('branches', () => {
  it('names a branch with a valid slug and a short hash of the Account Id, and finds it after a rename', () => {
    const id = '001000000000001AAA';
    const name = branchNameFor('Acme Corp, Inc. — Ünïted', id);
    assert.match(name, /^[a-z0-9]+$/);
    assert.equal(name, `acmecorpincunited${branchSuffix(id)}`);
    assert.equal(branchNameFor('!!!', id), `account${branchSuffix(id)}`);
    const branches = [
      { id: '7', name: `other${branchSuffix('001000000000002AAA')}` },
      { id: '8', name }
    ];
    assert.equal(findAccountBranch(branches, id)?.id, '8');
    assert.equal(
      findAccountBranch([{ id: '9', name: branchSuffix(id) }], id),
      null,
      'the suffix alone is not ours'
    );
  });
});

describe('published catalog', () => {
  it('stays within the field size by dropping list entries, and says so', () => {
    const read = {
      users: [],
      groups: Array.from({ length: 300 }, (_, i) => ({ id: String(i), name: `Group ${i}`, key: `K${i}` })),
      branches: Array.from({ length: 300 }, (_, i) => ({ id: String(i), name: `branch${i}` })),
      customFields: [
        {
          key: 'custom_field_1',
          name: 'Job',
          type: 'text',
          mandatory: true,
          options: [],
          defaultOption: null
        }
      ],
      dateFormat: 'DDMMYYYY' as const,
      branchLimit: null,
      totals: { users: 0, groups: 300, branches: 300 },
      signup: { method: 'direct', verification: 'none' }
    };
    const full = JSON.parse(catalogJson(read));
    assert.equal(full.truncated, false);
    assert.equal(full.groups.length, 300);
    const small = catalogJson(read, 5_000);
    assert.ok(small.length <= 5_000);
    const parsed = JSON.parse(small);
    assert.equal(parsed.truncated, true);
    assert.equal(parsed.customFields[0].defaultValue, DEFAULT_TEXT, 'custom fields are never dropped');
  });
});
