import LearnerRowsTable from 'c/learnerRowsTable';
import { mount, resetDom } from 'test-utils';

const THOUSAND = require('../../accountLearningActivity/__tests__/data/getAccountActivity.thousand.json');
const TEAM = require('../../teamMembers/__tests__/data/getTeam.json');

const render = (props) => mount('c-learner-rows-table', LearnerRowsTable, props);

function datatable(element) {
  return element.shadowRoot.querySelector('lightning-datatable');
}

describe('c-learner-rows-table', () => {
  afterEach(resetDom);

  it('renders all 1,000 contacts of the account fixture with completion as a fraction', async () => {
    const element = render({ rows: THOUSAND.contacts, nameLabel: 'Contact' });
    const rows = datatable(element).data;
    expect(rows).toHaveLength(1000);
    const synced = rows.find((row) => row.isSynced && typeof row.averageCompletion === 'number');
    expect(synced.completion).toBeCloseTo(synced.averageCompletion / 100);
    expect(synced.syncText).toBe('c.Learning_Synced');
    expect(rows.find((row) => !row.isSynced).syncText).toBe('c.Learning_NotSynced');
    expect(datatable(element).columns[0].label).toBe('Contact');
    await expect(element).toBeAccessible();
  });

  it('lets long headers wrap instead of cutting them off', () => {
    const element = render({ rows: TEAM.members });
    expect(datatable(element).wrapTableHeader).toBe('all');
    const columns = datatable(element).columns;
    const byField = (fieldName) => columns.find((column) => column.fieldName === fieldName);
    expect(byField('coursesAssigned').hideDefaultActions).toBe(true);
    expect(byField('completion')).toMatchObject({
      type: 'percent',
      hideDefaultActions: true,
      typeAttributes: { maximumFractionDigits: 0 }
    });
  });

  it('adds the manager column for indirect reports only', () => {
    const direct = render({ rows: TEAM.members });
    expect(datatable(direct).columns.map((column) => column.fieldName)).not.toContain('managerName');
    const indirect = render({ rows: TEAM.members, showManager: true });
    expect(datatable(indirect).columns.map((column) => column.fieldName)).toContain('managerName');
  });

  it('keeps the rows in the order Apex sent them: a page cannot be sorted on its own', async () => {
    const element = render({ rows: TEAM.members, sortedBy: 'coursesOverdue', sortDirection: 'desc' });
    await Promise.resolve();
    expect(datatable(element).data.map((row) => row.personId)).toEqual(
      TEAM.members.map((row) => row.personId)
    );
    await expect(element).toBeAccessible();
  });

  it('shows the arrow on the column of the order, the name column by default', async () => {
    const element = render({ rows: TEAM.members });
    expect(datatable(element).sortedBy).toBe('name');
    expect(datatable(element).sortedDirection).toBe('asc');

    element.sortedBy = 'averageCompletion';
    element.sortDirection = 'desc';
    await Promise.resolve();
    expect(datatable(element).sortedBy).toBe('completion');
    expect(datatable(element).sortedDirection).toBe('desc');
    element.sortedBy = 'isSynced';
    await Promise.resolve();
    expect(datatable(element).sortedBy).toBe('syncText');
    element.sortedBy = 'coursesOverdue';
    await Promise.resolve();
    expect(datatable(element).sortedBy).toBe('coursesOverdue');
  });

  it('raises sort with the PersonRow field and direction instead of sorting the page', async () => {
    const element = render({ rows: TEAM.members });
    const handler = jest.fn();
    element.addEventListener('sort', handler);
    const sortBy = (fieldName, sortDirection) =>
      datatable(element).dispatchEvent(new CustomEvent('sort', { detail: { fieldName, sortDirection } }));

    sortBy('coursesOverdue', 'desc');
    sortBy('completion', 'asc');
    sortBy('syncText', 'desc');
    await Promise.resolve();
    expect(handler.mock.calls.map(([event]) => event.detail)).toEqual([
      { sortedBy: 'coursesOverdue', sortDirection: 'desc' },
      { sortedBy: 'averageCompletion', sortDirection: 'asc' },
      { sortedBy: 'isSynced', sortDirection: 'desc' }
    ]);
    // The arrow moves when the container passes the new order down, with the rows Apex sorted
    expect(datatable(element).sortedBy).toBe('name');
    expect(datatable(element).data.map((row) => row.personId)).toEqual(
      TEAM.members.map((row) => row.personId)
    );
  });

  it('raises select with the person when a name is clicked', () => {
    const element = render({ rows: TEAM.members });
    const handler = jest.fn();
    element.addEventListener('select', handler);
    const row = datatable(element).data[3];
    datatable(element).dispatchEvent(
      new CustomEvent('rowaction', { detail: { action: { name: 'select_person' }, row } })
    );
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0][0].detail).toEqual({ personId: row.personId, name: row.name });
  });
});
