import { FailureWindow } from './failure-window';

describe('FailureWindow', () => {
  const MINUTE = 60_000;

  it('admits `limit` attempts per window, then says how long until the oldest leaves it', () => {
    const window = new FailureWindow(3, 15 * MINUTE);
    for (const at of [0, MINUTE, 2 * MINUTE]) {
      expect(window.waitMs('a', at)).toBe(0);
      window.add('a', at);
    }
    expect(window.waitMs('a', 3 * MINUTE)).toBe(12 * MINUTE);
    expect(window.waitMs('b', 3 * MINUTE)).toBe(0);
    // Sliding: once the first attempt is 15 minutes old, one more fits.
    expect(window.waitMs('a', 15 * MINUTE - 1)).toBe(1);
    expect(window.waitMs('a', 15 * MINUTE)).toBe(0);
  });

  it('takes back a removed attempt, forgets a cleared key, and tells failures from pending ones', () => {
    const window = new FailureWindow(2, MINUTE);
    const first = window.add('a', 0);
    const second = window.add('a', 0);
    expect(window.hasFailure('a', 0)).toBe(false);
    second.failed = true;
    expect(window.hasFailure('a', 0)).toBe(true);
    expect(window.waitMs('a', 0)).toBe(MINUTE);
    window.remove('a', first);
    expect(window.waitMs('a', 0)).toBe(0);
    window.clear('a');
    expect(window.hasFailure('a', 0)).toBe(false);
  });

  it('keeps at most maxKeys keys, dropping expired ones first, then the least recently used', () => {
    const window = new FailureWindow(5, MINUTE, 2);
    const failed = (key: string, at: number) => (window.add(key, at).failed = true);
    failed('old', 0);
    failed('a', 30_000);
    failed('b', 61_000); // "old" has expired: swept, nothing live is dropped
    expect(window.size).toBe(2);
    expect([window.hasFailure('a', 61_000), window.hasFailure('b', 61_000)]).toEqual([true, true]);
    failed('a', 62_000); // a is now the most recently used
    failed('c', 63_000); // full of live keys: b goes
    expect(window.size).toBe(2);
    expect(['a', 'b', 'c'].map((key) => window.hasFailure(key, 63_000))).toEqual([
      true,
      false,
      true,
    ]);
    window.sweep(10 * MINUTE);
    expect(window.size).toBe(0);
  });
});
