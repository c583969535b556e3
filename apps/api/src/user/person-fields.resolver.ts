import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AssessmentCycle } from '../cycle/assessment-cycle.entity';
import { Bulletin } from '../bulletin/bulletin.entity';
import {
  AdjustmentModel,
  AssessmentPlanModel,
  ResultSetModel,
} from '../assessment/assessment.models';
import { BulletinModel } from '../bulletin/dto/bulletin.models';
import { DutyModel } from '../duty/dto/duty.models';
import { DutyMappingSuggestionModel } from '../duty-mapping/dto/duty-mapping.models';
import { EvidenceModel } from '../evidence/evidence.models';
import type { GraphQLContext } from '../graphql/loaders';
import { NotificationDeliveryModel } from '../notification/dto/notification.models';
import { RegulationVersionModel } from '../regulation/dto/regulation.models';
import {
  ExtensionRequestModel,
  TaskAssistModel,
  TaskEventModel,
  TaskModel,
} from '../task/dto/task.models';
import { NotApplicableRequestModel } from '../task-applicability/dto/not-applicable.models';
import { TaskReassignmentModel } from '../task-assignment/dto/task-assignment.models';
import { CommentAttachmentModel, TaskCommentModel } from '../task-comment/dto/task-comment.models';
import { UrgingNoticeModel } from '../urging/dto/urging.models';
import { WorkbenchItemModel } from '../workbench/dto/workbench.models';
import { PasswordResetRequestModel } from './dto/password-reset-request.models';
import { CurrentUserModel, SecurityAuditEntryModel } from './dto/user.models';
import { AuditTargetKind, AuditTargetModel, parseAuditTarget } from './audit-target';
import { PersonModel } from './person';

/*
 * People by name and office next to everything that records a username (issue 17, item 3).
 * The records keep their usernames; these fields resolve them per request through
 * loaders.personByUsername (one statement for a whole page). A Person carries name and office
 * only, so a field here shows nothing about another unit's users beyond who did what, which the
 * parent record already said by username.
 */

type Ctx = GraphQLContext;

function person(ctx: Ctx, username: string | null | undefined): Promise<PersonModel | null> {
  return username ? ctx.loaders.personByUsername.load(username) : Promise.resolve(null);
}

const required = { description: 'Who it was, by name and office.' };
const optional = { nullable: true, description: 'Who it was, by name and office.' };

@Resolver(() => TaskEventModel)
export class TaskEventPersonResolver {
  @ResolveField(() => PersonModel, required)
  actor(@Parent() e: TaskEventModel, @Context() ctx: Ctx) {
    return person(ctx, e.actorUsername);
  }
}

@Resolver(() => TaskModel)
export class TaskPersonResolver {
  @ResolveField(() => PersonModel, {
    description: 'Who last changed the task (updatedBy), by name and office.',
  })
  updater(@Parent() t: TaskModel, @Context() ctx: Ctx) {
    return person(ctx, t.updatedBy);
  }

  @ResolveField(() => PersonModel, {
    nullable: true,
    description: 'Who acknowledged the task (签收人), by name and office.',
  })
  acknowledger(@Parent() t: TaskModel, @Context() ctx: Ctx) {
    return person(ctx, t.acknowledgedBy);
  }
}

@Resolver(() => TaskAssistModel)
export class TaskAssistPersonResolver {
  @ResolveField(() => PersonModel, optional)
  updater(@Parent() a: TaskAssistModel, @Context() ctx: Ctx) {
    return person(ctx, a.updatedBy);
  }
}

@Resolver(() => ExtensionRequestModel)
export class ExtensionRequestPersonResolver {
  @ResolveField(() => PersonModel, required)
  requester(@Parent() r: ExtensionRequestModel, @Context() ctx: Ctx) {
    return person(ctx, r.requestedBy);
  }

  @ResolveField(() => PersonModel, optional)
  decider(@Parent() r: ExtensionRequestModel, @Context() ctx: Ctx) {
    return person(ctx, r.decidedBy);
  }
}

@Resolver(() => TaskCommentModel)
export class TaskCommentPersonResolver {
  @ResolveField(() => PersonModel, required)
  author(@Parent() c: TaskCommentModel, @Context() ctx: Ctx) {
    return person(ctx, c.authorUsername);
  }
}

@Resolver(() => CommentAttachmentModel)
export class CommentAttachmentPersonResolver {
  @ResolveField(() => PersonModel, required)
  uploader(@Parent() a: CommentAttachmentModel, @Context() ctx: Ctx) {
    return person(ctx, a.uploadedBy);
  }
}

@Resolver(() => EvidenceModel)
export class EvidencePersonResolver {
  @ResolveField(() => PersonModel, required)
  uploader(@Parent() e: EvidenceModel, @Context() ctx: Ctx) {
    return person(ctx, e.uploadedBy);
  }

  @ResolveField(() => PersonModel, optional)
  withdrawer(@Parent() e: EvidenceModel, @Context() ctx: Ctx) {
    return person(ctx, e.withdrawnBy);
  }
}

