import { refreshApex } from '@salesforce/apex';
import TeamMembers from 'c/teamMembers';
import getTeam from '@salesforce/apex/TeamMembersController.getTeam';
import getMemberLearning from '@salesforce/apex/TeamMembersController.getMemberLearning';
import { currentConfig, deepQuery, deepQueryAll, flushPromises, mount, resetDom } from 'test-utils';

const TEAM = require('./data/getTeam.json');
const LAST_PAGE = require('./data/getTeam.lastPage.json');
const DIRECT = require('./data/getTeam.direct.json');
const EMPTY = require('./data/getTeam.empty.json');
const NOT_SYNCED = require('./data/getTeam.notSynced.json');
const PARTIAL = require('./data/getTeam.partial.json');
const MEMBER = require('../../teamMemberLearning/__tests__/data/getMemberLearning.json');

jest.mock('@salesforce/apex', () => require('test-utils').refreshApexMock(), { virtual: true });
jest.mock('@salesforce/apex/TeamMembersController.getTeam', () => require('test-utils').apexWireMock(), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/TeamMembersController.getMemberLearning',
  () => require('test-utils').apexWireMock(),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Learning_Pager_Range', () => ({ default: 'Showing {0}–{1} of {2}' }), {
  virtual: true
});

function render() {
  const element = mount('c-team-members', TeamMembers);
  return element;
}

function rowsTable(element) {
  return deepQuery(element, 'c-learner-rows-table');
}

function datatable(element) {
  return deepQuery(element, 'lightning-datatable');
}

// What the user's click on a column header makes lightning-datatable raise
function sortColumn(element, fieldName, sortDirection) {
  datatable(element).dispatchEvent(new CustomEvent('sort', { detail: { fieldName, sortDirection } }));
}

// A page as Apex answers it in an order: here page 1 of the team by overdue courses, most first
const BY_OVERDUE = {
  ...TEAM,
  sortedBy: 'coursesOverdue',
  sortDirection: 'desc',
  members: [...TEAM.members].sort((a, b) => b.coursesOverdue - a.coursesOverdue)
};

const firstPage = {
  pageSize: 25,
  pageOffset: 0,
  includeIndirect: false,
  sortedBy: 'name',
  sortDirection: 'asc'
};

function pager(element) {
  return deepQuery(element, 'c-pager');
}

function notices(element) {
  return [...deepQueryAll(element, 'c-learning-notice')];
}

