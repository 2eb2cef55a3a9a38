import { refreshApex } from '@salesforce/apex';
import AccountLearningActivity from 'c/accountLearningActivity';
import getAccountActivity from '@salesforce/apex/AccountLearningController.getAccountActivity';
import getContactLearning from '@salesforce/apex/ContactLearningController.getContactLearning';
import { deepQuery, flushPromises, mount, resetDom } from 'test-utils';

// The whole 1,000-contact account as Apex returns it with pageSize 1000; tests page through it as Apex would.
const THOUSAND = require('./data/getAccountActivity.thousand.json');
const SMALL = require('./data/getAccountActivity.json');
const NOT_SYNCED = require('./data/getAccountActivity.notSynced.json');
const NO_CONTACTS = require('./data/getAccountActivity.noContacts.json');
const PARTIAL = require('./data/getAccountActivity.partial.json');
const CONTACT = require('../../contactLearningActivity/__tests__/data/getContactLearning.json');

jest.mock('@salesforce/apex', () => require('test-utils').refreshApexMock(), { virtual: true });
jest.mock(
  '@salesforce/apex/AccountLearningController.getAccountActivity',
  () => require('test-utils').apexWireMock(),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/ContactLearningController.getContactLearning',
  () => require('test-utils').apexWireMock(),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Learning_Member_Title', () => ({ default: 'Learning of {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Learning_Pager_Range', () => ({ default: 'Showing {0}–{1} of {2}' }), {
  virtual: true
});

// Orders all 1,000 contacts as Apex does before cutting a page: empty values last, ties in name order.
function orderedContacts(sortedBy, sortDirection) {
  if (sortedBy === 'name') {
    return sortDirection === 'desc' ? [...THOUSAND.contacts].reverse() : THOUSAND.contacts;
  }
  const factor = sortDirection === 'desc' ? -1 : 1;
  const empty = (value) => value === undefined || value === null;
  return THOUSAND.contacts
    .map((row, position) => ({ row, position, value: row[sortedBy] }))
    .sort((a, b) => {
      if (empty(a.value) || empty(b.value)) {
        return empty(a.value) === empty(b.value) ? a.position - b.position : empty(a.value) ? 1 : -1;
      }
      const order = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
      return order === 0 ? a.position - b.position : order * factor;
    })
    .map((entry) => entry.row);
}

// Answers the component's current wire config from the 1,000-contact fixture, like the Apex paging does.
function serveFromThousand() {
  let served;
  getAccountActivity.emit(undefined, (config) => {
    served = config;
    return false;
  });
  const { pageSize, pageOffset, sortedBy, sortDirection } = served;
  getAccountActivity.emit({
    ...THOUSAND,
    pageSize,
    pageOffset,
    sortedBy,
    sortDirection,
    contacts: orderedContacts(sortedBy, sortDirection).slice(pageOffset, pageOffset + pageSize)
  });
  return served;
}

function datatable(element) {
  return deepQuery(element, 'lightning-datatable');
}

function render() {
  const element = mount('c-account-learning-activity', AccountLearningActivity, {
    recordId: THOUSAND.accountId
  });
  return element;
}

function pager(element) {
  return deepQuery(element, 'c-pager');
}

function rowsTable(element) {
  return deepQuery(element, 'c-learner-rows-table');
}

