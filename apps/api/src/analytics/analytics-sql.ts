import {
  BindParam,
  Jurisdiction,
  taskJurisdictionSql,
  unitJurisdictionSql,
} from '../access/jurisdiction';

/**
 * SQL for the analytics queries (统计分析). Every figure is computed by PostgreSQL in one
 * statement per GraphQL field; tasks are never loaded into Node to be counted.
 *
 * The figures are read from rollups maintained in the transaction of every task, evidence and
 * history change (analytics_rollup and analytics_trend_day, migration AddAnalyticsRollups; never
 * a periodic batch; the statements needing no duty or department dimension — summary, unit rows
 * and ranking, behind schedule, the trend's task count — read analytics_unit_rollup, the same
 * counters per unit × due date, migration AddAnalyticsUnitRollup; the breakdowns and the heatmap
 * over whole prefectures or provinces read analytics_area_rollup, the same counters per
 * prefecture-level area × duty × department kind × due date, migration AddAnalyticsAreaRollup),
 * except for a county operator,
 * whose view is their department's tasks inside one unit and reads the task rows
 * (`readsRollups`). `npm run analytics:verify` recomputes the
 * rollups from the base tables and compares every statement both ways.
 *
 * Each statement starts with the same building blocks:
 * - `cyc`: the cycle (start and due dates);
 * - `st`: the tasks counted — non-retired tasks of the cycle, inside the caller's jurisdiction
 *   (the condition `scopeTasks` applies: `taskJurisdictionSql` in access/jurisdiction.ts) and
 *   inside the requested scope — as rows carrying counts (a rollup row, or one task), with the
 *   tasks overdue today and their number of current evidence files. Tasks approved as not applicable to their unit (不适用, APPROVED) are not
 *   counted anywhere: they leave every count, rate, ranking, heatmap cell and trend point; the
 *   summary reports how many there are (`not_applicable`) so that pages can say so;
 * - a one-row `meta` that says whether the cycle (and a requested unit) exists inside the
 *   jurisdiction, so that the service can answer NOT_FOUND without a second round trip. Queries
 *   returning rows are written `FROM meta LEFT JOIN (rows) ON TRUE`: at least one row, whose
 *   data columns are NULL when there is nothing to report.
 *
 * Definitions (also in the GraphQL descriptions):
 * - overdue: due_date < today AND status NOT IN (SUBMITTED, VERIFIED);
 * - current evidence: withdrawn_at IS NULL AND superseded_by_id IS NULL;
 * - rates: count ÷ tasks rounded to 4 decimals, 0 when there are no tasks;
 * - elapsed fraction: clamp((asOf − start_date) ÷ (due_date − start_date), 0, 1) (1 from the
 *   start date on when both dates are the same day);
 * - behind schedule: verified ÷ tasks < threshold × elapsed, compared exactly (numeric, cross
 *   multiplied), so that a unit exactly on the boundary is not behind.
 */

export { shanghaiDate } from '../common/iso-date';

export type UnitLevel = 'province' | 'prefecture' | 'county';

/** Positional parameters ($1, $2 …) collected while a statement is written. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  /** `add` as the jurisdiction conditions take it (positional: the name is not used). */
  readonly bind: BindParam = (_name, value) => this.add(value);
}

export interface Statement {
  sql: string;
  params: unknown[];
}

const rate = (num: string, den: string) =>
  `COALESCE(round((${num})::numeric / NULLIF(${den}, 0), 4), 0)::float8`;

/**
 * The counters and rates over the counted rows `s` (a `st` alias: each row carries counts, see
 * `tasksCte`), columns prefixed by `prefix`.
 */
export function countersSql(s = 'st', prefix = ''): string {
  const total = (c: string) => `COALESCE(sum(${s}.${c}), 0)`;
  const n = total('n');
  const verified = total('verified');
  const submitted = total('submitted');
  return [
    `${n}::int AS ${prefix}tasks`,
    `${verified}::int AS ${prefix}verified`,
    `${submitted}::int AS ${prefix}submitted`,
    `${total('in_progress')}::int AS ${prefix}in_progress`,
    `${total('not_started')}::int AS ${prefix}not_started`,
    `${total('returned')}::int AS ${prefix}returned`,
    `${total('overdue')}::int AS ${prefix}overdue`,
    `${total('evidence')}::int AS ${prefix}evidence_count`,
    `${rate(verified, n)} AS ${prefix}completion_rate`,
    `${rate(`${verified} + ${submitted}`, n)} AS ${prefix}submission_rate`,
  ].join(',\n    ');
}

/**
 * Overdue tasks of a rollup row `t` (not submitted or verified, due before `today`): the rule
 * every statement over the rollups counts by.
 */
const rollupOverdueSql = (today: string) =>
  `CASE WHEN t.due_date < ${today}::date THEN t.tasks - t.verified - t.submitted ELSE 0 END`;

export function cycleCte(cycle: string): string {
  return `cyc AS (SELECT c.start_date, c.due_date FROM assessment_cycle c WHERE c.id = ${cycle})`;
}

/**
 * The area of unit `u` (whose parent is `pu`): the prefecture-level unit it belongs to — a
 * county under a prefecture counts in its prefecture; a prefecture, a county administered
 * directly by the province (省直管) and the province itself are their own area. The key of
 * analytics_area_rollup (migration AddAnalyticsAreaRollup, which spells the same expression).
 */
