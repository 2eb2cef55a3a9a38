import { LightningElement, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { refreshApex } from '@salesforce/apex';
import getMyCourses from '@salesforce/apex/PreviewDemoController.getMyCourses';
import USER_ID from '@salesforce/user/Id';
import USER_NAME from '@salesforce/schema/User.Name';

const COLUMNS = [
  { label: 'Course', fieldName: 'courseName', sortable: true },
  { label: 'Status', fieldName: 'status', sortable: true },
  { label: 'Completion', fieldName: 'completion', type: 'percent', sortable: true },
  { type: 'button', typeAttributes: { label: 'Open', name: 'open', variant: 'base' } }
];

/**
 * The preview's own demo (never packaged): proves the pipeline end to end with a wired Apex call answered by
 * the preview backend, getRecord, navigation and a toast, before the package's dashboards exist.
 */
export default class CourseList extends NavigationMixin(LightningElement) {
  columns = COLUMNS;
  sortedBy = 'courseName';
  sortDirection = 'asc';
  wiredCourses;

  @wire(getRecord, { recordId: USER_ID, fields: [USER_NAME] })
  user;

  @wire(getMyCourses)
  handleCourses(value) {
    this.wiredCourses = value;
  }

  get userName() {
    return getFieldValue(this.user && this.user.data, USER_NAME) || '';
  }

  get rows() {
    const data = (this.wiredCourses && this.wiredCourses.data) || [];
    const rows = data.map((course) => ({ ...course, completion: (course.completionPercent || 0) / 100 }));
    const direction = this.sortDirection === 'asc' ? 1 : -1;
    const field = this.sortedBy;
    return rows.sort((a, b) => (a[field] > b[field] ? direction : a[field] < b[field] ? -direction : 0));
  }

  get hasRows() {
    return this.rows.length > 0;
  }

  get errorMessage() {
    const error = this.wiredCourses && this.wiredCourses.error;
    return error ? (error.body && error.body.message) || 'Unknown error' : '';
  }

  handleSort(event) {
    this.sortedBy = event.detail.fieldName;
    this.sortDirection = event.detail.sortDirection;
  }

  handleRowAction(event) {
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: event.detail.row.id, objectApiName: 'UserCourse__c', actionName: 'view' }
    });
  }

  async handleRefresh() {
    await refreshApex(this.wiredCourses);
    this.dispatchEvent(
      new ShowToastEvent({ title: 'Refreshed', message: `${this.rows.length} courses`, variant: 'success' })
    );
  }
}
