import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '../../auth/role';
import { UserAccountModel } from './user.models';

export enum PasswordResetRequestStatusEnum {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(PasswordResetRequestStatusEnum, {
  name: 'PasswordResetRequestStatus',
  valuesMap: {
    PENDING: { description: '待审批' },
    APPROVED: { description: '已批准：密码已重置' },
    REJECTED: { description: '已驳回' },
    EXPIRED: { description: '已过期：未在时限内审批' },
  },
});

@ObjectType('PasswordResetRequest', {
  description:
    '特权账户的密码重置申请（双人控制）：一名管理员申请，另一名安全管理员审批。不含任何密码。',
})
export class PasswordResetRequestModel {
  @Field(() => ID)
  id!: string;

  @Field(() => UserAccountModel, { description: 'The account whose password is to be reset.' })
  target!: UserAccountModel;

  @Field(() => Role, {
    nullable: true,
    description: 'The account’s role when the request was made.',
  })
  targetRole!: Role | null;

  @Field()
  reason!: string;

  @Field(() => PasswordResetRequestStatusEnum)
  status!: PasswordResetRequestStatusEnum;

  @Field({ description: 'Username of the administrator who asked.' })
  requestedBy!: string;

  @Field(() => GraphQLISODateTime)
  requestedAt!: Date;

  @Field(() => GraphQLISODateTime, { description: 'After this it can no longer be approved.' })
  expiresAt!: Date;

  @Field(() => String, { nullable: true })
  decidedBy!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The reason given for a rejection.' })
  decisionReason!: string | null;

  @Field({
    description:
      'Whether the signed-in user may approve or reject it: pending, a security administrator, neither the requester nor the account.',
  })
  canDecide!: boolean;
}

@ObjectType('PasswordResetRequestPage')
export class PasswordResetRequestPageModel {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [PasswordResetRequestModel])
  nodes!: PasswordResetRequestModel[];
}

@ObjectType('ApprovedPasswordReset')
export class ApprovedPasswordResetModel {
  @Field(() => PasswordResetRequestModel)
  request!: PasswordResetRequestModel;

  @Field(() => UserAccountModel)
  user!: UserAccountModel;

  @Field({
    description:
      'Shown once, to the approver only; the account must change it at next sign-in. Never stored.',
  })
  temporaryPassword!: string;
}
