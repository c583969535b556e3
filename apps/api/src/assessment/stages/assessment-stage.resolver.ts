import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../../access/access.decorator';
import { Principal } from '../../auth/principal';
import { Role } from '../../auth/role';
import type { GraphQLContext } from '../../graphql/loaders';
import { TASK_READERS } from '../../task/task-scope';
import { AssessmentScoreChange, AssessmentStageWindow } from './assessment-stage.entities';
import {
  ReturnSelfAssessmentInput,
  SaveSelfAssessmentInput,
  ScoreChangeModel,
  SetStageScheduleInput,
  StageReviewScoreInput,
  StageEvidenceModel,
  StageUnitSummaryModel,
  StageWindowModel,
  UnitStageAssessmentModel,
  UnitStageInput,
} from './assessment-stage.models';
import { AssessmentStageReviewService } from './assessment-stage-review.service';
import { StageEvidenceFile, UnitStageView } from './assessment-stage.rules';
import { AssessmentStageService } from './assessment-stage.service';

const num = (v: string | null | undefined) => (v == null ? null : Number(v));
const PRELIMINARY_REVIEWERS = [Role.PREFECTURE_SUPERVISOR, Role.PROVINCIAL_SUPERVISOR];

@Resolver()
export class AssessmentStageResolver {
  constructor(
    private readonly service: AssessmentStageService,
    private readonly reviews: AssessmentStageReviewService,
  ) {}

  @Access(TASK_READERS)
  @Query(() => [StageWindowModel], {
    description: 'The windows of the assessment stages of a cycle, in stage order.',
  })
  assessmentStageSchedule(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.service.schedule(ctx.principal as Principal, cycleId).then((w) => w.map(toWindow));
  }

  @Access([Role.PROVINCIAL_SUPERVISOR])
  @Mutation(() => [StageWindowModel], {
    description:
      'Sets the windows of assessment stages (provincial supervisors); stages must open in order. VALIDATION_FAILED codes: STAGE_WINDOW_INVALID, STAGE_WINDOW_ORDER, STAGE_DUPLICATE.',
  })
  async setAssessmentStageSchedule(
    @Args('input') input: SetStageScheduleInput,
    @Context() ctx: GraphQLContext,
  ) {
    const rows = await this.service.setSchedule(
      ctx.principal as Principal,
      input.cycleId,
      input.windows,
    );
    return rows.map(toWindow);
  }

  @Access(TASK_READERS)
  @Query(() => [StageUnitSummaryModel], {
    description:
      'The units of your jurisdiction taking part in the cycle, with self-assessment state and staged score.',
  })
  async stageAssessmentUnits(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Context() ctx: GraphQLContext,
  ): Promise<StageUnitSummaryModel[]> {
    const rows = await this.service.units(ctx.principal as Principal, cycleId);
    return rows.map((r) => ({
      unitCode: r.unit.code,
      unitName: r.unit.name,
      level: r.unit.level,
      parentCode: r.unit.parentCode,
      status: r.state?.status ?? 'draft',
      submittedAt: r.state?.submittedAt ?? null,
      late: r.state?.late ?? false,
      returnCount: r.state?.returnCount ?? 0,
      finalScore: r.final.score,
    }));
  }

  @Access(TASK_READERS)
  @Query(() => UnitStageAssessmentModel, {
    description:
      'A unit’s staged assessment (self-assessment, reviews, record of changes); NOT_FOUND outside your jurisdiction.',
  })
  async unitStageAssessment(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('unitCode') unitCode: string,
    @Context() ctx: GraphQLContext,
  ) {
    return toView(await this.service.unitView(ctx.principal as Principal, cycleId, unitCode));
  }

  @Access(TASK_READERS)
  @Query(() => [StageEvidenceModel], {
    description:
      'The unit’s current evidence files of the cycle (newest first, at most 500), to name as the source of a self-score, a measured value, an objection or an on-site finding — readable by the unit’s own operators too; NOT_FOUND outside your jurisdiction.',
  })
  async unitEvidenceChoices(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('unitCode') unitCode: string,
    @Context() ctx: GraphQLContext,
  ) {
    const files = await this.service.evidenceChoices(ctx.principal as Principal, cycleId, unitCode);
    return files.map(toEvidence);
  }

  @Access([Role.COUNTY_OPERATOR])
  @Mutation(() => UnitStageAssessmentModel, {
    description:
      'Saves the self-score, narrative and evidence of one indicator (the unit’s own operators). VALIDATION_FAILED codes: STAGE_NOT_SCHEDULED, STAGE_NOT_OPEN, STAGE_CLOSED, SELF_ASSESSMENT_SUBMITTED, SCORE_OUT_OF_RANGE, EVIDENCE_FOREIGN, INDICATOR_NOT_APPLICABLE.',
  })
  async saveSelfAssessment(
    @Args('input') input: SaveSelfAssessmentInput,
    @Context() ctx: GraphQLContext,
  ) {
    const principal = ctx.principal as Principal;
    await this.service.saveSelf(principal, input);
    return toView(await this.service.unitView(principal, input.cycleId, input.unitCode));
  }

