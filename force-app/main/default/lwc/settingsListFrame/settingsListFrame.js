import { LightningElement, api } from 'lwc';

/** A titled list the admin edits (conditions, field mappings): its rows in the slot, an add button raising `add`. */
export default class SettingsListFrame extends LightningElement {
  @api legend;
  @api addLabel;
  @api addDisabled = false;

  handleAdd() {
    this.dispatchEvent(new CustomEvent('add'));
  }
}
