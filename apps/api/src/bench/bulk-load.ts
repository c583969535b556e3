import { EntityManager } from 'typeorm';

/**
 * PostgreSQL's bulk-load recipe ("Populating a Database" in its manual) for the benchmark's
 * build: the loaded tables' foreign keys and secondary indexes are dropped before the load and
 * re-created after it. Re-creating costs one sorted index build per index and one join per
 * foreign key, where a load with them in place pays an index insertion for each index and a
 * key lookup for each foreign key on every row: most of a national build's time, whose history
 * alone is some 26 million rows.
 *
 * The same definitions come back (`pg_get_indexdef`, `pg_get_constraintdef`, names included),
 * and `resumeAfterBulkLoad` fails unless the tables' indexes and constraints afterwards are
 * exactly those before, valid as before (a partitioned table's index is valid only when every
 * partition has its own): the schema stays the migrated one. Primary keys and the constraints
 * that own an index (unique, exclusion) stay in place throughout. Only for a database that
 * nothing else uses meanwhile (a benchmark's scratch or kept database): within one transaction,
 * the drops take each table's exclusive lock.
 */
export interface SuspendedSchema {
  tables: readonly string[];
  /** The dropped definitions, in the order they are re-created (indexes, then foreign keys). */
  definitions: string[];
  /** The tables' indexes and constraints before, to compare with afterwards. */
  before: string[];
}

/** Index and constraint definitions of `tables`, sorted (what must be the same after). */
async function schemaOf(manager: EntityManager, tables: readonly string[]): Promise<string[]> {
  const rows: Array<{ def: string }> = await manager.query(
    `SELECT c.relname || ': ' || pg_get_indexdef(i.indexrelid)
            || CASE WHEN i.indisvalid THEN '' ELSE ' (INVALID)' END AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
      WHERE c.relname = ANY ($1) AND c.relnamespace = 'public'::regnamespace
     UNION ALL
     SELECT c.relname || ': ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
      WHERE c.relname = ANY ($1) AND c.relnamespace = 'public'::regnamespace
      ORDER BY 1`,
    [tables],
  );
  return rows.map((r) => r.def);
}

/** Drops the foreign keys and secondary indexes of `tables` (public schema); see above. */
export async function suspendForBulkLoad(
  manager: EntityManager,
  tables: readonly string[],
): Promise<SuspendedSchema> {
  const before = await schemaOf(manager, tables);
  const indexes: Array<{ name: string; def: string }> = await manager.query(
    `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class c ON c.oid = i.indrelid
      WHERE c.relname = ANY ($1) AND c.relnamespace = 'public'::regnamespace
        AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid)
      ORDER BY c.relname, ic.relname`,
    [tables],
  );
  const foreignKeys: Array<{ tbl: string; name: string; def: string }> = await manager.query(
    `SELECT c.relname AS tbl, k.conname AS name, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
      WHERE c.relname = ANY ($1) AND c.relnamespace = 'public'::regnamespace AND k.contype = 'f'
      ORDER BY c.relname, k.conname`,
    [tables],
  );
  for (const k of foreignKeys) {
    await manager.query(`ALTER TABLE "${k.tbl}" DROP CONSTRAINT "${k.name}"`);
  }
  for (const i of indexes) await manager.query(`DROP INDEX "${i.name}"`);
  return {
    tables,
    definitions: [
      // A partitioned table's index reads `ON ONLY` (the parent alone, left invalid until
      // each partition's index is attached); re-created, it must cover the partitions.
      ...indexes.map((i) => i.def.replace(/ ON ONLY /, ' ON ')),
      ...foreignKeys.map((k) => `ALTER TABLE "${k.tbl}" ADD CONSTRAINT "${k.name}" ${k.def}`),
    ],
    before,
  };
}

/**
 * Re-creates what `suspendForBulkLoad` dropped (each foreign key validated over the loaded
 * rows), then checks the tables' indexes and constraints are those before.
 */
export async function resumeAfterBulkLoad(
  manager: EntityManager,
  suspended: SuspendedSchema,
): Promise<void> {
  // Index builds sort in memory where they can (this transaction only).
  await manager.query(`SET LOCAL maintenance_work_mem = '1GB'`);
  for (const statement of suspended.definitions) await manager.query(statement);
  const after = await schemaOf(manager, suspended.tables);
  const missing = suspended.before.filter((d) => !after.includes(d));
  const extra = after.filter((d) => !suspended.before.includes(d));
  if (missing.length || extra.length) {
    throw new Error(
      `The bulk load did not restore the schema: missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}`,
    );
  }
}
