import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { NotApplicableRequest } from '../not-applicable-request.entity';

export enum NotApplicableStatusEnum {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(NotApplicableStatusEnum, {
  name: 'NotApplicableStatus',
  valuesMap: {
    REQUESTED: { description: '不适用申请待审批' },
    APPROVED: { description: '已认定不适用：不计入完成率与考核' },
    REJECTED: { description: '不适用申请被驳回' },
  },
});

export enum NotApplicableRequestStatusEnum {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  REVOKED = 'REVOKED',
}
registerEnumType(NotApplicableRequestStatusEnum, { name: 'NotApplicableRequestStatus' });

@ObjectType('NotApplicableRequest', { description: '不适用申请 and its decision.' })
export class NotApplicableRequestModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) taskId!: string;
  @Field() reason!: string;
  @Field(() => String, { nullable: true, description: '文件依据 (e.g. 文号).' })
  documentReference!: string | null;
  @Field(() => [ID], { description: 'Evidence files of the task given as proof.' })
  evidenceIds!: string[];
  @Field() requestedBy!: string;
  @Field() requestedAt!: Date;
  @Field(() => NotApplicableRequestStatusEnum) status!: NotApplicableRequestStatusEnum;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) decisionReason!: string | null;
  @Field(() => String, { nullable: true }) revokedBy!: string | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => String, { nullable: true }) revokeReason!: string | null;
}

export function toRequestModel(r: NotApplicableRequest): NotApplicableRequestModel {
  return { ...r, status: r.status as NotApplicableRequestStatusEnum };
}

@ObjectType('TaskApplicability', {
  description: 'Whether a task applies to its unit (不适用), its requests and what you may do.',
})
export class TaskApplicabilityModel {
  @Field(() => ID) taskId!: string;
  @Field(() => NotApplicableStatusEnum, { nullable: true, description: 'null: the task applies.' })
  status!: NotApplicableStatusEnum | null;
  @Field(() => [NotApplicableRequestModel], { description: 'Newest first.' })
  requests!: NotApplicableRequestModel[];
  @Field({ description: 'The task’s operator may request (no pending or approved request).' })
  canRequest!: boolean;
  @Field({ description: 'The supervisor over the unit may decide the pending request.' })
  canDecide!: boolean;
  @Field({ description: 'A provincial supervisor may revoke the approval.' })
  canRevoke!: boolean;
}

@InputType()
export class RequestNotApplicableInput {
  @Field(() => ID) @IsUUID() taskId!: string;
  @Field() @IsString() @MaxLength(20000) reason!: string;
  @Field({ nullable: true, description: '文件依据 (e.g. 文号), up to 200 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  documentReference?: string;
  @Field(() => [ID], { nullable: true, description: 'Current evidence files of the task.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  evidenceIds?: string[];
}

@InputType()
export class DecideNotApplicableInput {
  @Field(() => ID) @IsUUID() requestId!: string;
  @Field() @IsBoolean() approve!: boolean;
  @Field() @IsString() @MaxLength(20000) reason!: string;
}

@InputType()
export class RevokeNotApplicableInput {
  @Field(() => ID) @IsUUID() requestId!: string;
  @Field() @IsString() @MaxLength(20000) reason!: string;
}
