import { LightningElement, api } from 'lwc';
import LABELS from 'c/learningLabels';
import { formatLabel } from 'c/learningUtils';

export default class PersonLearning extends LightningElement {
  /** A PersonLearning DTO. */
  @api learning;
  /** 'self' for My Learning ("My Course Progress"), 'other' for a team member or a contact. */
  @api mode = 'self';

  labels = LABELS;

  get isSelf() {
    return this.mode === 'self';
  }

  get isSynced() {
    return !!this.learning && this.learning.isSynced === true;
  }

  get canViewSyncHealth() {
    return !!this.learning && this.learning.canViewSyncHealth === true;
  }

  get isPartial() {
    return !!this.learning && this.learning.isPartial === true;
  }

  get notSyncedMessage() {
    if (this.isSelf) {
      return LABELS.notSyncedBodySelf;
    }
    return formatLabel(LABELS.notSyncedBodyOther, this.learning ? this.learning.personName : '');
  }

  get coursesTitle() {
    return this.isSelf ? LABELS.myCoursesTitle : LABELS.coursesTitle;
  }

  get certificatesTitle() {
    return this.isSelf ? LABELS.myCertificatesTitle : LABELS.certificatesTitle;
  }

  get badgesTitle() {
    return this.isSelf ? LABELS.myBadgesTitle : LABELS.badgesTitle;
  }

  get courses() {
    return (this.learning && this.learning.courses) || [];
  }

  get progressItems() {
    return this.courses.map((course) => ({
      key: course.id,
      label: course.courseName,
      value: course.completionPercent
    }));
  }
}
