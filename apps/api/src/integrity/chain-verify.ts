import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { canonicalSql, ChainDefinition, CHAINS } from './chains';

/** Anything with a pg-style `query`: a pg Client or Pool, a TypeORM DataSource, EntityManager or QueryRunner. */
export interface SqlClient {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export async function rowsOf<T>(db: SqlClient, sql: string, params: unknown[] = []): Promise<T[]> {
  const result = await db.query(sql, params);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * What is wrong at the first broken link of a chain:
 * - content: the row's fields no longer hash to its content_hash (an edit);
 * - link: its prev_hash is not its predecessor's hash (a row removed or moved before it);
 * - sequence: a chain position is missing (a row deleted) or repeated;
 * - unlinked: a committed row has no link (inserted with the chain trigger disabled);
 * - head: the chain ends elsewhere than its recorded head (rows deleted at the end, or added);
 * - no_head: the chain's head record is missing.
 */
export type ChainProblem = 'content' | 'link' | 'sequence' | 'unlinked' | 'head' | 'no_head';

export interface ChainBreak {
  table: string;
  problem: ChainProblem;
  /** chain_seq of the row where the chain breaks (null when not about one row). */
  seq: string | null;
  /** The row's key: its id, or result_set_id/unit_code for assessment results. */
  key: string | null;
  expected: string;
  found: string;
}

export interface ChainResult {
  table: string;
  /** Rows walked (after the anchor left by a retention purge). */
  rows: number;
  ok: boolean;
  /** The first broken link; later links are not judged (they may all follow from it). */
  firstBreak?: ChainBreak;
}

export interface VerificationReport {
  ok: boolean;
  rowsChecked: number;
  chains: ChainResult[];
  startedAt: Date;
  finishedAt: Date;
}

const BATCH = 5000;

interface HeadRow {
  last_seq: string;
  last_key: string | null;
  last_hash: string;
  anchor_seq: string;
  anchor_hash: string;
}

interface LinkRow {
  seq: string;
  key: string;
  prev_hash: string;
  content_hash: string;
  canonical: string;
}

export function linkHash(prevHash: string, canonical: string): string {
  return createHash('sha256')
    .update(prevHash + canonical, 'utf8')
    .digest('hex');
}

/** Walks one chain in the caller's snapshot and returns its first broken link, if any. */
export async function verifyChain(db: SqlClient, chain: ChainDefinition): Promise<ChainResult> {
  const t = `"${chain.table}"`;
  const [head] = await rowsOf<HeadRow>(
    db,
    'SELECT last_seq::text AS last_seq, last_key, last_hash, anchor_seq::text AS anchor_seq, anchor_hash FROM integrity_chain_head WHERE chain = $1',
    [chain.table],
  );
  const result = (rows: number, firstBreak?: ChainBreak): ChainResult => ({
    table: chain.table,
    rows,
    ok: !firstBreak,
    ...(firstBreak ? { firstBreak } : {}),
  });
  if (!head) {
    return result(0, {
      table: chain.table,
      problem: 'no_head',
      seq: null,
      key: null,
      expected: 'a head record in integrity_chain_head',
      found: 'none',
    });
  }
  const [unlinked] = await rowsOf<{ key: string }>(
    db,
    `SELECT ${chain.key} AS key FROM ${t} WHERE chain_seq IS NULL OR content_hash IS NULL OR prev_hash IS NULL LIMIT 1`,
  );
  if (unlinked) {
    return result(0, {
      table: chain.table,
      problem: 'unlinked',
      seq: null,
      key: unlinked.key,
      expected: 'a chain link (chain_seq, prev_hash, content_hash)',
      found: 'none',
    });
  }
  let expectedSeq = BigInt(head.anchor_seq) + 1n;
  let prev = head.anchor_hash;
  let walked = 0;
  for (;;) {
    const batch = await rowsOf<LinkRow>(
      db,
      `SELECT chain_seq::text AS seq, ${chain.key} AS key, prev_hash, content_hash, ${canonicalSql(chain)} AS canonical
         FROM ${t} WHERE chain_seq >= $1 ORDER BY chain_seq, ${chain.key} LIMIT ${BATCH}`,
      [expectedSeq.toString()],
    );
    for (const row of batch) {
      const at = { table: chain.table, seq: row.seq, key: row.key };
      if (BigInt(row.seq) !== expectedSeq) {
        return result(walked, {
          ...at,
          problem: 'sequence',
          expected: `chain_seq ${expectedSeq}`,
          found: `chain_seq ${row.seq}`,
        });
      }
      const computed = linkHash(row.prev_hash, row.canonical);
      if (computed !== row.content_hash) {
        return result(walked, {
          ...at,
          problem: 'content',
          expected: computed,
          found: row.content_hash,
        });
      }
      if (row.prev_hash !== prev) {
        return result(walked, { ...at, problem: 'link', expected: prev, found: row.prev_hash });
      }
      prev = row.content_hash;
      expectedSeq += 1n;
      walked += 1;
    }
    if (batch.length < BATCH) break;
  }
  const lastSeq = expectedSeq - 1n;
  if (lastSeq.toString() !== head.last_seq || prev !== head.last_hash) {
    return result(walked, {
      table: chain.table,
      problem: 'head',
      seq: head.last_seq,
      key: head.last_key,
      expected: `chain_seq ${head.last_seq}, hash ${head.last_hash}`,
      found: `chain_seq ${lastSeq}, hash ${prev}`,
    });
  }
  return result(walked);
}

/** Walks every chain in the caller's snapshot (run it in one REPEATABLE READ transaction). */
export async function verifyChainsIn(db: SqlClient): Promise<VerificationReport> {
  const startedAt = new Date();
  const chains: ChainResult[] = [];
  for (const chain of CHAINS) chains.push(await verifyChain(db, chain));
  return {
    ok: chains.every((c) => c.ok),
    rowsChecked: chains.reduce((n, c) => n + c.rows, 0),
    chains,
    startedAt,
    finishedAt: new Date(),
  };
}

/** Walks every chain in one consistent snapshot of the database. */
export async function verifyChains(dataSource: DataSource): Promise<VerificationReport> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      return await verifyChainsIn(runner);
    } finally {
      await runner.query('ROLLBACK');
    }
  } finally {
    await runner.release();
  }
}

const PROBLEM_TEXT: Record<ChainProblem, string> = {
  content: 'row content does not match its hash (edited)',
  link: 'prev_hash is not the predecessor’s hash (a row before it was removed or moved)',
  sequence: 'chain position missing or repeated (a row deleted or moved)',
  unlinked: 'row without a chain link (written with the chain trigger disabled)',
  head: 'chain does not end at its recorded head (rows deleted at the end, or the head altered)',
  no_head: 'chain head record missing',
};

/** One line naming a broken link: table, row, problem, expected and found. */
export function describeBreak(b: ChainBreak): string {
  const where = b.key !== null ? ` id ${b.key}` : '';
  const seq = b.seq !== null ? ` (chain_seq ${b.seq})` : '';
  return `${b.table}${where}${seq}: ${PROBLEM_TEXT[b.problem]}; expected ${b.expected}, found ${b.found}`;
}
