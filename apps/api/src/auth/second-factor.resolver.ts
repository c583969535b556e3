import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  Access,
  AllowBeforePasswordChange,
  AllowBeforeSecondFactor,
  AUTHENTICATED,
} from '../access/access.decorator';
import type { GraphQLContext } from '../graphql/loaders';
import { CurrentUserModel, UserAccountModel } from '../user/dto/user.models';
import {
  RecoveryCodesModel,
  ResetSecondFactorInput,
  SecondFactorCodeInput,
  SecondFactorStatusModel,
  TotpEnrolmentModel,
} from './dto/second-factor.models';
import { Principal } from './principal';
import { Role } from './role';
import { SecondFactorService } from './second-factor.service';
import { SessionService } from './session.service';
import { currentUserOf } from './auth.resolver';

@Resolver()
export class SecondFactorResolver {
  constructor(
    private readonly secondFactor: SecondFactorService,
    private readonly sessions: SessionService,
  ) {}

  @Access(AUTHENTICATED)
  @AllowBeforePasswordChange()
  @Query(() => SecondFactorStatusModel, { description: 'The signed-in user’s second factor.' })
  mySecondFactor(@Context() ctx: GraphQLContext) {
    return this.secondFactor.status(ctx.principal as Principal);
  }

  @Access(AUTHENTICATED)
  @AllowBeforeSecondFactor()
  @AllowBeforePasswordChange()
  @Mutation(() => CurrentUserModel, {
    description:
      'Completes a sign-in pending VERIFY with a 6-digit TOTP code or an unused recovery code. A wrong code is VALIDATION_FAILED and counts toward the lockout and the sign-in rate limits (RATE_LIMITED); a code’s 30-second step is accepted once.',
  })
  async verifySecondFactor(
    @Args('input') input: SecondFactorCodeInput,
    @Context() ctx: GraphQLContext,
  ): Promise<CurrentUserModel> {
    await this.secondFactor.verify(ctx.principal as Principal, input.code, ctx.meta);
    return this.reloadedCurrentUser(ctx);
  }

  @Access(AUTHENTICATED)
  @AllowBeforeSecondFactor()
  @AllowBeforePasswordChange()
  @Mutation(() => TotpEnrolmentModel, {
    description:
      'Starts TOTP enrolment: a new secret for the authenticator app (shown only here); TOTP is on once confirmTotpEnrolment accepts a code. CONFLICT when TOTP is already on.',
  })
  beginTotpEnrolment(@Context() ctx: GraphQLContext) {
    return this.secondFactor.beginEnrolment(ctx.principal as Principal, ctx.meta);
  }

  @Access(AUTHENTICATED)
  @AllowBeforeSecondFactor()
  @AllowBeforePasswordChange()
  @Mutation(() => RecoveryCodesModel, {
    description:
      'Turns TOTP on with a code from the new secret and returns 10 single-use recovery codes (shown once). A session pending ENROL becomes a full session; the user’s other sessions end.',
  })
  confirmTotpEnrolment(
    @Args('input') input: SecondFactorCodeInput,
    @Context() ctx: GraphQLContext,
  ) {
    return this.secondFactor.confirmEnrolment(ctx.principal as Principal, input.code, ctx.meta);
  }

  @Access(AUTHENTICATED)
  @Mutation(() => SecondFactorStatusModel, {
    description:
      'Turns TOTP off with a current code or a recovery code; FORBIDDEN (details.reason SECOND_FACTOR_REQUIRED_FOR_ROLE) when the role requires it.',
  })
  disableTotp(@Args('input') input: SecondFactorCodeInput, @Context() ctx: GraphQLContext) {
    return this.secondFactor.disable(ctx.principal as Principal, input.code, ctx.meta);
  }

  @Access(AUTHENTICATED)
  @Mutation(() => RecoveryCodesModel, {
    description:
      'Replaces all recovery codes with 10 new ones (shown once), proven with a current TOTP code.',
  })
  regenerateRecoveryCodes(
    @Args('input') input: SecondFactorCodeInput,
    @Context() ctx: GraphQLContext,
  ) {
    return this.secondFactor.regenerateRecoveryCodes(
      ctx.principal as Principal,
      input.code,
      ctx.meta,
    );
  }

  @Access([Role.SECURITY_ADMIN])
  @Mutation(() => UserAccountModel, {
    description:
      'Clears another account’s second factor and recovery codes and ends its sessions (a lost authenticator); audited with the reason. The account enrols again at its next sign-in when its role requires a second factor.',
  })
  resetUserSecondFactor(
    @Args('input') input: ResetSecondFactorInput,
    @Context() ctx: GraphQLContext,
  ) {
    return this.secondFactor.resetForUser(
      ctx.principal as Principal,
      input.userId,
      input.reason,
      ctx.meta,
    );
  }

  /** The caller's state after the step: read again through the session, as the next request would. */
  private async reloadedCurrentUser(ctx: GraphQLContext): Promise<CurrentUserModel> {
    const principal = await this.sessions.authenticate(ctx.req as never);
    if (!principal) throw new Error('session ended while completing its second factor');
    return currentUserOf(principal);
  }
}
