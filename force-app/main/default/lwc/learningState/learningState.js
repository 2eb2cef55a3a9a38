import { LightningElement, api } from 'lwc';
import LABELS from 'c/learningLabels';

/**
 * The three states of a wired dashboard: a spinner until the wire answers, the shared error panel when it
 * failed, and otherwise its slotted content.
 */
export default class LearningState extends LightningElement {
  /** The container's @wire result ({ data, error }); undefined before the wire first answers. */
  @api wired;
  /** The sentence above the error details. */
  @api errorMessage;

  labels = LABELS;

  get loading() {
    return !this.wired || (!this.wired.data && !this.wired.error);
  }

  get errors() {
    return this.wired ? this.wired.error : undefined;
  }
}
