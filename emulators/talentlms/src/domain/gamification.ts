import type { EmulatorContext } from '../context';
import type { BadgeRecord, UserRecord } from '../state/records';
import { touchForLearning } from './portal';

/**
 * Points, levels and badges (reference §4.8). v1 has no gamification endpoint: they appear only inside the
 * user object (`level`, `points`, `badges[]`) and as timeline events. With gamification off the portal
 * awards nothing and `badges` is empty.
 */

/** The eight badge categories of the help centre; only `activity` is documented as an API value. */
export const BADGE_TYPES = [
  'activity',
  'learning',
  'test',
  'assignment',
  'perfectionism',
  'survey',
  'communication',
  'certification'
] as const;

export class GamificationDisabledError extends Error {
  constructor() {
    super('Gamification is switched off on this portal (portal.gamification = false)');
  }
}

function requireGamification(ctx: EmulatorContext): void {
  if (!ctx.settings.portal.gamification) throw new GamificationDisabledError();
}

export interface BadgeInput {
  name: string;
  type?: string;
  criteria?: string;
  imageUrl?: string;
  badgeSetId?: string;
}

export function unlockBadge(ctx: EmulatorContext, user: UserRecord, input: BadgeInput): BadgeRecord {
  requireGamification(ctx);
  const type = input.type ?? 'activity';
  const level = ctx.state.badgesOf(user.id).filter((badge) => badge.type === type).length + 1;
  const badge = ctx.state.addBadge({
    user_id: user.id,
    name: input.name,
    type,
    criteria: input.criteria ?? '',
    image_url: input.imageUrl ?? ctx.state.url(`/pages/images/badges/set1/${type}/${Math.min(level, 8)}.png`),
    badge_set_id: input.badgeSetId ?? '1'
  });
  ctx.events.badgeUnlocked(user, badge);
  touchForLearning(ctx, user.id);
  return badge;
}

/** Each level reached is its own `user_upgrade_level` event. */
export function levelUp(ctx: EmulatorContext, user: UserRecord, levels = 1): UserRecord {
  requireGamification(ctx);
  for (let i = 0; i < levels; i += 1) {
    user.level = String(Number(user.level) + 1);
    ctx.events.levelUpgraded(user);
  }
  touchForLearning(ctx, user.id);
  return user;
}

/** Points change silently (no v1 event type exists for them). */
export function addPoints(ctx: EmulatorContext, user: UserRecord, points: number): UserRecord {
  requireGamification(ctx);
  user.points = String(Math.max(0, Number(user.points) + Math.round(points)));
  touchForLearning(ctx, user.id);
  return user;
}
