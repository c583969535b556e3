import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ErrorCode } from '@duty/shared/errors';
import { actorOf } from '../auth/principal';
import { Role } from '../auth/role';
import { AppError } from '../graphql/app-error';
import type { GraphQLContext } from '../graphql/loaders';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import {
  ACCESS_KEY,
  AccessRule,
  ALLOWED_BEFORE_PASSWORD_CHANGE,
  ALLOWED_BEFORE_SECOND_FACTOR,
  AUTHENTICATED,
  PUBLIC,
} from './access.decorator';
import { CycleProvinces, cycleIdsInArgs } from './cycle-provinces';

/**
 * Checks the @Access declaration of every GraphQL root operation (Nest guards do not run on
 * field resolvers: nested data is protected by the services' jurisdiction filters). Fails
 * closed: an operation without a declaration is refused. An operation naming a cycle of a
 * province outside the caller's jurisdiction answers NOT_FOUND, as for a missing cycle.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: SecurityAuditService,
    private readonly cycles: CycleProvinces,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true; // HTTP routes declare their own checks
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ parentType: { name: string }; fieldName: string }>();
    const ctx = gql.getContext<GraphQLContext>();
    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_KEY, context.getHandler());
    const operation = `${info.parentType.name}.${info.fieldName}`;
    if (rule === undefined) {
      throw new AppError(ErrorCode.FORBIDDEN, `操作 ${operation} 未声明访问权限，已拒绝。`);
    }
    if (rule === PUBLIC) return true;
    const principal = ctx.principal;
    if (!principal) throw new AppError(ErrorCode.UNAUTHENTICATED);
    if (
      principal.secondFactorStep &&
      !this.reflector.get<boolean>(ALLOWED_BEFORE_SECOND_FACTOR, context.getHandler())
    ) {
      throw new AppError(ErrorCode.SECOND_FACTOR_REQUIRED);
    }
    if (
      principal.mustChangePassword &&
      !this.reflector.get<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, context.getHandler())
    ) {
      throw new AppError(ErrorCode.PASSWORD_CHANGE_REQUIRED);
    }
    if (
      rule === AUTHENTICATED ||
      (principal.role && (rule as readonly Role[]).includes(principal.role))
    ) {
      // A cycle of another province is not there for this caller, whatever the operation.
      for (const cycleId of cycleIdsInArgs(gql.getArgs())) {
        await this.cycles.assertVisible(principal, cycleId);
      }
      return true;
    }
    await this.audit.record({
      action: AuditAction.PermissionDenied,
      result: 'denied',
      actor: actorOf(principal),
      target: operation,
      ip: ctx.meta.ip,
      detail: { role: principal.role },
    });
    throw new AppError(ErrorCode.FORBIDDEN);
  }
}
