/**
 * Counts API calls as DESIGN.md defines them (one HTTP request to a metered route; token requests and the
 * free TalentLMS /ratelimit apart), per side and per phase, so the run summary can report exactly what the
 * emulators count.
 */
export const PHASE_NAMES = [
  'preflight',
  'provision',
  'timeline',
  'learners',
  'courseScan',
  'reconciliation',
  'retention'
] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];
export type Side = 'salesforce' | 'talentlms';

export interface PhaseCalls {
  salesforce: number;
  talentlms: number;
}

export class CallMeter {
  private current: PhaseName = 'preflight';
  private readonly byPhase = Object.fromEntries(
    PHASE_NAMES.map((phase) => [phase, { salesforce: 0, talentlms: 0 }])
  ) as Record<PhaseName, PhaseCalls>;
  private tokenRequests = 0;

  /** Calls made from now on are booked to `phase`. */
  enter(phase: PhaseName): void {
    this.current = phase;
  }

  get phase(): PhaseName {
    return this.current;
  }

  record(side: Side): void {
    this.byPhase[this.current][side] += 1;
  }

  recordToken(): void {
    this.tokenRequests += 1;
  }

  total(side: Side): number {
    return PHASE_NAMES.reduce((sum, phase) => sum + this.byPhase[phase][side], 0);
  }

  get tokens(): number {
    return this.tokenRequests;
  }

  snapshot(): { salesforce: number; talentlms: number; byPhase: Record<PhaseName, PhaseCalls> } {
    return {
      salesforce: this.total('salesforce'),
      talentlms: this.total('talentlms'),
      byPhase: Object.fromEntries(PHASE_NAMES.map((p) => [p, { ...this.byPhase[p] }])) as Record<
        PhaseName,
        PhaseCalls
      >
    };
  }
}
