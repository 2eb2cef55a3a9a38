import type { DateFormat } from '../options';

/**
 * Dates as the portal prints them (reference §1.2): `"17/07/2012, 15:29:25"` for DDMMYYYY, date-only
 * `"18/04/2013"` for certificates, `"25/07/2013, 16:11"` for `formatted_reset`. The portal's time zone is
 * taken as UTC (the emulator has no per-portal zone).
 */
const pad = (n: number) => String(n).padStart(2, '0');

function parts(epochSeconds: number) {
  const d = new Date(epochSeconds * 1000);
  return {
    y: String(d.getUTCFullYear()),
    m: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  };
}

export function formatDate(epochSeconds: number, format: DateFormat): string {
  const p = parts(epochSeconds);
  if (format === 'MMDDYYYY') return `${p.m}/${p.d}/${p.y}`;
  if (format === 'YYYYMMDD') return `${p.y}/${p.m}/${p.d}`;
  return `${p.d}/${p.m}/${p.y}`;
}

export function formatDateTime(epochSeconds: number, format: DateFormat): string {
  return `${formatDate(epochSeconds, format)}, ${parts(epochSeconds).time}`;
}

/** `formatted_reset` drops the seconds. */
export function formatDateTimeMinutes(epochSeconds: number, format: DateFormat): string {
  return formatDateTime(epochSeconds, format).slice(0, -3);
}

/** Empty dates are `""` (reference §1.2). */
export function formatOptionalDateTime(epochSeconds: number | null, format: DateFormat): string {
  return epochSeconds === null ? '' : formatDateTime(epochSeconds, format);
}

/**
 * Reads a date written in the portal format (`28/07/2012`, optionally `, 15:29:25`); dashes are accepted
 * too because custom-field searches use them (`11-6-2019`). Returns epoch seconds, or null when unreadable.
 */
export function parsePortalDate(input: string, format: DateFormat): number | null {
  const match = /^\s*(\d{1,4})[/-](\d{1,2})[/-](\d{1,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(
    input
  );
  if (!match) return null;
  const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [year, month, day] =
    format === 'YYYYMMDD' ? [a, b, c] : format === 'MMDDYYYY' ? [c, a, b] : [c, b, a];
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000) return null;
  const ms = Date.UTC(
    year,
    month - 1,
    day,
    Number(match[4] ?? 0),
    Number(match[5] ?? 0),
    Number(match[6] ?? 0)
  );
  return Math.floor(ms / 1000);
}

/** `"7m 31s"`, `"1h 2m 3s"`, `"0s"` (reference S1 `total_time`). */
export function formatDuration(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = Math.floor(totalSeconds % 60);
  const out: string[] = [];
  if (h > 0) out.push(`${h}h`);
  if (m > 0 || h > 0) out.push(`${m}m`);
  out.push(`${s}s`);
  return out.join(' ');
}

export function epochSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
