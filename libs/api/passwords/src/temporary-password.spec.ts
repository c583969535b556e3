import fc from 'fast-check';
import { checkPasswordPolicy } from './password-policy';
import {
  composeTemporaryPassword,
  generateTemporaryPassword,
  RandomIndex,
  TEMPORARY_PASSWORD_ALPHABET,
  TEMPORARY_PASSWORD_CLASSES,
  TEMPORARY_PASSWORD_LENGTH,
} from './temporary-password';

function expectWellFormed(password: string): void {
  expect(Array.from(password)).toHaveLength(TEMPORARY_PASSWORD_LENGTH);
  for (const char of password) expect(TEMPORARY_PASSWORD_ALPHABET).toContain(char);
  for (const characters of Object.values(TEMPORARY_PASSWORD_CLASSES)) {
    expect([...password].some((char) => characters.includes(char))).toBe(true);
  }
}

/** A random source replaying fast-check's numbers, so that it can explore and shrink them. */
function replay(values: number[]): RandomIndex {
  let next = 0;
  return (max) => values[next++ % values.length] % max;
}

describe('generateTemporaryPassword', () => {
  it('always passes the policy, for any username and display name', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.constantFrom('admin', 'zhangsan', 'abcd'),
        ),
        fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
        (username, displayName) => {
          const password = generateTemporaryPassword({ username, displayName });
          expectWellFormed(password);
          expect(checkPasswordPolicy(password, { username, displayName })).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('passes the policy without a context too, and does not repeat', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const password = generateTemporaryPassword();
      expectWellFormed(password);
      expect(checkPasswordPolicy(password, { username: 'someone' })).toEqual([]);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });

  it('has no easily confused characters in its alphabet', () => {
    for (const char of 'IOl01|"\'`\\') expect(TEMPORARY_PASSWORD_ALPHABET).not.toContain(char);
    expect(new Set(TEMPORARY_PASSWORD_ALPHABET).size).toBe(TEMPORARY_PASSWORD_ALPHABET.length);
  });
});

describe('composeTemporaryPassword', () => {
  it('yields 16 characters with every class, whatever the random numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (values) => {
        const password = composeTemporaryPassword(replay(values));
        expectWellFormed(password);
        expect(checkPasswordPolicy(password, { username: '' }).map((v) => v.code)).not.toContain(
          'TOO_FEW_CHARACTER_CLASSES',
        );
      }),
    );
  });
});
