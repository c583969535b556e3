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
  ArrayMinSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';

export enum ReassignmentStatusEnum {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  APPLIED = 'APPLIED',
}
registerEnumType(ReassignmentStatusEnum, {
  name: 'ReassignmentStatus',
  valuesMap: {
    PENDING: { description: '待审批' },
    APPROVED: { description: '已同意（已转办）' },
    REJECTED: { description: '未同意' },
    APPLIED: { description: '督导直接转办' },
  },
});

export enum ReassignmentKindEnum {
  REQUEST = 'REQUEST',
  DIRECT = 'DIRECT',
}
registerEnumType(ReassignmentKindEnum, {
  name: 'ReassignmentKind',
  valuesMap: {
    REQUEST: { description: '经办部门申请，督导审批' },
    DIRECT: { description: '督导直接转办' },
  },
});

@ObjectType('TaskReassignment', {
  description: '转办：将任务的牵头部门改为本单位的另一个部门（申请或督导直接转办）。',
})
export class TaskReassignmentModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) taskId!: string;
  @Field() unitCode!: string;
  @Field(() => ID) cycleId!: string;
  @Field(() => ReassignmentKindEnum) kind!: ReassignmentKindEnum;
  @Field(() => ReassignmentStatusEnum) status!: ReassignmentStatusEnum;
  @Field(() => ID) fromDepartmentId!: string;
  @Field(() => ID) toDepartmentId!: string;
  @Field({ description: '转办理由' }) reason!: string;
  @Field() requestedBy!: string;
  @Field(() => GraphQLISODateTime) requestedAt!: Date;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '审批意见（不同意时必填）' })
  decisionReason!: string | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the lead department changed.',
  })
  appliedAt!: Date | null;
}

@ObjectType('ReassignmentTarget', { description: '可转办的部门：本单位的其他部门。' })
export class ReassignmentTargetModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() kindCode!: string;
  @Field({ description: 'Currently an assisting department (配合) of the task.' })
  assisting!: boolean;
}

@ObjectType('TaskAssignmentCapabilities', {
  description: 'What the current user may do about 签收 and 转办 on this task.',
})
export class TaskAssignmentCapabilitiesModel {
  @Field({ description: '签收 (the lead department, while 待签收).' }) acknowledge!: boolean;
  @Field({ description: '申请转办 (the lead department, no pending request, not verified).' })
  requestReassignment!: boolean;
  @Field({ description: '审批转办申请 (the supervisor over the unit).' })
  decideReassignment!: boolean;
  @Field({ description: '直接转办 (the supervisor over the unit, not verified).' })
  reassign!: boolean;
}

@ObjectType('UnacknowledgedTaskCount', { description: '一个单位待签收的任务数。' })
export class UnacknowledgedTaskCountModel {
  @Field() unitCode!: string;
  @Field() unitName!: string;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field(() => Int) count!: number;
  @Field(() => GraphQLISODateTime, {
    description: 'Creation of the oldest unacknowledged task of the unit.',
  })
  oldestCreatedAt!: Date;
}

@InputType()
export class AcknowledgeTasksInput {
  @Field(() => [ID], { description: '1 to 500 task ids.' })
  @ArrayMinSize(1, { message: '请选择要签收的任务。' })
  @ArrayMaxSize(500, { message: '一次最多签收 500 项任务，请分批签收。' })
  @IsUUID('all', { each: true, message: '任务编号无效。' })
  taskIds!: string[];
}

@InputType()
export class RequestReassignmentInput {
  @Field(() => ID) @IsUUID('all', { message: '任务编号无效。' }) taskId!: string;
  @Field(() => ID, { description: 'A department of the same unit.' })
  @IsUUID('all', { message: '请选择本单位的一个部门。' })
  toDepartmentId!: string;
  @Field() @IsString() @MaxLength(2000, { message: '理由过长（最多 2000 字）。' }) reason!: string;
}

@InputType()
export class ReassignTaskInput extends RequestReassignmentInput {
  @Field(() => Int, { description: 'The row version read; a stale one is a CONFLICT.' })
  @IsInt()
  expectedRowVersion!: number;
}

@InputType()
export class DecideReassignmentInput {
  @Field(() => ID) @IsUUID('all', { message: '申请编号无效。' }) requestId!: string;
  @Field() @IsBoolean() approve!: boolean;
  @Field({ nullable: true, description: 'Required when refusing.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: '理由过长（最多 2000 字）。' })
  reason?: string;
}
