import type { Clock } from '../../../sync/src/core/clock';
import type { EventLog } from './domain/events';
import type { RateLimiter } from './http/rateLimit';
import type { EmulatorSettings } from './options';
import type { TalentLmsState } from './state/store';

/** What every endpoint handler and the simulator work with. */
export interface EmulatorContext {
  state: TalentLmsState;
  settings: EmulatorSettings;
  clock: Clock;
  random: () => number;
  events: EventLog;
  rateLimiter: RateLimiter;
}
