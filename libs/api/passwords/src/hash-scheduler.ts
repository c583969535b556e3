/**
 * A bound on concurrent password hashing, with an order that keeps a legitimate sign-in from
 * waiting behind a flood.
 *
 * scrypt at the default cost takes 32 MiB and tens of milliseconds of one CPU per call, and it
 * runs on libuv's thread pool, which is first come, first served and shared with file I/O.
 * Twenty clients looping wrong passwords keep that queue full, and a real user's check waits
 * behind all of theirs (issue 15: 12.2 s). So every hash goes through one scheduler per
 * process that:
 *
 * - runs at most `concurrency` hashes at once (the rest wait here, not in libuv's queue, so
 *   the order is ours to choose and the thread pool keeps threads for file I/O);
 * - serves the `normal` lane before the `low` lane (the caller puts clients that failed
 *   recently in `low`), so a client with a clean record waits at most for the hashes already
 *   running;
 * - within a lane, takes turns between keys (round robin; the caller uses the client's
 *   address), so one client with many requests waiting delays another by one hash per turn,
 *   not by all of its requests;
 * - refuses with {@link PasswordHashQueueFullError} when `maxQueued` jobs already wait, so
 *   waiting work (and the memory it holds) stays bounded.
 */

/** Which queue a hash waits in: `normal` is always served before `low`. */
export type HashPriority = 'normal' | 'low';

export interface HashJobOptions {
  /** Jobs with the same key take one turn between them (e.g. the client's address). */
  key?: string;
  priority?: HashPriority;
}

export interface HashSchedulerOptions {
  /** Hashes running at once (at least 1). */
  concurrency: number;
  /** Jobs allowed to wait; one more is refused (at least 0). */
  maxQueued: number;
}

/** Too many hashes are waiting: the caller should answer "busy, try again shortly". */
export class PasswordHashQueueFullError extends Error {
  constructor(readonly queued: number) {
    super(`Password hashing is saturated: ${queued} jobs are waiting.`);
    this.name = 'PasswordHashQueueFullError';
  }
}

interface Waiting {
  start: () => void;
}

/** Waiting jobs of one lane: per key a FIFO, keys in turn order (a Map keeps insertion order). */
class Lane {
  private readonly byKey = new Map<string, Waiting[]>();
  size = 0;

  push(key: string, job: Waiting): void {
    const queue = this.byKey.get(key);
    if (queue) queue.push(job);
    else this.byKey.set(key, [job]);
    this.size += 1;
  }

  /** The first job of the key whose turn it is; that key then goes to the back of the line. */
  shift(): Waiting | undefined {
    const next = this.byKey.entries().next();
    if (next.done) return undefined;
    const [key, queue] = next.value;
    const job = queue.shift() as Waiting;
    this.byKey.delete(key);
    if (queue.length > 0) this.byKey.set(key, queue);
    this.size -= 1;
    return job;
  }
}

export class HashScheduler {
  private concurrency: number;
  private maxQueued: number;
  private active = 0;
  private readonly lanes: Record<HashPriority, Lane> = { normal: new Lane(), low: new Lane() };

  constructor(options: HashSchedulerOptions) {
    this.concurrency = checkedConcurrency(options.concurrency);
    this.maxQueued = checkedMaxQueued(options.maxQueued);
  }

  /** Changes the bounds; jobs already running or waiting are kept. */
  configure(options: Partial<HashSchedulerOptions>): void {
    if (options.concurrency !== undefined) {
      this.concurrency = checkedConcurrency(options.concurrency);
    }
    if (options.maxQueued !== undefined) this.maxQueued = checkedMaxQueued(options.maxQueued);
    this.drain();
  }

  /** Hashes running now. */
  get running(): number {
    return this.active;
  }

  /** Jobs waiting for a turn. */
  get queued(): number {
    return this.lanes.normal.size + this.lanes.low.size;
  }

  /**
   * Runs `job` when its turn comes and resolves or rejects as it does.
   *
   * @throws PasswordHashQueueFullError (as a rejection) when `maxQueued` jobs already wait.
   */
  run<T>(job: () => Promise<T>, options: HashJobOptions = {}): Promise<T> {
    if (this.active < this.concurrency && this.queued === 0) return this.start(job);
    if (this.queued >= this.maxQueued) {
      return Promise.reject(new PasswordHashQueueFullError(this.queued));
    }
    return new Promise<T>((resolve, reject) => {
      this.lanes[options.priority ?? 'normal'].push(options.key ?? '', {
        start: () => void this.start(job).then(resolve, reject),
      });
    });
  }

  private start<T>(job: () => Promise<T>): Promise<T> {
    this.active += 1;
    let running: Promise<T>;
    try {
      running = job();
    } catch (error) {
      running = Promise.reject(error);
    }
    return running.finally(() => {
      this.active -= 1;
      this.drain();
    });
  }

  private drain(): void {
    while (this.active < this.concurrency) {
      const next = this.lanes.normal.shift() ?? this.lanes.low.shift();
      if (!next) return;
      next.start();
    }
  }
}

function checkedConcurrency(value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`concurrency must be an integer of at least 1, got ${value}.`);
  }
  return value;
}

function checkedMaxQueued(value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`maxQueued must be an integer of at least 0, got ${value}.`);
  }
  return value;
}
