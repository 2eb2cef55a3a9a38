import SetupChecklist from 'c/setupChecklist';
import { mount, renderedText, resetDom } from 'test-utils';

jest.mock('@salesforce/label/c.Setup_Perm_NextRun', () => ({ default: 'Next run: {0}' }), { virtual: true });

const CHECKLIST = require('../../setupTab/__tests__/data/getChecklist.json');
const SCHEDULED = require('../../setupTab/__tests__/data/schedulePermissionSync.json');

function render(checklist) {
  const element = mount('c-setup-checklist', SetupChecklist, { checklist });
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-setup-checklist', () => {
  afterEach(resetDom);

  it('shows each step with its live state and detail', async () => {
    const element = render(CHECKLIST);
    const items = element.shadowRoot.querySelectorAll('li.item');
    expect(items).toHaveLength(4);
    expect(items[0].querySelector('.state').textContent).toBe('c.Setup_State_Done');
    expect(items[1].querySelector('.state').textContent).toBe('c.Setup_State_ToDo');
    expect(items[2].querySelector('.state').textContent).toBe('c.Setup_State_Manual');
    expect(items[3].querySelector('.detail').textContent).toContain('4 synced user(s)');
    expect($(element, '.not-scheduled')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('raises assign and schedule', async () => {
    const element = render(CHECKLIST);
    const assign = jest.fn();
    const schedule = jest.fn();
    element.addEventListener('assign', assign);
    element.addEventListener('schedule', schedule);
    $(element, 'lightning-button.assign').click();
    $(element, 'lightning-button.start').click();
    expect(assign).toHaveBeenCalledTimes(1);
    expect(schedule.mock.calls[0][0].detail).toEqual({ enabled: true });
    await expect(element).toBeAccessible();
  });

  it('shows the next run of the hourly job and stops it', async () => {
    const element = render(SCHEDULED);
    expect($(element, '.next-run c-timestamp').value).toBe('2026-11-25T11:15:00.000Z');
    expect(renderedText($(element, '.next-run')).trim()).toBe('Next run: 2026-11-25T11:15:00.000Z');
    const schedule = jest.fn();
    element.addEventListener('schedule', schedule);
    $(element, 'lightning-button.stop').click();
    expect(schedule.mock.calls[0][0].detail).toEqual({ enabled: false });
    await expect(element).toBeAccessible();
  });

  it('disables assignment for admins without Assign Permission Sets', async () => {
    const checklist = JSON.parse(JSON.stringify(CHECKLIST));
    checklist.permissionSync.canAssign = false;
    checklist.permissionSync.learnersMissing = null;
    const element = render(checklist);
    expect($(element, 'lightning-button.assign').disabled).toBe(true);
    expect($(element, '.assign-help').textContent).toBe('c.Setup_Perm_NeedsPermission');
    expect($(element, '.missing').textContent).toBe('c.Setup_Perm_Unknown');
    await expect(element).toBeAccessible();
  });
});
