import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apexOver, startFixturePreview, type FixturePreview } from '../support/preview';

type Row = {
  personId: string;
  name: string;
  isSynced: boolean;
  averageCompletion?: number;
  lastActivityOn?: string;
};
type Page = { total: number; sortedBy: string; sortDirection: string; rows: Row[] };

// Server-side sorting of the paged Team Members and Account Learning Activity tables, as the Apex does it:
// the whole team or account is ordered before the page is cut, so page 2 continues page 1's order.
describe('preview backend sorting of paged people', () => {
  let preview: FixturePreview;
  const userOf = (key: string) =>
    preview.fixture.manifest.personas.find((p) => p.key === key)?.userId as string;

  before(async () => {
    preview = await startFixturePreview({ requireBundle: false });
  });
  after(() => preview.close());

  const apex = (path: string, params: Record<string, unknown>) =>
    apexOver(preview.server.url)(userOf('manager'), path, params);

  async function teamPage(params: Record<string, unknown>): Promise<Page> {
    const result = await apex('TeamMembersController/getTeam', { includeIndirect: false, ...params });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    const { total, sortedBy, sortDirection, members } = result.body as Record<string, unknown>;
    return { total, sortedBy, sortDirection, rows: members } as Page;
  }

  async function accountPage(params: Record<string, unknown>): Promise<Page> {
    const { accountId } = preview.fixture.manifest.records;
    const result = await apex('AccountLearningController/getAccountActivity', { accountId, ...params });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    const { total, sortedBy, sortDirection, contacts } = result.body as Record<string, unknown>;
    return { total, sortedBy, sortDirection, rows: contacts } as Page;
  }

  /** Every page of `size` in one order, concatenated. */
  async function allPages(
    read: (params: Record<string, unknown>) => Promise<Page>,
    size: number,
    sort: object
  ) {
    const rows: Row[] = [];
    for (let offset = 0, total = 1; offset < total; offset += size) {
      const page = await read({ pageSize: size, pageOffset: offset, ...sort });
      total = page.total;
      rows.push(...page.rows);
    }
    return rows;
  }

  /** Values in order, empty values last in both directions. */
  function assertOrdered(values: (number | undefined)[], descending: boolean, what: string) {
    const filled = values.filter((value): value is number => value !== undefined);
    assert.deepEqual(
      values.slice(filled.length),
      Array(values.length - filled.length).fill(undefined),
      `${what}: people without a value come last`
    );
    const expected = [...filled].sort((a, b) => (descending ? b - a : a - b));
    assert.deepEqual(filled, expected, `${what}: ordered across every page`);
  }

  it('continues page 1 on page 2 when the team is sorted by average completion', async () => {
    const sort = { sortedBy: 'averageCompletion', sortDirection: 'desc' };
    const first = await teamPage({ pageSize: 10, pageOffset: 0, ...sort });
    const second = await teamPage({ pageSize: 10, pageOffset: 10, ...sort });
    assert.equal(first.total, 28, "the manager's direct reports");
    assert.equal(second.sortedBy, 'averageCompletion', 'the page names the order it applied');
    assert.equal(second.sortDirection, 'desc');
    const everyone = (await teamPage({ pageSize: 200, pageOffset: 0, ...sort })).rows;
    assert.deepEqual(
      [...first.rows, ...second.rows].map((row) => row.personId),
      everyone.slice(0, 20).map((row) => row.personId),
      'pages 1 and 2 are the first 20 of one order across the team'
    );
    assert.ok(
      (first.rows[9].averageCompletion ?? -1) >= (second.rows[0].averageCompletion ?? -1),
      'page 2 starts where page 1 ended'
    );
    assert.equal(first.rows[0].averageCompletion, 100, 'the highest completion of the team is on page 1');
    assertOrdered(
      (await allPages(teamPage, 10, sort)).map((row) => row.averageCompletion),
      true,
      'average completion'
    );
    const byName = (await teamPage({ pageSize: 10, pageOffset: 0 })).rows.map((row) => row.personId);
    assert.notDeepEqual(
      first.rows.map((row) => row.personId),
      byName,
      'the sorted first page is not the name-ordered one'
    );
  });

  it('orders dates and the synced flag across pages too', async () => {
    const byActivity = await allPages(teamPage, 6, { sortedBy: 'lastActivityOn', sortDirection: 'desc' });
    assertOrdered(
      byActivity.map((row) => (row.lastActivityOn ? Date.parse(row.lastActivityOn) : undefined)),
      true,
      'last activity'
    );
    const bySync = await allPages(teamPage, 6, { sortedBy: 'isSynced', sortDirection: 'asc' });
    const flags = bySync.map((row) => row.isSynced);
    assert.ok(flags.includes(true) && flags.includes(false), 'the fixture team has both');
    assert.deepEqual(flags, [...flags].sort(), 'people not synced yet first, across every page');
  });

  it('reverses the name order and keeps it across pages', async () => {
    const ascending = (await allPages(teamPage, 7, {})).map((row) => row.personId);
    const descending = (await allPages(teamPage, 7, { sortedBy: 'name', sortDirection: 'desc' })).map(
      (row) => row.personId
    );
    assert.deepEqual(descending, [...ascending].reverse());
  });

  it('ignores a field the table does not offer, direction included', async () => {
    const named = await teamPage({ pageSize: 10, pageOffset: 10 });
    assert.equal(named.sortedBy, 'name');
    assert.equal(named.sortDirection, 'asc');
    for (const sortedBy of ['Email', 'Name DESC, Id', 'depth', 'COURSESOVERDUE']) {
      const page = await teamPage({ pageSize: 10, pageOffset: 10, sortedBy, sortDirection: 'desc' });
      assert.equal(page.sortedBy, 'name', sortedBy);
      assert.equal(page.sortDirection, 'asc', sortedBy);
      assert.deepEqual(
        page.rows.map((row) => row.personId),
        named.rows.map((row) => row.personId),
        `${sortedBy}: the name-ordered page`
      );
    }
    const contacts = await accountPage({ pageSize: 10, pageOffset: 0, sortedBy: 'managerName' });
    assert.equal(contacts.sortedBy, 'name', 'the contacts table has no manager column');
  });

  it('refuses a sort parameter of the wrong Apex type', async () => {
    const result = await apex('TeamMembersController/getTeam', { pageSize: 10, sortedBy: 5 });
    assert.equal(result.status, 400);
    assert.match(String(result.body.message), /sortedBy.*String/);
  });

  it('continues page 1 on page 2 when the account contacts are sorted by average completion', async () => {
    const sort = { sortedBy: 'averageCompletion', sortDirection: 'asc' };
    const first = await accountPage({ pageSize: 5, pageOffset: 0, ...sort });
    const second = await accountPage({ pageSize: 5, pageOffset: 5, ...sort });
    assert.equal(first.sortedBy, 'averageCompletion');
    assert.ok(
      (first.rows[4].averageCompletion ?? Infinity) <= (second.rows[0].averageCompletion ?? Infinity),
      'page 2 starts where page 1 ended'
    );
    const rows = await allPages(accountPage, 5, sort);
    assert.equal(rows.length, first.total, 'every contact once');
    assertOrdered(
      rows.map((row) => row.averageCompletion),
      false,
      'contact completion'
    );
  });
});