  @Access([Role.COUNTY_OPERATOR])
  @Mutation(() => UnitStageAssessmentModel, {
    description:
      'Submits the unit’s self-assessment for review; after its due time it is taken and marked late. VALIDATION_FAILED code SELF_ASSESSMENT_INCOMPLETE names the indicators left.',
  })
  async submitSelfAssessment(@Args('input') input: UnitStageInput, @Context() ctx: GraphQLContext) {
    const principal = ctx.principal as Principal;
    await this.service.submitSelf(principal, input.cycleId, input.unitCode);
    return toView(await this.service.unitView(principal, input.cycleId, input.unitCode));
  }

  @Access(PRELIMINARY_REVIEWERS)
  @Mutation(() => UnitStageAssessmentModel, {
    description:
      'Preliminary review (市州初审): a score and comment on one indicator of a submitted self-assessment, by the unit’s prefecture supervisor (the provincial supervisor for units directly under the province).',
  })
  async preliminaryReviewScore(
    @Args('input') input: StageReviewScoreInput,
    @Context() ctx: GraphQLContext,
  ) {
    const principal = ctx.principal as Principal;
    await this.reviews.review(principal, 'PREFECTURE_REVIEW', input);
    return toView(await this.service.unitView(principal, input.cycleId, input.unitCode));
  }

  @Access(PRELIMINARY_REVIEWERS)
  @Mutation(() => UnitStageAssessmentModel, {
    description:
      'Returns a submitted self-assessment to the unit for correction, with a reason; it reopens for the unit until the correction is due.',
  })
  async returnSelfAssessment(
    @Args('input') input: ReturnSelfAssessmentInput,
    @Context() ctx: GraphQLContext,
  ) {
    const principal = ctx.principal as Principal;
    await this.reviews.returnSelf(principal, input);
    return toView(await this.service.unitView(principal, input.cycleId, input.unitCode));
  }

  @Access([Role.PROVINCIAL_SUPERVISOR])
  @Mutation(() => UnitStageAssessmentModel, {
    description: 'Provincial review (省级复核): a score and comment on one indicator of a unit.',
  })
  async provincialReviewScore(
    @Args('input') input: StageReviewScoreInput,
    @Context() ctx: GraphQLContext,
  ) {
    const principal = ctx.principal as Principal;
    await this.reviews.review(principal, 'PROVINCIAL_REVIEW', input);
    return toView(await this.service.unitView(principal, input.cycleId, input.unitCode));
  }
}

function toWindow(w: AssessmentStageWindow): StageWindowModel {
  return {
    stage: w.stage,
    opensAt: w.opensAt,
    closesAt: w.closesAt,
    setBy: w.setBy,
    setAt: w.setAt,
  };
}

function toChange(c: AssessmentScoreChange): ScoreChangeModel {
  return {
    id: c.id,
    indicatorId: c.indicatorId,
    stage: c.stage,
    action: c.action,
    beforeScore: num(c.beforeScore),
    afterScore: num(c.afterScore),
    reason: c.reason,
    late: typeof c.detail?.late === 'boolean' ? c.detail.late : null,
    actor: c.actor,
    actorRole: c.actorRole,
    occurredAt: c.occurredAt,
  };
}

function toView(v: UnitStageView): UnitStageAssessmentModel {
  const earned = new Map(v.final.indicators.map((i) => [i.indicatorId, i]));
  return {
    unitCode: v.unit.code,
    unitName: v.unit.name,
    status: v.state?.status ?? 'draft',
    submittedAt: v.state?.submittedAt ?? null,
    submittedBy: v.state?.submittedBy ?? null,
    late: v.state?.late ?? false,
    submitCount: v.state?.submitCount ?? 0,
    dueAt: v.dueAt,
    returnReason: v.state?.returnReason ?? null,
    returnedBy: v.state?.returnedBy ?? null,
    returnedAt: v.state?.returnedAt ?? null,
    returnCount: v.state?.returnCount ?? 0,
    finalScore: v.final.score,
    indicators: v.indicators.map((i) => ({
      indicatorId: i.indicatorId,
      name: i.name,
      chapter: i.chapter,
      kind: i.kind,
      planMarks: Math.round(i.planMarks * 100) / 100,
      selfScore: num(i.entry?.selfScore),
      narrative: i.entry?.narrative ?? null,
      evidenceIds: i.entry?.evidenceIds ?? [],
      submittedAt: i.entry?.submittedAt ?? null,
      late: i.entry?.late ?? false,
      prefectureScore: num(i.entry?.prefectureScore),
      prefectureComment: i.entry?.prefectureComment ?? null,
      prefectureBy: i.entry?.prefectureBy ?? null,
      provincialScore: num(i.entry?.provincialScore),
      provincialComment: i.entry?.provincialComment ?? null,
      provincialBy: i.entry?.provincialBy ?? null,
      finalStage: earned.get(i.indicatorId)?.stage ?? null,
      source: earned.get(i.indicatorId)?.source ?? 'computed',
      earned: earned.get(i.indicatorId)?.earned ?? 0,
      computedEarned: earned.get(i.indicatorId)?.computedEarned ?? 0,
    })),
    changes: v.changes.map(toChange),
    evidenceFiles: v.evidence.map(toEvidence),
    canEditSelf: v.canEditSelf,
    canPreliminaryReview: v.canPreliminaryReview,
    canProvincialReview: v.canProvincialReview,
  };
}

function toEvidence(e: StageEvidenceFile) {
  return { ...e, withdrawn: Boolean(e.withdrawn), contentUrl: `/api/evidence/${e.id}/content` };
}
