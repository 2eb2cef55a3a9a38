/**
 * 18-character Salesforce ids: a 3-character key prefix, a 12-character base-62 body and the 3-character
 * case-safe suffix Salesforce appends (one character per 5-character chunk, encoding which letters are upper case).
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export function caseSafeSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15[chunk * 5 + i];
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

/** The n-th id for a key prefix such as `005` (User), `003` (Contact), `001` (Account). */
export function salesforceId(prefix: string, n: number, pod = '5g'): string {
  let body = '';
  let rest = n;
  for (let i = 0; i < 12 - pod.length; i++) {
    body = BASE62[rest % 62] + body;
    rest = Math.floor(rest / 62);
  }
  const id15 = `${prefix}${pod}${body}`;
  return id15 + caseSafeSuffix(id15);
}

/** The 18-character form of a 15- or 18-character id; throws on anything else. */
export function to18(id: string): string {
  if (/^[a-zA-Z0-9]{18}$/.test(id)) return id;
  if (/^[a-zA-Z0-9]{15}$/.test(id)) return id + caseSafeSuffix(id);
  throw new Error(`Not a Salesforce id: ${id}`);
}
