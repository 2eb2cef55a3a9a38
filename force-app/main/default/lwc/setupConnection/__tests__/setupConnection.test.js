import SetupConnection from 'c/setupConnection';
import { mount, renderedText, resetDom } from 'test-utils';

jest.mock(
  '@salesforce/label/c.Setup_CatalogPublished',
  () => ({ default: 'TalentLMS catalog published {0}' }),
  {
    virtual: true
  }
);

const CONNECTION = require('../../setupTab/__tests__/data/getConnection.json');
const MISMATCH = require('../../setupTab/__tests__/data/getConnection.mismatch.json');
const NEVER = require('../../setupTab/__tests__/data/getConnection.neverRun.json');

function render(connection) {
  const element = mount('c-setup-connection', SetupConnection, { connection });
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-setup-connection', () => {
  afterEach(resetDom);

  it('shows the binding, versions and catalog, and how to rebind', async () => {
    const element = render(CONNECTION);
    expect($(element, '.org-id').textContent).toBe('00D000000000001AAA');
    expect($(element, '.domain').textContent).toBe('acme.talentlms.com');
    expect($(element, '.runner-version').textContent).toBe('0.1.0');
    expect($(element, '.mismatch')).toBeNull();
    expect($(element, '.binding').textContent).toContain('c.Setup_RebindHelp');
    expect(renderedText($(element, '.catalog')).trim()).toBe(
      'TalentLMS catalog published 2026-11-25T09:00:00.000Z · Premium'
    );
    expect(element.shadowRoot.textContent).not.toMatch(/api[_ ]?key|password|consumer secret/i);
    await expect(element).toBeAccessible();
  });

  it('warns when the org is not the one the runner is bound to', async () => {
    const element = render(MISMATCH);
    expect($(element, '.mismatch').textContent).toBe('c.Setup_BindingMismatch');
    await expect(element).toBeAccessible();
  });

  it('says the runner has not run yet', async () => {
    const element = render(NEVER);
    expect($(element, '.never-run')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
