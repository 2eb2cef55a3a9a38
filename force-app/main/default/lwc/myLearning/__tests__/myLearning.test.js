import { refreshApex } from '@salesforce/apex';
import MyLearning from 'c/myLearning';
import getMyLearning from '@salesforce/apex/MyLearningController.getMyLearning';
import { deepQuery, flushPromises, mount, resetDom } from 'test-utils';

const LEARNING = require('./data/getMyLearning.json');
const NOT_SYNCED = require('./data/getMyLearning.notSynced.json');
const NOT_SYNCED_ADMIN = require('./data/getMyLearning.notSyncedAdmin.json');
const PARTIAL = require('./data/getMyLearning.partial.json');

jest.mock('@salesforce/apex', () => require('test-utils').refreshApexMock(), { virtual: true });
jest.mock('@salesforce/apex/MyLearningController.getMyLearning', () => require('test-utils').apexWireMock(), {
  virtual: true
});

function render() {
  const element = mount('c-my-learning', MyLearning);
  return element;
}

function personLearning(element) {
  return deepQuery(element, 'c-person-learning');
}

function notice(element) {
  return personLearning(element).shadowRoot.querySelector('c-learning-notice');
}

describe('c-my-learning', () => {
  afterEach(resetDom);

  it('shows a spinner while the learning loads', async () => {
    const element = render();
    const spinner = deepQuery(element, 'lightning-spinner');
    expect(spinner).not.toBeNull();
    expect(spinner.alternativeText).toBe('c.Learning_Loading');
    expect(personLearning(element)).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows courses, certificates, badges, figures and charts once synced', async () => {
    const element = render();
    getMyLearning.emit(LEARNING);
    await flushPromises();

    expect(deepQuery(element, 'lightning-spinner')).toBeNull();
    const person = personLearning(element);
    expect(person.learning).toEqual(LEARNING);
    expect(person.shadowRoot.querySelector('.courses-title').textContent).toBe('c.Learning_MyCourses_Title');

    const table = person.shadowRoot.querySelector('c-course-progress-table');
    const datatable = table.shadowRoot.querySelector('lightning-datatable');
    expect(datatable.data).toHaveLength(LEARNING.courses.length);

    const certificates = person.shadowRoot.querySelector('c-certificate-list');
    expect(certificates.shadowRoot.querySelectorAll('li')).toHaveLength(LEARNING.certificates.length);

    const badges = person.shadowRoot.querySelector('c-badge-gallery');
    expect(badges.shadowRoot.querySelectorAll('li.badge-tile')).toHaveLength(LEARNING.badges.length);
    expect(badges.points).toBe(1250);
    expect(badges.level).toBe(4);
    expect(badges.portalHost).toBe('acme.talentlms.com');

    const summary = person.shadowRoot.querySelector('c-learning-summary');
    expect(summary.shadowRoot.querySelector('[data-figure="assigned"]').textContent).toBe('7');
    expect(summary.shadowRoot.querySelector('[data-figure="completed"]').textContent).toBe('2');
    expect(summary.shadowRoot.querySelector('[data-figure="overdue"]').textContent).toBe('1');

    const donut = person.shadowRoot.querySelector('c-status-donut');
    expect(donut.statusCounts).toEqual(LEARNING.statusCounts);
    expect(donut.shadowRoot.querySelectorAll('circle.segment')).toHaveLength(5);
    const bars = person.shadowRoot.querySelector('c-progress-bars');
    expect(bars.shadowRoot.querySelectorAll('li')).toHaveLength(LEARNING.courses.length);

    expect(notice(element)).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says "not synced yet" without the admin hint for a learner', async () => {
    const element = render();
    getMyLearning.emit(NOT_SYNCED);
    await flushPromises();

    const box = notice(element);
    expect(box.variant).toBe('notSynced');
    expect(box.message).toBe('c.Learning_NotSynced_Self');
    expect(box.shadowRoot.querySelector('h3').textContent).toBe('c.Learning_NotSynced_Title');
    expect(box.shadowRoot.querySelector('.admin-hint')).toBeNull();
    expect(personLearning(element).shadowRoot.querySelector('c-course-progress-table')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('adds the Sync Health hint for an admin when nothing is synced', async () => {
    const element = render();
    getMyLearning.emit(NOT_SYNCED_ADMIN);
    await flushPromises();

    const hint = notice(element).shadowRoot.querySelector('.admin-hint');
    expect(hint).not.toBeNull();
    expect(hint.textContent).toBe('c.Learning_NotSynced_AdminHint');
    await expect(element).toBeAccessible();
  });

  it('warns about hidden data and still shows what is readable', async () => {
    const element = render();
    getMyLearning.emit(PARTIAL);
    await flushPromises();

    const box = notice(element);
    expect(box.variant).toBe('partial');
    const reasons = [...box.shadowRoot.querySelectorAll('.reason')].map((item) => item.textContent);
    expect(reasons).toEqual(['c.Learning_Partial_FieldsHidden', 'c.Learning_Partial_SectionsHidden']);
    const table = personLearning(element).shadowRoot.querySelector('c-course-progress-table');
    expect(table.shadowRoot.querySelector('lightning-datatable').data).toHaveLength(PARTIAL.courses.length);
    const certificates = personLearning(element).shadowRoot.querySelector('c-certificate-list');
    expect(certificates.shadowRoot.querySelector('.no-certificates').textContent).toBe(
      'c.Learning_NoCertificates'
    );
    await expect(element).toBeAccessible();
  });

  it('shows the Apex message in the error panel when loading fails', async () => {
    const element = render();
    getMyLearning.error({ message: 'You do not have access to TalentLMS learning records.' });
    await flushPromises();

    const panel = deepQuery(element, 'c-error-panel');
    expect(panel.friendlyMessage).toBe('c.Learning_Error_LoadMyLearning');
    const items = [...panel.shadowRoot.querySelectorAll('li')].map((item) => item.textContent);
    expect(items).toEqual(['You do not have access to TalentLMS learning records.']);
    expect(personLearning(element)).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('asks Apex again when the user refreshes', async () => {
    const element = render();
    await flushPromises();
    getMyLearning.emit(LEARNING);
    await flushPromises();
    deepQuery(element, 'lightning-button-icon.refresh').click();
    expect(refreshApex).toHaveBeenCalledTimes(1);
    expect(refreshApex.mock.calls[0][0].data).toEqual(LEARNING);
  });
});
