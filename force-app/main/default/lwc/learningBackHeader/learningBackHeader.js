import { LightningElement, api } from 'lwc';

/** The heading of a drill-down (one person's learning) with the back button that raises `back`. */
export default class LearningBackHeader extends LightningElement {
  /** The back button's label. */
  @api label;
  @api heading;

  handleBack() {
    this.dispatchEvent(new CustomEvent('back'));
  }
}
