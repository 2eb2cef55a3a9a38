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

  // The wire's value is undefined until it first answers.
  get learningData() {
    return this.learning ? this.learning.data : undefined;
  }

  handleRefresh() {
    // Cacheable Apex answers stay in the client cache; a refresh asks Apex again after a sync
    return refreshApex(this.learning);
  }
}
