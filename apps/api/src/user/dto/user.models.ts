import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { AdminLevelEnum } from '../../duty/dto/duty-enums';
import GraphQLJSON from '../../duty/dto/json.scalar';
import { Role } from '../../auth/role';
import { SecondFactorStepEnum } from '../../auth/dto/second-factor.models';

@ObjectType('AdminUnit', { description: '行政区划（GB/T 2260）。' })
export class AdminUnitModel {
  @Field(() => ID)
  code!: string;

  @Field()
  name!: string;

  @Field(() => AdminLevelEnum)
  level!: AdminLevelEnum;

  @Field(() => String, { nullable: true })
  parentCode!: string | null;

  @Field({ description: '省直管县级单位（仙桃、潜江、天门、神农架林区）：直接向省汇总。' })
  directlyAdministered!: boolean;

  @Field()
  kind!: string;
}

@ObjectType('Department', { description: '单位的部门，如 江岸区市场监督管理局。' })
export class DepartmentModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  unitCode!: string;

  kindCode!: string;
}

@ObjectType('CurrentUser')
export class CurrentUserModel {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => Role, { nullable: true })
  role!: Role | null;

  @Field({
    description:
      'The password must be changed before anything else (a temporary password, or passwordExpired).',
  })
  mustChangePassword!: boolean;

  @Field({ description: 'The password is older than the maximum age (PASSWORD_MAX_AGE_DAYS).' })
  passwordExpired!: boolean;

  @Field(() => SecondFactorStepEnum, {
    nullable: true,
    description:
      'What this session still owes after the password (a code, or enrolment); null for a full session. Until then every other operation answers SECOND_FACTOR_REQUIRED.',
  })
  secondFactorStep!: SecondFactorStepEnum | null;

  @Field(() => GraphQLISODateTime, {
    description: 'When the session ends if idle (or at its absolute end).',
  })
  sessionExpiresAt!: Date;

  @Field({
    description:
      'The session was opened through single sign-on: the web app signs out through GET /api/auth/oidc/logout, which also ends the provider session (OIDC_END_SESSION).',
  })
  singleSignOn!: boolean;

  unitCode!: string | null;
  /** Resolved to `scopeProvinces`. */
  scopeProvinceCodes!: readonly string[] | null;
  departmentId!: string | null;
}

@ObjectType('UserAccount')
export class UserAccountModel {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true, description: '单位/科室.' })
  office!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => Role, { nullable: true })
  role!: Role | null;

  @Field()
  disabled!: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lockedUntil!: Date | null;

  @Field()
  mustChangePassword!: boolean;

  @Field({ description: 'The account has a second factor (TOTP).' })
  totpEnabled!: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastSignInAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'Single sign-on: the value of the identity provider’s matching claim (OIDC_MATCH_CLAIM) bound to this account; null: none.',
  })
  externalSubject!: string | null;

  @Field({
    description:
      'An administrator account that keeps password sign-in when LOCAL_PASSWORD_SIGN_IN=break-glass.',
  })
  breakGlass!: boolean;

  unitCode!: string | null;
  /** Resolved to `scopeProvinces`. */
  scopeProvinceCodes!: readonly string[] | null;
  departmentId!: string | null;
}

@ObjectType('UserPage')
export class UserPageModel {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [UserAccountModel])
  nodes!: UserAccountModel[];
}

@ObjectType('SignInResult')
export class SignInResultModel {
  @Field(() => CurrentUserModel)
  user!: CurrentUserModel;

  @Field({
    description:
      'Session token for scripts (Authorization: Bearer); the web app uses the HttpOnly cookie.',
  })
  token!: string;
}

@ObjectType('CreatedUser')
export class CreatedUserModel {
  @Field(() => UserAccountModel)
  user!: UserAccountModel;

  @Field({ description: 'Shown once; the user must change it at first sign-in.' })
  temporaryPassword!: string;
}

@ObjectType('PasswordReset')
export class PasswordResetModel {
  @Field(() => UserAccountModel)
  user!: UserAccountModel;

  @Field({ description: 'Shown once; the user must change it at next sign-in.' })
  temporaryPassword!: string;
}

@ObjectType('SecurityAuditEntry')
export class SecurityAuditEntryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => GraphQLISODateTime)
  occurredAt!: Date;

  @Field(() => String, { nullable: true })
  actorUsername!: string | null;

  @Field()
  action!: string;

  @Field(() => String, { nullable: true })
  target!: string | null;

  @Field()
  result!: string;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  detail!: Record<string, unknown> | null;
}

@ObjectType('SecurityAuditPage')
export class SecurityAuditPageModel {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [SecurityAuditEntryModel])
  nodes!: SecurityAuditEntryModel[];
}
