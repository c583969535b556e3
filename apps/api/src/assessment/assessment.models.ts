import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MeasureScoreModel, MeasureSpecModel } from './measure/measure.models';

@ObjectType('ChapterWeight')
@InputType('ChapterWeightInput')
export class ChapterWeightModel {
  @Field(() => Int) @IsInt() @Min(0) chapter!: number;
  @Field(() => Float, { description: 'Points of the chapter (all chapters sum to 100).' })
  @IsNumber()
  weight!: number;
}

@ObjectType('ScoringRules', {
  description: 'Share of an indicator’s marks per task outcome (0–1).',
})
@InputType('ScoringRulesInput')
export class ScoringRulesModel {
  @Field(() => Float) @IsNumber() verified!: number;
  @Field(() => Float) @IsNumber() submitted!: number;
  @Field(() => Float) @IsNumber() returnedOrInProgress!: number;
  @Field(() => Float) @IsNumber() notStarted!: number;
  @Field(() => Float, { description: 'Overdue at cycle end, whatever the status.' })
  @IsNumber()
  overdueAtCycleEnd!: number;
}

@ObjectType('DeductionRules', { description: 'Automatic deductions in points.' })
@InputType('DeductionRulesInput')
export class DeductionRulesModel {
  @Field(() => Float) @IsNumber() perExtensionBeyondFirst!: number;
  @Field(() => Float) @IsNumber() perReturn!: number;
}

@ObjectType('GradeBand')
@InputType('GradeBandInput')
export class GradeBandModel {
  @Field() @IsString() @MaxLength(20) grade!: string;
  @Field(() => Float) @IsNumber() min!: number;
}

@ObjectType('AssessmentIndicator', {
  description:
    '指标: a work item (one or more duties, by lineage id) or a measurement (定量, scored by a reported value against a target), in a chapter, with a weight.',
})
export class IndicatorModel {
  @Field() id!: string;
  @Field() name!: string;
  @Field(() => Int) chapter!: number;
  @Field(() => Float) weight!: number;
  @Field(() => [String], { description: 'Duty lineage ids (work items).' }) dutyIds!: string[];
  @Field({ description: 'work (职责类) or measure (定量类).' }) kind!: string;
  @Field(() => MeasureSpecModel, { nullable: true, description: 'Measurements only.' })
  measure!: MeasureSpecModel | null;
}

@InputType('AssessmentIndicatorInput')
export class IndicatorInput {
  @Field() @IsString() @MaxLength(64) id!: string;
  @Field() @IsString() @MaxLength(200) name!: string;
  @Field(() => Int) @IsInt() chapter!: number;
  @Field(() => Float) @IsNumber() weight!: number;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(500) dutyIds?: string[];
  @Field(() => [Int], {
    nullable: true,
    description: 'Whole articles (every tracked duty in them).',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  articles?: number[];
  @Field({ nullable: true, description: 'work (default) or measure.' })
  @IsOptional()
  @IsIn(['work', 'measure'])
  kind?: 'work' | 'measure';
  @Field(() => MeasureSpecModel, { nullable: true, description: 'Required for a measurement.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeasureSpecModel)
  measure?: MeasureSpecModel | null;
}

@ObjectType('AssessmentPlan', {
  description: '考核方案 of a cycle: version 0 is the default (nothing saved yet).',
})
export class AssessmentPlanModel {
  @Field(() => ID) cycleId!: string;
  @Field(() => Int) version!: number;
  @Field() isDefault!: boolean;
  @Field() note!: string;
  @Field(() => String, { nullable: true }) createdBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) createdAt!: Date | null;
  @Field(() => [ChapterWeightModel]) chapterWeights!: ChapterWeightModel[];
  @Field(() => [IndicatorModel]) indicators!: IndicatorModel[];
  @Field(() => ScoringRulesModel) rules!: ScoringRulesModel;
  @Field(() => DeductionRulesModel) deductions!: DeductionRulesModel;
  @Field(() => Float, { description: 'Most bonus points (加分项) that count.' }) bonusCap!: number;
  @Field(() => [GradeBandModel]) bands!: GradeBandModel[];
}

@InputType()
export class SaveAssessmentPlanInput {
  @Field(() => ID) @IsUUID() cycleId!: string;
  @Field(() => Int, {
    description: 'The version you edited (0 for the default): a stale one is a CONFLICT.',
  })
  @IsInt()
  expectedVersion!: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) note?: string;
  @Field(() => [ChapterWeightModel])
  @ValidateNested({ each: true })
  @Type(() => ChapterWeightModel)
  chapterWeights!: ChapterWeightModel[];
  @Field(() => [IndicatorInput], {
    nullable: true,
    description: 'Omitted: keep the current indicators.',
  })
  @IsOptional()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => IndicatorInput)
  indicators?: IndicatorInput[];
  @Field(() => ScoringRulesModel)
  @ValidateNested()
  @Type(() => ScoringRulesModel)
  rules!: ScoringRulesModel;
  @Field(() => DeductionRulesModel)
  @ValidateNested()
  @Type(() => DeductionRulesModel)
  deductions!: DeductionRulesModel;
  @Field(() => Float) @IsNumber() bonusCap!: number;
  @Field(() => [GradeBandModel])
  @ValidateNested({ each: true })
  @Type(() => GradeBandModel)
  bands!: GradeBandModel[];
}

@ObjectType('AssessmentAdjustment', {
  description: '加分项、扣分或督导意见, with its reason; revoked entries stay on record.',
})
export class AdjustmentModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) cycleId!: string;
  @Field() unitCode!: string;
  @Field({ description: 'bonus, deduction or remark' }) kind!: string;
  @Field(() => Float) points!: number;
  @Field() reason!: string;
  @Field() createdBy!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => String, { nullable: true }) revokedBy!: string | null;
  @Field(() => String, { nullable: true }) revokeReason!: string | null;
}

