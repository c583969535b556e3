import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Maintained rollups for the dashboard (issue 20, point 2).
 *
 * - `analytics_rollup`: per cycle × unit × duty × lead department × due date × not-applicable
 *   flag, the number of non-retired tasks per status and their current evidence files. Overdue
 *   is derived when read (open tasks whose due date is before today), so no row depends on the
 *   calendar.
 * - `analytics_trend_day`: per cycle × unit × day, the change in the number of tasks verified at
 *   the end of that day (Asia/Shanghai), for the tasks counted today (non-retired, not approved
 *   as not applicable). The trend is the running sum of these rows.
 *
 * Both are kept current by statement-level triggers on task, task_event and evidence, in the
 * transaction of every change (service, seed, CLI or hand-written SQL alike): each statement's
 * transition tables become signed deltas, upserted with INSERT … ON CONFLICT DO UPDATE in key
 * order (concurrent writers add to the same row without lost updates). The trigger functions
 * run as the owner (SECURITY DEFINER): the application role may read the rollups but not write
 * them (database/app-role.ts). `npm run analytics:verify` recomputes both from the base tables.
 */

const KEY = 'cycle_id, unit_code, duty_id, lead_department_id, due_date, not_applicable';
const COUNTERS = [
  'tasks',
  'verified',
  'submitted',
  'in_progress',
  'not_started',
  'returned',
  'evidence',
];
const CURRENT_EVIDENCE = 'withdrawn_at IS NULL AND superseded_by_id IS NULL';
const DEFINER = 'SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp';

/** Facts of the task rows `src` (a table or transition table), each counter times `sign`. */
function taskFacts(src: string, sign: string, where = 'TRUE'): string {
  return `SELECT x.cycle_id, x.unit_code, x.duty_id, x.lead_department_id, x.due_date,
       (x.not_applicable_status IS NOT DISTINCT FROM 'APPROVED') AS not_applicable,
       ${sign} AS tasks,
       ${sign} * (x.status = 'VERIFIED')::int AS verified,
       ${sign} * (x.status = 'SUBMITTED')::int AS submitted,
       ${sign} * (x.status = 'IN_PROGRESS')::int AS in_progress,
       ${sign} * (x.status = 'NOT_STARTED')::int AS not_started,
       ${sign} * (x.status = 'RETURNED')::int AS returned,
       ${sign} * ev.n AS evidence
  FROM ${src} x
  CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM evidence e
                       WHERE e.task_id = x.id AND e.${CURRENT_EVIDENCE}) ev
 WHERE x.retired_at IS NULL AND (${where})`;
}

/**
 * A statement run with EXECUTE: planned at every run, with the tables' statistics of that moment.
 * A static statement in PL/pgSQL keeps the plan of its first run for the session; after a bulk
 * load in the same session (a data set, an import) that plan can be a sequential scan per row.
 * `using`: PL/pgSQL values passed as $1, $2 ….
 */
function exec(sql: string, using?: string): string {
  return `EXECUTE $q$${sql}$q$${using ? ` USING ${using}` : ''};`;
}

