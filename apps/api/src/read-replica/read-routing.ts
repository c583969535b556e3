import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { isDatabaseUnavailableError } from '../database/database-availability';
import { bytesBehind, formatLsn, parseLsn } from './wal-lsn';

export type ReadTarget = 'primary' | 'replica';

/**
 * Why a read went where it went: no_replica (none configured), replica, own_write (the reader
 * wrote and the standby has not replayed it yet), replica_unhealthy (unreachable, not a standby,
 * or lagging beyond the bounds at the last check), replica_failed (the standby failed this read:
 * connection lost, or the query was cancelled by a recovery conflict; retried on the primary).
 */
export type RouteReason =
  'no_replica' | 'replica' | 'own_write' | 'replica_unhealthy' | 'replica_failed';

/** What /ready and /metrics show of the standby. */
export interface ReplicaState {
  /** ok: reads may use it; degraded: they go to the primary (see `problem`). */
  status: 'ok' | 'degraded';
  reachable: boolean;
  /** false: the server answers but is no standby (promoted, or the wrong server). */
  inRecovery: boolean | null;
  replayPaused: boolean | null;
  /** The primary's WAL position at the last check, and how far the standby had replayed. */
  primaryLsn: string | null;
  replayLsn: string | null;
  /** WAL bytes the standby had still to replay at the last check. */
  lagBytes: number | null;
  /**
   * At least how long ago the primary wrote the oldest WAL the standby has not replayed (0 when
   * it has replayed everything); measured against the primary positions this process saw.
   */
  lagSeconds: number | null;
  /** Commit time of the last transaction the standby replayed. */
  lastReplayedCommitAt: string | null;
  checkedAt: string | null;
  problem: string | null;
  /** Users whose reads stay on the primary until the standby replays their last write. */
  pendingReaders: number;
}

export interface ReadRoutingOptions {
  primary: DataSource;
  /**
   * Makes the standby's DataSource (not initialised); null: no replica. Called again after a
   * failed initialisation, so a standby that is down at start is picked up once it is back.
   */
  replica: (() => DataSource) | null;
  maxLagSeconds: number;
  maxLagBytes: number;
  readYourWritesMs: number;
  probeIntervalMs: number;
  logger: Logger;
  /** Told of every routed read (Prometheus counter). */
  onRoute?: (target: ReadTarget, reason: RouteReason) => void;
  now?: () => number;
}

/** Beyond every real position: "reads stay on the primary until the entry expires". */
const UNKNOWN_POSITION = (1n << 64n) - 1n;
const PROBE_TIMEOUT_MS = 3000;
/** Primary positions kept for the lag in seconds (one per check and per recorded write). */
const MAX_SAMPLES = 2000;

interface Sample {
  lsn: bigint;
  at: number;
}

/**
 * Where read-only queries run: on the streaming replica (DATABASE_REPLICA_URL) when there is
 * one, it is a reachable standby within the lag bounds, and the reader has no write it has not
 * replayed yet; on the primary otherwise. Writers record the primary's WAL position after their
 * commit (recordWrite); their reads stay on the primary until the standby's replay position has
 * passed it, or for readYourWritesMs at most. The positions live in this process's memory.
 */
export class ReadRouting {
  private replica: DataSource | null = null;
  /**
   * Per writer: the highest WAL position of their committed writes, and how many of their
   * writes are still running (an answer may leave before the write is recorded, e.g. a REST
   * handler that sends its own response).
   */
  private readonly pending = new Map<
    string,
    { lsn: bigint; expiresAt: number; inFlight: number }
  >();
  private readonly samples: Sample[] = [];
  private last: {
    reachable: boolean;
    inRecovery: boolean | null;
    replayPaused: boolean | null;
    primaryLsn: bigint | null;
    replayLsn: bigint | null;
    lagBytes: number | null;
    lagSeconds: number | null;
    lastReplayedCommitAt: string | null;
    checkedAt: number | null;
    problem: string | null;
  } = {
    reachable: false,
    inRecovery: null,
    replayPaused: null,
    primaryLsn: null,
    replayLsn: null,
    lagBytes: null,
    lagSeconds: null,
    lastReplayedCommitAt: null,
    checkedAt: null,
    problem: 'not checked yet',
  };
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private probing: Promise<ReplicaState> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: ReadRoutingOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Whether a replica is configured at all. */
  get configured(): boolean {
    return this.options.replica !== null;
  }

