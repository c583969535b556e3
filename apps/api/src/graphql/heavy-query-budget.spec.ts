import {
  HeavyQueryBudget,
  type HeavyQueryLimits,
  type HeavyQueryTicket,
} from './heavy-query-budget';

const LIMITS: HeavyQueryLimits = {
  threshold: 20_000,
  concurrentPerUser: 2,
  secondsPerMinute: 10,
  waitMs: 50,
};

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const granted = (t: HeavyQueryTicket): t is { release: () => void } => 'release' in t;

describe('HeavyQueryBudget', () => {
  it('counts only operations at or above the threshold as heavy', () => {
    const budget = new HeavyQueryBudget(LIMITS);
    expect(budget.isHeavy(19_999)).toBe(false);
    expect(budget.isHeavy(20_000)).toBe(true);
  });

  it('runs so many at once per user; one more waits for a slot, a burst beyond is refused', async () => {
    const budget = new HeavyQueryBudget({ ...LIMITS, waitMs: 5_000 });
    const a = await budget.acquire('u1');
    const b = await budget.acquire('u1');
    expect(granted(a) && granted(b)).toBe(true);
    const waiting = budget.acquire('u1');
    // The queue is as deep as the slots: two wait, the next is refused at once.
    const alsoWaiting = budget.acquire('u1');
    expect(await budget.acquire('u1')).toEqual({ retryAfterSeconds: 1 });
    // Another user is not held up.
    const other = await budget.acquire('u2');
    expect(granted(other)).toBe(true);
    if (granted(a)) a.release();
    if (granted(b)) b.release();
    const [w1, w2] = await Promise.all([waiting, alsoWaiting]);
    expect(granted(w1) && granted(w2)).toBe(true);
  });

  it('refuses a waiting operation whose slot does not free in time', async () => {
    const budget = new HeavyQueryBudget({ ...LIMITS, concurrentPerUser: 1, waitMs: 20 });
    const first = await budget.acquire('u1');
    expect(granted(first)).toBe(true);
    expect(await budget.acquire('u1')).toEqual({ retryAfterSeconds: 1 });
    if (granted(first)) first.release();
    expect(granted(await budget.acquire('u1'))).toBe(true);
  });

  it('allows so many seconds of heavy work per minute, and says when more is allowed', async () => {
    const time = clock();
    const budget = new HeavyQueryBudget(LIMITS, time.now);
    for (const ms of [4_000, 4_000, 3_000]) {
      const t = await budget.acquire('u1');
      expect(granted(t)).toBe(true);
      time.advance(ms);
      if (granted(t)) t.release();
      time.advance(1_000);
    }
    // 11 s spent in the last minute (budget 10 s): the first 4 s, which ended 10 s ago, ages out
    // in 50 s.
    const refused = await budget.acquire('u1');
    expect(refused).toEqual({ retryAfterSeconds: 50 });
    expect(granted(await budget.acquire('u2'))).toBe(true);
    time.advance(49_000);
    expect(await budget.acquire('u1')).toEqual({ retryAfterSeconds: 1 });
    time.advance(1_000);
    expect(granted(await budget.acquire('u1'))).toBe(true);
  });

  it('forgets users whose heavy work has aged out', async () => {
    const time = clock();
    const budget = new HeavyQueryBudget(LIMITS, time.now);
    for (const user of ['u1', 'u2', 'u3']) {
      const t = await budget.acquire(user);
      time.advance(100);
      if (granted(t)) t.release();
    }
    expect(budget.activeUsers).toBe(3);
    time.advance(61_000);
    const t = await budget.acquire('u4');
    time.advance(100);
    if (granted(t)) t.release();
    expect(budget.activeUsers).toBe(1);
  });

  it('releases a slot once, however often release is called', async () => {
    const budget = new HeavyQueryBudget({ ...LIMITS, concurrentPerUser: 1, waitMs: 0 });
    const t = await budget.acquire('u1');
    if (granted(t)) {
      t.release();
      t.release();
    }
    const a = await budget.acquire('u1');
    expect(granted(a)).toBe(true);
    expect(await budget.acquire('u1')).toEqual({ retryAfterSeconds: 1 });
  });
});
