import {
  DEFAULT_COST_LOG2,
  DUMMY_HASH,
  hashPassword,
  MAX_COST_LOG2,
  MIN_COST_LOG2,
  needsRehash,
  verifyAgainstDummy,
  verifyPassword,
} from './password-hash';

// The default cost (N = 2^15) takes about 100-400 ms per hash: only a few tests use it.
const FAST = { costLog2: 12 };
const FORMAT = /^scrypt\$(\d+)\$8\$1\$([A-Za-z0-9+/]{22}==)\$([A-Za-z0-9+/]{43}=)$/;

describe('hashPassword / verifyPassword', () => {
  it('round-trips at the default cost, in the self-describing format', async () => {
    const stored = await hashPassword('督办 Correct-Horse-9');
    expect(stored).toMatch(FORMAT);
    expect(FORMAT.exec(stored)?.[1]).toBe(String(DEFAULT_COST_LOG2));
    await expect(verifyPassword('督办 Correct-Horse-9', stored)).resolves.toBe(true);
  });

  it('records a lower cost when asked and still verifies', async () => {
    const stored = await hashPassword('Tr0ub4dor&3', FAST);
    expect(stored.startsWith('scrypt$12$8$1$')).toBe(true);
    await expect(verifyPassword('Tr0ub4dor&3', stored)).resolves.toBe(true);
  });

  it('returns false for a wrong password', async () => {
    const stored = await hashPassword('Tr0ub4dor&3', FAST);
    await expect(verifyPassword('Tr0ub4dor&4', stored)).resolves.toBe(false);
    await expect(verifyPassword('tr0ub4dor&3', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
    await expect(verifyPassword('Tr0ub4dor&3 ', stored)).resolves.toBe(false);
  });

  it('uses a new random salt each time, so equal passwords get different hashes', async () => {
    const [first, second] = await Promise.all([
      hashPassword('Same-Password-1', FAST),
      hashPassword('Same-Password-1', FAST),
    ]);
    expect(first).not.toBe(second);
    expect(FORMAT.exec(first)?.[2]).not.toBe(FORMAT.exec(second)?.[2]);
    await expect(verifyPassword('Same-Password-1', first)).resolves.toBe(true);
    await expect(verifyPassword('Same-Password-1', second)).resolves.toBe(true);
  });

  it('normalises to NFC: composed and decomposed forms are the same password', async () => {
    const stored = await hashPassword('Caf\u00e9-Secret-1', FAST);
    await expect(verifyPassword('Cafe\u0301-Secret-1', stored)).resolves.toBe(true);
  });

  it('refuses a cost out of range and ill-formed passwords', async () => {
    await expect(hashPassword('x', { costLog2: MIN_COST_LOG2 - 1 })).rejects.toThrow(RangeError);
    await expect(hashPassword('x', { costLog2: MAX_COST_LOG2 + 1 })).rejects.toThrow(RangeError);
    await expect(hashPassword('x', { costLog2: 12.5 })).rejects.toThrow(RangeError);
    await expect(hashPassword('abc\ud800', FAST)).rejects.toThrow(TypeError);
    await expect(hashPassword('a'.repeat(1025), FAST)).rejects.toThrow(TypeError);
  });

  it('returns false for a password it would not hash', async () => {
    const stored = await hashPassword('Tr0ub4dor&3', FAST);
    await expect(verifyPassword('a'.repeat(100_000), stored)).resolves.toBe(false);
    await expect(verifyPassword('Tr0ub4dor&3\udc00', stored)).resolves.toBe(false);
    await expect(verifyPassword(undefined as unknown as string, stored)).resolves.toBe(false);
  });
});

describe('verifyPassword on malformed stored strings', () => {
  const salt = Buffer.alloc(16, 1).toString('base64');
  const key = Buffer.alloc(32, 2).toString('base64');
  const valid = `scrypt$12$8$1$${salt}$${key}`;

  it.each([
    ['empty', ''],
    ['garbage', 'not a hash'],
    ['another algorithm', valid.replace('scrypt', 'bcrypt')],
    ['too few fields', `scrypt$12$8$1$${salt}`],
    ['too many fields', `${valid}$x`],
    ['N log2 too high', valid.replace('$12$', '$40$')],
    ['N log2 too low', valid.replace('$12$', '$1$')],
    ['N not a number', valid.replace('$12$', '$x$')],
    ['leading zero', valid.replace('$12$', '$012$')],
    ['negative r', valid.replace('$8$', '$-8$')],
    ['r too large', valid.replace('$8$', '$999$')],
    ['p zero', valid.replace('$8$1$', '$8$0$')],
    ['memory beyond the limit', valid.replace('$12$8$', '$20$32$')],
    ['salt not base64', valid.replace(salt, 'not*base64')],
    ['salt too short', valid.replace(salt, 'AAAA')],
    ['key not canonical base64', valid.replace(key, `${key.slice(0, -2)}B=`)],
    ['key empty', `scrypt$12$8$1$${salt}$`],
    ['huge', `scrypt$12$8$1$${salt}$${'A'.repeat(10_000)}`],
    ['not a string', 42 as unknown as string],
    ['null', null as unknown as string],
  ])('%s → false, no exception', async (_label, stored) => {
    await expect(verifyPassword('any password', stored)).resolves.toBe(false);
  });

  it('the well-formed control case is merely a wrong password', async () => {
    await expect(verifyPassword('any password', valid)).resolves.toBe(false);
    expect(needsRehash(valid, 12)).toBe(false);
  });
});

describe('needsRehash', () => {
  it('is false at the cost the hash was made with, true at any other', async () => {
    const stored = await hashPassword('Tr0ub4dor&3', FAST);
    expect(needsRehash(stored, 12)).toBe(false);
    expect(needsRehash(stored, 13)).toBe(true);
    expect(needsRehash(stored, DEFAULT_COST_LOG2)).toBe(true);
    expect(needsRehash(stored, 11)).toBe(true);
    expect(needsRehash(stored)).toBe(true);
  });

  it('is true for other parameters and for malformed strings', () => {
    const salt = Buffer.alloc(16, 1).toString('base64');
    const key = Buffer.alloc(32, 2).toString('base64');
    expect(needsRehash(`scrypt$12$8$1$${salt}$${key}`, 12)).toBe(false);
    expect(needsRehash(`scrypt$12$16$1$${salt}$${key}`, 12)).toBe(true);
    expect(needsRehash(`scrypt$12$8$2$${salt}$${key}`, 12)).toBe(true);
    expect(needsRehash(`scrypt$12$8$1$${salt}$${Buffer.alloc(64).toString('base64')}`, 12)).toBe(
      true,
    );
    expect(needsRehash('', 12)).toBe(true);
    expect(needsRehash('$2b$10$abcdefghijklmnopqrstuv', 12)).toBe(true);
  });

  it('refuses a target cost out of range', () => {
    expect(() => needsRehash(DUMMY_HASH, 9)).toThrow(RangeError);
    expect(() => needsRehash(DUMMY_HASH, 21)).toThrow(RangeError);
  });
});

describe('DUMMY_HASH / verifyAgainstDummy', () => {
  it('is a well-formed hash at the default cost', () => {
    expect(DUMMY_HASH).toMatch(FORMAT);
    expect(needsRehash(DUMMY_HASH, DEFAULT_COST_LOG2)).toBe(false);
  });

  it('does the full check and resolves to false, at the default cost', async () => {
    await expect(verifyAgainstDummy('123456')).resolves.toBe(false);
  });

  it('resolves to false at another cost too, and for any input', async () => {
    await expect(verifyAgainstDummy('Tr0ub4dor&3', FAST)).resolves.toBe(false);
    await expect(verifyAgainstDummy('', FAST)).resolves.toBe(false);
  });
});
