import SettingsPopulation from 'c/settingsPopulation';
import getFieldOptions from '@salesforce/apex/SetupController.getFieldOptions';
import { flushPromises, mount, resetDom } from 'test-utils';

const FIELDS = require('./data/getFieldOptions.json');
const CONNECTION = require('../../setupTab/__tests__/data/getConnection.json');
const STATE = require('../../setupTab/__tests__/data/getSettingsState.json');
const DRAFT = JSON.parse(STATE.draftJson);

jest.mock('@salesforce/apex/SetupController.getFieldOptions', () => require('test-utils').apexWireMock(), {
  virtual: true
});

function render(population, catalog = CONNECTION.catalog) {
  const element = mount('c-settings-population', SettingsPopulation, {
    population,
    section: DRAFT[population],
    catalog
  });
  const changes = [];
  element.addEventListener('sectionchange', (event) => changes.push(event.detail));
  return { element, changes };
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-settings-population', () => {
  afterEach(resetDom);

  it('shows a spinner until the fields arrive', async () => {
    const { element } = render('users');
    expect($(element, 'lightning-spinner')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('reads User fields and passes them to the filter and mappings', async () => {
    const { element } = render('users');
    getFieldOptions.emit(FIELDS);
    await flushPromises();
    expect(getFieldOptions.getLastConfig()).toEqual({ objectName: 'User' });
    expect($(element, 'c-settings-filter-builder').fields).toEqual(FIELDS);
    expect($(element, 'c-settings-field-mappings').catalogFields).toHaveLength(2);
    expect($(element, 'lightning-combobox.group-field').value).toBe('Department');
    expect($(element, '.branches')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows an error panel when the fields cannot be read', async () => {
    const { element } = render('users');
    getFieldOptions.error({ body: { message: 'No access' } });
    await flushPromises();
    expect($(element, 'c-error-panel')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('offers branches with the portal limit and Person Accounts for Contacts', async () => {
    const { element, changes } = render('contacts');
    getFieldOptions.emit(FIELDS);
    await flushPromises();
    expect(getFieldOptions.getLastConfig()).toEqual({ objectName: 'Contact' });
    expect($(element, '.branch-limit').textContent).toBe('c.Setup_BranchLimit');
    $(element, 'lightning-input.branches').dispatchEvent(
      new CustomEvent('change', { detail: { checked: true } })
    );
    expect(changes[0].section.accountsToBranches).toEqual({ enabled: true });
    $(element, 'lightning-input.person-accounts').dispatchEvent(
      new CustomEvent('change', { detail: { checked: true } })
    );
    expect(changes[1].section.personAccounts).toEqual({ include: true });
    await expect(element).toBeAccessible();
  });

  it('says the branch limit is unknown before the catalog exists', async () => {
    const { element } = render('contacts', null);
    getFieldOptions.emit(FIELDS);
    await flushPromises();
    expect($(element, '.branch-limit').textContent).toBe('c.Setup_BranchLimitUnknown');
    await expect(element).toBeAccessible();
  });

  it('raises the whole section when a child changes', () => {
    const { element, changes } = render('users');
    $(element, 'lightning-input.enabled').dispatchEvent(
      new CustomEvent('change', { detail: { checked: false } })
    );
    expect(changes[0]).toEqual({ population: 'users', section: { ...DRAFT.users, enabled: false } });
    $(element, 'lightning-combobox.group-field').dispatchEvent(
      new CustomEvent('change', { detail: { value: '' } })
    );
    expect(changes[1].section.groupField).toBeNull();
    const filter = { logic: 'any', conditions: [] };
    $(element, 'c-settings-filter-builder').dispatchEvent(
      new CustomEvent('filterchange', { detail: { filter } })
    );
    expect(changes[2].section.filter).toEqual(filter);
    $(element, 'c-settings-field-mappings').dispatchEvent(
      new CustomEvent('mappingschange', { detail: { mappings: [] } })
    );
    expect(changes[3].section.fieldMappings).toEqual([]);
  });
});
