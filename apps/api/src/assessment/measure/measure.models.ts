import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

@ObjectType('MeasureTarget', { description: 'Target (full points) and floor of a measurement.' })
@InputType('MeasureTargetInput')
export class MeasureTargetModel {
  @Field(() => Float, { description: 'At or better than this: full points.' })
  @IsNumber()
  target!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'At or worse than this: nothing (linear scoring only; required there).',
  })
  @IsOptional()
  @IsNumber()
  floor?: number | null;
}

@ObjectType('MeasureLevelTargets', {
  description: 'Targets per unit level; a level without one is not assessed on the indicator.',
})
@InputType('MeasureLevelTargetsInput')
export class MeasureLevelsModel {
  @Field(() => MeasureTargetModel, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeasureTargetModel)
  province?: MeasureTargetModel | null;
  @Field(() => MeasureTargetModel, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeasureTargetModel)
  prefecture?: MeasureTargetModel | null;
  @Field(() => MeasureTargetModel, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeasureTargetModel)
  county?: MeasureTargetModel | null;
}

@ObjectType('MeasureOverride', { description: 'A target for one unit, replacing its level’s.' })
@InputType('MeasureOverrideInput')
export class MeasureOverrideModel extends MeasureTargetModel {
  @Field() @IsString() @MaxLength(12) unitCode!: string;
}

@ObjectType('MeasureBand', {
  description:
    'A row of a banded table: a value in [min, max) earns `points` (≤ the indicator’s weight; null bounds are open).',
})
@InputType('MeasureBandInput')
export class MeasureBandModel {
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() min!: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() max!: number | null;
  @Field(() => Float) @IsNumber() points!: number;
}

@ObjectType('MeasureSpec', {
  description: '定量指标: how a reported value is scored against its target.',
})
@InputType('MeasureSpecInput')
export class MeasureSpecModel {
  @Field({ description: 'Unit of measure as shown, e.g. %, 项, 件.' })
  @IsString()
  @MaxLength(20)
  unitOfMeasure!: string;
  @Field({ description: 'higher or lower (is better).' })
  @IsIn(['higher', 'lower'])
  direction!: 'higher' | 'lower';
  @Field({ description: 'threshold, linear or banded.' })
  @IsIn(['threshold', 'linear', 'banded'])
  scoring!: 'threshold' | 'linear' | 'banded';
  @Field(() => MeasureLevelsModel)
  @ValidateNested()
  @Type(() => MeasureLevelsModel)
  levels!: MeasureLevelsModel;
  @Field(() => [MeasureOverrideModel], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => MeasureOverrideModel)
  overrides?: MeasureOverrideModel[] | null;
  @Field(() => [MeasureBandModel], { nullable: true, description: 'Banded scoring only.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MeasureBandModel)
  bands?: MeasureBandModel[] | null;
}

@ObjectType('MeasureScore', { description: 'How a measured indicator was scored for a unit.' })
export class MeasureScoreModel {
  @Field(() => Float, {
    nullable: true,
    description: 'The value scored (adjusted, else reported).',
  })
  value!: number | null;
  @Field({ description: 'adjusted, reported or none.' }) source!: string;
  @Field(() => Float, { nullable: true }) reported!: number | null;
  @Field(() => Float, { nullable: true }) adjusted!: number | null;
  @Field(() => Float) target!: number;
  @Field(() => Float, { nullable: true }) floor!: number | null;
  @Field({ description: 'override (the unit’s own target) or level.' }) targetFrom!: string;
  @Field({ description: 'threshold, linear, banded, or missing (nothing reported).' })
  rule!: string;
  @Field(() => Int, { nullable: true, description: 'Row of the banded table the value fell in.' })
  band!: number | null;
  @Field(() => Float, { description: 'Share of the indicator’s marks earned (0–1).' })
  fraction!: number;
}

@ObjectType('MeasureEvent', {
  description: 'One change to a unit’s measured value (append-only record).',
})
export class MeasureEventModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'report, adjust or unadjust.' }) action!: string;
  @Field(() => Float, { nullable: true }) beforeValue!: number | null;
  @Field(() => Float, { nullable: true }) afterValue!: number | null;
  @Field(() => ID, { nullable: true }) evidenceId!: string | null;
  @Field(() => String, { nullable: true }) sourceRef!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() actor!: string;
  @Field() actorRole!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('UnitMeasureValue', {
  description:
    'A measured indicator that applies to a unit: its target, the reported value with its source, a reviewer’s adjusted value, and the record of changes.',
})
export class UnitMeasureValueModel {
  @Field() indicatorId!: string;
  @Field() name!: string;
  @Field(() => Int) chapter!: number;
  @Field(() => Float) weight!: number;
  @Field(() => MeasureSpecModel) measure!: MeasureSpecModel;
  @Field(() => Float) target!: number;
  @Field(() => Float, { nullable: true }) floor!: number | null;
  @Field() targetFrom!: string;
  @Field(() => Float, { nullable: true }) reportedValue!: number | null;
  @Field(() => ID, { nullable: true }) evidenceId!: string | null;
  @Field(() => String, { nullable: true, description: 'File name of the evidence.' })
  evidenceName!: string | null;
  @Field(() => String, { nullable: true }) sourceRef!: string | null;
  @Field(() => String, { nullable: true }) reportedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) reportedAt!: Date | null;
  @Field(() => Float, { nullable: true }) adjustedValue!: number | null;
  @Field(() => String, { nullable: true }) adjustReason!: string | null;
  @Field(() => String, { nullable: true }) adjustedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) adjustedAt!: Date | null;
  @Field({ description: 'You may report this unit’s value (cycle open, unit in your scope).' })
  canReport!: boolean;
  @Field({ description: 'You may adjust it (a supervisor reviewing this unit, cycle open).' })
  canAdjust!: boolean;
  @Field(() => [MeasureEventModel], { description: 'Changes, oldest first.' })
  events!: MeasureEventModel[];
}

@InputType()
export class ReportMeasureInput {
  @Field(() => ID) @IsUUID() cycleId!: string;
  @Field() @IsString() @MaxLength(12) unitCode!: string;
  @Field() @IsString() @MaxLength(64) indicatorId!: string;
  @Field(() => Float) @IsNumber() value!: number;
  @Field(() => ID, {
    nullable: true,
    description: 'An evidence file of this unit and cycle that the value comes from.',
  })
  @IsOptional()
  @IsUUID()
  evidenceId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The source document otherwise (文号, bulletin, statistics table).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  sourceRef?: string | null;
}

@InputType()
export class AdjustMeasureInput {
  @Field(() => ID) @IsUUID() cycleId!: string;
  @Field() @IsString() @MaxLength(12) unitCode!: string;
  @Field() @IsString() @MaxLength(64) indicatorId!: string;
  @Field(() => Float, {
    nullable: true,
    description: 'The reviewed value (scored instead of the reported one); null withdraws it.',
  })
  @IsOptional()
  @IsNumber()
  value?: number | null;
  @Field() @IsString() @MaxLength(500) reason!: string;
}
