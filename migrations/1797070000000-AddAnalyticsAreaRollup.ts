import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A maintained rollup for the dashboard statements that need the duty or the department
 * dimension over whole prefectures or provinces (breakdowns by chapter, article and department
 * kind; the chapter × unit heatmap), issue 20: `analytics_area_rollup`, per cycle × area × duty ×
 * lead department kind × due date × not-applicable, the same counters as `analytics_rollup`.
 *
 * The area of a unit is the prefecture-level unit it belongs to: a county under a prefecture
 * counts in its prefecture; a prefecture, a county the province administers directly (省直管)
 * and the province itself are their own area. So a province's cycle has about one row per
 * prefecture-level unit × duty instead of one per task (Hubei: 18 areas against 117 units), and
 * every jurisdiction made of whole prefectures or provinces (`access/jurisdiction.ts`: province,
 * prefecture — the prefecture and its counties are one area) selects whole areas. A unit's
 * parent never changes (reference data) and a department's kind never changes (unique per unit
 * and kind), so the area and kind of a rollup row are fixed.
 *
 * Kept from `analytics_rollup` in the same transaction, as `analytics_unit_rollup` is
 * (migration AddAnalyticsUnitRollup): statement-level triggers on analytics_rollup turn each
 * statement's transition tables into grouped deltas (new − old), upserted in key order; rows
 * whose task count reaches 0 are deleted; a TRUNCATE of analytics_rollup empties this table.
 * `npm run analytics:verify` recomputes it from the base tables.
 */

const KEY = ['cycle_id', 'area_code', 'duty_id', 'dept_kind_code', 'due_date', 'not_applicable'];
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

/** The area of unit `u` whose parent is `pu` (see above). */
const AREA_OF_UNIT = (u: string, pu: string) =>
  `CASE WHEN ${pu}.level = 'prefecture' THEN ${u}.parent_code ELSE ${u}.code END`;

/** The rows of a transition table (analytics_rollup rows) as signed deltas on this key. */
const signed = (src: string, sign: '' | '-') =>
  `SELECT x.cycle_id, ${AREA_OF_UNIT('u', 'pu')} AS area_code, x.duty_id, dep.kind_code AS dept_kind_code,
          x.due_date, x.not_applicable, ${COUNTERS.map((c) => `${sign}x.${c} AS ${c}`).join(', ')}
     FROM ${src} x
     JOIN admin_unit u ON u.code = x.unit_code
     LEFT JOIN admin_unit pu ON pu.code = u.parent_code
     JOIN department dep ON dep.id = x.lead_department_id`;

/** Adds grouped deltas to analytics_area_rollup, then deletes touched rows left without tasks. */
function apply(deltas: string): string {
  const keyList = KEY.join(', ');
  return `EXECUTE $q$INSERT INTO analytics_area_rollup AS r (${keyList}, ${COUNTERS.join(', ')})
  SELECT ${KEY.map((k) => `d.${k}`).join(', ')}, ${COUNTERS.map((c) => `sum(d.${c})::int`).join(', ')}
    FROM (${deltas}) d
   GROUP BY ${KEY.map((k) => `d.${k}`).join(', ')}
  HAVING ${COUNTERS.map((c) => `sum(d.${c}) <> 0`).join(' OR ')}
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (${keyList}) DO UPDATE SET
    ${COUNTERS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')}$q$;
  EXECUTE $q$DELETE FROM analytics_area_rollup r
   USING (SELECT DISTINCT ${keyList} FROM (${deltas}) d) k
   WHERE ${KEY.map((k) => `r.${k} = k.${k}`).join(' AND ')} AND r.tasks = 0$q$;`;
}

const FUNCTIONS = [
  [
    'INSERT',
    'analytics_area_rollup_inserted',
    'NEW TABLE AS new_rows',
    'new_rows',
    signed('new_rows', ''),
  ],
  [
    'UPDATE',
    'analytics_area_rollup_updated',
    'OLD TABLE AS old_rows NEW TABLE AS new_rows',
    'new_rows',
    `${signed('new_rows', '')} UNION ALL ${signed('old_rows', '-')}`,
  ],
  [
    'DELETE',
    'analytics_area_rollup_deleted',
    'OLD TABLE AS old_rows',
    'old_rows',
    signed('old_rows', '-'),
  ],
] as const;

export class AddAnalyticsAreaRollup1797070000000 implements MigrationInterface {
  name = 'AddAnalyticsAreaRollup1797070000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "analytics_area_rollup" ("cycle_id" uuid NOT NULL, "area_code" character varying(12) NOT NULL, "duty_id" uuid NOT NULL, "dept_kind_code" character varying(50) NOT NULL, "due_date" date NOT NULL, "not_applicable" boolean NOT NULL, ${COUNTERS.map((c) => `"${c}" integer NOT NULL`).join(', ')}, CONSTRAINT "PK_analytics_area_rollup" PRIMARY KEY (${KEY.join(', ')}))`,
    );
    for (const [op, fn, ref, probe, deltas] of FUNCTIONS) {
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
    await queryRunner.query(`CREATE FUNCTION analytics_area_rollup_truncated() RETURNS trigger LANGUAGE plpgsql ${DEFINER} AS $$
BEGIN
  TRUNCATE analytics_area_rollup;
  RETURN NULL;
END $$`);
    await queryRunner.query(
      'CREATE TRIGGER analytics_area_rollup_truncated AFTER TRUNCATE ON analytics_rollup FOR EACH STATEMENT EXECUTE FUNCTION analytics_area_rollup_truncated()',
    );

    // Existing data.
    await queryRunner.query(
      `INSERT INTO analytics_area_rollup (${KEY.join(', ')}, ${COUNTERS.join(', ')})
       SELECT ${KEY.map((k) => `d.${k}`).join(', ')}, ${COUNTERS.map((c) => `sum(d.${c})::int`).join(', ')}
         FROM (${signed('analytics_rollup', '')}) d
        GROUP BY ${KEY.map((k) => `d.${k}`).join(', ')} HAVING sum(d.tasks) <> 0`,
    );
    await queryRunner.query(
      `CREATE STATISTICS "STX_analytics_area_rollup_province" ON (left(area_code::text, 2)) FROM "analytics_area_rollup"`,
    );
    await queryRunner.query('ANALYZE "analytics_area_rollup"');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP STATISTICS "STX_analytics_area_rollup_province"');
    for (const fn of [
      'analytics_area_rollup_truncated',
      ...FUNCTIONS.map(([, name]) => name).reverse(),
    ]) {
      await queryRunner.query(`DROP TRIGGER ${fn} ON analytics_rollup`);
      await queryRunner.query(`DROP FUNCTION ${fn}()`);
    }
    await queryRunner.query('DROP TABLE "analytics_area_rollup"');
  }
}