export const AREA_OF_UNIT = (u: string, pu: string) =>
  `CASE WHEN ${pu}.level = 'prefecture' THEN ${u}.parent_code ELSE ${u}.code END`;

/**
 * Whether a statement for `jurisdiction` reads the maintained rollups (analytics_rollup,
 * analytics_trend_day: see migrations/…-AddAnalyticsRollups.ts) or the base tables. Rollups are
 * kept per unit, so they serve every jurisdiction made of whole units; a county operator's view
 * (their department's tasks, led or assisted, inside one unit) reads the task rows of that unit.
 */
export function readsRollups(jurisdiction: Jurisdiction): boolean {
  return jurisdiction.kind !== 'unit';
}

/**
 * The counted tasks: non-retired tasks of the cycle in the jurisdiction and matching `scope`
 * (a condition on t / u), as rows carrying counts — `n` tasks, of which `verified`, `submitted`,
 * `in_progress`, `not_started`, `returned`, `overdue`, with `evidence` current files — with the
 * unit's level, parent and the parent's level. From the rollups (one row per unit × duty × lead
 * department × due date, `t` is the rollup row, which has the task's `duty_id`,
 * `lead_department_id`, `unit_code` and `due_date`; with `unitGrain`, one row per unit × due
 * date, with `unit_code` and `due_date` only) or, with `base`, from the task rows (one row per
 * task, with its `id`).
 */
export function tasksCte(opts: {
  p: SqlParams;
  cycle: string;
  today: string;
  jurisdiction: Jurisdiction;
  scope?: string;
  joins?: string;
  columns?: string;
  withEvidence?: boolean;
  /** The CTE's name (default `st`). */
  name?: string;
  /** `only`: the approved not-applicable tasks instead of the counted ones. */
  notApplicable?: 'only';
  /** Read the task rows even where the rollups would serve (the naive benchmark, verification). */
  base?: boolean;
  /**
   * Where the rollups serve, read analytics_unit_rollup (per cycle × unit × due date ×
   * not-applicable: about one row per unit) instead of analytics_rollup; for statements that
   * need neither the duty nor the lead department (`t` then has no `duty_id`,
   * `lead_department_id`).
   */
  unitGrain?: boolean;
  /**
   * Where the rollups serve, read analytics_area_rollup (per cycle × area × duty × lead
   * department kind × due date × not-applicable, `AREA_OF_UNIT`): `t` then has `area_code`,
   * `duty_id` and `dept_kind_code` (no `unit_code`, no `lead_department_id`), and `u` and the
   * row's `unit_code` are the area. For statements over whole areas only: a jurisdiction and a
   * scope that take a prefecture with all its counties or none of them.
   */
  areaGrain?: boolean;
}): string {
  const extra = opts.columns ? `, ${opts.columns}` : '';
  const common = `u.level, u.parent_code, pu.level AS parent_level`;
  const rollups = !opts.base && readsRollups(opts.jurisdiction);
  const unitColumn = rollups && opts.areaGrain ? 't.area_code' : 't.unit_code';
  const unitJoins = `JOIN admin_unit u ON u.code = ${unitColumn}
    LEFT JOIN admin_unit pu ON pu.code = u.parent_code`;
  const scope = `AND ${taskJurisdictionSql(opts.jurisdiction, opts.p.bind)}
     AND (${opts.scope ?? 'TRUE'})`;
  if (rollups) {
    const table = opts.areaGrain
      ? 'analytics_area_rollup'
      : opts.unitGrain
        ? 'analytics_unit_rollup'
        : 'analytics_rollup';
    return `${opts.name ?? 'st'} AS (
  SELECT ${unitColumn} AS unit_code, ${common}, t.tasks AS n, t.verified, t.submitted, t.in_progress, t.not_started,
         t.returned,
         ${rollupOverdueSql(opts.today)} AS overdue,
         t.evidence${extra}
    FROM ${table} t
    ${unitJoins}
    ${opts.joins ?? ''}
   WHERE t.cycle_id = ${opts.cycle} AND t.not_applicable = ${opts.notApplicable === 'only' ? 'TRUE' : 'FALSE'}
     ${scope}
)`;
  }
  const evidence = opts.withEvidence === false ? '0' : 'ev.n';
  const evidenceJoin =
    opts.withEvidence === false
      ? ''
      : `CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM evidence e
                WHERE e.task_id = t.id AND e.withdrawn_at IS NULL AND e.superseded_by_id IS NULL) ev`;
  const applicability =
    opts.notApplicable === 'only'
      ? `t.not_applicable_status = 'APPROVED'`
      : `t.not_applicable_status IS DISTINCT FROM 'APPROVED'`;
  const is = (status: string) => `(t.status = '${status}')::int`;
  return `${opts.name ?? 'st'} AS (
  SELECT t.id, t.unit_code, ${common}, 1 AS n, ${is('VERIFIED')} AS verified,
         ${is('SUBMITTED')} AS submitted, ${is('IN_PROGRESS')} AS in_progress,
         ${is('NOT_STARTED')} AS not_started, ${is('RETURNED')} AS returned,
         (t.due_date < ${opts.today}::date AND t.status NOT IN ('SUBMITTED', 'VERIFIED'))::int AS overdue,
         ${evidence} AS evidence${extra}
    FROM task t
    ${unitJoins}
    ${opts.joins ?? ''}
    ${evidenceJoin}
   WHERE t.cycle_id = ${opts.cycle} AND t.retired_at IS NULL AND ${applicability}
     ${scope}
)`;
}

