import { randomInt } from 'node:crypto';

/**
 * A fresh password for every learner the connector signs up: 20 characters from a cryptographic generator,
 * always with an upper-case letter, a lower-case letter and a digit (the portal's strong-password rule).
 * It is sent once in the `usersignup` form body and never stored, logged or shown: learners use SSO or
 * "forgot password".
 */
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const ALL = UPPER + LOWER + DIGITS;
export const PASSWORD_LENGTH = 20;

const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)];

export function newLearnerPassword(): string {
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS)];
  while (chars.length < PASSWORD_LENGTH) chars.push(pick(ALL));
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
