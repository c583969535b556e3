import {
  Args,
  Context,
  GraphQLISODateTime,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
} from '@nestjs/graphql';
import { Access } from '../../access/access.decorator';
import { Principal } from '../../auth/principal';
import { Role } from '../../auth/role';
import type { GraphQLContext } from '../../graphql/loaders';
import { TASK_READERS } from '../../task/task-scope';
import {
  AssessmentObjectionModel,
  AssessmentPublicationModel,
  DecideAssessmentObjectionInput,
  FileAssessmentObjectionInput,
} from './objection.models';
import { AssessmentObjectionService, ObjectionView, PublicationView } from './objection.service';

/** 公示与异议: publication of provisional results, objections and their decisions. */
@Resolver()
export class AssessmentObjectionResolver {
  constructor(private readonly service: AssessmentObjectionService) {}

  @Access([Role.PROVINCIAL_SUPERVISOR])
  @Mutation(() => AssessmentPublicationModel, {
    description:
      'Publishes the provisional results of an open cycle with the objection window (公示); republishing after the scores changed makes the next version. Notifies the units’ operators and the prefecture supervisors.',
  })
  async publishAssessmentResults(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('objectionClosesAt', { type: () => GraphQLISODateTime }) objectionClosesAt: Date,
    @Context() ctx: GraphQLContext,
  ) {
    return toPublicationModel(
      await this.service.publish(ctx.principal as Principal, cycleId, objectionClosesAt),
    );
  }

  @Access(TASK_READERS)
  @Query(() => AssessmentPublicationModel, {
    nullable: true,
    description:
      'The latest (or the given version of the) publication of a cycle, with the results in your jurisdiction; null if not published.',
  })
  async assessmentPublication(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('version', { type: () => Int, nullable: true }) version: number | null,
    @Context() ctx: GraphQLContext,
  ) {
    const view = await this.service.publication(ctx.principal as Principal, cycleId, version);
    return view && toPublicationModel(view);
  }

  @Access([Role.COUNTY_OPERATOR])
  @Mutation(() => AssessmentObjectionModel, {
    description:
      'Files an objection (异议) to one indicator of your unit’s published result while the window is open (else VALIDATION_FAILED, OBJECTION_WINDOW_CLOSED). Notifies the provincial supervisors.',
  })
  async fileAssessmentObjection(
    @Args('input') input: FileAssessmentObjectionInput,
    @Context() ctx: GraphQLContext,
  ) {
    return toObjectionModel(await this.service.file(ctx.principal as Principal, input));
  }

  @Access([Role.PROVINCIAL_SUPERVISOR])
  @Mutation(() => AssessmentObjectionModel, {
    description:
      'Decides an objection once: UPHELD (optionally with a score change, applied as an adjustment) or REJECTED, with a reason. Notifies the unit’s operators.',
  })
  async decideAssessmentObjection(
    @Args('input') input: DecideAssessmentObjectionInput,
    @Context() ctx: GraphQLContext,
  ) {
    return toObjectionModel(await this.service.decide(ctx.principal as Principal, input));
  }

  @Access(TASK_READERS)
  @Query(() => [AssessmentObjectionModel], {
    description: 'Objections of a cycle within your jurisdiction, oldest first.',
  })
  async assessmentObjections(
    @Args('cycleId', { type: () => ID }) cycleId: string,
    @Args('unitCode', { type: () => String, nullable: true }) unitCode: string | null,
    @Args('pendingOnly', { type: () => Boolean, nullable: true }) pendingOnly: boolean | null,
    @Context() ctx: GraphQLContext,
  ) {
    const rows = await this.service.objections(ctx.principal as Principal, cycleId, {
      unitCode,
      pendingOnly,
    });
    return rows.map(toObjectionModel);
  }

  @Access(TASK_READERS)
  @Query(() => AssessmentObjectionModel, {
    description: 'One objection; NOT_FOUND outside your jurisdiction.',
  })
  async assessmentObjection(
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: GraphQLContext,
  ) {
    return toObjectionModel(await this.service.objection(ctx.principal as Principal, id));
  }
}

function toPublicationModel(view: PublicationView): AssessmentPublicationModel {
  const p = view.publication;
  return {
    id: p.id,
    cycleId: p.cycleId,
    version: p.version,
    planVersion: p.planVersion,
    objectionClosesAt: p.objectionClosesAt,
    windowOpen: view.windowOpen,
    units: p.units,
    publishedBy: p.publishedBy,
    publishedAt: p.publishedAt,
    results: view.results,
  };
}

function toObjectionModel(o: ObjectionView): AssessmentObjectionModel {
  return {
    id: o.id,
    cycleId: o.cycleId,
    publicationId: o.publicationId,
    publicationVersion: o.publicationVersion,
    unitCode: o.unitCode,
    unitName: o.unitName,
    indicatorId: o.indicatorId,
    indicatorName: o.indicatorName,
    reason: o.reason,
    evidenceIds: o.evidenceIds,
    filedBy: o.filedBy,
    filedAt: o.filedAt,
    decision: o.decision,
    decisionReason: o.decisionReason,
    scoreChange: o.scoreChange === null ? null : Number(o.scoreChange),
    adjustmentId: o.adjustmentId,
    decidedBy: o.decidedBy,
    decidedAt: o.decidedAt,
  };
}
