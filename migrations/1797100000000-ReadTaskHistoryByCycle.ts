import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trend's maintenance reads each task's status history in its cycle's partition (issue 20;
 * the history is partitioned by cycle since PartitionTaskHistoryByCycle).
 *
 * `analytics_verified_changes(task_ids, skip)` (AddAnalyticsRollups) runs inside the rollup
 * triggers on every status change. As a SQL function it read `task_event` by task id alone:
 * PostgreSQL planned it afresh on every call over every partition, and probed each partition's
 * (task_id, id) index for each task — with the national data set's 155 cycles, 155 probes per
 * task and a plan over 155 partitions per status change. Now it is PL/pgSQL: the tasks are
 * grouped by their cycle, and each cycle's history is read with the cycle named, so the plan
 * keeps that cycle's partition only. Same signature, same rows.
 */

const READ_BY_CYCLE = `CREATE OR REPLACE FUNCTION analytics_verified_changes(task_ids uuid[], skip bigint[])
RETURNS TABLE (task_id uuid, day date, change integer) LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $$
#variable_conflict use_column
DECLARE
  of_cycle uuid;
  ids uuid[];
BEGIN
  FOR of_cycle, ids IN
    SELECT t.cycle_id, array_agg(DISTINCT t.id) FROM task t WHERE t.id = ANY (task_ids) GROUP BY t.cycle_id
  LOOP
    RETURN QUERY
    SELECT s.task_id, s.day, sum(s.c)::int FROM (
      SELECT e.task_id, (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
             (CASE WHEN e.after->>'status' = 'VERIFIED' THEN 1 ELSE 0 END)
             - (CASE WHEN lag(e.after->>'status') OVER (PARTITION BY e.task_id ORDER BY e.occurred_at, e.id) = 'VERIFIED'
                     THEN 1 ELSE 0 END) AS c
        FROM unnest(ids) k(id)
        CROSS JOIN LATERAL (SELECT * FROM task_event h
                             WHERE h.cycle_id = of_cycle AND h.task_id = k.id AND h.kind = 'status') e
       WHERE e.id NOT IN (SELECT unnest(skip))) s
     GROUP BY s.task_id, s.day HAVING sum(s.c) <> 0;
  END LOOP;
END $$`;

/** As AddAnalyticsRollups defined it. */
const READ_BY_TASK = `CREATE OR REPLACE FUNCTION analytics_verified_changes(task_ids uuid[], skip bigint[])
RETURNS TABLE (task_id uuid, day date, change integer) LANGUAGE sql STABLE SET enable_seqscan = off AS $$
  SELECT s.task_id, s.day, sum(s.c)::int FROM (
    SELECT e.task_id, (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
           (CASE WHEN e.after->>'status' = 'VERIFIED' THEN 1 ELSE 0 END)
           - (CASE WHEN lag(e.after->>'status') OVER (PARTITION BY e.task_id ORDER BY e.occurred_at, e.id) = 'VERIFIED'
                   THEN 1 ELSE 0 END) AS c
      FROM (SELECT DISTINCT u.id FROM unnest(task_ids) u(id)) k
      CROSS JOIN LATERAL (SELECT * FROM task_event h WHERE h.task_id = k.id AND h.kind = 'status') e
     WHERE e.id NOT IN (SELECT unnest(skip))) s
   GROUP BY s.task_id, s.day HAVING sum(s.c) <> 0
$$`;

export class ReadTaskHistoryByCycle1797100000000 implements MigrationInterface {
  name = 'ReadTaskHistoryByCycle1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(READ_BY_CYCLE);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(READ_BY_TASK);
  }
}
