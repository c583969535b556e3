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
import type { GraphQLContext } from '../graphql/loaders';
import { required } from '../graphql/required';
import { TASK_READERS } from '../task/task-scope';
import { AdminUnitModel } from '../user/dto/user.models';
import {
  CreateCycleInput,
  CreatedCycleModel,
  CycleModel,
  GenerationModel,
  LevelTaskCountModel,
} from '../task/dto/task.models';
import {
  CycleDutyDueDateInput,
  CycleDutyDueDateModel,
  CycleRegenerationPreviewModel,
} from './cycle.models';
import { CycleService } from './cycle.service';

const CYCLE_MANAGERS = [Role.PROVINCIAL_SUPERVISOR] as const;

@Resolver(() => CycleModel)
export class CycleResolver {
  constructor(private readonly cycleService: CycleService) {}

  @Access(TASK_READERS)
  @Query(() => [CycleModel], {
    description:
      "Assessment cycles (考核年度) of the caller's provinces (the whole country, a set of provinces, or the province of their unit), newest first.",
  })
  cycles(@Context() ctx: GraphQLContext) {
    return this.cycleService.list(ctx.principal);
  }

  @Access(TASK_READERS)
  @Query(() => CycleModel, {
    description: "A cycle of the caller's provinces; NOT_FOUND for another province's.",
  })
  cycle(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext) {
    return this.cycleService.get(ctx.principal, id);
  }

  @Access(CYCLE_MANAGERS)
  @Mutation(() => CreatedCycleModel, {
    description:
      "Creates a cycle for one province and generates its tasks for the province's units. A provincial supervisor opens cycles for their own province only (FORBIDDEN otherwise); the regulation must be national or the province's own (VALIDATION_FAILED otherwise).",
  })
  createCycle(
    @Args('input') input: CreateCycleInput,
    @Args('dutyDueDates', {
      type: () => [CycleDutyDueDateInput],
      nullable: true,
      description: "Due dates of single duties' tasks, overriding the cycle's default.",
    })
    dutyDueDates: CycleDutyDueDateInput[] | null,
    @Context() ctx: GraphQLContext,
  ) {
    return this.cycleService.create(ctx.principal as Principal, input, dutyDueDates ?? []);
  }

  @Access(CYCLE_MANAGERS)
  @Query(() => CycleRegenerationPreviewModel, {
    description:
      'What regenerateCycleTasks would do now (tasks added, retired and restored, lead departments moved, by duty); writes nothing.',
  })
  cycleRegenerationPreview(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.cycleService.previewRegeneration(ctx.principal as Principal, cycleId);
  }

  @Access(CYCLE_MANAGERS)
  @Mutation(() => GenerationModel, {
    description:
      'Adds tasks for newly tracked duties, retires those no longer tracked; progress is kept.',
  })
  regenerateCycleTasks(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.cycleService.regenerate(ctx.principal as Principal, cycleId);
  }

  @Access(CYCLE_MANAGERS)
  @Query(() => [CycleDutyDueDateModel], {
    description: "The cycle's per-duty due dates, in regulation order, with their tasks.",
  })
  cycleDutyDueDates(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.cycleService.dutyDueDates(ctx.principal as Principal, cycleId);
  }

  @Access(CYCLE_MANAGERS)
  @Mutation(() => Int, {
    description:
      "Removes a duty's own due date in an open cycle: its tasks go back to the cycle's due date (extended ones keep theirs); returns the tasks moved.",
  })
  removeCycleDutyDueDate(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('dutyLineageId', { type: () => ID }) dutyLineageId: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.cycleService.removeDutyDueDate(ctx.principal as Principal, cycleId, dutyLineageId);
  }

  @Access(CYCLE_MANAGERS)
  @Mutation(() => Number, {
    description:
      'Due date for one duty’s tasks in an open cycle, within its start and due dates; returns the tasks moved (extended ones keep theirs).',
  })
  setCycleDutyDueDate(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('dutyLineageId', { type: () => ID }) dutyLineageId: string,
    @Args('dueDate') dueDate: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.cycleService.setDutyDueDate(
      ctx.principal as Principal,
      cycleId,
      dutyLineageId,
      dueDate,
    );
  }

  @Access(CYCLE_MANAGERS)
  @Mutation(() => CycleModel, {
    description: 'Closes a cycle: its tasks become read-only and the assessment scores are frozen.',
  })
  closeCycle(@Args('cycleId', { type: () => ID }) cycleId: string, @Context() ctx: GraphQLContext) {
    return this.cycleService.close(ctx.principal as Principal, cycleId);
  }

  @Access(CYCLE_MANAGERS)
  @Mutation(() => CycleModel, {
    description:
      'Reopens a closed cycle with a reason; the frozen results stay (marked reopened) and the next close freezes a new version.',
  })
  reopenCycle(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('reason') reason: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.cycleService.reopen(ctx.principal as Principal, cycleId, reason);
  }

  @ResolveField(() => AdminUnitModel, { description: 'The province the cycle is for.' })
  async province(@Parent() cycle: CycleModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.unitByCode.load(cycle.provinceCode));
  }

  @ResolveField(() => String, {
    description: 'Title of the regulation the cycle assesses (with several regulations, name it).',
  })
  async regulationTitle(@Parent() cycle: CycleModel, @Context() ctx: GraphQLContext) {
    return (await this.regulationOf(cycle, ctx)).title;
  }

  @ResolveField(() => String, { description: 'Code of the regulation the cycle assesses.' })
  async regulationCode(@Parent() cycle: CycleModel, @Context() ctx: GraphQLContext) {
    return (await this.regulationOf(cycle, ctx)).code;
  }

  @ResolveField(() => Int, {
    description: 'Active (not retired) tasks of the cycle within your jurisdiction.',
  })
  async taskCount(@Parent() cycle: CycleModel, @Context() ctx: GraphQLContext) {
    const counts = await ctx.loaders.taskCountsByCycle.load(cycle.id);
    return counts.reduce((sum, c) => sum + c.count, 0);
  }

  @ResolveField(() => [LevelTaskCountModel], {
    description:
      'Active tasks of the cycle within your jurisdiction by unit level (province, prefecture, county); levels without tasks are left out.',
  })
  tasksByLevel(@Parent() cycle: CycleModel, @Context() ctx: GraphQLContext) {
    return ctx.loaders.taskCountsByCycle.load(cycle.id);
  }

  private async regulationOf(cycle: CycleModel, ctx: GraphQLContext) {
    const version = required(await ctx.loaders.versionById.load(cycle.regulationVersionId));
    return required(await ctx.loaders.regulationById.load(version.regulationId));
  }
}
