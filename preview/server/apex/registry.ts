import { AccountLearningController } from './AccountLearningController';
import { ContactLearningController } from './ContactLearningController';
import type { ApexHandler, ControllerHandlers } from './context';
import { MyLearningController } from './MyLearningController';
import { PreviewDemoController } from './PreviewDemoController';
import { SetupController } from './SetupController';
import { SyncHealthController } from './SyncHealthController';
import { TeamMembersController } from './TeamMembersController';

/**
 * Every Apex controller the preview can answer, one file per controller (apex/<Controller>.ts) whose handlers
 * mirror the Apex methods. Adding a controller: write its file and list it here; the server refuses to start
 * when the built bundle calls a method that has no handler (see missingHandlers).
 */
export const CONTROLLERS: Record<string, ControllerHandlers> = {
  AccountLearningController,
  ContactLearningController,
  MyLearningController,
  PreviewDemoController,
  SetupController,
  SyncHealthController,
  TeamMembersController
};

/** Apex class and method names are case-insensitive, as on the platform. */
export function findHandler(controller: string, method: string): ApexHandler | undefined {
  const handlers = Object.entries(CONTROLLERS).find(
    ([name]) => name.toLowerCase() === controller.toLowerCase()
  )?.[1];
  if (!handlers) return undefined;
  return Object.entries(handlers).find(([name]) => name.toLowerCase() === method.toLowerCase())?.[1];
}

/** `Controller.method` names the bundle imports but the backend cannot answer. */
export function missingHandlers(imported: { controller: string; method: string }[]): string[] {
  return imported
    .filter((entry) => !findHandler(entry.controller, entry.method))
    .map((entry) => `${entry.controller}.${entry.method}`);
}