describe('c-account-learning-activity', () => {
  afterEach(resetDom);

  it('shows a spinner while the account activity loads', async () => {
    const element = render();
    await flushPromises();
    expect(deepQuery(element, 'lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('pages through 1,000 contacts 50 at a time with account-wide figures', async () => {
    const element = render();
    await flushPromises();
    expect(serveFromThousand()).toEqual({
      accountId: THOUSAND.accountId,
      pageSize: 50,
      pageOffset: 0,
      sortedBy: 'name',
      sortDirection: 'asc'
    });
    await flushPromises();

    expect(rowsTable(element).rows).toHaveLength(50);
    expect(rowsTable(element).rows[0].personId).toBe(THOUSAND.contacts[0].personId);
    expect(pager(element).shadowRoot.querySelector('.range').textContent).toBe('Showing 1–50 of 1000');
    const summary = deepQuery(element, 'c-learning-summary');
    expect(summary.shadowRoot.querySelector('[data-figure="contacts"]').textContent).toBe('1000');
    expect(summary.shadowRoot.querySelector('[data-figure="enrolled"]').textContent).toBe(
      `${THOUSAND.contactsEnrolled}`
    );
    expect(summary.shadowRoot.querySelector('[data-figure="rate"]').textContent).toBe(
      `${Math.round(THOUSAND.summary.completionRate)}%`
    );
    await expect(element).toBeAccessible();

    // Each page waits for the previous one, as a user clicking Next would
    const offsets = [];
    await Array.from({ length: 19 }).reduce(async (previous) => {
      await previous;
      pager(element).shadowRoot.querySelector('lightning-button.next').click();
      await flushPromises();
      offsets.push(serveFromThousand().pageOffset);
      await flushPromises();
    }, Promise.resolve());
    expect(offsets).toEqual(Array.from({ length: 19 }, (unused, index) => (index + 1) * 50));
    expect(pager(element).shadowRoot.querySelector('.range').textContent).toBe('Showing 951–1000 of 1000');
    expect(pager(element).shadowRoot.querySelector('lightning-button.next').disabled).toBe(true);
    expect(rowsTable(element).rows[49].personId).toBe(THOUSAND.contacts[999].personId);
  });

  it('sorts all 1,000 contacts on the server: a column asks for page 1, Next continues the order', async () => {
    const element = render();
    await flushPromises();
    serveFromThousand();
    await flushPromises();
    pager(element).shadowRoot.querySelector('lightning-button.next').click();
    await flushPromises();
    expect(serveFromThousand().pageOffset).toBe(50);
    await flushPromises();

    datatable(element).dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'completion', sortDirection: 'asc' } })
    );
    await flushPromises();
    expect(serveFromThousand()).toEqual({
      accountId: THOUSAND.accountId,
      pageSize: 50,
      pageOffset: 0,
      sortedBy: 'averageCompletion',
      sortDirection: 'asc'
    });
    await flushPromises();
    const firstPage = rowsTable(element).rows.map((row) => row.averageCompletion);
    const lowest = Math.min(
      ...THOUSAND.contacts
        .filter((row) => typeof row.averageCompletion === 'number')
        .map((row) => row.averageCompletion)
    );
    expect(firstPage[0]).toBe(lowest);
    expect(datatable(element).sortedBy).toBe('completion');
    expect(datatable(element).sortedDirection).toBe('asc');
    expect(pager(element).shadowRoot.querySelector('.range').textContent).toBe('Showing 1–50 of 1000');
    await expect(element).toBeAccessible();

    pager(element).shadowRoot.querySelector('lightning-button.next').click();
    await flushPromises();
    expect(serveFromThousand()).toMatchObject({
      pageOffset: 50,
      sortedBy: 'averageCompletion',
      sortDirection: 'asc'
    });
    await flushPromises();
    const secondPage = rowsTable(element).rows.map((row) => row.averageCompletion);
    expect(secondPage[0]).toBeGreaterThanOrEqual(firstPage[49]);
    expect(datatable(element).sortedBy).toBe('completion');
  });

  it('opens a contact inline and goes back to the account', async () => {
    const element = render();
    await flushPromises();
    getAccountActivity.emit(SMALL);
    await flushPromises();

    const contact = SMALL.contacts[0];
    rowsTable(element).dispatchEvent(
      new CustomEvent('select', { detail: { personId: contact.personId, name: contact.name } })
    );
    await flushPromises();
    const detail = deepQuery(element, 'c-contact-learning-activity');
    expect(detail.recordId).toBe(contact.personId);
    expect(deepQuery(element, '.heading').textContent).toBe(`Learning of ${contact.name}`);
    getContactLearning.emit(CONTACT);
    await flushPromises();
    expect(detail.shadowRoot.querySelector('c-person-learning')).not.toBeNull();
    await expect(element).toBeAccessible();

    deepQuery(element, 'lightning-button.back').click();
    await flushPromises();
    expect(deepQuery(element, 'c-contact-learning-activity')).toBeNull();
    expect(rowsTable(element).rows).toHaveLength(SMALL.contacts.length);
  });

  it('charts only contacts with courses', async () => {
    const element = render();
    await flushPromises();
    getAccountActivity.emit(SMALL);
    await flushPromises();
    const enrolled = SMALL.contacts.filter((contact) => contact.coursesAssigned > 0);
    expect(deepQuery(element, 'c-progress-bars').items).toHaveLength(enrolled.length);
    expect(deepQuery(element, 'c-status-donut').statusCounts).toEqual(SMALL.statusCounts);
  });

  it('says no contact has learning synced yet, with the admin hint', async () => {
    const element = render();
    await flushPromises();
    getAccountActivity.emit(NOT_SYNCED);
    await flushPromises();
    const notice = deepQuery(element, 'c-learning-notice');
    expect(notice.message).toBe('c.Learning_NotSynced_Account');
    expect(notice.shadowRoot.querySelector('.admin-hint')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('explains an account without visible contacts', async () => {
    const element = render();
    await flushPromises();
    getAccountActivity.emit(NO_CONTACTS);
    await flushPromises();
    expect(deepQuery(element, '.empty').textContent).toBe('c.Learning_NoContacts');
    expect(rowsTable(element)).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('warns when fields are hidden', async () => {
    const element = render();
    await flushPromises();
    getAccountActivity.emit(PARTIAL);
    await flushPromises();
    const notice = deepQuery(element, 'c-learning-notice');
    expect(notice.variant).toBe('partial');
    expect(notice.shadowRoot.querySelector('.reason').textContent).toBe('c.Learning_Partial_FieldsHidden');
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when the activity cannot be loaded', async () => {
    const element = render();
    await flushPromises();
    getAccountActivity.error({ message: 'This component works on an Account or Contact record page.' });
    await flushPromises();
    const panel = deepQuery(element, 'c-error-panel');
    expect(panel.friendlyMessage).toBe('c.Learning_Error_LoadAccount');
    await expect(element).toBeAccessible();
  });

  it('asks Apex again when the user refreshes', async () => {
    const element = render();
    await flushPromises();
    getAccountActivity.emit(SMALL);
    await flushPromises();
    deepQuery(element, 'lightning-button-icon.refresh').click();
    expect(refreshApex).toHaveBeenCalledTimes(1);
    expect(refreshApex.mock.calls[0][0].data).toEqual(SMALL);
  });
});