@InputType()
export class AddAdjustmentInput {
  @Field(() => ID) @IsUUID() cycleId!: string;
  @Field() @IsString() @MaxLength(12) unitCode!: string;
  @Field({ description: 'bonus, deduction or remark' })
  @IsIn(['bonus', 'deduction', 'remark'])
  kind!: 'bonus' | 'deduction' | 'remark';
  @Field(() => Float, { description: 'Points (> 0; 0 for a remark).' }) @IsNumber() points!: number;
  @Field() @IsString() @MaxLength(500) reason!: string;
}

@ObjectType('TaskScore')
export class TaskScoreModel {
  @Field(() => ID) taskId!: string;
  @Field() status!: string;
  @Field({
    description:
      'The rule that produced the fraction: verified, submitted, returnedOrInProgress, notStarted, overdue.',
  })
  rule!: string;
  @Field(() => Float) fraction!: number;
}

@ObjectType('IndicatorScore')
export class IndicatorScoreModel {
  @Field() indicatorId!: string;
  @Field({ description: 'work or measure.' }) kind!: string;
  @Field(() => MeasureScoreModel, { nullable: true, description: 'Measurements only.' })
  measure!: MeasureScoreModel | null;
  @Field() name!: string;
  @Field(() => Int) chapter!: number;
  @Field(() => Float, { description: 'Marks available to this unit (after rescaling).' })
  marks!: number;
  @Field(() => Float, { description: 'Marks earned: of the counting source (see stage).' })
  earned!: number;
  @Field({
    description:
      'Which score counts: computed (tasks or measured value), or the latest review stage that scored the indicator — self, prefecture or provincial.',
  })
  stage!: string;
  @Field(() => Float, {
    nullable: true,
    description: 'The counting stage’s score on the indicator’s plan-marks scale (null: computed).',
  })
  stageScore!: number | null;
  @Field(() => Float, {
    description:
      'The computed figure (tasks or measured value, after rescaling), shown next to a stage score.',
  })
  computedEarned!: number;
  @Field(() => [TaskScoreModel]) tasks!: TaskScoreModel[];
}

@ObjectType('ScoreDeduction')
export class ScoreDeductionModel {
  @Field(() => Float) points!: number;
  @Field() reason!: string;
  @Field(() => ID, { nullable: true }) taskId!: string | null;
}

@ObjectType('UnitScore', {
  description: 'A unit’s score out of 100, grade and rank among units of its level.',
})
export class UnitScoreModel {
  @Field() unitCode!: string;
  @Field() unitName!: string;
  @Field({
    description: 'province, prefecture or county (province-administered units rank as counties).',
  })
  level!: string;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field(() => Float) score!: number;
  @Field() grade!: string;
  @Field(() => Int) rank!: number;
  @Field({ description: 'From the frozen result set (cycle closed) rather than live.' })
  frozen!: boolean;
  @Field(() => Int, { nullable: true }) resultSetVersion!: number | null;
  @Field(() => Float) bonusRequested!: number;
  @Field(() => Float) bonusApplied!: number;
  @Field(() => [ScoreDeductionModel]) deductions!: ScoreDeductionModel[];
  @Field(() => Int, {
    description:
      '不适用: the unit’s tasks approved as not applicable, left out of the score (the remaining indicators are rescaled to 100).',
  })
  notApplicableTasks!: number;
}

@ObjectType('UnitAssessment', {
  description: 'One unit’s score with the breakdown that produced it.',
})
export class UnitAssessmentModel extends UnitScoreModel {
  @Field(() => [IndicatorScoreModel]) breakdown!: IndicatorScoreModel[];
  @Field(() => [AdjustmentModel]) adjustments!: AdjustmentModel[];
}

@ObjectType('AssessmentResultSet', { description: 'Scores frozen when the cycle was closed.' })
export class ResultSetModel {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => Int) planVersion!: number;
  @Field() closedBy!: string;
  @Field(() => GraphQLISODateTime) closedAt!: Date;
  @Field() asOf!: string;
  @Field() rowsSha256!: string;
  @Field(() => Int) units!: number;
  @Field({ description: 'The stored rows still hash to rowsSha256.' }) integrityOk!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) reopenedAt!: Date | null;
  @Field(() => String, { nullable: true }) reopenedBy!: string | null;
  @Field(() => String, { nullable: true }) reopenReason!: string | null;
}
