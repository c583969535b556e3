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
  /** Dual control of privileged accounts' resets: asked, approved (the reset), rejected, lapsed. */
  PasswordResetRequested: 'PASSWORD_RESET_REQUESTED',
  PasswordResetApproved: 'PASSWORD_RESET_APPROVED',
  PasswordResetRejected: 'PASSWORD_RESET_REJECTED',
  PasswordResetExpired: 'PASSWORD_RESET_EXPIRED',
  /** Second factor (TOTP): a code checked at sign-in, enrolment begun and confirmed, turned off,
   * recovery codes replaced, and the security administrator's reset of another account's. */
  SecondFactorVerified: 'SECOND_FACTOR_VERIFIED',
  SecondFactorEnrolmentStarted: 'SECOND_FACTOR_ENROL_STARTED',
  SecondFactorEnrolled: 'SECOND_FACTOR_ENROLLED',
  SecondFactorDisabled: 'SECOND_FACTOR_DISABLED',
  RecoveryCodesRegenerated: 'RECOVERY_CODES_REGENERATED',
  SecondFactorReset: 'SECOND_FACTOR_RESET',
  UserCreated: 'USER_CREATED',
  UserDisabled: 'USER_DISABLED',
  UserEnabled: 'USER_ENABLED',
  RoleBound: 'ROLE_BOUND',
  UserUnlocked: 'USER_UNLOCKED',
  /** Name, office or phone changed by the system administrator. */
  UserProfileUpdated: 'USER_PROFILE_UPDATED',
  EvidencePackDownloaded: 'EVIDENCE_PACK_DOWNLOADED',
  /** Stored evidence content found not to match its hash or size (by a read or the check). */
  EvidenceCorruptionDetected: 'EVIDENCE_CORRUPTION_DETECTED',
  /** Content marked corrupt found intact again by the integrity check (restored). */
  EvidenceIntegrityRestored: 'EVIDENCE_INTEGRITY_RESTORED',
  ReportDownloaded: 'REPORT_DOWNLOADED',
  /** Machine API tokens (issue 19): issued and revoked by a security administrator; every
   * request that offers one (target: the endpoint; actor: `api-token:<public id>`). */
  ApiTokenIssued: 'API_TOKEN_ISSUED',
  ApiTokenRevoked: 'API_TOKEN_REVOKED',
  ApiTokenUsed: 'API_TOKEN_USED',
  /** Single sign-on through the OIDC provider (issue 19): success, or refusal with an OIDC_* code. */
  OidcSignIn: 'OIDC_SIGN_IN',
  /** An account created at its first single sign-on (no role, no jurisdiction). */
  UserProvisioned: 'USER_PROVISIONED',
  /** Password sign-in refused because LOCAL_PASSWORD_SIGN_IN is break-glass. */
  PasswordSignInRefused: 'PASSWORD_SIGN_IN_REFUSED',
  /** The security administrator set an account's external identity or break-glass flag. */
  ExternalIdentityChanged: 'EXTERNAL_IDENTITY_CHANGED',
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
   * Deletes entries older than the retention period (at least 184 days) through the database
   * function security_audit_log_purge: the application role may not DELETE from the log, and
   * the function removes a prefix of the hash chain and records where the chain now starts.
   */
  async purge(retentionDays: number): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ deleted: string }>>(
      'SELECT security_audit_log_purge($1)::text AS deleted',
      [retentionDays],
    );
    return Number(row?.deleted ?? 0);
  }
}