@Resolver(() => UrgingNoticeModel)
export class UrgingNoticePersonResolver {
  @ResolveField(() => PersonModel, required)
  issuer(@Parent() n: UrgingNoticeModel, @Context() ctx: Ctx) {
    return person(ctx, n.issuedBy);
  }

  @ResolveField(() => PersonModel, optional)
  acknowledger(@Parent() n: UrgingNoticeModel, @Context() ctx: Ctx) {
    return person(ctx, n.acknowledgedBy);
  }

  @ResolveField(() => PersonModel, optional)
  answerer(@Parent() n: UrgingNoticeModel, @Context() ctx: Ctx) {
    return person(ctx, n.answeredBy);
  }
}

@Resolver(() => AdjustmentModel)
export class AdjustmentPersonResolver {
  @ResolveField(() => PersonModel, required)
  creator(@Parent() a: AdjustmentModel, @Context() ctx: Ctx) {
    return person(ctx, a.createdBy);
  }

  @ResolveField(() => PersonModel, optional)
  revoker(@Parent() a: AdjustmentModel, @Context() ctx: Ctx) {
    return person(ctx, a.revokedBy);
  }
}

@Resolver(() => AssessmentPlanModel)
export class AssessmentPlanPersonResolver {
  @ResolveField(() => PersonModel, {
    nullable: true,
    description: 'Who saved this plan version; null for the default plan.',
  })
  creator(@Parent() p: AssessmentPlanModel, @Context() ctx: Ctx) {
    return person(ctx, p.createdBy);
  }
}

@Resolver(() => ResultSetModel)
export class ResultSetPersonResolver {
  @ResolveField(() => PersonModel, { description: 'Who froze the results (closed the year).' })
  closer(@Parent() r: ResultSetModel, @Context() ctx: Ctx) {
    return person(ctx, r.closedBy);
  }

  @ResolveField(() => PersonModel, optional)
  reopener(@Parent() r: ResultSetModel, @Context() ctx: Ctx) {
    return person(ctx, r.reopenedBy);
  }
}

@Resolver(() => BulletinModel)
export class BulletinPersonResolver {
  @ResolveField(() => PersonModel, required)
  generator(@Parent() b: BulletinModel, @Context() ctx: Ctx) {
    return person(ctx, b.generatedBy);
  }

  @ResolveField(() => PersonModel, optional)
  publisher(@Parent() b: BulletinModel, @Context() ctx: Ctx) {
    return person(ctx, b.publishedBy);
  }
}

@Resolver(() => NotApplicableRequestModel)
export class NotApplicablePersonResolver {
  @ResolveField(() => PersonModel, required)
  requester(@Parent() r: NotApplicableRequestModel, @Context() ctx: Ctx) {
    return person(ctx, r.requestedBy);
  }

  @ResolveField(() => PersonModel, optional)
  decider(@Parent() r: NotApplicableRequestModel, @Context() ctx: Ctx) {
    return person(ctx, r.decidedBy);
  }

  @ResolveField(() => PersonModel, optional)
  revoker(@Parent() r: NotApplicableRequestModel, @Context() ctx: Ctx) {
    return person(ctx, r.revokedBy);
  }
}

@Resolver(() => TaskReassignmentModel)
export class TaskReassignmentPersonResolver {
  @ResolveField(() => PersonModel, required)
  requester(@Parent() r: TaskReassignmentModel, @Context() ctx: Ctx) {
    return person(ctx, r.requestedBy);
  }

  @ResolveField(() => PersonModel, optional)
  decider(@Parent() r: TaskReassignmentModel, @Context() ctx: Ctx) {
    return person(ctx, r.decidedBy);
  }
}

@Resolver(() => PasswordResetRequestModel)
export class PasswordResetRequestPersonResolver {
  @ResolveField(() => PersonModel, required)
  requester(@Parent() r: PasswordResetRequestModel, @Context() ctx: Ctx) {
    return person(ctx, r.requestedBy);
  }

  @ResolveField(() => PersonModel, optional)
  decider(@Parent() r: PasswordResetRequestModel, @Context() ctx: Ctx) {
    return person(ctx, r.decidedBy);
  }
}

/*
 * The register (法规库 / 职责清单): who imported a version, who reviewed a duty, who decided a
 * mapping suggestion. The parents are readable by every signed-in role that reads the register;
 * these fields say no more than the usernames beside them.
 */

@Resolver(() => RegulationVersionModel)
export class RegulationVersionPersonResolver {
  @ResolveField(() => PersonModel, {
    description:
      'Who imported this version (importedBy), by name and office; 系统 for seeds and the command line.',
  })
  importer(@Parent() v: RegulationVersionModel, @Context() ctx: Ctx) {
    return person(ctx, v.importedBy);
  }
}

@Resolver(() => DutyModel)
export class DutyPersonResolver {
  @ResolveField(() => PersonModel, {
    nullable: true,
    description:
      'Who last reviewed the duty (reviewedBy), by name and office; null until reviewed.',
  })
  reviewer(@Parent() d: DutyModel, @Context() ctx: Ctx) {
    return person(ctx, d.reviewedBy);
  }
}

