import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource } from 'typeorm';
import { notFound } from '../access/jurisdiction';
import { AdminUnit } from '../admin-unit/admin-unit.entity';
import { Clock, CLOCK } from '../auth/clock';
import { actorOf, Principal, RequestMeta } from '../auth/principal';
import { isUuid } from '../common/uuid';
import { AdminLevelEnum } from '../duty/dto/duty-enums';
import { AppError } from '../graphql/app-error';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { ApiToken } from './api-token.entity';
import {
  ApiTokenModel,
  ApiTokenScope,
  ApiTokenStatus,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  IssueApiTokenInput,
  IssuedApiTokenModel,
  MAX_API_TOKEN_DAYS,
} from './dto/api-token.models';
import { API_TOKEN_PREFIX, newApiTokenSecret } from './token-secret';

const DAY_MS = 86_400_000;
/** A token must live at least this long (an expiry in the past or seconds away is a mistake). */
const MIN_VALIDITY_MS = 60 * 60_000;

/** The audit target of a token: `api-token:<public id>`. */
export const tokenTarget = (publicId: string) => `api-token:${publicId}`;

/**
 * Issue, list and revoke machine API tokens (security administrators only; the resolver
 * declares it and every method here is reached only through it). Issue and revoke are written
 * to the security audit log.
 */
@Injectable()
export class ApiTokenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: SecurityAuditService,
  ) {}

  async list(): Promise<ApiTokenModel[]> {
    const rows = await this.dataSource
      .getRepository(ApiToken)
      .find({ relations: { unit: true }, order: { createdAt: 'DESC', id: 'ASC' } });
    const now = this.clock.now();
    return rows.map((row) => toApiTokenModel(row, now));
  }

  async issue(
    principal: Principal,
    input: IssueApiTokenInput,
    meta: RequestMeta,
  ): Promise<IssuedApiTokenModel> {
    const now = this.clock.now();
    const name = input.name.trim().replace(/\s+/g, ' ');
    if (!name) throw invalid('name', '请填写令牌名称。');
    const scopes = [...new Set(input.scopes)].sort() as ApiTokenScope[];
    const expiresAt = input.expiresAt;
    if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime())) {
      throw invalid('expiresAt', '请填写有效的到期时间。');
    }
    if (expiresAt.getTime() < now.getTime() + MIN_VALIDITY_MS) {
      throw invalid('expiresAt', '到期时间须至少在一小时之后。');
    }
    if (expiresAt.getTime() > now.getTime() + MAX_API_TOKEN_DAYS * DAY_MS) {
      throw invalid('expiresAt', `令牌有效期最长 ${MAX_API_TOKEN_DAYS} 天。`);
    }
    const rateLimitPerMinute = input.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
    const secret = newApiTokenSecret();
    const saved = await this.dataSource.transaction(async (manager) => {
      const unit = await manager.findOne(AdminUnit, { where: { code: input.unitId } });
      if (!unit) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, '未找到该单位。', {
          fields: { unitId: '未找到该单位。' },
        });
      }
      // Serialises issues of the same name, so that two cannot both pass the check below.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('api_token:' || lower($1)))`, [
        name,
      ]);
      const [clash] = await manager.query<Array<{ id: string }>>(
        `SELECT id FROM api_token WHERE lower(name) = lower($1) AND revoked_at IS NULL AND expires_at > $2`,
        [name, now],
      );
      if (clash) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `已有名为“${name}”的有效令牌；请换一个名称，或先吊销原令牌。`,
          { reason: 'NAME_TAKEN', fields: { name: '已有同名的有效令牌。' } },
        );
      }
      const row = manager.create(ApiToken, {
        publicId: secret.publicId,
        secretHash: secret.hash,
        name,
        scopes,
        unitCode: unit.code,
        rateLimitPerMinute,
        createdById: principal.userId,
        createdBy: principal.username,
        createdAt: now,
        expiresAt,
        revokedAt: null,
        revokedBy: null,
        lastUsedAt: null,
        useCount: 0,
      });
      await manager.insert(ApiToken, row);
      row.unit = unit;
      return row;
    });
    await this.audit.record({
      action: AuditAction.ApiTokenIssued,
      result: 'success',
      actor: actorOf(principal),
      target: tokenTarget(saved.publicId),
      ip: meta.ip,
      detail: {
        tokenId: saved.id,
        name,
        scopes,
        unitCode: saved.unitCode,
        expiresAt: expiresAt.toISOString(),
        rateLimitPerMinute,
      },
    });
    return { token: secret.token, apiToken: toApiTokenModel(saved, now) };
  }

  /** Revokes a token at once (its next request is refused); revoking it again changes nothing. */
  async revoke(principal: Principal, id: string, meta: RequestMeta): Promise<ApiTokenModel> {
    if (!isUuid(id)) throw notFound('令牌');
    const now = this.clock.now();
    const [changed] = await this.dataSource.query<[Array<{ id: string }>, number]>(
      `UPDATE api_token SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [id, now, principal.username],
    );
    const row = await this.dataSource
      .getRepository(ApiToken)
      .findOne({ where: { id }, relations: { unit: true } });
    if (!row) throw notFound('令牌');
    if (changed.length) {
      await this.audit.record({
        action: AuditAction.ApiTokenRevoked,
        result: 'success',
        actor: actorOf(principal),
        target: tokenTarget(row.publicId),
        ip: meta.ip,
        detail: { tokenId: row.id, name: row.name, useCount: row.useCount },
      });
    }
    return toApiTokenModel(row, now);
  }
}

function invalid(field: string, message: string): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: message } });
}

export function apiTokenStatus(
  row: Pick<ApiToken, 'revokedAt' | 'expiresAt'>,
  now: Date,
): ApiTokenStatus {
  if (row.revokedAt) return ApiTokenStatus.REVOKED;
  if (row.expiresAt.getTime() <= now.getTime()) return ApiTokenStatus.EXPIRED;
  return ApiTokenStatus.ACTIVE;
}

export function toApiTokenModel(row: ApiToken, now: Date): ApiTokenModel {
  const unit = row.unit!;
  return {
    id: row.id,
    name: row.name,
    tokenPrefix: `${API_TOKEN_PREFIX}${row.publicId}`,
    scopes: row.scopes as ApiTokenScope[],
    unit: {
      code: unit.code,
      name: unit.name,
      level: unit.level as AdminLevelEnum,
      parentCode: unit.parentCode ?? null,
      directlyAdministered: unit.directlyAdministered,
      kind: unit.kind,
    },
    rateLimitPerMinute: row.rateLimitPerMinute,
    status: apiTokenStatus(row, now),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedBy: row.revokedBy,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
    useCount: row.useCount,
  };
}
