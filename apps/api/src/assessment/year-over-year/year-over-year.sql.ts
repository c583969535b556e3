import { EntityManager } from 'typeorm';

/**
 * One earlier period of a cycle's assessment: a closed cycle of the same regulation (its latest
 * frozen result set) or a year of imported history for which no such cycle was frozen.
 */
export interface EarlierPeriod {
  year: number;
  source: 'frozen' | 'imported';
  cycleId: string | null;
  resultSetId: string | null;
  resultSetVersion: number | null;
  planVersion: number | null;
  importId: string | null;
  sourceFileName: string | null;
  importedBy: string | null;
  importedAt: Date | null;
}

/** A unit's figures in one earlier period. */
export interface PeriodUnitRow {
  year: number;
  unitCode: string;
  unitName: string;
  level: string;
  parentCode: string | null;
  score: number;
  rank: number;
  grade: string | null;
  /** Verified tasks ÷ tasks (4 decimals); imported: as given; null: nothing to count. */
  completion: number | null;
}

/** One indicator of a unit in one earlier period. */
export interface PeriodIndicatorRow {
  year: number;
  indicatorId: string;
  /** The indicator's name in that period's plan (null: default plan or not recorded). */
  name: string | null;
  score: number;
  marks: number | null;
  completion: number | null;
}

/**
 * The earlier periods of a cycle, newest first (at most `limit`): for each earlier year the
 * closed cycle of the same regulation with its latest result set, else that year's import.
 */
export async function earlierPeriods(
  manager: EntityManager,
  cycleId: string,
  limit: number,
): Promise<EarlierPeriod[]> {
  const rows: EarlierPeriod[] = await manager.query(
    `WITH me AS (
       SELECT y.year, rv.regulation_id FROM assessment_cycle y
         JOIN regulation_version rv ON rv.id = y.regulation_version_id WHERE y.id = $1),
     frozen AS (
       SELECT DISTINCT ON (y.year) y.year, y.id AS cycle_id, s.id AS set_id, s.version, s.plan_version
         FROM me, assessment_cycle y
         JOIN regulation_version rv ON rv.id = y.regulation_version_id
         JOIN assessment_result_set s ON s.cycle_id = y.id
        WHERE rv.regulation_id = me.regulation_id AND y.year < me.year AND y.state = 'closed'
        ORDER BY y.year, y.closed_at DESC NULLS LAST, s.version DESC)
     SELECT year, 'frozen' AS source, cycle_id AS "cycleId", set_id AS "resultSetId",
            version AS "resultSetVersion", plan_version AS "planVersion", NULL::uuid AS "importId",
            NULL AS "sourceFileName", NULL AS "importedBy", NULL::timestamptz AS "importedAt"
       FROM frozen
     UNION ALL
     SELECT i.year, 'imported', NULL, NULL, NULL, NULL, i.id, i.source_file_name, i.imported_by,
            i.imported_at
       FROM me, assessment_history_import i
      WHERE i.year < me.year AND i.year NOT IN (SELECT year FROM frozen)
     ORDER BY year DESC
     LIMIT $2`,
    [cycleId, limit],
  );
  return rows;
}

/**
 * Every unit's total in the given periods (all units: ranks are province-wide; the caller
 * filters by jurisdiction). Frozen: the result row, completion counted over the frozen task
 * outcomes; imported: the total row, rank as imported or else competition rank by score among
 * the units of the same level in that import.
 */
