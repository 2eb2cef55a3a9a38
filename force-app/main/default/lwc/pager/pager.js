import { LightningElement, api } from 'lwc';
import LABELS from 'c/learningLabels';
import { formatLabel } from 'c/learningUtils';

export default class Pager extends LightningElement {
  /** Rows in the whole list. */
  @api total = 0;
  /** Rows per page. */
  @api pageSize = 25;
  /** Index of the first row on the page. */
  @api pageOffset = 0;

  labels = LABELS;

  get rangeText() {
    if (!this.total) {
      return formatLabel(LABELS.pagerRange, 0, 0, 0);
    }
    const first = this.pageOffset + 1;
    const last = Math.min(this.pageOffset + this.pageSize, this.total);
    return formatLabel(LABELS.pagerRange, first, last, this.total);
  }

  get isFirst() {
    return this.pageOffset <= 0;
  }

  get isLast() {
    return this.pageOffset + this.pageSize >= this.total;
  }

  handlePrevious() {
    this.changePage(Math.max(0, this.pageOffset - this.pageSize));
  }

  handleNext() {
    this.changePage(this.pageOffset + this.pageSize);
  }

  changePage(pageOffset) {
    this.dispatchEvent(new CustomEvent('pagechange', { detail: { pageOffset } }));
  }
}
