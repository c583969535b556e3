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
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Access } from '../access/access.decorator';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import type { GraphQLContext } from '../graphql/loaders';
import { required } from '../graphql/required';
import { TaskModel } from '../task/dto/task.models';
import { capacitiesOn, TASK_READERS } from '../task/task-scope';
import { DepartmentModel } from '../user/dto/user.models';
import {
  AcknowledgeTasksInput,
  DecideReassignmentInput,
  ReassignmentTargetModel,
  ReassignTaskInput,
  RequestReassignmentInput,
  TaskAssignmentCapabilitiesModel,
  TaskReassignmentModel,
  UnacknowledgedTaskCountModel,
} from './dto/task-assignment.models';
import { TaskAcknowledgementService } from './task-acknowledgement.service';
import { TaskAssignmentQueryService } from './task-assignment-query.service';
import { TaskAssignmentService } from './task-assignment.service';
import { assignmentLoaders } from './task-assignment.loaders';

const TASK_WRITERS = [
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.COUNTY_OPERATOR,
] as const;

@Resolver(() => TaskReassignmentModel)
export class TaskAssignmentResolver {
  constructor(
    private readonly service: TaskAssignmentService,
    private readonly acknowledgements: TaskAcknowledgementService,
    private readonly query: TaskAssignmentQueryService,
  ) {}

  @Access(TASK_WRITERS)
  @Mutation(() => [TaskModel], {
    description: '签收 one or several tasks (the lead department’s operator); all or nothing.',
  })
  acknowledgeTasks(@Args('input') input: AcknowledgeTasksInput, @Context() ctx: GraphQLContext) {
    return this.acknowledgements.acknowledge(ctx.principal as Principal, input.taskIds, ctx.meta);
  }

  @Access(TASK_WRITERS)
  @Mutation(() => TaskReassignmentModel, {
    description: '申请转办: the lead department asks the supervisor to move the task.',
  })
  requestTaskReassignment(
    @Args('input') input: RequestReassignmentInput,
    @Context() ctx: GraphQLContext,
  ) {
    return this.service.requestReassignment(ctx.principal as Principal, input, ctx.meta);
  }

  @Access(TASK_WRITERS)
  @Mutation(() => TaskReassignmentModel, {
    description: 'The supervisor approves (and applies) or refuses a 转办 request.',
  })
  decideTaskReassignment(
    @Args('input') input: DecideReassignmentInput,
    @Context() ctx: GraphQLContext,
  ) {
    return this.service.decideReassignment(ctx.principal as Principal, input, ctx.meta);
  }

  @Access(TASK_WRITERS)
  @Mutation(() => TaskReassignmentModel, {
    description: '直接转办 by the supervisor over the unit, with a reason.',
  })
  reassignTask(@Args('input') input: ReassignTaskInput, @Context() ctx: GraphQLContext) {
    return this.service.reassign(ctx.principal as Principal, input, ctx.meta);
  }

  @Access(TASK_WRITERS)
  @Query(() => [ReassignmentTargetModel], {
    description: 'The departments a task may be moved to (its unit’s other departments).',
  })
  reassignmentTargets(
    @Args('taskId', { type: () => ID }) taskId: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.query.targets(ctx.principal as Principal, taskId);
  }

  @Access(TASK_READERS)
  @Query(() => [UnacknowledgedTaskCountModel], {
    description: '待签收 tasks per unit of a cycle in your jurisdiction, most first.',
  })
  unacknowledgedTaskCounts(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.query.unacknowledgedCounts(ctx.principal as Principal, cycleId);
  }

  @Access(TASK_READERS)
  @Query(() => [TaskReassignmentModel], {
    description: 'Pending 转办 requests in your jurisdiction, oldest first (at most 500).',
  })
  pendingTaskReassignments(
    @Args('cycleId', { type: () => ID, nullable: true }) cycleId: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.query.pending(ctx.principal as Principal, cycleId);
  }

  @ResolveField(() => DepartmentModel, { description: '原牵头部门' })
  async fromDepartment(@Parent() r: TaskReassignmentModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.departmentById.load(r.fromDepartmentId));
  }

  @ResolveField(() => DepartmentModel, { description: '转办后的牵头部门' })
  async toDepartment(@Parent() r: TaskReassignmentModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.departmentById.load(r.toDepartmentId));
  }

  @ResolveField(() => TaskModel, {
    description: 'The task (reachable only inside your jurisdiction, like the record).',
  })
  async task(@Parent() r: TaskReassignmentModel, @Context() ctx: GraphQLContext) {
    return required(await ctx.loaders.taskById.load(r.taskId));
  }
}

/** 签收 and 转办 fields of a task. */
@Resolver(() => TaskModel)
export class TaskAssignmentFieldsResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => [TaskReassignmentModel], {
    description: '转办 requests and reassignments of the task, newest first.',
  })
  reassignments(@Parent() task: TaskModel, @Context() ctx: GraphQLContext) {
    return assignmentLoaders(ctx, this.dataSource).reassignmentsByTask.load(task.id);
  }

  @ResolveField(() => TaskAssignmentCapabilitiesModel)
  async assignmentCapabilities(
    @Parent() task: TaskModel,
    @Context() ctx: GraphQLContext,
  ): Promise<TaskAssignmentCapabilitiesModel> {
    const principal = ctx.principal as Principal;
    const unit = required(await ctx.loaders.unitByCode.load(task.unitCode));
    const can = capacitiesOn(principal, {
      unitCode: task.unitCode,
      leadDepartmentId: task.leadDepartmentId,
      unitParentCode: unit.parentCode,
      unitLevel: unit.level,
    });
    const cycle = await assignmentLoaders(ctx, this.dataSource).cycleById.load(task.cycleId);
    const writable = !task.retiredAt && (!cycle || cycle.state === 'open');
    const pending = (
      await assignmentLoaders(ctx, this.dataSource).reassignmentsByTask.load(task.id)
    ).some((r) => r.status === 'PENDING');
    const movable = writable && task.status !== 'VERIFIED';
    return {
      acknowledge: writable && can.operator && !task.acknowledgedAt,
      requestReassignment: movable && can.operator && !pending,
      decideReassignment: writable && can.verifier && pending,
      reassign: movable && can.verifier && !pending,
    };
  }
}
