import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { Jurisdiction } from '../access/jurisdiction';
import { clientAddressKey } from '../auth/client-address';
import { Clock, CLOCK } from '../auth/clock';
import { FailureWindow } from '../auth/failure-window';
import { requestMeta } from '../auth/session-token';
import { SecurityAuditEntry } from '../security-audit/security-audit-entry.entity';
import { AuditAction } from '../security-audit/security-audit.service';
import type { AuditResult } from '../security-audit/security-audit-entry.entity';
import { ApiToken, ApiTokenScopeValue } from './api-token.entity';
import { tokenTarget } from './api-token.service';
import { tokenJurisdiction } from './token-jurisdiction';
import { apiTokenMatches, bearerOf, parseApiToken } from './token-secret';

/**
 * Why a machine request was refused, as `details.reason` of the JSON error (stable codes).
 * 401 (`code` UNAUTHENTICATED): API_TOKEN_MISSING, API_TOKEN_INVALID, API_TOKEN_EXPIRED,
 * API_TOKEN_REVOKED; 403 (`code` FORBIDDEN): API_TOKEN_SCOPE; 429 (`code` RATE_LIMITED):
 * API_TOKEN_RATE_LIMITED (per token), API_TOKEN_FAILURES (per address, after repeated 401s).
 */
export type MachineRefusalReason =
  | 'API_TOKEN_MISSING'
  | 'API_TOKEN_INVALID'
  | 'API_TOKEN_EXPIRED'
  | 'API_TOKEN_REVOKED'
  | 'API_TOKEN_SCOPE'
  | 'API_TOKEN_RATE_LIMITED'
  | 'API_TOKEN_FAILURES';

export interface MachineRefusal {
  status: 401 | 403 | 429;
  code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'RATE_LIMITED';
  reason: MachineRefusalReason;
  message: string;
  retryAfterSeconds?: number;
}

/** A token admitted for one request. */
export interface MachineCaller {
  tokenId: string;
  publicId: string;
  name: string;
  unitCode: string;
  jurisdiction: Jurisdiction;
}

const MESSAGES: Record<MachineRefusalReason, string> = {
  API_TOKEN_MISSING:
    '缺少 API 令牌：请在请求头中携带 Authorization: Bearer <令牌>（登录会话不能用于机器接口）。',
  API_TOKEN_INVALID: 'API 令牌无效。',
  API_TOKEN_EXPIRED: 'API 令牌已过期，请联系安全管理员重新签发。',
  API_TOKEN_REVOKED: 'API 令牌已被吊销。',
  API_TOKEN_SCOPE: '该 API 令牌无权访问此接口（权限范围不含所需权限）。',
  API_TOKEN_RATE_LIMITED: '该 API 令牌的请求过于频繁，请稍后再试。',
  API_TOKEN_FAILURES: '来自该地址的无效令牌请求过多，请稍后再试。',
};

const refusal = (
  status: MachineRefusal['status'],
  reason: MachineRefusalReason,
  retryAfterSeconds?: number,
): MachineRefusal => ({
  status,
  code: status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'RATE_LIMITED',
  reason,
  message: MESSAGES[reason],
  ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
});

/** Refused (401) machine requests one client address may make per minute before 429. */
export const MAX_TOKEN_FAILURES_PER_ADDRESS = 30;
const FAILURE_WINDOW_MS = 60_000;

type TokenRow = Pick<
  ApiToken,
  'id' | 'publicId' | 'secretHash' | 'name' | 'scopes' | 'unitCode' | 'expiresAt' | 'revokedAt'
> & { level: string; parentCode: string | null };

/**
 * Authentication, scope check, rate limit and audit of the machine endpoints (/api/v1). Only
 * `Authorization: Bearer dtk_…` is accepted; session cookies and session tokens are not machine
 * credentials. The per-token limit is a token bucket kept on the token's row in PostgreSQL
 * (checked and taken in one statement under the row lock), so it holds across restarts and
 * server processes. Refused requests without a valid token are also limited per client
 * address, in memory (as the sign-in throttle), so that guessing costs no database work.
 */
