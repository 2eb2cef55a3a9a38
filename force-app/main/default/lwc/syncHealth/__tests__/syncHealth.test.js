import { createElement } from 'lwc';
import SyncHealth from 'c/syncHealth';
import getHealth from '@salesforce/apex/SyncHealthController.getHealth';
import resolveIssue from '@salesforce/apex/SyncHealthController.resolveIssue';
import requestFullReconciliation from '@salesforce/apex/SyncHealthController.requestFullReconciliation';
import { flushPromises, mount, renderedText, resetDom } from 'test-utils';

const HEALTH = require('./data/getHealth.json');
const EMPTY = require('./data/getHealth.empty.json');
const RESOLVED = require('./data/resolveIssue.json');
const REQUESTED = require('./data/requestFullReconciliation.json');

jest.mock(
  '@salesforce/label/c.SyncHealth_LastSuccessfulRunAt',
  () => ({ default: 'Last successful run {0}' }),
  { virtual: true }
);
jest.mock('@salesforce/apex/SyncHealthController.getHealth', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/SyncHealthController.resolveIssue', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/SyncHealthController.requestFullReconciliation', () => ({ default: jest.fn() }), {
  virtual: true
});

async function render(health = HEALTH) {
  getHealth.mockResolvedValue(health);
  const element = mount('c-sync-health', SyncHealth);
  await flushPromises();
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-sync-health', () => {
  afterEach(resetDom);

  it('shows a spinner while loading', async () => {
    getHealth.mockReturnValue(new Promise(() => {}));
    const element = createElement('c-sync-health', { is: SyncHealth });
    document.body.appendChild(element);
    expect($(element, 'lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows an error panel when the health cannot load', async () => {
    getHealth.mockRejectedValue({
      body: { message: 'You need the TalentLMS Admin permission set for this.' }
    });
    const element = createElement('c-sync-health', { is: SyncHealth });
    document.body.appendChild(element);
    await flushPromises();
    expect($(element, 'c-error-panel')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows runs, trend, issues and people not synced', async () => {
    const element = await render();
    expect(getHealth).toHaveBeenCalledWith({ state: null, pageSize: 25, pageOffset: 0 });
    expect($(element, 'c-sync-health-trend-chart').runs).toHaveLength(30);
    expect($(element, 'c-sync-health-runs').runs).toHaveLength(30);
    expect($(element, 'c-sync-health-issues').groups).toHaveLength(2);
    expect($(element, 'c-sync-health-people').page.total).toBe(2);
    expect(renderedText($(element, '.last-success')).trim()).toBe(
      'Last successful run 2026-11-25T08:00:00.000Z'
    );
    expect($(element, 'lightning-button.reconcile').disabled).toBe(false);
    await expect(element).toBeAccessible();
  });

  it('shows an org without runs', async () => {
    const element = await render(EMPTY);
    expect($(element, 'lightning-button.reconcile').disabled).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('resolves an issue and requests a full reconciliation', async () => {
    resolveIssue.mockResolvedValue(RESOLVED);
    requestFullReconciliation.mockResolvedValue(REQUESTED);
    const element = await render();
    $(element, 'c-sync-health-issues').dispatchEvent(
      new CustomEvent('resolve', { detail: { issueId: 'a0D000000000001AAA' } })
    );
    await flushPromises();
    expect(resolveIssue).toHaveBeenCalledWith({ issueId: 'a0D000000000001AAA' });
    expect($(element, '.message').textContent).toBe('c.SyncHealth_Resolved');
    $(element, 'lightning-button.reconcile').click();
    await flushPromises();
    expect(requestFullReconciliation).toHaveBeenCalledTimes(1);
    expect($(element, '.requested')).not.toBeNull();
    expect($(element, 'lightning-button.reconcile').disabled).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('shows why an action failed', async () => {
    resolveIssue.mockRejectedValue({ body: { message: 'This issue is no longer open' } });
    const element = await render();
    $(element, 'c-sync-health-issues').dispatchEvent(
      new CustomEvent('resolve', { detail: { issueId: 'a0D000000000001AAA' } })
    );
    await flushPromises();
    expect($(element, 'c-error-panel').errors.body.message).toContain('no longer open');
    await expect(element).toBeAccessible();
  });

  it('filters and pages people not synced', async () => {
    const element = await render();
    const people = $(element, 'c-sync-health-people');
    people.dispatchEvent(new CustomEvent('statechange', { detail: { state: 'NeedsReview' } }));
    await flushPromises();
    expect(getHealth).toHaveBeenLastCalledWith({ state: 'NeedsReview', pageSize: 25, pageOffset: 0 });
    people.dispatchEvent(new CustomEvent('pagechange', { detail: { pageOffset: 25 } }));
    await flushPromises();
    expect(getHealth).toHaveBeenLastCalledWith({ state: 'NeedsReview', pageSize: 25, pageOffset: 25 });
  });
});
