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
import { SOURCE_ADDRESS_READERS } from '../access/access-groups';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { clampFirst } from '../common/page-size';
import { DutyModel } from '../duty/dto/duty.models';
import type { GraphQLContext } from '../graphql/loaders';
import { required } from '../graphql/required';
import { ArticleModel } from '../regulation/dto/regulation.models';
import { AdminUnitModel, DepartmentModel } from '../user/dto/user.models';
import { PersonModel } from '../user/person';
import {
  BulkTaskChangeInput,
  DecideExtensionInput,
  ExtensionRequestModel,
  ExtensionResultModel,
  RequestExtensionInput,
  SortDirectionEnum,
  TaskAssistModel,
  TaskCapabilitiesModel,
  TaskChangeInput,
  TaskConnectionModel,
  TaskEventConnectionModel,
  TaskEventFilterInput,
  TaskEventModel,
  TaskFilterInput,
  TaskModel,
  TaskSortEnum,
} from './dto/task.models';
import { MAX_TASK_OFFSET, TaskQueryService } from './task-query.service';
import { capacitiesOn, TASK_READERS } from './task-scope';
import { TaskService } from './task.service';
import { isOverdue, mayTransition, TRANSITIONS } from './task-workflow';

const TASK_WRITERS = [
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.COUNTY_OPERATOR,
] as const;

@Resolver(() => TaskModel)
export class TaskResolver {
  constructor(
    private readonly taskService: TaskService,
    private readonly query: TaskQueryService,
  ) {}

  @Access(TASK_READERS)
  @Query(() => TaskConnectionModel, {
    description:
      'Tasks in your jurisdiction (first ≤ 100): cursor pagination with `after`, or page numbers with `offset` (not both).',
  })
  tasks(
    @Context() ctx: GraphQLContext,
    @Args('filter', { type: () => TaskFilterInput, nullable: true }) filter?: TaskFilterInput,
    @Args('first', { type: () => Int, defaultValue: 50 }) first = 50,
    @Args('after', { nullable: true }) after?: string,
    @Args('offset', {
      type: () => Int,
      nullable: true,
      description: `Rows to skip (0-based, ≤ ${MAX_TASK_OFFSET}) for page-number paging; not with after.`,
    })
    offset?: number | null,
    @Args('sort', { type: () => TaskSortEnum, defaultValue: TaskSortEnum.DUE_DATE })
    sort = TaskSortEnum.DUE_DATE,
    @Args('direction', {
      type: () => SortDirectionEnum,
      defaultValue: SortDirectionEnum.ASC,
      description: 'ASC or DESC; ties are broken by the task id in the same direction.',
    })
    direction = SortDirectionEnum.ASC,
  ) {
    return this.query.page(ctx.principal as Principal, filter ?? {}, {
      first: clampFirst(first),
      after: after ?? undefined,
      offset: offset ?? undefined,
      sort,
      direction,
    });
  }

  @Access(TASK_READERS)
  @Query(() => TaskModel, { description: 'One task; NOT_FOUND outside your jurisdiction.' })
  task(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext) {
    return this.taskService.visible(ctx.principal as Principal, id);
  }

  @Access(TASK_READERS)
  @Query(() => TaskEventConnectionModel, {
    description:
      'Task history events in your jurisdiction, newest first (by the time they occurred, then id).',
  })
  taskEvents(
    @Context() ctx: GraphQLContext,
    @Args('filter', { type: () => TaskEventFilterInput, nullable: true })
    filter?: TaskEventFilterInput,
    @Args('first', { type: () => Int, defaultValue: 50 }) first = 50,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.query.events(ctx.principal as Principal, filter ?? {}, clampFirst(first), after);
  }

  @Access(TASK_WRITERS)
  @Mutation(() => TaskModel, {
    description: 'Notes, measures and/or a status transition on one task.',
  })
  async updateTask(@Args('input') input: TaskChangeInput, @Context() ctx: GraphQLContext) {
    const [task] = await this.taskService.apply(ctx.principal as Principal, [input], ctx.meta);
    return task;
  }

  @Access(TASK_WRITERS)
  @Mutation(() => [TaskModel], {
    description: 'Several changes, each with its own row version; all or nothing.',
  })
  bulkUpdateTasks(@Args('input') input: BulkTaskChangeInput, @Context() ctx: GraphQLContext) {
    return this.taskService.apply(ctx.principal as Principal, input.changes, ctx.meta);
  }

  @Access(TASK_WRITERS)
  @Mutation(() => ExtensionResultModel, { description: '延期申请 by the task’s department.' })
  requestTaskExtension(
    @Args('input') input: RequestExtensionInput,
    @Context() ctx: GraphQLContext,
  ) {
    return this.taskService.requestExtension(ctx.principal as Principal, input, ctx.meta);
  }

