import SyncHealthIssues from 'c/syncHealthIssues';
import { mount, renderedText, resetDom } from 'test-utils';

jest.mock('@salesforce/label/c.SyncHealth_IssueCounts', () => ({ default: '{0} open, seen {1} times' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SyncHealth_FirstSeen', () => ({ default: 'first seen {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.SyncHealth_LastSeen', () => ({ default: 'last seen {0}' }), { virtual: true });

const HEALTH = require('../../syncHealth/__tests__/data/getHealth.json');

function render(groups, canResolve = true) {
  const element = mount('c-sync-health-issues', SyncHealthIssues, { groups, canResolve });
  return element;
}

describe('c-sync-health-issues', () => {
  afterEach(resetDom);

  it('groups open issues by code with the hint and links each person', async () => {
    const element = render(HEALTH.issueGroups);
    const groups = element.shadowRoot.querySelectorAll('.group');
    expect(groups).toHaveLength(2);
    expect(groups[0].querySelector('.code').textContent).toBe('DUPLICATE_EMAIL');
    expect(groups[0].querySelector('.hint').textContent).toContain('own e-mail');
    expect(renderedText(groups[0].querySelector('.seen')).trim()).toBe(
      '2 open, seen 4 times · first seen 2026-11-23T09:00:00.000Z · last seen 2026-11-25T09:00:00.000Z'
    );
    const issues = groups[0].querySelectorAll('li.issue');
    expect(issues).toHaveLength(2);
    expect(issues[0].querySelector('a').getAttribute('href')).toBe(
      '/lightning/r/Contact/003000000000001AAA/view'
    );
    expect(issues[1].querySelector('a')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('raises resolve with the issue id', () => {
    const element = render(HEALTH.issueGroups);
    const handler = jest.fn();
    element.addEventListener('resolve', handler);
    element.shadowRoot.querySelector('lightning-button.resolve').click();
    expect(handler.mock.calls[0][0].detail).toEqual({ issueId: 'a0D000000000001AAA' });
  });

  it('disables resolving without access and says when nothing is open', async () => {
    const element = render(HEALTH.issueGroups, false);
    expect(element.shadowRoot.querySelector('lightning-button.resolve').disabled).toBe(true);
    element.groups = [];
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('.no-issues')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
