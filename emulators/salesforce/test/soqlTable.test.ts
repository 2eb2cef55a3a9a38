import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Connection } from 'jsforce';
import { ManualClock } from '../../../sync/src/core/clock';
import { connect, raw, startFixtureEmulator } from './helpers';

/**
 * The SOQL evaluator against seeded records: each query's result ids must equal the expected ones (in order
 * when the query has ORDER BY). Syntax the evaluator does not support must answer MALFORMED_QUERY, never a
 * wider result. The clock stands still at 2026-11-25T09:00:00Z (a Wednesday) so date literals are exact.
 */
type Emulator = Awaited<ReturnType<typeof startFixtureEmulator>>;

const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);

interface Case {
  soql: string;
  expected: string[];
  ordered?: boolean;
}

// Contacts c1..c5, users u1..u4 (+ the integration user "int"), learners l1..l4; {x} is replaced by x's id.
const CASES: Case[] = [
  { soql: 'SELECT Id FROM Contact', expected: ['c1', 'c2', 'c3', 'c4', 'c5'] },
  { soql: "SELECT Id FROM Contact WHERE LastName = 'Alpha'", expected: ['c1'] },
  { soql: "SELECT Id FROM Contact WHERE LastName = 'alpha'", expected: ['c1'] },
  { soql: "SELECT Id FROM Contact WHERE Title != 'Engineer'", expected: ['c2', 'c3', 'c5'] },
  { soql: 'SELECT Id FROM Contact WHERE Email = null', expected: ['c3'] },
  { soql: 'SELECT Id FROM Contact WHERE Email != null', expected: ['c1', 'c2', 'c4', 'c5'] },
  { soql: "SELECT Id FROM Contact WHERE Email LIKE '%@a.com'", expected: ['c1', 'c4'] },
  { soql: "SELECT Id FROM Contact WHERE Email LIKE 'eve\\_%'", expected: ['c5'] },
  { soql: "SELECT Id FROM Contact WHERE Title LIKE '%100\\%'", expected: ['c5'] },
  { soql: "SELECT Id FROM Contact WHERE LastName = 'O\\'Neil'", expected: ['c5'] },
  { soql: "SELECT Id FROM Contact WHERE FirstName IN ('Ann', 'Bob')", expected: ['c1', 'c2'] },
  { soql: "SELECT Id FROM Contact WHERE FirstName NOT IN ('Ann', 'Bob')", expected: ['c3', 'c4', 'c5'] },
  { soql: "SELECT Id FROM Contact WHERE Title = 'Engineer' AND AccountId != null", expected: ['c1', 'c4'] },
  { soql: "SELECT Id FROM Contact WHERE FirstName = 'Ann' OR Email = null", expected: ['c1', 'c3'] },
  { soql: "SELECT Id FROM Contact WHERE NOT FirstName = 'Ann'", expected: ['c2', 'c3', 'c4', 'c5'] },
  {
    soql: "SELECT Id FROM Contact WHERE NOT (FirstName = 'Ann' OR FirstName = 'Bob')",
    expected: ['c3', 'c4', 'c5']
  },
  {
    soql: "SELECT Id FROM Contact WHERE (Title = 'Manager' OR Title = 'Engineer') AND Birthdate < 1995-01-01",
    expected: ['c1']
  },
  {
    soql: "SELECT Id FROM Contact WHERE (FirstName = 'Ann' AND Title = 'Engineer') OR (FirstName = 'dan')",
    expected: ['c1', 'c4']
  },
  // The runner's compiled filters: every condition and group in its own parentheses.
  {
    soql: "SELECT Id FROM Contact WHERE IsPersonAccount = false AND (((FirstName = 'Ann') OR (NOT (Title = 'Manager'))) AND (Email != null))",
    expected: ['c1', 'c2', 'c4', 'c5']
  },
  {
    soql: "SELECT Id FROM Contact WHERE (NOT ((FirstName = 'Ann') OR (FirstName = 'Bob')))",
    expected: ['c3', 'c4', 'c5']
  },
  { soql: "SELECT Id FROM Contact WHERE NOT (NOT (FirstName = 'Ann'))", expected: ['c1'] },
  {
    soql: "SELECT Id FROM Contact WHERE Id > '{c2}' ORDER BY Id LIMIT 2",
    expected: ['c3', 'c4'],
    ordered: true
  },
  { soql: "SELECT Id FROM Contact WHERE Account.Name = 'Alpha Inc'", expected: ['c1', 'c4'] },
  { soql: 'SELECT Id FROM Contact WHERE Account.Name = null', expected: ['c3'] },
  { soql: "SELECT Id FROM Contact WHERE Account.Name LIKE 'beta%'", expected: ['c2', 'c5'] },
  { soql: 'SELECT Id FROM Contact WHERE CreatedDate = TODAY', expected: ['c1'] },
  { soql: 'SELECT Id FROM Contact WHERE CreatedDate = YESTERDAY', expected: ['c2'] },
  { soql: 'SELECT Id FROM Contact WHERE CreatedDate > YESTERDAY', expected: ['c1'] },
  { soql: 'SELECT Id FROM Contact WHERE CreatedDate = TOMORROW', expected: [] },
  { soql: 'SELECT Id FROM Contact WHERE CreatedDate = LAST_N_DAYS:1', expected: ['c1', 'c2'] },
  { soql: 'SELECT Id FROM Contact WHERE CreatedDate = N_DAYS_AGO:1', expected: ['c2'] },
  { soql: 'SELECT Id FROM Contact WHERE CreatedDate = THIS_MONTH', expected: ['c1', 'c2', 'c3'] },
  { soql: 'SELECT Id FROM Contact WHERE CreatedDate = LAST_MONTH', expected: ['c4'] },
  { soql: 'SELECT Id FROM Contact WHERE CreatedDate = LAST_YEAR', expected: ['c5'] },
  { soql: 'SELECT Id FROM Contact WHERE CreatedDate > 2026-11-24T10:00:00Z', expected: ['c1'] },
  { soql: 'SELECT Id FROM Contact WHERE CreatedDate >= 2026-11-24T10:00:00Z', expected: ['c1', 'c2'] },
  { soql: 'SELECT Id FROM Contact WHERE CreatedDate < 2026-11-01T01:00:00+01:00', expected: ['c4', 'c5'] },
  { soql: 'SELECT Id FROM Contact WHERE Birthdate = 1990-05-01', expected: ['c1', 'c5'] },
  {
    soql: 'SELECT Id FROM Contact WHERE Birthdate > 1989-12-31 AND Birthdate <= 2000-01-01',
    expected: ['c1', 'c4', 'c5']
  },
  {
    soql: 'SELECT Id FROM Contact ORDER BY LastName',
    expected: ['c1', 'c2', 'c4', 'c3', 'c5'],
    ordered: true
  },
  {
    soql: 'SELECT Id FROM Contact ORDER BY Title DESC NULLS LAST, LastName',
    expected: ['c3', 'c5', 'c1', 'c4', 'c2'],
    ordered: true
  },
  {
    soql: 'SELECT Id FROM Contact ORDER BY Title, LastName',
    expected: ['c2', 'c1', 'c4', 'c5', 'c3'],
    ordered: true
  },
  {
    soql: 'SELECT Id FROM Contact ORDER BY Title NULLS LAST, LastName',
    expected: ['c1', 'c4', 'c5', 'c3', 'c2'],
    ordered: true
  },
  {
    soql: 'SELECT Id FROM Contact ORDER BY LastName LIMIT 2 OFFSET 1',
    expected: ['c2', 'c4'],
    ordered: true
  },
  {
    soql: 'SELECT Id FROM Contact WHERE AccountId != null ORDER BY Account.Name DESC, LastName',
    expected: ['c2', 'c5', 'c1', 'c4'],
    ordered: true
  },
  { soql: "SELECT Id FROM Contact WHERE Id = '{c1:15}'", expected: ['c1'] },
  { soql: 'SELECT Id FROM User WHERE IsActive = false', expected: ['u3'] },
  { soql: "SELECT Id FROM User WHERE ManagerId = '{u1}'", expected: ['u2', 'u3'] },
  { soql: "SELECT Id FROM User WHERE Manager.Manager.LastName = 'Boss'", expected: ['u4'] },
  {
    soql: "SELECT Id FROM User WHERE UserType = 'Standard' AND IsActive = true",
    expected: ['int', 'u1', 'u2']
  },
  { soql: "SELECT Id FROM User WHERE UserType != 'Standard'", expected: ['u4'] },
  {
    soql: 'SELECT Id FROM User WHERE Id IN (SELECT tlms__User__c FROM tlms__Learner__c)',
    expected: ['u2', 'u3']
  },
  {
    soql: 'SELECT Id FROM User WHERE Id NOT IN (SELECT tlms__User__c FROM tlms__Learner__c WHERE tlms__IsSynced__c = true)',
    expected: ['int', 'u1', 'u3', 'u4']
  },
  { soql: "SELECT Id FROM tlms__Learner__c WHERE tlms__Tags__c INCLUDES ('Alpha')", expected: ['l1', 'l4'] },
  { soql: "SELECT Id FROM tlms__Learner__c WHERE tlms__Tags__c INCLUDES ('Alpha;Gamma')", expected: ['l4'] },
  {
    soql: "SELECT Id FROM tlms__Learner__c WHERE tlms__Tags__c INCLUDES ('Gamma', 'Beta')",
    expected: ['l1', 'l2', 'l4']
  },
  { soql: "SELECT Id FROM tlms__Learner__c WHERE tlms__Tags__c EXCLUDES ('Beta')", expected: ['l3'] },
  { soql: "SELECT Id FROM tlms__Learner__c WHERE tlms__Tags__c = 'Beta;Alpha'", expected: ['l1'] },
  { soql: 'SELECT Id FROM tlms__Learner__c WHERE tlms__Points__c > 10', expected: ['l2', 'l4'] },
  { soql: 'SELECT Id FROM tlms__Learner__c WHERE tlms__Points__c IN (10, 30)', expected: ['l1', 'l4'] },
  { soql: 'SELECT Id FROM tlms__Learner__c WHERE tlms__Score__c >= 50.5', expected: ['l4'] },
  { soql: 'SELECT Id FROM tlms__Learner__c WHERE tlms__IsSynced__c = true', expected: ['l1', 'l4'] },
  { soql: "SELECT Id FROM tlms__Learner__c WHERE tlms__State__c = 'Synced'", expected: ['l1', 'l4'] },
  {
    soql: 'SELECT Id FROM tlms__Learner__c WHERE tlms__LastSyncedAt__c = LAST_N_DAYS:7',
    expected: ['l1', 'l3', 'l4']
  },
  { soql: 'SELECT Id FROM tlms__Learner__c WHERE tlms__LastSyncedAt__c = null', expected: ['l2'] },
  { soql: 'SELECT Id FROM tlms__Learner__c WHERE tlms__EnrolledOn__c = THIS_YEAR', expected: ['l1', 'l2'] },
  {
    soql: "SELECT Id FROM tlms__Learner__c WHERE tlms__User__r.Manager.LastName = 'Boss'",
    expected: ['l1', 'l3']
  },
  {
    soql: 'SELECT Id FROM tlms__Learner__c ORDER BY tlms__Points__c DESC NULLS LAST',
    expected: ['l4', 'l2', 'l1', 'l3'],
    ordered: true
  }
];

