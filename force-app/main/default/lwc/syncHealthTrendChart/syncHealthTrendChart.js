import { LightningElement, api } from 'lwc';
import LABELS from 'c/setupLabels';
import { formatLabel } from 'c/learningUtils';

const WIDTH = 600;
const HEIGHT = 160;
const PADDING = 24;
const STATUS_CLASS = {
  Succeeded: 'bar bar-succeeded',
  Partial: 'bar bar-partial',
  Failed: 'bar bar-failed',
  Skipped: 'bar bar-skipped',
  Running: 'bar bar-running'
};

/**
 * Trend of the last 30 runs as an accessible SVG: one bar per run (oldest left), its height the API calls of
 * both sides, its colour the status, and a dot for the people changed. Screen readers get a title, a summary
 * and the same figures as a table.
 */
export default class SyncHealthTrendChart extends LightningElement {
  /** SyncHealthDtos.RunRow[] newest first. */
  @api runs;

  labels = LABELS;
  viewBox = `0 0 ${WIDTH} ${HEIGHT}`;

  get ordered() {
    return [...(this.runs || [])].reverse();
  }

  get hasRuns() {
    return this.ordered.length > 0;
  }

  static calls(run) {
    return (run.salesforceCalls || 0) + (run.talentlmsCalls || 0);
  }

  static changed(run) {
    return ['created', 'updated', 'activated', 'deactivated', 'grouped', 'branched'].reduce(
      (sum, key) => sum + (run[key] || 0),
      0
    );
  }

  get maxValue() {
    return Math.max(
      1,
      ...this.ordered.map((run) =>
        Math.max(SyncHealthTrendChart.calls(run), SyncHealthTrendChart.changed(run))
      )
    );
  }

  get bars() {
    const runs = this.ordered;
    const slot = (WIDTH - 2 * PADDING) / Math.max(runs.length, 1);
    const usable = HEIGHT - 2 * PADDING;
    const max = this.maxValue;
    return runs.map((run, index) => {
      const calls = SyncHealthTrendChart.calls(run);
      const changed = SyncHealthTrendChart.changed(run);
      const height = Math.max(1, Math.round((calls / max) * usable));
      const x = Math.round(PADDING + index * slot + slot * 0.15);
      return {
        key: run.id || `${index}`,
        x,
        y: HEIGHT - PADDING - height,
        width: Math.max(2, Math.round(slot * 0.7)),
        height,
        className: STATUS_CLASS[run.status] || 'bar',
        dotX: x + Math.round(slot * 0.35),
        dotY: HEIGHT - PADDING - Math.round((changed / max) * usable),
        tooltip: formatLabel(LABELS.chartBarTitle, run.name, run.status, calls, changed)
      };
    });
  }

  get rows() {
    return this.ordered.map((run, index) => ({
      key: run.id || `${index}`,
      name: run.name,
      status: run.status,
      calls: SyncHealthTrendChart.calls(run),
      changed: SyncHealthTrendChart.changed(run)
    }));
  }

  get summary() {
    const runs = this.ordered;
    const failed = runs.filter((run) => run.status === 'Failed').length;
    const calls = runs.map((run) => SyncHealthTrendChart.calls(run));
    const average = calls.length ? Math.round(calls.reduce((a, b) => a + b, 0) / calls.length) : 0;
    return formatLabel(LABELS.chartSummary, runs.length, failed, average);
  }

  get baselineY() {
    return HEIGHT - PADDING;
  }

  get baselineX2() {
    return WIDTH - PADDING;
  }
}
