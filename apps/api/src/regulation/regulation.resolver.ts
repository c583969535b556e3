import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { Principal } from '../auth/principal';
import { REGISTER_EDITORS, REGISTER_READERS } from '../access/access-groups';
import { DutyModel } from '../duty/dto/duty.models';
import { AdminUnitModel } from '../user/dto/user.models';
import { required } from '../graphql/required';
import { GraphQLContext } from '../graphql/loaders';
import { ImportRegulationInput } from './dto/import-regulation.input';
import { RegulationVersion } from './entities/regulation-version.entity';
import {
  JurisdictionTierEnum,
  RegulationVersionStatusEnum,
  TextKindEnum,
} from './dto/regulation-enums';
import {
  ArticleChangeModel,
  ArticleModel,
  ArticleRedlineModel,
  ChapterModel,
  ImportRegulationResultModel,
  ItemModel,
  ParagraphModel,
  RegulationModel,
  RegulationVersionModel,
  SectionModel,
  VersionDiffModel,
} from './dto/regulation.models';
import { RegulationImportService } from './regulation-import.service';
import { RegulationQueryService } from './regulation-query.service';

@Resolver(() => RegulationModel)
export class RegulationResolver {
  constructor(
    private readonly regulationQuery: RegulationQueryService,
    private readonly importer: RegulationImportService,
  ) {}

  @Access(REGISTER_READERS)
  @Query(() => [RegulationModel], {
    description:
      'The regulations the caller sees, by code: national ones (全国通用) and those owned by the provinces of their jurisdiction.',
  })
  regulations(@Context() ctx: GraphQLContext) {
    return this.regulationQuery.list(ctx.principal);
  }

  @Access(REGISTER_READERS)
  @Query(() => RegulationModel, {
    nullable: true,
    description: "Null when there is none, or it is another province's.",
  })
  regulation(@Args('code') code: string, @Context() ctx: GraphQLContext) {
    return this.regulationQuery.byCode(ctx.principal, code);
  }

  @Access(REGISTER_READERS)
  @Query(() => RegulationVersionModel, {
    nullable: true,
    description: "Null when there is none, or its regulation is another province's.",
  })
  regulationVersion(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext) {
    return this.regulationQuery.versionById(id, ctx.principal);
  }

  @Access(REGISTER_READERS)
  @Query(() => VersionDiffModel, {
    description:
      'Article-level diff between two versions of one regulation (default: against the previous one).',
  })
  regulationVersionDiff(
    @Context() ctx: GraphQLContext,
    @Args('versionId', { type: () => ID }) versionId: string,
    @Args('againstVersionId', { type: () => ID, nullable: true }) againstVersionId?: string,
  ) {
    return this.regulationQuery.diff(ctx.principal, versionId, againstVersionId);
  }

  @Access(REGISTER_READERS)
  @Query(() => ArticleRedlineModel, {
    description:
      'Word-level redline (insertions and deletions) of article `to` of a version against article(s) `from` (the sources of the diff line; several for a merge) of the version it is compared with (default: the previous one).',
  })
  articleRedline(
    @Context() ctx: GraphQLContext,
    @Args('versionId', { type: () => ID }) versionId: string,
    @Args('from', { type: () => [Int] }) from: number[],
    @Args('to', { type: () => Int }) to: number,
    @Args('againstVersionId', { type: () => ID, nullable: true }) againstVersionId?: string,
  ) {
    return this.regulationQuery.articleRedline(
      ctx.principal,
      versionId,
      from,
      to,
      againstVersionId,
    );
  }

  @Access(REGISTER_EDITORS)
  @Mutation(() => ImportRegulationResultModel, {
    description:
      "Imports a regulation text as a new version (system administrators, provincial supervisors). A provincial supervisor's imports are their province's regulations; a system administrator's are national unless input.ownerProvinceCode names a province.",
  })
  async importRegulationVersion(
    @Args('input') input: ImportRegulationInput,
    @Context() ctx: GraphQLContext,
  ) {
    const actor = ctx.principal as Principal;
    const result = await this.importer.import(
      {
        code: input.code,
        text: input.text,
        status: input.status,
        effectiveDate: input.effectiveDate ?? null,
        importedBy: actor.username,
        confirmTitleChange: input.confirmTitleChange ?? false,
        coordinatingDepartment: input.coordinatingDepartment ?? undefined,
        ownerProvinceCode: input.ownerProvinceCode ?? undefined,
      },
      actor,
    );
    return { ...result, version: await this.regulationQuery.versionById(result.versionId) };
  }

