import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  ArticleChangeKindEnum,
  JurisdictionTierEnum,
  RedlineOpEnum,
  RegulationVersionStatusEnum,
  TextKindEnum,
} from './regulation-enums';

@ObjectType('Regulation', { description: '法规：一部法规的各个版本。' })
export class RegulationModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Stable code, e.g. hubei-quality-promotion.' })
  code!: string;

  @Field()
  title!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The province (XX0000) owning the regulation (a provincial regulation: only its cycles assess it); null: national (全国通用).',
  })
  ownerProvinceCode!: string | null;
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

  @Field(() => TextKindEnum, {
    description: 'The kind of text (法律, 行政法规, 地方性法规, 规章…) detected at import.',
  })
  textKind!: TextKindEnum;

  @Field(() => JurisdictionTierEnum, {
    description: 'Whose governments the text addresses (how its level words were read).',
    name: 'tier',
  })
  jurisdictionTier!: JurisdictionTierEnum;

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

  @Field(() => [Int], {
    nullable: true,
    description:
      'Every older article the new one carries, ascending (several for MERGED); [] for ADDED, [from] for REMOVED.',
  })
  sources?: number[] | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Similarity in [0, 1] between the new article and its sources taken together (1 = same wording); 0 for ADDED and REMOVED.',
  })
  similarity?: number | null;
}

@ObjectType('RedlineSegment', {
  description:
    'A run of a word-level redline: the EQUAL and DELETE runs give the old text, EQUAL and INSERT the new one.',
})
export class RedlineSegmentModel {
  @Field(() => RedlineOpEnum)
  op!: RedlineOpEnum;

  @Field()
  text!: string;
}

@ObjectType('ArticleRedline', { description: 'Word-level redline of one article across versions.' })
export class ArticleRedlineModel {
  @Field(() => [Int], { description: 'The older article(s) compared, ascending.' })
  from!: number[];

  @Field(() => Int, { description: 'The article of the newer version.' })
  to!: number;

  @Field({ description: 'The older text (the sources joined by a line break when merged).' })
  oldText!: string;

  @Field()
  newText!: string;

  @Field(() => [RedlineSegmentModel])
  segments!: RedlineSegmentModel[];
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

@ObjectType('DutyCountByKind', { description: 'Duties of a version by kind (条文性质).' })
export class DutyCountByKindModel {
  @Field(() => Int) implementation!: number;
  @Field(() => Int) enforcement!: number;
  @Field(() => Int) prohibition!: number;
  @Field(() => Int) definition!: number;
  @Field(() => Int) purpose!: number;
  @Field(() => Int) scope!: number;
  @Field(() => Int, { name: 'effectiveDate' }) effective_date!: number;
  @Field(() => Int) liability!: number;
  @Field(() => Int) other!: number;
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

  @Field(() => DutyCountByKindModel)
  dutiesByKind!: DutyCountByKindModel;

  @Field(() => Int, {
    description: 'Duties whose actor was inferred from another article: to be confirmed.',
  })
  needsReview!: number;

  @Field(() => TextKindEnum, { description: 'The kind of text detected.' })
  textKind!: TextKindEnum;

  @Field(() => JurisdictionTierEnum)
  tier!: JurisdictionTierEnum;

  @Field(() => Int, {
    description: 'Duties whose review was carried over from the previous version.',
  })
  carriedOver!: number;

  @Field(() => Int, {
    description:
      'Suggested mappings (pending) for duties of changed, merged and split articles: see dutyMappingSuggestions.',
  })
  mappingSuggestions!: number;

  @Field(() => [ArticleChangeModel])
  changes!: ArticleChangeModel[];
}