/** A requested unit, if inside the jurisdiction (else the CTE is empty). */
export function targetCte(name: string, code: string, j: Jurisdiction, p: SqlParams): string {
  return `${name} AS (SELECT a.code, a.level FROM admin_unit a
    WHERE a.code = ${code} AND ${unitJurisdictionSql(j, 'a', p.bind)})`;
}

/**
 * A province or a prefecture with every unit under it, or one unit alone (tasks whose unit u is
 * inside `target`). A province's units share its code's first two digits (GB/T 2260).
 */
export const TARGET_SCOPE = `(u.code IN (SELECT code FROM target)
      OR u.parent_code IN (SELECT code FROM target WHERE level = 'prefecture')
      OR left(u.code, 2) IN (SELECT left(code, 2) FROM target WHERE level = 'province'))`;

/**
 * The units `TARGET_SCOPE` takes, listed from the requested unit (the unit itself, a
 * prefecture's units by their parent, a province's by code prefix): MATERIALIZED, so that a
 * statement over one unit's rollup rows reads them by key (`t.unit_code IN (SELECT code FROM
 * target_units)`) instead of filtering the whole cycle's rows through TARGET_SCOPE's OR.
 * `target` must be defined (targetCte).
 */
export const TARGET_UNITS_CTE = `target_units AS MATERIALIZED (
  SELECT tg.code FROM target tg
  UNION ALL
  SELECT a.code FROM target tg JOIN admin_unit a ON a.parent_code = tg.code WHERE tg.level = 'prefecture'
  UNION ALL
  SELECT a.code FROM target tg JOIN admin_unit a ON left(a.code, 2) = left(tg.code, 2)
   WHERE tg.level = 'province' AND a.code <> tg.code)`;

/**
 * Whether a jurisdiction spans several provinces (the national view): its top-level figures are
 * then per province rather than per prefecture. The service narrows the jurisdiction to the
 * cycle's province first, so a provincial cycle is never "several provinces".
 */
export function spansProvinces(j: Jurisdiction): boolean {
  return j.kind === 'all' || (j.kind === 'provinces' && j.provinceCodes.length > 1);
}

/** Elapsed share of the cycle at `asOf` as exact numerator / denominator (days). */
function elapsedParts(c: string, asOf: string): { num: string; den: string } {
  const span = `(${c}.due_date - ${c}.start_date)`;
  return {
    num: `(CASE WHEN ${span} = 0 THEN (CASE WHEN ${asOf}::date >= ${c}.start_date THEN 1 ELSE 0 END)
            ELSE LEAST(GREATEST(${asOf}::date - ${c}.start_date, 0), ${span}) END)`,
    den: `GREATEST(${span}, 1)`,
  };
}

/** elapsedFraction rounded to 4 decimals. */
export function elapsedSql(c: string, asOf: string): string {
  const { num, den } = elapsedParts(c, asOf);
  return `round(${num}::numeric / ${den}, 4)::float8`;
}

/**
 * Behind schedule, exactly: verified / tasks < threshold × num / den
 * ⇔ verified × den < threshold × num × tasks (tasks > 0). `threshold` is numeric.
 */
export function behindSql(g: string, c: string, threshold: string, asOf: string) {
  const { num, den } = elapsedParts(c, asOf);
  return {
    condition: `${g}.tasks > 0 AND ${g}.verified::numeric * ${den} < ${threshold}::numeric * ${num} * ${g}.tasks`,
    expected: `round(${threshold}::numeric * ${num} / ${den}, 4)::float8`,
    gap: `round(${threshold}::numeric * ${num} / ${den} - ${g}.verified::numeric / ${g}.tasks, 4)::float8`,
  };
}

/** The default behind-schedule threshold (share of elapsed time a unit's completion must reach). */
export const DEFAULT_THRESHOLD = 0.7;

// ---------------------------------------------------------------------------------------------
// 1. analyticsSummary
// ---------------------------------------------------------------------------------------------

export function summarySql(input: {
  cycleId: string;
  today: string;
  jurisdiction: Jurisdiction;
  unitCode?: string | null;
  base?: boolean;
}): Statement {
  const p = new SqlParams();
  const cycle = p.add(input.cycleId);
  const today = p.add(input.today);
  const threshold = p.add(String(DEFAULT_THRESHOLD));
  const ctes = [cycleCte(cycle)];
  if (input.unitCode) {
    ctes.push(targetCte('target', p.add(input.unitCode), input.jurisdiction, p));
  }
  ctes.push(
    tasksCte({
      p,
      cycle,
      today,
      jurisdiction: input.jurisdiction,
      scope: input.unitCode ? TARGET_SCOPE : undefined,
      base: input.base,
      unitGrain: true,
    }),
    tasksCte({
      p,
      cycle,
      today,
      jurisdiction: input.jurisdiction,
      scope: input.unitCode ? TARGET_SCOPE : undefined,
      withEvidence: false,
      name: 'na',
      notApplicable: 'only',
      base: input.base,
      unitGrain: true,
    }),
    `per_unit AS (SELECT st.unit_code, sum(st.n) AS tasks, sum(st.verified) AS verified
        FROM st GROUP BY st.unit_code)`,
  );
  const behind = behindSql('g', 'c', threshold, today);
  const sql = `WITH ${ctes.join(',\n')}
SELECT (SELECT count(*) FROM cyc)::int AS cycle_found,
    ${input.unitCode ? '(SELECT count(*) FROM target)::int' : '1'} AS unit_found,
    ${countersSql()},
    (SELECT count(*) FROM per_unit g, cyc c WHERE ${behind.condition})::int AS units_behind,
    (SELECT GREATEST(c.due_date - ${today}::date, 0) FROM cyc c)::int AS days_left,
    (SELECT ${elapsedSql('c', today)} FROM cyc c) AS elapsed_fraction,
    (SELECT COALESCE(sum(na.n), 0) FROM na)::int AS not_applicable
  FROM st`;
  return { sql, params: p.values };
}