  /**
   * Runs a read-only `work` on the connection chosen for `reader` (a user id; null for readers
   * that never write, such as machine API tokens). `work` must not write: it may run twice
   * (on the standby, then on the primary when the standby fails it).
   */
  async read<T>(reader: string | null, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
    const [target, reason] = await this.route(reader);
    if (target === 'primary') {
      this.options.onRoute?.('primary', reason);
      return work(this.options.primary);
    }
    try {
      const result = await work(this.replica!);
      this.options.onRoute?.('replica', 'replica');
      return result;
    } catch (error) {
      if (!isDatabaseUnavailableError(error) && !isRecoveryConflict(error)) throw error;
      if (isDatabaseUnavailableError(error)) this.markUnreachable(error);
      this.options.onRoute?.('primary', 'replica_failed');
      return work(this.options.primary);
    }
  }

  /** Where `reader`'s next read would go, and why (no query runs but a replay check). */
  async route(reader: string | null): Promise<[ReadTarget, RouteReason]> {
    if (!this.configured) return ['primary', 'no_replica'];
    if (!this.usable()) return ['primary', 'replica_unhealthy'];
    if (reader === null) return ['replica', 'replica'];
    const write = this.pending.get(reader);
    if (!write) return ['replica', 'replica'];
    if (write.expiresAt <= this.now()) {
      this.pending.delete(reader);
      return ['replica', 'replica'];
    }
    if (write.inFlight > 0) return ['primary', 'own_write'];
    if (this.last.replayLsn !== null && this.last.replayLsn >= write.lsn) {
      this.pending.delete(reader);
      return ['replica', 'replica'];
    }
    // The last check is behind the write: ask the standby now (it replays continuously).
    try {
      const replayed = await this.replayPosition();
      if (replayed !== null && replayed >= write.lsn) {
        this.pending.delete(reader);
        return ['replica', 'replica'];
      }
    } catch (error) {
      if (isDatabaseUnavailableError(error)) this.markUnreachable(error);
    }
    return ['primary', 'own_write'];
  }

  /**
   * Before `reader`'s write runs: their reads stay on the primary until endWrite has recorded
   * where the write ended in the WAL.
   */
  beginWrite(reader: string): void {
    if (!this.configured) return;
    const entry = this.pending.get(reader) ?? { lsn: 0n, expiresAt: 0, inFlight: 0 };
    entry.inFlight += 1;
    entry.expiresAt = this.now() + this.options.readYourWritesMs;
    this.pending.set(reader, entry);
  }

  /**
   * After `reader`'s write has committed (or failed): remember the primary's WAL position,
   * which the standby must have replayed before that reader's reads go back to it.
   */
  async endWrite(reader: string): Promise<void> {
    if (!this.configured) return;
    let lsn = UNKNOWN_POSITION;
    try {
      const [row] = (await this.options.primary.query(
        'SELECT pg_current_wal_lsn()::text AS lsn',
      )) as { lsn: string }[];
      lsn = parseLsn(row.lsn);
      this.addSample(lsn);
    } catch (error) {
      // Without the position, keep the reader on the primary for the whole window.
      this.options.logger.warn(
        { err: (error as Error).message },
        'Could not read the WAL position after a write; the writer reads from the primary for now',
      );
    }
    const entry = this.pending.get(reader) ?? { lsn: 0n, expiresAt: 0, inFlight: 1 };
    entry.inFlight = Math.max(0, entry.inFlight - 1);
    if (lsn > entry.lsn) entry.lsn = lsn;
    entry.expiresAt = this.now() + this.options.readYourWritesMs;
    this.pending.set(reader, entry);
  }

  /** A write of `reader` that has committed: beginWrite and endWrite at once. */
  async recordWrite(reader: string): Promise<void> {
    this.beginWrite(reader);
    await this.endWrite(reader);
  }

