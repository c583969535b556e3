import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../../access/access.decorator';
import { Principal } from '../../auth/principal';
import { Role } from '../../auth/role';
import type { GraphQLContext } from '../../graphql/loaders';
import { TASK_READERS } from '../../task/task-scope';
import { AssessmentMeasureService, UnitMeasure } from './assessment-measure.service';
import { measureSpecToModel } from './measure-mappers';
import { AdjustMeasureInput, ReportMeasureInput, UnitMeasureValueModel } from './measure.models';

const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));

@Resolver()
export class AssessmentMeasureResolver {
  constructor(private readonly service: AssessmentMeasureService) {}

  @Access(TASK_READERS)
  @Query(() => [UnitMeasureValueModel], {
    description:
      'The measured indicators (定量指标) that apply to a unit, with targets, values and changes; NOT_FOUND outside your jurisdiction.',
  })
  async unitMeasureValues(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('unitCode') unitCode: string,
    @Context() ctx: GraphQLContext,
  ) {
    const rows = await this.service.unitMeasures(ctx.principal as Principal, cycleId, unitCode);
    return rows.map(toModel);
  }

  @Access([Role.COUNTY_OPERATOR, Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR])
  @Mutation(() => UnitMeasureValueModel, {
    description:
      'Reports a unit’s value of a measured indicator with its source (an evidence file or a reference): the unit’s operators, or a supervisor whose jurisdiction holds the unit. Recorded.',
  })
  async reportAssessmentMeasure(
    @Args('input') input: ReportMeasureInput,
    @Context() ctx: GraphQLContext,
  ) {
    const principal = ctx.principal as Principal;
    await this.service.report(principal, input);
    return this.one(principal, input.cycleId, input.unitCode, input.indicatorId);
  }

  @Access([Role.PROVINCIAL_SUPERVISOR, Role.PREFECTURE_SUPERVISOR])
  @Mutation(() => UnitMeasureValueModel, {
    description:
      'Sets (or, with value null, withdraws) a reviewer’s adjusted value, with a reason; the adjusted value is the one scored. Recorded.',
  })
  async adjustAssessmentMeasure(
    @Args('input') input: AdjustMeasureInput,
    @Context() ctx: GraphQLContext,
  ) {
    const principal = ctx.principal as Principal;
    await this.service.adjust(principal, input);
    return this.one(principal, input.cycleId, input.unitCode, input.indicatorId);
  }

  private async one(principal: Principal, cycleId: string, unitCode: string, id: string) {
    const rows = await this.service.unitMeasures(principal, cycleId, unitCode);
    return toModel(rows.find((r) => r.indicator.id === id)!);
  }
}

function toModel(m: UnitMeasure): UnitMeasureValueModel {
  const v = m.value;
  return {
    indicatorId: m.indicator.id,
    name: m.indicator.name,
    chapter: m.indicator.chapter,
    weight: m.indicator.weight,
    measure: measureSpecToModel(m.indicator.measure!),
    target: m.target,
    floor: m.floor,
    targetFrom: m.targetFrom,
    reportedValue: num(v?.reportedValue),
    evidenceId: v?.evidenceId ?? null,
    evidenceName: m.evidenceName,
    sourceRef: v?.sourceRef ?? null,
    reportedBy: v?.reportedBy ?? null,
    reportedAt: v?.reportedAt ?? null,
    adjustedValue: num(v?.adjustedValue),
    adjustReason: v?.adjustReason ?? null,
    adjustedBy: v?.adjustedBy ?? null,
    adjustedAt: v?.adjustedAt ?? null,
    canReport: m.canReport,
    canAdjust: m.canAdjust,
    events: m.events.map((e) => ({
      id: e.id,
      action: e.action,
      beforeValue: num(e.beforeValue),
      afterValue: num(e.afterValue),
      evidenceId: e.evidenceId,
      sourceRef: e.sourceRef,
      reason: e.reason,
      actor: e.actor,
      actorRole: e.actorRole,
      createdAt: e.createdAt,
    })),
  };
}
