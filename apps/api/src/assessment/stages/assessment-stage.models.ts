import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDate,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ASSESSMENT_STAGES, AssessmentStage } from './assessment-stage.entities';

export enum AssessmentStageKind {
  SELF_ASSESSMENT = 'SELF_ASSESSMENT',
  PREFECTURE_REVIEW = 'PREFECTURE_REVIEW',
  PROVINCIAL_REVIEW = 'PROVINCIAL_REVIEW',
  ONSITE_VERIFICATION = 'ONSITE_VERIFICATION',
  PUBLICATION = 'PUBLICATION',
  OBJECTION = 'OBJECTION',
  FINAL = 'FINAL',
}

registerEnumType(AssessmentStageKind, {
  name: 'AssessmentStage',
  description: 'A stage of the Article 40 assessment, in order.',
  valuesMap: {
    SELF_ASSESSMENT: { description: '自评' },
    PREFECTURE_REVIEW: { description: '市州初审' },
    PROVINCIAL_REVIEW: { description: '省级复核' },
    ONSITE_VERIFICATION: { description: '实地核查' },
    PUBLICATION: { description: '公示' },
    OBJECTION: { description: '异议' },
    FINAL: { description: '终审' },
  },
});

@ObjectType('AssessmentStageWindow', { description: 'The window of one assessment stage.' })
export class StageWindowModel {
  @Field(() => AssessmentStageKind) stage!: AssessmentStage;
  @Field(() => GraphQLISODateTime) opensAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'Exclusive: the stage is closed from here.' })
  closesAt!: Date;
  @Field() setBy!: string;
  @Field(() => GraphQLISODateTime) setAt!: Date;
}

@InputType('AssessmentStageWindowInput')
export class StageWindowInput {
  @Field(() => AssessmentStageKind)
  @IsIn(ASSESSMENT_STAGES)
  stage!: AssessmentStage;
  @Field(() => GraphQLISODateTime) @Type(() => Date) @IsDate() opensAt!: Date;
  @Field(() => GraphQLISODateTime) @Type(() => Date) @IsDate() closesAt!: Date;
}

@InputType('SetAssessmentStageScheduleInput')
export class SetStageScheduleInput {
  @Field(() => ID) @IsUUID() cycleId!: string;
  @Field(() => [StageWindowInput], {
    description: 'Windows of the stages to set; stages not listed keep theirs.',
  })
  @ArrayMaxSize(ASSESSMENT_STAGES.length)
  @ValidateNested({ each: true })
  @Type(() => StageWindowInput)
  windows!: StageWindowInput[];
}

@ObjectType('AssessmentScoreChange', {
  description:
    'One recorded score change or hand-over of the staged assessment (append-only, hash-chained).',
})
export class ScoreChangeModel {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'Null for a submission or return.' })
  indicatorId!: string | null;
  @Field(() => AssessmentStageKind) stage!: AssessmentStage;
  @Field({ description: 'SELF_SCORE, SUBMIT, RETURN, PREFECTURE_SCORE or PROVINCIAL_SCORE.' })
  action!: string;
  @Field(() => Float, { nullable: true }) beforeScore!: number | null;
  @Field(() => Float, { nullable: true }) afterScore!: number | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'SUBMIT: after its due time.' })
  late!: boolean | null;
  @Field() actor!: string;
  @Field() actorRole!: string;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
}

@ObjectType('AssessmentStageIndicator', {
  description: 'One indicator of a unit with its self-assessment and review scores.',
})
export class StageIndicatorModel {
  @Field() indicatorId!: string;
  @Field() name!: string;
  @Field(() => Int) chapter!: number;
  @Field({ description: 'work or measure.' }) kind!: string;
  @Field(() => Float, { description: 'The indicator’s marks in the plan: the most a stage gives.' })
  planMarks!: number;
  @Field(() => Float, { nullable: true }) selfScore!: number | null;
  @Field(() => String, { nullable: true }) narrative!: string | null;
  @Field(() => [ID]) evidenceIds!: string[];
  @Field(() => GraphQLISODateTime, { nullable: true }) submittedAt!: Date | null;
  @Field() late!: boolean;
  @Field(() => Float, { nullable: true }) prefectureScore!: number | null;
  @Field(() => String, { nullable: true }) prefectureComment!: string | null;
  @Field(() => String, { nullable: true }) prefectureBy!: string | null;
  @Field(() => Float, { nullable: true }) provincialScore!: number | null;
  @Field(() => String, { nullable: true }) provincialComment!: string | null;
  @Field(() => String, { nullable: true }) provincialBy!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The stage whose score counts (self, prefecture or provincial).',
  })
  finalStage!: string | null;
  @Field({
    description:
      'Which score counts in the unit’s live score: computed (tasks or measured value), self, prefecture or provincial. Self-scores count once the self-assessment is submitted (not while draft or returned).',
  })
  source!: string;
  @Field(() => Float, {
    description: 'Contribution to the unit’s live score out of 100 (of the counting source).',
  })
  earned!: number;
  @Field(() => Float, {
    description: 'The computed figure (tasks or measured value), shown next to a stage score.',
  })
  computedEarned!: number;
}

