import { LightningElement, wire } from 'lwc';
import getMyLearning from '@salesforce/apex/MyLearningController.getMyLearning';
import { refreshApex } from '@salesforce/apex';
import LABELS from 'c/learningLabels';

export default class MyLearning extends LightningElement {
  labels = LABELS;

  @wire(getMyLearning)
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
