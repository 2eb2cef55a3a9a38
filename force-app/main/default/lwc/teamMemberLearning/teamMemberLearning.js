import { LightningElement, api, wire } from 'lwc';
import getMemberLearning from '@salesforce/apex/TeamMembersController.getMemberLearning';
import LABELS from 'c/learningLabels';
import { formatLabel } from 'c/learningUtils';

export default class TeamMemberLearning extends LightningElement {
  /** The team member's User Id. */
  @api userId;
  /** Name shown while the dashboard loads (from the team list). */
  @api memberName;

  labels = LABELS;

  @wire(getMemberLearning, { userId: '$userId' })
  learning;

  // The wire's value is undefined until it first answers.
  get learningData() {
    return this.learning ? this.learning.data : undefined;
  }

  get heading() {
    const name = (this.learning && this.learning.data && this.learning.data.personName) || this.memberName;
    return formatLabel(LABELS.memberDashboardTitle, name || '');
  }

  handleBack() {
    this.dispatchEvent(new CustomEvent('back'));
  }
}