@ObjectType('AssessmentStageEvidence', {
  description: 'An evidence file of the unit and cycle, to attach to a self-assessment or read.',
})
export class StageEvidenceModel {
  @Field(() => ID) id!: string;
  @Field() fileName!: string;
  @Field(() => String, { nullable: true }) documentNumber!: string | null;
  @Field({ description: 'Withdrawn after it was attached: on record, no longer to attach.' })
  withdrawn!: boolean;
  @Field({ description: 'Download URL (same session).' }) contentUrl!: string;
}

@ObjectType('UnitStageAssessment', {
  description: 'A unit’s staged assessment: its self-assessment state, indicators and record.',
})
export class UnitStageAssessmentModel {
  @Field() unitCode!: string;
  @Field() unitName!: string;
  @Field({ description: 'draft, submitted or returned.' }) status!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) submittedAt!: Date | null;
  @Field(() => String, { nullable: true }) submittedBy!: string | null;
  @Field({ description: 'The latest submission came after its due time.' }) late!: boolean;
  @Field(() => Int) submitCount!: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When self-assessment is due.' })
  dueAt!: Date | null;
  @Field(() => String, { nullable: true }) returnReason!: string | null;
  @Field(() => String, { nullable: true }) returnedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) returnedAt!: Date | null;
  @Field(() => Int) returnCount!: number;
  @Field(() => Float, {
    description:
      'The unit’s live score out of 100 — the same figure as the assessment scores: each indicator’s latest stage score (else its computed figure), then deductions and bonuses.',
  })
  finalScore!: number;
  @Field(() => [StageIndicatorModel]) indicators!: StageIndicatorModel[];
  @Field(() => [ScoreChangeModel]) changes!: ScoreChangeModel[];
  @Field(() => [StageEvidenceModel], {
    description:
      'The unit’s current evidence files of the cycle (newest first), and attached ones since withdrawn.',
  })
  evidenceFiles!: StageEvidenceModel[];
  @Field() canEditSelf!: boolean;
  @Field() canPreliminaryReview!: boolean;
  @Field() canProvincialReview!: boolean;
}

@ObjectType('StageUnitSummary', { description: 'A unit’s self-assessment state and score.' })
export class StageUnitSummaryModel {
  @Field() unitCode!: string;
  @Field() unitName!: string;
  @Field() level!: string;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field({ description: 'draft, submitted or returned.' }) status!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) submittedAt!: Date | null;
  @Field() late!: boolean;
  @Field(() => Int) returnCount!: number;
  @Field(() => Float, { description: 'The unit’s live score (the same as the assessment scores).' })
  finalScore!: number;
}

@InputType('SaveSelfAssessmentInput')
export class SaveSelfAssessmentInput {
  @Field(() => ID) @IsUUID() cycleId!: string;
  @Field() @IsString() @MaxLength(12) unitCode!: string;
  @Field() @IsString() @MaxLength(64) indicatorId!: string;
  @Field(() => Float, { description: 'On the indicator’s plan-marks scale.' })
  @IsNumber()
  selfScore!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() narrative?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Evidence of the unit and cycle.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  evidenceIds?: string[] | null;
}

@InputType('UnitStageInput')
export class UnitStageInput {
  @Field(() => ID) @IsUUID() cycleId!: string;
  @Field() @IsString() @MaxLength(12) unitCode!: string;
}

@InputType('StageReviewScoreInput')
export class StageReviewScoreInput {
  @Field(() => ID) @IsUUID() cycleId!: string;
  @Field() @IsString() @MaxLength(12) unitCode!: string;
  @Field() @IsString() @MaxLength(64) indicatorId!: string;
  @Field(() => Float) @IsNumber() score!: number;
  @Field() @IsString() @MaxLength(2000) comment!: string;
}

@InputType('ReturnSelfAssessmentInput')
export class ReturnSelfAssessmentInput {
  @Field(() => ID) @IsUUID() cycleId!: string;
  @Field() @IsString() @MaxLength(12) unitCode!: string;
  @Field() @IsString() @MaxLength(2000) reason!: string;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the correction is due (default: the preliminary review’s close).',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  correctionDueAt?: Date | null;
}
