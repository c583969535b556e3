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
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Access } from '../access/access.decorator';
import { DUTY_REVIEWERS, REGISTER_READERS } from '../access/access-groups';
import { Principal } from '../auth/principal';
import { DepartmentKindEntity } from '../department/department-kind.entity';
import { required } from '../graphql/required';
import { GraphQLContext } from '../graphql/loaders';
import {
  ArticleModel,
  ItemModel,
  ParagraphModel,
  RegulationVersionModel,
} from '../regulation/dto/regulation.models';
import { DutyFilterInput, PageInput, ReviewDutyInput } from './dto/duty.inputs';
import {
  DepartmentKindModel,
  DutyDepartmentModel,
  DutyEventModel,
  DutyModel,
  DutyPageModel,
} from './dto/duty.models';
import { Duty } from './duty.entity';
import { DutyQueryService } from './duty-query.service';
import { DutyReviewService } from './duty-review.service';

@Resolver(() => DutyModel)
export class DutyResolver {
  constructor(
    private readonly dutyQuery: DutyQueryService,
    private readonly reviews: DutyReviewService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Access(REGISTER_READERS)
  @Query(() => DutyPageModel, {
    description:
      "The duty register (职责清单), filtered and paged: duties of the national regulations and of those of the caller's provinces. A version or regulation code of another province's regulation is NOT_FOUND, as a missing one.",
  })
  duties(
    @Context() ctx: GraphQLContext,
    @Args('filter', { type: () => DutyFilterInput, nullable: true }) filter?: DutyFilterInput,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ) {
    return this.dutyQuery.page(filter ?? {}, page ?? { first: 100, offset: 0 }, ctx.principal);
  }

  @Access(REGISTER_READERS)
  @Query(() => DutyModel, {
    nullable: true,
    description: "Null when there is none, or its regulation is another province's.",
  })
  duty(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext) {
    return this.dutyQuery.findById(id, ctx.principal);
  }

  @Access(REGISTER_READERS)
  @Query(() => [DepartmentKindModel], { description: 'The department kind dictionary.' })
  departmentKinds() {
    return this.dataSource
      .getRepository(DepartmentKindEntity)
      .find({ order: { sortOrder: 'ASC' } });
  }

  @Access(DUTY_REVIEWERS)
  @Mutation(() => DutyModel, { description: 'Reviews (审核) one duty; recorded in its history.' })
  reviewDuty(@Args('input') input: ReviewDutyInput, @Context() ctx: GraphQLContext): Promise<Duty> {
    const reviewer = ctx.principal as Principal;
    return this.reviews.review(input, { id: reviewer.username }, reviewer);
  }

  @ResolveField(() => RegulationVersionModel)
  async version(@Parent() duty: DutyModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.versionById.load(duty.versionId));
  }

  @ResolveField(() => ArticleModel)
  async article(@Parent() duty: DutyModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.articleById.load(duty.articleId));
  }

  @ResolveField(() => ParagraphModel)
  async paragraph(@Parent() duty: DutyModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.paragraphById.load(duty.paragraphId));
  }

  @ResolveField(() => ItemModel, { nullable: true })
  async item(@Parent() duty: DutyModel, @Context() ctx: GraphQLContext) {
    return duty.itemId ? ((await ctx.loaders.itemById.load(duty.itemId)) ?? null) : null;
  }

  @ResolveField(() => [DutyDepartmentModel], {
    description: 'Lead first, then assisting departments.',
  })
  async departments(@Parent() duty: DutyModel, @Context() ctx: GraphQLContext) {
    const rows = await ctx.loaders.departmentsByDuty.load(duty.id);
    return Promise.all(
      rows.map(async (row) => ({
        department: required(await ctx.loaders.departmentKindByCode.load(row.departmentCode)),
        role: row.role,
        fromText: row.fromText,
      })),
    );
  }

  @ResolveField(() => DepartmentKindModel, { nullable: true, description: '牵头部门' })
  async leadDepartment(@Parent() duty: DutyModel, @Context() ctx: GraphQLContext) {
    const lead = (await ctx.loaders.departmentsByDuty.load(duty.id)).find((d) => d.role === 'lead');
    return lead
      ? ((await ctx.loaders.departmentKindByCode.load(lead.departmentCode)) ?? null)
      : null;
  }

  @ResolveField(() => Int, { description: 'Number of the paragraph (款) within its article.' })
  async paragraphNumber(@Parent() duty: DutyModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.paragraphById.load(duty.paragraphId)).number;
  }

  @ResolveField(() => [DutyEventModel], {
    description: 'Extraction, carry-overs and reviews, oldest first.',
  })
  history(@Parent() duty: DutyModel, @Context() ctx: GraphQLContext) {
    return ctx.loaders.eventsByDuty.load(duty.id);
  }
}
