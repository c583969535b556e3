import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A coarser maintained rollup for the dashboard statements that need no duty or department
 * dimension (summary, unit rows and ranking, behind schedule, the trend's task count), issue 20:
 * `analytics_unit_rollup`, per cycle × unit × due date × not-applicable, the same counters as
 * `analytics_rollup` (tasks per status and current evidence files) — about one row per cycle ×
 * unit instead of about one per task.
 *
 * It is kept from `analytics_rollup` itself, in the same transaction: statement-level triggers
 * on analytics_rollup (one per event: transition tables need a single-event trigger) turn each
 * statement's transition tables into grouped deltas (new − old) and upsert them with
 * INSERT … ON CONFLICT DO UPDATE in key order. analytics_rollup is written by its own triggers
 * (on task, task_event and evidence) with INSERT … ON CONFLICT DO UPDATE (which fires both the
 * INSERT and the UPDATE statement triggers, each with its own rows) and DELETE of emptied rows;
 * rows whose task count reaches 0 are deleted here too, as analytics_rollup does. A TRUNCATE
 * of analytics_rollup empties this table. `npm run analytics:verify` recomputes it from the
 * base tables.
 *
 * Also statistics on the province prefix of unit codes (left(code, 2), what the jurisdiction
 * conditions of a province filter on, access/jurisdiction.ts): without them the planner
 * estimates a province's units at one row and plans nested loops that re-run an aggregate per
 * unit (quadratic in the units of a national view).
 */

/** Tables and unit code columns whose province prefix gets expression statistics. */
const PROVINCE_PREFIX_STATISTICS: Array<[string, string, string]> = [
  ['STX_admin_unit_province', 'admin_unit', 'code'],
  ['STX_task_province', 'task', 'unit_code'],
  ['STX_analytics_rollup_province', 'analytics_rollup', 'unit_code'],
  ['STX_analytics_unit_rollup_province', 'analytics_unit_rollup', 'unit_code'],
  ['STX_analytics_trend_day_province', 'analytics_trend_day', 'unit_code'],
];

const KEY = ['cycle_id', 'unit_code', 'due_date', 'not_applicable'];
const COUNTERS = [
  'tasks',
  'verified',
  'submitted',
  'in_progress',
  'not_started',
  'returned',
  'evidence',
];
const DEFINER = 'SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp';

/** The rows of a transition table as signed deltas. */
const signed = (src: string, sign: '' | '-') =>
  `SELECT ${KEY.join(', ')}, ${COUNTERS.map((c) => `${sign}${c} AS ${c}`).join(', ')} FROM ${src}`;

/**
 * Adds the grouped deltas `deltas` to analytics_unit_rollup, then deletes the touched rows left
 * without tasks. Run with EXECUTE (planned with the transition tables' sizes of each statement:
 * a bulk rebuild and a single task's change want different plans).
 */
function apply(deltas: string): string {
  const keyList = KEY.join(', ');
  return `EXECUTE $q$INSERT INTO analytics_unit_rollup AS r (${keyList}, ${COUNTERS.join(', ')})
  SELECT ${KEY.map((k) => `d.${k}`).join(', ')}, ${COUNTERS.map((c) => `sum(d.${c})::int`).join(', ')}
    FROM (${deltas}) d
   GROUP BY ${KEY.map((k) => `d.${k}`).join(', ')}
  HAVING ${COUNTERS.map((c) => `sum(d.${c}) <> 0`).join(' OR ')}
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (${keyList}) DO UPDATE SET
    ${COUNTERS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')}$q$;
  EXECUTE $q$DELETE FROM analytics_unit_rollup r
   USING (SELECT DISTINCT ${keyList} FROM (${deltas}) d) k
   WHERE ${KEY.map((k) => `r.${k} = k.${k}`).join(' AND ')} AND r.tasks = 0$q$;`;
}

const FUNCTIONS = [
  [
    'INSERT',
    'analytics_unit_rollup_inserted',
    'NEW TABLE AS new_rows',
    'new_rows',
    signed('new_rows', ''),
  ],
  [
    'UPDATE',
    'analytics_unit_rollup_updated',
    'OLD TABLE AS old_rows NEW TABLE AS new_rows',
    'new_rows',
    `${signed('new_rows', '')} UNION ALL ${signed('old_rows', '-')}`,
  ],
  [
    'DELETE',
    'analytics_unit_rollup_deleted',
    'OLD TABLE AS old_rows',
    'old_rows',
    signed('old_rows', '-'),
  ],
] as const;

export class AddAnalyticsUnitRollup1797060000000 implements MigrationInterface {
  name = 'AddAnalyticsUnitRollup1797060000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "analytics_unit_rollup" ("cycle_id" uuid NOT NULL, "unit_code" character varying(12) NOT NULL, "due_date" date NOT NULL, "not_applicable" boolean NOT NULL, ${COUNTERS.map((c) => `"${c}" integer NOT NULL`).join(', ')}, CONSTRAINT "PK_analytics_unit_rollup" PRIMARY KEY (${KEY.join(', ')}))`,
    );
    for (const [op, fn, ref, probe, deltas] of FUNCTIONS) {
      // An ON CONFLICT DO UPDATE fires both the INSERT and the UPDATE statement triggers, one of
      // them usually with no rows: nothing to plan then.
      await queryRunner.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
BEGIN
  PERFORM 1 FROM ${probe} LIMIT 1;
  IF NOT FOUND THEN RETURN NULL; END IF;
  ${apply(deltas)}
  RETURN NULL;
END $$`);
      await queryRunner.query(
        `CREATE TRIGGER ${fn} AFTER ${op} ON analytics_rollup REFERENCING ${ref} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
    }
    await queryRunner.query(`CREATE FUNCTION analytics_unit_rollup_truncated() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
BEGIN
  TRUNCATE analytics_unit_rollup;
  RETURN NULL;
END $$`);
    await queryRunner.query(
      'CREATE TRIGGER analytics_unit_rollup_truncated AFTER TRUNCATE ON analytics_rollup FOR EACH STATEMENT EXECUTE FUNCTION analytics_unit_rollup_truncated()',
    );

    // Existing data.
    await queryRunner.query(
      `INSERT INTO analytics_unit_rollup (${KEY.join(', ')}, ${COUNTERS.join(', ')})
       SELECT ${KEY.join(', ')}, ${COUNTERS.map((c) => `sum(${c})::int`).join(', ')}
         FROM analytics_rollup GROUP BY ${KEY.join(', ')} HAVING sum(tasks) <> 0`,
    );
    for (const [name, table, column] of PROVINCE_PREFIX_STATISTICS) {
      await queryRunner.query(
        `CREATE STATISTICS "${name}" ON (left(${column}::text, 2)) FROM "${table}"`,
      );
    }
    await queryRunner.query(
      `ANALYZE ${PROVINCE_PREFIX_STATISTICS.map(([, table]) => `"${table}"`).join(', ')}`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of [...PROVINCE_PREFIX_STATISTICS].reverse()) {
      await queryRunner.query(`DROP STATISTICS "${name}"`);
    }
    for (const fn of [
      'analytics_unit_rollup_truncated',
      ...FUNCTIONS.map(([, name]) => name).reverse(),
    ]) {
      await queryRunner.query(`DROP TRIGGER ${fn} ON analytics_rollup`);
      await queryRunner.query(`DROP FUNCTION ${fn}()`);
    }
    await queryRunner.query('DROP TABLE "analytics_unit_rollup"');
  }
}
