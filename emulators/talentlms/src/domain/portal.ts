import type { EmulatorContext } from '../context';
import { Messages, fail } from '../http/errors';

/** Portal policies that shape writes (DESIGN.md "portal modes"). */

const STRONG_PASSWORD = /^(?=.*[A-Z])(?=.*[a-z])(?=.*\d).{8,}$/;

export function checkPassword(ctx: EmulatorContext, password: string): void {
  if (ctx.settings.portal.strongPasswords && !STRONG_PASSWORD.test(password)) fail(Messages.weakPassword);
}

/** Standard plans: "The system does not, at any moment, allow you to have more Active users" (§6). */
export function checkRoomForActiveUser(ctx: EmulatorContext): void {
  const limit = ctx.settings.portal.activeUserLimit;
  if (limit !== null && limit !== undefined && ctx.state.activeUserCount() >= limit)
    fail(Messages.activeUserLimit);
}

export function checkRoomForBranch(ctx: EmulatorContext): void {
  const limit = ctx.settings.portal.branchLimit;
  if (limit >= 0 && ctx.state.branches.size >= limit) fail(Messages.branchLimit);
}

/** Moves `last_updated` on learning changes only when the quirk says the real portal does (§10.2). */
export function touchForLearning(ctx: EmulatorContext, userId: string): void {
  const user = ctx.state.users.get(userId);
  if (user && ctx.settings.quirks.learningBumpsLastUpdated) user.last_updated = ctx.state.now();
}

/** A scheduled `deactivation_date` takes effect once the clock passes it (checked before every call). */
export function applyScheduledDeactivations(ctx: EmulatorContext): void {
  for (const user of ctx.state.dueDeactivations()) {
    ctx.state.updateUser(user.id, { status: 'inactive' });
    ctx.events.userChanged(user);
  }
}
