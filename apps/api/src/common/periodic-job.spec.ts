import { schedulePeriodicJob } from './periodic-job';

describe('schedulePeriodicJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs first after its delay, then at its interval, never two runs at once', async () => {
    let runs = 0;
    let finish: () => void = () => undefined;
    const job = schedulePeriodicJob(
      () => {
        runs += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      { firstAfterMs: 1_000, everyMs: 10_000 },
    );
    jest.advanceTimersByTime(999);
    expect(runs).toBe(0);
    jest.advanceTimersByTime(1);
    expect(runs).toBe(1);
    // Still running when the interval comes round: skipped.
    jest.advanceTimersByTime(10_000);
    expect(runs).toBe(1);
    finish();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(10_000);
    expect(runs).toBe(2);
    job.stop();
    finish();
    jest.advanceTimersByTime(100_000);
    expect(runs).toBe(2);
  });

  it('keeps going after a failed run, and is off with an interval of 0', async () => {
    let runs = 0;
    const job = schedulePeriodicJob(
      async () => {
        runs += 1;
        throw new Error('boom');
      },
      { firstAfterMs: 10, everyMs: 100 },
    );
    jest.advanceTimersByTime(10);
    for (let i = 0; i < 3; i++) await Promise.resolve();
    jest.advanceTimersByTime(100);
    expect(runs).toBe(2);
    job.stop();

    let offRuns = 0;
    schedulePeriodicJob(async () => void (offRuns += 1), { firstAfterMs: 10, everyMs: 0 });
    jest.advanceTimersByTime(1_000);
    expect(offRuns).toBe(0);
  });
});