describe('c-team-members', () => {
  afterEach(resetDom);

  it('asks for the first page of direct reports and shows a spinner meanwhile', async () => {
    const element = render();
    await flushPromises();
    expect(currentConfig(getTeam)).toEqual({
      pageSize: 25,
      pageOffset: 0,
      includeIndirect: false,
      sortedBy: 'name',
      sortDirection: 'asc'
    });
    expect(deepQuery(element, 'lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows 25 of 250 members with team figures and charts', async () => {
    const element = render();
    getTeam.emit(TEAM);
    await flushPromises();

    const table = rowsTable(element);
    expect(table.rows).toHaveLength(25);
    expect(table.shadowRoot.querySelector('lightning-datatable').data).toHaveLength(25);
    expect(pager(element).shadowRoot.querySelector('.range').textContent).toBe('Showing 1–25 of 250');
    const summary = deepQuery(element, 'c-learning-summary');
    expect(summary.shadowRoot.querySelector('[data-figure="members"]').textContent).toBe('250');
    expect(summary.shadowRoot.querySelector('[data-figure="synced"]').textContent).toBe(
      `${TEAM.membersSynced}`
    );
    expect(summary.shadowRoot.querySelector('[data-figure="assigned"]').textContent).toBe(
      `${TEAM.summary.coursesAssigned}`
    );
    const bars = deepQuery(element, 'c-progress-bars');
    expect(bars.items).toHaveLength(TEAM.members.filter((member) => member.coursesAssigned > 0).length);
    expect(bars.items.length).toBeLessThan(25);
    expect(deepQuery(element, 'c-status-donut').statusCounts).toEqual(TEAM.statusCounts);
    expect(notices(element)).toHaveLength(0);
    await expect(element).toBeAccessible();
  });

  it('pages forward by asking Apex for the next offset', async () => {
    const element = render();
    getTeam.emit(TEAM);
    await flushPromises();

    pager(element).shadowRoot.querySelector('lightning-button.next').click();
    await flushPromises();
    expect(getTeam.getLastConfig()).toEqual({ ...firstPage, pageOffset: 25 });

    getTeam.emit(LAST_PAGE);
    await flushPromises();
    expect(pager(element).shadowRoot.querySelector('.range').textContent).toBe('Showing 226–250 of 250');
    expect(pager(element).shadowRoot.querySelector('lightning-button.next').disabled).toBe(true);
  });

  it('asks Apex for the first page of the whole team in a column order, and keeps it across pages', async () => {
    const element = render();
    getTeam.emit(TEAM);
    await flushPromises();
    pager(element).shadowRoot.querySelector('lightning-button.next').click();
    await flushPromises();
    expect(getTeam.getLastConfig()).toEqual({ ...firstPage, pageOffset: 25 });
    getTeam.emit(LAST_PAGE);
    await flushPromises();

    sortColumn(element, 'coursesOverdue', 'desc');
    await flushPromises();
    expect(getTeam.getLastConfig()).toEqual({
      ...firstPage,
      sortedBy: 'coursesOverdue',
      sortDirection: 'desc'
    });
    getTeam.emit(BY_OVERDUE);
    await flushPromises();
    expect(datatable(element).sortedBy).toBe('coursesOverdue');
    expect(datatable(element).sortedDirection).toBe('desc');
    expect(datatable(element).data.map((row) => row.personId)).toEqual(
      BY_OVERDUE.members.map((row) => row.personId)
    );
    expect(pager(element).shadowRoot.querySelector('.range').textContent).toBe('Showing 1–25 of 250');
    await expect(element).toBeAccessible();

    pager(element).shadowRoot.querySelector('lightning-button.next').click();
    await flushPromises();
    expect(getTeam.getLastConfig()).toEqual({
      ...firstPage,
      pageOffset: 25,
      sortedBy: 'coursesOverdue',
      sortDirection: 'desc'
    });
  });

  it('sorts by average completion under its Apex field name, with the arrow on that column', async () => {
    const element = render();
    getTeam.emit(TEAM);
    await flushPromises();
    sortColumn(element, 'completion', 'asc');
    await flushPromises();
    expect(getTeam.getLastConfig()).toEqual({ ...firstPage, sortedBy: 'averageCompletion' });
    expect(rowsTable(element).sortedBy).toBe('averageCompletion');
    expect(datatable(element).sortedBy).toBe('completion');
    expect(datatable(element).sortedDirection).toBe('asc');
  });

  it('keeps the order after a member dashboard and drops the manager order with the manager column', async () => {
    const element = render();
    getTeam.emit(DIRECT);
    await flushPromises();
    const toggle = deepQuery(element, 'lightning-input.indirect');
    toggle.checked = true;
    toggle.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    getTeam.emit(TEAM);
    await flushPromises();
    sortColumn(element, 'managerName', 'desc');
    await flushPromises();
    expect(getTeam.getLastConfig()).toEqual({
      ...firstPage,
      includeIndirect: true,
      sortedBy: 'managerName',
      sortDirection: 'desc'
    });

    const member = TEAM.members[0];
    rowsTable(element).dispatchEvent(
      new CustomEvent('select', { detail: { personId: member.personId, name: member.name } })
    );
    await flushPromises();
    deepQuery(element, 'c-team-member-learning').dispatchEvent(new CustomEvent('back'));
    await flushPromises();
    expect(datatable(element).sortedBy).toBe('managerName');
    expect(datatable(element).sortedDirection).toBe('desc');

    const again = deepQuery(element, 'lightning-input.indirect');
    again.checked = false;
    again.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    expect(getTeam.getLastConfig()).toEqual(firstPage);
  });

  it('includes everyone below the user when the toggle is on, from the first page', async () => {
    const element = render();
    getTeam.emit(DIRECT);
    await flushPromises();
    pager(element).dispatchEvent(new CustomEvent('pagechange', { detail: { pageOffset: 25 } }));
    await flushPromises();

    const toggle = deepQuery(element, 'lightning-input.indirect');
    toggle.checked = true;
    toggle.dispatchEvent(new CustomEvent('change'));
    await flushPromises();
    expect(getTeam.getLastConfig()).toEqual({ ...firstPage, includeIndirect: true });

    getTeam.emit(TEAM);
    await flushPromises();
    expect(rowsTable(element).showManager).toBe(true);
  });

  it("opens a member's dashboard with the same components as My Learning, and goes back", async () => {
    const element = render();
    getTeam.emit(TEAM);
    await flushPromises();

    const member = TEAM.members[0];
    rowsTable(element).dispatchEvent(
      new CustomEvent('select', { detail: { personId: member.personId, name: member.name } })
    );
    await flushPromises();
    const detail = deepQuery(element, 'c-team-member-learning');
    expect(detail.userId).toBe(member.personId);
    expect(getMemberLearning.getLastConfig()).toEqual({ userId: member.personId });
    expect(rowsTable(element)).toBeNull();

    getMemberLearning.emit(MEMBER);
    await flushPromises();
    const person = detail.shadowRoot.querySelector('c-person-learning');
    expect(person.mode).toBe('other');
    expect(person.shadowRoot.querySelector('c-course-progress-table')).not.toBeNull();
    await expect(element).toBeAccessible();

    deepQuery(detail, 'lightning-button.back').click();
    await flushPromises();
    expect(deepQuery(element, 'c-team-member-learning')).toBeNull();
    expect(rowsTable(element)).not.toBeNull();
  });

  it('explains an empty team', async () => {
    const element = render();
    getTeam.emit(EMPTY);
    await flushPromises();
    expect(deepQuery(element, '.empty').textContent).toBe('c.Learning_NoTeam');
    expect(rowsTable(element)).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says the team is not synced yet, with the admin hint, and still lists the members', async () => {
    const element = render();
    getTeam.emit(NOT_SYNCED);
    await flushPromises();
    const [notice] = notices(element);
    expect(notice.variant).toBe('notSynced');
    expect(notice.message).toBe('c.Learning_NotSynced_Team');
    expect(notice.shadowRoot.querySelector('.admin-hint')).not.toBeNull();
    expect(rowsTable(element).rows).toHaveLength(6);
    await expect(element).toBeAccessible();
  });

  it('warns when the team totals are cut short', async () => {
    const element = render();
    getTeam.emit(PARTIAL);
    await flushPromises();
    const [notice] = notices(element);
    expect(notice.variant).toBe('partial');
    expect(notice.shadowRoot.querySelector('.reason').textContent).toBe('c.Learning_Partial_Truncated');
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when the team cannot be loaded', async () => {
    const element = render();
    getTeam.error({ message: "You don't have access to TalentLMS learning records." });
    await flushPromises();
    const panel = deepQuery(element, 'c-error-panel');
    expect(panel.friendlyMessage).toBe('c.Learning_Error_LoadTeam');
    expect(panel.shadowRoot.querySelector('li').textContent).toBe(
      "You don't have access to TalentLMS learning records."
    );
    await expect(element).toBeAccessible();
  });

  it('asks Apex again when the user refreshes', async () => {
    const element = render();
    await flushPromises();
    getTeam.emit(TEAM);
    await flushPromises();
    deepQuery(element, 'lightning-button-icon.refresh').click();
    expect(refreshApex).toHaveBeenCalledTimes(1);
    expect(refreshApex.mock.calls[0][0].data).toEqual(TEAM);
  });
});
