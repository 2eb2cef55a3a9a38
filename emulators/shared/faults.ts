import type { Clock } from '../../sync/src/core/clock';

/**
 * Fault injection shared by both emulators (and driven by the harness's control API).
 * A rule matches requests by method and path; the first matching rule with budget left applies.
 */
export type FaultKind =
  | 'latency' // delay the response by ms (+ up to jitterMs) on the emulator's clock
  | 'status' // answer with `status` (5xx, 429 …) and the emulator's documented error body
  | 'timeout' // never answer until the client gives up (the socket is held open, then destroyed)
  | 'reset' // destroy the socket without a response
  | 'tokenExpiry' // Salesforce: treat the bearer token as expired (401 INVALID_SESSION_ID)
  | 'quota' // answer as if the API quota were spent
  | 'lockError'; // Salesforce writes: UNABLE_TO_LOCK_ROW per record

export interface FaultRule {
  kind: FaultKind;
  /** Substring or /regex/ matched against the request path (without query). Omitted = every metered route. */
  route?: string;
  method?: string;
  ms?: number;
  jitterMs?: number;
  status?: number;
  /** How many matching requests the rule affects; omitted = unlimited. */
  times?: number;
  /** Skip this many matching requests before the rule starts to apply. */
  after?: number;
  /** 0..1, drawn from the injector's seeded generator. */
  probability?: number;
}

export interface ActiveFault extends FaultRule {
  id: number;
  seen: number;
  applied: number;
}

/** Deterministic PRNG (mulberry32) so fault probabilities and jitter repeat for a given seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private rules: ActiveFault[] = [];
  private nextId = 1;
  private readonly random: () => number;

  constructor(seed = 1) {
    this.random = seededRandom(seed);
  }

  add(rule: FaultRule): ActiveFault {
    const active: ActiveFault = { ...rule, id: this.nextId++, seen: 0, applied: 0 };
    this.rules.push(active);
    return active;
  }

  remove(id: number): void {
    this.rules = this.rules.filter((rule) => rule.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  list(): ActiveFault[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** The faults that apply to this request, in rule order; consumes their budgets. */
  match(method: string, path: string, kinds?: FaultKind[]): ActiveFault[] {
    const hits: ActiveFault[] = [];
    for (const rule of this.rules) {
      if (kinds && !kinds.includes(rule.kind)) continue;
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.route && !routeMatches(rule.route, path)) continue;
      rule.seen += 1;
      if (rule.after !== undefined && rule.seen <= rule.after) continue;
      if (rule.times !== undefined && rule.applied >= rule.times) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      rule.applied += 1;
      hits.push(rule);
    }
    return hits;
  }

  /** Total latency to add for the matched latency rules. */
  latencyMs(hits: ActiveFault[]): number {
    return hits
      .filter((rule) => rule.kind === 'latency')
      .reduce((sum, rule) => sum + (rule.ms ?? 0) + Math.floor(this.random() * (rule.jitterMs ?? 0)), 0);
  }
}

function routeMatches(pattern: string, path: string): boolean {
  if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')) {
    return new RegExp(pattern.slice(1, -1)).test(path);
  }
  return path.includes(pattern);
}

/** Waits on the emulator's clock (never setTimeout), so latency costs simulated, not real, time. */
export async function applyLatency(clock: Clock, ms: number): Promise<void> {
  if (ms > 0) await clock.sleep(ms);
}
