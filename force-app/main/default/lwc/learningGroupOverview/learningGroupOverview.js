import { LightningElement, api } from 'lwc';

/**
 * One page of a group's learning (a manager's team, an Account's contacts): notices, summary figures, the
 * status donut, completion bars, the people table and the pager, or `emptyMessage` when the group has nobody.
 * Re-raises the table's `select` and `sort` and the pager's `pagechange`.
 */
export default class LearningGroupOverview extends LightningElement {
  /** The group DTO: total, page, summary, statusCounts, isPartial, partialReasons, canViewSyncHealth. */
  @api overview;
  /** This page's people (LearnerRowDto). */
  @api rows;
  /** Figures shown before the summary's own (learningSummary extra-figures). */
  @api figures;
  /** True when nobody of the group is in TalentLMS yet. */
  @api notSynced = false;
  @api notSyncedMessage;
  @api statusTitle;
  @api progressTitle;
  @api nameLabel;
  @api showManager = false;
  @api emptyMessage;
  /** The order of the rows, as the container asked Apex for it (PersonRow field, 'asc' or 'desc'). */
  @api sortedBy;
  @api sortDirection;

  get hasRows() {
    return !!this.overview && this.overview.total > 0;
  }

  get progressItems() {
    // People without courses have no completion to draw
    return (this.rows || [])
      .filter((row) => row.coursesAssigned > 0)
      .map((row) => ({ key: row.personId, label: row.name, value: row.averageCompletion }));
  }

  handleSelect(event) {
    this.dispatchEvent(new CustomEvent('select', { detail: event.detail }));
  }

  handleSort(event) {
    this.dispatchEvent(new CustomEvent('sort', { detail: event.detail }));
  }

  handlePageChange(event) {
    this.dispatchEvent(new CustomEvent('pagechange', { detail: event.detail }));
  }
}
