import { refreshApex } from '@salesforce/apex';
import ContactLearningActivity from 'c/contactLearningActivity';
import getContactLearning from '@salesforce/apex/ContactLearningController.getContactLearning';
import { currentConfig, deepQuery, flushPromises, mount, renderedText, resetDom } from 'test-utils';

const LEARNING = require('./data/getContactLearning.json');
const NOT_SYNCED = require('./data/getContactLearning.notSynced.json');
const PARTIAL = require('./data/getContactLearning.partial.json');

jest.mock('@salesforce/apex', () => require('test-utils').refreshApexMock(), { virtual: true });
jest.mock(
  '@salesforce/apex/ContactLearningController.getContactLearning',
  () => require('test-utils').apexWireMock(),
  { virtual: true }
);

function render() {
  const element = mount('c-contact-learning-activity', ContactLearningActivity, {
    recordId: LEARNING.personId
  });
  return element;
}

describe('c-contact-learning-activity', () => {
  afterEach(resetDom);

  it('asks for the record page contact and shows a spinner meanwhile', async () => {
    const element = render();
    await flushPromises();
    expect(currentConfig(getContactLearning)).toEqual({ contactId: LEARNING.personId });
    expect(deepQuery(element, 'lightning-spinner')).not.toBeNull();
    expect(deepQuery(element, 'lightning-card').title).toBe('c.Learning_Activity_Title');
    await expect(element).toBeAccessible();
  });

  it("shows the contact's courses, certificates and badges", async () => {
    const element = render();
    getContactLearning.emit(LEARNING);
    await flushPromises();
    const person = deepQuery(element, 'c-person-learning');
    expect(person.mode).toBe('other');
    const table = person.shadowRoot.querySelector('c-course-progress-table');
    expect(table.shadowRoot.querySelector('lightning-datatable').data).toHaveLength(LEARNING.courses.length);
    expect(person.shadowRoot.querySelector('c-certificate-list').certificates).toHaveLength(3);
    await expect(element).toBeAccessible();
  });

  it('says the contact is not synced yet', async () => {
    const element = render();
    getContactLearning.emit(NOT_SYNCED);
    await flushPromises();
    const notice = deepQuery(element, 'c-person-learning').shadowRoot.querySelector('c-learning-notice');
    expect(notice.variant).toBe('notSynced');
    expect(notice.shadowRoot.querySelector('.admin-hint')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('warns that part of the activity is hidden and still shows what the user can read', async () => {
    const element = render();
    getContactLearning.emit(PARTIAL);
    await flushPromises();
    const person = deepQuery(element, 'c-person-learning');
    const notice = person.shadowRoot.querySelector('c-learning-notice');
    expect(notice.variant).toBe('partial');
    const box = notice.shadowRoot.querySelector('[role="status"]');
    expect(box.querySelector('h3').textContent).toBe('c.Learning_Partial_Title');
    const reasons = [...box.querySelectorAll('.reason')].map((item) => item.textContent);
    expect(reasons).toEqual(['c.Learning_Partial_FieldsHidden', 'c.Learning_Partial_SectionsHidden']);
    // The readable courses and badges still show; the hidden time spent and certificates do not
    const rows = person.shadowRoot
      .querySelector('c-course-progress-table')
      .shadowRoot.querySelector('lightning-datatable').data;
    expect(rows.map((row) => row.courseName).sort()).toEqual(
      PARTIAL.courses.map((course) => course.courseName).sort()
    );
    expect(rows.every((row) => !row.timeSpentText)).toBe(true);
    const certificates = person.shadowRoot.querySelector('c-certificate-list');
    expect(renderedText(certificates.shadowRoot.querySelector('.no-certificates'))).toBe(
      'c.Learning_NoCertificates'
    );
    const badges = person.shadowRoot.querySelector('c-badge-gallery');
    expect([...badges.shadowRoot.querySelectorAll('.badge-name')].map((name) => name.textContent)).toEqual(
      PARTIAL.badges.map((badge) => badge.name)
    );
    await expect(element).toBeAccessible();
  });

  it('shows why a contact the user cannot see has no activity', async () => {
    const element = render();
    getContactLearning.error({ message: "You can't see this contact, so its learning activity is hidden." });
    await flushPromises();
    const panel = deepQuery(element, 'c-error-panel');
    expect(panel.friendlyMessage).toBe('c.Learning_Error_LoadContact');
    expect(panel.shadowRoot.querySelector('li').textContent).toBe(
      "You can't see this contact, so its learning activity is hidden."
    );
    await expect(element).toBeAccessible();
  });

  it('asks Apex again when the user refreshes', async () => {
    const element = render();
    await flushPromises();
    getContactLearning.emit(LEARNING);
    await flushPromises();
    deepQuery(element, 'lightning-button-icon.refresh').click();
    expect(refreshApex).toHaveBeenCalledTimes(1);
    expect(refreshApex.mock.calls[0][0].data).toEqual(LEARNING);
  });
});
