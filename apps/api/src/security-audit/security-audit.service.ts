import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ROOT_LOGGER } from '../logging/logging.constants';
import { AuditResult, SecurityAuditEntry } from './security-audit-entry.entity';

/** Security-relevant actions recorded in the audit log. */
export const AuditAction = {
  SignIn: 'SIGN_IN',
  SignOut: 'SIGN_OUT',
  AccountLocked: 'ACCOUNT_LOCKED',
  SessionExpired: 'SESSION_EXPIRED',
  PermissionDenied: 'PERMISSION_DENIED',
  PasswordChanged: 'PASSWORD_CHANGED',
  PasswordReset: 'PASSWORD_RESET',
  UserCreated: 'USER_CREATED',
  UserDisabled: 'USER_DISABLED',
  UserEnabled: 'USER_ENABLED',
  RoleBound: 'ROLE_BOUND',
  UserUnlocked: 'USER_UNLOCKED',
  EvidencePackDownloaded: 'EVIDENCE_PACK_DOWNLOADED',
  ReportDownloaded: 'REPORT_DOWNLOADED',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

export interface AuditEvent {
  action: AuditAction;
  result: AuditResult;
  actor?: { id: string; username: string } | null;
  /** Free-form username when there is no user id (e.g. a failed sign-in for an unknown name). */
  actorUsername?: string | null;
  target?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown> | null;
}

/**
 * Writes the security audit log. Each entry is its own statement outside any business
 * transaction, so a refused or failed operation is recorded even though its work rolls back.
 * A failure to write is logged loudly but does not hide the original outcome from the caller.
 */
@Injectable()
export class SecurityAuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async record(event: AuditEvent): Promise<void> {
    try {
      await this.dataSource.getRepository(SecurityAuditEntry).insert({
        actorUserId: event.actor?.id ?? null,
        actorUsername: (event.actor?.username ?? event.actorUsername ?? null)?.slice(0, 64) ?? null,
        action: event.action,
        result: event.result,
        target: event.target?.slice(0, 200) ?? null,
        ip: event.ip?.slice(0, 64) ?? null,
        detail: (event.detail ?? null) as never,
      });
    } catch (error) {
      this.logger.error({ err: error, event }, 'Could not write the security audit log');
    }
  }

  /**
   * Deletes entries older than the retention period. The table's trigger allows exactly
   * this, and only when the period is at least 184 days, in the same transaction.
   */
  purge(retentionDays: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('duty.audit_retention_days', $1, true)`, [
        String(retentionDays),
      ]);
      const [, affected] = await manager.query(
        `DELETE FROM security_audit_log WHERE occurred_at < now() - make_interval(days => $1)`,
        [retentionDays],
      );
      return Number(affected ?? 0);
    });
  }
}
