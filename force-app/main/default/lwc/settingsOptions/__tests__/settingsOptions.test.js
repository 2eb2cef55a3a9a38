import SettingsOptions from 'c/settingsOptions';
import { mount, resetDom } from 'test-utils';

const STATE = require('../../setupTab/__tests__/data/getSettingsState.json');
const DRAFT = JSON.parse(STATE.draftJson);

function render(settings = DRAFT) {
  const element = mount('c-settings-options', SettingsOptions, { settings });
  const changes = [];
  element.addEventListener('optionchange', (event) => changes.push(event.detail));
  return { element, changes };
}

const byPath = (element, path) => element.shadowRoot.querySelector(`[data-path="${path}"]`);

describe('c-settings-options', () => {
  afterEach(resetDom);

  it('shows every option with the circuit breaker as a percentage and the deactivation warning', async () => {
    const { element } = render();
    expect(byPath(element, 'learning.courseScanIntervalMinutes').value).toBe(360);
    expect(byPath(element, 'special.maxDeactivationShare').value).toBe(10);
    expect(byPath(element, 'budgets.talentlmsShare').value).toBe(50);
    expect(byPath(element, 'retention.settingsChangesDays').value).toBe(365);
    expect(element.shadowRoot.querySelector('.deactivate-warning')).not.toBeNull();
    expect(element.shadowRoot.querySelector('.restrict-warning')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('warns that restrict is permanent when it is chosen', async () => {
    const restricted = JSON.parse(JSON.stringify(DRAFT));
    restricted.email.newLearnerPolicy = 'restrict';
    const { element } = render(restricted);
    expect(element.shadowRoot.querySelector('.restrict-warning').textContent).toBe(
      'c.Setup_Email_RestrictWarning'
    );
    await expect(element).toBeAccessible();
  });

  it('raises typed values by option path', () => {
    const { element, changes } = render();
    byPath(element, 'special.deactivateNotSynced').dispatchEvent(
      new CustomEvent('change', { detail: { checked: true } })
    );
    byPath(element, 'special.maxDeactivationShare').dispatchEvent(
      new CustomEvent('change', { detail: { value: '2.5' } })
    );
    byPath(element, 'retention.runsDays').dispatchEvent(
      new CustomEvent('change', { detail: { value: '30' } })
    );
    byPath(element, 'email.newLearnerPolicy').dispatchEvent(
      new CustomEvent('change', { detail: { value: 'restrict' } })
    );
    expect(changes).toEqual([
      { path: 'special.deactivateNotSynced', value: true },
      { path: 'special.maxDeactivationShare', value: 0.025 },
      { path: 'retention.runsDays', value: 30 },
      { path: 'email.newLearnerPolicy', value: 'restrict' }
    ]);
  });
});
