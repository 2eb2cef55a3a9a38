import { LightningElement, api } from 'lwc';
import LABELS from 'c/learningLabels';

/**
 * The three states of a wired dashboard: a spinner while `loading`, the shared error panel when there are
 * `errors`, and otherwise its slotted content.
 */
export default class LearningState extends LightningElement {
  @api loading = false;
  @api errors;
  /** The sentence above the error details. */
  @api errorMessage;

  labels = LABELS;
}
