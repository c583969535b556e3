import {
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength } from 'class-validator';

/** What a session still owes after a right password (GraphQL spelling of SecondFactorStep). */
export enum SecondFactorStepEnum {
  VERIFY = 'verify',
  ENROL = 'enrol',
}

registerEnumType(SecondFactorStepEnum, {
  name: 'SecondFactorStep',
  valuesMap: {
    VERIFY: { description: '输入身份验证器的动态验证码或一个恢复码' },
    ENROL: { description: '本角色必须使用双因素认证：先绑定身份验证器' },
  },
});

@ObjectType('SecondFactorStatus', { description: 'The signed-in user’s second factor (TOTP).' })
export class SecondFactorStatusModel {
  @Field({ description: 'TOTP is on for this account.' })
  enabled!: boolean;

  @Field({
    description: 'The role must use a second factor (MFA_REQUIRED): it cannot be turned off.',
  })
  required!: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  enabledAt!: Date | null;

  @Field(() => Int, { description: 'Unused recovery codes left.' })
  recoveryCodesRemaining!: number;
}

@ObjectType('TotpEnrolment', {
  description:
    'A new TOTP secret to add to an authenticator app; shown at enrolment only, and active once confirmed with a code.',
})
export class TotpEnrolmentModel {
  @Field({ description: 'Base32 secret, for typing into the app by hand.' })
  secret!: string;

  @Field({ description: 'otpauth://totp/… URI (SHA1, 6 digits, 30 s), for a QR code.' })
  otpauthUri!: string;

  @Field()
  issuer!: string;

  @Field()
  account!: string;
}

@ObjectType('RecoveryCodes', {
  description: 'Single-use recovery codes, shown this once; the server keeps only their hashes.',
})
export class RecoveryCodesModel {
  @Field(() => [String])
  codes!: string[];
}

@InputType({ description: 'A 6-digit code from the authenticator app, or a recovery code.' })
export class SecondFactorCodeInput {
  @Field()
  @IsString()
  @MaxLength(32)
  code!: string;
}

@InputType({
  description: 'The security administrator’s reset of another account’s second factor.',
})
export class ResetSecondFactorInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field({ description: 'Why (audited).' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
