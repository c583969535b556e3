/** One sign-in counted in a window: pending while its password is checked, then failed or gone. */
export interface CountedAttempt {
  readonly at: number;
  failed: boolean;
}

/**
 * A sliding-window log of sign-in attempts per key (a client address, or an address and a
 * username): at most `limit` attempts inside any `windowMs`. An attempt is counted before its
 * password is checked (so concurrent requests cannot all pass the check) and removed again
 * when it succeeds; what remains are failures and attempts still being checked.
 *
 * Memory: at most `limit` entries per key, at most `maxKeys` keys. Keys whose attempts have
 * all left the window are swept; when still full, the key used least recently is dropped (an
 * attacker who could make that many keys is rate-limited per address first).
 */
export class FailureWindow {
  private readonly byKey = new Map<string, CountedAttempt[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Milliseconds until one more attempt fits (0: it fits now). */
  waitMs(key: string, now: number): number {
    const live = this.live(key, now);
    if (live.length < this.limit) return 0;
    return live[live.length - this.limit].at + this.windowMs - now;
  }

  /** Whether a failure of this key is still inside the window. */
  hasFailure(key: string, now: number): boolean {
    return this.live(key, now).some((attempt) => attempt.failed);
  }

  /** Counts an attempt (the caller checked {@link waitMs} first). */
  add(key: string, now: number): CountedAttempt {
    const live = this.live(key, now);
    const attempt: CountedAttempt = { at: now, failed: false };
    // Re-inserted so that the Map's order is least recently used first.
    this.byKey.delete(key);
    if (this.byKey.size >= this.maxKeys) this.evict(now);
    this.byKey.set(key, [...live, attempt]);
    return attempt;
  }

  /** Takes an attempt back (it succeeded, or was never checked). */
  remove(key: string, attempt: CountedAttempt): void {
    const attempts = this.byKey.get(key);
    if (!attempts) return;
    const rest = attempts.filter((a) => a !== attempt);
    if (rest.length) this.byKey.set(key, rest);
    else this.byKey.delete(key);
  }

  /** Forgets every attempt of a key. */
  clear(key: string): void {
    this.byKey.delete(key);
  }

  /** Drops keys with nothing left inside the window. */
  sweep(now: number): void {
    for (const key of [...this.byKey.keys()]) this.live(key, now);
  }

  get size(): number {
    return this.byKey.size;
  }

  private live(key: string, now: number): CountedAttempt[] {
    const attempts = this.byKey.get(key);
    if (!attempts) return [];
    const from = now - this.windowMs;
    if (attempts[0].at > from) return attempts;
    const live = attempts.filter((attempt) => attempt.at > from);
    if (live.length) this.byKey.set(key, live);
    else this.byKey.delete(key);
    return live;
  }

  private evict(now: number): void {
    this.sweep(now);
    while (this.byKey.size >= this.maxKeys) {
      const oldest = this.byKey.keys().next().value as string;
      this.byKey.delete(oldest);
    }
  }
}
