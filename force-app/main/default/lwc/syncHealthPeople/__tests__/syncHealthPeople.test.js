import SyncHealthPeople from 'c/syncHealthPeople';
import { mount, resetDom } from 'test-utils';

const HEALTH = require('../../syncHealth/__tests__/data/getHealth.json');

function render(page) {
  const element = mount('c-sync-health-people', SyncHealthPeople, { page });
  return element;
}

describe('c-sync-health-people', () => {
  afterEach(resetDom);

  it('lists people not synced, why, and a link to each', async () => {
    const element = render(HEALTH.notSynced);
    const rows = element.shadowRoot.querySelectorAll('tr.person');
    expect(rows).toHaveLength(2);
    expect(rows[0].querySelector('a').getAttribute('href')).toBe(
      '/lightning/r/Contact/003000000000001AAA/view'
    );
    expect(rows[0].querySelector('td').textContent).toBe('c.SyncHealth_State_NeedsReview');
    expect(rows[0].querySelector('.reason').textContent).toContain('twin@example.com');
    expect(rows[1].querySelector('a').getAttribute('href')).toBe('/lightning/r/User/005000000000003AAA/view');
    expect(element.shadowRoot.querySelector('c-pager').total).toBe(2);
    await expect(element).toBeAccessible();
  });

  it('raises state and page changes', () => {
    const element = render(HEALTH.notSynced);
    const states = jest.fn();
    const pages = jest.fn();
    element.addEventListener('statechange', states);
    element.addEventListener('pagechange', pages);
    element.shadowRoot
      .querySelector('lightning-combobox')
      .dispatchEvent(new CustomEvent('change', { detail: { value: 'Error' } }));
    element.shadowRoot
      .querySelector('c-pager')
      .dispatchEvent(new CustomEvent('pagechange', { detail: { pageOffset: 25 } }));
    expect(states.mock.calls[0][0].detail).toEqual({ state: 'Error' });
    expect(pages.mock.calls[0][0].detail).toEqual({ pageOffset: 25 });
  });

  it('says when everyone is synced', async () => {
    const element = render({ total: 0, pageSize: 25, pageOffset: 0, people: [] });
    expect(element.shadowRoot.querySelector('.no-people')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
