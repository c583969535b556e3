import { Jurisdiction } from '../access/jurisdiction';
import {
  AREA_OF_UNIT,
  behindScheduleSql,
  breakdownSql,
  DEFAULT_THRESHOLD,
  matrixSql,
  Statement,
  summarySql,
  trendSql,
  unitRowsSql,
} from './analytics-sql';

/**
 * Verification of the maintained rollups (analytics_rollup, analytics_trend_day; migration
 * AddAnalyticsRollups; analytics_unit_rollup, migration AddAnalyticsUnitRollup;
 * analytics_area_rollup, migration AddAnalyticsAreaRollup): each is
 * recomputed from the base tables (task, evidence, task_event) and compared row by row. The recomputation is written independently of the triggers: the
 * trend replays the status history as intervals (as the base-table trend statement does), not
 * with the triggers' per-event changes.
 */

/** Anything with `query(sql, params)`: a DataSource, an EntityManager, a QueryRunner. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export const ROLLUP_COUNTERS = [
  'tasks',
  'verified',
  'submitted',
  'in_progress',
  'not_started',
  'returned',
  'evidence',
] as const;

const ROLLUP_KEY = [
  'cycle_id',
  'unit_code',
  'duty_id',
  'lead_department_id',
  'due_date',
  'not_applicable',
] as const;

export interface RollupDifference {
  table:
    'analytics_rollup' | 'analytics_unit_rollup' | 'analytics_area_rollup' | 'analytics_trend_day';
  /** The row's key (cycle, unit, duty, lead department, due date, not applicable / day). */
  key: Record<string, string>;
  /** Stored counters (null: no stored row). */
  stored: Record<string, number> | null;
  /** Counters recomputed from the base tables (null: there should be no row). */
  expected: Record<string, number> | null;
}

/**
 * The rollup counters recomputed from the base tables, grouped by `keys` (task columns, or
 * `[expression, name]` pairs over the task `t` and the `joins`; the not-applicable flag is always
 * the last key). `$1`: a cycle id, or NULL for every cycle.
 */
function expectedCounters(
  keys: ReadonlyArray<string | readonly [string, string]>,
  joins = '',
): string {
  const columns = keys.map((k) => (typeof k === 'string' ? `t.${k}` : `${k[0]} AS ${k[1]}`));
  return `SELECT ${columns.join(', ')},
       (t.not_applicable_status IS NOT DISTINCT FROM 'APPROVED') AS not_applicable,
       count(*)::int AS tasks,
       count(*) FILTER (WHERE t.status = 'VERIFIED')::int AS verified,
       count(*) FILTER (WHERE t.status = 'SUBMITTED')::int AS submitted,
       count(*) FILTER (WHERE t.status = 'IN_PROGRESS')::int AS in_progress,
       count(*) FILTER (WHERE t.status = 'NOT_STARTED')::int AS not_started,
       count(*) FILTER (WHERE t.status = 'RETURNED')::int AS returned,
       COALESCE(sum(ev.n), 0)::int AS evidence
  FROM task t
  ${joins}
  -- Per task (the partial index of current evidence): one cycle's recomputation reads that
  -- cycle's evidence only, where a grouped subquery would count every cycle's files each time.
  CROSS JOIN LATERAL (SELECT count(*) AS n FROM evidence e
              WHERE e.task_id = t.id AND e.withdrawn_at IS NULL AND e.superseded_by_id IS NULL) ev
 WHERE t.retired_at IS NULL AND ($1::uuid IS NULL OR t.cycle_id = $1::uuid)
 GROUP BY ${keys.map((_, i) => i + 1).join(', ')}, ${keys.length + 1}`;
}

/** analytics_rollup from the base tables. */
const EXPECTED_ROLLUP = expectedCounters([
  'cycle_id',
  'unit_code',
  'duty_id',
  'lead_department_id',
  'due_date',
]);

/**
 * analytics_unit_rollup from the base tables (not from analytics_rollup, which its triggers
 * follow): per cycle × unit × due date × not applicable.
 */
const EXPECTED_UNIT_ROLLUP = expectedCounters(['cycle_id', 'unit_code', 'due_date']);

/**
 * analytics_area_rollup from the base tables: per cycle × area (the prefecture-level unit a unit
 * belongs to, `AREA_OF_UNIT` in analytics-sql.ts) × duty × lead department kind × due date × not
 * applicable.
 */
const EXPECTED_AREA_ROLLUP = expectedCounters(
  [
    'cycle_id',
    [AREA_OF_UNIT('u', 'pu'), 'area_code'],
    'duty_id',
    ['dep.kind_code', 'dept_kind_code'],
    'due_date',
  ],
  `JOIN admin_unit u ON u.code = t.unit_code
  LEFT JOIN admin_unit pu ON pu.code = u.parent_code
  JOIN department dep ON dep.id = t.lead_department_id`,
);