@Injectable()
export class MachineAccess implements OnModuleDestroy {
  private readonly failures = new FailureWindow(MAX_TOKEN_FAILURES_PER_ADDRESS, FAILURE_WINDOW_MS);
  /** Address key → end of the refusal episode already audited. */
  private readonly refusing = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.sweeper = setInterval(() => {
      const now = this.clock.now().getTime();
      this.failures.sweep(now);
      for (const [key, end] of this.refusing) if (end <= now) this.refusing.delete(key);
    }, 60_000);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /**
   * Admits the request's token for `scope`, counting it against the token's rate limit, or
   * says why not. Every outcome is audited by {@link record}, called by the controller once
   * the answer is known.
   */
  async admit(
    req: Request,
    scope: ApiTokenScopeValue,
  ): Promise<
    | { caller: MachineCaller; refusal?: undefined; publicId: string }
    | { refusal: MachineRefusal; publicId: string | null; tokenId?: string; audit: boolean }
  > {
    const now = this.clock.now();
    const address = clientAddressKey(requestMeta(req).ip);
    const wait = this.failures.waitMs(address, now.getTime());
    if (wait > 0) {
      // Audited once per episode: a flood of guesses must not flood the log.
      const first = (this.refusing.get(address) ?? 0) <= now.getTime();
      if (first) this.refusing.set(address, now.getTime() + wait);
      return {
        refusal: refusal(429, 'API_TOKEN_FAILURES', Math.max(1, Math.ceil(wait / 1000))),
        publicId: null,
        audit: first,
      };
    }
    const failed = (reason: MachineRefusalReason, publicId: string | null, tokenId?: string) => {
      const attempt = this.failures.add(address, now.getTime());
      attempt.failed = true;
      return { refusal: refusal(401, reason), publicId, tokenId, audit: true };
    };
    const offered = bearerOf(req.headers.authorization);
    if (!offered) return failed('API_TOKEN_MISSING', null);
    const parsed = parseApiToken(offered);
    if (!parsed) return failed('API_TOKEN_INVALID', null);
    const [row] = await this.dataSource.query<TokenRow[]>(
      `SELECT t.id, t.public_id AS "publicId", t.secret_hash AS "secretHash", t.name, t.scopes,
              t.unit_code AS "unitCode", t.expires_at AS "expiresAt", t.revoked_at AS "revokedAt",
              u.level, u.parent_code AS "parentCode"
         FROM api_token t JOIN admin_unit u ON u.code = t.unit_code
        WHERE t.public_id = $1`,
      [parsed.publicId],
    );
    if (!row || !apiTokenMatches(offered, row.secretHash)) {
      return failed('API_TOKEN_INVALID', parsed.publicId);
    }
    if (row.revokedAt) return failed('API_TOKEN_REVOKED', row.publicId, row.id);
    if (new Date(row.expiresAt).getTime() <= now.getTime()) {
      return failed('API_TOKEN_EXPIRED', row.publicId, row.id);
    }
    if (!row.scopes.includes(scope)) {
      return {
        refusal: refusal(403, 'API_TOKEN_SCOPE'),
        publicId: row.publicId,
        tokenId: row.id,
        audit: true,
      };
    }
    const bucket = await this.take(row.id, now);
    if (!bucket.admitted) {
      return {
        refusal: refusal(429, 'API_TOKEN_RATE_LIMITED', bucket.retryAfterSeconds),
        publicId: row.publicId,
        tokenId: row.id,
        audit: true,
      };
    }
    return {
      publicId: row.publicId,
      caller: {
        tokenId: row.id,
        publicId: row.publicId,
        name: row.name,
        unitCode: row.unitCode,
        jurisdiction: tokenJurisdiction({
          code: row.unitCode,
          level: row.level,
          parentCode: row.parentCode,
        }),
      },
    };
  }

  /**
   * Takes one request from the token's bucket (capacity and refill: rateLimitPerMinute per
   * minute) and counts the use, in one statement under the row lock; or says when the next
   * request fits.
   */
  private async take(
    tokenId: string,
    now: Date,
  ): Promise<{ admitted: boolean; retryAfterSeconds: number }> {
    const [row] = await this.dataSource.query<
      Array<{ available: number; lim: number; admitted: number }>
    >(
      `WITH b AS (
         SELECT id, rate_limit_per_minute AS lim,
                LEAST(rate_limit_per_minute::float8,
                      COALESCE(rate_tokens + GREATEST(extract(epoch FROM ($2::timestamptz - rate_refilled_at)), 0)
                                 * rate_limit_per_minute / 60.0,
                               rate_limit_per_minute::float8)) AS available
           FROM api_token WHERE id = $1 FOR UPDATE),
       u AS (
         UPDATE api_token t SET rate_tokens = b.available - 1, rate_refilled_at = $2,
                use_count = t.use_count + 1, last_used_at = $2
           FROM b WHERE t.id = b.id AND b.available >= 1 RETURNING t.id)
       SELECT b.available, b.lim, (SELECT count(*) FROM u)::int AS admitted FROM b`,
      [tokenId, now],
    );
    if (row && row.admitted > 0) return { admitted: true, retryAfterSeconds: 0 };
    const available = Number(row?.available ?? 0);
    const perSecond = Number(row?.lim ?? 60) / 60;
    return {
      admitted: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - available) / perSecond)),
    };
  }

  /**
   * Writes the audit entry of one machine request. Unlike SecurityAuditService.record, a
   * failure to write is thrown: the controller then answers 503 instead of the data, so that
   * no answer leaves without its entry.
   */
  async record(
    req: Request,
    entry: {
      result: AuditResult;
      publicId: string | null;
      tokenId?: string;
      tokenName?: string;
      status: number;
      reason?: string;
      query?: Record<string, unknown>;
    },
  ): Promise<void> {
    const path = (req.originalUrl ?? req.url).split('?')[0];
    await this.dataSource.getRepository(SecurityAuditEntry).insert({
      actorUserId: null,
      actorUsername: entry.publicId ? tokenTarget(entry.publicId) : null,
      action: AuditAction.ApiTokenUsed,
      result: entry.result,
      target: `${req.method} ${path}`.slice(0, 200),
      ip: requestMeta(req).ip?.slice(0, 64) ?? null,
      detail: {
        ...(entry.tokenId ? { tokenId: entry.tokenId } : {}),
        ...(entry.tokenName ? { tokenName: entry.tokenName } : {}),
        status: entry.status,
        ...(entry.reason ? { reason: entry.reason } : {}),
        ...(entry.query && Object.keys(entry.query).length ? { query: entry.query } : {}),
      } as never,
    });
  }
}