  /** The standby's state as of the last check. */
  state(): ReplicaState {
    const l = this.last;
    return {
      status: this.usable() ? 'ok' : 'degraded',
      reachable: l.reachable,
      inRecovery: l.inRecovery,
      replayPaused: l.replayPaused,
      primaryLsn: l.primaryLsn === null ? null : formatLsn(l.primaryLsn),
      replayLsn: l.replayLsn === null ? null : formatLsn(l.replayLsn),
      lagBytes: l.lagBytes,
      lagSeconds: l.lagSeconds,
      lastReplayedCommitAt: l.lastReplayedCommitAt,
      checkedAt: l.checkedAt === null ? null : new Date(l.checkedAt).toISOString(),
      problem: this.usable() ? null : (l.problem ?? 'stale check'),
      pendingReaders: this.pending.size,
    };
  }

  /** Checks the standby now (one check at a time) and returns its state. */
  probe(): Promise<ReplicaState> {
    if (!this.configured) return Promise.resolve(this.state());
    this.probing ??= this.check().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  /** Starts the periodic checks (the first one now). */
  start(): void {
    if (!this.configured || this.timer || this.stopped) return;
    const tick = async () => {
      await this.probe().catch(() => undefined);
      if (this.stopped) return;
      this.timer = setTimeout(() => void tick(), this.options.probeIntervalMs);
      this.timer.unref();
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.probing?.catch(() => undefined);
    if (this.replica?.isInitialized) await this.replica.destroy().catch(() => undefined);
    this.replica = null;
  }

  private usable(): boolean {
    const l = this.last;
    if (!this.replica?.isInitialized || !l.reachable || l.inRecovery !== true) return false;
    if (l.checkedAt === null) return false;
    // A check that stopped answering says nothing about now.
    if (this.now() - l.checkedAt > 3 * this.options.probeIntervalMs + PROBE_TIMEOUT_MS) {
      return false;
    }
    if (l.lagBytes === null || l.lagBytes > this.options.maxLagBytes) return false;
    if (l.lagSeconds === null || l.lagSeconds > this.options.maxLagSeconds) return false;
    return true;
  }

  private async check(): Promise<ReplicaState> {
    const l = this.last;
    let primaryLsn: bigint;
    let checkedAt: number;
    try {
      const [p] = (await withTimeout(
        this.options.primary.query('SELECT pg_current_wal_lsn()::text AS lsn'),
      )) as { lsn: string }[];
      primaryLsn = parseLsn(p.lsn);
      checkedAt = this.now();
      this.addSample(primaryLsn, checkedAt);
    } catch (error) {
      // Without the primary's position the lag is unknown: not used until the next check.
      const wasUsable = this.usable();
      l.lagBytes = null;
      l.lagSeconds = null;
      l.problem = `primary WAL position unavailable: ${(error as Error).message}`;
      this.reportTransition(wasUsable);
      return this.state();
    }
    try {
      const replica = await this.connectedReplica();
      const [r] = (await withTimeout(
        replica.query(
          `SELECT pg_is_in_recovery() AS in_recovery,
                  pg_last_wal_replay_lsn()::text AS replay_lsn,
                  CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() END AS paused,
                  pg_last_xact_replay_timestamp() AS replayed_commit_at`,
        ),
      )) as {
        in_recovery: boolean;
        replay_lsn: string | null;
        paused: boolean | null;
        replayed_commit_at: Date | null;
      }[];
      const wasUsable = this.usable();
      l.reachable = true;
      l.inRecovery = r.in_recovery;
      l.replayPaused = r.paused;
      l.primaryLsn = primaryLsn;
      l.lastReplayedCommitAt = r.replayed_commit_at ? r.replayed_commit_at.toISOString() : null;
      l.checkedAt = checkedAt;
      if (!r.in_recovery || r.replay_lsn === null) {
        l.replayLsn = null;
        l.lagBytes = null;
        l.lagSeconds = null;
        l.problem = 'not a standby (pg_is_in_recovery() is false): promoted, or not a replica';
      } else {
        const replayLsn = parseLsn(r.replay_lsn);
        l.replayLsn = replayLsn;
        l.lagBytes = Number(bytesBehind(primaryLsn, replayLsn));
        l.lagSeconds = this.lagSeconds(replayLsn, checkedAt);
        l.problem =
          l.lagBytes > this.options.maxLagBytes
            ? `replay lag ${l.lagBytes} bytes > ${this.options.maxLagBytes}`
            : l.lagSeconds > this.options.maxLagSeconds
              ? `replay lag ${l.lagSeconds} s > ${this.options.maxLagSeconds} s`
              : null;
        this.forgetReplayed(replayLsn);
      }
      this.reportTransition(wasUsable);
    } catch (error) {
      this.markUnreachable(error);
    }
    return this.state();
  }

  /** Seconds since the primary first had WAL the standby has not replayed (0: none). */
  private lagSeconds(replayLsn: bigint, at: number): number {
    const oldestUnreplayed = this.samples.find((s) => s.lsn > replayLsn);
    const seconds = oldestUnreplayed ? (at - oldestUnreplayed.at) / 1000 : 0;
    return Math.max(0, Math.round(seconds * 10) / 10);
  }

  private addSample(lsn: bigint, at = this.now()): void {
    const lastSample = this.samples[this.samples.length - 1];
    if (lastSample && lastSample.lsn >= lsn) return;
    this.samples.push({ lsn, at });
    // Samples older than the bound matter only while the standby is still behind them.
    const horizon = at - 2 * this.options.maxLagSeconds * 1000;
    while (
      this.samples.length > MAX_SAMPLES ||
      (this.samples.length > 1 &&
        this.samples[0].at < horizon &&
        this.last.replayLsn !== null &&
        this.samples[1].lsn <= this.last.replayLsn)
    ) {
      this.samples.shift();
    }
  }

  private forgetReplayed(replayLsn: bigint): void {
    const now = this.now();
    for (const [reader, write] of this.pending) {
      if (write.expiresAt <= now || (write.inFlight === 0 && write.lsn <= replayLsn)) {
        this.pending.delete(reader);
      }
    }
    while (this.samples.length > 1 && this.samples[1].lsn <= replayLsn) this.samples.shift();
  }

  private async replayPosition(): Promise<bigint | null> {
    if (!this.replica?.isInitialized) return null;
    const [r] = (await withTimeout(
      this.replica.query('SELECT pg_last_wal_replay_lsn()::text AS replay_lsn'),
    )) as { replay_lsn: string | null }[];
    if (r.replay_lsn === null) return null;
    const lsn = parseLsn(r.replay_lsn);
    if (this.last.replayLsn === null || lsn > this.last.replayLsn) this.last.replayLsn = lsn;
    return lsn;
  }

  private async connectedReplica(): Promise<DataSource> {
    if (this.replica?.isInitialized) return this.replica;
    const make = this.options.replica!;
    const dataSource = make();
    try {
      // The replica's pool gives up connecting after a few seconds (see ReadReplicaModule).
      await dataSource.initialize();
    } catch (error) {
      await dataSource.destroy().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await dataSource.destroy().catch(() => undefined);
      throw new Error('read routing stopped');
    }
    this.replica = dataSource;
    return dataSource;
  }

  private markUnreachable(error: unknown): void {
    const wasUsable = this.usable();
    this.last.reachable = false;
    this.last.problem = `unreachable: ${(error as Error).message ?? String(error)}`;
    this.reportTransition(wasUsable);
  }

  private reportTransition(wasUsable: boolean): void {
    const usable = this.usable();
    if (usable === wasUsable) return;
    const { logger } = this.options;
    if (usable) logger.info(this.state(), 'Read replica in use again');
    else logger.warn(this.state(), 'Read replica not used: reads go to the primary');
  }
}

/** SQLSTATE 40001 from a standby: a query cancelled so that replay could go on. */
function isRecoveryConflict(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown }; message?: unknown };
  const code = e?.code ?? e?.driverError?.code;
  return code === '40001' && /conflict with recovery/i.test(String(e.message ?? ''));
}

function withTimeout<T>(promise: Promise<T>, ms = PROBE_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