@Resolver(() => DutyMappingSuggestionModel)
export class DutyMappingPersonResolver {
  @ResolveField(() => PersonModel, {
    nullable: true,
    description: 'Who confirmed or rejected the suggestion (decidedBy), by name and office.',
  })
  decider(@Parent() m: DutyMappingSuggestionModel, @Context() ctx: Ctx) {
    return person(ctx, m.decidedBy);
  }
}

/** Title by id for the audit log's cycle and bulletin targets, batched per request. */
const titleLoaders = new WeakMap<object, Map<string, DataLoader<string, string | undefined>>>();

function titleLoader(
  ctx: Ctx,
  dataSource: DataSource,
  entity: typeof AssessmentCycle | typeof Bulletin,
): DataLoader<string, string | undefined> {
  let perRequest = titleLoaders.get(ctx.loaders);
  if (!perRequest) titleLoaders.set(ctx.loaders, (perRequest = new Map()));
  let loader = perRequest.get(entity.name);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const uuids = ids.filter((id) => UUID.test(id));
      const rows: { id: string; title: string }[] = uuids.length
        ? await dataSource
            .getRepository<{ id: string; title: string }>(entity)
            .find({ select: { id: true, title: true }, where: { id: In(uuids) } })
        : [];
      const byId = new Map(rows.map((row) => [row.id, row.title]));
      return ids.map((id) => byId.get(id));
    });
    perRequest.set(entity.name, loader);
  }
  return loader;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver(() => SecurityAuditEntryModel)
export class SecurityAuditEntryPersonResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => PersonModel, optional)
  actor(@Parent() e: SecurityAuditEntryModel, @Context() ctx: Ctx) {
    return person(ctx, e.actorUsername);
  }

  @ResolveField(() => [AuditTargetModel], {
    description: 'The target split into its parts, each with a readable name where one exists.',
  })
  async targets(
    @Parent() e: SecurityAuditEntryModel,
    @Context() ctx: Ctx,
  ): Promise<AuditTargetModel[]> {
    return Promise.all(
      parseAuditTarget(e.target).map(async (part) => ({
        ...part,
        name: await this.nameOf(part.kind, part.id, ctx),
      })),
    );
  }

  private async nameOf(kind: AuditTargetKind, id: string, ctx: Ctx): Promise<string | null> {
    switch (kind) {
      case AuditTargetKind.USER:
        return (await ctx.loaders.personByUsername.load(id)).label;
      case AuditTargetKind.UNIT:
        return (await ctx.loaders.unitByCode.load(id))?.name ?? null;
      case AuditTargetKind.CYCLE:
        return (await titleLoader(ctx, this.dataSource, AssessmentCycle).load(id)) ?? null;
      case AuditTargetKind.BULLETIN:
        return (await titleLoader(ctx, this.dataSource, Bulletin).load(id)) ?? null;
      case AuditTargetKind.TASK: {
        if (!UUID.test(id)) return null;
        const task = await ctx.loaders.taskById.load(id);
        if (!task) return null;
        return (await ctx.loaders.unitByCode.load(task.unitCode))?.name ?? null;
      }
      default:
        return null;
    }
  }
}

@Resolver(() => WorkbenchItemModel)
export class WorkbenchItemPersonResolver {
  @ResolveField(() => PersonModel, optional)
  actorPerson(@Parent() item: WorkbenchItemModel, @Context() ctx: Ctx) {
    return person(ctx, item.actor);
  }
}

@Resolver(() => NotificationDeliveryModel)
export class NotificationDeliveryPersonResolver {
  @ResolveField(() => PersonModel, { description: 'The recipient, by name and office.' })
  recipient(@Parent() d: NotificationDeliveryModel, @Context() ctx: Ctx) {
    return person(ctx, d.recipientUsername);
  }
}

@Resolver(() => CurrentUserModel)
export class CurrentUserOfficeResolver {
  @ResolveField(() => String, { nullable: true, description: '单位/科室 of the signed-in user.' })
  async office(@Parent() u: CurrentUserModel, @Context() ctx: Ctx) {
    return (await ctx.loaders.personByUsername.load(u.username)).office;
  }
}

export const PERSON_FIELD_RESOLVERS = [
  TaskEventPersonResolver,
  TaskPersonResolver,
  TaskAssistPersonResolver,
  AssessmentPlanPersonResolver,
  ResultSetPersonResolver,
  NotificationDeliveryPersonResolver,
  ExtensionRequestPersonResolver,
  TaskCommentPersonResolver,
  CommentAttachmentPersonResolver,
  EvidencePersonResolver,
  UrgingNoticePersonResolver,
  AdjustmentPersonResolver,
  BulletinPersonResolver,
  NotApplicablePersonResolver,
  TaskReassignmentPersonResolver,
  PasswordResetRequestPersonResolver,
  SecurityAuditEntryPersonResolver,
  WorkbenchItemPersonResolver,
  CurrentUserOfficeResolver,
  RegulationVersionPersonResolver,
  DutyPersonResolver,
  DutyMappingPersonResolver,
];