  @ResolveField(() => AdminUnitModel, {
    nullable: true,
    description: 'The province owning the regulation; null: national (全国通用).',
  })
  async ownerProvince(@Parent() regulation: RegulationModel, @Context() ctx: GraphQLContext) {
    if (!regulation.ownerProvinceCode) return null;
    return required(await ctx.loaders.unitByCode.load(regulation.ownerProvinceCode));
  }

  @ResolveField(() => [RegulationVersionModel])
  versions(@Parent() regulation: RegulationModel, @Context() ctx: GraphQLContext) {
    return ctx.loaders.versionsByRegulation.load(regulation.id);
  }

  @ResolveField(() => RegulationVersionModel, { nullable: true })
  async latestVersion(@Parent() regulation: RegulationModel, @Context() ctx: GraphQLContext) {
    const versions = await ctx.loaders.versionsByRegulation.load(regulation.id);
    return versions[versions.length - 1] ?? null;
  }

  // The library's columns: one aggregate statement for every regulation of the request.

  @ResolveField(() => TextKindEnum, {
    nullable: true,
    description: 'Kind of text of the latest version; null without a version.',
  })
  async textKind(@Parent() regulation: RegulationModel, @Context() ctx: GraphQLContext) {
    return (await ctx.loaders.summaryByRegulation.load(regulation.id))?.textKind ?? null;
  }

  @ResolveField(() => JurisdictionTierEnum, { nullable: true })
  async tier(@Parent() regulation: RegulationModel, @Context() ctx: GraphQLContext) {
    return (await ctx.loaders.summaryByRegulation.load(regulation.id))?.tier ?? null;
  }

  @ResolveField(() => RegulationVersionStatusEnum, {
    nullable: true,
    description: 'Status of the latest version (草案/已通过).',
  })
  async latestStatus(@Parent() regulation: RegulationModel, @Context() ctx: GraphQLContext) {
    return (await ctx.loaders.summaryByRegulation.load(regulation.id))?.latestStatus ?? null;
  }

  @ResolveField(() => Int)
  async versionCount(@Parent() regulation: RegulationModel, @Context() ctx: GraphQLContext) {
    return (await ctx.loaders.summaryByRegulation.load(regulation.id))?.versionCount ?? 0;
  }

  @ResolveField(() => Int, { description: 'Duties of the latest version.' })
  async dutyCount(@Parent() regulation: RegulationModel, @Context() ctx: GraphQLContext) {
    return (await ctx.loaders.summaryByRegulation.load(regulation.id))?.dutyCount ?? 0;
  }

  @ResolveField(() => Int, { description: 'Tracked duties of the latest version.' })
  async trackedDutyCount(@Parent() regulation: RegulationModel, @Context() ctx: GraphQLContext) {
    return (await ctx.loaders.summaryByRegulation.load(regulation.id))?.trackedDutyCount ?? 0;
  }

  @ResolveField(() => Int, {
    description: 'Duties of the latest version whose inferred actor awaits confirmation.',
  })
  async needsReviewCount(@Parent() regulation: RegulationModel, @Context() ctx: GraphQLContext) {
    return (await ctx.loaders.summaryByRegulation.load(regulation.id))?.needsReviewCount ?? 0;
  }

  @ResolveField(() => Int, { description: 'Open assessment cycles over any of its versions.' })
  async openCycleCount(@Parent() regulation: RegulationModel, @Context() ctx: GraphQLContext) {
    return (await ctx.loaders.summaryByRegulation.load(regulation.id))?.openCycleCount ?? 0;
  }

