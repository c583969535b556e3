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
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export enum BulletinPeriodKindEnum {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
}
registerEnumType(BulletinPeriodKindEnum, {
  name: 'BulletinPeriodKind',
  valuesMap: {
    MONTH: { description: '月度通报：period 写作 2026-11' },
    QUARTER: { description: '季度通报：period 写作 2026-Q4' },
  },
});

export enum BulletinStatusEnum {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(BulletinStatusEnum, {
  name: 'BulletinStatus',
  valuesMap: {
    DRAFT: { description: '草稿：可重新生成、修改、删除' },
    PUBLISHED: { description: '已发布：DOCX 与哈希固化，不可更改' },
  },
});

export enum BulletinBlockKind {
  HEADING = 'HEADING',
  PARAGRAPH = 'PARAGRAPH',
  TABLE = 'TABLE',
  NOTE = 'NOTE',
}
registerEnumType(BulletinBlockKind, { name: 'BulletinBlockKind' });

export const MAX_GOOD_PRACTICES = 10;

@InputType()
export class BulletinGoodPracticeInput {
  @Field(() => ID, { description: 'A verified task of the scope and cycle.' })
  @IsUUID()
  taskId!: string;

  @Field({ description: '督导的简短点评（必填，至多 300 字）' })
  @IsString()
  @MaxLength(300)
  comment!: string;
}

@InputType()
export class GenerateBulletinInput {
  @Field(() => ID) @IsUUID() cycleId!: string;

  @Field(() => BulletinPeriodKindEnum)
  @IsIn(Object.values(BulletinPeriodKindEnum))
  periodKind!: BulletinPeriodKindEnum;

  @Field({ description: '2026-11 (MONTH) or 2026-Q4 (QUARTER).' })
  @IsString()
  @MaxLength(10)
  period!: string;

  @Field({
    nullable: true,
    description:
      'The province (default for a provincial supervisor) or a prefecture (default and only choice for a prefecture supervisor).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  scopeUnitCode?: string;

  @Field(() => [BulletinGoodPracticeInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_GOOD_PRACTICES)
  @ValidateNested({ each: true })
  @Type(() => BulletinGoodPracticeInput)
  goodPractices?: BulletinGoodPracticeInput[];
}

@InputType()
export class UpdateBulletinDraftInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() @Min(1) expectedRowVersion!: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(300) title?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) issuingBody?: string;
  @Field({ nullable: true, description: '主送' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  addressee?: string;
  @Field({ nullable: true, description: '导语' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  intro?: string;
  @Field({ nullable: true, description: '下一步工作要求，每行一条' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  requirements?: string;
  @Field(() => [BulletinGoodPracticeInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_GOOD_PRACTICES)
  @ValidateNested({ each: true })
  @Type(() => BulletinGoodPracticeInput)
  goodPractices?: BulletinGoodPracticeInput[];
}

@InputType()
export class BulletinFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() cycleId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(12) scopeUnitCode?: string;
  @Field(() => BulletinStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(BulletinStatusEnum))
  status?: BulletinStatusEnum;
  @Field(() => BulletinPeriodKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(BulletinPeriodKindEnum))
  periodKind?: BulletinPeriodKindEnum;
}

@ObjectType('BulletinBlock', {
  description:
    'One block of the bulletin in reading order; the DOCX and the browser preview render the same blocks.',
})
export class BulletinBlockModel {
  @Field(() => BulletinBlockKind) kind!: BulletinBlockKind;
  @Field(() => String, { nullable: true, description: 'HEADING, PARAGRAPH, NOTE' })
  text!: string | null;
  @Field(() => [String], { nullable: true, description: 'TABLE: header row' })
  columns!: string[] | null;
  @Field(() => [[String]], { nullable: true, description: 'TABLE: body rows' })
  rows!: string[][] | null;
  @Field(() => [Boolean], { nullable: true, description: 'TABLE: numeric (centred) columns' })
  numeric!: boolean[] | null;
}

@ObjectType('BulletinDocument')
export class BulletinDocumentModel {
  @Field() title!: string;
  @Field({ description: '文号（草稿中为发布时将使用的编号）' }) number!: string;
  @Field() issuingBody!: string;
  @Field() issueDate!: string;
  @Field() issueDateText!: string;
  @Field({ description: '主送' }) addressee!: string;
  @Field(() => [BulletinBlockModel]) blocks!: BulletinBlockModel[];
}

@ObjectType('BulletinGoodPractice')
export class BulletinGoodPracticeModel {
  @Field(() => ID) taskId!: string;
  @Field() unitName!: string;
  @Field(() => Int) article!: number;
  @Field() subject!: string;
  @Field() department!: string;
  @Field(() => String, { nullable: true }) verifiedOn!: string | null;
  @Field() comment!: string;
}

@ObjectType('BulletinGoodPracticeCandidate', {
  description: 'A verified task of the scope a supervisor may cite as good practice.',
})
export class BulletinGoodPracticeCandidateModel {
  @Field(() => ID) taskId!: string;
  @Field() unitName!: string;
  @Field(() => Int) article!: number;
  @Field() subject!: string;
  @Field() department!: string;
  @Field(() => String, { nullable: true }) verifiedOn!: string | null;
  @Field({ description: '进展情况（前 200 字）' }) progressNote!: string;
  @Field(() => Int) evidenceCount!: number;
}

@ObjectType('BulletinFigures', { description: 'Figures of the whole scope as of asOf.' })
export class BulletinFiguresModel {
  @Field(() => Int) tasks!: number;
  @Field(() => Int) verified!: number;
  @Field(() => Int) submitted!: number;
  @Field(() => Int) overdue!: number;
  @Field(() => Float) completionRate!: number;
  @Field(() => Float) elapsedFraction!: number;
  @Field(() => Int) unitsBehind!: number;
}

@ObjectType('Bulletin', { description: '情况通报' })
export class BulletinModel {
  @Field(() => ID) id!: string;
  @Field() scopeUnitCode!: string;
  @Field() scopeUnitName!: string;
  @Field(() => ID) cycleId!: string;
  @Field(() => BulletinPeriodKindEnum) periodKind!: BulletinPeriodKindEnum;
  @Field({ description: '2026-11 or 2026-Q4' }) period!: string;
  @Field({ description: '2026年11月份' }) periodLabel!: string;
  @Field() periodStart!: string;
  @Field() periodEnd!: string;
  @Field({ description: 'Figures as of this day (the period end, or the generation day).' })
  asOf!: string;
  @Field() title!: string;
  @Field(() => BulletinStatusEnum) status!: BulletinStatusEnum;
  @Field(() => String, { nullable: true }) number!: string | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the published DOCX' })
  sha256!: string | null;
  @Field(() => Int, { nullable: true }) size!: number | null;
  @Field() generatedBy!: string;
  @Field(() => GraphQLISODateTime) generatedAt!: Date;
  @Field(() => String, { nullable: true }) publishedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
  @Field(() => Int) rowVersion!: number;
  @Field({ description: 'GET this path (signed in) for the DOCX.' }) downloadPath!: string;
  @Field() issuingBody!: string;
  @Field() addressee!: string;
  @Field() intro!: string;
  @Field() requirements!: string;
  @Field(() => BulletinFiguresModel) summary!: BulletinFiguresModel;
  @Field(() => [BulletinGoodPracticeModel]) goodPractices!: BulletinGoodPracticeModel[];
  @Field(() => BulletinDocumentModel, { description: 'The document as written to the DOCX.' })
  document!: BulletinDocumentModel;
}
