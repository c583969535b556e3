import { scrypt } from 'node:crypto';
import {
  DEFAULT_COST_LOG2,
  hashPassword,
  verifyAgainstDummy,
  verifyPassword,
} from './password-hash';

// Spy on scrypt to check that an unknown user's sign-in (verifyAgainstDummy) does the same
// work as a known user's (verifyPassword): one scrypt call with the same parameters.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, scrypt: jest.fn(actual.scrypt) };
});

const scryptSpy = jest.mocked(scrypt);

/** Key length and options of each scrypt call since the last reset. */
function calls(): unknown[] {
  return scryptSpy.mock.calls.map((call) => [call[2], call[3]]);
}

describe('timing path of an unknown username', () => {
  beforeEach(() => scryptSpy.mockClear());

  it('verifyAgainstDummy runs scrypt exactly like verifyPassword at the default cost', async () => {
    const stored = await hashPassword('Known-User-Password-1');
    scryptSpy.mockClear();
    await expect(verifyPassword('Wrong-Password-1', stored)).resolves.toBe(false);
    const known = calls();
    scryptSpy.mockClear();
    await expect(verifyAgainstDummy('Wrong-Password-1')).resolves.toBe(false);
    const unknown = calls();

    expect(known).toHaveLength(1);
    expect(unknown).toEqual(known);
    expect(unknown[0]).toEqual([
      32,
      expect.objectContaining({ N: 2 ** DEFAULT_COST_LOG2, r: 8, p: 1 }),
    ]);
  });

  it('follows a configured cost: the same scrypt work as a real hash of that cost', async () => {
    const stored = await hashPassword('Known-User-Password-1', { costLog2: 12 });
    await verifyAgainstDummy('warm-up', { costLog2: 12 }); // makes the cost-12 dummy once
    scryptSpy.mockClear();
    await verifyPassword('Wrong-Password-1', stored);
    const known = calls();
    scryptSpy.mockClear();
    await expect(verifyAgainstDummy('Wrong-Password-1', { costLog2: 12 })).resolves.toBe(false);
    expect(calls()).toEqual(known);
    expect(known[0]).toEqual([32, expect.objectContaining({ N: 4096, r: 8, p: 1 })]);
  });
});
