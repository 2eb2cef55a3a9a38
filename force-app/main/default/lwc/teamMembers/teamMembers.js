import { LightningElement, wire } from 'lwc';
import getTeam from '@salesforce/apex/TeamMembersController.getTeam';
import { refreshApex } from '@salesforce/apex';
import LABELS from 'c/learningLabels';

const PAGE_SIZE = 25;

export default class TeamMembers extends LightningElement {
  labels = LABELS;
  pageSize = PAGE_SIZE;
  pageOffset = 0;
  includeIndirect = false;
  selectedMemberId;
  selectedMemberName;

  @wire(getTeam, { pageSize: '$pageSize', pageOffset: '$pageOffset', includeIndirect: '$includeIndirect' })
  team;

  get isLoading() {
    return !this.team || (!this.team.data && !this.team.error);
  }

  get hasMembers() {
    return !!this.team.data && this.team.data.total > 0;
  }

  get noneSynced() {
    return this.hasMembers && this.team.data.membersSynced === 0;
  }

  get memberFigures() {
    const data = this.team.data;
    return [
      { key: 'members', label: LABELS.figureMembers, value: `${data.total}` },
      { key: 'synced', label: LABELS.figureMembersSynced, value: `${data.membersSynced || 0}` }
    ];
  }

  get progressItems() {
    // Members without courses have no completion to draw
    return (this.team.data.members || [])
      .filter((member) => member.coursesAssigned > 0)
      .map((member) => ({
        key: member.personId,
        label: member.name,
        value: member.averageCompletion
      }));
  }

  get showDetail() {
    return !!this.selectedMemberId;
  }

  handleIndirectChange(event) {
    this.includeIndirect = event.target.checked;
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
