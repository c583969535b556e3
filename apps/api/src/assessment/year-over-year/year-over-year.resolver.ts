import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { ErrorCode } from '@duty/shared/errors';
import { Access } from '../../access/access.decorator';
import { Principal } from '../../auth/principal';
import { AppError } from '../../graphql/app-error';
import type { GraphQLContext } from '../../graphql/loaders';
import { TASK_READERS } from '../../task/task-scope';
import { RankLevel } from '../assessment-scores';
import { UnitYearOverYearModel, YoyTableModel } from './year-over-year.models';
import { YearOverYearService } from './year-over-year.service';

const LEVELS = ['province', 'prefecture', 'county'];

@Resolver()
export class YearOverYearResolver {
  constructor(private readonly service: YearOverYearService) {}

  @Access(TASK_READERS)
  @Query(() => UnitYearOverYearModel, {
    description:
      '历年对比 of one unit: this cycle against earlier frozen cycles and imported history, per indicator; NOT_FOUND outside your jurisdiction.',
  })
  unitYearOverYear(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('unitCode') unitCode: string,
    @Context() ctx: GraphQLContext,
    @Args('years', {
      type: () => Int,
      nullable: true,
      description: 'Periods shown (2–10, default 5).',
    })
    years?: number,
  ) {
    return this.service.unit(ctx.principal as Principal, cycleId, unitCode, years ?? 5);
  }

  @Access(TASK_READERS)
  @Query(() => YoyTableModel, {
    description:
      'Improvers and decliners: this cycle against the previous period for the units in your jurisdiction.',
  })
  assessmentYearOverYear(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Context() ctx: GraphQLContext,
    @Args('level', { nullable: true }) level?: string,
  ) {
    if (level && !LEVELS.includes(level)) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        'level 须为 province、prefecture 或 county。',
      );
    }
    return this.service.table(ctx.principal as Principal, cycleId, level as RankLevel | undefined);
  }
}
