import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  ActorTypeEnum,
  AdminLevelEnum,
  CueFieldEnum,
  DepartmentRoleEnum,
  DutyEventKindEnum,
  DutyKindEnum,
  ModalityEnum,
  ReviewStateEnum,
} from './duty-enums';
import GraphQLJSON from './json.scalar';

@ObjectType('DepartmentKind', { description: '部门类别，如“市场监督管理”。' })
export class DepartmentKindModel {
  @Field(() => ID)
  code!: string;

  @Field({ description: 'Canonical Chinese name.' })
  name!: string;

  @Field(() => [String])
  aliases!: string[];
}

@ObjectType('ExtractionCue', {
  description: 'Why a field has its value: the rule that fired and the text it matched.',
})
export class CueModel {
  @Field(() => CueFieldEnum)
  field!: CueFieldEnum;

  @Field()
  rule!: string;

  @Field()
  text!: string;

  @Field()
  explanation!: string;
}

@ObjectType('ExtractedDutyFields', {
  description: 'The values as first extracted, before any review.',
})
export class ExtractedFieldsModel {
  @Field(() => DutyKindEnum)
  kind!: DutyKindEnum;

  @Field()
  actorText!: string;

  @Field(() => ActorTypeEnum)
  actorType!: ActorTypeEnum;

  @Field(() => [AdminLevelEnum])
  levels!: AdminLevelEnum[];

  @Field(() => ModalityEnum)
  modality!: ModalityEnum;

  @Field(() => [String], { description: 'Department kind codes named in the actor phrase.' })
  departments!: string[];

  @Field(() => [String], {
    description: 'Departments to act together with (会同…) named in the text.',
  })
  assistingDepartments!: string[];

  @Field()
  inheritedActor!: boolean;

  @Field({
    description:
      'How the actor was found: explicit, encouraged-party (鼓励…), previous (an earlier sentence of the article), lead-in (the paragraph introducing the items), inferred (another article’s allocation clause: a reviewer must confirm it) or none (a statement without an actor). Rows imported before may say default.',
  })
  actorSource!: string;
}

@ObjectType('DutyDepartment')
export class DutyDepartmentModel {
  @Field(() => DepartmentKindModel)
  department!: DepartmentKindModel;

  @Field(() => DepartmentRoleEnum)
  role!: DepartmentRoleEnum;

  @Field({ description: 'Named in the regulation text (else chosen by default or by a reviewer).' })
  fromText!: boolean;
}

@ObjectType('DutyEvent', {
  description: 'One entry of a duty history: who, when, before and after.',
})
export class DutyEventModel {
  @Field(() => ID)
  id!: string;

  @Field(() => DutyEventKindEnum)
  kind!: DutyEventKindEnum;

  @Field()
  actor!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true })
  after!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

@ObjectType('Duty', { description: '职责：某款或某项规定的一项义务。' })
export class DutyModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'Only in the reviewDuty answer: open tasks whose lead department followed the reviewed lead (转办 by the review).',
  })
  tasksFollowedLead?: number;

  @Field(() => ID, { description: 'Same across versions while the paragraph is unchanged.' })
  lineageId!: string;

  @Field(() => Int, {
    description: '0 when stated in the paragraph itself, else the item (项) number.',
  })
  itemNumber!: number;

  @Field(() => Int, { description: 'Order within its paragraph or item.' })
  sequence!: number;

  @Field({ description: 'The sentence or clause stating the duty.' })
  text!: string;

  @Field({ description: 'What must be done.' })
  subject!: string;

  @Field()
  actorText!: string;

  @Field(() => ActorTypeEnum)
  actorType!: ActorTypeEnum;

  @Field(() => [AdminLevelEnum])
  levels!: AdminLevelEnum[];

  @Field(() => ModalityEnum)
  modality!: ModalityEnum;

  @Field(() => DutyKindEnum, {
    description: 'What the statement does; only IMPLEMENTATION duties are tracked by default.',
  })
  kind!: DutyKindEnum;

  @Field({
    description:
      'The actor was not written in the statement but inferred from another article (see the actor cue): a reviewer must confirm it. Cleared by a review.',
  })
  needsReview!: boolean;

  @Field()
  governmentDuty!: boolean;

  @Field({ description: 'Tracked duties become implementation tasks.' })
  tracked!: boolean;

  @Field(() => ReviewStateEnum)
  reviewState!: ReviewStateEnum;

  @Field(() => [CueModel])
  cues!: CueModel[];

  @Field(() => ExtractedFieldsModel)
  extracted!: ExtractedFieldsModel;

  @Field(() => String, { nullable: true })
  reviewedBy!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The duty of the previous version this one continues.',
  })
  carriedFromId!: string | null;

  @Field(() => Int, { description: 'Send back with a review: a stale value is a CONFLICT.' })
  rowVersion!: number;

  versionId!: string;
  articleId!: string;
  paragraphId!: string;
  itemId!: string | null;
}

@ObjectType('DutyPage')
export class DutyPageModel {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [DutyModel])
  nodes!: DutyModel[];
}
