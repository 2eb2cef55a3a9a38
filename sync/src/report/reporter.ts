import type { RunSummary } from '../core/runSummary';
import type { ProgressSink } from '../engine/phase';
import { formatSummary } from './human';

/**
 * What the user reads. With `--json`, stdout carries only the summary object (one line per run); otherwise a
 * human summary. Progress goes to stderr, and only when stderr is a terminal (never into log files).
 */
export interface ReporterOptions {
  json: boolean;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Minimum real milliseconds between progress redraws. */
  redrawMs?: number;
  now?: () => number;
}

export class Reporter implements ProgressSink {
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly options: ReporterOptions) {}

  update(label: string, done: number, total: number | null): void {
    if (!this.options.stderr.isTTY) return;
    const now = (this.options.now ?? Date.now)();
    const finished = total !== null && done >= total;
    if (!finished && now - this.lastDraw < (this.options.redrawMs ?? 100)) return;
    this.lastDraw = now;
    const share = total ? ` ${Math.floor((done / total) * 100)}%` : '';
    const text = `${label}: ${done}${total === null ? '' : `/${total}`}${share}`;
    this.options.stderr.write(`\r\x1b[2K${text}`);
    this.drawn = true;
  }

  summary(summary: RunSummary): void {
    if (this.drawn) {
      this.options.stderr.write('\r\x1b[2K');
      this.drawn = false;
    }
    if (this.options.json) this.options.stdout.write(`${JSON.stringify(summary)}\n`);
    else this.options.stdout.write(formatSummary(summary));
  }
}
