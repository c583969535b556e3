import { Jurisdiction } from '../access/jurisdiction';
import {
  behindScheduleSql,
  breakdownSql,
  DEFAULT_THRESHOLD,
  Dimension,
  matrixSql,
  shanghaiDate,
  Statement,
  summarySql,
  trendSql,
  unitRowsSql,
} from './analytics-sql';

/**
 * The dashboard's analytics queries, each as the GraphQL operation the dashboard sends and as the
 * plain SQL over the base tables that computes the same figures for the province-wide scope (no
 * jurisdiction filter: a provincial supervisor's view). The SQL is the statement the API itself
 * runs for a province-wide caller, so the benchmark can separate database time from GraphQL
 * overhead. `today` defaults to the current date in Asia/Shanghai, as the API's clock does.
 */
export interface BenchContext {
  cycleId: string;
  prefectureCode: string;
  countyCode: string;
  /** YYYY-MM-DD; default: today in Asia/Shanghai. */
  today?: string;
}

export interface AnalyticsBenchQuery {
  name: string;
  graphql: string;
  variables: (ctx: BenchContext) => Record<string, unknown>;
  sql: string;
  sqlParams: (ctx: BenchContext) => unknown[];
  /**
   * The same statement over the base tables (tasks, evidence, history) instead of the maintained
   * rollups: what the API ran before the rollups, and what `analytics:verify` compares with.
   */
  baseSql: string;
  baseSqlParams: (ctx: BenchContext) => unknown[];
}

const ALL: Jurisdiction = { kind: 'all' };
const FIGURES = `tasks verified submitted inProgress notStarted returned overdue evidenceCount completionRate submissionRate`;
const UNIT_ROW = `unit { code name level parentCode } ${FIGURES} withChildren { ${FIGURES} }`;
const PLACEHOLDER: BenchContext = {
  cycleId: '00000000-0000-4000-8000-000000000000',
  prefectureCode: '000000',
  countyCode: '000000',
  today: '2000-01-01',
};

/** One entry: the SQL text from placeholder values, its parameters from the real context. */
function entry(
  name: string,
  graphql: string,
  variables: (ctx: BenchContext) => Record<string, unknown>,
  build: (ctx: BenchContext & { today: string; base?: boolean }) => Statement,
): AnalyticsBenchQuery {
  const withToday = (ctx: BenchContext) => ({
    ...ctx,
    today: ctx.today ?? shanghaiDate(new Date()),
  });
  return {
    name,
    graphql,
    variables,
    sql: build(withToday(PLACEHOLDER)).sql,
    sqlParams: (ctx) => build(withToday(ctx)).params,
    baseSql: build({ ...withToday(PLACEHOLDER), base: true }).sql,
    baseSqlParams: (ctx) => build({ ...withToday(ctx), base: true }).params,
  };
}

const breakdown = (by: Dimension) =>
  entry(
    `analyticsBreakdown(${by})`,
    `query($cycleId: ID!) { analyticsBreakdown(cycleId: $cycleId, by: ${by}) { key label tasks verified submitted overdue evidenceCount completionRate submissionRate } }`,
    (ctx) => ({ cycleId: ctx.cycleId }),
    (ctx) =>
      breakdownSql({
        cycleId: ctx.cycleId,
        today: ctx.today,
        jurisdiction: ALL,
        base: ctx.base,
        by,
      }),
  );

