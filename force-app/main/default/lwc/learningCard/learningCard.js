import { LightningElement, api } from 'lwc';
import LABELS from 'c/learningLabels';

/** The card every learning dashboard sits in: a title, an icon and a refresh button that raises `refresh`. */
export default class LearningCard extends LightningElement {
  @api heading;
  @api iconName = 'standard:education';

  labels = LABELS;

  handleRefresh() {
    this.dispatchEvent(new CustomEvent('refresh'));
  }
}
