import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MAX_FIRST } from '../../common/page-size';

export enum UrgingColourEnum {
  BLUE = 'BLUE',
  ORANGE = 'ORANGE',
  RED = 'RED',
}
registerEnumType(UrgingColourEnum, {
  name: 'UrgingColour',
  description: '督办单颜色',
  valuesMap: {
    BLUE: { description: '蓝色：临近到期且进度滞后，或督导指令' },
    ORANGE: { description: '橙色：已逾期，或蓝色督办单逾期未反馈' },
    RED: { description: '红色：橙色督办单逾期未反馈，或督导指令' },
  },
});

export enum UrgingStateEnum {
  OPEN = 'OPEN',
  UNACKNOWLEDGED = 'UNACKNOWLEDGED',
  UNANSWERED = 'UNANSWERED',
  CLOSED = 'CLOSED',
  ALL = 'ALL',
}
registerEnumType(UrgingStateEnum, {
  name: 'UrgingNoticeState',
  valuesMap: {
    OPEN: { description: '未办结' },
    UNACKNOWLEDGED: { description: '未办结且未签收' },
    UNANSWERED: { description: '未办结且未反馈' },
    CLOSED: { description: '已办结（任务已提交/核验，或已升级）' },
    ALL: { description: '全部' },
  },
});

@ObjectType('UrgingNotice', { description: '督办单（三色督办）' })
export class UrgingNoticeModel {
  @Field(() => ID) id!: string;
  @Field({ description: '文号，如 鄂质督〔2026〕12号' }) number!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int) seq!: number;
  @Field(() => ID) taskId!: string;
  @Field({ description: 'The task’s duty (subject).' }) dutySubject!: string;
  @Field() taskDueDate!: string;
  @Field() taskStatus!: string;
  @Field() unitCode!: string;
  @Field() unitName!: string;
  @Field(() => ID) cycleId!: string;
  @Field(() => UrgingColourEnum) colour!: UrgingColourEnum;
  @Field({ description: 'AUTO (daily rules) or MANUAL (a supervisor’s order).' }) origin!: string;
  @Field({
    description: 'BEHIND_SCHEDULE, OVERDUE, UNANSWERED_BLUE, UNANSWERED_ORANGE or ORDERED.',
  })
  reasonCode!: string;
  @Field() text!: string;
  @Field({ description: 'Business day of issue (Asia/Shanghai).' }) issuedOn!: string;
  @Field({ description: '反馈期限' }) answerDue!: string;
  @Field({ description: 'Username of the issuing supervisor, or system.' }) issuedBy!: string;
  @Field(() => GraphQLISODateTime) issuedAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The lower-colour notice this one escalates.' })
  supersedesId!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => String, { nullable: true }) acknowledgedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) answeredAt!: Date | null;
  @Field(() => String, { nullable: true }) answeredBy!: string | null;
  @Field(() => String, { nullable: true }) answer!: string | null;
  @Field(() => ID, { nullable: true, description: 'The next colour’s notice, once escalated.' })
  escalatedTo!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'TASK_SUBMITTED, TASK_VERIFIED, TASK_RETIRED or ESCALATED.',
  })
  closeReason!: string | null;
  @Field(() => Float, { description: 'Points deducted from the unit’s assessment score.' })
  deduction!: number;
  @Field({ description: 'You are the task’s operator and the notice awaits 签收.' })
  canAcknowledge!: boolean;
  @Field({ description: 'You are the task’s operator and the notice awaits 反馈.' })
  canAnswer!: boolean;
  @Field({ description: 'Open, unanswered and past its answer deadline.' })
  answerOverdue!: boolean;
}

@ObjectType('UrgingNoticePage')
export class UrgingNoticePageModel {
  @Field(() => Int) total!: number;
  @Field(() => [UrgingNoticeModel]) items!: UrgingNoticeModel[];
}

@ObjectType('TaskUrging', { description: 'The urging notices of one task and what you may do.' })
export class TaskUrgingModel {
  @Field(() => ID) taskId!: string;
  @Field({ description: 'You may issue a notice (the task’s supervisor, task open).' })
  canIssue!: boolean;
  @Field(() => UrgingColourEnum, { nullable: true, description: 'Colour of the open notice.' })
  openColour!: UrgingColourEnum | null;
  @Field(() => [UrgingNoticeModel], { description: 'Newest first.' })
  notices!: UrgingNoticeModel[];
}

@ObjectType('UrgingUnitCounts', { description: 'Open notices by colour of one unit (map-ready).' })
export class UrgingUnitCountsModel {
  @Field() unitCode!: string;
  @Field() unitName!: string;
  @Field({ description: 'province, prefecture or county.' }) level!: string;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field(() => Int) blue!: number;
  @Field(() => Int) orange!: number;
  @Field(() => Int) red!: number;
  @Field(() => Int, { description: 'Open and not acknowledged.' }) unacknowledged!: number;
  @Field(() => Int, { description: 'Open and not answered.' }) unanswered!: number;
  @Field(() => Int, { description: 'All notices issued in the cycle, closed ones included.' })
  issued!: number;
}

@ObjectType('UrgingRunResult', { description: 'What one daily run did.' })
export class UrgingRunResultModel {
  @Field() today!: string;
  @Field(() => Int) issued!: number;
  @Field(() => Int, { description: 'Of the issued: escalations of an open notice.' })
  escalated!: number;
  @Field(() => Int, { description: 'Notices closed because their task was finished.' })
  closed!: number;
  @Field(() => Int) blue!: number;
  @Field(() => Int) orange!: number;
  @Field(() => Int) red!: number;
  @Field(() => Int, { description: 'Notifications queued.' }) notified!: number;
}

@InputType('UrgingNoticeFilter')
export class UrgingNoticeFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  cycleId?: string;

  @Field({ nullable: true, description: 'Notices of this unit only.' })
  @IsOptional()
  @Matches(/^\d{6,12}$/, { message: '单位代码无效。' })
  unitCode?: string;

  @Field({ nullable: true, description: 'This unit and the units under it (a prefecture).' })
  @IsOptional()
  @Matches(/^\d{6,12}$/, { message: '单位代码无效。' })
  withinUnitCode?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  taskId?: string;

  @Field(() => UrgingColourEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(UrgingColourEnum))
  colour?: UrgingColourEnum;

  @Field(() => UrgingStateEnum, { nullable: true, defaultValue: UrgingStateEnum.ALL })
  @IsOptional()
  @IsIn(Object.values(UrgingStateEnum))
  state?: UrgingStateEnum;
}

@InputType('UrgingPage')
export class UrgingPageInput {
  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(MAX_FIRST)
  first = 20;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset = 0;
}

@InputType('IssueUrgingNoticeInput')
export class IssueUrgingNoticeInput {
  @Field(() => ID)
  @IsUUID()
  taskId!: string;

  @Field(() => UrgingColourEnum)
  @IsIn(Object.values(UrgingColourEnum))
  colour!: UrgingColourEnum;

  @Field({ description: '督办内容 (≤ 2000 characters).' })
  @IsString()
  @MaxLength(2_000, { message: '督办内容过长（最多 2000 字）。' })
  text!: string;

  @Field({ description: '反馈期限 YYYY-MM-DD (today or later).' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '反馈期限格式应为 YYYY-MM-DD。' })
  answerDue!: string;
}

@InputType('AnswerUrgingNoticeInput')
export class AnswerUrgingNoticeInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({ description: '反馈内容 (≤ 5000 characters).' })
  @IsString()
  @MaxLength(5_000, { message: '反馈内容过长（最多 5000 字）。' })
  answer!: string;
}
