import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PasswordResetRequestStatusEnum } from './password-reset-request.models';

@InputType({ description: 'A request to reset a privileged account’s password.' })
export class RequestPasswordResetInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field({ description: 'Why the reset is needed (shown to the approver and audited).' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}

@InputType({ description: 'A rejection of a pending password reset request.' })
export class RejectPasswordResetInput {
  @Field(() => ID)
  @IsUUID()
  requestId!: string;

  @Field({ description: 'Why it is rejected (shown to the requester and audited).' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}

@InputType()
export class PasswordResetRequestFilterInput {
  @Field(() => PasswordResetRequestStatusEnum, {
    nullable: true,
    description: 'Only requests in this state; all states when omitted.',
  })
  @IsOptional()
  @IsIn(Object.values(PasswordResetRequestStatusEnum))
  status?: PasswordResetRequestStatusEnum;
}
