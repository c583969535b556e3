import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IncomingMessage } from 'node:http';
import { DataSource, IsNull } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { AppUser } from '../user/user.entity';
import { Clock, CLOCK } from './clock';
import { Principal } from './principal';
import { hashSessionToken, newSessionToken, requestMeta, tokenFromRequest } from './session-token';
import { UserSession } from './user-session.entity';

// last_seen_at is written at most this often: enough precision for a 30-minute idle timeout.
const TOUCH_INTERVAL_MS = 30_000;

export type RevokeReason =
  | 'sign_out'
  | 'idle_timeout'
  | 'absolute_timeout'
  | 'user_disabled'
  | 'role_changed'
  | 'password_changed'
  | 'password_reset';

/** Server-side sessions: creation, per-request validation with idle and absolute timeouts, revocation. */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: SecurityAuditService,
  ) {}

  async create(user: AppUser, meta: { ip: string | null; userAgent: string | null }) {
    const token = newSessionToken();
    const now = this.clock.now();
    const session = await this.dataSource.getRepository(UserSession).save({
      tokenHash: hashSessionToken(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.auth.sessionAbsoluteMs),
      revokedAt: null,
      revokeReason: null,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return { token, session };
  }

  /** The principal of a request, or null when it carries no valid session. */
  async authenticate(req: IncomingMessage): Promise<Principal | null> {
    const token = tokenFromRequest(req);
    if (!token) return null;
    const session = await this.dataSource.getRepository(UserSession).findOne({
      where: { tokenHash: hashSessionToken(token), revokedAt: IsNull() },
      relations: { user: true },
    });
    if (!session?.user || session.user.disabled) return null;
    const now = this.clock.now();
    const expired: RevokeReason | null =
      now >= session.expiresAt
        ? 'absolute_timeout'
        : now.getTime() - session.lastSeenAt.getTime() >= this.config.auth.sessionIdleMs
          ? 'idle_timeout'
          : null;
    if (expired) {
      const revoked = await this.revoke(session.id, expired);
      if (revoked) {
        await this.audit.record({
          action: AuditAction.SessionExpired,
          result: 'success',
          actor: { id: session.user.id, username: session.user.username },
          target: `session:${session.id}`,
          ip: requestMeta(req).ip,
          detail: { reason: expired },
        });
      }
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.dataSource
        .getRepository(UserSession)
        .update({ id: session.id }, { lastSeenAt: now });
    }
    const user = session.user;
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      unitCode: user.unitCode,
      departmentId: user.departmentId,
      mustChangePassword: user.mustChangePassword,
      sessionId: session.id,
      sessionExpiresAt: new Date(
        Math.min(session.expiresAt.getTime(), now.getTime() + this.config.auth.sessionIdleMs),
      ),
    };
  }

  /** Ends one session; returns whether it was still open. */
  async revoke(sessionId: string, reason: RevokeReason): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(UserSession)
      .update(
        { id: sessionId, revokedAt: IsNull() },
        { revokedAt: this.clock.now(), revokeReason: reason },
      );
    return (result.affected ?? 0) > 0;
  }

  /** Ends every open session of a user (optionally all but one): takes effect on the next request. */
  async revokeAllForUser(
    userId: string,
    reason: RevokeReason,
    exceptSessionId?: string,
  ): Promise<number> {
    const query = this.dataSource
      .getRepository(UserSession)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: this.clock.now(), revokeReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (exceptSessionId) query.andWhere('id <> :exceptSessionId', { exceptSessionId });
    return (await query.execute()).affected ?? 0;
  }
}
