import { LightningElement, api } from 'lwc';
import LABELS from 'c/learningLabels';
import { partialMessages } from 'c/learningUtils';

const NOT_SYNCED = 'notSynced';

export default class LearningNotice extends LightningElement {
  /** 'notSynced' (nothing from TalentLMS yet) or 'partial' (some data hidden or cut). */
  @api variant = NOT_SYNCED;
  /** Admins (who can open Sync Health) also get a hint on where to look. */
  @api canViewSyncHealth = false;
  /** Reason codes from Apex for the partial variant. */
  @api partialReasons;
  /** Overrides the default body text of the not-synced variant. */
  @api message;

  labels = LABELS;

  get isNotSynced() {
    return this.variant === NOT_SYNCED;
  }

  get title() {
    return this.isNotSynced ? LABELS.notSyncedTitle : LABELS.partialTitle;
  }

  get body() {
    return this.message || LABELS.notSyncedBody;
  }

  get reasons() {
    return partialMessages(this.partialReasons).map((text, index) => ({ key: `${index}`, text }));
  }

  get boxClass() {
    return this.isNotSynced
      ? 'slds-box slds-theme_shade slds-m-vertical_small'
      : 'slds-notify slds-notify_alert slds-alert_warning slds-m-vertical_small';
  }

  get iconName() {
    return this.isNotSynced ? 'utility:info' : 'utility:warning';
  }

  get showAdminHint() {
    return this.canViewSyncHealth === true;
  }
}
