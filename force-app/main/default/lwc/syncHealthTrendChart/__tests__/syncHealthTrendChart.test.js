import SyncHealthTrendChart from 'c/syncHealthTrendChart';
import { mount, resetDom } from 'test-utils';

const HEALTH = require('../../syncHealth/__tests__/data/getHealth.json');

function render(runs) {
  const element = mount('c-sync-health-trend-chart', SyncHealthTrendChart, { runs });
  return element;
}

describe('c-sync-health-trend-chart', () => {
  afterEach(resetDom);

  it('draws one bar per run, oldest first, coloured by status, with a text alternative', async () => {
    const element = render(HEALTH.runs);
    const svg = element.shadowRoot.querySelector('svg');
    expect(svg.getAttribute('role')).toBe('img');
    const bars = element.shadowRoot.querySelectorAll('rect');
    expect(bars).toHaveLength(30);
    expect(bars[29].getAttribute('class')).toContain('bar-partial');
    const heights = [...bars].map((bar) => Number(bar.getAttribute('height')));
    expect(Math.max(...heights)).toBe(heights[0]);
    expect(element.shadowRoot.querySelectorAll('circle')).toHaveLength(30);
    const rows = element.shadowRoot.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(30);
    expect(rows[29].querySelector('th').textContent).toBe(HEALTH.runs[0].name);
    expect(rows[29].querySelectorAll('td')[1].textContent).toBe('40');
    await expect(element).toBeAccessible();
  });

  it('says when there are no runs', async () => {
    const element = render([]);
    expect(element.shadowRoot.querySelector('.no-runs')).not.toBeNull();
    expect(element.shadowRoot.querySelector('svg')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
