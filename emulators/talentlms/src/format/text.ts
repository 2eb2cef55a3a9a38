/** Text helpers that make responses look like the portal's own. */

/** PHP htmlspecialchars with ENT_QUOTES: course names arrive escaped (C7 unescapes them, reference §1.2). */
export function htmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#039;');
}

export function htmlUnescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** `"D. Dummy"`: the short name the course `users[]` list and the timeline print. */
export function shortName(firstName: string, lastName: string): string {
  const initial = firstName.trim().charAt(0);
  return initial ? `${initial}. ${lastName}` : lastName;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Lower-case tokens such as autologin keys (`x5p5ghehpnv56w85i3ey`). */
export function randomToken(random: () => number, length: number, alphabet = ALPHABET): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** Group keys look like `MLdDOnOBn` (reference §4.3). */
export function randomGroupKey(random: () => number): string {
  return randomToken(random, 9, KEY_ALPHABET);
}

export function randomDigits(random: () => number, length: number): string {
  return randomToken(random, length, '0123456789');
}
