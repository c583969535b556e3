import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ArticleChangeKindEnum, RegulationVersionStatusEnum } from './regulation-enums';

@ObjectType('Regulation', { description: '法规：一部法规的各个版本。' })
export class RegulationModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Stable code, e.g. hubei-quality-promotion.' })
  code!: string;

  @Field()
  title!: string;
}

@ObjectType('ParseWarning', { description: 'A non-fatal observation about the imported text.' })
export class ParseWarningModel {
  @Field()
  code!: string;

  @Field(() => Int)
  line!: number;

  @Field()
  message!: string;
}

@ObjectType('RegulationVersion', { description: '法规版本：一次导入的文本（草案或施行版）。' })
export class RegulationVersionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  regulationId!: string;

  @Field(() => Int)
  versionNumber!: number;

  @Field(() => RegulationVersionStatusEnum)
  status!: RegulationVersionStatusEnum;

  @Field(() => String, { nullable: true, description: '施行日期 YYYY-MM-DD; null while unknown.' })
  effectiveDate!: string | null;

  @Field()
  title!: string;

  @Field({ description: 'SHA-256 of the imported text.' })
  sourceSha256!: string;

  @Field(() => [ParseWarningModel])
  parseWarnings!: ParseWarningModel[];

  @Field()
  importedBy!: string;

  @Field(() => GraphQLISODateTime)
  importedAt!: Date;
}

@ObjectType('Chapter', { description: '章' })
export class ChapterModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field()
  title!: string;

  @Field(() => Int)
  line!: number;
}

@ObjectType('Section', { description: '节' })
export class SectionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field()
  title!: string;
}

@ObjectType('Article', { description: '条' })
export class ArticleModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => String, { nullable: true, description: '【条文主旨】' })
  title!: string | null;

  @Field()
  text!: string;

  @Field(() => Int)
  line!: number;

  chapterId!: string;
  sectionId!: string | null;
  versionId!: string;
}

@ObjectType('Paragraph', { description: '款' })
export class ParagraphModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '1-based within the article.' })
  number!: number;

  @Field()
  text!: string;

  @Field(() => Int)
  line!: number;

  articleId!: string;
}

@ObjectType('Item', { description: '项' })
export class ItemModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field()
  marker!: string;

  @Field({ description: 'Item text including its marker, e.g. （一）….' })
  text!: string;

  paragraphId!: string;
}

@ObjectType('ArticleChange', {
  description: 'One line of the article-level diff between two versions.',
})
export class ArticleChangeModel {
  @Field(() => ArticleChangeKindEnum)
  kind!: ArticleChangeKindEnum;

  @Field(() => Int, { nullable: true, description: 'Article number in the older version.' })
  from?: number | null;

  @Field(() => Int, { nullable: true, description: 'Article number in the newer version.' })
  to?: number | null;

  @Field(() => String, { nullable: true })
  title?: string | null;
}

@ObjectType('VersionDiff')
export class VersionDiffModel {
  @Field(() => RegulationVersionModel)
  from!: RegulationVersionModel;

  @Field(() => RegulationVersionModel)
  to!: RegulationVersionModel;

  @Field(() => [ArticleChangeModel])
  changes!: ArticleChangeModel[];
}

@ObjectType('DutyCountByModality')
export class DutyCountByModalityModel {
  @Field(() => Int)
  mandatory!: number;

  @Field(() => Int)
  encouraged!: number;

  @Field(() => Int)
  discretionary!: number;

  @Field(() => Int)
  declarative!: number;
}

@ObjectType('ImportRegulationResult', { description: 'What an import stored.' })
export class ImportRegulationResultModel {
  @Field(() => RegulationVersionModel)
  version!: RegulationVersionModel;

  @Field({ description: 'True when the latest version already had this exact text.' })
  alreadyImported!: boolean;

  @Field(() => Int)
  chapters!: number;

  @Field(() => Int)
  articles!: number;

  @Field(() => Int)
  paragraphs!: number;

  @Field(() => Int)
  items!: number;

  @Field(() => Int)
  duties!: number;

  @Field(() => Int)
  trackedDuties!: number;

  @Field(() => DutyCountByModalityModel)
  dutiesByModality!: DutyCountByModalityModel;

  @Field(() => Int, {
    description: 'Duties whose review was carried over from the previous version.',
  })
  carriedOver!: number;

  @Field(() => [ArticleChangeModel])
  changes!: ArticleChangeModel[];
}
