/**
 * Call accounting with DESIGN.md's definition: one HTTP request to a metered route is one call
 * (429 and 5xx answers count); token requests are counted apart. Both emulators keep one of these.
 */
export interface CallCounts {
  total: number;
  tokens: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
}

export class CallCounter {
  private counts: CallCounts = { total: 0, tokens: 0, byRoute: {}, byStatus: {} };

  /** Records a metered call under a normalised route name such as `GET /query` or `usersignup`. */
  record(route: string, status: number): void {
    this.counts.total += 1;
    this.counts.byRoute[route] = (this.counts.byRoute[route] ?? 0) + 1;
    this.counts.byStatus[String(status)] = (this.counts.byStatus[String(status)] ?? 0) + 1;
  }

  recordToken(): void {
    this.counts.tokens += 1;
  }

  snapshot(): CallCounts {
    return {
      total: this.counts.total,
      tokens: this.counts.tokens,
      byRoute: { ...this.counts.byRoute },
      byStatus: { ...this.counts.byStatus }
    };
  }

  reset(): void {
    this.counts = { total: 0, tokens: 0, byRoute: {}, byStatus: {} };
  }
}
