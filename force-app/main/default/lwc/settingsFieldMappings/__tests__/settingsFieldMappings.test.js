import SettingsFieldMappings from 'c/settingsFieldMappings';
import { deepQuery, mount, resetDom } from 'test-utils';

const FIELDS = require('../../settingsPopulation/__tests__/data/getFieldOptions.json');
const CONNECTION = require('../../setupTab/__tests__/data/getConnection.json');
const CATALOG = CONNECTION.catalog.customFields;

function render(mappings, catalogFields = CATALOG) {
  const element = mount('c-settings-field-mappings', SettingsFieldMappings, {
    mappings,
    fields: FIELDS,
    catalogFields
  });
  const changes = [];
  element.addEventListener('mappingschange', (event) => changes.push(event.detail.mappings));
  return { element, changes };
}

const $ = (element, selector) => deepQuery(element, selector);

describe('c-settings-field-mappings', () => {
  afterEach(resetDom);

  it('waits for the catalog before mappings can be made', async () => {
    const { element } = render([], null);
    expect($(element, '.no-catalog')).not.toBeNull();
    expect($(element, 'lightning-button.add').disabled).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('lists mandatory fields nothing fills with their defaults, and adds a mapping to a free field', async () => {
    const { element, changes } = render([]);
    expect($(element, '.no-mappings')).not.toBeNull();
    expect($(element, '.unmapped').textContent).toContain('Region: South');
    $(element, 'lightning-button.add').click();
    expect(changes[0]).toEqual([
      {
        salesforceField: 'AboutMe',
        customFieldKey: 'custom_field_1',
        customFieldName: 'Job title',
        whenEmpty: 'clear'
      }
    ]);
    await expect(element).toBeAccessible();
  });

  it('shows the TalentLMS type, mandatory flag and options, and changes the target field', async () => {
    const { element, changes } = render([
      {
        salesforceField: 'Title',
        customFieldKey: 'custom_field_2',
        customFieldName: 'Region',
        whenEmpty: 'keep'
      }
    ]);
    expect($(element, '.details').textContent).toContain('c.Setup_Mapping_Type');
    expect($(element, '.unmapped')).toBeNull();
    const target = deepQuery(element, 'lightning-combobox.custom-field');
    target.dispatchEvent(new CustomEvent('change', { detail: { value: 'custom_field_1' } }));
    expect(changes[0][0].customFieldName).toBe('Job title');
    deepQuery(element, 'lightning-button-icon.remove').click();
    expect(changes[1]).toEqual([]);
    await expect(element).toBeAccessible();
  });

  it('keeps a mapping whose field left the catalog visible', async () => {
    const { element } = render([
      {
        salesforceField: 'Title',
        customFieldKey: 'custom_field_9',
        customFieldName: 'Old',
        whenEmpty: 'clear'
      }
    ]);
    expect($(element, '.details').textContent).toBe('c.Setup_Mapping_NotInCatalog');
    await expect(element).toBeAccessible();
  });
});
