import LearningState from 'c/learningState';
import { deepQuery, mount, resetDom } from 'test-utils';

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-learning-state', () => {
  afterEach(resetDom);

  it('shows a spinner before the wire first answers (its value is still undefined)', async () => {
    const element = mount('c-learning-state', LearningState, { errorMessage: 'Could not load' });
    expect($(element, 'lightning-spinner').alternativeText).toBe('c.Learning_Loading');
    expect($(element, 'slot')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('keeps the spinner while the wire has neither data nor error', () => {
    const element = mount('c-learning-state', LearningState, {
      wired: { data: undefined, error: undefined }
    });
    expect($(element, 'lightning-spinner')).not.toBeNull();
  });

  it('shows the error panel with the friendly message when the wire failed', async () => {
    const element = mount('c-learning-state', LearningState, {
      wired: { error: { body: { message: 'No access' } } },
      errorMessage: 'Could not load'
    });
    const panel = $(element, 'c-error-panel');
    expect(panel.friendlyMessage).toBe('Could not load');
    expect(deepQuery(panel, 'li').textContent).toBe('No access');
    expect($(element, 'lightning-spinner')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows its content once the wire has data', async () => {
    const element = mount('c-learning-state', LearningState, { wired: { data: {} } });
    expect($(element, 'slot')).not.toBeNull();
    expect($(element, 'lightning-spinner')).toBeNull();
    expect($(element, 'c-error-panel')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
