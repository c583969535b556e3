import { Args, Context, Float, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import type { GraphQLContext } from '../graphql/loaders';
import { DEFAULT_THRESHOLD } from './analytics-sql';
import {
  AnalyticsDimension,
  AnalyticsRankingModel,
  AnalyticsSummaryModel,
  BehindScheduleRowModel,
  BreakdownRowModel,
  MatrixCellModel,
  TrendPointModel,
  UnitAnalyticsModel,
} from './analytics.models';
import { AnalyticsService } from './analytics.service';

/** Who reads analytics: the business roles, each within their jurisdiction. */
export const ANALYTICS_READERS = [
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.AUDITOR,
  Role.NATIONAL_SUPERVISOR,
  Role.COUNTY_OPERATOR,
] as const;

const SCOPE =
  'unitCode: a prefecture means the prefecture with the units under it; any other unit means that unit alone; none means your whole jurisdiction. A unit outside your jurisdiction is NOT_FOUND.';
const LEVEL =
  'level: province, prefecture or county (directly-administered county-level units are counties).';

const principalOf = (ctx: GraphQLContext) => ctx.principal as Principal;

@Resolver()
export class AnalyticsResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  @Access(ANALYTICS_READERS)
  @Query(() => AnalyticsSummaryModel, {
    description: `Figures of a cycle for one scope (today = the server date in Asia/Shanghai). ${SCOPE}`,
  })
  analyticsSummary(
    @Context() ctx: GraphQLContext,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('unitCode', { type: () => String, nullable: true }) unitCode?: string | null,
  ) {
    return this.analytics.summary(principalOf(ctx), cycleId, unitCode);
  }

  @Access(ANALYTICS_READERS)
  @Query(() => [UnitAnalyticsModel], {
    description: `One row per unit of your jurisdiction (also units without tasks), optionally only the units directly under parentCode and/or of one level; sorted by unit code. Counters are over each unit’s own tasks; prefectures also have withChildren. ${LEVEL}`,
  })
  unitAnalytics(
    @Context() ctx: GraphQLContext,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('parentCode', { type: () => String, nullable: true }) parentCode?: string | null,
    @Args('level', { type: () => String, nullable: true }) level?: string | null,
  ) {
    return this.analytics.units(principalOf(ctx), cycleId, { parentCode, level });
  }

  @Access(ANALYTICS_READERS)
  @Query(() => [BreakdownRowModel], {
    description: `Figures grouped by chapter, article or lead department kind (each task in exactly one row, so the rows sum to analyticsSummary); sorted by chapter/article number or the kind’s order. ${SCOPE}`,
  })
  analyticsBreakdown(
    @Context() ctx: GraphQLContext,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('by', { type: () => AnalyticsDimension }) by: AnalyticsDimension,
    @Args('unitCode', { type: () => String, nullable: true }) unitCode?: string | null,
  ) {
    return this.analytics.breakdown(principalOf(ctx), cycleId, by, unitCode);
  }

  @Access(ANALYTICS_READERS)
  @Query(() => [MatrixCellModel], {
    description:
      'Chapter × unit heatmap over the units directly under parentCode (default: the prefectures and directly-administered units for province-wide roles; the units of your prefecture for a prefecture supervisor; your own unit for a county operator). A prefecture’s cells include the tasks of its units. Sorted by chapter, then unit code.',
  })
  chapterUnitMatrix(
    @Context() ctx: GraphQLContext,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('parentCode', { type: () => String, nullable: true }) parentCode?: string | null,
  ) {
    return this.analytics.matrix(principalOf(ctx), cycleId, parentCode);
  }

  @Access(ANALYTICS_READERS)
  @Query(() => [TrendPointModel], {
    description: `Daily completion from the cycle start date to min(today, due date), reconstructed from the task history. ${SCOPE}`,
  })
  completionTrend(
    @Context() ctx: GraphQLContext,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('unitCode', { type: () => String, nullable: true }) unitCode?: string | null,
  ) {
    return this.analytics.trend(principalOf(ctx), cycleId, unitCode);
  }

  @Access(ANALYTICS_READERS)
  @Query(() => [BehindScheduleRowModel], {
    description: `Units of your jurisdiction (with ≥ 1 own task) whose completionRate < threshold × elapsedFraction, elapsedFraction = clamp((asOf − start date) ÷ (due date − start date), 0, 1); equal is on schedule. threshold in (0, 1], else VALIDATION_FAILED; asOf YYYY-MM-DD, default today (Asia/Shanghai). Largest gap first. ${LEVEL}`,
  })
  behindSchedule(
    @Context() ctx: GraphQLContext,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('threshold', { type: () => Float, defaultValue: DEFAULT_THRESHOLD }) threshold: number,
    @Args('asOf', { type: () => String, nullable: true }) asOf?: string | null,
    @Args('level', { type: () => String, nullable: true }) level?: string | null,
  ) {
    return this.analytics.behindSchedule(principalOf(ctx), cycleId, { threshold, asOf, level });
  }

  @Access(ANALYTICS_READERS)
  @Query(() => AnalyticsRankingModel, {
    description: `The top and bottom units of one level of your jurisdiction by completionRate of their own tasks (units with ≥ 1 task; ties by unit code); top between 1 and 50. ${LEVEL}`,
  })
  analyticsRanking(
    @Context() ctx: GraphQLContext,
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('level', { type: () => String }) level: string,
    @Args('top', { type: () => Int, defaultValue: 10 }) top: number,
  ) {
    return this.analytics.ranking(principalOf(ctx), cycleId, level, top);
  }
}
