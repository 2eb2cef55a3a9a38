import ProgressBars from 'c/progressBars';
import { mount, resetDom } from 'test-utils';

jest.mock('@salesforce/label/c.Learning_Chart_More', () => ({ default: 'and {0} more' }), { virtual: true });

const render = (props) => mount('c-progress-bars', ProgressBars, props);

describe('c-progress-bars', () => {
  afterEach(resetDom);

  it('draws a bar per item with its percentage as text, clamping bad values', async () => {
    const element = render({
      title: 'Progress',
      items: [
        { key: 'a', label: 'Course A', value: 45.4 },
        { key: 'b', label: 'Course B', value: 130 },
        { key: 'c', label: 'Course C', value: null }
      ]
    });
    const fills = [...element.shadowRoot.querySelectorAll('rect.bar-fill')].map((rect) =>
      rect.getAttribute('width')
    );
    expect(fills).toEqual(['45.4', '100', '0']);
    const values = [...element.shadowRoot.querySelectorAll('.bar-value')].map((node) => node.textContent);
    expect(values).toEqual(['45%', '100%', '0%']);
    expect(element.shadowRoot.querySelector('.more')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('draws at most maxItems bars and counts the rest', () => {
    const items = Array.from({ length: 14 }, (unused, index) => ({
      key: `${index}`,
      label: `C${index}`,
      value: index
    }));
    const element = render({ items, maxItems: 10 });
    expect(element.shadowRoot.querySelectorAll('li')).toHaveLength(10);
    expect(element.shadowRoot.querySelector('.more').textContent).toBe('and 4 more');
  });

  it('says there is nothing to chart without items', async () => {
    const element = render({ items: [] });
    expect(element.shadowRoot.querySelector('.no-data').textContent).toBe('c.Learning_Chart_NoData');
    await expect(element).toBeAccessible();
  });
});
