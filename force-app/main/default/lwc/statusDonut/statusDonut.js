import { LightningElement, api } from 'lwc';
import LABELS from 'c/learningLabels';
import { STATUSES, statusLabel, formatLabel } from 'c/learningUtils';

// The circle's circumference is 100 (r = 100 / 2π), so dash lengths are plain percentages.
const RADIUS = 15.91549430918954;
const START_OFFSET = 25; // start at 12 o'clock

export default class StatusDonut extends LightningElement {
  /** Chart heading. */
  @api title;
  /** [{status, count}] as the Apex DTOs carry them. */
  @api statusCounts;

  radius = RADIUS;

  get counts() {
    const byStatus = new Map((this.statusCounts || []).map((item) => [item.status, item.count || 0]));
    return STATUSES.map((status) => ({ status, count: byStatus.get(status) || 0 }));
  }

  get total() {
    return this.counts.reduce((sum, item) => sum + item.count, 0);
  }

  get hasData() {
    return this.total > 0;
  }

  get segments() {
    const total = this.total;
    let done = 0;
    return this.counts
      .filter((item) => item.count > 0)
      .map((item) => {
        const share = (item.count * 100) / total;
        const segment = {
          key: item.status,
          className: `segment segment_${item.status}`,
          dashArray: `${share} ${100 - share}`,
          dashOffset: `${START_OFFSET - done}`
        };
        done += share;
        return segment;
      });
  }

  get legend() {
    return this.counts
      .filter((item) => item.count > 0)
      .map((item) => ({
        key: item.status,
        swatchClass: `swatch segment_${item.status}`,
        text: `${statusLabel(item.status)}: ${item.count}`
      }));
  }

  get chartLabel() {
    const parts = this.legend.map((item) => item.text).join(', ');
    return formatLabel(LABELS.donutAriaLabel, this.title || LABELS.chartStatusTitle, this.total, parts);
  }

  get centerText() {
    return `${this.total}`;
  }

  get heading() {
    return this.title || LABELS.chartStatusTitle;
  }

  get noDataText() {
    return LABELS.chartNoData;
  }
}
