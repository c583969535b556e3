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
import { required } from '../graphql/required';
import { GraphQLContext } from '../graphql/loaders';
import { ImportRegulationInput } from './dto/import-regulation.input';
import {
  ArticleChangeModel,
  ArticleModel,
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
  @Query(() => [RegulationModel], { description: 'Every regulation, by code.' })
  regulations() {
    return this.regulationQuery.list();
  }

  @Access(REGISTER_READERS)
  @Query(() => RegulationModel, { nullable: true })
  regulation(@Args('code') code: string) {
    return this.regulationQuery.byCode(code);
  }

  @Access(REGISTER_READERS)
  @Query(() => RegulationVersionModel, { nullable: true })
  regulationVersion(@Args('id', { type: () => ID }) id: string) {
    return this.regulationQuery.versionById(id);
  }

  @Access(REGISTER_READERS)
  @Query(() => VersionDiffModel, {
    description:
      'Article-level diff between two versions of one regulation (default: against the previous one).',
  })
  regulationVersionDiff(
    @Args('versionId', { type: () => ID }) versionId: string,
    @Args('againstVersionId', { type: () => ID, nullable: true }) againstVersionId?: string,
  ) {
    return this.regulationQuery.diff(versionId, againstVersionId);
  }

  @Access(REGISTER_EDITORS)
  @Mutation(() => ImportRegulationResultModel, {
    description: 'Imports a regulation text as a new version (provincial administrators).',
  })
  async importRegulationVersion(
    @Args('input') input: ImportRegulationInput,
    @Context() ctx: GraphQLContext,
  ) {
    const actor = ctx.principal as Principal;
    const result = await this.importer.import({
      code: input.code,
      text: input.text,
      status: input.status,
      effectiveDate: input.effectiveDate ?? null,
      importedBy: actor.username,
    });
    return { ...result, version: await this.regulationQuery.versionById(result.versionId) };
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
}

@Resolver(() => RegulationVersionModel)
export class RegulationVersionResolver {
  constructor(private readonly regulationQuery: RegulationQueryService) {}

  @ResolveField(() => [ChapterModel])
  chapters(@Parent() version: RegulationVersionModel, @Context() ctx: GraphQLContext) {
    return ctx.loaders.chaptersByVersion.load(version.id);
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
