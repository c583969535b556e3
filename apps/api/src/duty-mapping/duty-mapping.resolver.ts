import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { DUTY_REVIEWERS, REGISTER_READERS } from '../access/access-groups';
import { Principal } from '../auth/principal';
import { DutyModel } from '../duty/dto/duty.models';
import { GraphQLContext } from '../graphql/loaders';
import { required } from '../graphql/required';
import {
  DecideDutyMappingInput,
  DutyMappingStatusEnum,
  DutyMappingSuggestionModel,
} from './dto/duty-mapping.models';
import { DutyMappingService } from './duty-mapping.service';

@Resolver(() => DutyMappingSuggestionModel)
export class DutyMappingResolver {
  constructor(private readonly mappings: DutyMappingService) {}

  @Access(REGISTER_READERS)
  @Query(() => [DutyMappingSuggestionModel], {
    description:
      "Suggested mappings (映射审核) of a version: which duty of the previous version each duty of a changed, merged or split article continues. In the order of the new text. Another province's regulation's version is NOT_FOUND, as a missing one.",
  })
  dutyMappingSuggestions(
    @Context() ctx: GraphQLContext,
    @Args('versionId', { type: () => ID }) versionId: string,
    @Args('status', { type: () => DutyMappingStatusEnum, nullable: true })
    status?: DutyMappingStatusEnum,
  ) {
    return this.mappings.list(versionId, status, ctx.principal);
  }

  @Access(DUTY_REVIEWERS)
  @Mutation(() => [DutyMappingSuggestionModel], {
    description:
      'Confirms (the new duty takes over the old one’s lineage, tracked flag, review and departments) or rejects (a reason is required; the new duty stays a new lineage) suggested mappings, all or nothing. Send each rowVersion you read: a stale one is a CONFLICT.',
  })
  decideDutyMapping(@Args('input') input: DecideDutyMappingInput, @Context() ctx: GraphQLContext) {
    const reviewer = ctx.principal as Principal;
    return this.mappings.decide(input, reviewer.username, reviewer);
  }

  @ResolveField(() => DutyModel, { description: 'The duty of the new version.' })
  async duty(@Parent() s: DutyMappingSuggestionModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.dutyById.load(s.dutyId));
  }

  @ResolveField(() => DutyModel, { description: 'The duty of the previous version.' })
  async previousDuty(@Parent() s: DutyMappingSuggestionModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.dutyById.load(s.previousDutyId));
  }
}