/** Adds the summed facts of `facts` (a query) to analytics_rollup, then drops emptied rows. */
function applyFacts(facts: string, touched: string, using?: string): string {
  const sums = COUNTERS.map((c) => `sum(f.${c})::int`).join(', ');
  return `
  ${exec(
    `INSERT INTO analytics_rollup AS r (${KEY}, ${COUNTERS.join(', ')})
  SELECT f.cycle_id, f.unit_code, f.duty_id, f.lead_department_id, f.due_date, f.not_applicable, ${sums}
    FROM (${facts}) f
   GROUP BY f.cycle_id, f.unit_code, f.duty_id, f.lead_department_id, f.due_date, f.not_applicable
  HAVING ${COUNTERS.map((c) => `sum(f.${c}) <> 0`).join(' OR ')}
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (${KEY}) DO UPDATE SET
    ${COUNTERS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')}`,
    using,
  )}
  ${exec(
    `DELETE FROM analytics_rollup r USING (${touched}) k
   WHERE r.cycle_id = k.cycle_id AND r.unit_code = k.unit_code AND r.tasks = 0`,
    using,
  )}`;
}

/**
 * Adds verified changes `changes` (cycle_id, unit_code, day, change) to analytics_trend_day,
 * then drops emptied rows of the `touched` (cycle_id, unit_code) pairs.
 */
function applyTrend(changes: string, touched: string, using?: string): string {
  return `
  ${exec(
    `INSERT INTO analytics_trend_day AS r (cycle_id, unit_code, day, verified_change)
  SELECT c.cycle_id, c.unit_code, c.day, sum(c.change)::int
    FROM (${changes}) c
   GROUP BY 1, 2, 3 HAVING sum(c.change) <> 0
   ORDER BY 1, 2, 3
  ON CONFLICT (cycle_id, unit_code, day) DO UPDATE SET verified_change = r.verified_change + EXCLUDED.verified_change`,
    using,
  )}
  ${exec(
    `DELETE FROM analytics_trend_day r USING (${touched}) k
   WHERE r.cycle_id = k.cycle_id AND r.unit_code = k.unit_code AND r.verified_change = 0`,
    using,
  )}`;
}

const COUNTED = `x.retired_at IS NULL AND x.not_applicable_status IS DISTINCT FROM 'APPROVED'`;
/** Trend membership of a task row: its cycle and unit when counted, else NULL. */
const membership = (x: string) =>
  `CASE WHEN ${COUNTED.replace(/x\./g, `${x}.`)} THEN (${x}.cycle_id, ${x}.unit_code) END`;
/** The rollup identity of a task row (what moves it between rollup rows or counters). */
const identity = (x: string) =>
  `(${x}.cycle_id, ${x}.unit_code, ${x}.duty_id, ${x}.lead_department_id, ${x}.due_date, ${x}.status,
    ${x}.retired_at IS NULL, ${x}.not_applicable_status IS NOT DISTINCT FROM 'APPROVED')`;

/** The whole verified history of the tasks in `src` (id, cycle_id, unit_code, sign), signed. */
const taskTrend = (src: string) =>
  applyTrend(
    `SELECT s.cycle_id, s.unit_code, v.day, v.change * s.sign AS change
       FROM ${src} s
       JOIN analytics_verified_changes((SELECT array_agg(DISTINCT a.id) FROM ${src} a), '{}'::bigint[]) v
         ON v.task_id = s.id`,
    `SELECT DISTINCT b.cycle_id, b.unit_code FROM ${src} b`,
  );

export class AddAnalyticsRollups1796980000000 implements MigrationInterface {
  name = 'AddAnalyticsRollups1796980000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "analytics_rollup" ("cycle_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "duty_id" uuid NOT NULL, "lead_department_id" uuid NOT NULL, "due_date" date NOT NULL, "not_applicable" boolean NOT NULL, ${COUNTERS.map((c) => `"${c}" integer NOT NULL`).join(', ')}, CONSTRAINT "PK_analytics_rollup" PRIMARY KEY (${KEY}))`,
    );
    // Current evidence per task (the triggers count it for every task they move; without this
    // index the planner may scan the current-per-lineage index for each task).
    await queryRunner.query(
      `CREATE INDEX "IDX_evidence_task_current" ON "evidence" ("task_id") WHERE ${CURRENT_EVIDENCE}`,
    );
    await queryRunner.query(
      'CREATE TABLE "analytics_trend_day" ("cycle_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "day" date NOT NULL, "verified_change" integer NOT NULL, CONSTRAINT "PK_analytics_trend_day" PRIMARY KEY ("cycle_id", "unit_code", "day"))',
    );

    // One task's verified changes per day, from its status history: +1 on the day of an event
    // entering VERIFIED, −1 on the day of the next status event leaving it (summed per day, an
    // interval opening and closing on the same day counts nothing). `skip`: events left out.
    // Each task's history is read through the (task_id, id) index whatever the statistics say
    // (a bulk load earlier in the transaction leaves them stale): never a scan of the whole
    // history per task; the skipped events are a hashed set (NOT IN), not a search per row.
    await queryRunner.query(`CREATE FUNCTION analytics_verified_changes(task_ids uuid[], skip bigint[])
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
$$`);

    // task: INSERT, UPDATE, DELETE (one trigger each: transition tables need one event).
    await queryRunner.query(`CREATE FUNCTION analytics_task_inserted() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
BEGIN
  ${applyFacts(taskFacts('new_rows', '1'), 'SELECT DISTINCT cycle_id, unit_code FROM new_rows')}
  ${taskTrend(`(SELECT x.id, x.cycle_id, x.unit_code, 1 AS sign FROM new_rows x WHERE ${COUNTED})`)}
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE FUNCTION analytics_task_deleted() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
BEGIN
  ${applyFacts(taskFacts('old_rows', '-1'), 'SELECT DISTINCT cycle_id, unit_code FROM old_rows')}
  ${taskTrend(`(SELECT x.id, x.cycle_id, x.unit_code, -1 AS sign FROM old_rows x WHERE ${COUNTED})`)}
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE FUNCTION analytics_task_updated() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
DECLARE
  changed boolean;
BEGIN
  -- Rows whose counters or key changed (a progress note alone touches nothing). Counted, not
  -- EXISTS: EXISTS plans a nested loop over the transition tables, quadratic when nothing matches.
  EXECUTE $q$SELECT count(*) > 0 FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE ${identity('o')} IS DISTINCT FROM ${identity('n')}$q$ INTO changed;
  IF changed THEN
    ${applyFacts(
      `${taskFacts('new_rows', '1', `x.id IN (SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${identity('o')} IS DISTINCT FROM ${identity('n')})`)}
       UNION ALL
       ${taskFacts('old_rows', '-1', `x.id IN (SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${identity('o')} IS DISTINCT FROM ${identity('n')})`)}`,
      'SELECT cycle_id, unit_code FROM new_rows UNION SELECT cycle_id, unit_code FROM old_rows',
    )}
  END IF;
  -- Tasks entering or leaving the trend, or moving to another unit or cycle.
  EXECUTE $q$SELECT count(*) > 0 FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE ${membership('o')} IS DISTINCT FROM ${membership('n')}$q$ INTO changed;
  IF changed THEN
    ${taskTrend(`(SELECT x.id, x.cycle_id, x.unit_code, 1 AS sign FROM new_rows x JOIN old_rows o ON o.id = x.id
        WHERE ${COUNTED} AND ${membership('o')} IS DISTINCT FROM ${membership('x')}
      UNION ALL
      SELECT x.id, x.cycle_id, x.unit_code, -1 FROM old_rows x JOIN new_rows n ON n.id = x.id
        WHERE ${COUNTED} AND ${membership('x')} IS DISTINCT FROM ${membership('n')})`)}
  END IF;
  RETURN NULL;
END $$`);
    for (const [op, fn, ref] of [
      ['INSERT', 'analytics_task_inserted', 'NEW TABLE AS new_rows'],
      ['UPDATE', 'analytics_task_updated', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
      ['DELETE', 'analytics_task_deleted', 'OLD TABLE AS old_rows'],
    ]) {
      await queryRunner.query(
        `CREATE TRIGGER ${fn} AFTER ${op} ON task REFERENCING ${ref} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
    }

    // task_event: a status event of a counted task changes its trend (computed with and without
    // the new events, so that events written out of order or several per statement stay exact).
    await queryRunner.query(`CREATE FUNCTION analytics_task_event_inserted() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
DECLARE
  ids uuid[];
  added bigint[];
BEGIN
  SELECT array_agg(DISTINCT ne.task_id), array_agg(ne.id) INTO ids, added
    FROM new_rows ne WHERE ne.kind = 'status';
  IF ids IS NULL THEN RETURN NULL; END IF;
  ${applyTrend(
    `SELECT x.cycle_id, x.unit_code, c.day, c.change
       FROM (SELECT task_id, day, change FROM analytics_verified_changes($1, '{}'::bigint[])
             UNION ALL
             SELECT task_id, day, -change FROM analytics_verified_changes($1, $2)) c
       JOIN task x ON x.id = c.task_id
      WHERE ${COUNTED}`,
    `SELECT DISTINCT x.cycle_id, x.unit_code FROM task x WHERE x.id = ANY ($1)`,
    'ids, added',
  )}
  RETURN NULL;
END $$`);
    await queryRunner.query(
      'CREATE TRIGGER analytics_task_event_inserted AFTER INSERT ON task_event REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_task_event_inserted()',
    );

    // evidence: current files per task (uploads, supersessions, withdrawals).
    const evidenceDelta = (parts: string[]) =>
      applyFacts(
        `SELECT x.cycle_id, x.unit_code, x.duty_id, x.lead_department_id, x.due_date,
                (x.not_applicable_status IS NOT DISTINCT FROM 'APPROVED') AS not_applicable,
                0 AS tasks, 0 AS verified, 0 AS submitted, 0 AS in_progress, 0 AS not_started,
                0 AS returned, d.c AS evidence
           FROM (SELECT task_id, sum(c)::int AS c FROM (${parts.join(' UNION ALL ')}) u
                  GROUP BY task_id HAVING sum(c) <> 0) d
           JOIN task x ON x.id = d.task_id
          WHERE x.retired_at IS NULL`,
        'SELECT NULL::uuid AS cycle_id, NULL::varchar AS unit_code WHERE FALSE',
      );
    const added = `SELECT task_id, 1 AS c FROM new_rows WHERE ${CURRENT_EVIDENCE}`;
    const removed = `SELECT task_id, -1 AS c FROM old_rows WHERE ${CURRENT_EVIDENCE}`;
    for (const [op, fn, ref, parts] of [
      ['INSERT', 'analytics_evidence_inserted', 'NEW TABLE AS new_rows', [added]],
      [
        'UPDATE',
        'analytics_evidence_updated',
        'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        [added, removed],
      ],
      ['DELETE', 'analytics_evidence_deleted', 'OLD TABLE AS old_rows', [removed]],
    ] as const) {
      await queryRunner.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
BEGIN
  ${evidenceDelta([...parts])}
  RETURN NULL;
END $$`);
      await queryRunner.query(
        `CREATE TRIGGER ${fn} AFTER ${op} ON evidence REFERENCING ${ref} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
    }

    // Existing data.
    await queryRunner.query(
      `INSERT INTO analytics_rollup (${KEY}, ${COUNTERS.join(', ')})
       SELECT f.cycle_id, f.unit_code, f.duty_id, f.lead_department_id, f.due_date, f.not_applicable,
              ${COUNTERS.map((c) => `sum(f.${c})::int`).join(', ')}
         FROM (${taskFacts('task', '1')}) f
        GROUP BY 1, 2, 3, 4, 5, 6`,
    );
    await queryRunner.query(
      `INSERT INTO analytics_trend_day (cycle_id, unit_code, day, verified_change)
       SELECT x.cycle_id, x.unit_code, v.day, sum(v.c)::int
         FROM (SELECT e.task_id, (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
                      (CASE WHEN e.after->>'status' = 'VERIFIED' THEN 1 ELSE 0 END)
                      - (CASE WHEN lag(e.after->>'status') OVER (PARTITION BY e.task_id ORDER BY e.occurred_at, e.id) = 'VERIFIED'
                              THEN 1 ELSE 0 END) AS c
                 FROM task_event e WHERE e.kind = 'status') v
         JOIN task x ON x.id = v.task_id
        WHERE ${COUNTED}
        GROUP BY 1, 2, 3 HAVING sum(v.c) <> 0`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [fn, table] of [
      ['analytics_evidence_deleted', 'evidence'],
      ['analytics_evidence_updated', 'evidence'],
      ['analytics_evidence_inserted', 'evidence'],
      ['analytics_task_event_inserted', 'task_event'],
      ['analytics_task_deleted', 'task'],
      ['analytics_task_updated', 'task'],
      ['analytics_task_inserted', 'task'],
    ]) {
      await queryRunner.query(`DROP TRIGGER ${fn} ON ${table}`);
      await queryRunner.query(`DROP FUNCTION ${fn}()`);
    }
    await queryRunner.query('DROP FUNCTION analytics_verified_changes(uuid[], bigint[])');
    await queryRunner.query('DROP TABLE "analytics_trend_day"');
    await queryRunner.query('DROP TABLE "analytics_rollup"');
    await queryRunner.query('DROP INDEX "public"."IDX_evidence_task_current"');
  }
}
