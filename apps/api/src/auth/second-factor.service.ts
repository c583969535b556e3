import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  normalizeRecoveryCode,
  normalizeTotpInput,
  sealSecret,
  totpUri,
  verifyTotp,
} from '@duty/api/passwords';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppError } from '../graphql/app-error';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { AppUser } from '../user/user.entity';
import { UserAdminService } from '../user/user-admin.service';
import { AuthService } from './auth.service';
import { Clock, CLOCK } from './clock';
import { MfaKeyStore } from './mfa-key';
import { MfaRecoveryCode } from './mfa-recovery-code.entity';
import { actorOf, Principal, RequestMeta } from './principal';
import { sealContext, SecondFactorCheck, wrongCode } from './second-factor-check';
import { SessionService } from './session.service';

/**
 * The second factor: RFC 6238 TOTP with single-use recovery codes.
 *
 * - After a right password an account with TOTP gets a session that can only `verify` (a code
 *   or a recovery code); an account whose role requires a second factor (MFA_REQUIRED,
 *   MFA_REQUIRED_ROLES) and has none gets one that can only `enrol`. See AuthService.signIn.
 * - Every code checked against an enabled factor is a guess like a password: it is claimed in
 *   the account's failure count before the check (so it counts toward the lockout) and passes
 *   the per-address sign-in limits (429 after too many).
 * - An accepted TOTP step is stored; that step and earlier ones are refused afterwards (RFC
 *   6238 §5.2), so a code seen over a shoulder or replayed by a proxy does not open a second
 *   session. Recovery codes are stamped used in the same statement that accepts them.
 * - The secret is sealed (AES-256-GCM, key outside the database, MfaKeyStore) and returned
 *   only by beginEnrolment; recovery codes only by the calls that make them.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly keys: MfaKeyStore,
    private readonly check: SecondFactorCheck,
    private readonly admin: UserAdminService,
    private readonly audit: SecurityAuditService,
  ) {}

  async status(principal: Principal) {
    const user = await this.user(principal.userId);
    const remaining = user.totpEnabled ? await this.check.remainingRecoveryCodes(user.id) : 0;
    return {
      enabled: user.totpEnabled,
      required: this.auth.mfaRequiredFor(user),
      enabledAt: user.totpEnabled ? user.totpEnabledAt : null,
      recoveryCodesRemaining: remaining,
    };
  }

  /** Completes a session pending `verify` with a TOTP code or a recovery code. */
  async verify(principal: Principal, code: string, meta: RequestMeta) {
    if (principal.secondFactorStep !== 'verify') {
      throw new AppError(ErrorCode.CONFLICT, '当前会话无需输入验证码。');
    }
    const user = await this.user(principal.userId);
    const match = await this.check.asGuess(principal, user, code, meta, {
      allowRecovery: true,
      action: AuditAction.SecondFactorVerified,
    });
    const now = this.clock.now();
    await this.dataSource.getRepository(AppUser).update({ id: user.id }, { lastSignInAt: now });
    if (!(await this.sessions.completeSecondFactor(principal.sessionId))) {
      throw new AppError(ErrorCode.UNAUTHENTICATED);
    }
    await this.audit.record({
      action: AuditAction.SecondFactorVerified,
      result: 'success',
      actor: actorOf(principal),
      target: `session:${principal.sessionId}`,
      ip: meta.ip,
      detail: match,
    });
  }

  /**
   * A new secret for the caller's authenticator app (not active until confirmEnrolment). Open
   * to a full session and to one pending `enrol`; refused while TOTP is on (turn it off, or
   * have it reset, first).
   */
  async beginEnrolment(principal: Principal, meta: RequestMeta) {
    this.refuseWhilePendingVerify(principal);
    const user = await this.user(principal.userId);
    if (user.totpEnabled) {
      throw new AppError(
        ErrorCode.CONFLICT,
        '已启用双因素认证；如需更换身份验证器，请先停用或请安全管理员重置。',
      );
    }
    const secret = generateTotpSecret();
    const key = await this.keys.get();
    await this.dataSource
      .getRepository(AppUser)
      .update(
        { id: user.id, totpEnabled: false },
        { totpSecretEncrypted: sealSecret(key, secret, sealContext(user.id)) },
      );
    await this.audit.record({
      action: AuditAction.SecondFactorEnrolmentStarted,
      result: 'success',
      actor: actorOf(principal),
      target: `user:${user.username}`,
      ip: meta.ip,
    });
    const issuer = this.config.auth.mfa.issuer;
    return {
      secret,
      otpauthUri: totpUri(secret, issuer, user.username),
      issuer,
      account: user.username,
    };
  }

  /**
   * Turns TOTP on with a code from the secret of beginEnrolment, and returns the recovery codes
   * (shown once). A session pending `enrol` becomes a full one.
   */
  async confirmEnrolment(principal: Principal, code: string, meta: RequestMeta) {
    this.refuseWhilePendingVerify(principal);
    const user = await this.user(principal.userId);
    if (user.totpEnabled) throw new AppError(ErrorCode.CONFLICT, '已启用双因素认证。');
    if (!user.totpSecretEncrypted) {
      throw new AppError(ErrorCode.CONFLICT, '请先生成密钥并添加到身份验证器。');
    }
    const secret = await this.check.secretOf(user);
    const step = verifyTotp(secret, code, this.clock.now());
    if (step === null) {
      await this.audit.record({
        action: AuditAction.SecondFactorEnrolled,
        result: 'failure',
        actor: actorOf(principal),
        target: `user:${user.username}`,
        ip: meta.ip,
        detail: { reason: normalizeTotpInput(code) ? 'wrong_code' : 'malformed' },
      });
      throw wrongCode(
        '验证码不正确：请确认已添加上面的密钥，并输入身份验证器当前显示的 6 位数字。',
      );
    }
    const codes = generateRecoveryCodes();
    const now = this.clock.now();
    const enabled = await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .getRepository(AppUser)
        .update(
          { id: user.id, totpEnabled: false, totpSecretEncrypted: user.totpSecretEncrypted! },
          { totpEnabled: true, totpEnabledAt: now, totpLastStep: String(step) },
        );
      if (!result.affected) return false;
      await this.replaceRecoveryCodes(manager, user.id, codes, now);
      return true;
    });
    if (!enabled) throw new AppError(ErrorCode.CONFLICT, '密钥已更换或已启用，请刷新后重试。');
    if (principal.secondFactorStep === 'enrol') {
      await this.dataSource.getRepository(AppUser).update({ id: user.id }, { lastSignInAt: now });
      await this.sessions.completeSecondFactor(principal.sessionId);
    }
    // Other sessions were opened without this factor: they end (as after a password change).
    await this.sessions.revokeAllForUser(user.id, 'second_factor_enrolled', principal.sessionId);
    await this.audit.record({
      action: AuditAction.SecondFactorEnrolled,
      result: 'success',
      actor: actorOf(principal),
      target: `user:${user.username}`,
      ip: meta.ip,
      detail: { recoveryCodes: codes.length },
    });
    return { codes };
  }

  /** Turns TOTP off (a code or a recovery code proves it is the owner); refused when required. */
  async disable(principal: Principal, code: string, meta: RequestMeta) {
    const user = await this.user(principal.userId);
    if (!user.totpEnabled) throw new AppError(ErrorCode.CONFLICT, '尚未启用双因素认证。');
    if (this.auth.mfaRequiredFor(user)) {
      await this.audit.record({
        action: AuditAction.SecondFactorDisabled,
        result: 'denied',
        actor: actorOf(principal),
        target: `user:${user.username}`,
        ip: meta.ip,
        detail: { reason: 'required_for_role', role: user.role },
      });
      throw new AppError(ErrorCode.FORBIDDEN, '您的角色必须使用双因素认证，不能停用。', {
        reason: 'SECOND_FACTOR_REQUIRED_FOR_ROLE',
      });
    }
    await this.check.asGuess(principal, user, code, meta, {
      allowRecovery: true,
      action: AuditAction.SecondFactorDisabled,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.update(AppUser, { id: user.id }, clearedSecondFactor());
      await manager.delete(MfaRecoveryCode, { userId: user.id });
    });
    await this.audit.record({
      action: AuditAction.SecondFactorDisabled,
      result: 'success',
      actor: actorOf(principal),
      target: `user:${user.username}`,
      ip: meta.ip,
    });
    return this.status(principal);
  }

  /** New recovery codes for old ones (all of those stop working), proven with a TOTP code. */
  async regenerateRecoveryCodes(principal: Principal, code: string, meta: RequestMeta) {
    const user = await this.user(principal.userId);
    if (!user.totpEnabled) throw new AppError(ErrorCode.CONFLICT, '尚未启用双因素认证。');
    await this.check.asGuess(principal, user, code, meta, {
      allowRecovery: false,
      action: AuditAction.RecoveryCodesRegenerated,
    });
    const codes = generateRecoveryCodes();
    await this.dataSource.transaction((manager) =>
      this.replaceRecoveryCodes(manager, user.id, codes, this.clock.now()),
    );
    await this.audit.record({
      action: AuditAction.RecoveryCodesRegenerated,
      result: 'success',
      actor: actorOf(principal),
      target: `user:${user.username}`,
      ip: meta.ip,
      detail: { recoveryCodes: codes.length },
    });
    return { codes };
  }

  /**
   * The security administrator clears another account's second factor (a lost phone and no
   * recovery codes left), with a reason: the factor and the recovery codes are deleted and the
   * account's sessions end; at the next sign-in the account enrols again if its role requires
   * it. Not one's own account (UserAdminService.target). A single audited action, not dual
   * control: it gives nobody a credential (the password is still needed, and a privileged
   * account's password reset is under dual control already).
   */
  async resetForUser(actor: Principal, userId: string, reason: string, meta: RequestMeta) {
    const why = reason.trim();
    if (why.length < 2) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '请填写重置原因。', {
        fields: { reason: '请填写重置原因。' },
      });
    }
    const user = await this.admin.target(actor, userId);
    if (!user.totpEnabled && !user.totpSecretEncrypted) {
      throw new AppError(ErrorCode.CONFLICT, '该账户未启用双因素认证，无需重置。');
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.update(AppUser, { id: user.id }, clearedSecondFactor());
      await manager.delete(MfaRecoveryCode, { userId: user.id });
    });
    const ended = await this.sessions.revokeAllForUser(user.id, 'second_factor_reset');
    await this.audit.record({
      action: AuditAction.SecondFactorReset,
      result: 'success',
      actor: actorOf(actor),
      target: `user:${user.username}`,
      ip: meta.ip,
      detail: { reason: why.slice(0, 500), targetRole: user.role, sessionsEnded: ended },
    });
    return this.admin.reload(user.id);
  }

  private refuseWhilePendingVerify(principal: Principal) {
    if (principal.secondFactorStep === 'verify') {
      throw new AppError(ErrorCode.SECOND_FACTOR_REQUIRED);
    }
  }

  private async replaceRecoveryCodes(
    manager: EntityManager,
    userId: string,
    codes: string[],
    now: Date,
  ) {
    await manager.delete(MfaRecoveryCode, { userId });
    await manager.insert(
      MfaRecoveryCode,
      codes.map((code) => ({
        userId,
        codeHash: hashRecoveryCode(normalizeRecoveryCode(code)!),
        createdAt: now,
        usedAt: null,
      })),
    );
  }

  private user(id: string) {
    return this.dataSource.getRepository(AppUser).findOneOrFail({ where: { id } });
  }
}

/** The columns of an account without a second factor. */
export function clearedSecondFactor(): Partial<AppUser> {
  return { totpEnabled: false, totpSecretEncrypted: null, totpLastStep: null, totpEnabledAt: null };
}
