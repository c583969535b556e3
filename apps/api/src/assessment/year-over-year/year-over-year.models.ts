import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

const RANK_CHANGE =
  'Previous rank − this rank: positive moved up, negative moved down; null when either is missing or the level changed.';
const COMPLETION =
  'Verified tasks ÷ tasks (4 decimals); imported history: as given; null when there is nothing to count.';

@ObjectType('AssessmentPeriod', {
  description:
    'A year of the assessment compared: this cycle (live or frozen), an earlier closed cycle of the same regulation (its latest frozen result set), or imported history.',
})
export class YoyPeriodModel {
  @Field(() => Int) year!: number;
  @Field({ description: 'live, frozen or imported.' }) source!: string;
  @Field(() => ID, { nullable: true }) cycleId!: string | null;
  @Field(() => Int, { nullable: true }) resultSetVersion!: number | null;
  @Field(() => ID, { nullable: true }) importId!: string | null;
  @Field(() => String, { nullable: true, description: 'Imported history: the workbook’s name.' })
  sourceFileName!: string | null;
  @Field(() => String, { nullable: true }) importedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) importedAt!: Date | null;
}

@ObjectType('UnitYearPoint', { description: 'A unit’s total in one year.' })
export class UnitYoyPointModel {
  @Field(() => Int) year!: number;
  @Field({ description: 'live, frozen or imported.' }) source!: string;
  @Field(() => Float) score!: number;
  @Field(() => Int, { description: 'Among the units of the same level that year.' }) rank!: number;
  @Field() level!: string;
  @Field(() => String, { nullable: true }) grade!: string | null;
  @Field(() => Float, { nullable: true, description: COMPLETION }) completion!: number | null;
}

@ObjectType('IndicatorYearPoint', { description: 'A unit’s marks on one indicator in one year.' })
export class IndicatorYoyPointModel {
  @Field(() => Int) year!: number;
  @Field(() => Float, { description: 'Marks earned.' }) score!: number;
  @Field(() => Float, { nullable: true, description: 'Marks available (imported: unknown).' })
  marks!: number | null;
  @Field(() => Float, { nullable: true, description: COMPLETION }) completion!: number | null;
}

@ObjectType('IndicatorYearOverYear', {
  description:
    'One indicator of this cycle’s plan across the years (matched in earlier years by id, else by name).',
})
export class IndicatorYoyModel {
  @Field() indicatorId!: string;
  @Field() name!: string;
  @Field(() => [IndicatorYoyPointModel], { description: 'Oldest first.' })
  points!: IndicatorYoyPointModel[];
  @Field(() => Float, { nullable: true, description: 'This year − the latest earlier year.' })
  scoreChange!: number | null;
  @Field(() => Float, { nullable: true }) completionChange!: number | null;
}

@ObjectType('UnitYearOverYear', { description: '历年对比 of one unit.' })
export class UnitYearOverYearModel {
  @Field() unitCode!: string;
  @Field() unitName!: string;
  @Field() level!: string;
  @Field(() => [YoyPeriodModel], { description: 'Newest first.' }) periods!: YoyPeriodModel[];
  @Field(() => [UnitYoyPointModel], { description: 'Oldest first.' }) points!: UnitYoyPointModel[];
  @Field(() => [IndicatorYoyModel]) indicators!: IndicatorYoyModel[];
  @Field(() => Float, { nullable: true }) scoreChange!: number | null;
  @Field(() => Int, { nullable: true, description: RANK_CHANGE }) rankChange!: number | null;
  @Field(() => Float, { nullable: true }) completionChange!: number | null;
  @Field(() => String, { nullable: true }) previousGrade!: string | null;
}

@ObjectType('UnitYearChange', { description: 'One unit this year against the previous period.' })
export class YoyRowModel {
  @Field() unitCode!: string;
  @Field() unitName!: string;
  @Field() level!: string;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field(() => Float) score!: number;
  @Field(() => Int) rank!: number;
  @Field() grade!: string;
  @Field(() => Float, { nullable: true, description: COMPLETION }) completion!: number | null;
  @Field(() => Float, { nullable: true }) previousScore!: number | null;
  @Field(() => Int, { nullable: true }) previousRank!: number | null;
  @Field(() => String, { nullable: true }) previousGrade!: string | null;
  @Field(() => Float, { nullable: true }) previousCompletion!: number | null;
  @Field(() => Float, { nullable: true }) scoreChange!: number | null;
  @Field(() => Int, { nullable: true, description: RANK_CHANGE }) rankChange!: number | null;
  @Field(() => Float, { nullable: true }) completionChange!: number | null;
}

@ObjectType('AssessmentYearOverYear', {
  description:
    'Improvers and decliners: the units in your jurisdiction, largest score rise first (no earlier figure last).',
})
export class YoyTableModel {
  @Field(() => Int) year!: number;
  @Field(() => YoyPeriodModel) current!: YoyPeriodModel;
  @Field(() => YoyPeriodModel, { nullable: true }) previous!: YoyPeriodModel | null;
  @Field(() => [YoyRowModel]) rows!: YoyRowModel[];
}
