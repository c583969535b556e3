import { EntityManager } from 'typeorm';
import { canonicalSql, CHAINS } from '../integrity/chains';

/**
 * Set-based hash-chain links for the benchmark's bulk loads (task_event and evidence are
 * hash-chained: migration AddIntegrityHashChains). In normal use every inserted row is linked
 * at commit by a deferred row trigger (`<table>_chain_link`: one function call and one UPDATE
 * per row), which is what made a national build take most of an hour. Here the rows are linked
 * in the INSERT … SELECT itself, or by one UPDATE afterwards, with the same links the triggers
 * would give: chain_seq continues the chain head, content_hash = sha256(prev_hash ‖ canonical
 * form) with the table's own `integrity_canonical`, and the head is advanced — so
 * `integrity:verify` checks a bench database like any other.
 *
 * Within a transaction: `suspendChainTriggers`, the loads (`chainedInsert` or plain inserts),
 * `linkUnchained` for rows inserted by other code meanwhile, then `resumeChainTriggers`.
 */

export type ChainedTable = 'task_event' | 'evidence';

/** The chain order of rows linked together (the triggers' backfill order). */
const CHAIN_ORDER: Record<ChainedTable, string> = {
  task_event: 'id',
  evidence: 'uploaded_at, id',
};

/**
 * A running sha256 chain as a window aggregate (evaluated incrementally over `ROWS UNBOUNDED
 * PRECEDING`): state = sha256(state ‖ canonical), starting from the head's hash. Temporary:
 * gone with the session. PL/pgSQL: as a transition function it runs a third faster than the
 * same expression in a SQL function, which is not inlined there.
 */
async function createChainAggregate(manager: EntityManager): Promise<void> {
  await manager.query(
    `CREATE OR REPLACE FUNCTION pg_temp.bench_chain_step(state text, canonical text, head text) RETURNS text
     LANGUAGE plpgsql IMMUTABLE AS $$
       BEGIN RETURN encode(sha256(convert_to(coalesce(state, head) || canonical, 'UTF8')), 'hex'); END $$`,
  );
  await manager.query(`DROP AGGREGATE IF EXISTS pg_temp.bench_chain(text, text)`);
  await manager.query(
    `CREATE AGGREGATE pg_temp.bench_chain(text, text) (SFUNC = pg_temp.bench_chain_step, STYPE = text)`,
  );
}

const triggers = (t: ChainedTable) => `${t}_chain_unset, ${t}_chain_link`;

/** Turns the per-row link triggers of both tables off (this transaction's loads link themselves). */
export async function suspendChainTriggers(manager: EntityManager): Promise<void> {
  await createChainAggregate(manager);
  for (const t of Object.keys(CHAIN_ORDER) as ChainedTable[]) {
    const [unset, link] = triggers(t).split(', ');
    await manager.query(`ALTER TABLE ${t} DISABLE TRIGGER ${unset}, DISABLE TRIGGER ${link}`);
  }
}

/**
 * Turns them back on. Deferred checks (evidence's supersession key) run first: ALTER TABLE
 * refuses a table with pending trigger events.
 */
export async function resumeChainTriggers(manager: EntityManager): Promise<void> {
  await manager.query(`SET CONSTRAINTS ALL IMMEDIATE`);
  for (const t of Object.keys(CHAIN_ORDER) as ChainedTable[]) {
    const [unset, link] = triggers(t).split(', ');
    await manager.query(`ALTER TABLE ${t} ENABLE TRIGGER ${unset}, ENABLE TRIGGER ${link}`);
  }
}

/**
 * The rows `linked` (columns `id`, `canonical`, and whatever `order` names) numbered and hashed
 * after the chain head: adds `chain_seq`, `content_hash`, `prev_hash`.
 */
function linkCtes(table: ChainedTable, source: string, order: string): string {
  // The row's hash is the running aggregate over the rows up to it; its predecessor's hash the
  // previous row's (the head's for the first). The outer window has the inner one's order, so
  // the rows are sorted once.
  const outerOrder = order
    .split(',')
    .map((c) => `h.${c.trim()}`)
    .join(', ');
  return `head AS (SELECT last_seq, last_hash::text AS last_hash FROM integrity_chain_head WHERE chain = '${table}'),
  linked AS (
    SELECT h.*, coalesce(lag(h.content_hash) OVER (ORDER BY ${outerOrder}), head.last_hash) AS prev_hash
      FROM (SELECT s.*, head.last_seq + row_number() OVER w AS chain_seq,
                   pg_temp.bench_chain(s.canonical, head.last_hash) OVER w AS content_hash
              FROM (${source}) s CROSS JOIN head
            WINDOW w AS (ORDER BY ${order} ROWS UNBOUNDED PRECEDING)) h
      CROSS JOIN head
  )`;
}

/** Moves the head to the last row of `rows` (a CTE with chain_seq, content_hash, id). */
function advanceHead(table: ChainedTable, rows: string): string {
  return `UPDATE integrity_chain_head h
     SET last_seq = x.chain_seq, last_hash = x.content_hash, last_key = x.id::text, updated_at = now()
    FROM (SELECT chain_seq, content_hash, id FROM ${rows} ORDER BY chain_seq DESC LIMIT 1) x
   WHERE h.chain = '${table}'`;
}

/**
 * INSERT INTO `table` (`columns`) the rows of `source` (a SELECT whose output columns are named
 * as the table's, `id` and every field of the canonical form included — NULL ones too), linked in `order` (default the chain's order), in one
 * statement that also advances the chain head. The chain triggers must be suspended.
 */
export function chainedInsert(
  table: ChainedTable,
  columns: readonly string[],
  source: string,
  order = CHAIN_ORDER[table],
): string {
  const list = columns.join(', ');
  const chain = CHAINS.find((c) => c.table === table);
  if (!chain) throw new Error(`${table} is not a hash-chained table`);
  // The canonical form over the source's columns (named as the table's): the verifier's own
  // rendering, which a test keeps equal to the database's integrity_canonical.
  const withCanonical = `SELECT src.*, ${canonicalSql(chain)} AS canonical FROM (${source}) src`;
  return `WITH ${linkCtes(table, withCanonical, order)},
  inserted AS (
    INSERT INTO ${table} (${list}, chain_seq, prev_hash, content_hash) OVERRIDING SYSTEM VALUE
    SELECT ${list}, chain_seq, prev_hash, content_hash FROM linked
    RETURNING id, chain_seq, content_hash
  )
  ${advanceHead(table, 'inserted')}`;
}

/** Links every row of `table` that has no link yet (inserted with the triggers suspended). */
export async function linkUnchained(manager: EntityManager, table: ChainedTable): Promise<void> {
  const order = CHAIN_ORDER[table];
  const columns = [...new Set(['id', ...order.split(',').map((c) => c.trim())])];
  const source = `SELECT ${columns.map((c) => `t.${c}`).join(', ')}, integrity_canonical(t) AS canonical
      FROM ${table} t WHERE t.chain_seq IS NULL`;
  await manager.query(
    `WITH ${linkCtes(table, source, order)},
     updated AS (
       UPDATE ${table} t SET chain_seq = l.chain_seq, prev_hash = l.prev_hash, content_hash = l.content_hash
         FROM linked l WHERE t.id = l.id
       RETURNING t.id, l.chain_seq, l.content_hash
     )
     ${advanceHead(table, 'updated')}`,
  );
}