const EXPECTED_TREND = `WITH iv AS (
  SELECT t.cycle_id, t.unit_code, e.after->>'status' AS status,
         (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS from_day,
         lead((e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date)
           OVER (PARTITION BY e.task_id ORDER BY e.occurred_at, e.id) AS to_day
    FROM task_event e JOIN task t ON t.id = e.task_id AND t.cycle_id = e.cycle_id
   WHERE e.kind = 'status' AND t.retired_at IS NULL
     AND t.not_applicable_status IS DISTINCT FROM 'APPROVED'
     -- The history is partitioned by cycle: naming it reads one partition.
     AND ($1::uuid IS NULL OR (t.cycle_id = $1::uuid AND e.cycle_id = $1::uuid))),
deltas AS (
  SELECT cycle_id, unit_code, from_day AS day, 1 AS d FROM iv
   WHERE status = 'VERIFIED' AND (to_day IS NULL OR to_day > from_day)
  UNION ALL
  SELECT cycle_id, unit_code, to_day, -1 FROM iv WHERE status = 'VERIFIED' AND to_day > from_day)
SELECT cycle_id, unit_code, day, sum(d)::int AS verified_change FROM deltas
 GROUP BY 1, 2, 3 HAVING sum(d) <> 0`;

function diffSql(
  table: string,
  expected: string,
  key: readonly string[],
  counters: readonly string[],
): string {
  const json = (alias: string) =>
    `CASE WHEN ${alias}.${key[0]} IS NULL THEN NULL ELSE jsonb_build_object(${counters
      .map((c) => `'${c}', ${alias}.${c}`)
      .join(', ')}) END`;
  return `WITH expected AS (${expected})
SELECT jsonb_build_object(${key.map((k) => `'${k}', COALESCE(s.${k}, x.${k})::text`).join(', ')}) AS key,
       ${json('s')} AS stored, ${json('x')} AS expected
  FROM (SELECT * FROM ${table} WHERE $1::uuid IS NULL OR cycle_id = $1::uuid) s
  FULL JOIN expected x ON ${key.map((k) => `x.${k} = s.${k}`).join(' AND ')}
 WHERE ${counters.map((c) => `s.${c} IS DISTINCT FROM x.${c}`).join(' OR ')}
 ORDER BY 1`;
}

/**
 * Replaces a cycle's rollups by their recomputation from the base tables, in two set-based
 * statements per table. For bulk loads that ran with the rollup triggers of task, task_event
 * and evidence disabled (the benchmark's national data set); the application never needs it.
 * analytics_unit_rollup and analytics_area_rollup follow analytics_rollup by their own triggers
 * (left enabled).
 */
export async function rebuildRollups(db: Queryable, cycleId: string): Promise<void> {
  const rollupColumns = [...ROLLUP_KEY, ...ROLLUP_COUNTERS].join(', ');
  await db.query(`DELETE FROM analytics_rollup WHERE cycle_id = $1`, [cycleId]);
  await db.query(
    `INSERT INTO analytics_rollup (${rollupColumns}) SELECT ${rollupColumns} FROM (${EXPECTED_ROLLUP}) x`,
    [cycleId],
  );
  await db.query(`DELETE FROM analytics_trend_day WHERE cycle_id = $1`, [cycleId]);
  await db.query(
    `INSERT INTO analytics_trend_day (cycle_id, unit_code, day, verified_change)
     SELECT cycle_id, unit_code, day, verified_change FROM (${EXPECTED_TREND}) x`,
    [cycleId],
  );
}

/** Every difference between the stored rollups and their recomputation (none: consistent). */
export async function verifyRollups(
  db: Queryable,
  cycleId: string | null = null,
): Promise<RollupDifference[]> {
  const out: RollupDifference[] = [];
  const checks = [
    ['analytics_rollup', diffSql('analytics_rollup', EXPECTED_ROLLUP, ROLLUP_KEY, ROLLUP_COUNTERS)],
    [
      'analytics_unit_rollup',
      diffSql(
        'analytics_unit_rollup',
        EXPECTED_UNIT_ROLLUP,
        ['cycle_id', 'unit_code', 'due_date', 'not_applicable'],
        ROLLUP_COUNTERS,
      ),
    ],
    [
      'analytics_area_rollup',
      diffSql(
        'analytics_area_rollup',
        EXPECTED_AREA_ROLLUP,
        ['cycle_id', 'area_code', 'duty_id', 'dept_kind_code', 'due_date', 'not_applicable'],
        ROLLUP_COUNTERS,
      ),
    ],
    [
      'analytics_trend_day',
      diffSql(
        'analytics_trend_day',
        EXPECTED_TREND,
        ['cycle_id', 'unit_code', 'day'],
        ['verified_change'],
      ),
    ],
  ] as const;
  for (const [table, sql] of checks) {
    const rows = (await db.query(sql, [cycleId])) as Array<{
      key: Record<string, string>;
      stored: Record<string, number> | null;
      expected: Record<string, number> | null;
    }>;
    for (const r of rows) out.push({ table, key: r.key, stored: r.stored, expected: r.expected });
  }
  return out;
}

/** One line naming a difference: table, key, stored and expected counters. */
export function describeDifference(d: RollupDifference): string {
  const key = Object.entries(d.key)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const counters = (c: Record<string, number> | null) =>
    c
      ? Object.entries(c)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')
      : '(no row)';
  return `${d.table} ${key}: stored ${counters(d.stored)}; recomputed ${counters(d.expected)}`;
}

