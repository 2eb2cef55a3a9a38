import StatusDonut from 'c/statusDonut';
import { mount, resetDom } from 'test-utils';

jest.mock('@salesforce/label/c.Learning_Chart_DonutAria', () => ({ default: '{0}: {1} courses. {2}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Learning_Status_Completed', () => ({ default: 'Completed' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Learning_Status_InProgress', () => ({ default: 'In progress' }), {
  virtual: true
});

const COUNTS = [
  { status: 'NotStarted', count: 0 },
  { status: 'InProgress', count: 1 },
  { status: 'Completed', count: 3 },
  { status: 'Failed', count: 0 },
  { status: 'Expired', count: 0 },
  { status: 'Unknown', count: 0 }
];

const render = (props) => mount('c-status-donut', StatusDonut, props);

describe('c-status-donut', () => {
  afterEach(resetDom);

  it('draws one arc per status with courses, sized by share, and describes it for screen readers', async () => {
    const element = render({ title: 'By status', statusCounts: COUNTS });
    const arcs = element.shadowRoot.querySelectorAll('circle.segment');
    expect(arcs).toHaveLength(2);
    expect(arcs[0].getAttribute('stroke-dasharray')).toBe('25 75');
    expect(arcs[1].getAttribute('stroke-dasharray')).toBe('75 25');
    expect(arcs[1].getAttribute('stroke-dashoffset')).toBe('0');
    const svg = element.shadowRoot.querySelector('svg');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('By status: 4 courses. In progress: 1, Completed: 3');
    expect(element.shadowRoot.querySelectorAll('.legend li')).toHaveLength(2);
    await expect(element).toBeAccessible();
  });

  it('says there is nothing to chart when every count is zero', async () => {
    const element = render({ statusCounts: COUNTS.map((item) => ({ ...item, count: 0 })) });
    expect(element.shadowRoot.querySelector('svg')).toBeNull();
    expect(element.shadowRoot.querySelector('.no-data').textContent).toBe('c.Learning_Chart_NoData');
    await expect(element).toBeAccessible();
  });
});
