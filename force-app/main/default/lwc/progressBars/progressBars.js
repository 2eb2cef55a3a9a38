import { LightningElement, api } from 'lwc';
import LABELS from 'c/learningLabels';
import { formatLabel } from 'c/learningUtils';

const DEFAULT_MAX_ITEMS = 10;

export default class ProgressBars extends LightningElement {
  /** Chart heading. */
  @api title;
  /** [{key, label, value}] with value a percentage 0-100 (empty values draw as 0). */
  @api items;
  /** How many bars to draw; the rest are counted below the chart. */
  @api maxItems = DEFAULT_MAX_ITEMS;

  get bars() {
    return (this.items || []).slice(0, this.maxItems).map((item) => {
      const value = Math.max(0, Math.min(100, Number(item.value) || 0));
      const rounded = Math.round(value);
      return {
        key: item.key,
        label: item.label,
        width: `${value}`,
        valueText: `${rounded}%`,
        text: `${item.label}: ${rounded}%`
      };
    });
  }

  get hasData() {
    return this.bars.length > 0;
  }

  get hiddenCount() {
    return Math.max(0, (this.items || []).length - this.maxItems);
  }

  get hasHidden() {
    return this.hiddenCount > 0;
  }

  get moreText() {
    return formatLabel(LABELS.chartMoreItems, this.hiddenCount);
  }

  get heading() {
    return this.title || LABELS.chartProgressTitle;
  }

  get noDataText() {
    return LABELS.chartNoData;
  }
}
