import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MAX_PAGE_INPUT_FIRST } from '../../common/page-size';
import {
  ActorTypeEnum,
  AdminLevelEnum,
  DutyKindEnum,
  ModalityEnum,
  ReviewStateEnum,
} from './duty-enums';

@InputType({ description: 'Filters for the duty register; all given filters must hold.' })
export class DutyFilterInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Default: the latest version of each regulation.',
  })
  @IsOptional()
  @IsUUID()
  versionId?: string;

  @Field({ nullable: true, description: 'Latest version of this regulation.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  regulationCode?: string;

  @Field(() => [AdminLevelEnum], { nullable: true, description: 'Applies at any of these levels.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsIn(Object.values(AdminLevelEnum), { each: true })
  levels?: AdminLevelEnum[];

  @Field(() => [ModalityEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  modalities?: ModalityEnum[];

  @Field(() => [ActorTypeEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  actorTypes?: ActorTypeEnum[];

  @Field(() => [DutyKindEnum], { nullable: true, description: 'Any of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(9)
  @IsIn(Object.values(DutyKindEnum), { each: true })
  kinds?: DutyKindEnum[];

  @Field({
    nullable: true,
    description: 'true: only duties whose inferred actor awaits confirmation; false: the others.',
  })
  @IsOptional()
  @IsBoolean()
  needsReview?: boolean;

  @Field(() => [String], {
    nullable: true,
    description: 'Lead or assisting department kind codes.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  departmentCodes?: string[];

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  chapterNumbers?: number[];

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  articleNumbers?: number[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  tracked?: boolean;

  @Field(() => [ReviewStateEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(2)
  reviewStates?: ReviewStateEnum[];

  @Field({ nullable: true, description: 'Only government and department duties.' })
  @IsOptional()
  @IsBoolean()
  governmentOnly?: boolean;

  @Field({ nullable: true, description: 'Substring of the duty text, subject or actor.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

@InputType()
export class PageInput {
  @Field(() => Int, { defaultValue: 100, description: '1–500.' })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_INPUT_FIRST)
  first: number = 100;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset: number = 0;
}

@InputType({ description: 'A review of one duty. Omitted fields keep their value.' })
export class ReviewDutyInput {
  @Field(() => ID)
  @IsUUID()
  dutyId!: string;

  @Field(() => Int, { description: 'The rowVersion you read; a stale one fails with CONFLICT.' })
  @IsInt()
  expectedRowVersion!: number;

  @Field(() => ActorTypeEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ActorTypeEnum))
  actorType?: ActorTypeEnum;

  @Field(() => [AdminLevelEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  levels?: AdminLevelEnum[];

  @Field(() => ModalityEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ModalityEnum))
  modality?: ModalityEnum;

  @Field({ nullable: true, description: '牵头部门 (department kind code).' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  leadDepartmentCode?: string;

  @Field(() => [String], { nullable: true, description: '配合部门 (department kind codes).' })
  @IsOptional()
  @ArrayMaxSize(50)
  assistingDepartmentCodes?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  tracked?: boolean;

  @Field({ nullable: true, description: 'Why (kept in the history).' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
