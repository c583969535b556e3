import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import type { GraphQLContext } from '../graphql/loaders';
import { TASK_READERS } from '../task/task-scope';
import { AssessmentAdjustment } from './assessment-adjustment.entity';
import {
  AddAdjustmentInput,
  AdjustmentModel,
  AssessmentPlanModel,
  ResultSetModel,
  SaveAssessmentPlanInput,
  UnitAssessmentModel,
  UnitScoreModel,
} from './assessment.models';
import { PlanInForce, RankLevel } from './assessment-scores';
import { measureSpecToModel } from './measure/measure-mappers';
import { AssessmentService, ShownScore } from './assessment.service';
import { AppError } from '../graphql/app-error';
import { ErrorCode } from '@duty/shared/errors';

const SUPERVISORS = [Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR] as const;
const LEVELS = ['province', 'prefecture', 'county'];

@Resolver()
export class AssessmentResolver {
  constructor(private readonly service: AssessmentService) {}

  @Access(TASK_READERS)
  @Query(() => AssessmentPlanModel, { description: '考核方案 in force for a cycle.' })
  async assessmentPlan(@Args('cycleId', { type: () => ID }) cycleId: string) {
    return toPlanModel(cycleId, await this.service.plan(cycleId));
  }

  @Access([Role.PROVINCIAL_SUPERVISOR])
  @Mutation(() => AssessmentPlanModel, {
    description:
      'Saves the next plan version (validated: chapter weights sum to 100, bands ordered…) while the cycle is open.',
  })
  async saveAssessmentPlan(
    @Args('input') input: SaveAssessmentPlanInput,
    @Context() ctx: GraphQLContext,
  ) {
    return toPlanModel(
      input.cycleId,
      await this.service.savePlan(ctx.principal as Principal, input),
    );
  }

  @Access(SUPERVISORS)
  @Mutation(() => AdjustmentModel, {
    description: '加分项 / 扣分 / 督导意见 on a unit, with a reason.',
  })
  async addAssessmentAdjustment(
    @Args('input') input: AddAdjustmentInput,
    @Context() ctx: GraphQLContext,
  ) {
    return toAdjustmentModel(await this.service.addAdjustment(ctx.principal as Principal, input));
  }

  @Access(SUPERVISORS)
  @Mutation(() => AdjustmentModel, {
    description: 'Revokes an adjustment (it stays on record), with a reason.',
  })
  async revokeAssessmentAdjustment(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @Context() ctx: GraphQLContext,
  ) {
    return toAdjustmentModel(
      await this.service.revokeAdjustment(ctx.principal as Principal, { id, reason }),
    );
  }

  @Access(TASK_READERS)
  @Query(() => [UnitScoreModel], {
    description:
      'Scores of the units in your jurisdiction (live while open, frozen once closed), by level then rank.',
  })
  async assessmentScores(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Context() ctx: GraphQLContext,
    @Args('level', { nullable: true }) level?: string,
  ) {
    if (level && !LEVELS.includes(level)) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        'level 须为 province、prefecture 或 county。',
      );
    }
    const scores = await this.service.scores(
      ctx.principal as Principal,
      cycleId,
      level as RankLevel | undefined,
    );
    return scores.map(toScoreModel);
  }

  @Access(TASK_READERS)
  @Query(() => UnitAssessmentModel, {
    description:
      'One unit’s score, breakdown and adjustments; NOT_FOUND outside your jurisdiction.',
  })
  async unitAssessment(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('unitCode') unitCode: string,
    @Context() ctx: GraphQLContext,
  ) {
    const principal = ctx.principal as Principal;
    const { score, plan } = await this.service.unitScore(principal, cycleId, unitCode);
    const indicators = new Map(plan.plan.indicators.map((i) => [i.id, i]));
    return {
      ...toScoreModel(score),
      breakdown: score.breakdown.map((b) => ({
        indicatorId: b.indicatorId,
        name: indicators.get(b.indicatorId)?.name ?? b.indicatorId,
        chapter: indicators.get(b.indicatorId)?.chapter ?? 0,
        marks: round4(b.marks),
        earned: round4(b.earned),
        // Result sets frozen before stage scores counted have no source: computed.
        stage: b.stage ?? 'computed',
        stageScore: b.stageScore ?? null,
        computedEarned: round4(b.computedEarned ?? b.earned),
        tasks: b.tasks,
        // Result sets frozen before measurements existed have no kind.
        kind: b.kind ?? 'work',
        measure: b.measure ? { ...b.measure, fraction: round4(b.measure.fraction) } : null,
      })),
      adjustments: (await this.service.adjustments(principal, cycleId, unitCode)).map(
        toAdjustmentModel,
      ),
    };
  }

  @Access(TASK_READERS)
  @Query(() => [ResultSetModel], {
    description: 'Frozen result sets of a cycle, oldest first, each with an integrity check.',
  })
  async assessmentResultSets(@Args('cycleId', { type: () => ID }) cycleId: string) {
    return this.service.resultSets(cycleId);
  }
}

function toPlanModel(cycleId: string, p: PlanInForce): AssessmentPlanModel {
  return {
    cycleId,
    version: p.version,
    isDefault: p.version === 0,
    note: p.note,
    createdBy: p.createdBy,
    createdAt: p.createdAt,
    chapterWeights: Object.entries(p.plan.chapterWeights)
      .map(([chapter, weight]) => ({ chapter: Number(chapter), weight }))
      .sort((a, b) => a.chapter - b.chapter),
    indicators: p.plan.indicators.map((i) => ({
      ...i,
      kind: i.kind ?? 'work',
      measure: i.measure ? measureSpecToModel(i.measure) : null,
    })),
    rules: p.plan.rules,
    deductions: p.plan.deductions,
    bonusCap: p.plan.bonusCap,
    bands: p.plan.bands,
  };
}

function toScoreModel(s: ShownScore): UnitScoreModel {
  return {
    unitCode: s.code,
    unitName: s.unitName,
    level: s.level,
    parentCode: s.parentCode,
    score: s.score,
    grade: s.grade,
    rank: s.rank,
    frozen: s.frozen,
    resultSetVersion: s.resultSetVersion,
    bonusRequested: s.bonus.requested,
    bonusApplied: s.bonus.applied,
    deductions: s.deductions.map((d) => ({
      points: d.points,
      reason: d.reason,
      taskId: d.taskId ?? null,
    })),
    // Result sets frozen before 不适用 existed have no count.
    notApplicableTasks: s.notApplicableTasks ?? 0,
  };
}

function toAdjustmentModel(a: AssessmentAdjustment): AdjustmentModel {
  return { ...a, points: Number(a.points) };
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
