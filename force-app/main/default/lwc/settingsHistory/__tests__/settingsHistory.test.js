import SettingsHistory from 'c/settingsHistory';
import { mount, renderedText, resetDom } from 'test-utils';

const STATE = require('../../setupTab/__tests__/data/getSettingsState.json');

function render(history) {
  const element = mount('c-settings-history', SettingsHistory, { history });
  return element;
}

describe('c-settings-history', () => {
  afterEach(resetDom);

  it('lists every save and activation with who, summary and before/after', async () => {
    const element = render(STATE.history);
    const changes = element.shadowRoot.querySelectorAll('li.change');
    expect(changes).toHaveLength(2);
    expect(changes[0].querySelector('strong').textContent).toBe('c.Setup_History_Save');
    expect(renderedText(changes[0].querySelector('.when')).trim()).toBe(
      'c.Setup_History_Save · 2026-11-25T09:40:00.000Z · Ada Admin · c.Setup_History_Versions'
    );
    expect(changes[0].querySelector('.summary').textContent).toContain('users.enabled');
    expect(changes[0].querySelector('.after').textContent).toContain('"enabled":true');
    expect(changes[1].querySelector('.before').textContent).toBe('c.Setup_History_Nothing');
    await expect(element).toBeAccessible();
  });

  it('says when nothing changed yet', async () => {
    const element = render([]);
    expect(element.shadowRoot.querySelector('.no-history')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
