import { Injectable } from '@nestjs/common';
import { defaultErrorMessagesZh, ErrorCode } from '@duty/shared/errors';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { SessionService } from '../auth/session.service';
import { requestMeta } from '../auth/session-token';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { CycleProvinces } from './cycle-provinces';

/** HTTP status for each error code in JSON error bodies of the REST endpoints. */
const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  SECOND_FACTOR_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  QUERY_TOO_COMPLEX: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  EVIDENCE_REJECTED: 422,
  EVIDENCE_INTEGRITY: 500,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
  RATE_LIMITED: 429,
};

/** Sends `{ code, message, ...extra }` with the status that belongs to the code. */
export function sendError(
  res: Response,
  code: ErrorCode,
  message: string = defaultErrorMessagesZh[code],
  extra: Record<string, unknown> = {},
  status: number = HTTP_STATUS[code],
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(status).json({ code, message, ...extra });
}

/** Answers an AppError (a GraphQLError with a code) as JSON; rethrows anything else. */
export function sendAppError(res: Response, error: unknown): void {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  if (typeof code === 'string' && code in HTTP_STATUS) {
    const details = error instanceof GraphQLError ? error.extensions.details : undefined;
    return sendError(res, code as ErrorCode, (error as Error).message, details ? { details } : {});
  }
  throw error;
}

/**
 * `Content-Disposition` with an ASCII fallback and the exact (e.g. Chinese) name encoded per
 * RFC 6266 / RFC 5987 (`filename*=UTF-8''…`).
 */
export function contentDisposition(
  fileName: string,
  type: 'attachment' | 'inline' = 'attachment',
): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Authentication and role checks for the REST endpoints beside GraphQL (downloads, uploads):
 * the same session (cookie or Bearer token) and the same rules as the GraphQL guard. Answers
 * the error itself and returns null when the caller may not proceed; refusals by role are
 * written to the security audit log. A `cycleId` in the query string must be a cycle of the
 * caller's provinces (else NOT_FOUND, as for a missing one).
 */
@Injectable()
export class HttpAccess {
  constructor(
    private readonly sessions: SessionService,
    private readonly audit: SecurityAuditService,
    private readonly cycles: CycleProvinces,
  ) {}

  async principal(
    req: Request,
    res: Response,
    roles: readonly Role[],
    target: string,
  ): Promise<Principal | null> {
    const principal = await this.sessions.authenticate(req);
    if (!principal) {
      sendError(res, ErrorCode.UNAUTHENTICATED);
      return null;
    }
    if (principal.secondFactorStep) {
      sendError(res, ErrorCode.SECOND_FACTOR_REQUIRED);
      return null;
    }
    if (principal.mustChangePassword) {
      sendError(res, ErrorCode.PASSWORD_CHANGE_REQUIRED);
      return null;
    }
    if (!principal.role || !roles.includes(principal.role)) {
      await this.audit.record({
        action: AuditAction.PermissionDenied,
        result: 'denied',
        actor: { id: principal.userId, username: principal.username },
        target,
        ip: requestMeta(req).ip,
      });
      sendError(res, ErrorCode.FORBIDDEN);
      return null;
    }
    // As in GraphQL (AccessGuard): a cycle of another province is not there for this caller.
    const cycleId = req.query?.cycleId;
    if (typeof cycleId === 'string') {
      try {
        await this.cycles.assertVisible(principal, cycleId);
      } catch (error) {
        sendAppError(res, error);
        return null;
      }
    }
    return principal;
  }
}