  @Access(TASK_WRITERS)
  @Mutation(() => ExtensionResultModel, {
    description: 'Approves or refuses an extension (the supervisor).',
  })
  decideTaskExtension(@Args('input') input: DecideExtensionInput, @Context() ctx: GraphQLContext) {
    return this.taskService.decideExtension(ctx.principal as Principal, input, ctx.meta);
  }

  @Access(TASK_WRITERS)
  @Mutation(() => TaskModel, { description: 'An assisting department’s own contribution note.' })
  setTaskContribution(
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('note') note: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.taskService.setContribution(ctx.principal as Principal, { taskId, note }, ctx.meta);
  }

  @ResolveField(() => Boolean, {
    description: 'Past due and neither submitted nor verified (derived, never stored).',
  })
  overdue(@Parent() task: TaskModel) {
    return isOverdue(task.status, task.dueDate, this.query.today());
  }

  @ResolveField(() => DutyModel)
  async duty(@Parent() task: TaskModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.dutyById.load(task.dutyId));
  }

  @ResolveField(() => ArticleModel)
  async article(@Parent() task: TaskModel, @Context() ctx: GraphQLContext) {
    const duty = required(await ctx.loaders.dutyById.load(task.dutyId));
    return required(await ctx.loaders.articleById.load(duty.articleId));
  }

  @ResolveField(() => AdminUnitModel)
  async unit(@Parent() task: TaskModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.unitByCode.load(task.unitCode));
  }

  @ResolveField(() => DepartmentModel, { description: '牵头部门' })
  async leadDepartment(@Parent() task: TaskModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.departmentById.load(task.leadDepartmentId));
  }

  @ResolveField(() => PersonModel, {
    nullable: true,
    description:
      'Who made the latest submission (提交人), by name and office; null if never submitted.',
  })
  submitter(@Parent() task: TaskModel, @Context() ctx: GraphQLContext) {
    return task.submittedBy ? ctx.loaders.personByUsername.load(task.submittedBy) : null;
  }

  @ResolveField(() => [TaskAssistModel], { description: '配合部门' })
  assists(@Parent() task: TaskModel, @Context() ctx: GraphQLContext) {
    return ctx.loaders.assistsByTask.load(task.id);
  }

  @ResolveField(() => [TaskEventModel], { description: 'The task history, oldest first.' })
  history(@Parent() task: TaskModel, @Context() ctx: GraphQLContext) {
    return ctx.loaders.eventsByTask.load(task);
  }

  @ResolveField(() => TaskEventModel, {
    nullable: true,
    description:
      'The latest return (退回) with the supervisor’s reason, if the task was ever returned; cheaper than the whole history for lists.',
  })
  async latestReturn(@Parent() task: TaskModel, @Context() ctx: GraphQLContext) {
    return (await ctx.loaders.latestReturnByTask.load(task)) ?? null;
  }

  @ResolveField(() => [ExtensionRequestModel])
  extensionRequests(@Parent() task: TaskModel, @Context() ctx: GraphQLContext) {
    return ctx.loaders.extensionsByTask.load(task.id);
  }

  @ResolveField(() => TaskCapabilitiesModel)
  async capabilities(
    @Parent() task: TaskModel,
    @Context() ctx: GraphQLContext,
  ): Promise<TaskCapabilitiesModel> {
    const principal = ctx.principal as Principal;
    const unit = required(await ctx.loaders.unitByCode.load(task.unitCode));
    const can = capacitiesOn(principal, {
      unitCode: task.unitCode,
      leadDepartmentId: task.leadDepartmentId,
      unitParentCode: unit.parentCode,
      unitLevel: unit.level,
    });
    const assists = await ctx.loaders.assistsByTask.load(task.id);
    return {
      edit: can.operator && !['SUBMITTED', 'VERIFIED'].includes(task.status),
      transitions: TRANSITIONS.filter((t) => t.from === task.status && mayTransition(can, t)).map(
        (t) => t.to,
      ),
      requestExtension: can.operator && task.status !== 'VERIFIED',
      decideExtension: can.verifier,
      contribute:
        principal.unitCode === task.unitCode &&
        assists.some((a) => a.departmentId === principal.departmentId),
    };
  }
}

@Resolver(() => TaskEventModel)
export class TaskEventResolver {
  @ResolveField(() => String, {
    name: 'ip',
    nullable: true,
    description:
      'Source address of the change; only auditors and administrators see it (null for everyone else).',
  })
  ip(@Parent() event: TaskEventModel, @Context() ctx: GraphQLContext): string | null {
    const role = ctx.principal?.role;
    return role && SOURCE_ADDRESS_READERS.includes(role) ? event.ip : null;
  }

  @ResolveField(() => TaskModel, {
    description:
      'The task the entry belongs to (events are only reachable inside your jurisdiction, and so is their task).',
  })
  async task(@Parent() event: TaskEventModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.taskById.load(event.taskId));
  }
}

@Resolver(() => TaskAssistModel)
export class TaskAssistResolver {
  @ResolveField(() => DepartmentModel)
  async department(@Parent() assist: TaskAssistModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.departmentById.load(assist.departmentId));
  }
}
