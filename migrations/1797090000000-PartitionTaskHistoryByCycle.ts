import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 20, point 3: task history (task_event, the largest table: some 26 million rows at
 * national scale) is partitioned by cycle (LIST on cycle_id), one partition per cycle, so that a
 * statement about one cycle's history reads that cycle's partition and its indexes only, and a
 * closed year's rows cost the current one nothing (not in its index depth, not in its vacuum).
 *
 * - The primary key becomes (id, cycle_id): a partitioned table's unique keys include the
 *   partition key. `id` stays an identity column of the parent, so ids stay unique and ordered.
 * - A cycle's partition is created when the cycle is (AFTER INSERT trigger on assessment_cycle,
 *   ENABLE ALWAYS so that a restore, which loads with session_replication_role = replica, gets
 *   them too), by a SECURITY DEFINER function: the application role cannot run DDL. It creates
 *   an empty table and ATTACHes it, which takes only a SHARE UPDATE EXCLUSIVE lock on the parent:
 *   other units' history keeps being written and read while a cycle is being set up. There is no
 *   default partition: history of a cycle that does not exist is refused (and the new foreign key
 *   to assessment_cycle says so, and orders a restore's loading after the cycles).
 * - Rows are reached through task_event, whose privileges apply to its partitions' rows (the
 *   application role: SELECT and INSERT); a partition itself grants nothing to anyone but the
 *   owner (app-role.ts keeps it so), since a direct INSERT into a partition would bypass
 *   task_event's statement triggers (the rollups). The append-only and chain triggers are row
 *   triggers of the parent, which every partition carries.
 * - The chain link (AddIntegrityHashChains) finds its row by (cycle_id, id), one partition.
 *
 * The rows are copied as they are (ids, chain columns and all), so the hash chain is unchanged.
 * Triggers and secondary indexes are taken from the catalog and re-created on the new table
 * as they were, whatever earlier migrations defined.
 */

const PARTITION_FUNCTION = `CREATE FUNCTION task_event_partition_for_cycle(cycle uuid) RETURNS regclass
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  part text := 'task_event_' || replace(cycle::text, '-', '');
  found regclass;
  acl record;
BEGIN
  SELECT c.oid::regclass INTO found
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
   WHERE i.inhparent = 'public.task_event'::regclass AND c.relname = part;
  IF found IS NOT NULL THEN
    RETURN found;
  END IF;
  -- An empty table attached (SHARE UPDATE EXCLUSIVE on the parent) rather than CREATE TABLE …
  -- PARTITION OF (ACCESS EXCLUSIVE, held until the cycle's transaction commits).
  EXECUTE format('CREATE TABLE public.%I (LIKE public.task_event)', part);
  EXECUTE format('ALTER TABLE public.task_event ATTACH PARTITION public.%I FOR VALUES IN (%L)', part, cycle);
  found := format('public.%I', part)::regclass;
  -- Rows are reached through task_event, whose privileges apply to them; the partition itself
  -- grants nothing (default privileges gave it the application role's table rights, and a
  -- direct INSERT would bypass task_event's statement triggers, which keep the rollups).
  FOR acl IN
    SELECT DISTINCT a.grantee FROM pg_class c, aclexplode(c.relacl) a
     WHERE c.oid = found AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('REVOKE ALL ON %s FROM %s', found,
      CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE acl.grantee::regrole::text END);
  END LOOP;
  RETURN found;
END $$`;

/** The chain link of AddIntegrityHashChains, finding its row in one partition. */
function chainLinkFunction(match: string): string {
  return `CREATE OR REPLACE FUNCTION task_event_chain_link() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  r task_event := NEW;
  link record;
BEGIN
  SELECT * INTO link FROM integrity_chain_advance('task_event', r.id::text, integrity_canonical(r));
  UPDATE task_event SET chain_seq = link.seq, prev_hash = link.prev, content_hash = link.hash
   WHERE ${match};
  RETURN NULL;
END $$`;
}

interface Captured {
  triggers: string[];
  indexes: string[];
  canonical: string;
}

/** task_event's triggers, secondary indexes and canonical-form function, as definitions. */
async function capture(queryRunner: QueryRunner): Promise<Captured> {
  // A trigger enabled otherwise than by default (ALWAYS, REPLICA, disabled) keeps that state.
  const triggers: Array<{ def: string; enabled: string | null }> = await queryRunner.query(
    `SELECT pg_get_triggerdef(t.oid) AS def,
            CASE t.tgenabled WHEN 'A' THEN 'ENABLE ALWAYS' WHEN 'R' THEN 'ENABLE REPLICA'
                             WHEN 'D' THEN 'DISABLE' END || ' TRIGGER ' || quote_ident(t.tgname) AS enabled
       FROM pg_trigger t
      WHERE t.tgrelid = 'public.task_event'::regclass AND NOT t.tgisinternal AND t.tgparentid = 0
      ORDER BY t.tgname`,
  );
  const indexes: Array<{ def: string }> = await queryRunner.query(
    `SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
      WHERE i.indrelid = 'public.task_event'::regclass AND NOT i.indisprimary
      ORDER BY i.indexrelid::regclass::text`,
  );
  const [canonical]: Array<{ def: string }> = await queryRunner.query(
    `SELECT pg_get_functiondef('integrity_canonical(task_event)'::regprocedure) AS def`,
  );
  return {
    triggers: triggers.flatMap((t) =>
      t.enabled ? [t.def, `ALTER TABLE task_event ${t.enabled}`] : [t.def],
    ),
    // A partitioned table's index definition reads `ON ONLY` (the parent alone).
    indexes: indexes.map((i) => i.def.replace(/ ON ONLY /, ' ON ')),
    canonical: canonical.def,
  };
}

