import { LightningElement, api } from 'lwc';
import LABELS from 'c/setupLabels';
import { formatLabel } from 'c/learningUtils';
import { fromPercent, toInteger, toPercent } from 'c/settingsUtils';
import { SECTIONS, NUMBER_UNITS } from './optionLayout';

const WHOLE = 'slds-col slds-size_1-of-1 slds-medium-size_1-of-';

/** The value at a dotted path, or `fallback` when the object holding it is missing. */
function valueAt(settings, path, fallback) {
  const [group, key] = path.split('.');
  const holder = settings && settings[group];
  return holder ? holder[key] : fallback;
}

/**
 * Every option of the settings besides the populations: learning switches and cadences, special options
 * (with plain-language warnings and the circuit-breaker share), e-mail policy, API budgets, sandbox opt-in and
 * retention. The markup iterates over the layout in ./optionLayout; this class only fills in values. Raises
 * `optionchange` with the option's dotted path and its new value.
 */
export default class SettingsOptions extends LightningElement {
  /** The whole settings document (draft being edited). */
  @api settings;
  @api disabled = false;

  labels = LABELS;

  get isRestrict() {
    return valueAt(this.settings, 'email.newLearnerPolicy', 'send') === 'restrict';
  }

  get breakerPercent() {
    return toPercent(valueAt(this.settings, 'special.maxDeactivationShare'));
  }

  get breakerSummary() {
    return formatLabel(
      LABELS.breakerSummary,
      this.breakerPercent === null ? '' : this.breakerPercent,
      valueAt(this.settings, 'special.deactivationAllowance')
    );
  }

  get sections() {
    return SECTIONS.map((section) => ({
      key: section.key,
      className: `slds-box slds-m-bottom_small ${section.key}`,
      title: LABELS[section.title],
      items: section.items
        .filter((item) => !item.onlyIfRestrict || this.isRestrict)
        .map((item) => this.fill(item))
    }));
  }

  fill(item) {
    const filled = { ...item, [`is${item.kind}`]: true, label: LABELS[item.label] };
    if (item.kind === 'Note') {
      filled.text = item.summary ? this.breakerSummary : LABELS[item.text];
    } else if (item.kind === 'Grid') {
      filled.columnClass = WHOLE + item.columns;
      filled.fields = item.fields.map((field) => this.fill(field));
    } else {
      filled.value = this.valueOf(item);
      filled.help = LABELS[item.help];
      filled.options =
        item.options && item.options.map(([label, value]) => ({ label: LABELS[label], value }));
    }
    return filled;
  }

  valueOf(item) {
    const value = valueAt(this.settings, item.path, item.fallback);
    if (item.kind === 'Toggle') {
      return item.path === 'sandbox.allowSandbox' ? Boolean(value) : value;
    }
    return item.unit === 'percent' ? toPercent(value) : value;
  }

  emit(path, value) {
    this.dispatchEvent(new CustomEvent('optionchange', { detail: { path, value } }));
  }

  handleToggle(event) {
    this.emit(event.target.dataset.path, event.detail.checked);
  }

  handleNumber(event) {
    const path = event.target.dataset.path;
    const parse = NUMBER_UNITS[path] === 'percent' ? fromPercent : toInteger;
    this.emit(path, parse(event.detail.value));
  }

  handleChoice(event) {
    this.emit(event.target.dataset.path, event.detail.value);
  }
}
