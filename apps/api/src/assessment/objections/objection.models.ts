import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';

@ObjectType('PublishedIndicator', {
  description:
    'One indicator of a published provisional result: the marks earned of those available.',
})
export class PublishedIndicatorModel {
  @Field() indicatorId!: string;
  @Field() name!: string;
  @Field({ description: 'work or measure.' }) kind!: string;
  @Field(() => Float) marks!: number;
  @Field(() => Float) earned!: number;
  @Field({
    description:
      'Which score counted: computed (tasks or measured value), self, prefecture or provincial.',
  })
  stage!: string;
}

@ObjectType('PublishedUnitResult', { description: 'One unit’s provisional result as published.' })
export class PublishedUnitResultModel {
  @Field() unitCode!: string;
  @Field() unitName!: string;
  @Field({ description: 'province, prefecture or county (ranks are within the level).' })
  level!: string;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field(() => Float) score!: number;
  @Field() grade!: string;
  @Field(() => Int) rank!: number;
  @Field(() => [PublishedIndicatorModel]) indicators!: PublishedIndicatorModel[];
}

@ObjectType('AssessmentPublication', {
  description: '考核结果公示: one published version of a cycle’s provisional results.',
})
export class AssessmentPublicationModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) cycleId!: string;
  @Field(() => Int) version!: number;
  @Field(() => Int) planVersion!: number;
  @Field(() => GraphQLISODateTime) objectionClosesAt!: Date;
  @Field({ description: 'Objections are accepted now.' }) windowOpen!: boolean;
  @Field(() => Int, { description: 'Units published (all, whatever your jurisdiction).' })
  units!: number;
  @Field() publishedBy!: string;
  @Field(() => GraphQLISODateTime) publishedAt!: Date;
  @Field(() => [PublishedUnitResultModel], {
    description: 'The results within your jurisdiction (a county operator: their own unit).',
  })
  results!: PublishedUnitResultModel[];
}

@ObjectType('AssessmentObjection', {
  description:
    '考核异议: a unit’s objection to one indicator of its published result, and the decision.',
})
export class AssessmentObjectionModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) cycleId!: string;
  @Field(() => ID) publicationId!: string;
  @Field(() => Int) publicationVersion!: number;
  @Field() unitCode!: string;
  @Field() unitName!: string;
  @Field() indicatorId!: string;
  @Field() indicatorName!: string;
  @Field() reason!: string;
  @Field(() => [ID]) evidenceIds!: string[];
  @Field() filedBy!: string;
  @Field(() => GraphQLISODateTime) filedAt!: Date;
  @Field(() => String, { nullable: true, description: 'UPHELD, REJECTED, or null: pending.' })
  decision!: string | null;
  @Field(() => String, { nullable: true }) decisionReason!: string | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Points added (+) or deducted (−) by an upheld objection.',
  })
  scoreChange!: number | null;
  @Field(() => ID, { nullable: true, description: 'The adjustment that applied the change.' })
  adjustmentId!: string | null;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt!: Date | null;
}

@InputType()
export class FileAssessmentObjectionInput {
  @Field(() => ID) @IsUUID() cycleId!: string;
  @Field() @IsString() @MaxLength(12) unitCode!: string;
  @Field() @IsString() @MaxLength(64) indicatorId!: string;
  @Field() @IsString() @MaxLength(2000) reason!: string;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  evidenceIds?: string[] | null;
}

@InputType()
export class DecideAssessmentObjectionInput {
  @Field(() => ID) @IsUUID() objectionId!: string;
  @Field({ description: 'UPHELD (成立) or REJECTED (不成立).' })
  @IsIn(['UPHELD', 'REJECTED'])
  decision!: 'UPHELD' | 'REJECTED';
  @Field() @IsString() @MaxLength(2000) reason!: string;
  @Field(() => Float, {
    nullable: true,
    description: 'Upheld only: points to add (+) or deduct (−), applied as an adjustment.',
  })
  @IsOptional()
  @IsNumber()
  scoreChange?: number | null;
}
