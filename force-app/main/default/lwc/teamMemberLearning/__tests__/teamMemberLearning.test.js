import TeamMemberLearning from 'c/teamMemberLearning';
import getMemberLearning from '@salesforce/apex/TeamMembersController.getMemberLearning';
import { currentConfig, deepQuery, flushPromises, mount, resetDom } from 'test-utils';

const MEMBER = require('./data/getMemberLearning.json');
const NOT_SYNCED = require('./data/getMemberLearning.notSynced.json');
const PARTIAL = require('./data/getMemberLearning.partial.json');

jest.mock(
  '@salesforce/apex/TeamMembersController.getMemberLearning',
  () => require('test-utils').apexWireMock(),
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

function render() {
  const element = mount('c-team-member-learning', TeamMemberLearning, {
    userId: MEMBER.personId,
    memberName: 'From the list'
  });
  return element;
}

describe('c-team-member-learning', () => {
  afterEach(resetDom);

  it("names the member from the list while the member's learning loads", async () => {
    const element = render();
    await flushPromises();
    expect(currentConfig(getMemberLearning)).toEqual({ userId: MEMBER.personId });
    expect(deepQuery(element, '.heading').textContent).toBe('Learning of From the list');
    expect(deepQuery(element, 'lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it("shows the member's dashboard under the member's name", async () => {
    const element = render();
    getMemberLearning.emit(MEMBER);
    await flushPromises();
    expect(deepQuery(element, '.heading').textContent).toBe(`Learning of ${MEMBER.personName}`);
    const person = deepQuery(element, 'c-person-learning');
    expect(person.shadowRoot.querySelector('.courses-title').textContent).toBe('c.Learning_Courses_Title');
    await expect(element).toBeAccessible();
  });

  it('says when nothing is synced for the member', async () => {
    const element = render();
    getMemberLearning.emit(NOT_SYNCED);
    await flushPromises();
    const notice = deepQuery(element, 'c-person-learning').shadowRoot.querySelector('c-learning-notice');
    expect(notice.message).toBe(`Nothing synced for ${NOT_SYNCED.personName} yet.`);
    expect(notice.shadowRoot.querySelector('.admin-hint')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it("warns that the member's badges are hidden and still shows the rest of the dashboard", async () => {
    const element = render();
    getMemberLearning.emit(PARTIAL);
    await flushPromises();
    expect(deepQuery(element, '.heading').textContent).toBe(`Learning of ${PARTIAL.personName}`);
    const person = deepQuery(element, 'c-person-learning');
    const notice = person.shadowRoot.querySelector('c-learning-notice');
    expect(notice.variant).toBe('partial');
    const box = notice.shadowRoot.querySelector('[role="status"]');
    expect(box.querySelector('h3').textContent).toBe('c.Learning_Partial_Title');
    const reasons = [...box.querySelectorAll('.reason')].map((item) => item.textContent);
    expect(reasons).toEqual(['c.Learning_Partial_SectionsHidden']);
    // Courses, certificates, points and level still show; only the hidden badges are missing
    const rows = person.shadowRoot
      .querySelector('c-course-progress-table')
      .shadowRoot.querySelector('lightning-datatable').data;
    expect(rows).toHaveLength(PARTIAL.courses.length);
    expect(person.shadowRoot.querySelector('c-certificate-list').certificates).toHaveLength(
      PARTIAL.certificates.length
    );
    const badges = person.shadowRoot.querySelector('c-badge-gallery');
    expect(badges.shadowRoot.querySelector('.points')).not.toBeNull();
    expect(badges.shadowRoot.querySelector('.no-badges').textContent).toBe('c.Learning_NoBadges');
    expect(badges.shadowRoot.querySelector('.badge-name')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows why a user outside the team cannot be opened', async () => {
    const element = render();
    getMemberLearning.error({ message: 'You can see the learning of your own team only.' });
    await flushPromises();
    const panel = deepQuery(element, 'c-error-panel');
    expect(panel.friendlyMessage).toBe('c.Learning_Error_LoadMember');
    expect(panel.shadowRoot.querySelector('li').textContent).toBe(
      'You can see the learning of your own team only.'
    );
    await expect(element).toBeAccessible();
  });

  it('keeps the member name and the way back when the server fails', async () => {
    const element = render();
    // No body: the adapter sends the platform's generic body, as Lightning Data Service does on a 500
    getMemberLearning.error(undefined, 500, 'Internal Server Error');
    await flushPromises();
    expect(deepQuery(element, 'lightning-spinner')).toBeNull();
    expect(deepQuery(element, 'c-person-learning')).toBeNull();
    const panel = deepQuery(element, 'c-error-panel');
    const alert = panel.shadowRoot.querySelector('[role="alert"]');
    expect(alert.querySelector('h2').textContent).toBe('c.Learning_Error_LoadMember');
    expect([...alert.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      'An internal server error has occurred'
    ]);
    expect(deepQuery(element, '.heading').textContent).toBe('Learning of From the list');
    const handler = jest.fn();
    element.addEventListener('back', handler);
    deepQuery(element, 'lightning-button.back').click();
    expect(handler).toHaveBeenCalledTimes(1);
    await expect(element).toBeAccessible();
  });

  it('raises back when the user returns to the team', () => {
    const element = render();
    const handler = jest.fn();
    element.addEventListener('back', handler);
    deepQuery(element, 'lightning-button.back').click();
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
