import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { clampFirst } from '../common/page-size';
import type { GraphQLContext } from '../graphql/loaders';
import { capacitiesOn, TASK_READERS } from '../task/task-scope';
import { TaskService } from '../task/task.service';
import {
  AddTaskCommentInput,
  TaskCommentModel,
  TaskDiscussionModel,
  toCommentModel,
  toUnansweredModel,
  UnansweredCommentConnectionModel,
} from './dto/task-comment.models';
import { COMMENTERS } from './task-comment-rules';
import { TaskCommentService } from './task-comment.service';

@Resolver(() => TaskCommentModel)
export class TaskCommentResolver {
  constructor(
    private readonly comments: TaskCommentService,
    private readonly tasks: TaskService,
  ) {}

  @Access(TASK_READERS)
  @Query(() => TaskDiscussionModel, {
    description: 'A task’s comments and instructions; NOT_FOUND outside your jurisdiction.',
  })
  async taskDiscussion(
    @Args('taskId', { type: () => ID }) taskId: string,
    @Context() ctx: GraphQLContext,
  ): Promise<TaskDiscussionModel> {
    const principal = ctx.principal as Principal;
    const comments = await this.comments.list(principal, taskId);
    const task = await this.tasks.visible(principal, taskId);
    const can = capacitiesOn(principal, task);
    const writable = task.cycleState === 'open' && !task.retiredAt;
    const commenter =
      writable && !!principal.role && (COMMENTERS as readonly Role[]).includes(principal.role);
    return {
      taskId,
      comments: comments.map(toCommentModel),
      canComment: commenter,
      canInstruct: commenter && can.verifier,
      canAttachEvidence: commenter && can.operator,
      mentionableUnits: commenter ? await this.comments.mentionableUnits(principal, taskId) : [],
    };
  }

  @Access(COMMENTERS)
  @Mutation(() => TaskCommentModel, {
    description:
      'Adds a comment, a reply (parentId) or an instruction (批示, supervisors over the unit) to a task.',
  })
  async addTaskComment(
    @Args('input') input: AddTaskCommentInput,
    @Context() ctx: GraphQLContext,
  ): Promise<TaskCommentModel> {
    return toCommentModel(await this.comments.add(ctx.principal as Principal, input, ctx.meta));
  }

  @Access([Role.COUNTY_OPERATOR])
  @Query(() => UnansweredCommentConnectionModel, {
    description:
      '待回复: comments and instructions on your tasks by someone outside your unit with no later reply from your unit; oldest first.',
  })
  async unansweredComments(
    @Context() ctx: GraphQLContext,
    @Args('first', { type: () => Int, defaultValue: 50 }) first = 50,
  ): Promise<UnansweredCommentConnectionModel> {
    const page = await this.comments.unanswered(ctx.principal as Principal, clampFirst(first));
    return { totalCount: page.totalCount, nodes: page.nodes.map(toUnansweredModel) };
  }
}
