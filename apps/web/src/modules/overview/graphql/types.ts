// The app's names for the generated GraphQL types (codegen from the .graphql files here and
// the API's schema).
import type {
  OverviewBehindScheduleQuery,
  OverviewMatrixQuery,
  OverviewOverdueTasksQuery,
  OverviewScoresQuery,
  OverviewSummaryQuery,
  OverviewTrendQuery,
  OverviewUnitAnalyticsQuery,
} from '../../../graphql/generated/graphql';

export type { TaskStatus } from '../../../graphql/generated/graphql';
export type { Cycle } from '../../../hooks/useCycles';

export type Summary = OverviewSummaryQuery['analyticsSummary'];
export type UnitAnalyticsRow = OverviewUnitAnalyticsQuery['unitAnalytics'][number];
export type MatrixCell = OverviewMatrixQuery['chapterUnitMatrix'][number];
export type TrendPoint = OverviewTrendQuery['completionTrend'][number];
export type UnitScore = OverviewScoresQuery['assessmentScores'][number];
export type BehindScheduleRow = OverviewBehindScheduleQuery['behindSchedule'][number];
export type OverdueTask = OverviewOverdueTasksQuery['tasks']['nodes'][number];
