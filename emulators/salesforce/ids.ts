/**
 * Salesforce record ids: a 3-character key prefix, 12 more case-sensitive characters, and a 3-character
 * suffix that makes the 18-character form unique case-insensitively (the documented checksum).
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export function to18(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const c = id15[chunk * 5 + i];
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return id15 + suffix;
}

/** Hands out ids per key prefix: prefix + pod "8c" + "0" + 9 base-62 digits of a counter. */
export class IdFactory {
  private readonly counters = new Map<string, number>();

  constructor(private readonly pod = '8c') {}

  next(keyPrefix: string): string {
    const n = (this.counters.get(keyPrefix) ?? 0) + 1;
    this.counters.set(keyPrefix, n);
    let digits = '';
    let rest = n;
    for (let i = 0; i < 9; i += 1) {
      digits = BASE62[rest % 62] + digits;
      rest = Math.floor(rest / 62);
    }
    return to18(`${keyPrefix}${this.pod}0${digits}`);
  }
}

/** True for a well-formed 15- or 18-character id (the 18-character checksum must match). */
export function isValidId(value: string): boolean {
  if (!/^[a-zA-Z0-9]{15}([A-Z0-5]{3})?$/.test(value)) return false;
  return value.length === 15 || to18(value.slice(0, 15)) === value;
}

/** The 18-character form of a 15- or 18-character id. */
export function normaliseId(value: string): string {
  return value.length === 15 ? to18(value) : value;
}
