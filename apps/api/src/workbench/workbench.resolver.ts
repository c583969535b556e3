import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { Principal } from '../auth/principal';
import type { GraphQLContext } from '../graphql/loaders';
import { TASK_READERS } from '../task/task-scope';
import { WorkbenchModel, WorkbenchSectionKey, WorkbenchSectionModel } from './dto/workbench.models';
import { DEFAULT_FIRST, MAX_FIRST, WorkbenchService } from './workbench.service';

const principalOf = (ctx: GraphQLContext) => ctx.principal as Principal;

const CYCLE =
  'cycleId: the cycle whose tasks are counted; default the newest open cycle, else the newest (as the web’s pages choose). An unknown cycle is NOT_FOUND.';

@Resolver()
export class WorkbenchResolver {
  constructor(private readonly workbench: WorkbenchService) {}

  @Access(TASK_READERS)
  @Query(() => WorkbenchModel, {
    name: 'workbench',
    description: `Your workbench (工作台): the sections of your role (operator: returned, overdue, due within 14 days; supervisor: submissions to review, extension requests, units behind schedule; auditor: recent evidence packs, integrity problems), each counted in full within your jurisdiction with its first \`first\` items (1–${MAX_FIRST}). ${CYCLE}`,
  })
  workbenchQuery(
    @Context() ctx: GraphQLContext,
    @Args('cycleId', { type: () => ID, nullable: true }) cycleId?: string | null,
    @Args('first', { type: () => Int, defaultValue: DEFAULT_FIRST }) first: number = DEFAULT_FIRST,
  ) {
    return this.workbench.workbench(principalOf(ctx), cycleId, first);
  }

  @Access(TASK_READERS)
  @Query(() => WorkbenchSectionModel, {
    description: `One section of your workbench in full, a page at a time (first 1–${MAX_FIRST}, offset ≥ 0). A section your role does not have is FORBIDDEN. ${CYCLE}`,
  })
  workbenchSection(
    @Context() ctx: GraphQLContext,
    @Args('key', { type: () => WorkbenchSectionKey }) key: WorkbenchSectionKey,
    @Args('cycleId', { type: () => ID, nullable: true }) cycleId?: string | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number = 20,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number = 0,
  ) {
    return this.workbench.fullSection(principalOf(ctx), key, cycleId, first, offset);
  }
}
