import SyncHealthRuns from 'c/syncHealthRuns';
import { mount, resetDom } from 'test-utils';

const HEALTH = require('../../syncHealth/__tests__/data/getHealth.json');

function render(runs) {
  const element = mount('c-sync-health-runs', SyncHealthRuns, { runs });
  return element;
}

describe('c-sync-health-runs', () => {
  afterEach(resetDom);

  it('shows the ten newest runs with status, stop reason, counts, calls and quota', async () => {
    const element = render(HEALTH.runs);
    const rows = element.shadowRoot.querySelectorAll('tr.run');
    expect(rows).toHaveLength(10);
    expect(rows[0].querySelector('a').getAttribute('href')).toBe(
      `/lightning/r/SyncRun__c/${HEALTH.runs[0].id}/view`
    );
    expect(rows[0].querySelector('.status').textContent).toContain('Partial');
    expect(rows[0].querySelector('.stop-reason').textContent).toBe('c.SyncHealth_Stop_Quota');
    expect(rows[3].querySelector('.error').textContent).toContain('TALENTLMS_UNAVAILABLE');
    expect(rows[0].querySelector('.calls').textContent).toBe('c.SyncHealth_RunCalls');
    await expect(element).toBeAccessible();
  });

  it('says when there are no runs', async () => {
    const element = render([]);
    expect(element.shadowRoot.querySelector('.no-runs')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
