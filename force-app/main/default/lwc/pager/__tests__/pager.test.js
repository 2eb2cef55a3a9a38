import Pager from 'c/pager';
import { mount, resetDom } from 'test-utils';

jest.mock('@salesforce/label/c.Learning_Pager_Range', () => ({ default: 'Showing {0}–{1} of {2}' }), {
  virtual: true
});

const render = (props) => mount('c-pager', Pager, props);

describe('c-pager', () => {
  afterEach(resetDom);

  it('shows the range and disables Previous on the first page', async () => {
    const element = render({ total: 250, pageSize: 25, pageOffset: 0 });
    expect(element.shadowRoot.querySelector('.range').textContent).toBe('Showing 1–25 of 250');
    expect(element.shadowRoot.querySelector('lightning-button.previous').disabled).toBe(true);
    expect(element.shadowRoot.querySelector('lightning-button.next').disabled).toBe(false);
    await expect(element).toBeAccessible();
  });

  it('asks for the next and previous page', () => {
    const element = render({ total: 250, pageSize: 25, pageOffset: 50 });
    const handler = jest.fn();
    element.addEventListener('pagechange', handler);
    element.shadowRoot.querySelector('lightning-button.next').click();
    element.shadowRoot.querySelector('lightning-button.previous').click();
    expect(handler.mock.calls.map((call) => call[0].detail.pageOffset)).toEqual([75, 25]);
  });

  it('disables Next on the last, partly filled page', () => {
    const element = render({ total: 1000, pageSize: 50, pageOffset: 950 });
    expect(element.shadowRoot.querySelector('.range').textContent).toBe('Showing 951–1000 of 1000');
    expect(element.shadowRoot.querySelector('lightning-button.next').disabled).toBe(true);
  });

  it('reads 0–0 of 0 for an empty list', () => {
    const element = render({ total: 0, pageSize: 25, pageOffset: 0 });
    expect(element.shadowRoot.querySelector('.range').textContent).toBe('Showing 0–0 of 0');
    expect(element.shadowRoot.querySelector('lightning-button.next').disabled).toBe(true);
  });
});