export const ANALYTICS_BENCH_QUERIES: AnalyticsBenchQuery[] = [
  entry(
    'analyticsSummary',
    `query($cycleId: ID!) { analyticsSummary(cycleId: $cycleId) { ${FIGURES} unitsBehindSchedule daysLeft elapsedFraction } }`,
    (ctx) => ({ cycleId: ctx.cycleId }),
    (ctx) =>
      summarySql({ cycleId: ctx.cycleId, today: ctx.today, jurisdiction: ALL, base: ctx.base }),
  ),
  entry(
    'analyticsSummary(prefecture)',
    `query($cycleId: ID!, $unitCode: String) { analyticsSummary(cycleId: $cycleId, unitCode: $unitCode) { ${FIGURES} unitsBehindSchedule daysLeft elapsedFraction } }`,
    (ctx) => ({ cycleId: ctx.cycleId, unitCode: ctx.prefectureCode }),
    (ctx) =>
      summarySql({
        cycleId: ctx.cycleId,
        today: ctx.today,
        jurisdiction: ALL,
        base: ctx.base,
        unitCode: ctx.prefectureCode,
      }),
  ),
  entry(
    'unitAnalytics',
    `query($cycleId: ID!) { unitAnalytics(cycleId: $cycleId) { ${UNIT_ROW} } }`,
    (ctx) => ({ cycleId: ctx.cycleId }),
    (ctx) =>
      unitRowsSql({ cycleId: ctx.cycleId, today: ctx.today, jurisdiction: ALL, base: ctx.base }),
  ),
  entry(
    'unitAnalytics(prefecture)',
    `query($cycleId: ID!, $parentCode: String) { unitAnalytics(cycleId: $cycleId, parentCode: $parentCode) { ${UNIT_ROW} } }`,
    (ctx) => ({ cycleId: ctx.cycleId, parentCode: ctx.prefectureCode }),
    (ctx) =>
      unitRowsSql({
        cycleId: ctx.cycleId,
        today: ctx.today,
        jurisdiction: ALL,
        base: ctx.base,
        parentCode: ctx.prefectureCode,
      }),
  ),
  breakdown('CHAPTER'),
  breakdown('ARTICLE'),
  breakdown('DEPARTMENT_KIND'),
  entry(
    'chapterUnitMatrix',
    `query($cycleId: ID!) { chapterUnitMatrix(cycleId: $cycleId) { chapter unitCode unitName tasks verified completionRate } }`,
    (ctx) => ({ cycleId: ctx.cycleId }),
    (ctx) =>
      matrixSql({ cycleId: ctx.cycleId, today: ctx.today, jurisdiction: ALL, base: ctx.base }),
  ),
  entry(
    'completionTrend',
    `query($cycleId: ID!) { completionTrend(cycleId: $cycleId) { date verified tasks completionRate } }`,
    (ctx) => ({ cycleId: ctx.cycleId }),
    (ctx) =>
      trendSql({ cycleId: ctx.cycleId, today: ctx.today, jurisdiction: ALL, base: ctx.base }),
  ),
  entry(
    'completionTrend(county)',
    `query($cycleId: ID!, $unitCode: String) { completionTrend(cycleId: $cycleId, unitCode: $unitCode) { date verified tasks completionRate } }`,
    (ctx) => ({ cycleId: ctx.cycleId, unitCode: ctx.countyCode }),
    (ctx) =>
      trendSql({
        cycleId: ctx.cycleId,
        today: ctx.today,
        jurisdiction: ALL,
        base: ctx.base,
        unitCode: ctx.countyCode,
      }),
  ),
  entry(
    'behindSchedule',
    `query($cycleId: ID!) { behindSchedule(cycleId: $cycleId) { unit { code name level } tasks verified completionRate expected gap } }`,
    (ctx) => ({ cycleId: ctx.cycleId }),
    (ctx) =>
      behindScheduleSql({
        cycleId: ctx.cycleId,
        today: ctx.today,
        jurisdiction: ALL,
        base: ctx.base,
        threshold: DEFAULT_THRESHOLD,
        asOf: ctx.today,
      }),
  ),
  entry(
    'analyticsRanking(county)',
    `query($cycleId: ID!) { analyticsRanking(cycleId: $cycleId, level: "county", top: 10) { top { ${UNIT_ROW} } bottom { ${UNIT_ROW} } } }`,
    (ctx) => ({ cycleId: ctx.cycleId }),
    (ctx) =>
      unitRowsSql({
        cycleId: ctx.cycleId,
        today: ctx.today,
        jurisdiction: ALL,
        base: ctx.base,
        level: 'county',
        rank: { top: 10 },
      }),
  ),
];
