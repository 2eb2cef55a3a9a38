import { createElement } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import ContactLearningActivity from 'c/contactLearningActivity';
import getContactLearning from '@salesforce/apex/ContactLearningController.getContactLearning';

const LEARNING = require('./data/getContactLearning.json');
const NOT_SYNCED = require('./data/getContactLearning.notSynced.json');

jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock(
  '@salesforce/apex/ContactLearningController.getContactLearning',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

// The config the component's wire currently holds (getLastConfig() is reset when the wire connects).
function currentConfig(adapter) {
  let config;
  adapter.emit(undefined, (candidate) => {
    config = candidate;
    return false;
  });
  return config;
}

function flushPromises() {
  // Lets wire emissions and re-renders settle (the pattern lwc-recipes uses)
  // eslint-disable-next-line @lwc/lwc/no-async-operation
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function render() {
  const element = createElement('c-contact-learning-activity', { is: ContactLearningActivity });
  element.recordId = LEARNING.personId;
  document.body.appendChild(element);
  return element;
}

describe('c-contact-learning-activity', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('asks for the record page contact and shows a spinner meanwhile', async () => {
    const element = render();
    await flushPromises();
    expect(currentConfig(getContactLearning)).toEqual({ contactId: LEARNING.personId });
    expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
    expect(element.shadowRoot.querySelector('lightning-card').title).toBe('c.Learning_Activity_Title');
    await expect(element).toBeAccessible();
  });

  it("shows the contact's courses, certificates and badges", async () => {
    const element = render();
    getContactLearning.emit(LEARNING);
    await flushPromises();
    const person = element.shadowRoot.querySelector('c-person-learning');
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
    const notice = element.shadowRoot
      .querySelector('c-person-learning')
      .shadowRoot.querySelector('c-learning-notice');
    expect(notice.variant).toBe('notSynced');
    expect(notice.shadowRoot.querySelector('.admin-hint')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows why a contact the user cannot see has no activity', async () => {
    const element = render();
    getContactLearning.error({ message: "You can't see this contact, so its learning activity is hidden." });
    await flushPromises();
    const panel = element.shadowRoot.querySelector('c-error-panel');
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
    element.shadowRoot.querySelector('lightning-button-icon.refresh').click();
    expect(refreshApex).toHaveBeenCalledTimes(1);
    expect(refreshApex.mock.calls[0][0].data).toEqual(LEARNING);
  });
});