// ---------------------------------------------------------------------------------------------
// 2. unitAnalytics and 7. analyticsRanking
// ---------------------------------------------------------------------------------------------

export function unitRowsSql(input: {
  cycleId: string;
  today: string;
  jurisdiction: Jurisdiction;
  parentCode?: string | null;
  level?: UnitLevel | null;
  /** analyticsRanking: the first `top` units from each end (units with tasks only). */
  rank?: { top: number };
  base?: boolean;
}): Statement {
  const p = new SqlParams();
  const cycle = p.add(input.cycleId);
  const today = p.add(input.today);
  const ctes = [cycleCte(cycle)];
  const unitConds = [unitJurisdictionSql(input.jurisdiction, 'a', p.bind)];
  if (input.parentCode) {
    const parent = p.add(input.parentCode);
    ctes.push(targetCte('parent', parent, input.jurisdiction, p));
    unitConds.push(`a.parent_code = ${parent}`);
  }
  if (input.level) unitConds.push(`a.level = ${p.add(input.level)}`);
  ctes.push(
    `units AS (SELECT a.code, a.name, a.level, a.parent_code, a.directly_administered, a.kind
      FROM admin_unit a WHERE ${unitConds.join(' AND ')})`,
    tasksCte({
      p,
      cycle,
      today,
      jurisdiction: input.jurisdiction,
      scope: `u.code IN (SELECT code FROM units)
        OR u.parent_code IN (SELECT code FROM units WHERE level = 'prefecture')
        OR left(u.code, 2) IN (SELECT left(code, 2) FROM units WHERE level = 'province')`,
      base: input.base,
      unitGrain: true,
    }),
    // MATERIALIZED (here and below): computed once. The planner estimates a province's units
    // (left(code, 2) = …) at one row and would otherwise re-run the aggregate for each unit.
    `own AS MATERIALIZED (SELECT st.unit_code AS code,
        sum(st.verified)::numeric / NULLIF(sum(st.n), 0) AS ratio,
        ${countersSql()}
      FROM st GROUP BY st.unit_code)`,
    // A prefecture with the units under it (the directly-administered units roll up to the
    // province), and a province with every unit of it.
    `roll AS MATERIALIZED (SELECT CASE WHEN st.level = 'prefecture' THEN st.unit_code ELSE st.parent_code END AS code,
        ${countersSql('st', 'wc_')}
      FROM st WHERE st.level = 'prefecture' OR st.parent_level = 'prefecture' GROUP BY 1
      UNION ALL
      SELECT left(st.unit_code, 2) || '0000', ${countersSql('st', 'wc_')}
        FROM st WHERE left(st.unit_code, 2) IN (SELECT left(code, 2) FROM units WHERE level = 'province')
       GROUP BY 1)`,
  );
  const meta = `SELECT (SELECT count(*) FROM cyc)::int AS cycle_found,
      ${input.parentCode ? '(SELECT count(*) FROM parent)::int' : '1'} AS unit_found`;
  ctes.push(`meta AS (${meta})`);
  const rows = `SELECT units.code, units.name, units.level, units.parent_code, units.directly_administered,
        units.kind, own.ratio, ${COUNTER_COLUMNS.map((c) => `COALESCE(own.${c}, 0) AS ${c}`).join(', ')},
        ${COUNTER_COLUMNS.map((c) => `COALESCE(roll.wc_${c}, 0) AS wc_${c}`).join(', ')}
      FROM units LEFT JOIN own ON own.code = units.code LEFT JOIN roll ON roll.code = units.code`;
  let sql: string;
  if (input.rank) {
    const top = p.add(input.rank.top);
    sql = `WITH ${ctes.join(',\n')},
rows AS (${rows} WHERE own.tasks > 0),
ranked AS (SELECT rows.*,
    row_number() OVER (ORDER BY rows.ratio DESC, rows.code) AS top_rank,
    row_number() OVER (ORDER BY rows.ratio ASC, rows.code) AS bottom_rank FROM rows)
SELECT meta.*, r.* FROM meta LEFT JOIN ranked r ON r.top_rank <= ${top} OR r.bottom_rank <= ${top}
 ORDER BY r.top_rank`;
  } else {
    sql = `WITH ${ctes.join(',\n')}
SELECT meta.*, r.* FROM meta LEFT JOIN (${rows}) r ON TRUE ORDER BY r.code`;
  }
  return { sql, params: p.values };
}

export const COUNTER_COLUMNS = [
  'tasks',
  'verified',
  'submitted',
  'in_progress',
  'not_started',
  'returned',
  'overdue',
  'evidence_count',
  'completion_rate',
  'submission_rate',
] as const;

// ---------------------------------------------------------------------------------------------
// 3. analyticsBreakdown
// ---------------------------------------------------------------------------------------------

