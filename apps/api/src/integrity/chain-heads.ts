import { DataSource } from 'typeorm';
import { rowsOf, SqlClient } from './chain-verify';
import { CHAINS } from './chains';

/** Where one chain ends: what a backup records, so that a later rewrite of history shows. */
export interface ChainHead {
  table: string;
  /** chain_seq of the last row (0 when empty). */
  lastSeq: string;
  /** Key of the last row: its id, or result_set_id/unit_code for assessment results. */
  lastKey: string | null;
  /** content_hash of the last row (64 zeros when empty). */
  lastHash: string;
  /** Rows in the chain now (after the anchor a retention purge leaves). */
  count: string;
  /** Where the chain starts after a retention purge (0 and 64 zeros when never purged). */
  anchorSeq: string;
  anchorHash: string;
}

/**
 * The heads of every chain, read in the caller's snapshot: call it inside the backup's
 * REPEATABLE READ transaction (pg Client, TypeORM QueryRunner or EntityManager) so that the
 * heads describe exactly the rows the backup holds. Compare a later database (or a restored one)
 * with `compareChainHeads`.
 */
export async function exportChainHeads(db: SqlClient): Promise<ChainHead[]> {
  const heads: ChainHead[] = [];
  for (const chain of CHAINS) {
    const [row] = await rowsOf<{
      last_seq: string;
      last_key: string | null;
      last_hash: string;
      anchor_seq: string;
      anchor_hash: string;
      count: string;
    }>(
      db,
      `SELECT h.last_seq::text AS last_seq, h.last_key, h.last_hash, h.anchor_seq::text AS anchor_seq,
              h.anchor_hash, (SELECT count(*) FROM "${chain.table}")::text AS count
         FROM integrity_chain_head h WHERE h.chain = $1`,
      [chain.table],
    );
    if (!row) throw new Error(`integrity chain ${chain.table} has no head record`);
    heads.push({
      table: chain.table,
      lastSeq: row.last_seq,
      lastKey: row.last_key,
      lastHash: row.last_hash,
      count: row.count,
      anchorSeq: row.anchor_seq,
      anchorHash: row.anchor_hash,
    });
  }
  return heads;
}

/** The chain heads in one consistent snapshot. */
export async function readChainHeads(dataSource: DataSource): Promise<ChainHead[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      return await exportChainHeads(runner);
    } finally {
      await runner.query('ROLLBACK');
    }
  } finally {
    await runner.release();
  }
}

/**
 * Checks that a database still contains the history recorded in `exported` (e.g. by a backup):
 * each chain's row at the exported head position must still carry the exported hash. Since
 * every hash covers all earlier rows, this plus a clean `verifyChains` proves nothing up to the
 * export was rewritten. Returns one message per chain that differs; empty when all match.
 */
export async function compareChainHeads(db: SqlClient, exported: ChainHead[]): Promise<string[]> {
  const problems: string[] = [];
  for (const head of exported) {
    const chain = CHAINS.find((c) => c.table === head.table);
    if (!chain) {
      problems.push(`${head.table}: not a known chain`);
      continue;
    }
    if (head.lastSeq === '0' || head.lastSeq === head.anchorSeq) continue;
    const [row] = await rowsOf<{ content_hash: string; key: string }>(
      db,
      `SELECT content_hash, ${chain.key} AS key FROM "${chain.table}" WHERE chain_seq = $1`,
      [head.lastSeq],
    );
    const [now] = await rowsOf<{ anchor_seq: string }>(
      db,
      'SELECT anchor_seq::text AS anchor_seq FROM integrity_chain_head WHERE chain = $1',
      [head.table],
    );
    // Purged since the export by the retention rule: the anchor has moved past the head.
    if (!row && now && BigInt(now.anchor_seq) >= BigInt(head.lastSeq)) continue;
    if (!row) {
      problems.push(
        `${head.table}: the row at chain_seq ${head.lastSeq} (id ${head.lastKey}) is missing`,
      );
    } else if (row.content_hash !== head.lastHash) {
      problems.push(
        `${head.table}: chain_seq ${head.lastSeq} (id ${row.key}) expected hash ${head.lastHash}, found ${row.content_hash}`,
      );
    }
  }
  return problems;
}