const REFUSED: Array<[string, string]> = [
  ["SELECT Id FROM Contact WHERE FirstName = 'Ann' AND Title = 'x' OR LastName = 'y'", 'MALFORMED_QUERY'],
  ['SELECT Id, (SELECT Id FROM Contacts) FROM Account', 'MALFORMED_QUERY'],
  ['SELECT LastName, COUNT(Id) FROM Contact GROUP BY LastName', 'MALFORMED_QUERY'],
  ['SELECT toLabel(Title) FROM Contact', 'MALFORMED_QUERY'],
  ['SELECT FIELDS(ALL) FROM Contact LIMIT 200', 'MALFORMED_QUERY'],
  ['SELECT Id FROM Contact WHERE CALENDAR_YEAR(CreatedDate) = 2026', 'MALFORMED_QUERY'],
  ['SELECT c.Id FROM Contact c', 'MALFORMED_QUERY'],
  ['SELECT Id FROM Contact FOR VIEW', 'MALFORMED_QUERY'],
  ['SELECT Id FROM Contact USING SCOPE mine', 'MALFORMED_QUERY'],
  ['SELECT Id FROM Contact WITH USER_MODE', 'MALFORMED_QUERY'],
  ['SELECT Id FROM Contact WHERE LastName = :name', 'MALFORMED_QUERY'],
  ['SELECT Id FROM Contact WHERE CreatedDate = 2026-11-25', 'MALFORMED_QUERY'],
  ['SELECT Id FROM Contact WHERE LastName = 5', 'MALFORMED_QUERY'],
  ['SELECT COUNT(), Id FROM Contact', 'MALFORMED_QUERY'],
  ['SELECT Id, Id FROM Contact', 'MALFORMED_QUERY'],
  ['SELECT Id FROM Contact WHERE IsDeleted > true', 'MALFORMED_QUERY'],
  ["SELECT Id FROM Contact WHERE Title INCLUDES ('x')", 'MALFORMED_QUERY'],
  ["SELECT Id FROM Contact WHERE Description = 'x'", 'INVALID_FIELD'],
  ["SELECT Id FROM Contact WHERE Id = 'not-an-id'", 'INVALID_QUERY_FILTER_OPERATOR'],
  ['SELECT Id FROM Contact LIMIT 10 OFFSET 2001', 'NUMBER_OUTSIDE_VALID_RANGE']
];

