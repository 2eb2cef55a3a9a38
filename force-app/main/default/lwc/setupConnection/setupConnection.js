import { LightningElement, api } from 'lwc';
import LABELS from 'c/setupLabels';

/**
 * Connection status as the runner last reported it: last runs, runner version, the org↔portal binding and how
 * to rebind. The org stores no secret, so none can be shown.
 */
export default class SetupConnection extends LightningElement {
  /** SetupDtos.Connection. */
  @api connection;

  labels = LABELS;

  get hasRun() {
    return Boolean(this.connection && this.connection.hasRun);
  }

  get isBound() {
    return this.hasRun && Boolean(this.connection.boundOrganizationId);
  }

  get bindingMismatch() {
    return this.isBound && this.connection.bindingMatches === false;
  }

  get bindingClass() {
    return this.bindingMismatch
      ? 'binding slds-notify slds-notify_alert slds-alert_warning slds-m-vertical_x-small'
      : 'binding slds-m-vertical_x-small';
  }

  get sandboxText() {
    if (!this.connection) {
      return '';
    }
    return this.connection.boundIsSandbox ? LABELS.yes : LABELS.no;
  }

  get catalog() {
    return this.connection ? this.connection.catalog : null;
  }

  /** " · Premium" after the publication date; a JS string so the template cannot lose its spaces. */
  get catalogPlan() {
    const plan = this.catalog && this.catalog.planName;
    return plan ? ` · ${plan}` : '';
  }
}