export async function periodUnitRows(
  manager: EntityManager,
  periods: EarlierPeriod[],
  unitCodes: string[] | null,
): Promise<PeriodUnitRow[]> {
  const setIds = periods.flatMap((p) => (p.resultSetId ? [p.resultSetId] : []));
  const importIds = periods.flatMap((p) => (p.importId ? [p.importId] : []));
  if (!setIds.length && !importIds.length) return [];
  return manager.query(
    `WITH frozen AS (
       SELECT y.year, r.unit_code, r.score, r.rank, r.grade,
              (SELECT round(count(*) FILTER (WHERE t->>'status' = 'VERIFIED')::numeric
                              / nullif(count(*), 0), 4)
                 FROM jsonb_array_elements(coalesce(r.detail->'breakdown', '[]'::jsonb)) b,
                      jsonb_array_elements(coalesce(b->'tasks', '[]'::jsonb)) t) AS completion
         FROM assessment_result r
         JOIN assessment_result_set s ON s.id = r.result_set_id
         JOIN assessment_cycle y ON y.id = s.cycle_id
        WHERE r.result_set_id = ANY($1::uuid[])),
     imported AS (
       SELECT i.year, h.unit_code, h.score,
              coalesce(h.rank, rank() OVER (PARTITION BY i.id, u.level ORDER BY h.score DESC))::int AS rank,
              h.grade, h.completion
         FROM assessment_history_row h
         JOIN assessment_history_import i ON i.id = h.import_id
         JOIN admin_unit u ON u.code = h.unit_code
        WHERE h.import_id = ANY($2::uuid[]) AND h.indicator = '')
     SELECT p.year, p.unit_code AS "unitCode", u.name AS "unitName", u.level,
            u.parent_code AS "parentCode", p.score::float8 AS score, p.rank, p.grade,
            p.completion::float8 AS completion
       FROM (SELECT * FROM frozen UNION ALL SELECT * FROM imported) p
       JOIN admin_unit u ON u.code = p.unit_code
      WHERE $3::varchar[] IS NULL OR p.unit_code = ANY($3::varchar[])
      ORDER BY p.year DESC, u.level, p.rank, p.unit_code`,
    [setIds, importIds, unitCodes],
  );
}

/**
 * One unit's indicators in the given periods: frozen earned marks, available marks and the
 * share of verified tasks per indicator (names from the period's saved plan version), or the
 * imported indicator rows (keyed by the indicator as written in the workbook).
 */
export async function periodIndicatorRows(
  manager: EntityManager,
  periods: EarlierPeriod[],
  unitCode: string,
): Promise<PeriodIndicatorRow[]> {
  const setIds = periods.flatMap((p) => (p.resultSetId ? [p.resultSetId] : []));
  const importIds = periods.flatMap((p) => (p.importId ? [p.importId] : []));
  if (!setIds.length && !importIds.length) return [];
  return manager.query(
    `SELECT y.year, b->>'indicatorId' AS "indicatorId",
            (SELECT pi->>'name' FROM assessment_plan_version pv,
                    jsonb_array_elements(pv.plan->'indicators') pi
              WHERE pv.cycle_id = s.cycle_id AND pv.version = s.plan_version
                AND pi->>'id' = b->>'indicatorId' LIMIT 1) AS name,
            round((b->>'earned')::numeric, 2)::float8 AS score,
            round((b->>'marks')::numeric, 2)::float8 AS marks,
            (SELECT round(count(*) FILTER (WHERE t->>'status' = 'VERIFIED')::numeric
                            / nullif(count(*), 0), 4)
               FROM jsonb_array_elements(coalesce(b->'tasks', '[]'::jsonb)) t)::float8 AS completion
       FROM assessment_result r
       JOIN assessment_result_set s ON s.id = r.result_set_id
       JOIN assessment_cycle y ON y.id = s.cycle_id,
            jsonb_array_elements(coalesce(r.detail->'breakdown', '[]'::jsonb)) b
      WHERE r.result_set_id = ANY($1::uuid[]) AND r.unit_code = $3
     UNION ALL
     SELECT i.year, h.indicator, h.indicator, h.score::float8, NULL, h.completion::float8
       FROM assessment_history_row h JOIN assessment_history_import i ON i.id = h.import_id
      WHERE h.import_id = ANY($2::uuid[]) AND h.unit_code = $3 AND h.indicator <> ''
      ORDER BY 1 DESC`,
    [setIds, importIds, unitCode],
  );
}
