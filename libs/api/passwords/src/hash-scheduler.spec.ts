import { HashScheduler, PasswordHashQueueFullError } from './hash-scheduler';
import { passwordHashScheduler, verifyPassword, hashPassword } from './password-hash';

/** A job that records when it starts and finishes when the test says so. */
function gate(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    job: () => {
      log.push(name);
      return done.then(() => name);
    },
    finish,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('HashScheduler', () => {
  it('runs at most `concurrency` jobs at once and starts the next as one finishes', async () => {
    const scheduler = new HashScheduler({ concurrency: 2, maxQueued: 10 });
    const log: string[] = [];
    const jobs = ['a', 'b', 'c', 'd'].map((name) => gate(log, name));
    const results = jobs.map((g) => scheduler.run(g.job));
    await tick();
    expect(log).toEqual(['a', 'b']);
    expect([scheduler.running, scheduler.queued]).toEqual([2, 2]);
    jobs[1].finish();
    await tick();
    expect(log).toEqual(['a', 'b', 'c']);
    jobs.forEach((g) => g.finish());
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd']);
    expect([scheduler.running, scheduler.queued]).toEqual([0, 0]);
  });

  it('serves the normal lane before the low lane, whatever arrived first', async () => {
    const scheduler = new HashScheduler({ concurrency: 1, maxQueued: 10 });
    const log: string[] = [];
    const first = gate(log, 'running');
    const all = [scheduler.run(first.job)];
    const later: Array<ReturnType<typeof gate>> = [];
    for (const [name, priority] of [
      ['low1', 'low'],
      ['low2', 'low'],
      ['normal', 'normal'],
    ] as const) {
      const g = gate(log, name);
      later.push(g);
      all.push(scheduler.run(g.job, { key: name, priority }));
    }
    later.forEach((g) => g.finish());
    first.finish();
    await Promise.all(all);
    expect(log).toEqual(['running', 'normal', 'low1', 'low2']);
  });

  it('takes turns between keys, so one key with many jobs waiting delays another by one job', async () => {
    const scheduler = new HashScheduler({ concurrency: 1, maxQueued: 100 });
    const log: string[] = [];
    const first = gate(log, 'running');
    const all: Array<Promise<string>> = [scheduler.run(first.job)];
    const gates: Array<ReturnType<typeof gate>> = [];
    const enqueue = (key: string, name: string) => {
      const g = gate(log, name);
      gates.push(g);
      all.push(scheduler.run(g.job, { key, priority: 'low' }));
    };
    for (let i = 1; i <= 5; i++) enqueue('flood', `flood${i}`);
    enqueue('user', 'user');
    gates.forEach((g) => g.finish());
    first.finish();
    await Promise.all(all);
    expect(log).toEqual(['running', 'flood1', 'user', 'flood2', 'flood3', 'flood4', 'flood5']);
  });

  it('refuses a job when maxQueued jobs wait, and keeps working afterwards', async () => {
    const scheduler = new HashScheduler({ concurrency: 1, maxQueued: 2 });
    const log: string[] = [];
    const gates = ['a', 'b', 'c'].map((name) => gate(log, name));
    const accepted = gates.map((g) => scheduler.run(g.job));
    await expect(scheduler.run(() => Promise.resolve('d'))).rejects.toBeInstanceOf(
      PasswordHashQueueFullError,
    );
    gates.forEach((g) => g.finish());
    await expect(Promise.all(accepted)).resolves.toEqual(['a', 'b', 'c']);
    await expect(scheduler.run(() => Promise.resolve('e'))).resolves.toBe('e');
  });

  it('frees the slot of a job that fails or throws synchronously', async () => {
    const scheduler = new HashScheduler({ concurrency: 1, maxQueued: 5 });
    await expect(scheduler.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(
      scheduler.run(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    await expect(scheduler.run(() => Promise.resolve(1))).resolves.toBe(1);
    expect(scheduler.running).toBe(0);
  });

  it('rejects nonsensical bounds', () => {
    expect(() => new HashScheduler({ concurrency: 0, maxQueued: 1 })).toThrow(RangeError);
    expect(() => new HashScheduler({ concurrency: 1, maxQueued: -1 })).toThrow(RangeError);
  });
});

describe('password hashing through the process scheduler', () => {
  afterEach(() => passwordHashScheduler.configure({ concurrency: 2, maxQueued: 1000 }));

  it('reports a saturated queue as an error, not as a wrong password', async () => {
    const stored = await hashPassword('Some-Password-1', { costLog2: 10 });
    passwordHashScheduler.configure({ concurrency: 1, maxQueued: 0 });
    await Promise.all([
      expect(verifyPassword('Some-Password-1', stored)).resolves.toBe(true),
      expect(verifyPassword('Some-Password-1', stored)).rejects.toBeInstanceOf(
        PasswordHashQueueFullError,
      ),
    ]);
  });
});