/**
 * Replaces task_event by a new table (`create`: the statement creating it, from
 * task_event_previous) holding the same rows, sequence state, indexes and triggers.
 */
async function rebuild(
  queryRunner: QueryRunner,
  create: string,
  beforeCopy: string[],
  primaryKey: string,
): Promise<void> {
  const captured = await capture(queryRunner);
  const [{ sequence }]: Array<{ sequence: string }> = await queryRunner.query(
    `SELECT pg_get_serial_sequence('task_event', 'id') AS sequence`,
  );
  const [state]: Array<{ last_value: string; is_called: boolean }> = await queryRunner.query(
    `SELECT last_value::text AS last_value, is_called FROM ${sequence}`,
  );
  await queryRunner.query(`ALTER TABLE task_event RENAME TO task_event_previous`);
  // The new table's identity sequence takes the name back.
  await queryRunner.query(`ALTER SEQUENCE ${sequence} RENAME TO task_event_previous_id_seq`);
  await queryRunner.query(
    `ALTER TABLE task_event_previous RENAME CONSTRAINT "${primaryKey}" TO "PK_task_event_previous"`,
  );
  // Bound to the old row type; re-created for the new table below.
  await queryRunner.query(`DROP FUNCTION integrity_canonical(task_event_previous)`);
  await queryRunner.query(create);
  await queryRunner.query(captured.canonical);
  for (const statement of beforeCopy) await queryRunner.query(statement);
  const columns: Array<{ name: string }> = await queryRunner.query(
    `SELECT quote_ident(attname) AS name FROM pg_attribute
      WHERE attrelid = 'public.task_event_previous'::regclass AND attnum > 0 AND NOT attisdropped
      ORDER BY attnum`,
  );
  const list = columns.map((c) => c.name).join(', ');
  // No trigger on the new table yet: rows keep their ids and chain links as they are.
  await queryRunner.query(
    `INSERT INTO task_event (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM task_event_previous`,
  );
  await queryRunner.query(`SELECT setval(pg_get_serial_sequence('task_event', 'id'), $1, $2)`, [
    state.last_value,
    state.is_called,
  ]);
  await queryRunner.query(`DROP TABLE task_event_previous`);
  for (const statement of captured.indexes) await queryRunner.query(statement);
  for (const statement of captured.triggers) await queryRunner.query(statement);
  await queryRunner.query(`ANALYZE task_event`);
}

export class PartitionTaskHistoryByCycle1797090000000 implements MigrationInterface {
  name = 'PartitionTaskHistoryByCycle1797090000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await rebuild(
      queryRunner,
      `CREATE TABLE task_event (LIKE task_event_previous INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING STORAGE,
         CONSTRAINT "PK_task_event" PRIMARY KEY ("id", "cycle_id")) PARTITION BY LIST ("cycle_id")`,
      [
        PARTITION_FUNCTION,
        'REVOKE ALL ON FUNCTION task_event_partition_for_cycle(uuid) FROM PUBLIC',
        // Every cycle's partition, before its rows are copied.
        'SELECT task_event_partition_for_cycle(id) FROM assessment_cycle ORDER BY created_at, id',
      ],
      'PK_5512953f207de074aea7e6b1515',
    );
    await queryRunner.query(
      `ALTER TABLE "task_event" ADD CONSTRAINT "FK_task_event_cycle" FOREIGN KEY ("cycle_id") REFERENCES "assessment_cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(chainLinkFunction('cycle_id = r.cycle_id AND id = r.id'));
    await queryRunner.query(`CREATE FUNCTION assessment_cycle_history_partition() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  PERFORM task_event_partition_for_cycle(NEW.id);
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER assessment_cycle_history_partition AFTER INSERT ON assessment_cycle FOR EACH ROW EXECUTE FUNCTION assessment_cycle_history_partition()`,
    );
    // Also while a restore loads rows with session_replication_role = replica.
    await queryRunner.query(
      `ALTER TABLE assessment_cycle ENABLE ALWAYS TRIGGER assessment_cycle_history_partition`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER assessment_cycle_history_partition ON assessment_cycle');
    await queryRunner.query('DROP FUNCTION assessment_cycle_history_partition()');
    await queryRunner.query(`ALTER TABLE "task_event" DROP CONSTRAINT "FK_task_event_cycle"`);
    await rebuild(
      queryRunner,
      `CREATE TABLE task_event (LIKE task_event_previous INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING STORAGE,
         CONSTRAINT "PK_5512953f207de074aea7e6b1515" PRIMARY KEY ("id"))`,
      [],
      'PK_task_event',
    );
    await queryRunner.query('DROP FUNCTION task_event_partition_for_cycle(uuid)');
    await queryRunner.query(chainLinkFunction('id = r.id'));
  }
}
