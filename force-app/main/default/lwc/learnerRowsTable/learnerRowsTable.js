import { LightningElement, api } from 'lwc';
import LABELS from 'c/learningLabels';
import { sortRows } from 'c/learningUtils';

const SELECT = 'select_person';

export default class LearnerRowsTable extends LightningElement {
  /** PersonRow DTOs (team members or contacts). */
  @api rows;
  /** Adds the manager column (indirect team members). */
  @api showManager = false;
  /** Header of the name column. */
  @api nameLabel;

  sortedBy = 'name';
  sortDirection = 'asc';

  get tableRows() {
    const rows = (this.rows || []).map((row) => ({
      ...row,
      // lightning-datatable's percent type expects a fraction
      completion: typeof row.averageCompletion === 'number' ? row.averageCompletion / 100 : null,
      syncText: row.isSynced ? LABELS.synced : LABELS.notSynced,
      selectTitle: row.name
    }));
    return sortRows(rows, this.sortedBy, this.sortDirection);
  }

  get columns() {
    const columns = [
      {
        label: this.nameLabel || LABELS.columnName,
        fieldName: 'name',
        type: 'button',
        sortable: true,
        typeAttributes: {
          label: { fieldName: 'name' },
          title: { fieldName: 'selectTitle' },
          name: SELECT,
          variant: 'base'
        }
      }
    ];
    if (this.showManager) {
      columns.push({ label: LABELS.columnManager, fieldName: 'managerName', sortable: true });
    }
    // Figures never need the wrap/clip header menu: without it their headers ("Courses assigned", "Average
    // completion") have room, and wrap-table-header lets any that still do not fit take a second line.
    const figure = (label, fieldName, type = 'number') => ({
      label,
      fieldName,
      type,
      sortable: true,
      hideDefaultActions: true
    });
    columns.push(
      { label: LABELS.columnSynced, fieldName: 'syncText', sortable: true },
      figure(LABELS.figureCoursesAssigned, 'coursesAssigned'),
      figure(LABELS.figureCoursesCompleted, 'coursesCompleted'),
      figure(LABELS.figureCoursesOverdue, 'coursesOverdue'),
      figure(LABELS.figureCertificates, 'certificates'),
      figure(LABELS.figureBadges, 'badges'),
      {
        ...figure(LABELS.figureAverageCompletion, 'completion', 'percent'),
        typeAttributes: { maximumFractionDigits: 0 }
      },
      figure(LABELS.figureLastActivity, 'lastActivityOn', 'date-local')
    );
    return columns;
  }

  handleSort(event) {
    this.sortedBy = event.detail.fieldName;
    this.sortDirection = event.detail.sortDirection;
  }

  handleRowAction(event) {
    const { action, row } = event.detail;
    if (action.name === SELECT) {
      this.dispatchEvent(new CustomEvent('select', { detail: { personId: row.personId, name: row.name } }));
    }
  }
}
