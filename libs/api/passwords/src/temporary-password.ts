import { randomInt } from 'node:crypto';
import { checkPasswordPolicy, PasswordPolicyContext } from './password-policy';

/** Length of a temporary password. */
export const TEMPORARY_PASSWORD_LENGTH = 16;

/**
 * The four classes, without characters that are easily misread or mistyped: no I/O, l/o,
 * 0/1, and only symbols that are on every keyboard layout without dead keys and are harmless
 * in e-mail, SMS, HTML and shells when quoted (no quotes, backslash, `|`, `&`, `<`, `>`, `$`).
 */
export const TEMPORARY_PASSWORD_CLASSES = {
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  lower: 'abcdefghijkmnpqrstuvwxyz',
  digits: '23456789',
  symbols: '!#%*+-=?@',
} as const;

export const TEMPORARY_PASSWORD_ALPHABET = Object.values(TEMPORARY_PASSWORD_CLASSES).join('');

/** Returns a uniformly random integer in [0, max). */
export type RandomIndex = (max: number) => number;

const MAX_ATTEMPTS = 100;

/**
 * A random temporary password (e.g. for an account an administrator creates or resets):
 * {@link TEMPORARY_PASSWORD_LENGTH} characters from {@link TEMPORARY_PASSWORD_ALPHABET} with
 * at least one of each class, from node:crypto's CSPRNG (about 95 bits). It always passes
 * {@link checkPasswordPolicy} for `context` (a candidate that does not, which is practically
 * never, is drawn again).
 */
export function generateTemporaryPassword(
  context: PasswordPolicyContext = { username: '' },
): string {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const candidate = composeTemporaryPassword((max) => randomInt(max));
    if (checkPasswordPolicy(candidate, context).length === 0) return candidate;
  }
  throw new Error(`No temporary password passing the policy in ${MAX_ATTEMPTS} attempts.`);
}

/**
 * Builds a temporary password from a random source: one character of each class, the rest
 * from the whole alphabet, then a Fisher–Yates shuffle. Exported for tests.
 */
export function composeTemporaryPassword(randomIndex: RandomIndex): string {
  const pick = (characters: string) => characters[randomIndex(characters.length)];
  const chars = Object.values(TEMPORARY_PASSWORD_CLASSES).map(pick);
  while (chars.length < TEMPORARY_PASSWORD_LENGTH) chars.push(pick(TEMPORARY_PASSWORD_ALPHABET));
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomIndex(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
