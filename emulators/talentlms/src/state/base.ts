import type { Clock } from '../../../../sync/src/core/clock';
import { epochSeconds } from '../format/dates';
import type { EmulatorSettings } from '../options';
import { TimelineStore } from './timeline';

export type IdKind = 'user' | 'course' | 'group' | 'branch' | 'category' | 'unit' | 'certificate' | 'ilt';

/**
 * The bottom layer of the portal state (`TalentLmsState` in store.ts stacks people, catalogue, learning and
 * organisation on it): the clock, id counters, URLs and the timeline. Each layer extends `forgetUser`,
 * `reindex` and `clear` for what it owns.
 */
export abstract class StateBase {
  readonly timeline = new TimelineStore();
  private readonly counters = new Map<IdKind, number>();

  constructor(
    private readonly clock: Clock,
    protected readonly settings: EmulatorSettings,
    readonly random: () => number
  ) {}

  now(): number {
    return epochSeconds(this.clock.now());
  }

  nextId(kind: IdKind): string {
    const next = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, next);
    return String(next);
  }

  /** Uses a seeded id as given and moves the counter past it. */
  protected claimId(kind: IdKind, id: string | undefined): string {
    if (id === undefined) return this.nextId(kind);
    const numeric = Number(id);
    if (Number.isFinite(numeric) && numeric > (this.counters.get(kind) ?? 0))
      this.counters.set(kind, numeric);
    return id;
  }

  protected identityKey(value: string): string {
    return this.settings.quirks.caseInsensitiveIdentity ? value.trim().toLowerCase() : value.trim();
  }

  url(path: string): string {
    return `https://${this.settings.domain}${path}`;
  }

  /** Drops what this layer keeps about a permanently deleted user. */
  protected forgetUser(_id: string): void {}

  /** Rebuilds the lookup indexes after the maps were edited directly. */
  reindex(): void {}

  /** Empties everything (ids restart at 1). */
  clear(): void {
    this.counters.clear();
    this.timeline.clear();
  }
}
