import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { PageInput } from '../duty/dto/duty.inputs';
import type { GraphQLContext } from '../graphql/loaders';
import {
  BindRoleInput,
  CreateUserInput,
  UpdateUserProfileInput,
  UserFilterInput,
} from './dto/user.inputs';
import {
  AdminUnitModel,
  CreatedUserModel,
  CurrentUserModel,
  DepartmentModel,
  PasswordResetModel,
  UserAccountModel,
  UserPageModel,
} from './dto/user.models';
import { UserAdminService } from './user-admin.service';

const USER_ADMINS = [Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN] as const;

/** The scope provinces as units, in code order (a unit deleted since is left out). */
async function scopeProvincesOf(
  codes: readonly string[] | null | undefined,
  ctx: GraphQLContext,
): Promise<AdminUnitModel[]> {
  if (!codes?.length) return [];
  const units = await Promise.all([...codes].sort().map((c) => ctx.loaders.unitByCode.load(c)));
  return units.filter((u): u is NonNullable<typeof u> => !!u) as AdminUnitModel[];
}

@Resolver(() => UserAccountModel)
export class UserResolver {
  constructor(private readonly admin: UserAdminService) {}

  @Access(USER_ADMINS)
  @Query(() => UserPageModel)
  users(
    @Args('filter', { type: () => UserFilterInput, nullable: true }) filter?: UserFilterInput,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ) {
    return this.admin.list(filter ?? {}, page ?? { first: 100, offset: 0 });
  }

  @Access([Role.SYSTEM_ADMIN])
  @Mutation(() => CreatedUserModel, {
    description: 'Creates an account without a role; the temporary password is shown once.',
  })
  createUser(@Args('input') input: CreateUserInput, @Context() ctx: GraphQLContext) {
    return this.admin.create(ctx.principal as Principal, input, ctx.meta);
  }

  @Access([Role.SYSTEM_ADMIN])
  @Mutation(() => UserAccountModel, {
    description:
      'Changes name, office (单位/科室) and phone of another account; empty office or phone clears it.',
  })
  updateUserProfile(@Args('input') input: UpdateUserProfileInput, @Context() ctx: GraphQLContext) {
    return this.admin.updateProfile(ctx.principal as Principal, input, ctx.meta);
  }

  @Access([Role.SYSTEM_ADMIN])
  @Mutation(() => PasswordResetModel, {
    description:
      'Resets an ordinary account’s password (county operator, or no role yet); ends the user’s sessions; shown once. A privileged account is refused (FORBIDDEN, details.reason DUAL_CONTROL_REQUIRED): use requestPasswordReset.',
  })
  resetUserPassword(
    @Args('userId', { type: () => ID }) userId: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.admin.resetPassword(ctx.principal as Principal, userId, ctx.meta);
  }

  @Access([Role.SYSTEM_ADMIN])
  @Mutation(() => UserAccountModel, { description: 'Disabling ends the user’s sessions at once.' })
  setUserDisabled(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('disabled') disabled: boolean,
    @Context() ctx: GraphQLContext,
    @Args('reason', { nullable: true }) reason?: string,
  ) {
    return this.admin.setDisabled(ctx.principal as Principal, userId, disabled, reason, ctx.meta);
  }

  @Access([Role.SECURITY_ADMIN])
  @Mutation(() => UserAccountModel, {
    description:
      'Binds role and jurisdiction; a change ends the user’s sessions at once. An administrator account keeps its role, and a business account cannot become an administrator (FORBIDDEN, details.reason ROLE_SEPARATION). An account that becomes privileged loses its password and second factor: it signs in after a dual-control reset.',
  })
  bindUserRole(@Args('input') input: BindRoleInput, @Context() ctx: GraphQLContext) {
    return this.admin.bindRole(ctx.principal as Principal, input, ctx.meta);
  }

  @Access([Role.SECURITY_ADMIN])
  @Mutation(() => UserAccountModel)
  unlockUser(@Args('userId', { type: () => ID }) userId: string, @Context() ctx: GraphQLContext) {
    return this.admin.unlock(ctx.principal as Principal, userId, ctx.meta);
  }

  @ResolveField(() => AdminUnitModel, { nullable: true })
  async unit(@Parent() user: UserAccountModel, @Context() ctx: GraphQLContext) {
    return user.unitCode ? ((await ctx.loaders.unitByCode.load(user.unitCode)) ?? null) : null;
  }

  @ResolveField(() => [AdminUnitModel], {
    description:
      'The provinces a NATIONAL_SUPERVISOR or an AUDITOR without a unit is limited to; empty: the whole country (or not applicable to the role).',
  })
  scopeProvinces(@Parent() user: UserAccountModel, @Context() ctx: GraphQLContext) {
    return scopeProvincesOf(user.scopeProvinceCodes, ctx);
  }

  @ResolveField(() => DepartmentModel, { nullable: true })
  async department(@Parent() user: UserAccountModel, @Context() ctx: GraphQLContext) {
    return user.departmentId
      ? ((await ctx.loaders.departmentById.load(user.departmentId)) ?? null)
      : null;
  }
}

/** The same unit/department fields on the current user (their own binding: always visible to them). */
@Resolver(() => CurrentUserModel)
export class CurrentUserFieldsResolver {
  @ResolveField(() => AdminUnitModel, { nullable: true })
  async unit(@Parent() user: CurrentUserModel, @Context() ctx: GraphQLContext) {
    return user.unitCode ? ((await ctx.loaders.unitByCode.load(user.unitCode)) ?? null) : null;
  }

  @ResolveField(() => [AdminUnitModel], {
    description:
      'The provinces a NATIONAL_SUPERVISOR or an AUDITOR without a unit is limited to; empty: the whole country (or not applicable to the role).',
  })
  scopeProvinces(@Parent() user: CurrentUserModel, @Context() ctx: GraphQLContext) {
    return scopeProvincesOf(user.scopeProvinceCodes, ctx);
  }

  @ResolveField(() => DepartmentModel, { nullable: true })
  async department(@Parent() user: CurrentUserModel, @Context() ctx: GraphQLContext) {
    return user.departmentId
      ? ((await ctx.loaders.departmentById.load(user.departmentId)) ?? null)
      : null;
  }
}
