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
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ArticleChangeKindEnum } from '../../regulation/dto/regulation-enums';

export enum DutyMappingStatusEnum {
  PENDING = 'pending',
  CONFIRMED = 'confirmed',
  REJECTED = 'rejected',
}
registerEnumType(DutyMappingStatusEnum, {
  name: 'DutyMappingStatus',
  valuesMap: {
    PENDING: { description: '待审核' },
    CONFIRMED: { description: '已确认：新职责延续旧职责（沿革、跟踪、审核结果和部门）' },
    REJECTED: { description: '已驳回：新职责作为新的职责沿革' },
  },
});

export enum DutyMappingDecisionEnum {
  CONFIRM = 'confirm',
  REJECT = 'reject',
}
registerEnumType(DutyMappingDecisionEnum, { name: 'DutyMappingDecision' });

@ObjectType('DutyMappingSuggestion', {
  description:
    'A suggestion (映射建议) that a duty of a reworded article (changed, merged, split) continues a duty of the previous version, with its decision.',
})
export class DutyMappingSuggestionModel {
  @Field(() => ID) id!: string;

  @Field(() => ID, { description: 'The new version.' })
  versionId!: string;

  @Field(() => ID) dutyId!: string;

  @Field(() => ID) previousDutyId!: string;

  @Field(() => ArticleChangeKindEnum, {
    description: 'How the aligned article changed (CHANGED, MERGED or SPLIT).',
  })
  articleChange!: ArticleChangeKindEnum;

  @Field(() => Float, {
    description: 'Character-bigram Dice similarity of the two statements, 0–1.',
  })
  similarity!: number;

  @Field({
    description:
      'The best one-to-one match; false for an alternative (e.g. the second source of a merge).',
  })
  primary!: boolean;

  @Field(() => DutyMappingStatusEnum) status!: DutyMappingStatusEnum;

  @Field(() => String, { nullable: true }) decidedBy!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected (or a note).' })
  reason!: string | null;

  @Field(() => Int, { description: 'Send it back with a decision; a stale one is a CONFLICT.' })
  rowVersion!: number;

  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@InputType()
export class DutyMappingDecisionItemInput {
  @Field(() => ID)
  @IsUUID()
  suggestionId!: string;

  @Field(() => Int, { description: 'The rowVersion you read.' })
  @IsInt()
  expectedRowVersion!: number;
}

@InputType({
  description:
    'Confirms or rejects one or several suggestions, all or nothing (a rejection needs a reason).',
})
export class DecideDutyMappingInput {
  @Field(() => DutyMappingDecisionEnum)
  @IsIn(Object.values(DutyMappingDecisionEnum))
  decision!: DutyMappingDecisionEnum;

  @Field(() => [DutyMappingDecisionItemInput], { description: '1–500 suggestions.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DutyMappingDecisionItemInput)
  suggestions!: DutyMappingDecisionItemInput[];

  @Field({ nullable: true, description: 'Required to reject.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
