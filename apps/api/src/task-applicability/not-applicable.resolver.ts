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
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import type { GraphQLContext } from '../graphql/loaders';
import { TaskModel } from '../task/dto/task.models';
import { capacitiesOn, TASK_READERS } from '../task/task-scope';
import { TaskService } from '../task/task.service';
import { TaskStatus } from '../task/task-workflow';
import {
  DecideNotApplicableInput,
  NotApplicableRequestModel,
  NotApplicableStatusEnum,
  RequestNotApplicableInput,
  RevokeNotApplicableInput,
  TaskApplicabilityModel,
  toRequestModel,
} from './dto/not-applicable.models';
import { NotApplicableService } from './not-applicable.service';

const SUPERVISORS = [Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR] as const;

@Resolver(() => NotApplicableRequestModel)
export class NotApplicableResolver {
  constructor(
    private readonly service: NotApplicableService,
    private readonly tasks: TaskService,
  ) {}

  @Access(TASK_READERS)
  @Query(() => TaskApplicabilityModel, {
    description: '不适用 state and requests of a task; NOT_FOUND outside your jurisdiction.',
  })
  async taskApplicability(
    @Args('taskId', { type: () => ID }) taskId: string,
    @Context() ctx: GraphQLContext,
  ): Promise<TaskApplicabilityModel> {
    const principal = ctx.principal as Principal;
    const requests = await this.service.list(principal, taskId);
    const task = await this.tasks.visible(principal, taskId);
    const can = capacitiesOn(principal, task);
    const writable = task.cycleState === 'open' && !task.retiredAt;
    const status = task.notApplicableStatus;
    return {
      taskId,
      status: status as NotApplicableStatusEnum | null,
      requests: requests.map(toRequestModel),
      canRequest:
        writable &&
        can.operator &&
        status !== 'REQUESTED' &&
        status !== 'APPROVED' &&
        task.status !== TaskStatus.VERIFIED &&
        task.status !== TaskStatus.SUBMITTED,
      canDecide: writable && can.verifier && status === 'REQUESTED',
      canRevoke: writable && can.provincial && status === 'APPROVED',
    };
  }

  @Access([Role.COUNTY_OPERATOR])
  @Mutation(() => NotApplicableRequestModel, {
    description:
      '不适用申请 by the task’s operator: a reason and proof (evidence and/or a document reference).',
  })
  async requestNotApplicable(
    @Args('input') input: RequestNotApplicableInput,
    @Context() ctx: GraphQLContext,
  ) {
    return toRequestModel(await this.service.request(ctx.principal as Principal, input, ctx.meta));
  }

  @Access(SUPERVISORS)
  @Mutation(() => NotApplicableRequestModel, {
    description:
      'The supervisor over the unit approves or rejects a 不适用 request, with a reason.',
  })
  async decideNotApplicable(
    @Args('input') input: DecideNotApplicableInput,
    @Context() ctx: GraphQLContext,
  ) {
    return toRequestModel(await this.service.decide(ctx.principal as Principal, input, ctx.meta));
  }

  @Access([Role.PROVINCIAL_SUPERVISOR])
  @Mutation(() => NotApplicableRequestModel, {
    description:
      'A provincial supervisor revokes an approved 不适用, with a reason: the task counts again.',
  })
  async revokeNotApplicable(
    @Args('input') input: RevokeNotApplicableInput,
    @Context() ctx: GraphQLContext,
  ) {
    return toRequestModel(await this.service.revoke(ctx.principal as Principal, input, ctx.meta));
  }
}

/** The 不适用 mark on every task (lists and the detail page show a tag). */
@Resolver(() => TaskModel)
export class TaskApplicabilityFieldResolver {
  @ResolveField(() => NotApplicableStatusEnum, {
    nullable: true,
    description: '不适用: APPROVED tasks are left out of completion rates and the assessment.',
  })
  notApplicableStatus(@Parent() task: { notApplicableStatus?: string | null }) {
    return task.notApplicableStatus ?? null;
  }
}