  @ResolveField(() => Int, {
    description:
      'Suggested duty mappings awaiting a decision (映射审核); they block moving a cycle to the new version.',
  })
  async pendingMappings(@Parent() regulation: RegulationModel, @Context() ctx: GraphQLContext) {
    return (await ctx.loaders.summaryByRegulation.load(regulation.id))?.pendingMappings ?? 0;
  }
}

@Resolver(() => RegulationVersionModel)
export class RegulationVersionResolver {
  constructor(private readonly regulationQuery: RegulationQueryService) {}

  @ResolveField(() => [ChapterModel])
  chapters(@Parent() version: RegulationVersionModel, @Context() ctx: GraphQLContext) {
    return ctx.loaders.chaptersByVersion.load(version.id);
  }

  @ResolveField(() => String, {
    description:
      'Why the text got its kind and tier, in Chinese (e.g. 标题“中华人民共和国…法”：法律，层级按全国文本理解).',
  })
  textContextExplanation(@Parent() version: RegulationVersion) {
    return version.textContext.explanation;
  }

  @ResolveField(() => String, {
    description: 'The words of the title or front matter that decided.',
  })
  textContextEvidence(@Parent() version: RegulationVersion) {
    return version.textContext.evidence;
  }

  @ResolveField(() => [ArticleChangeModel], {
    description: 'Diff against the previous version; empty for the first.',
  })
  async changesFromPrevious(@Parent() version: RegulationVersionModel) {
    const diff = await this.regulationQuery.diffFromPrevious(version.id);
    return diff?.changes ?? [];
  }
}

@Resolver(() => ChapterModel)
export class ChapterResolver {
  @ResolveField(() => [SectionModel])
  sections(@Parent() chapter: ChapterModel, @Context() ctx: GraphQLContext) {
    return ctx.loaders.sectionsByChapter.load(chapter.id);
  }

  @ResolveField(() => [ArticleModel])
  articles(@Parent() chapter: ChapterModel, @Context() ctx: GraphQLContext) {
    return ctx.loaders.articlesByChapter.load(chapter.id);
  }
}

@Resolver(() => ArticleModel)
export class ArticleResolver {
  @ResolveField(() => [ParagraphModel])
  paragraphs(@Parent() article: ArticleModel, @Context() ctx: GraphQLContext) {
    return ctx.loaders.paragraphsByArticle.load(article.id);
  }

  @ResolveField(() => ChapterModel)
  async chapter(@Parent() article: ArticleModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.chapterById.load(article.chapterId));
  }

  @ResolveField(() => SectionModel, { nullable: true })
  async section(@Parent() article: ArticleModel, @Context() ctx: GraphQLContext) {
    if (!article.sectionId) return null;
    const sections = await ctx.loaders.sectionsByChapter.load(article.chapterId);
    return sections.find((s) => s.id === article.sectionId) ?? null;
  }
}

@Resolver(() => ParagraphModel)
export class ParagraphResolver {
  @ResolveField(() => [ItemModel])
  items(@Parent() paragraph: ParagraphModel, @Context() ctx: GraphQLContext) {
    return ctx.loaders.itemsByParagraph.load(paragraph.id);
  }

  @ResolveField(() => [DutyModel], {
    description: 'Duties stated in this paragraph, including those in its items.',
  })
  duties(@Parent() paragraph: ParagraphModel, @Context() ctx: GraphQLContext) {
    return ctx.loaders.dutiesByParagraph.load(paragraph.id);
  }

  @ResolveField(() => Int, { description: 'Number of the article.' })
  async articleNumber(@Parent() paragraph: ParagraphModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.articleById.load(paragraph.articleId)).number;
  }
}

@Resolver(() => ItemModel)
export class ItemResolver {
  @ResolveField(() => [DutyModel])
  async duties(@Parent() item: ItemModel, @Context() ctx: GraphQLContext) {
    const duties = await ctx.loaders.dutiesByParagraph.load(item.paragraphId);
    return duties.filter((d) => d.itemId === item.id);
  }
}

export const regulationResolvers = [
  RegulationResolver,
  RegulationVersionResolver,
  ChapterResolver,
  ArticleResolver,
  ParagraphResolver,
  ItemResolver,
];
