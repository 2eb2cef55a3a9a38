/** The TalentLMS v1 API emulator (README.md in this folder). */
export { startTalentLmsEmulator, type TalentLmsEmulator } from './src/emulator';
export type {
  DateFormat,
  EmulatorSettings,
  PlanOptions,
  PortalOptions,
  QuirkOptions,
  TalentLmsEmulatorOptions
} from './src/options';
export { TalentLmsState, BUILT_IN_USER_TYPES } from './src/state/store';
export type * from './src/state/records';
export { EVENT_TYPES, TIMELINE_PAGE, type EventType, type TimelineEntry } from './src/state/timeline';
export { LearningSimulator, SimulatorError, type SimulatorStep } from './src/simulator';
export { GamificationDisabledError, BADGE_TYPES, type BadgeInput } from './src/domain/gamification';
export { Messages } from './src/http/errors';
export { ENDPOINTS } from './src/http/router';
