import { sha1Hex } from '../keys';
import { asEpochMs, asString } from '../../talentlms/values';

/**
 * Change detection from the TalentLMS v1 timeline (reference §4.9, §9(a)): one `gettimeline` per learning event
 * type returns that type's newest 200 entries, with no "since" parameter. Entries newer than the committed
 * watermark (minus an overlap window, for entries written late within the same seconds) name the learners to
 * re-read; entries already handled inside the overlap are recognised by their key and skipped. When all 200
 * entries are newer than the watermark, older ones were cut off: overflow, and the course scan runs.
 */
export const LEARNING_EVENT_TYPES = [
  'course_add_user',
  'course_remove_user',
  'course_completion',
  'course_failure',
  'course_reset_user_progress',
  'certification_issue_certification',
  'certification_refresh_certification',
  'certification_remove_certification',
  'certification_expire_certification',
  'user_unlock_badge',
  'user_upgrade_level'
] as const;
export type LearningEventType = (typeof LEARNING_EVENT_TYPES)[number];

/** v1 answers at most this many entries per type. */
export const TIMELINE_PAGE = 200;
export const DEFAULT_OVERLAP_MS = 10 * 60_000;
export const MAX_RECENT_PER_TYPE = 120;

export interface TimelineEntry {
  type: string;
  userId: string;
  objectId: string;
  at: number;
  /** (action, user_id, object_id, unix_timestamp), hashed short: the de-duplication key. */
  key: string;
}

export function parseTimeline(body: unknown, type: string): TimelineEntry[] {
  if (!Array.isArray(body)) return [];
  const out: TimelineEntry[] = [];
  for (const raw of body as Array<Record<string, unknown>>) {
    if (typeof raw !== 'object' || raw === null) continue;
    const at = asEpochMs(raw.unix_timestamp);
    const userId = asString(raw.user_id);
    if (at === null || userId === '') continue;
    const action = asString(raw.action) || type;
    const objectId = asString(raw.object_id);
    out.push({ type: action, userId, objectId, at, key: eventKey(action, userId, objectId, at) });
  }
  return out;
}

export function eventKey(action: string, userId: string, objectId: string, at: number): string {
  return sha1Hex(`${action}|${userId}|${objectId}|${Math.floor(at / 1000)}`).slice(0, 12);
}

/** Watermarks__c: `{ "<type>": "<ISO>", …, "recent": ["<key>", …] }`. Unknown keys are ignored. */
export interface Watermarks {
  at: Partial<Record<string, number>>;
  recent: Set<string>;
}

export function readWatermarks(json: unknown): Watermarks {
  const out: Watermarks = { at: {}, recent: new Set() };
  if (typeof json !== 'string' || json.trim() === '') return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return out;
  }
  if (typeof parsed !== 'object' || parsed === null) return out;
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (key === 'recent' && Array.isArray(value)) {
      for (const k of value) if (typeof k === 'string') out.recent.add(k);
    } else if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) {
      out.at[key] = Date.parse(value);
    }
  }
  return out;
}

export function writeWatermarks(marks: Watermarks): string {
  const doc: Record<string, unknown> = {};
  for (const type of Object.keys(marks.at).sort()) {
    const at = marks.at[type];
    if (at !== undefined) doc[type] = new Date(at).toISOString();
  }
  doc.recent = [...marks.recent].sort();
  return JSON.stringify(doc);
}

export interface TypeReading {
  /** Entries not handled before (newer than watermark − overlap, key unseen). */
  fresh: TimelineEntry[];
  /** 200 entries, all newer than the watermark: some were cut off. */
  overflow: boolean;
  /** The newest entry time seen (the next watermark), or the previous watermark. */
  watermark: number | undefined;
  /** Keys of entries inside the next overlap window (remembered to skip them next time). */
  recent: string[];
}

export function readType(
  entries: TimelineEntry[],
  watermark: number | undefined,
  recent: ReadonlySet<string>,
  overlapMs = DEFAULT_OVERLAP_MS
): TypeReading {
  const since = watermark === undefined ? -Infinity : watermark - overlapMs;
  const fresh: TimelineEntry[] = [];
  let newest = watermark;
  const seenNow = new Set<string>();
  for (const entry of entries) {
    if (newest === undefined || entry.at > newest) newest = entry.at;
    if (entry.at < since || recent.has(entry.key) || seenNow.has(entry.key)) continue;
    seenNow.add(entry.key);
    fresh.push(entry);
  }
  const overflow =
    watermark !== undefined && entries.length >= TIMELINE_PAGE && entries.every((e) => e.at > watermark);
  const windowStart = newest === undefined ? Infinity : newest - overlapMs;
  // Newest first, bounded so 11 types fit Watermarks__c (32,768 characters); a key dropped here at worst
  // re-reads a learner, which writes nothing new.
  const keep = entries
    .filter((e) => e.at >= windowStart)
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_RECENT_PER_TYPE)
    .map((e) => e.key);
  return { fresh, overflow, watermark: newest, recent: keep };
}
