import { LightningElement, api } from 'lwc';

/** The delete button of one row of an edited list; raises `remove` with the row's index. */
export default class SettingsRowRemove extends LightningElement {
  @api index;
  /** What the button does, for screen readers and the tooltip. */
  @api label;
  @api disabled = false;

  handleClick() {
    this.dispatchEvent(new CustomEvent('remove', { detail: { index: Number(this.index) } }));
  }
}
