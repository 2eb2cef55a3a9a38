import { LightningElement, api, wire } from 'lwc';
import getFieldOptions from '@salesforce/apex/SetupController.getFieldOptions';
import LABELS from 'c/setupLabels';
import { formatLabel } from 'c/learningUtils';
import { clone, fieldComboboxOptions } from 'c/settingsUtils';

const GROUP_TYPES = [
  'string',
  'picklist',
  'combobox',
  'email',
  'phone',
  'url',
  'textarea',
  'reference',
  'id'
];
const NO_GROUP = '';

/**
 * One population of the settings (Users or Contacts): the switch, the filter, the group field and the field
 * mappings; for Contacts also Accounts → branches (with the portal's branch limit) and Person Accounts. Owns the
 * describe wire for its object. Raises `sectionchange` with the whole new section.
 */
export default class SettingsPopulation extends LightningElement {
  /** 'users' or 'contacts'. */
  @api population;
  /** The section of the settings document. */
  @api section;
  /** SetupDtos.Catalog, or null. */
  @api catalog;
  @api disabled = false;

  labels = LABELS;
  fields;
  fieldsError;

  get objectName() {
    return this.population === 'contacts' ? 'Contact' : 'User';
  }

  @wire(getFieldOptions, { objectName: '$objectName' })
  wiredFields({ data, error }) {
    this.fields = data;
    this.fieldsError = error;
  }

  get isContacts() {
    return this.population === 'contacts';
  }

  get title() {
    return this.isContacts ? LABELS.contactsTitle : LABELS.usersTitle;
  }

  get enabledLabel() {
    return this.isContacts ? LABELS.contactsEnabled : LABELS.usersEnabled;
  }

  get enabled() {
    return Boolean(this.section && this.section.enabled);
  }

  get filter() {
    return this.section ? this.section.filter : null;
  }

  get mappings() {
    return this.section ? this.section.fieldMappings : [];
  }

  get groupField() {
    return (this.section && this.section.groupField) || NO_GROUP;
  }

  get groupOptions() {
    return [
      { label: LABELS.noGroup, value: NO_GROUP },
      ...fieldComboboxOptions(this.fields, (field) => GROUP_TYPES.includes(field.fieldType))
    ];
  }

  get branchesEnabled() {
    return Boolean(
      this.section && this.section.accountsToBranches && this.section.accountsToBranches.enabled
    );
  }

  get personAccounts() {
    return Boolean(this.section && this.section.personAccounts && this.section.personAccounts.include);
  }

  get catalogFields() {
    return this.catalog ? this.catalog.customFields : null;
  }

  get branchLimitText() {
    const catalog = this.catalog;
    if (!catalog || catalog.branchLimit === undefined || catalog.branchLimit === null) {
      return LABELS.branchLimitUnknown;
    }
    return formatLabel(LABELS.branchLimit, catalog.branchCount || 0, catalog.branchLimit);
  }

  get loadingFields() {
    return !this.fields && !this.fieldsError;
  }

  emit(section) {
    this.dispatchEvent(
      new CustomEvent('sectionchange', { detail: { population: this.population, section } })
    );
  }

  update(mutate) {
    const section = clone(this.section);
    mutate(section);
    this.emit(section);
  }

  handleEnabled(event) {
    const checked = event.detail.checked;
    this.update((section) => {
      section.enabled = checked;
    });
  }

  handleFilter(event) {
    const filter = event.detail.filter;
    this.update((section) => {
      section.filter = filter;
    });
  }

  handleGroupField(event) {
    const value = event.detail.value;
    this.update((section) => {
      section.groupField = value === NO_GROUP ? null : value;
    });
  }

  handleMappings(event) {
    const mappings = event.detail.mappings;
    this.update((section) => {
      section.fieldMappings = mappings;
    });
  }

  handleBranches(event) {
    const checked = event.detail.checked;
    this.update((section) => {
      section.accountsToBranches = { enabled: checked };
    });
  }

  handlePersonAccounts(event) {
    const checked = event.detail.checked;
    this.update((section) => {
      section.personAccounts = { include: checked };
    });
  }
}
