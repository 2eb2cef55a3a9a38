/**
 * TalentLMS v1 sends most scalars as strings ("5", "0"/"1"), some as numbers, empty values as "" or null
 * (reference talentlms-api.md §1.2). These read either form; nothing else in the runner parses raw values.
 */
export function asString(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/** An integer, or null for "", null, undefined and anything not numeric. */
export function asInt(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) ? Math.trunc(parsed) : null;
}

/** A number (percentages may carry decimals), or null. */
export function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) ? parsed : null;
}

/** Epoch seconds ("1519743871", 1519743871) → epoch ms; "", 0, null → null (0 means "never" on expiry). */
export function asEpochMs(value: unknown): number | null {
  const seconds = asInt(value);
  return seconds === null || seconds <= 0 ? null : seconds * 1000;
}

/** "1"/"0", 1/0, "yes"/"no", "on"/"off", true/false. */
export function asFlag(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  const text = asString(value).trim().toLowerCase();
  return text === '1' || text === 'yes' || text === 'on' || text === 'true';
}

/** Names arrive HTML-escaped ("Sales &amp; Marketing"). */
export function decodeHtml(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos|#39);/gi, (match, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos' || lower === '#39') return "'";
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : match;
  });
}
