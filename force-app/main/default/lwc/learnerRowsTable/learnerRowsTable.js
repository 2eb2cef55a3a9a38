import { LightningElement, api } from 'lwc';
import LABELS from 'c/learningLabels';

const SELECT = 'select_person';
const DEFAULT_SORT = 'name';
// Columns whose datatable field is derived from a PersonRow field: the order is Apex's, by the DTO field.
const COLUMN_BY_FIELD = { averageCompletion: 'completion', isSynced: 'syncText' };
const FIELD_BY_COLUMN = { completion: 'averageCompletion', syncText: 'isSynced' };

/**
 * One page of people. The rows arrive in the order Apex applied to the whole list (a page holds only part of
 * it), so a click on a header does not sort here: it raises `sort` with the PersonRow field and direction,
 * and the container asks Apex for the first page in that order.
 */
export default class LearnerRowsTable extends LightningElement {
  /** PersonRow DTOs (team members or contacts). */
  @api rows;
  /** Adds the manager column (indirect team members). */
  @api showManager = false;
  /** Header of the name column. */
  @api nameLabel;
  /** The PersonRow field the rows are ordered by (shows the arrow on its column). */
  @api sortedBy = DEFAULT_SORT;
  /** 'asc' or 'desc'. */
  @api sortDirection = 'asc';

  get tableRows() {
    return (this.rows || []).map((row) => ({
      ...row,
      // lightning-datatable's percent type expects a fraction
      completion: typeof row.averageCompletion === 'number' ? row.averageCompletion / 100 : null,
      syncText: row.isSynced ? LABELS.synced : LABELS.notSynced,
      selectTitle: row.name
    }));
  }

  get sortedColumn() {
    const field = this.sortedBy || DEFAULT_SORT;
    return COLUMN_BY_FIELD[field] || field;
  }

  get sortedDirection() {
    return this.sortDirection === 'desc' ? 'desc' : 'asc';
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
    const { fieldName, sortDirection } = event.detail;
    this.dispatchEvent(
      new CustomEvent('sort', {
        detail: { sortedBy: FIELD_BY_COLUMN[fieldName] || fieldName, sortDirection }
      })
    );
  }

  handleRowAction(event) {
    const { action, row } = event.detail;
    if (action.name === SELECT) {
      this.dispatchEvent(new CustomEvent('select', { detail: { personId: row.personId, name: row.name } }));
    }
  }
}
