import Timestamp from 'c/timestamp';
import { mount, renderedText, resetDom } from 'test-utils';

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

  it('keeps the spaces of a label around the date', async () => {
    const element = mount('c-timestamp', Timestamp, {
      value: '2026-11-25T11:15:00.000Z',
      label: 'Waiting for the runner (last run: {0}).'
    });
    expect(renderedText(element)).toBe('Waiting for the runner (last run: 2026-11-25T11:15:00.000Z).');
    await expect(element).toBeAccessible();
  });

  it('puts a space after a label without a placeholder and shows only the date without a label', () => {
    const labelled = mount('c-timestamp', Timestamp, { value: 0, label: 'Next run:' });
    expect(renderedText(labelled)).toBe('Next run: 0');
    const bare = mount('c-timestamp', Timestamp, { value: '2026-11-25T11:15:00.000Z' });
    expect(renderedText(bare)).toBe('2026-11-25T11:15:00.000Z');
  });
});