export type Dimension = 'CHAPTER' | 'ARTICLE' | 'DEPARTMENT_KIND';

const ARTICLE_JOINS = `JOIN duty d ON d.id = t.duty_id JOIN regulation_article ra ON ra.id = d.article_id`;
const CHAPTER_JOINS = `${ARTICLE_JOINS}
        JOIN regulation_chapter rc ON rc.id = ra.chapter_id`;

/**
 * Each dimension's joins from a rollup or task row `t` (`areaJoins`: from an
 * analytics_area_rollup row, which has the lead department's kind instead of the department).
 */
const DIMENSIONS: Record<
  Dimension,
  { joins: string; areaJoins: string; key: string; label: string; sort: string }
> = {
  CHAPTER: {
    joins: CHAPTER_JOINS,
    areaJoins: CHAPTER_JOINS,
    key: 'rc.number',
    label: 'rc.title',
    sort: 'rc.number',
  },
  ARTICLE: {
    joins: ARTICLE_JOINS,
    areaJoins: ARTICLE_JOINS,
    key: 'ra.number',
    label: `'第' || ra.number || '条'`,
    sort: 'ra.number',
  },
  DEPARTMENT_KIND: {
    joins: `JOIN department dep ON dep.id = t.lead_department_id
        JOIN department_kind dk ON dk.code = dep.kind_code`,
    areaJoins: `JOIN department_kind dk ON dk.code = t.dept_kind_code`,
    key: 'dk.code',
    label: 'dk.name',
    sort: 'dk.sort_order',
  },
};

/**
 * A requested unit's figures read from analytics_area_rollup when the unit is a whole area (a
 * province, a prefecture, a county the province administers directly) and from analytics_rollup
 * otherwise (a county under a prefecture): `st` as the union of both CTEs, one of which is empty.
 * `target` must be defined (targetCte). Without a requested unit, the area rollup alone serves.
 */
function areaOrTaskCtes(
  base: Parameters<typeof tasksCte>[0],
  dim: (typeof DIMENSIONS)[Dimension],
  unitRequested: boolean,
): string[] {
  if (!unitRequested) return [areaBreakdownCte(base, dim)];
  const areaJoins = dim.areaJoins;
  return [
    `target_is_area AS (SELECT bool_and(${AREA_OF_UNIT('a', 'pa')} = a.code) AS whole
      FROM target tg JOIN admin_unit a ON a.code = tg.code
      LEFT JOIN admin_unit pa ON pa.code = a.parent_code)`,
    tasksCte({
      ...base,
      name: 'st_area',
      joins: areaJoins,
      areaGrain: true,
      scope: `(${TARGET_SCOPE}) AND (SELECT whole FROM target_is_area)`,
    }),
    tasksCte({
      ...base,
      name: 'st_task',
      scope: `(${TARGET_SCOPE}) AND NOT (SELECT whole FROM target_is_area)`,
    }),
    `st AS (SELECT * FROM st_area UNION ALL SELECT * FROM st_task)`,
  ];
}

/**
 * `st` of a breakdown over whole areas (no requested unit): the area rollup's rows of the cycle
 * inside the jurisdiction, summed per duty and lead department kind first — a few hundred rows,
 * whatever the number of areas and due dates — and only then joined to the dimension (duty,
 * article, chapter or department kind). The rows carry the counted columns and the dimension's
 * key, label and sort; no unit columns.
 */
function areaBreakdownCte(
  base: Parameters<typeof tasksCte>[0],
  dim: (typeof DIMENSIONS)[Dimension],
): string {
  return `st AS (
  SELECT ${dim.key}::text AS dim_key, ${dim.label} AS dim_label, ${dim.sort} AS dim_sort,
         t.n, t.verified, t.submitted, t.in_progress, t.not_started, t.returned, t.overdue, t.evidence
    FROM (${areaSums(base, ['t.duty_id', 't.dept_kind_code'])}) t
    ${dim.areaJoins}
)`;
}

/**
 * The area rollup's rows of the cycle whose area is inside the jurisdiction (and `scope`, a
 * condition on the area's unit `u`), summed per `groupBy` (columns of `t` or of `joins`): the
 * counted columns `n`, `verified`, `submitted`, `in_progress`, `not_started`, `returned`,
 * `overdue`, `evidence`. The area is tested once per row by a semi-join on its unit, not joined.
 */
function areaSums(
  base: Parameters<typeof tasksCte>[0],
  groupBy: string[],
  joins = '',
  /** `verified`: only the task and verified counts (`n`, `verified`), all a rate needs. */
  measures: 'all' | 'verified' = 'all',
): string {
  const sum = (c: string) => `sum(t.${c})::int AS ${c}`;
  const rest =
    measures === 'all'
      ? `, ${sum('submitted')},
         ${sum('in_progress')}, ${sum('not_started')}, ${sum('returned')},
         sum(${rollupOverdueSql(base.today)})::int AS overdue,
         ${sum('evidence')}`
      : '';
  return `SELECT ${groupBy.join(', ')}, sum(t.tasks)::int AS n, ${sum('verified')}${rest}
    FROM analytics_area_rollup t
    ${joins}
   WHERE t.cycle_id = ${base.cycle} AND t.not_applicable = FALSE
     AND t.area_code IN (SELECT u.code FROM admin_unit u
       WHERE ${taskJurisdictionSql(base.jurisdiction, base.p.bind)} AND (${base.scope ?? 'TRUE'}))
   GROUP BY ${groupBy.join(', ')}`;
}

