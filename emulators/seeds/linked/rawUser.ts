import type {
  SeedBadge,
  SeedCertificate,
  SeedEnrollment,
  SeedTalentLmsUser,
  SeedWorld
} from '../world/types';

const seconds = (ms: number | null) => (ms === null ? '' : String(Math.floor(ms / 1000)));

interface UserIndex {
  enrollments: Map<string, SeedEnrollment[]>;
  certificates: Map<string, SeedCertificate[]>;
  badges: Map<string, SeedBadge[]>;
}

const indexes = new WeakMap<SeedWorld, UserIndex>();

function indexOf(world: SeedWorld): UserIndex {
  let index = indexes.get(world);
  if (!index) {
    const by = <T extends { userId: string }>(items: T[]) => {
      const map = new Map<string, T[]>();
      for (const item of items)
        (map.get(item.userId) ?? map.set(item.userId, []).get(item.userId))?.push(item);
      return map;
    };
    const tl = world.talentlms;
    index = { enrollments: by(tl.enrollments), certificates: by(tl.certificates), badges: by(tl.badges) };
    indexes.set(world, index);
  }
  return index;
}

/**
 * The learning part of the TalentLMS `users/id:{id}` answer for a seeded user, in the shape the emulator
 * prints (reference §7 S1: string timestamps in seconds, `""` for none, HTML-escaped course names, deleted
 * courses left out), for the runner's `mapUserLearning`. Built after the first run's changes are applied.
 */
export function rawUserLearning(world: SeedWorld, user: SeedTalentLmsUser): Record<string, unknown> {
  const tl = world.talentlms;
  const index = indexOf(world);
  const courses = new Map(tl.courses.map((c) => [c.id, c]));
  const domain = tl.domain;
  return {
    id: user.id,
    points: String(user.points),
    level: String(user.level),
    courses: (index.enrollments.get(user.id) ?? [])
      .filter((e) => courses.get(e.courseId) && !courses.get(e.courseId)?.deleted)
      .map((e) => ({
        id: e.courseId,
        name: courses.get(e.courseId)?.name ?? '',
        role: e.role,
        enrolled_on_timestamp: seconds(e.enrolledAt),
        completed_on_timestamp: seconds(e.completedAt),
        completion_status: e.status,
        completion_percentage: String(e.percent),
        expired_on_timestamp: seconds(e.expiresAt),
        total_time_seconds: e.timeSeconds
      })),
    certifications: (index.certificates.get(user.id) ?? []).map((c) => ({
      course_id: c.courseId,
      course_name: courses.get(c.courseId)?.name ?? '',
      unique_id: c.uniqueId,
      issued_date_timestamp: Math.floor(c.issuedAt / 1000),
      expiration_date_timestamp: c.expiresAt === null ? 0 : Math.floor(c.expiresAt / 1000),
      download_url: `https://${domain}/certificate/download/id:${c.id}`,
      public_url: `https://${domain}/user/certification/sig:${c.signature}`
    })),
    badges: (index.badges.get(user.id) ?? []).map((b) => ({
      name: b.name,
      type: b.type,
      image_url: b.imageUrl,
      criteria: b.criteria,
      issued_on_timestamp: Math.floor(b.issuedAt / 1000),
      badge_set_id: b.badgeSetId
    }))
  };
}
