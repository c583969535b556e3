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
import { SecondFactorStep, SessionAuthMethod, UserSession } from './user-session.entity';

/** How long a session that still owes its second factor lives: enough to open an app and type. */
export const SECOND_FACTOR_PENDING_MS = 10 * 60_000;

/** Whether a password is older than the configured maximum age (null: no maximum). */
export function passwordExpired(
  user: Pick<AppUser, 'passwordChangedAt'>,
  maxAgeMs: number | null,
  now: Date,
): boolean {
  return maxAgeMs !== null && now.getTime() - user.passwordChangedAt.getTime() >= maxAgeMs;
}

const SESSION_SQL = `SELECT s.id, s.expires_at, s.last_seen_at, s.auth_method, s.second_factor,
       u.id AS user_id, u.username, u.display_name, u.role, u.unit_code, u.department_id,
       u.scope_province_codes, u.must_change_password, u.password_changed_at, u.disabled AS user_disabled
  FROM user_session s JOIN app_user u ON u.id = s.user_id
 WHERE s.token_hash = $1 AND s.revoked_at IS NULL`;

interface SessionRow {
  id: string;
  expires_at: Date;
  last_seen_at: Date;
  auth_method: SessionAuthMethod;
  second_factor: SecondFactorStep | null;
  user_id: string;
  username: string;
  display_name: string;
  role: AppUser['role'];
  unit_code: string | null;
  department_id: string | null;
  scope_province_codes: string[] | null;
  must_change_password: boolean;
  password_changed_at: Date;
  user_disabled: boolean;
}

// last_seen_at is written at most this often: enough precision for a 30-minute idle timeout.
const TOUCH_INTERVAL_MS = 30_000;

export type RevokeReason =
  | 'sign_out'
  | 'idle_timeout'
  | 'absolute_timeout'
  | 'user_disabled'
  | 'role_changed'
  | 'password_changed'
  | 'password_reset'
  | 'second_factor_enrolled'
  | 'second_factor_reset'
  | 'second_factor_locked';

/** Server-side sessions: creation, per-request validation with idle and absolute timeouts, revocation. */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: SecurityAuditService,
  ) {}

  /**
   * Opens a session. One that still owes a second factor step lives SECOND_FACTOR_PENDING_MS
   * until completeSecondFactor gives it the full lifetime.
   */
  async create(
    user: AppUser,
    meta: { ip: string | null; userAgent: string | null },
    secondFactor: SecondFactorStep | null = null,
    authMethod: SessionAuthMethod = 'password',
  ) {
    const token = newSessionToken();
    const now = this.clock.now();
    const lifetime = secondFactor ? SECOND_FACTOR_PENDING_MS : this.config.auth.sessionAbsoluteMs;
    const session = await this.dataSource.getRepository(UserSession).save({
      tokenHash: hashSessionToken(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + lifetime),
      secondFactor,
      revokedAt: null,
      revokeReason: null,
      ip: meta.ip,
      userAgent: meta.userAgent,
      authMethod,
    });
    return { token, session };
  }

  /** The principal of a request, or null when it carries no valid session. */
  async authenticate(req: IncomingMessage): Promise<Principal | null> {
    const token = tokenFromRequest(req);
    if (!token) return null;
    // One hand-written statement (findOne with a relation adds a DISTINCT query before it, and
    // a query builder costs more to build than to run): every request passes here, and it
    // reads only what the principal needs. token_hash is unique.
    const [session] = (await this.dataSource.query(SESSION_SQL, [
      hashSessionToken(token),
    ])) as SessionRow[];
    if (!session || session.user_disabled) return null;
    const now = this.clock.now();
    const expired: RevokeReason | null =
      now >= session.expires_at
        ? 'absolute_timeout'
        : now.getTime() - session.last_seen_at.getTime() >= this.config.auth.sessionIdleMs
          ? 'idle_timeout'
          : null;
    if (expired) {
      const revoked = await this.revoke(session.id, expired);
      if (revoked) {
        await this.audit.record({
          action: AuditAction.SessionExpired,
          result: 'success',
          actor: { id: session.user_id, username: session.username },
          target: `session:${session.id}`,
          ip: requestMeta(req).ip,
          detail: { reason: expired },
        });
      }
      return null;
    }
    if (now.getTime() - session.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) {
      await this.dataSource
        .getRepository(UserSession)
        .update({ id: session.id }, { lastSeenAt: now });
    }
    // A single sign-on session was not opened with the password: its age does not matter here.
    const passwordTooOld =
      session.auth_method !== 'oidc' &&
      passwordExpired(
        { passwordChangedAt: session.password_changed_at },
        this.config.auth.passwordMaxAgeMs,
        now,
      );
    return {
      userId: session.user_id,
      username: session.username,
      displayName: session.display_name,
      role: session.role,
      unitCode: session.unit_code,
      scopeProvinceCodes: session.scope_province_codes?.length
        ? session.scope_province_codes
        : null,
      departmentId: session.department_id,
      mustChangePassword:
        (session.auth_method !== 'oidc' && session.must_change_password) || passwordTooOld,
      passwordExpired: passwordTooOld,
      secondFactorStep: session.second_factor,
      sessionId: session.id,
      singleSignOn: session.auth_method === 'oidc',
      sessionExpiresAt: new Date(
        Math.min(session.expires_at.getTime(), now.getTime() + this.config.auth.sessionIdleMs),
      ),
    };
  }

  /**
   * The second factor step is done: the session becomes a full one with the full lifetime from
   * now. Returns false when it was not pending (already completed, or revoked meanwhile).
   */
  async completeSecondFactor(sessionId: string): Promise<boolean> {
    const now = this.clock.now();
    const result = await this.dataSource
      .getRepository(UserSession)
      .createQueryBuilder()
      .update()
      .set({
        secondFactor: null,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.auth.sessionAbsoluteMs),
      })
      .where('id = :sessionId AND second_factor IS NOT NULL AND revoked_at IS NULL', { sessionId })
      .execute();
    return (result.affected ?? 0) > 0;
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