export function breakdownSql(input: {
  cycleId: string;
  today: string;
  jurisdiction: Jurisdiction;
  by: Dimension;
  unitCode?: string | null;
  base?: boolean;
}): Statement {
  const p = new SqlParams();
  const cycle = p.add(input.cycleId);
  const today = p.add(input.today);
  const dim = DIMENSIONS[input.by];
  const ctes = [cycleCte(cycle)];
  if (input.unitCode) {
    ctes.push(targetCte('target', p.add(input.unitCode), input.jurisdiction, p));
  }
  const counted = {
    p,
    cycle,
    today,
    jurisdiction: input.jurisdiction,
    scope: input.unitCode ? TARGET_SCOPE : undefined,
    joins: dim.joins,
    columns: `${dim.key}::text AS dim_key, ${dim.label} AS dim_label, ${dim.sort} AS dim_sort`,
    base: input.base,
  };
  ctes.push(
    ...(!input.base && readsRollups(input.jurisdiction)
      ? areaOrTaskCtes(counted, dim, Boolean(input.unitCode))
      : [tasksCte(counted)]),
    `meta AS (SELECT (SELECT count(*) FROM cyc)::int AS cycle_found,
      ${input.unitCode ? '(SELECT count(*) FROM target)::int' : '1'} AS unit_found)`,
  );
  const sql = `WITH ${ctes.join(',\n')}
SELECT meta.*, r.* FROM meta LEFT JOIN (
  SELECT st.dim_key AS key, min(st.dim_label) AS label, min(st.dim_sort) AS sort, ${countersSql()}
    FROM st GROUP BY st.dim_key
) r ON TRUE ORDER BY r.sort, r.key`;
  return { sql, params: p.values };
}

// ---------------------------------------------------------------------------------------------
// 4. chapterUnitMatrix
// ---------------------------------------------------------------------------------------------

export function matrixSql(input: {
  cycleId: string;
  today: string;
  jurisdiction: Jurisdiction;
  parentCode?: string | null;
  base?: boolean;
}): Statement {
  const p = new SqlParams();
  const cycle = p.add(input.cycleId);
  const j = input.jurisdiction;
  // Columns that are whole areas (a province's prefectures and directly administered counties;
  // the national view's provinces) read the area rollup; a prefecture's counties (requested,
  // or a prefecture supervisor's view) the per-unit rollup.
  const areaColumns =
    !input.base && !input.parentCode && (j.kind === 'all' || j.kind === 'provinces');
  // Today only counts overdue tasks, which the area rollup's reading here does not need (an
  // unused parameter would have no type).
  const today = areaColumns ? '' : p.add(input.today);
  const ctes = [cycleCte(cycle)];
  let columns: string;
  if (input.parentCode) {
    const parent = p.add(input.parentCode);
    ctes.push(targetCte('parent', parent, j, p));
    columns = `a.parent_code = ${parent}`;
  } else if (j.kind === 'prefecture') {
    columns = `a.parent_code = ${p.add(j.prefectureCode)}`;
  } else if (j.kind === 'unit') {
    columns = `a.code = ${p.add(j.unitCode)}`;
  } else if (spansProvinces(j)) {
    // The national view: one column per province.
    columns = `a.level = 'province'`;
  } else {
    columns = `a.parent_code IN (SELECT r.code FROM admin_unit r WHERE r.parent_code IS NULL)`;
  }
  const counted = {
    p,
    cycle,
    today,
    jurisdiction: j,
    withEvidence: false,
    scope: `u.code IN (SELECT code FROM cols)
        OR u.parent_code IN (SELECT code FROM cols WHERE level = 'prefecture')
        OR left(u.code, 2) IN (SELECT left(code, 2) FROM cols WHERE level = 'province')`,
    base: input.base,
  };
  ctes.push(
    `cols AS (SELECT a.code, a.name, a.level FROM admin_unit a
      WHERE ${columns} AND ${unitJurisdictionSql(j, 'a', p.bind)})`,
  );
  if (areaColumns) {
    // Summed per area and chapter first (by the chapter's id: a short key to hash, and only the
    // counts the rate needs), then joined to the chapter's number and title and the area's
    // unit: about a hundred rows instead of one per area × duty × due date. Each duty's
    // chapter comes from one lookup (MATERIALIZED: one hash join per rollup row, not two).
    // Over every duty, not only the cycle's version: filtered by version, the planner
    // estimates two duties and loops over the rollup per duty.
    ctes.push(
      `dc AS MATERIALIZED (SELECT d.id, ra.chapter_id FROM duty d
        JOIN regulation_article ra ON ra.id = d.article_id)`,
    );
  }
  ctes.push(
    areaColumns
      ? `st AS (
  SELECT g.area_code AS unit_code, u.parent_code, rc.number AS chapter, rc.title AS chapter_title,
         g.n, g.verified
    FROM (${areaSums(
      counted,
      ['t.area_code', 'dc.chapter_id'],
      'JOIN dc ON dc.id = t.duty_id',
      'verified',
    )}) g
    JOIN regulation_chapter rc ON rc.id = g.chapter_id
    JOIN admin_unit u ON u.code = g.area_code
)`
      : tasksCte({
          ...counted,
          joins: CHAPTER_JOINS,
          columns: 'rc.number AS chapter, rc.title AS chapter_title',
        }),
    `agg AS (SELECT st.chapter,
        CASE WHEN st.unit_code IN (SELECT code FROM cols) THEN st.unit_code
             WHEN st.parent_code IN (SELECT code FROM cols) THEN st.parent_code
             ELSE left(st.unit_code, 2) || '0000' END AS code,
        sum(st.n)::int AS tasks, sum(st.verified)::int AS verified
      FROM st GROUP BY 1, 2)`,
    `chapters AS (SELECT st.chapter, min(st.chapter_title) AS title FROM st GROUP BY st.chapter)`,
    `meta AS (SELECT (SELECT count(*) FROM cyc)::int AS cycle_found,
      ${input.parentCode ? '(SELECT count(*) FROM parent)::int' : '1'} AS unit_found)`,
  );
  const sql = `WITH ${ctes.join(',\n')}
SELECT meta.*, r.* FROM meta LEFT JOIN (
  SELECT ch.chapter, ch.title AS chapter_title, cols.code AS unit_code, cols.name AS unit_name,
         COALESCE(agg.tasks, 0) AS tasks, COALESCE(agg.verified, 0) AS verified,
         ${rate('COALESCE(agg.verified, 0)', 'agg.tasks')} AS completion_rate
    FROM chapters ch CROSS JOIN cols
    LEFT JOIN agg ON agg.chapter = ch.chapter AND agg.code = cols.code
) r ON TRUE ORDER BY r.chapter, r.unit_code`;
  return { sql, params: p.values };
}

