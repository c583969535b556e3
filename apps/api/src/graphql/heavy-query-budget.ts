/** What a user may spend on heavy queries (cost at or above `threshold`). */
export interface HeavyQueryLimits {
  /** Cost from which an operation is heavy (GRAPHQL_HEAVY_COST). */
  threshold: number;
  /** Heavy operations one user (or one address, signed out) may run at once. */
  concurrentPerUser: number;
  /** Seconds of heavy operations one user may run in any 60 s (their durations added up). */
  secondsPerMinute: number;
  /** How long a heavy operation waits for one of its user's slots before it is refused. */
  waitMs: number;
}

export type HeavyQueryTicket = { release: () => void } | { retryAfterSeconds: number };

const WINDOW_MS = 60_000;

interface UserState {
  running: number;
  /** Finished heavy operations in the last minute: when they ended and how long they ran. */
  spent: Array<{ endedAt: number; ms: number }>;
  waiting: Array<() => void>;
}

/**
 * A per-user budget for heavy GraphQL operations: at most `concurrentPerUser` at once (one more
 * waits up to `waitMs` for a slot, a burst beyond that is refused at once), and at most
 * `secondsPerMinute` of their run time in any minute. The query cost limit bounds one request;
 * this bounds what one user's many requests take from everyone else (issue 15, finding 2: three
 * heavy requests made another user's page take 15 s).
 *
 * Memory is bounded by the users active in the last minute; a user's state goes when idle.
 */
export class HeavyQueryBudget {
  private readonly users = new Map<string, UserState>();
  private lastSweep = 0;

  constructor(
    readonly limits: HeavyQueryLimits,
    private readonly now: () => number = Date.now,
  ) {}

  isHeavy(cost: number): boolean {
    return cost >= this.limits.threshold;
  }

  /** A slot for one heavy operation of `user`, or how long to wait before trying again. */
  async acquire(user: string): Promise<HeavyQueryTicket> {
    this.sweep();
    const state = this.state(user);
    const spentMs = this.spentMs(state);
    if (spentMs >= this.limits.secondsPerMinute * 1000) {
      return { retryAfterSeconds: this.secondsUntilBudget(state, spentMs) };
    }
    if (state.running >= this.limits.concurrentPerUser) {
      // One queue per user as deep as its slots: a burst beyond that waits for nobody.
      if (state.waiting.length >= this.limits.concurrentPerUser || this.limits.waitMs <= 0) {
        return { retryAfterSeconds: 1 };
      }
      const got = await new Promise<boolean>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          state.waiting.splice(state.waiting.indexOf(wake), 1);
          resolve(false);
        }, this.limits.waitMs);
        state.waiting.push(wake);
      });
      if (!got) {
        this.forgetIfIdle(user, state);
        return { retryAfterSeconds: 1 };
      }
    }
    state.running += 1;
    const started = this.now();
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        state.running -= 1;
        const endedAt = this.now();
        state.spent.push({ endedAt, ms: endedAt - started });
        state.waiting.shift()?.();
        this.forgetIfIdle(user, state);
      },
    };
  }

  /** Users with state (for tests and metrics). */
  get activeUsers(): number {
    return this.users.size;
  }

  private state(user: string): UserState {
    let state = this.users.get(user);
    if (!state) {
      state = { running: 0, spent: [], waiting: [] };
      this.users.set(user, state);
    }
    return state;
  }

  private spentMs(state: UserState): number {
    const since = this.now() - WINDOW_MS;
    while (state.spent.length > 0 && state.spent[0].endedAt <= since) state.spent.shift();
    return state.spent.reduce((sum, s) => sum + s.ms, 0);
  }

  /** Seconds until enough of the minute's spending has aged out to allow one more. */
  private secondsUntilBudget(state: UserState, spentMs: number): number {
    let over = spentMs - this.limits.secondsPerMinute * 1000;
    for (const s of state.spent) {
      over -= s.ms;
      if (over < 0) {
        return Math.max(1, Math.ceil((s.endedAt + WINDOW_MS - this.now()) / 1000));
      }
    }
    return Math.ceil(WINDOW_MS / 1000);
  }

  /** Once a minute, forget the users whose last heavy operation has aged out. */
  private sweep(): void {
    if (this.now() - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = this.now();
    for (const [user, state] of this.users) this.forgetIfIdle(user, state);
  }

  private forgetIfIdle(user: string, state: UserState): void {
    if (state.running === 0 && state.waiting.length === 0 && this.spentMs(state) === 0) {
      this.users.delete(user);
    }
  }
}
