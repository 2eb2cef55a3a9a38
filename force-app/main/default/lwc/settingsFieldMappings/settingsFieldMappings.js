import { LightningElement, api } from 'lwc';
import LABELS from 'c/setupLabels';
import { formatLabel } from 'c/learningUtils';
import { MAX_MAPPINGS, clone, fieldComboboxOptions } from 'c/settingsUtils';

/**
 * Salesforce field → TalentLMS custom field, chosen from the catalog the runner published, with each
 * TalentLMS field's type, mandatory flag, dropdown options and the default a mandatory field gets when
 * nothing is mapped. Raises `mappingschange` with the whole new list.
 */
export default class SettingsFieldMappings extends LightningElement {
  @api mappings;
  /** SetupDtos.FieldOption[] of the population's object. */
  @api fields;
  /** SetupDtos.CatalogField[] from the catalog, or null before the runner published one. */
  @api catalogFields;
  @api disabled = false;

  labels = LABELS;

  get hasCatalog() {
    return Array.isArray(this.catalogFields) && this.catalogFields.length > 0;
  }

  get salesforceOptions() {
    return fieldComboboxOptions(this.fields);
  }

  get talentlmsOptions() {
    return (this.catalogFields || []).map((field) => ({
      label: `${field.name} (${field.key})`,
      value: field.key
    }));
  }

  get whenEmptyOptions() {
    return [
      { label: LABELS.whenEmptyClear, value: 'clear' },
      { label: LABELS.whenEmptyKeep, value: 'keep' }
    ];
  }

  get list() {
    return this.mappings || [];
  }

  get hasMappings() {
    return this.list.length > 0;
  }

  get cannotAdd() {
    return this.disabled || !this.hasCatalog || this.list.length >= MAX_MAPPINGS;
  }

  describe(field) {
    if (!field) {
      return '';
    }
    const parts = [formatLabel(LABELS.mappingType, field.type)];
    if (field.mandatory) {
      parts.push(formatLabel(LABELS.mappingMandatory, field.defaultValue || ''));
    }
    if (field.options && field.options.length) {
      parts.push(formatLabel(LABELS.mappingOptions, field.options.join(', ')));
    }
    return parts.join(' · ');
  }

  get rows() {
    const byKey = new Map((this.catalogFields || []).map((field) => [field.key, field]));
    return this.list.map((mapping, index) => {
      const field = byKey.get(mapping.customFieldKey);
      return {
        key: `${index}`,
        index,
        cells: this.cellsOf(mapping, formatLabel(LABELS.mappingTitle, index + 1)),
        details: field
          ? this.describe(field)
          : formatLabel(LABELS.mappingNotInCatalog, mapping.customFieldName || mapping.customFieldKey)
      };
    });
  }

  /** One row's three choices, left to right; `name` is the mapping's property each one sets. */
  cellsOf(mapping, title) {
    return [
      ['salesforceField', 'salesforce-field', title, this.salesforceOptions, 4],
      ['customFieldKey', 'custom-field', LABELS.mappingTalentLms, this.talentlmsOptions, 4],
      ['whenEmpty', 'when-empty', LABELS.mappingWhenEmpty, this.whenEmptyOptions, 3]
    ].map(([name, className, label, options, twelfths]) => ({
      name,
      className,
      label,
      options,
      value: mapping[name],
      columnClass: `slds-col slds-size_1-of-1 slds-medium-size_${twelfths}-of-12`
    }));
  }

  /** Mandatory TalentLMS fields nothing fills: they get the reference defaults. */
  get unmappedMandatory() {
    const mapped = new Set(this.list.map((mapping) => mapping.customFieldKey));
    return (this.catalogFields || [])
      .filter((field) => field.mandatory && !mapped.has(field.key))
      .map((field) => ({ key: field.key, text: `${field.name}: ${field.defaultValue || ''}` }));
  }

  get hasUnmappedMandatory() {
    return this.unmappedMandatory.length > 0;
  }

  emit(mappings) {
    this.dispatchEvent(new CustomEvent('mappingschange', { detail: { mappings } }));
  }

  catalogName(key) {
    const field = (this.catalogFields || []).find((candidate) => candidate.key === key);
    return field ? field.name : undefined;
  }

  handleAdd() {
    const mapped = new Set(this.list.map((mapping) => mapping.customFieldKey));
    const free = (this.catalogFields || []).find((field) => !mapped.has(field.key));
    const key = free ? free.key : this.catalogFields[0].key;
    const first = this.salesforceOptions[0];
    const mappings = clone(this.list);
    mappings.push({
      salesforceField: first ? first.value : 'Title',
      customFieldKey: key,
      customFieldName: this.catalogName(key),
      whenEmpty: 'clear'
    });
    this.emit(mappings);
  }

  handleRemove(event) {
    const mappings = clone(this.list);
    mappings.splice(event.detail.index, 1);
    this.emit(mappings);
  }

  handleChange(event) {
    const index = Number(event.target.dataset.index);
    const name = event.target.name;
    const mappings = clone(this.list);
    mappings[index][name] = event.detail.value;
    if (name === 'customFieldKey') {
      const label = this.catalogName(event.detail.value);
      if (label) {
        mappings[index].customFieldName = label;
      } else {
        delete mappings[index].customFieldName;
      }
    }
    this.emit(mappings);
  }
}
