import { LightningElement, api, wire } from 'lwc';
import getContactLearning from '@salesforce/apex/ContactLearningController.getContactLearning';
import { refreshApex } from '@salesforce/apex';
import LABELS from 'c/learningLabels';

export default class ContactLearningActivity extends LightningElement {
  /** The Contact record page's record Id (or the contact picked on an Account). */
  @api recordId;

  labels = LABELS;

  @wire(getContactLearning, { contactId: '$recordId' })
  learning;

  get isLoading() {
    return !this.learning || (!this.learning.data && !this.learning.error);
  }

  handleRefresh() {
    // Cacheable Apex answers stay in the client cache; a refresh asks Apex again after a sync
    return refreshApex(this.learning);
  }
}
