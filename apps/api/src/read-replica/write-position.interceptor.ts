import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { GraphQLResolveInfo } from 'graphql';
import { catchError, from, map, mergeMap, Observable, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { hashSessionToken, tokenFromRequest } from '../auth/session-token';
import type { GraphQLContext } from '../graphql/loaders';
import { ReadRouting } from './read-routing';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Read-your-writes: around every GraphQL mutation and every non-GET REST request of a signed-in
 * user (uploads, imports), marks the user as writing before the handler runs and records the
 * primary's WAL position when it is done (also when it failed: part of it may have committed),
 * so that the user's next read does not go to a standby that has not replayed the write.
 * Nothing happens without a replica.
 */
@Injectable()
export class WritePositionInterceptor implements NestInterceptor {
  constructor(
    private readonly reads: ReadRouting,
    private readonly dataSource: DataSource,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reads.configured) return next.handle();
    const writer = this.writerOf(context);
    if (!writer) return next.handle();
    return from(writer.catch(() => null)).pipe(
      mergeMap((userId) => {
        if (!userId) return next.handle();
        // Marked before the handler runs: a handler may send its answer itself (REST uploads),
        // before the pipe below has recorded the position.
        this.reads.beginWrite(userId);
        const end = () => from(this.reads.endWrite(userId).catch(() => undefined));
        return next.handle().pipe(
          mergeMap((value) => end().pipe(map(() => value))),
          catchError((error: unknown) => end().pipe(mergeMap(() => throwError(() => error)))),
        );
      }),
    );
  }

  /** Who writes in this call, when it is a write of a signed-in user. */
  private writerOf(context: ExecutionContext): Promise<string | null> | null {
    if (context.getType<GqlContextType>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      // Root mutation fields only, not the field resolvers of their results.
      if (gql.getInfo<GraphQLResolveInfo>().parentType.name !== 'Mutation') return null;
      const principal = gql.getContext<GraphQLContext>().principal;
      return principal ? Promise.resolve(principal.userId) : null;
    }
    if (context.getType() !== 'http') return null;
    const req = context.switchToHttp().getRequest<Request>();
    if (READ_METHODS.has(req.method)) return null;
    const token = tokenFromRequest(req);
    if (!token) return null;
    // REST controllers authenticate inside their handlers: find the session's user here.
    return this.dataSource
      .query('SELECT user_id FROM user_session WHERE token_hash = $1 AND revoked_at IS NULL', [
        hashSessionToken(token),
      ])
      .then((rows: Array<{ user_id: string }>) => rows[0]?.user_id ?? null);
  }
}
