import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/errorUtils';
import LABELS from 'c/learningLabels';

export default class ErrorPanel extends LightningElement {
  /** The sentence shown above the details; defaults to a generic one. */
  @api friendlyMessage;
  /** An error or list of errors from Apex, a wire adapter or JavaScript. */
  @api errors;

  get title() {
    return this.friendlyMessage || LABELS.errorTitle;
  }

  get messages() {
    return reduceErrors(this.errors).map((message, index) => ({ key: `${index}`, message }));
  }

  get hasMessages() {
    return this.messages.length > 0;
  }
}
