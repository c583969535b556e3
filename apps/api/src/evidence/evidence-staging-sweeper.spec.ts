import type { EvidenceStore } from '@duty/api/evidence-store';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config';
import { EvidenceStagingSweeper } from './evidence-staging-sweeper';

/** A store whose sweeps resolve when the test says so. */
function slowStore() {
  const calls: number[] = [];
  const pending: Array<(n: number) => void> = [];
  const store = {
    sweep: (olderThanMs: number) => {
      calls.push(olderThanMs);
      return new Promise<number>((resolve) => pending.push(resolve));
    },
  } as unknown as EvidenceStore;
  return { store, calls, finish: (n: number) => pending.shift()?.(n) };
}

const config = (stagingSweepIntervalMs: number) =>
  ({ evidence: { stagingSweepIntervalMs, stagingMaxAgeMs: 3_600_000 } }) as AppConfig;
const logger = () =>
  ({ warn: jest.fn(), error: jest.fn() }) as unknown as Logger & {
    warn: jest.Mock;
    error: jest.Mock;
  };

describe('EvidenceStagingSweeper', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sweeps every interval with the configured age, one sweep at a time, on an unref’d timer', async () => {
    const spy = jest.spyOn(global, 'setInterval');
    const { store, calls, finish } = slowStore();
    const log = logger();
    const sweeper = new EvidenceStagingSweeper(store, config(60_000), log);
    sweeper.onApplicationBootstrap();
    expect((spy.mock.results[0].value as NodeJS.Timeout).hasRef()).toBe(false);

    jest.advanceTimersByTime(59_999);
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(calls).toEqual([3_600_000]);
    // Still running a minute later: no second sweep on top of it.
    jest.advanceTimersByTime(60_000);
    expect(calls).toHaveLength(1);
    finish(2);
    await Promise.resolve();
    await Promise.resolve();
    expect(log.warn).toHaveBeenCalledWith({ swept: 2 }, expect.stringContaining('stale'));
    jest.advanceTimersByTime(60_000);
    expect(calls).toHaveLength(2);
    finish(0);
    await sweeper.onModuleDestroy();
    spy.mockRestore();
  });

  it('stops on shutdown, after the sweep in progress', async () => {
    const { store, calls, finish } = slowStore();
    const sweeper = new EvidenceStagingSweeper(store, config(1_000), logger());
    sweeper.onApplicationBootstrap();
    jest.advanceTimersByTime(1_000);
    let stopped = false;
    const stopping = sweeper.onModuleDestroy().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish(0);
    await stopping;
    jest.advanceTimersByTime(10_000);
    expect(calls).toHaveLength(1);
  });

  it('does not schedule with an interval of 0, and logs a failing sweep without throwing', async () => {
    const failing = {
      sweep: jest.fn().mockRejectedValue(new Error('EACCES')),
    } as unknown as EvidenceStore;
    const log = logger();
    const sweeper = new EvidenceStagingSweeper(failing, config(0), log);
    sweeper.onApplicationBootstrap();
    jest.advanceTimersByTime(86_400_000);
    expect(failing.sweep).not.toHaveBeenCalled();
    await expect(sweeper.sweep()).resolves.toBe(0);
    expect(log.error).toHaveBeenCalled();
  });
});