// ---------------------------------------------------------------------------------------------
// 5. completionTrend
// ---------------------------------------------------------------------------------------------

/**
 * Verified at the end of each day, from the status history: each 'status' event opens an
 * interval [its day, the next status event's day) (Asia/Shanghai days, `lead()` per task); a
 * task counts on the days of its VERIFIED intervals. An interval that opens and closes on the
 * same day does not count (not verified at the end of that day). The intervals become +1/−1
 * deltas summed cumulatively over the days (`generate_series`): cost grows with the number of
 * events, not events × days.
 *
 * Where the rollups serve (`readsRollups`), the per-day changes are read from
 * analytics_trend_day, which holds exactly these deltas per unit, maintained with every status
 * event and every task entering or leaving the counted set. There the days are not joined to
 * the changes: the few days with a change (plus the cycle's first day) are summed into running
 * totals, and each total is spread over the days until the next change (`generate_series` per
 * change), so the work grows with the changes and the days drawn, without a days × changes
 * aggregate. The base tables keep the plain shaping above: two independent shapings of the same
 * line, which `analytics:verify` compares.
 */
export function trendSql(input: {
  cycleId: string;
  today: string;
  jurisdiction: Jurisdiction;
  unitCode?: string | null;
  base?: boolean;
}): Statement {
  const p = new SqlParams();
  const cycle = p.add(input.cycleId);
  const today = p.add(input.today);
  const ctes = [cycleCte(cycle)];
  if (input.unitCode) {
    ctes.push(targetCte('target', p.add(input.unitCode), input.jurisdiction, p));
  }
  const day = `(e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date`;
  const rollups = !input.base && readsRollups(input.jurisdiction);
  // Over the rollups, a requested unit's rows are read by key (TARGET_UNITS_CTE).
  const byKey = Boolean(input.unitCode) && rollups;
  if (byKey) ctes.push(TARGET_UNITS_CTE);
  // Over the base tables, a requested unit's tasks are those TARGET_SCOPE takes.
  const scope = input.unitCode ? TARGET_SCOPE : undefined;
  if (byKey) {
    // One requested unit (and the units under it): each listed unit's rows read by key, in a
    // nested loop over target_units (OFFSET 0 keeps each lookup a parameterised index scan;
    // without it the generic plan hashed the cycle's whole rollup). target_units lies inside
    // the jurisdiction: `target` is checked against it, and every jurisdiction that holds a
    // unit holds the units under it.
    ctes.push(
      `st AS (SELECT r.tasks AS n FROM target_units tu CROSS JOIN LATERAL (
        SELECT t.tasks FROM analytics_unit_rollup t
         WHERE t.cycle_id = ${cycle} AND t.unit_code = tu.code AND t.not_applicable = FALSE OFFSET 0) r)`,
    );
  } else {
    ctes.push(
      tasksCte({
        p,
        cycle,
        today,
        jurisdiction: input.jurisdiction,
        withEvidence: false,
        scope,
        base: input.base,
        unitGrain: true,
      }),
    );
  }
  if (rollups) {
    const changes = byKey
      ? `SELECT r.day, r.verified_change AS d FROM target_units tu CROSS JOIN LATERAL (
        SELECT t.day, t.verified_change FROM analytics_trend_day t
         WHERE t.cycle_id = ${cycle} AND t.unit_code = tu.code OFFSET 0) r`
      : `SELECT t.day, t.verified_change AS d FROM analytics_trend_day t
        JOIN admin_unit u ON u.code = t.unit_code
       WHERE t.cycle_id = ${cycle} AND ${taskJurisdictionSql(input.jurisdiction, p.bind)}`;
    ctes.push(
      `span AS (SELECT c.start_date, LEAST(${today}::date, c.due_date) AS last_day FROM cyc c)`,
      `changes AS (
      ${changes}
      UNION ALL
      SELECT span.start_date, 0 FROM span)`,
      // Verified from each change day up to (not including) the next one.
      `running AS (SELECT changes.day, sum(sum(changes.d)) OVER (ORDER BY changes.day) AS verified,
        lead(changes.day) OVER (ORDER BY changes.day) AS next_day
      FROM changes GROUP BY changes.day)`,
      `line AS (SELECT running.day + i AS day, running.verified FROM span, running,
        generate_series(GREATEST(span.start_date - running.day, 0),
          LEAST(COALESCE(running.next_day - 1, span.last_day), span.last_day) - running.day) i)`,
    );
  } else {
    ctes.push(
      `days AS (SELECT c.start_date + i AS day FROM cyc c,
        generate_series(0, LEAST(${today}::date, c.due_date) - c.start_date) i)`,
      `iv AS (SELECT e.after->>'status' AS status, ${day} AS from_day,
        lead(${day}) OVER (PARTITION BY e.task_id ORDER BY e.occurred_at, e.id) AS to_day
      FROM task_event e
     WHERE e.cycle_id = ${cycle} AND e.kind = 'status' AND e.task_id IN (SELECT id FROM st))`,
      `deltas AS (
      SELECT iv.from_day AS day, 1 AS d FROM iv
       WHERE iv.status = 'VERIFIED' AND (iv.to_day IS NULL OR iv.to_day > iv.from_day)
      UNION ALL
      SELECT iv.to_day, -1 FROM iv WHERE iv.status = 'VERIFIED' AND iv.to_day > iv.from_day
      UNION ALL
      SELECT days.day, 0 FROM days)`,
      `running AS (SELECT deltas.day, sum(sum(deltas.d)) OVER (ORDER BY deltas.day) AS verified
      FROM deltas GROUP BY deltas.day)`,
      `line AS (SELECT days.day, running.verified FROM days JOIN running ON running.day = days.day)`,
    );
  }
  ctes.push(
    `total AS (SELECT COALESCE(sum(st.n), 0)::int AS tasks FROM st)`,
    `meta AS (SELECT (SELECT count(*) FROM cyc)::int AS cycle_found,
      ${input.unitCode ? '(SELECT count(*) FROM target)::int' : '1'} AS unit_found)`,
  );
  const sql = `WITH ${ctes.join(',\n')}
SELECT meta.*, r.* FROM meta LEFT JOIN (
  SELECT line.day::text AS date, line.verified::int AS verified, total.tasks,
         ${rate('line.verified', 'total.tasks')} AS completion_rate
    FROM line CROSS JOIN total
) r ON TRUE ORDER BY r.date`;
  return { sql, params: p.values };
}

