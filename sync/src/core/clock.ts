/**
 * Time is injected everywhere pacing, backoff, quota windows, latency or simulation happen (DESIGN.md
 * "Time and calls are injectable"): the runner and both emulators take a Clock, never Date.now/setTimeout.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Resolves after `ms` of this clock's time; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms)
      );
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    })
};

interface Sleeper {
  wakeAt: number;
  resolve: () => void;
  reject: (reason: unknown) => void;
}

/**
 * A clock whose time moves only when told to. `advance(ms)` wakes every sleeper that is due, in order.
 * With `autoAdvance`, a sleep that nobody else wakes makes time jump to the earliest wake-up once the event
 * loop has nothing else to do, so simulated hours run in milliseconds (benchmarks, quota tests).
 * `offsetFromSystem` makes it follow the wall clock plus the advanced offset (the emulator harness: real
 * time passes, and the control API can jump ahead).
 */
export class ManualClock implements Clock {
  private current: number;
  private offset = 0;
  private readonly sleepers: Sleeper[] = [];
  private wakeScheduled = false;

  constructor(
    start: number = Date.UTC(2026, 10, 25, 9, 0, 0),
    private readonly options: { autoAdvance?: boolean; followSystem?: boolean } = {}
  ) {
    this.current = start;
    if (options.followSystem) this.offset = start - Date.now();
  }

  now(): number {
    return this.options.followSystem ? Date.now() + this.offset : this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (this.options.followSystem) {
      // Real time keeps passing; advance() may also wake the sleeper early.
      return new Promise<void>((resolve, reject) => {
        const sleeper: Sleeper = { wakeAt: this.now() + Math.max(0, ms), resolve, reject };
        const timer = setTimeout(() => this.wake(sleeper), Math.max(0, ms));
        sleeper.resolve = () => {
          clearTimeout(timer);
          resolve();
        };
        this.register(sleeper, signal);
      });
    }
    return new Promise<void>((resolve, reject) => {
      this.register({ wakeAt: this.now() + Math.max(0, ms), resolve, reject }, signal);
      if (this.options.autoAdvance) this.scheduleAutoAdvance();
    });
  }

  /** Moves time forward and wakes every sleeper that is now due. */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('A clock cannot go backwards');
    if (this.options.followSystem) this.offset += ms;
    else this.current += ms;
    const now = this.now();
    for (const sleeper of [...this.sleepers].sort((a, b) => a.wakeAt - b.wakeAt)) {
      if (sleeper.wakeAt <= now) this.wake(sleeper);
    }
  }

  /** Sets the time to an absolute instant (forward only). */
  setTime(epochMs: number): void {
    this.advance(Math.max(0, epochMs - this.now()));
  }

  get pendingSleepers(): number {
    return this.sleepers.length;
  }

  private register(sleeper: Sleeper, signal?: AbortSignal): void {
    if (signal?.aborted) {
      sleeper.reject(signal.reason);
      return;
    }
    if (sleeper.wakeAt <= this.now() && !this.options.followSystem) {
      sleeper.resolve();
      return;
    }
    this.sleepers.push(sleeper);
    signal?.addEventListener(
      'abort',
      () => {
        this.remove(sleeper);
        sleeper.reject(signal.reason);
      },
      { once: true }
    );
  }

  private wake(sleeper: Sleeper): void {
    if (this.remove(sleeper)) sleeper.resolve();
  }

  private remove(sleeper: Sleeper): boolean {
    const index = this.sleepers.indexOf(sleeper);
    if (index < 0) return false;
    this.sleepers.splice(index, 1);
    return true;
  }

  private scheduleAutoAdvance(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    // setImmediate runs after pending I/O callbacks, so concurrent sleepers registered in the same turn
    // share one jump and overlap as they would in real time.
    setImmediate(() => {
      this.wakeScheduled = false;
      if (this.sleepers.length === 0) return;
      const earliest = Math.min(...this.sleepers.map((s) => s.wakeAt));
      this.advance(Math.max(0, earliest - this.now()));
      if (this.sleepers.length > 0) this.scheduleAutoAdvance();
    });
  }
}
