import { z } from 'zod';
import { intBetween, postgresUrl } from '../config/env-schemas';

const replicaUrl = postgresUrl(' of a hot standby of DATABASE_URL');

/**
 * A PostgreSQL streaming replica (hot standby) for reads (README "Read replica"). Without
 * DATABASE_REPLICA_URL every query goes to DATABASE_URL as before.
 */
export const READ_REPLICA_ENV = {
  // The same database on a hot standby of DATABASE_URL's server, as the same (or an equally
  // privileged) role: analytics and task list reads go there.
  DATABASE_REPLICA_URL: replicaUrl.optional(),
  // A standby further behind than either bound is not read from (reads go to the primary).
  DATABASE_REPLICA_MAX_LAG_SECONDS: intBetween(1, 3_600, 10),
  DATABASE_REPLICA_MAX_LAG_BYTES: intBetween(1, 2 ** 40, 64 * 1024 * 1024),
  // How long a user's last write is remembered (in this process) to keep their reads on the
  // primary until the standby has replayed it; at least the lag bound, so that a standby within
  // the bound has replayed any write that is forgotten.
  DATABASE_REPLICA_READ_YOUR_WRITES_SECONDS: intBetween(1, 3_600, 60),
  // How often the standby's state (reachable, replayed position, lag) is checked.
  DATABASE_REPLICA_PROBE_SECONDS: intBetween(1, 300, 2),
};

type ReadReplicaEnv = z.infer<z.ZodObject<typeof READ_REPLICA_ENV>>;

export interface ReadReplicaConfig {
  /** null: no replica, every read on the primary. */
  url: string | null;
  maxLagSeconds: number;
  maxLagBytes: number;
  readYourWritesMs: number;
  probeIntervalMs: number;
}

export function readReplicaConfigFrom(e: ReadReplicaEnv): ReadReplicaConfig {
  return {
    url: e.DATABASE_REPLICA_URL ?? null,
    maxLagSeconds: e.DATABASE_REPLICA_MAX_LAG_SECONDS,
    maxLagBytes: e.DATABASE_REPLICA_MAX_LAG_BYTES,
    readYourWritesMs: e.DATABASE_REPLICA_READ_YOUR_WRITES_SECONDS * 1000,
    probeIntervalMs: e.DATABASE_REPLICA_PROBE_SECONDS * 1000,
  };
}

export function readReplicaConfigProblems(e: ReadReplicaEnv & { DATABASE_URL?: string }): string[] {
  const problems: string[] = [];
  if (!e.DATABASE_REPLICA_URL) return problems;
  if (!e.DATABASE_URL) {
    problems.push(
      'DATABASE_REPLICA_URL: needs DATABASE_URL (the primary it replicates); the embedded database has no replica',
    );
  } else if (sameDatabase(e.DATABASE_URL, e.DATABASE_REPLICA_URL)) {
    problems.push('DATABASE_REPLICA_URL: names the same server and database as DATABASE_URL');
  }
  if (e.DATABASE_REPLICA_READ_YOUR_WRITES_SECONDS < e.DATABASE_REPLICA_MAX_LAG_SECONDS) {
    problems.push(
      `DATABASE_REPLICA_READ_YOUR_WRITES_SECONDS (${e.DATABASE_REPLICA_READ_YOUR_WRITES_SECONDS}) must be at least DATABASE_REPLICA_MAX_LAG_SECONDS (${e.DATABASE_REPLICA_MAX_LAG_SECONDS}), or a user's write could be forgotten before a standby within the bound has replayed it`,
    );
  }
  return problems;
}

function sameDatabase(a: string, b: string): boolean {
  const key = (value: string) => {
    const u = new URL(value);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  };
  return key(a) === key(b);
}
