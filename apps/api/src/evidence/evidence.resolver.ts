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
import { Role } from '../auth/role';
import { clampFirst } from '../common/page-size';
import type { GraphQLContext } from '../graphql/loaders';
import { TaskModel } from '../task/dto/task.models';
import { TASK_READERS } from '../task/task-scope';
import {
  EvidenceConnectionModel,
  EvidenceFilterInput,
  EvidenceModel,
  toEvidenceModel,
  WithdrawEvidenceInput,
} from './evidence.models';
import { EvidenceService } from './evidence.service';

/** Who browses evidence across units (the explorer): auditors and supervisors. */
const EVIDENCE_EXPLORERS = [
  Role.AUDITOR,
  Role.NATIONAL_SUPERVISOR,
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
] as const;

@Resolver(() => EvidenceModel)
export class EvidenceResolver {
  constructor(private readonly service: EvidenceService) {}

  @Access(TASK_READERS)
  @Query(() => EvidenceModel, {
    description: 'One evidence version; NOT_FOUND outside your jurisdiction.',
  })
  async evidence(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext) {
    return toEvidenceModel(await this.service.visibleOne(ctx.principal as Principal, id));
  }

  @Access(EVIDENCE_EXPLORERS)
  @Query(() => EvidenceConnectionModel, {
    description: 'Evidence explorer: newest first, within your jurisdiction (at most 100 a page).',
  })
  async evidenceFiles(
    @Context() ctx: GraphQLContext,
    @Args('filter', { type: () => EvidenceFilterInput, nullable: true })
    filter?: EvidenceFilterInput,
    @Args('first', { type: () => Int, defaultValue: 50 }) first = 50,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ) {
    const page = await this.service.search(ctx.principal as Principal, filter ?? {}, {
      first: clampFirst(first),
      offset: Math.max(offset, 0),
    });
    return { totalCount: page.totalCount, nodes: page.nodes.map(toEvidenceModel) };
  }

  @Access([Role.COUNTY_OPERATOR])
  @Mutation(() => EvidenceModel, {
    description:
      '撤回: the uploader withdraws a current file, with a reason, while the task is not submitted or verified.',
  })
  async withdrawEvidence(
    @Args('input') input: WithdrawEvidenceInput,
    @Context() ctx: GraphQLContext,
  ) {
    return toEvidenceModel(
      await this.service.withdraw(ctx.principal as Principal, input, ctx.meta),
    );
  }
}

/** Evidence fields on Task. */
@Resolver(() => TaskModel)
export class TaskEvidenceResolver {
  @ResolveField(() => [EvidenceModel], {
    description: '佐证材料: current versions, or every version with includeHistory.',
  })
  async evidence(
    @Parent() task: TaskModel,
    @Context() ctx: GraphQLContext,
    @Args('includeHistory', { defaultValue: false }) includeHistory: boolean,
  ) {
    const rows = await ctx.loaders.evidenceByTask.load(task.id);
    return rows
      .filter((e) => includeHistory || (!e.withdrawnAt && !e.supersededById))
      .map(toEvidenceModel);
  }

  @ResolveField(() => Int, { description: 'Current evidence files.' })
  async evidenceCount(@Parent() task: TaskModel, @Context() ctx: GraphQLContext) {
    const rows = await ctx.loaders.evidenceByTask.load(task.id);
    return rows.filter((e) => !e.withdrawnAt && !e.supersededById).length;
  }
}