// ---------------------------------------------------------------------------------------------
// 6. behindSchedule
// ---------------------------------------------------------------------------------------------

export function behindScheduleSql(input: {
  cycleId: string;
  today: string;
  jurisdiction: Jurisdiction;
  threshold: number;
  asOf: string;
  level?: UnitLevel | null;
  base?: boolean;
}): Statement {
  const p = new SqlParams();
  const cycle = p.add(input.cycleId);
  const rollups = !input.base && readsRollups(input.jurisdiction);
  // Today only counts overdue tasks, which the rollups' reading here does not need (an unused
  // parameter would have no type).
  const today = rollups ? '' : p.add(input.today);
  const asOf = p.add(input.asOf);
  const threshold = p.add(String(input.threshold));
  const conds = [unitJurisdictionSql(input.jurisdiction, 'a', p.bind)];
  if (input.level) conds.push(`a.level = ${p.add(input.level)}`);
  const behind = behindSql('own', 'c', threshold, asOf);
  const ctes = [
    cycleCte(cycle),
    `units AS (SELECT a.code, a.name, a.level, a.parent_code, a.directly_administered, a.kind
      FROM admin_unit a WHERE ${conds.join(' AND ')})`,
    // Over the rollups: the listed units' rows of the unit rollup, by key (`units` already
    // applies the jurisdiction, which is all tasksCte would add for a reader of whole units).
    ...(rollups
      ? [
          `own AS MATERIALIZED (SELECT t.unit_code AS code, sum(t.tasks)::int AS tasks,
        sum(t.verified)::int AS verified FROM analytics_unit_rollup t
       WHERE t.cycle_id = ${cycle} AND t.not_applicable = FALSE AND t.unit_code IN (SELECT code FROM units)
       GROUP BY t.unit_code)`,
        ]
      : [
          tasksCte({
            p,
            cycle,
            today,
            jurisdiction: input.jurisdiction,
            withEvidence: false,
            scope: 'u.code IN (SELECT code FROM units)',
            base: input.base,
            unitGrain: true,
          }),
          `own AS MATERIALIZED (SELECT st.unit_code AS code, sum(st.n)::int AS tasks,
        sum(st.verified)::int AS verified FROM st GROUP BY st.unit_code)`,
        ]),
    `meta AS (SELECT (SELECT count(*) FROM cyc)::int AS cycle_found, 1 AS unit_found)`,
  ];
  const sql = `WITH ${ctes.join(',\n')}
SELECT meta.*, r.* FROM meta LEFT JOIN (
  SELECT units.*, own.tasks, own.verified,
         ${rate('own.verified', 'own.tasks')} AS completion_rate,
         ${behind.expected} AS expected, ${behind.gap} AS gap
    FROM units JOIN own ON own.code = units.code CROSS JOIN cyc c
   WHERE ${behind.condition}
) r ON TRUE ORDER BY r.gap DESC, r.code`;
  return { sql, params: p.values };
}
