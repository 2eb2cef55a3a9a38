import Timestamp from 'c/timestamp';
import { mount, resetDom } from 'test-utils';

const formatted = (element) => element.shadowRoot.querySelector('lightning-formatted-date-time');

describe('c-timestamp', () => {
  afterEach(resetDom);

  it('shows the date and the time by default', async () => {
    const element = mount('c-timestamp', Timestamp, { value: '2026-11-25T11:15:00.000Z' });
    const shown = formatted(element);
    expect(shown.value).toBe('2026-11-25T11:15:00.000Z');
    expect([shown.year, shown.month, shown.day, shown.hour, shown.minute]).toEqual([
      'numeric',
      'short',
      'numeric',
      '2-digit',
      '2-digit'
    ]);
    await expect(element).toBeAccessible();
  });

  it('leaves out the time for a date and the year for a recent event', () => {
    const date = formatted(mount('c-timestamp', Timestamp, { value: 0, format: 'date' }));
    expect([date.year, date.hour, date.minute]).toEqual(['numeric', undefined, undefined]);
    const recent = formatted(mount('c-timestamp', Timestamp, { value: 0, format: 'recent' }));
    expect([recent.year, recent.month, recent.hour]).toEqual([undefined, 'short', '2-digit']);
  });
});
