import {
  clone,
  fieldComboboxOptions,
  formatConditionValue,
  fromPercent,
  parseConditionValue,
  setPath,
  toInteger,
  toPercent
} from 'c/settingsUtils';

describe('c/settingsUtils', () => {
  it('turns typed text into the JSON value the operator and type expect', () => {
    expect(parseConditionValue('string', 'equals', ' Sales ')).toBe('Sales');
    expect(parseConditionValue('string', 'in', 'Sales; Support;')).toEqual(['Sales', 'Support']);
    expect(parseConditionValue('int', 'greaterThan', '10')).toBe(10);
    expect(parseConditionValue('int', 'in', '1;2')).toEqual([1, 2]);
    expect(parseConditionValue('int', 'equals', 'ten')).toBe('ten');
    expect(parseConditionValue('boolean', 'equals', 'true')).toBe(true);
    expect(parseConditionValue('string', 'isBlank', 'x')).toBeUndefined();
    expect(parseConditionValue('string', 'equals', '  ')).toBeUndefined();
  });

  it('shows stored values as text', () => {
    expect(formatConditionValue(['a', 'b'])).toBe('a; b');
    expect(formatConditionValue(false)).toBe('false');
    expect(formatConditionValue(undefined)).toBe('');
  });

  it('updates a path in a copy', () => {
    const document = { special: { alwaysActivate: false } };
    const updated = setPath(document, 'special.alwaysActivate', true);
    expect(updated.special.alwaysActivate).toBe(true);
    expect(document.special.alwaysActivate).toBe(false);
    expect(clone(undefined)).toBeUndefined();
  });

  it('converts shares and whole numbers', () => {
    expect(toPercent(0.1)).toBe(10);
    expect(fromPercent('2.5')).toBe(0.025);
    expect(fromPercent('abc')).toBe('abc');
    expect(toInteger('7')).toBe(7);
    expect(toInteger('')).toBe('');
  });

  it('lists fields by label with their path', () => {
    const options = fieldComboboxOptions(
      [
        { label: 'Title', path: 'Title', filterable: true },
        { label: 'Department', path: 'Department', filterable: false }
      ],
      (field) => field.filterable
    );
    expect(options).toEqual([{ label: 'Title (Title)', value: 'Title' }]);
  });
});
