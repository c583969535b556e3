import { Injectable } from '@nestjs/common';
import { Args, Context, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { Access } from '../../access/access.decorator';
import { AppError } from '../../graphql/app-error';
import type { GraphQLContext } from '../../graphql/loaders';
import { AuditAction, SecurityAuditService } from '../../security-audit/security-audit.service';
import { UserAccountModel } from '../../user/dto/user.models';
import { AppUser } from '../../user/user.entity';
import { actorOf, Principal, RequestMeta } from '../principal';
import { Role } from '../role';
import { SessionService } from '../session.service';

@InputType({ description: 'An account’s single sign-on identity and break-glass flag.' })
export class SetExternalIdentityInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The identity provider’s matching claim value for this person; empty or null removes it; absent leaves it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  externalSubject?: string | null;

  @Field({ nullable: true, description: 'Break-glass password sign-in (administrators only).' })
  @IsOptional()
  @IsBoolean()
  breakGlass?: boolean;
}

const ADMIN_ROLES: readonly Role[] = [Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN];

/**
 * The security administrator links an account to the provider's identity (OIDC_MATCH_FIELD =
 * external_subject) and flags the administrators who keep password sign-in (break-glass).
 */
@Injectable()
export class ExternalIdentityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: SecurityAuditService,
    private readonly sessions: SessionService,
  ) {}

  async set(actor: Principal, input: SetExternalIdentityInput, meta: RequestMeta) {
    const users = this.dataSource.getRepository(AppUser);
    const user = await users.findOne({ where: { id: input.userId } });
    if (!user) throw new AppError(ErrorCode.NOT_FOUND, '用户不存在。');
    const changes: Partial<AppUser> = {};
    if (input.externalSubject !== undefined) {
      const subject = input.externalSubject?.trim() || null;
      if (subject !== user.externalSubject) {
        if (subject) {
          const holder = await users.findOne({ where: { externalSubject: subject } });
          if (holder && holder.id !== user.id) {
            throw new AppError(
              ErrorCode.CONFLICT,
              `统一身份标识“${subject}”已绑定到账户 ${holder.username}。`,
              { fields: { externalSubject: '该标识已绑定到其他账户。' } },
            );
          }
        }
        changes.externalSubject = subject;
      }
    }
    if (input.breakGlass !== undefined && input.breakGlass !== user.breakGlass) {
      if (input.breakGlass && !(user.role && ADMIN_ROLES.includes(user.role))) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, '只有管理员账户可以设为应急账户。', {
          fields: { breakGlass: '只有管理员账户可以设为应急账户。' },
        });
      }
      changes.breakGlass = input.breakGlass;
    }
    if (Object.keys(changes).length) {
      await users.update({ id: user.id }, changes);
      // Sessions opened through the identity that was removed or replaced must not outlive it.
      if ('externalSubject' in changes)
        await this.sessions.revokeAllForUser(user.id, 'role_changed');
    }
    await this.audit.record({
      action: AuditAction.ExternalIdentityChanged,
      result: 'success',
      actor: actorOf(actor),
      target: `user:${user.username}`,
      ip: meta.ip,
      detail: {
        before: { externalSubject: user.externalSubject, breakGlass: user.breakGlass },
        after: {
          ...{ externalSubject: user.externalSubject, breakGlass: user.breakGlass },
          ...changes,
        },
      },
    });
    return users.findOneOrFail({ where: { id: user.id } });
  }
}

@Resolver(() => UserAccountModel)
export class ExternalIdentityResolver {
  constructor(private readonly identities: ExternalIdentityService) {}

  @Access([Role.SECURITY_ADMIN])
  @Mutation(() => UserAccountModel, {
    description:
      'Binds or removes an account’s single sign-on identity and sets its break-glass flag (security administrator).',
  })
  setExternalIdentity(
    @Args('input') input: SetExternalIdentityInput,
    @Context() ctx: GraphQLContext,
  ) {
    return this.identities.set(ctx.principal as Principal, input, ctx.meta);
  }
}
