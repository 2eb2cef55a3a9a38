import { LightningElement, api } from 'lwc';
import LABELS from 'c/learningLabels';
import { safeTalentLmsUrl, sortRows, statusLabel, formatDuration } from 'c/learningUtils';

const OPEN_COURSE = 'open_course';

export default class CourseProgressTable extends LightningElement {
  /** CourseProgress DTOs. */
  @api courses;
  /** The bound TalentLMS domain, so links to a custom portal domain are accepted. */
  @api portalHost;

  sortedBy = 'courseName';
  sortDirection = 'asc';
  labels = LABELS;

  get rows() {
    const rows = (this.courses || []).map((course) => {
      const url = safeTalentLmsUrl(course.courseUrl, this.portalHost);
      return {
        id: course.id,
        courseName: course.courseName,
        statusText: statusLabel(course.status),
        rawStatus: course.rawStatus,
        // lightning-datatable's percent type expects a fraction
        completion: typeof course.completionPercent === 'number' ? course.completionPercent / 100 : null,
        timeSpentSeconds: course.timeSpentSeconds,
        timeSpentText: course.timeSpent || formatDuration(course.timeSpentSeconds),
        enrolledOn: course.enrolledOn,
        completedOn: course.completedOn,
        score: course.score,
        overdueText: course.isOverdue ? LABELS.courseOverdue : null,
        courseUrl: url,
        openDisabled: !url
      };
    });
    // Time spent sorts by seconds, not by its text
    const field = this.sortedBy === 'timeSpentText' ? 'timeSpentSeconds' : this.sortedBy;
    return sortRows(rows, field, this.sortDirection);
  }

  get hasCourses() {
    return (this.courses || []).length > 0;
  }

  get hasScores() {
    return (this.courses || []).some((course) => course.score !== null && course.score !== undefined);
  }

  get hasOverdue() {
    return (this.courses || []).some((course) => course.isOverdue);
  }

  get columns() {
    const columns = [
      { label: LABELS.columnCourse, fieldName: 'courseName', sortable: true, wrapText: true },
      { label: LABELS.columnStatus, fieldName: 'statusText', sortable: true },
      {
        label: LABELS.columnCompletion,
        fieldName: 'completion',
        type: 'percent',
        sortable: true,
        typeAttributes: { maximumFractionDigits: 0 }
      },
      { label: LABELS.columnTimeSpent, fieldName: 'timeSpentText', sortable: true },
      { label: LABELS.columnEnrolledOn, fieldName: 'enrolledOn', type: 'date-local', sortable: true },
      { label: LABELS.columnCompletedOn, fieldName: 'completedOn', type: 'date-local', sortable: true }
    ];
    if (this.hasOverdue) {
      columns.push({ label: LABELS.columnOverdue, fieldName: 'overdueText' });
    }
    // The score column stays hidden while every value is empty (TalentLMS v1 does not report it)
    if (this.hasScores) {
      columns.push({ label: LABELS.columnScore, fieldName: 'score', type: 'number', sortable: true });
    }
    columns.push({
      type: 'button',
      fixedWidth: 170,
      typeAttributes: {
        label: LABELS.openCourse,
        title: LABELS.openCourseTitle,
        name: OPEN_COURSE,
        variant: 'base',
        iconName: 'utility:new_window',
        disabled: { fieldName: 'openDisabled' }
      }
    });
    return columns;
  }

  handleSort(event) {
    this.sortedBy = event.detail.fieldName;
    this.sortDirection = event.detail.sortDirection;
  }

  handleRowAction(event) {
    const { action, row } = event.detail;
    if (action.name === OPEN_COURSE && row.courseUrl) {
      // Opens in TalentLMS; the URL passed the scheme and host check above
      window.open(row.courseUrl, '_blank', 'noopener');
    }
  }
}
