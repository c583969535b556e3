import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PASSWORD_POLICY_DESCRIPTION_ZH } from '@duty/api/passwords';
import type { Response } from 'express';
import { Inject } from '@nestjs/common';
import {
  Access,
  AllowBeforePasswordChange,
  AllowBeforeSecondFactor,
  AUTHENTICATED,
  PUBLIC,
} from '../access/access.decorator';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { GraphQLContext } from '../graphql/loaders';
import { ChangePasswordInput, SignInInput } from '../user/dto/user.inputs';
import { CurrentUserModel, SignInResultModel } from '../user/dto/user.models';
import { AppUser } from '../user/user.entity';
import { AuthService } from './auth.service';
import { SecondFactorStepEnum } from './dto/second-factor.models';
import { Principal } from './principal';
import type { SecondFactorStep } from './user-session.entity';
import { SESSION_COOKIE } from './session-token';

function currentUser(
  user: AppUser,
  sessionExpiresAt: Date,
  state: { passwordExpired: boolean; secondFactorStep: SecondFactorStep | null },
): CurrentUserModel {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    mustChangePassword: user.mustChangePassword || state.passwordExpired,
    passwordExpired: state.passwordExpired,
    secondFactorStep: state.secondFactorStep as SecondFactorStepEnum | null,
    sessionExpiresAt,
    // Signing in and changing a password happen in password sessions.
    singleSignOn: false,
    unitCode: user.unitCode,
    scopeProvinceCodes: user.scopeProvinceCodes ?? null,
    departmentId: user.departmentId,
  };
}

/** The signed-in user as `me` shows it. */
export function currentUserOf(p: Principal): CurrentUserModel {
  return {
    id: p.userId,
    username: p.username,
    displayName: p.displayName,
    role: p.role,
    mustChangePassword: p.mustChangePassword,
    passwordExpired: p.passwordExpired,
    secondFactorStep: p.secondFactorStep as SecondFactorStepEnum | null,
    sessionExpiresAt: p.sessionExpiresAt,
    singleSignOn: p.singleSignOn ?? false,
    unitCode: p.unitCode,
    scopeProvinceCodes: p.scopeProvinceCodes ?? null,
    departmentId: p.departmentId,
  };
}

@Resolver(() => CurrentUserModel)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Access(PUBLIC)
  @Query(() => CurrentUserModel, {
    nullable: true,
    description: 'The signed-in user; null when not signed in.',
  })
  me(@Context() ctx: GraphQLContext): CurrentUserModel | null {
    return ctx.principal ? currentUserOf(ctx.principal) : null;
  }

  @Access(PUBLIC)
  @Query(() => String, { description: 'The password rules, in Chinese.' })
  passwordPolicy(): string {
    return PASSWORD_POLICY_DESCRIPTION_ZH;
  }

  @Access(PUBLIC)
  @Mutation(() => SignInResultModel, {
    description: 'Signs in; sets the session cookie and returns the token for scripts.',
  })
  async signIn(
    @Args('input') input: SignInInput,
    @Context() ctx: GraphQLContext,
  ): Promise<SignInResultModel> {
    const { token, session, user, secondFactor, passwordExpired } = await this.auth.signIn(
      input.username,
      input.password,
      ctx.meta,
    );
    (ctx.res as Response).cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.auth.cookieSecure,
      path: '/',
      // A browser session cookie: the server enforces idle and absolute lifetimes.
    });
    return {
      token,
      user: currentUser(
        user,
        new Date(
          Math.min(
            session.expiresAt.getTime(),
            session.lastSeenAt.getTime() + this.config.auth.sessionIdleMs,
          ),
        ),
        { passwordExpired, secondFactorStep: secondFactor },
      ),
    };
  }

  @Access(AUTHENTICATED)
  @AllowBeforePasswordChange()
  @AllowBeforeSecondFactor()
  @Mutation(() => Boolean)
  async signOut(@Context() ctx: GraphQLContext): Promise<boolean> {
    await this.auth.signOut(ctx.principal as Principal, ctx.meta);
    (ctx.res as Response).clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.auth.cookieSecure,
    });
    return true;
  }

  @Access(AUTHENTICATED)
  @AllowBeforePasswordChange()
  @Mutation(() => CurrentUserModel)
  async changePassword(
    @Args('input') input: ChangePasswordInput,
    @Context() ctx: GraphQLContext,
  ): Promise<CurrentUserModel> {
    const principal = ctx.principal as Principal;
    const user = await this.auth.changePassword(
      principal,
      input.currentPassword,
      input.newPassword,
      ctx.meta,
    );
    return currentUser(user, principal.sessionExpiresAt, {
      passwordExpired: false,
      secondFactorStep: principal.secondFactorStep,
    });
  }
}
