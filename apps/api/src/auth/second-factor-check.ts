import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  hashRecoveryCode,
  normalizeRecoveryCode,
  normalizeTotpInput,
  openSecret,
  verifyTotp,
} from '@duty/api/passwords';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, IsNull } from 'typeorm';
import { updateReturning } from '../common/query-helpers';
import { AppError, rateLimitedError } from '../graphql/app-error';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { AppUser } from '../user/user.entity';
import { AuthService, SIGN_IN_FAILED_MESSAGE, signInThrottledMessage } from './auth.service';
import { Clock, CLOCK } from './clock';
import { MfaKeyStore } from './mfa-key';
import { MfaRecoveryCode } from './mfa-recovery-code.entity';
import { actorOf, Principal, RequestMeta } from './principal';
import { SessionService } from './session.service';
import { isThrottleRefusal, SignInThrottle } from './sign-in-throttle';

export const WRONG_CODE_MESSAGE =
  '验证码不正确或已使用过，请输入身份验证器上新的验证码或一个未用过的恢复码。';

/** Which code proved the second factor. */
export type CodeMatch = { method: 'totp' } | { method: 'recovery'; remaining: number };
type CodeRefusal = 'malformed' | 'wrong_code' | 'replayed_code' | 'used_recovery_code';

/**
 * Checking a code against an account's enabled second factor, as a guess like a password (see
 * SecondFactorService): the sign-in limits, the failure count, step replay, single-use
 * recovery codes; and opening the sealed secret.
 */
@Injectable()
export class SecondFactorCheck {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottle,
    private readonly keys: MfaKeyStore,
    private readonly audit: SecurityAuditService,
  ) {}

  /**
   * Checks a code against the caller's enabled factor as a guess: through the sign-in limits
   * and the account's failure count. Returns how it matched; throws (and audits) otherwise.
   */
  async asGuess(
    principal: Principal,
    user: AppUser,
    code: string,
    meta: RequestMeta,
    options: { allowRecovery: boolean; action: AuditAction },
  ): Promise<CodeMatch> {
    const refuse = async (reason: string) =>
      this.audit.record({
        action: options.action,
        result: 'failure',
        actor: actorOf(principal),
        target: `user:${user.username}`,
        ip: meta.ip,
        detail: { reason },
      });
    if (!user.totpEnabled) throw new AppError(ErrorCode.CONFLICT, '尚未启用双因素认证。');
    const ticket = this.throttle.admit(meta.ip, user.username);
    if (isThrottleRefusal(ticket)) {
      if (ticket.firstOfEpisode) await refuse('rate_limited');
      throw rateLimitedError(
        ticket.retryAfterSeconds,
        signInThrottledMessage(ticket.retryAfterSeconds),
        {
          scope: ticket.scope,
        },
      );
    }
    let settled = false;
    try {
      const guess = await this.auth.claimGuess(user, this.clock.now());
      if (!guess) {
        await refuse('locked');
        settled = true;
        ticket.settle('failure');
        if (principal.secondFactorStep) {
          // A pending session of a locked account is over: back to the password.
          await this.sessions.revoke(principal.sessionId, 'second_factor_locked');
          throw new AppError(ErrorCode.UNAUTHENTICATED, SIGN_IN_FAILED_MESSAGE);
        }
        throw wrongCode('验证码错误次数过多，账户已临时锁定，请稍后再试。');
      }
      const result = await this.checkCode(user, code, options.allowRecovery);
      if (typeof result === 'string') {
        await this.auth.confirmFailure(user, guess, meta);
        await refuse(result);
        settled = true;
        ticket.settle('failure');
        throw wrongCode(WRONG_CODE_MESSAGE);
      }
      await this.dataSource
        .getRepository(AppUser)
        .update({ id: user.id }, { failedSignIns: 0, lockedUntil: null });
      settled = true;
      ticket.settle('success');
      return result;
    } finally {
      if (!settled) ticket.settle('void');
    }
  }

  private async checkCode(
    user: AppUser,
    code: string,
    allowRecovery: boolean,
  ): Promise<CodeMatch | CodeRefusal> {
    if (normalizeTotpInput(code)) {
      const step = verifyTotp(await this.secretOf(user), code, this.clock.now());
      if (step === null) return 'wrong_code';
      // Atomic: of two requests with the same code, one moves the step and the other is refused.
      const [row] = await updateReturning<{ id: string }>(
        this.dataSource,
        `UPDATE app_user SET totp_last_step = $2
          WHERE id = $1 AND totp_enabled AND (totp_last_step IS NULL OR totp_last_step < $2)
          RETURNING id`,
        [user.id, step],
      );
      return row ? { method: 'totp' } : 'replayed_code';
    }
    const normalized = allowRecovery ? normalizeRecoveryCode(code) : null;
    if (!normalized) return 'malformed';
    const [row] = await updateReturning<{ id: string }>(
      this.dataSource,
      `UPDATE mfa_recovery_code SET used_at = $3
        WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL
        RETURNING id`,
      [user.id, hashRecoveryCode(normalized), this.clock.now()],
    );
    if (!row) return 'used_recovery_code';
    return { method: 'recovery', remaining: await this.remainingRecoveryCodes(user.id) };
  }

  async secretOf(user: AppUser): Promise<string> {
    try {
      return openSecret(
        await this.keys.get(),
        user.totpSecretEncrypted ?? '',
        sealContext(user.id),
      );
    } catch {
      // The key file was replaced or lost, or the row was edited: nobody can prove this factor.
      throw new AppError(
        ErrorCode.INTERNAL_ERROR,
        '无法读取该账户的双因素密钥，请联系安全管理员重置双因素认证。',
      );
    }
  }

  remainingRecoveryCodes(userId: string) {
    return this.dataSource
      .getRepository(MfaRecoveryCode)
      .count({ where: { userId, usedAt: IsNull() } });
  }
}

/** Binds a sealed secret to its account: a ciphertext copied to another row does not open. */
export function sealContext(userId: string): string {
  return `app_user.totp:${userId}`;
}

export function wrongCode(message: string): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, message, { fields: { code: message } });
}
