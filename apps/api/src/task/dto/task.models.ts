import {
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Transform, Type } from 'class-transformer';
import { AdminLevelEnum } from '../../duty/dto/duty-enums';
import GraphQLJSON from '../../duty/dto/json.scalar';
import { TaskStatus } from '../task-workflow';

registerEnumType(TaskStatus, {
  name: 'TaskStatus',
  description: 'OVERDUE is not a status: see Task.overdue.',
  valuesMap: {
    NOT_STARTED: { description: '未开始' },
    IN_PROGRESS: { description: '推进中' },
    SUBMITTED: { description: '已提交，待核验' },
    RETURNED: { description: '已退回' },
    VERIFIED: { description: '已核验' },
  },
});

export enum TaskSortEnum {
  DUE_DATE = 'DUE_DATE',
  UPDATED_AT = 'UPDATED_AT',
  UNIT = 'UNIT',
  /** Article number, then the duty's place in it, then the unit. */
  ARTICLE = 'ARTICLE',
  /** 已退回, 未开始, 推进中, 已提交, 已核验. */
  STATUS = 'STATUS',
  /** The latest submission time (never-submitted tasks first in ASC, last in DESC). */
  SUBMITTED_AT = 'SUBMITTED_AT',
}
registerEnumType(TaskSortEnum, {
  name: 'TaskSort',
  description: 'Every sort ends with the task id, so that pages never overlap.',
});

export enum SortDirectionEnum {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });

@ObjectType('AssessmentCycle', { description: '考核年度' })
export class CycleModel {
  @Field(() => ID) id!: string;
  @Field(() => Int) year!: number;
  @Field(() => ID) regulationVersionId!: string;
  @Field({ description: 'The province (XX0000) whose units the cycle is for.' })
  provinceCode!: string;
  @Field() title!: string;
  @Field() startDate!: string;
  @Field({ description: 'Default due date of the tasks.' }) dueDate!: string;
  @Field({ description: 'open or closed (read-only).' }) state!: string;
  @Field() createdBy!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
}

@ObjectType('LevelTaskCount', {
  description: 'Active tasks of a cycle at one administrative level.',
})
export class LevelTaskCountModel {
  @Field(() => AdminLevelEnum) level!: AdminLevelEnum;
  @Field(() => Int) count!: number;
}

@ObjectType('TaskGeneration', { description: 'What a (re)generation did.' })
export class GenerationModel {
  @Field(() => Int, {
    nullable: true,
    description: "Existing tasks whose lead department followed their duty's reviewed lead.",
  })
  leadsFollowed?: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) retired!: number;
  @Field(() => Int) restored!: number;
  @Field(() => Int, { description: 'Active tasks of the cycle.' }) total!: number;
}

@ObjectType('CreatedCycle')
export class CreatedCycleModel {
  @Field(() => CycleModel) cycle!: CycleModel;
  @Field(() => GenerationModel) generation!: GenerationModel;
}

@ObjectType('Task', { description: '任务：一项纳入跟踪的职责在一个单位的落实。' })
export class TaskModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) cycleId!: string;
  @Field(() => TaskStatus) status!: TaskStatus;
  @Field({ description: '进展情况' }) progressNote!: string;
  @Field({ description: '工作举措' }) measures!: string;
  @Field() dueDate!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) completedAt!: Date | null;
  @Field(() => Int) extensionCount!: number;
  @Field(() => Int) returnCount!: number;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Set when the duty stopped being tracked.',
  })
  retiredAt!: Date | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: '签收: when the lead department acknowledged the task; null = 待签收.',
  })
  acknowledgedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who acknowledged (签收人).' })
  acknowledgedBy!: string | null;
  @Field(() => Int, { description: 'Send back with every change: a stale one is a CONFLICT.' })
  rowVersion!: number;
  @Field() createdBy!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field() updatedBy!: string;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'The latest submission for verification (提交核验), from the history; null if never submitted. The review queue sorts by it.',
  })
  submittedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'Username of that submission; see `submitter` for name and office.',
  })
  submittedBy!: string | null;
  dutyId!: string;
  unitCode!: string;
  leadDepartmentId!: string;
}

@ObjectType('TaskAssist', { description: '配合部门 and its contribution.' })
export class TaskAssistModel {
  @Field(() => ID) departmentId!: string;
  @Field() contributionNote!: string;
  @Field(() => String, { nullable: true }) updatedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt!: Date | null;
}

@ObjectType('TaskCapabilities', { description: 'What the current user may do on this task.' })
export class TaskCapabilitiesModel {
  @Field() edit!: boolean;
  @Field(() => [TaskStatus]) transitions!: TaskStatus[];
  @Field() requestExtension!: boolean;
  @Field() decideExtension!: boolean;
  @Field() contribute!: boolean;
}

@ObjectType('TaskExtensionRequest', { description: '延期申请' })
export class ExtensionRequestModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) taskId!: string;
  @Field() requestedDueDate!: string;
  @Field() reason!: string;
  @Field() state!: string;
  @Field() requestedBy!: string;
  @Field(() => GraphQLISODateTime) requestedAt!: Date;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) decisionNote!: string | null;
}

