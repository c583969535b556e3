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
import { Access } from '../../access/access.decorator';
import { Principal } from '../../auth/principal';
import { Role } from '../../auth/role';
import type { GraphQLContext } from '../../graphql/loaders';
import { TASK_READERS } from '../../task/task-scope';
import { OnsiteSample } from './onsite.entities';
import {
  DrawOnsiteSampleInput,
  OnsiteFindingEventModel,
  OnsiteItemModel,
  OnsiteSampleModel,
  RecordOnsiteFindingInput,
} from './onsite.models';
import { OnsiteVerificationService } from './onsite.service';

const RECORDERS = [Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR] as const;

/** 实地核查: sample draws, findings and closing (see OnsiteVerificationService). */
@Resolver(() => OnsiteSampleModel)
export class OnsiteVerificationResolver {
  constructor(private readonly service: OnsiteVerificationService) {}

  @Access(TASK_READERS)
  @Query(() => [OnsiteSampleModel], {
    description:
      'The on-site verification sample versions of a cycle, newest first (county operators: closed ones only).',
  })
  async onsiteSamples(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Context() ctx: GraphQLContext,
  ) {
    const samples = await this.service.samples(ctx.principal as Principal, cycleId);
    return samples.map(toSampleModel);
  }

  @Access(TASK_READERS)
  @Query(() => OnsiteSampleModel, {
    description:
      'One sample version; NOT_FOUND if unknown (or, for a county operator, not yet closed).',
  })
  async onsiteSample(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext) {
    return toSampleModel(await this.service.sample(ctx.principal as Principal, id));
  }

  @Access(TASK_READERS)
  @Query(() => [OnsiteFindingEventModel], {
    description:
      'Every finding recorded on a sampled task, oldest first; NOT_FOUND outside your jurisdiction.',
  })
  async onsiteFindingHistory(
    @Args('itemId', { type: () => ID }) itemId: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.service.findingHistory(ctx.principal as Principal, itemId);
  }

  @ResolveField(() => [OnsiteItemModel])
  async items(
    @Parent() sample: OnsiteSampleModel,
    @Context() ctx: GraphQLContext,
    @Args('unitCode', { type: () => String, nullable: true }) unitCode?: string | null,
  ) {
    return this.service.items(
      ctx.principal as Principal,
      sample as unknown as OnsiteSample,
      unitCode,
    );
  }

  @Access([Role.PROVINCIAL_SUPERVISOR])
  @Mutation(() => OnsiteSampleModel, {
    description:
      'Draws the cycle’s on-site sample (seeded, reproducible, recorded); a redraw needs a reason and keeps the old version.',
  })
  async drawOnsiteSample(
    @Args('input') input: DrawOnsiteSampleInput,
    @Context() ctx: GraphQLContext,
  ) {
    return toSampleModel(await this.service.draw(ctx.principal as Principal, input));
  }

  @Access(RECORDERS)
  @Mutation(() => OnsiteItemModel, {
    description:
      'Records (or corrects, until the verification closes) the finding on a sampled task of a unit in your jurisdiction.',
  })
  async recordOnsiteFinding(
    @Args('input') input: RecordOnsiteFindingInput,
    @Context() ctx: GraphQLContext,
  ) {
    const principal = ctx.principal as Principal;
    const itemId = await this.service.recordFinding(principal, input);
    return this.service.item(principal, itemId);
  }

  @Access([Role.PROVINCIAL_SUPERVISOR])
  @Mutation(() => OnsiteSampleModel, {
    description:
      'Closes the verification: every sampled task needs a finding; each discrepancy deducts the sample’s points from its unit (an adjustment naming the task).',
  })
  async closeOnsiteVerification(
    @Args('sampleId', { type: () => ID }) sampleId: string,
    @Context() ctx: GraphQLContext,
  ) {
    return toSampleModel(await this.service.close(ctx.principal as Principal, sampleId));
  }
}

function toSampleModel(s: OnsiteSample): Omit<OnsiteSampleModel, 'items'> {
  return {
    ...s,
    unitShare: s.unitShare === null ? null : Number(s.unitShare),
    deductionPoints: Number(s.deductionPoints),
  };
}
