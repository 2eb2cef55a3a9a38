import SettingsPlanPreview from 'c/settingsPlanPreview';
import { mount, resetDom } from 'test-utils';

const PREVIEW = require('../../setupTab/__tests__/data/getPlanPreview.json');

function render(preview) {
  const element = mount('c-settings-plan-preview', SettingsPlanPreview, { preview });
  return element;
}

describe('c-settings-plan-preview', () => {
  afterEach(resetDom);

  it('shows what a run would do per action with sample people', async () => {
    const element = render(PREVIEW);
    const rows = element.shadowRoot.querySelectorAll('tr.action');
    expect(rows).toHaveLength(3);
    expect(rows[0].querySelector('th').textContent).toBe('c.Setup_Action_Create');
    expect(rows[0].querySelector('.count').textContent).toBe('120');
    expect(rows[0].querySelector('li').textContent).toBe('Grace Hopper · User · Department = Sales');
    await expect(element).toBeAccessible();
  });

  it('says when no plan is stored yet', async () => {
    const element = render(null);
    expect(element.shadowRoot.querySelector('.no-plan')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says when a plan cannot be read or changes nobody', async () => {
    const element = render({ ...PREVIEW, readable: false, actions: [] });
    expect(element.shadowRoot.querySelector('.unreadable')).not.toBeNull();
    element.preview = { ...PREVIEW, actions: [] };
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('.nothing')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