describe('SOQL evaluation table', () => {
  let sf: Emulator;
  let conn: Connection;
  const ids: Record<string, string> = {};

  before(async () => {
    sf = await startFixtureEmulator({ clock: new ManualClock(NOW) });
    conn = await connect(sf);
    ids.int = sf.runAsUserId;
    const [a, b] = sf.store.insert('Account', [{ Name: 'Alpha Inc' }, { Name: 'Beta LLC' }]);
    const contacts = sf.store.insert('Contact', [
      {
        FirstName: 'Ann',
        LastName: 'Alpha',
        Email: 'ann@a.com',
        Title: 'Engineer',
        AccountId: a,
        CreatedDate: '2026-11-25T08:00:00Z',
        Birthdate: '1990-05-01'
      },
      {
        FirstName: 'Bob',
        LastName: 'Beta',
        Email: 'bob@b.com',
        AccountId: b,
        CreatedDate: '2026-11-24T10:00:00Z',
        Birthdate: '1985-12-31'
      },
      { FirstName: 'Cid', LastName: 'Gamma', Title: 'Manager', CreatedDate: '2026-11-01T00:00:00Z' },
      {
        FirstName: 'dan',
        LastName: 'delta',
        Email: 'dan@a.com',
        Title: 'engineer',
        AccountId: a,
        CreatedDate: '2026-10-15T12:00:00Z',
        Birthdate: '2000-01-01'
      },
      {
        FirstName: 'Eve',
        LastName: "O'Neil",
        Email: 'eve_x@b.com',
        Title: 'Lead 100%',
        AccountId: b,
        CreatedDate: '2025-06-01T00:00:00Z',
        Birthdate: '1990-05-01',
        Description: 'long'
      }
    ]);
    contacts.forEach((id, i) => (ids[`c${i + 1}`] = id));
    const user = (alias: string, extra: Record<string, unknown>) => ({
      Username: `${alias}@acme.example`,
      Email: `${alias}@acme.example`,
      Alias: alias,
      ...extra
    });
    [ids.u1] = sf.store.insert('User', [user('boss', { LastName: 'Boss' })]);
    [ids.u2, ids.u3] = sf.store.insert('User', [
      user('emp', { LastName: 'Emp', ManagerId: ids.u1 }),
      user('gone', { LastName: 'Gone', ManagerId: ids.u1, IsActive: false })
    ]);
    [ids.u4] = sf.store.insert('User', [
      user('partner', { LastName: 'Partner', ManagerId: ids.u2, UserType: 'PowerPartner' })
    ]);
    const learners = sf.store.insert('Learner__c', [
      {
        Name: 'L1',
        Tags__c: 'Alpha;Beta',
        Points__c: 10,
        State__c: 'Synced',
        IsSynced__c: true,
        LastSyncedAt__c: '2026-11-25T08:30:00Z',
        EnrolledOn__c: '2026-11-20',
        User__c: ids.u2,
        Score__c: 50
      },
      {
        Name: 'L2',
        Tags__c: 'Beta',
        Points__c: 20,
        State__c: 'Creating',
        EnrolledOn__c: '2026-01-01',
        Score__c: 12.5
      },
      { Name: 'L3', State__c: 'NeedsReview', LastSyncedAt__c: '2026-11-18T00:00:00Z', User__c: ids.u3 },
      {
        Name: 'L4',
        Tags__c: 'Alpha;Beta;Gamma',
        Points__c: 30,
        State__c: 'Synced',
        IsSynced__c: true,
        LastSyncedAt__c: '2026-11-25T08:59:59Z',
        Score__c: 99.5
      }
    ]);
    learners.forEach((id, i) => (ids[`l${i + 1}`] = id));
  });
  after(() => sf.close());

  const substitute = (soql: string) =>
    soql.replace(/\{(\w+)(?::15)?\}/g, (m, key: string) =>
      m.endsWith(':15}') ? ids[key].slice(0, 15) : ids[key]
    );

  test(`has at least 40 queries (${CASES.length})`, () => {
    assert.ok(CASES.length >= 40, 'the table covers the evaluator broadly');
  });

  for (const c of CASES) {
    test(c.soql, async () => {
      const result = await conn.query<{ Id: string }>(substitute(c.soql));
      const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
      const got = result.records.map((r) => names[r.Id] ?? r.Id);
      if (c.ordered) assert.deepEqual(got, c.expected, 'ids in the expected order');
      else
        assert.deepEqual([...got].sort(), [...c.expected].sort(), 'the expected ids, no more and no fewer');
      assert.equal(result.totalSize, c.expected.length, 'totalSize matches');
    });
  }

  for (const [soql, code] of REFUSED) {
    test(`refused: ${soql}`, async () => {
      const res = await raw(sf, conn, `/query?q=${encodeURIComponent(soql)}`);
      assert.equal(res.status, 400, 'refused with 400, never answered with rows');
      const body = (await res.json()) as Array<{ errorCode: string }>;
      assert.equal(body[0].errorCode, code);
    });
  }
});
