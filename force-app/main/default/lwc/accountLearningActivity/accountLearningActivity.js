import { LightningElement, api, wire } from 'lwc';
import getAccountActivity from '@salesforce/apex/AccountLearningController.getAccountActivity';
import { refreshApex } from '@salesforce/apex';
import LABELS from 'c/learningLabels';
import { formatLabel } from 'c/learningUtils';

const PAGE_SIZE = 50;

export default class AccountLearningActivity extends LightningElement {
  /** The Account record page's record Id. */
  @api recordId;

  labels = LABELS;
  pageSize = PAGE_SIZE;
  pageOffset = 0;
  // Apex orders all the contacts before cutting the page, so the order is part of the wire's parameters
  sortedBy = 'name';
  sortDirection = 'asc';
  selectedContactId;
  selectedContactName;

  @wire(getAccountActivity, {
    accountId: '$recordId',
    pageSize: '$pageSize',
    pageOffset: '$pageOffset',
    sortedBy: '$sortedBy',
    sortDirection: '$sortDirection'
  })
  activity;

  // The wire's value is undefined until it first answers.
  get activityData() {
    return this.activity ? this.activity.data : undefined;
  }

  get contacts() {
    return this.activityData ? this.activityData.contacts : undefined;
  }

  get noneEnrolled() {
    const data = this.activityData;
    return !!data && data.total > 0 && data.contactsEnrolled === 0;
  }

  get contactFigures() {
    const data = this.activityData;
    return data
      ? [
          { key: 'contacts', label: LABELS.figureContacts, value: `${data.total}` },
          { key: 'enrolled', label: LABELS.figureContactsEnrolled, value: `${data.contactsEnrolled || 0}` }
        ]
      : [];
  }

  get showDetail() {
    return !!this.selectedContactId;
  }

  handleSort(event) {
    // A new order starts again at its first page; page changes keep the order
    this.sortedBy = event.detail.sortedBy;
    this.sortDirection = event.detail.sortDirection;
    this.pageOffset = 0;
  }

  handlePageChange(event) {
    this.pageOffset = event.detail.pageOffset;
  }

  get contactHeading() {
    return formatLabel(LABELS.memberDashboardTitle, this.selectedContactName || '');
  }

  handleSelect(event) {
    this.selectedContactId = event.detail.personId;
    this.selectedContactName = event.detail.name;
  }

  handleBack() {
    this.selectedContactId = undefined;
    this.selectedContactName = undefined;
  }

  handleRefresh() {
    // Cacheable Apex answers stay in the client cache; a refresh asks Apex again after a sync
    return refreshApex(this.activity);
  }
}
