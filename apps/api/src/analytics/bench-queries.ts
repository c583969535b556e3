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
 * plain SQL that computes the same figures. The SQL is the statement the API itself runs for a
 * caller of the context's jurisdiction (default: the whole deployment, no jurisdiction filter;
 * the benchmark passes each reader's, as the API narrows it to the cycle's province — a
 * provincial supervisor `{ kind: 'provinces', provinceCodes: ['420000'] }`), so the benchmark can
 * separate database time from GraphQL overhead. `today` defaults to the current date in
 * Asia/Shanghai, as the API's clock does.
 */
export interface BenchContext {
  cycleId: string;
  prefectureCode: string;
  countyCode: string;
  /** YYYY-MM-DD; default: today in Asia/Shanghai. */
  today?: string;
  /** The reader's jurisdiction, narrowed to the cycle's province (default: `all`). */
  jurisdiction?: Jurisdiction;
}

export interface AnalyticsBenchQuery {
  name: string;
  graphql: string;
  variables: (ctx: BenchContext) => Record<string, unknown>;
  /** The statement's text for the default jurisdiction (`all`), and its parameters. */
  sql: string;
  sqlParams: (ctx: BenchContext) => unknown[];
  /**
   * The same statement over the base tables (tasks, evidence, history) instead of the maintained
   * rollups: what the API ran before the rollups, and what `analytics:verify` compares with.
   */
  baseSql: string;
  baseSqlParams: (ctx: BenchContext) => unknown[];
  /** Text and parameters for the context's jurisdiction (the text depends on its kind). */
  statement: (ctx: BenchContext) => Statement;
  baseStatement: (ctx: BenchContext) => Statement;
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
  build: (
    ctx: BenchContext & { today: string; jurisdiction: Jurisdiction; base?: boolean },
  ) => Statement,
): AnalyticsBenchQuery {
  const withToday = (ctx: BenchContext) => ({
    ...ctx,
    today: ctx.today ?? shanghaiDate(new Date()),
    jurisdiction: ctx.jurisdiction ?? ALL,
  });
  const all = (ctx: BenchContext) => ({ ...ctx, jurisdiction: ALL });
  return {
    name,
    graphql,
    variables,
    sql: build(withToday(PLACEHOLDER)).sql,
    sqlParams: (ctx) => build(withToday(all(ctx))).params,
    baseSql: build({ ...withToday(PLACEHOLDER), base: true }).sql,
    baseSqlParams: (ctx) => build({ ...withToday(all(ctx)), base: true }).params,
    statement: (ctx) => build(withToday(ctx)),
    baseStatement: (ctx) => build({ ...withToday(ctx), base: true }),
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
        jurisdiction: ctx.jurisdiction,
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
      summarySql({
        cycleId: ctx.cycleId,
        today: ctx.today,
        jurisdiction: ctx.jurisdiction,
        base: ctx.base,
      }),
  ),
  entry(
    'analyticsSummary(prefecture)',
    `query($cycleId: ID!, $unitCode: String) { analyticsSummary(cycleId: $cycleId, unitCode: $unitCode) { ${FIGURES} unitsBehindSchedule daysLeft elapsedFraction } }`,
    (ctx) => ({ cycleId: ctx.cycleId, unitCode: ctx.prefectureCode }),
    (ctx) =>
      summarySql({
        cycleId: ctx.cycleId,
        today: ctx.today,
        jurisdiction: ctx.jurisdiction,
        base: ctx.base,
        unitCode: ctx.prefectureCode,
      }),
  ),
  entry(
    'unitAnalytics',
    `query($cycleId: ID!) { unitAnalytics(cycleId: $cycleId) { ${UNIT_ROW} } }`,
    (ctx) => ({ cycleId: ctx.cycleId }),
    (ctx) =>
      unitRowsSql({
        cycleId: ctx.cycleId,
        today: ctx.today,
        jurisdiction: ctx.jurisdiction,
        base: ctx.base,
      }),
  ),
  entry(
    'unitAnalytics(prefecture)',
    `query($cycleId: ID!, $parentCode: String) { unitAnalytics(cycleId: $cycleId, parentCode: $parentCode) { ${UNIT_ROW} } }`,
    (ctx) => ({ cycleId: ctx.cycleId, parentCode: ctx.prefectureCode }),
    (ctx) =>
      unitRowsSql({
        cycleId: ctx.cycleId,
        today: ctx.today,
        jurisdiction: ctx.jurisdiction,
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
      matrixSql({
        cycleId: ctx.cycleId,
        today: ctx.today,
        jurisdiction: ctx.jurisdiction,
        base: ctx.base,
      }),
  ),
  entry(
    'completionTrend',
    `query($cycleId: ID!) { completionTrend(cycleId: $cycleId) { date verified tasks completionRate } }`,
    (ctx) => ({ cycleId: ctx.cycleId }),
    (ctx) =>
      trendSql({
        cycleId: ctx.cycleId,
        today: ctx.today,
        jurisdiction: ctx.jurisdiction,
        base: ctx.base,
      }),
  ),
  entry(
    'completionTrend(county)',
    `query($cycleId: ID!, $unitCode: String) { completionTrend(cycleId: $cycleId, unitCode: $unitCode) { date verified tasks completionRate } }`,
    (ctx) => ({ cycleId: ctx.cycleId, unitCode: ctx.countyCode }),
    (ctx) =>
      trendSql({
        cycleId: ctx.cycleId,
        today: ctx.today,
        jurisdiction: ctx.jurisdiction,
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
        jurisdiction: ctx.jurisdiction,
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
        jurisdiction: ctx.jurisdiction,
        base: ctx.base,
        level: 'county',
        rank: { top: 10 },
      }),
  ),
];
