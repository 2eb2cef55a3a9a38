import SettingsFilterBuilder from 'c/settingsFilterBuilder';
import { deepQuery, deepQueryAll, mount, resetDom } from 'test-utils';

const FIELDS = require('../../settingsPopulation/__tests__/data/getFieldOptions.json');

function render(filter) {
  const element = mount('c-settings-filter-builder', SettingsFilterBuilder, { filter, fields: FIELDS });
  const changes = [];
  element.addEventListener('filterchange', (event) => changes.push(event.detail.filter));
  return { element, changes };
}

const $$ = (element, selector) => deepQueryAll(element, selector);
const $ = (element, selector) => deepQuery(element, selector);

function change(target, value) {
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-settings-filter-builder', () => {
  afterEach(resetDom);

  it('says everyone syncs when there are no conditions, and adds one', async () => {
    const { element, changes } = render({ logic: 'all', conditions: [] });
    expect($(element, '.no-conditions')).not.toBeNull();
    $(element, 'lightning-button.add').click();
    expect(changes[0].conditions).toHaveLength(1);
    expect(changes[0].conditions[0].fieldType).toBeDefined();
    await expect(element).toBeAccessible();
  });

  it('offers only filterable fields and the operators of the chosen field', async () => {
    const { element } = render({
      logic: 'all',
      conditions: [{ field: 'IsActive', fieldType: 'boolean', operator: 'equals', value: true }]
    });
    const [fieldBox, operatorBox] = $$(element, 'lightning-combobox');
    expect(fieldBox.options.map((option) => option.value)).not.toContain('AboutMe');
    expect(operatorBox.options.map((option) => option.value)).toEqual(['equals', 'notEquals']);
    expect($(element, 'lightning-combobox.value').value).toBe('true');
    expect($(element, 'lightning-combobox.value').options).toHaveLength(2);
    await expect(element).toBeAccessible();
  });

  it('turns typed values into typed JSON and drops the value of blank checks', () => {
    const { element, changes } = render({
      logic: 'all',
      conditions: [{ field: 'Department', fieldType: 'string', operator: 'in', value: ['Sales'] }]
    });
    change($(element, 'lightning-input.value'), 'Sales; Support');
    expect(changes[0].conditions[0].value).toEqual(['Sales', 'Support']);
    change($(element, 'lightning-combobox.operator'), 'isBlank');
    expect(changes[1].conditions[0].value).toBeUndefined();
    change($(element, 'lightning-combobox.field'), 'IsActive');
    expect(changes[2].conditions[0]).toEqual({ field: 'IsActive', fieldType: 'boolean', operator: 'equals' });
  });

  it('writes custom logic and renumbers it when a condition goes', async () => {
    const { element, changes } = render({
      logic: 'all',
      conditions: [
        { field: 'Department', fieldType: 'string', operator: 'equals', value: 'Sales' },
        { field: 'Title', fieldType: 'string', operator: 'isNotBlank' }
      ]
    });
    change($(element, 'lightning-combobox.logic-mode'), 'custom');
    expect(changes[0].logic).toBe('1 AND 2');
    element.filter = changes[0];
    await Promise.resolve();
    const logicInput = $(element, 'lightning-input.logic');
    expect(logicInput.value).toBe('1 AND 2');
    change(logicInput, '1 OR 2');
    expect(changes[1].logic).toBe('1 OR 2');
    $$(element, 'lightning-button-icon.remove')[0].click();
    expect(changes[2].conditions).toHaveLength(1);
    expect(changes[2].logic).toBe('1');
    await expect(element).toBeAccessible();
  });

  it('keeps what the admin typed while it means the stored value, and shows a replaced value', async () => {
    const { element, changes } = render({
      logic: 'all',
      conditions: [{ field: 'Department', fieldType: 'string', operator: 'in', value: ['Sales'] }]
    });
    change($(element, 'lightning-input.value'), 'Sales;');
    element.filter = changes[0];
    await Promise.resolve();
    expect($(element, 'lightning-input.value').value).toBe('Sales;');
    element.filter = {
      logic: 'all',
      conditions: [{ field: 'Department', fieldType: 'string', operator: 'in', value: ['Ops'] }]
    };
    await Promise.resolve();
    expect($(element, 'lightning-input.value').value).toBe('Ops');
  });

  it('offers picklist values and a number box where the type calls for them', async () => {
    const { element, changes } = render({
      logic: 'all',
      conditions: [
        { field: 'LanguageLocaleKey', fieldType: 'picklist', operator: 'equals', value: 'de' },
        { field: 'LanguageLocaleKey', fieldType: 'picklist', operator: 'in', value: ['de', 'en_US'] }
      ]
    });
    const values = $$(element, '.value');
    expect(values[0].tagName).toBe('LIGHTNING-COMBOBOX');
    expect(values[0].options.map((option) => option.value)).toEqual(['en_US', 'de']);
    expect(values[1].tagName).toBe('LIGHTNING-INPUT');
    expect(values[1].value).toBe('de; en_US');
    change(values[0], 'en_US');
    expect(changes[0].conditions[0].value).toBe('en_US');
    await expect(element).toBeAccessible();
  });

  it('flags a condition on a field the admin cannot see', async () => {
    const { element } = render({
      logic: 'all',
      conditions: [{ field: 'Secret__c', fieldType: 'string', operator: 'equals', value: 'x' }]
    });
    expect($(element, '.unknown-field')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
