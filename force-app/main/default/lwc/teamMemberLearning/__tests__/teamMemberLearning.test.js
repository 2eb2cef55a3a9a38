import { createElement } from 'lwc';
import TeamMemberLearning from 'c/teamMemberLearning';
import getMemberLearning from '@salesforce/apex/TeamMembersController.getMemberLearning';

const MEMBER = require('./data/getMemberLearning.json');
const NOT_SYNCED = require('./data/getMemberLearning.notSynced.json');

jest.mock(
  '@salesforce/apex/TeamMembersController.getMemberLearning',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/label/c.Learning_Member_Title', () => ({ default: 'Learning of {0}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Learning_NotSynced_Other',
  () => ({ default: 'Nothing synced for {0} yet.' }),
  {
    virtual: true
  }
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
  const element = createElement('c-team-member-learning', { is: TeamMemberLearning });
  element.userId = MEMBER.personId;
  element.memberName = 'From the list';
  document.body.appendChild(element);
  return element;
}

describe('c-team-member-learning', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it("names the member from the list while the member's learning loads", async () => {
    const element = render();
    await flushPromises();
    expect(currentConfig(getMemberLearning)).toEqual({ userId: MEMBER.personId });
    expect(element.shadowRoot.querySelector('.member-heading').textContent).toBe('Learning of From the list');
    expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it("shows the member's dashboard under the member's name", async () => {
    const element = render();
    getMemberLearning.emit(MEMBER);
    await flushPromises();
    expect(element.shadowRoot.querySelector('.member-heading').textContent).toBe(
      `Learning of ${MEMBER.personName}`
    );
    const person = element.shadowRoot.querySelector('c-person-learning');
    expect(person.shadowRoot.querySelector('.courses-title').textContent).toBe('c.Learning_Courses_Title');
    await expect(element).toBeAccessible();
  });

  it('says when nothing is synced for the member', async () => {
    const element = render();
    getMemberLearning.emit(NOT_SYNCED);
    await flushPromises();
    const notice = element.shadowRoot
      .querySelector('c-person-learning')
      .shadowRoot.querySelector('c-learning-notice');
    expect(notice.message).toBe(`Nothing synced for ${NOT_SYNCED.personName} yet.`);
    expect(notice.shadowRoot.querySelector('.admin-hint')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows why a user outside the team cannot be opened', async () => {
    const element = render();
    getMemberLearning.error({ message: 'You can see the learning of your own team only.' });
    await flushPromises();
    const panel = element.shadowRoot.querySelector('c-error-panel');
    expect(panel.friendlyMessage).toBe('c.Learning_Error_LoadMember');
    expect(panel.shadowRoot.querySelector('li').textContent).toBe(
      'You can see the learning of your own team only.'
    );
    await expect(element).toBeAccessible();
  });

  it('raises back when the user returns to the team', () => {
    const element = render();
    const handler = jest.fn();
    element.addEventListener('back', handler);
    element.shadowRoot.querySelector('lightning-button.back').click();
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
