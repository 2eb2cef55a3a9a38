import { LightningElement, api } from 'lwc';
import LABELS from 'c/setupLabels';
import { formatLabel } from 'c/learningUtils';
import { fromPercent, toInteger, toPercent } from 'c/settingsUtils';

/**
 * Every option of the settings besides the populations: learning switches and cadences, special options
 * (with plain-language warnings and the circuit-breaker share), e-mail policy, API budgets, sandbox opt-in and
 * retention. Raises `optionchange` with the option's dotted path and its new value.
 */
export default class SettingsOptions extends LightningElement {
  /** The whole settings document (draft being edited). */
  @api settings;
  @api disabled = false;

  labels = LABELS;

  get learning() {
    return (this.settings && this.settings.learning) || {};
  }

  get special() {
    return (this.settings && this.settings.special) || {};
  }

  get retention() {
    return (this.settings && this.settings.retention) || {};
  }

  get budgets() {
    return (this.settings && this.settings.budgets) || {};
  }

  get newLearnerPolicy() {
    return this.settings && this.settings.email ? this.settings.email.newLearnerPolicy : 'send';
  }

  get allowSandbox() {
    return Boolean(this.settings && this.settings.sandbox && this.settings.sandbox.allowSandbox);
  }

  get unenrollmentOptions() {
    return [
      { label: LABELS.unenrollKeepCompleted, value: 'keepCompleted' },
      { label: LABELS.unenrollKeepAll, value: 'keepAll' },
      { label: LABELS.unenrollDeleteAll, value: 'deleteAll' }
    ];
  }

  get emailOptions() {
    return [
      { label: LABELS.emailSend, value: 'send' },
      { label: LABELS.emailRestrict, value: 'restrict' }
    ];
  }

  get isRestrict() {
    return this.newLearnerPolicy === 'restrict';
  }

  get breakerPercent() {
    return toPercent(this.special.maxDeactivationShare);
  }

  get talentlmsPercent() {
    return toPercent(this.budgets.talentlmsShare);
  }

  get salesforcePercent() {
    return toPercent(this.budgets.salesforceShare);
  }

  get breakerSummary() {
    return formatLabel(
      LABELS.breakerSummary,
      this.breakerPercent === null ? '' : this.breakerPercent,
      this.special.deactivationAllowance
    );
  }

  emit(path, value) {
    this.dispatchEvent(new CustomEvent('optionchange', { detail: { path, value } }));
  }

  handleToggle(event) {
    this.emit(event.target.dataset.path, event.detail.checked);
  }

  handleInteger(event) {
    this.emit(event.target.dataset.path, toInteger(event.detail.value));
  }

  handlePercent(event) {
    this.emit(event.target.dataset.path, fromPercent(event.detail.value));
  }

  handleChoice(event) {
    this.emit(event.target.dataset.path, event.detail.value);
  }
}
