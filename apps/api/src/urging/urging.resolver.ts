import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import type { GraphQLContext } from '../graphql/loaders';
import { TASK_READERS } from '../task/task-scope';
import { TaskService } from '../task/task.service';
import {
  AnswerUrgingNoticeInput,
  IssueUrgingNoticeInput,
  TaskUrgingModel,
  UrgingColourEnum,
  UrgingNoticeFilterInput,
  UrgingNoticeModel,
  UrgingNoticePageModel,
  UrgingPageInput,
  UrgingRunResultModel,
  UrgingUnitCountsModel,
} from './dto/urging.models';
import { NoticeView, UrgingService } from './urging.service';

const SUPERVISORS = [Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR] as const;

/** Database row → GraphQL model. */
export function toNoticeModel(v: NoticeView): UrgingNoticeModel {
  return {
    id: v.id,
    number: v.number,
    year: v.year,
    seq: v.seq,
    taskId: v.task_id,
    dutySubject: v.duty_subject,
    taskDueDate: v.task_due_date,
    taskStatus: v.task_status,
    unitCode: v.unit_code,
    unitName: v.unit_name,
    cycleId: v.cycle_id,
    colour: v.colour as UrgingColourEnum,
    origin: v.origin,
    reasonCode: v.reason_code,
    text: v.text,
    issuedOn: v.issued_on,
    answerDue: v.answer_due,
    issuedBy: v.issued_by,
    issuedAt: v.issued_at,
    supersedesId: v.supersedes_id,
    acknowledgedAt: v.acknowledged_at,
    acknowledgedBy: v.acknowledged_by,
    answeredAt: v.answered_at,
    answeredBy: v.answered_by,
    answer: v.answer,
    escalatedTo: v.escalated_to,
    closedAt: v.closed_at,
    closeReason: v.close_reason,
    deduction: v.deduction,
    canAcknowledge: v.canAcknowledge,
    canAnswer: v.canAnswer,
    answerOverdue: v.answerOverdue,
  };
}

@Resolver(() => UrgingNoticeModel)
export class UrgingResolver {
  constructor(
    private readonly urging: UrgingService,
    private readonly tasks: TaskService,
  ) {}

  @Access(TASK_READERS)
  @Query(() => UrgingNoticePageModel, {
    description: '督办单 in your jurisdiction, open ones first, newest first (first ≤ 100).',
  })
  async urgingNotices(
    @Context() ctx: GraphQLContext,
    @Args('filter', { type: () => UrgingNoticeFilterInput, nullable: true })
    filter?: UrgingNoticeFilterInput,
    @Args('page', { type: () => UrgingPageInput, nullable: true }) page?: UrgingPageInput,
  ): Promise<UrgingNoticePageModel> {
    const { total, items } = await this.urging.list(
      ctx.principal as Principal,
      filter ?? {},
      page?.first ?? 20,
      page?.offset ?? 0,
    );
    return { total, items: items.map(toNoticeModel) };
  }

  @Access(TASK_READERS)
  @Query(() => UrgingNoticeModel, {
    description: 'One 督办单; NOT_FOUND outside your jurisdiction.',
  })
  async urgingNotice(@Args('id', { type: () => ID }) id: string, @Context() ctx: GraphQLContext) {
    return toNoticeModel(await this.urging.get(ctx.principal as Principal, id));
  }

  @Access(TASK_READERS)
  @Query(() => TaskUrgingModel, {
    description: 'The 督办单 of one task (newest first) and whether you may issue one.',
  })
  async taskUrging(
    @Args('taskId', { type: () => ID }) taskId: string,
    @Context() ctx: GraphQLContext,
  ): Promise<TaskUrgingModel> {
    const principal = ctx.principal as Principal;
    const task = await this.tasks.visible(principal, taskId);
    const { items } = await this.urging.list(principal, { taskId }, 100, 0);
    const open = items.find((n) => n.closed_at === null);
    return {
      taskId,
      canIssue: await this.urging.canIssue(principal, task),
      openColour: (open?.colour as UrgingColourEnum | undefined) ?? null,
      notices: items.map(toNoticeModel),
    };
  }

  @Access(TASK_READERS)
  @Query(() => [UrgingUnitCountsModel], {
    description:
      'Open 督办单 by colour per unit with tasks in the cycle, inside your jurisdiction (map-ready).',
  })
  urgingCountsByUnit(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.urging.countsByUnit(ctx.principal as Principal, cycleId);
  }

  @Access(SUPERVISORS)
  @Mutation(() => UrgingNoticeModel, {
    description:
      '督办令: issue a notice on a task of your jurisdiction (higher than its open one).',
  })
  async issueUrgingNotice(
    @Args('input') input: IssueUrgingNoticeInput,
    @Context() ctx: GraphQLContext,
  ) {
    return toNoticeModel(await this.urging.issue(ctx.principal as Principal, input, ctx.meta));
  }

  @Access([Role.COUNTY_OPERATOR])
  @Mutation(() => UrgingNoticeModel, { description: '签收 a notice (the task’s operator).' })
  async acknowledgeUrgingNotice(
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: GraphQLContext,
  ) {
    return toNoticeModel(await this.urging.acknowledge(ctx.principal as Principal, id, ctx.meta));
  }

  @Access([Role.COUNTY_OPERATOR])
  @Mutation(() => UrgingNoticeModel, {
    description: '反馈 on an acknowledged notice (the task’s operator).',
  })
  async answerUrgingNotice(
    @Args('input') input: AnswerUrgingNoticeInput,
    @Context() ctx: GraphQLContext,
  ) {
    return toNoticeModel(await this.urging.answer(ctx.principal as Principal, input, ctx.meta));
  }

  @Access([Role.PROVINCIAL_SUPERVISOR])
  @Mutation(() => UrgingRunResultModel, {
    description: 'Runs the daily urging job now for today (demos; it also runs on its schedule).',
  })
  runUrgingNow() {
    return this.urging.runDaily(this.urging.today());
  }
}
