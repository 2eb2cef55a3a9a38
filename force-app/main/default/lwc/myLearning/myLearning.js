import { LightningElement, wire } from 'lwc';
import getMyLearning from '@salesforce/apex/MyLearningController.getMyLearning';
import LABELS from 'c/learningLabels';

export default class MyLearning extends LightningElement {
  labels = LABELS;

  @wire(getMyLearning)
  learning;

  get isLoading() {
    return !this.learning || (!this.learning.data && !this.learning.error);
  }
}
