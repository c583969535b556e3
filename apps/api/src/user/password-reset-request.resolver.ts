import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../access/access.decorator';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { PageInput } from '../duty/dto/duty.inputs';
import type { GraphQLContext } from '../graphql/loaders';
import {
  PasswordResetRequestFilterInput,
  RejectPasswordResetInput,
  RequestPasswordResetInput,
} from './dto/password-reset-request.inputs';
import {
  ApprovedPasswordResetModel,
  PasswordResetRequestModel,
  PasswordResetRequestPageModel,
} from './dto/password-reset-request.models';
import { PasswordResetRequestService } from './password-reset-request.service';

/** Dual control of privileged accounts' password resets; the rules are in the service. */
@Resolver(() => PasswordResetRequestModel)
export class PasswordResetRequestResolver {
  constructor(private readonly requests: PasswordResetRequestService) {}

  @Access([Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN])
  @Query(() => PasswordResetRequestPageModel, {
    description:
      'Password reset requests for privileged accounts, newest first: all of them for security administrators, one’s own requests for others.',
  })
  passwordResetRequests(
    @Context() ctx: GraphQLContext,
    @Args('filter', { type: () => PasswordResetRequestFilterInput, nullable: true })
    filter?: PasswordResetRequestFilterInput,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ) {
    return this.requests.list(
      ctx.principal as Principal,
      filter ?? {},
      page ?? { first: 100, offset: 0 },
    );
  }

  @Access([Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN])
  @Mutation(() => PasswordResetRequestModel, {
    description:
      'Asks for a privileged account’s password to be reset (administrators, supervisors, auditors). No password is returned: a security administrator other than the requester and the account approves it.',
  })
  requestPasswordReset(
    @Args('input') input: RequestPasswordResetInput,
    @Context() ctx: GraphQLContext,
  ) {
    return this.requests.request(ctx.principal as Principal, input, ctx.meta);
  }

  @Access([Role.SECURITY_ADMIN])
  @Mutation(() => ApprovedPasswordResetModel, {
    description:
      'Approves a pending request: resets the password, ends the account’s sessions and returns the temporary password, once, to the approver.',
  })
  approvePasswordReset(
    @Args('requestId', { type: () => ID }) requestId: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.requests.approve(ctx.principal as Principal, requestId, ctx.meta);
  }

  @Access([Role.SECURITY_ADMIN])
  @Mutation(() => PasswordResetRequestModel, {
    description: 'Rejects a pending request with a reason; the password stays as it was.',
  })
  rejectPasswordReset(
    @Args('input') input: RejectPasswordResetInput,
    @Context() ctx: GraphQLContext,
  ) {
    return this.requests.reject(ctx.principal as Principal, input, ctx.meta);
  }
}
