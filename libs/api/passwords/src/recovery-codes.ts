import { createHash, randomInt } from 'node:crypto';

/** How many single-use recovery codes a user gets at enrolment or regeneration. */
export const RECOVERY_CODE_COUNT = 10;

// No 0/O, 1/I/L, 2/Z, 5/S, 8/B: codes are read off paper and typed by hand.
const RECOVERY_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
const GROUP = 5;
const GROUPS = 2;

/**
 * A recovery code, e.g. `K7QXM-3TRWA`: 10 characters from a 25-letter alphabet, ~46 bits,
 * drawn with a uniform CSPRNG. Far too many to guess within the lockout, so a fast hash
 * (SHA-256) is enough to store it; scrypt would only slow sign-in down.
 */
export function generateRecoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP; i++) group += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateRecoveryCode());
  return [...codes];
}

/** Upper-case, separators and spaces dropped; null when it cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const clean = input.toUpperCase().replace(/[\s-]/g, '');
  if (clean.length !== GROUP * GROUPS) return null;
  for (const char of clean) if (!RECOVERY_ALPHABET.includes(char)) return null;
  return clean;
}

/** The stored form: SHA-256 hex of the normalized code. */
export function hashRecoveryCode(normalized: string): string {
  return createHash('sha256').update(`recovery:${normalized}`).digest('hex');
}