@ObjectType('TaskEvent', { description: 'One entry of a task history.' })
export class TaskEventModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) taskId!: string;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
  @Field() actorUsername!: string;
  @Field() kind!: string;
  @Field(() => GraphQLJSON, { nullable: true }) before!: Record<string, unknown> | null;
  @Field(() => GraphQLJSON, { nullable: true }) after!: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  /** Resolved by TaskEventResolver.ip: only auditors and administrators see it. */
  ip!: string | null;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('TaskConnection')
export class TaskConnectionModel {
  @Field(() => ID, {
    nullable: true,
    description:
      'The cycle the page is of: filter.cycleId, or the current cycle chosen for filter.currentCycle; null when not limited to one cycle.',
  })
  cycleId!: string | null;
  @Field(() => Int) totalCount!: number;
  @Field(() => [TaskModel]) nodes!: TaskModel[];
  @Field(() => PageInfoModel) pageInfo!: PageInfoModel;
}

@ObjectType('TaskEventConnection')
export class TaskEventConnectionModel {
  @Field(() => Int) totalCount!: number;
  @Field(() => [TaskEventModel]) nodes!: TaskEventModel[];
  @Field(() => PageInfoModel) pageInfo!: PageInfoModel;
}

@ObjectType('ExtensionResult')
export class ExtensionResultModel {
  @Field(() => TaskModel) task!: TaskModel;
  @Field(() => ExtensionRequestModel) request!: ExtensionRequestModel;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class CreateCycleInput {
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year!: number;
  @Field(() => ID) @IsUUID() regulationVersionId!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) title?: string;
  @Field() @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD。' }) startDate!: string;
  @Field() @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD。' }) dueDate!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "The province (XX0000) the cycle is for: default a provincial supervisor's own; a system administrator names it when the deployment holds several provinces.",
  })
  @IsOptional()
  @Matches(/^[1-9]\d0000$/, { message: '省份代码无效。' })
  provinceCode?: string | null;
}

@InputType()
export class TaskFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() cycleId?: string;
  @Field({
    nullable: true,
    description:
      'Without cycleId: only the current cycle (the newest open one, else the newest), as the pages choose it; the answer’s cycleId names it. Lets a page ask for its rows without first fetching the cycles.',
  })
  @IsOptional()
  @IsBoolean()
  currentCycle?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(12) unitCode?: string;
  @Field({ nullable: true, description: 'A prefecture and its units.' })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  prefectureCode?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() chapterNumber?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() articleNumber?: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() dutyId?: string;
  @Field({ nullable: true, description: 'Lead or assisting department kind.' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  departmentKindCode?: string;
  @Field(() => [TaskStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5)
  statuses?: TaskStatus[];
  @Field({ nullable: true }) @IsOptional() @IsBoolean() overdue?: boolean;
  @Field({ nullable: true, description: 'true: acknowledged (已签收); false: 待签收.' })
  @IsOptional()
  @IsBoolean()
  acknowledged?: boolean;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE) dueBefore?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(DATE) dueAfter?: string;
  @Field({
    nullable: true,
    description:
      'Whitespace-separated terms (≤ 100 characters in all); every term must occur in the duty text, the article label (第十二条, 第12条, 12), the unit name or the lead department (name or code). Substring semantics, also for Chinese.',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100, { message: '搜索词不能超过 100 个字符。' })
  search?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() includeRetired?: boolean;
  @Field({
    nullable: true,
    description:
      'true: only the tasks you may verify or return (the review queue): a prefecture supervisor gets the units under the prefecture, not its own unit (the province reviews those); a provincial supervisor every unit; other roles none.',
  })
  @IsOptional()
  @IsBoolean()
  reviewable?: boolean;
}

@InputType({ description: 'One change to one task; omitted fields keep their value.' })
export class TaskChangeInput {
  @Field(() => ID) @IsUUID() taskId!: string;
  @Field(() => Int) @IsInt() expectedRowVersion!: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10000) progressNote?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10000) measures?: string;
  @Field(() => TaskStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(TaskStatus))
  status?: TaskStatus;
  @Field({ nullable: true, description: 'Required to return or reopen.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

@InputType()
export class BulkTaskChangeInput {
  @Field(() => [TaskChangeInput])
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => TaskChangeInput)
  changes!: TaskChangeInput[];
}

@InputType()
export class RequestExtensionInput {
  @Field(() => ID) @IsUUID() taskId!: string;
  @Field(() => Int) @IsInt() expectedRowVersion!: number;
  @Field() @Matches(DATE) newDueDate!: string;
  @Field() @IsString() @MaxLength(2000) reason!: string;
}

@InputType()
export class DecideExtensionInput {
  @Field(() => ID) @IsUUID() requestId!: string;
  @Field(() => Int, { description: 'Row version of the task.' })
  @IsInt()
  expectedRowVersion!: number;
  @Field() @IsBoolean() approve!: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

@InputType()
export class TaskEventFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() taskId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() cycleId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(40) kind?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(64) actorUsername?: string;
  @Field({
    nullable: true,
    description: 'A unit: its own tasks and, for a prefecture, those of its counties.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  unitCode?: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() from?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() to?: Date;
}