/** A dashboard statement built both ways: from the rollups and from the base tables. */
type Builder = (base: boolean) => Statement;

export interface FigureDifference {
  statement: string;
  /** Row number of the first difference (0-based). */
  row: number;
  fromRollups: unknown;
  fromBase: unknown;
}

/**
 * Runs every dashboard statement of a cycle province-wide (and, if given, for a prefecture)
 * once from the rollups and once from the base tables, and names the first differing row of
 * each. `today`: YYYY-MM-DD (Asia/Shanghai).
 */
export async function verifyFigures(
  db: Queryable,
  cycleId: string,
  today: string,
  prefectureCode?: string | null,
): Promise<FigureDifference[]> {
  const all: Jurisdiction = { kind: 'all' };
  const [cycle] = (await db.query(
    `SELECT province_code AS "provinceCode" FROM assessment_cycle WHERE id = $1`,
    [cycleId],
  )) as Array<{ provinceCode: string | null }>;
  // Everything (no jurisdiction filter), and, for a provincial cycle, its province as a
  // provincial supervisor sees it (the API narrows every reader to the cycle's province).
  const views: Array<[string, Jurisdiction]> = [['province', all]];
  if (cycle?.provinceCode) {
    views.push([
      `provinces ${cycle.provinceCode}`,
      { kind: 'provinces', provinceCodes: [cycle.provinceCode] },
    ]);
  }
  if (prefectureCode) views.push([prefectureCode, { kind: 'prefecture', prefectureCode }]);
  // A requested prefecture (a whole area) and one of its counties (not an area): the breakdowns
  // read the area rollup for the first and the per-unit rollup for the second.
  const [county] = prefectureCode
    ? ((await db.query(
        `SELECT code FROM admin_unit WHERE parent_code = $1 AND level = 'county' ORDER BY code LIMIT 1`,
        [prefectureCode],
      )) as Array<{ code: string }>)
    : [];
  const requested = [prefectureCode, county?.code].filter((c): c is string => Boolean(c));
  // The summary and trend of a requested unit read its rollup rows by key (TARGET_UNITS_CTE):
  // checked for the cycle's province (all its units), the prefecture and the county.
  const requestedUnits = [cycle?.provinceCode, ...requested].filter((c): c is string => Boolean(c));
  const out: FigureDifference[] = [];
  for (const [view, jurisdiction] of views) {
    const ctx = { cycleId, today, jurisdiction };
    const builders: Array<[string, Builder]> = [
      ['analyticsSummary', (base) => summarySql({ ...ctx, base })],
      ['unitAnalytics', (base) => unitRowsSql({ ...ctx, base })],
      [
        'analyticsRanking(county)',
        (base) => unitRowsSql({ ...ctx, level: 'county', rank: { top: 10 }, base }),
      ],
      ['chapterUnitMatrix', (base) => matrixSql({ ...ctx, base })],
      ['completionTrend', (base) => trendSql({ ...ctx, base })],
      [
        'behindSchedule',
        (base) => behindScheduleSql({ ...ctx, threshold: DEFAULT_THRESHOLD, asOf: today, base }),
      ],
      ...(['CHAPTER', 'ARTICLE', 'DEPARTMENT_KIND'] as const).map((by): [string, Builder] => [
        `analyticsBreakdown(${by})`,
        (base) => breakdownSql({ ...ctx, by, base }),
      ]),
      ...requestedUnits.flatMap((unitCode): Array<[string, Builder]> => [
        [`completionTrend(${unitCode})`, (base) => trendSql({ ...ctx, unitCode, base })],
        [`analyticsSummary(${unitCode})`, (base) => summarySql({ ...ctx, unitCode, base })],
      ]),
      ...requested.flatMap((unitCode): Array<[string, Builder]> => [
        [
          `analyticsBreakdown(DEPARTMENT_KIND, ${unitCode})`,
          (base) => breakdownSql({ ...ctx, by: 'DEPARTMENT_KIND', unitCode, base }),
        ],
        [
          `analyticsBreakdown(CHAPTER, ${unitCode})`,
          (base) => breakdownSql({ ...ctx, by: 'CHAPTER', unitCode, base }),
        ],
      ]),
      ...(prefectureCode
        ? [
            [
              `chapterUnitMatrix(${prefectureCode})`,
              (base: boolean) => matrixSql({ ...ctx, parentCode: prefectureCode, base }),
            ] as [string, Builder],
          ]
        : []),
    ];
    for (const [name, build] of builders) {
      const run = async (base: boolean) => {
        const s = build(base);
        return (await db.query(s.sql, s.params)) as unknown[];
      };
      const [rollup, base] = [await run(false), await run(true)];
      const n = Math.max(rollup.length, base.length);
      for (let i = 0; i < n; i++) {
        if (JSON.stringify(rollup[i]) !== JSON.stringify(base[i])) {
          out.push({
            statement: `${name} [${view}]`,
            row: i,
            fromRollups: rollup[i],
            fromBase: base[i],
          });
          break;
        }
      }
    }
  }
  return out;
}
