import { LightningElement, wire } from 'lwc';
import getTeam from '@salesforce/apex/TeamMembersController.getTeam';
import { refreshApex } from '@salesforce/apex';
import LABELS from 'c/learningLabels';

const PAGE_SIZE = 25;
const DEFAULT_SORT = 'name';
const MANAGER_SORT = 'managerName';

export default class TeamMembers extends LightningElement {
  labels = LABELS;
  pageSize = PAGE_SIZE;
  pageOffset = 0;
  includeIndirect = false;
  // Apex orders the whole team before cutting the page, so the order is part of the wire's parameters
  sortedBy = DEFAULT_SORT;
  sortDirection = 'asc';
  selectedMemberId;
  selectedMemberName;

  @wire(getTeam, {
    pageSize: '$pageSize',
    pageOffset: '$pageOffset',
    includeIndirect: '$includeIndirect',
    sortedBy: '$sortedBy',
    sortDirection: '$sortDirection'
  })
  team;

  // The wire's value is undefined until it first answers.
  get teamData() {
    return this.team ? this.team.data : undefined;
  }

  get members() {
    return this.teamData ? this.teamData.members : undefined;
  }

  get noneSynced() {
    const data = this.teamData;
    return !!data && data.total > 0 && data.membersSynced === 0;
  }

  get memberFigures() {
    const data = this.teamData;
    return data
      ? [
          { key: 'members', label: LABELS.figureMembers, value: `${data.total}` },
          { key: 'synced', label: LABELS.figureMembersSynced, value: `${data.membersSynced || 0}` }
        ]
      : [];
  }

  get showDetail() {
    return !!this.selectedMemberId;
  }

  handleIndirectChange(event) {
    this.includeIndirect = event.target.checked;
    this.pageOffset = 0;
    if (!this.includeIndirect && this.sortedBy === MANAGER_SORT) {
      // The manager column is only shown with indirect reports
      this.sortedBy = DEFAULT_SORT;
      this.sortDirection = 'asc';
    }
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

  handleSelect(event) {
    this.selectedMemberId = event.detail.personId;
    this.selectedMemberName = event.detail.name;
  }

  handleBack() {
    this.selectedMemberId = undefined;
    this.selectedMemberName = undefined;
  }

  handleRefresh() {
    // Cacheable Apex answers stay in the client cache; a refresh asks Apex again after a sync
    return refreshApex(this.team);
  }
}
