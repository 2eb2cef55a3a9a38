import { LightningElement, wire } from 'lwc';
import getMyLearning from '@salesforce/apex/MyLearningController.getMyLearning';
import { refreshApex } from '@salesforce/apex';
import LABELS from 'c/learningLabels';

export default class MyLearning extends LightningElement {
  labels = LABELS;

  @wire(getMyLearning)
  learning;

  get isLoading() {
    return !this.learning || (!this.learning.data && !this.learning.error);
  }

  handleRefresh() {
    // Cacheable Apex answers stay in the client cache; a refresh asks Apex again after a sync
    return refreshApex(this.learning);
  }
}
