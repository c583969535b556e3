import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkPasswordPolicy,
  hashPassword,
  needsRehash,
  verifyAgainstDummy,
  verifyPassword,
} from '@duty/api/passwords';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource } from 'typeorm';
import { updateReturning } from '../common/query-helpers';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppError } from '../graphql/app-error';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { AppUser } from '../user/user.entity';
import { DEMO_PASSWORD } from '../user/demo-accounts';
import { Clock, CLOCK } from './clock';
import { actorOf, Principal, RequestMeta } from './principal';
import { SessionService } from './session.service';

/** One message for unknown user, wrong password, disabled and locked accounts: no account probing. */
export const SIGN_IN_FAILED_MESSAGE = '用户名或密码错误，或账户已被临时锁定。';

export function normalizeUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sessions: SessionService,
    private readonly audit: SecurityAuditService,
  ) {}

  async signIn(usernameInput: string, password: string, meta: RequestMeta) {
    const username = normalizeUsername(usernameInput);
    const users = this.dataSource.getRepository(AppUser);
    const user = username ? await users.findOne({ where: { username } }) : null;
    const fail = async (reason: string, account?: AppUser) => {
      await this.audit.record({
        action: AuditAction.SignIn,
        result: 'failure',
        actor: account ? { id: account.id, username: account.username } : null,
        actorUsername: username.slice(0, 64),
        ip: meta.ip,
        detail: { reason },
      });
      return new AppError(ErrorCode.UNAUTHENTICATED, SIGN_IN_FAILED_MESSAGE);
    };

    if (!user) {
      await verifyAgainstDummy(password, { costLog2: this.config.auth.passwordCostLog2 }); // same cost as a real check
      throw await fail('unknown_user');
    }
    // The password is checked in every case, so that timing does not tell the cases apart.
    const passwordOk = await verifyPassword(password, user.passwordHash);
    const now = this.clock.now();
    if (user.disabled) throw await fail('disabled', user);
    if (user.lockedUntil && user.lockedUntil > now) throw await fail('locked', user);
    if (!passwordOk) {
      await this.recordFailure(user, now, meta);
      throw await fail('wrong_password', user);
    }

    const rehash = needsRehash(user.passwordHash, this.config.auth.passwordCostLog2)
      ? await hashPassword(password, { costLog2: this.config.auth.passwordCostLog2 })
      : undefined;
    await users.update(
      { id: user.id },
      {
        failedSignIns: 0,
        lockedUntil: null,
        lastSignInAt: now,
        ...(rehash ? { passwordHash: rehash } : {}),
      },
    );
    const { token, session } = await this.sessions.create(user, meta);
    await this.audit.record({
      action: AuditAction.SignIn,
      result: 'success',
      actor: { id: user.id, username: user.username },
      target: `session:${session.id}`,
      ip: meta.ip,
    });
    return { token, session, user: { ...user, lastSignInAt: now } };
  }

  /** Counts a failed attempt atomically; the threshold-th consecutive failure locks the account. */
  private async recordFailure(user: AppUser, now: Date, meta: RequestMeta): Promise<void> {
    const [row] = await updateReturning<{ failed_sign_ins: number }>(
      this.dataSource,
      `UPDATE app_user SET failed_sign_ins = failed_sign_ins + 1 WHERE id = $1 RETURNING failed_sign_ins`,
      [user.id],
    );
    const failures = Number(row?.failed_sign_ins ?? 0);
    if (failures >= this.config.auth.lockoutThreshold) {
      const until = new Date(now.getTime() + this.config.auth.lockoutMs);
      await this.dataSource
        .getRepository(AppUser)
        .update({ id: user.id }, { lockedUntil: until, failedSignIns: 0 });
      await this.audit.record({
        action: AuditAction.AccountLocked,
        result: 'success',
        actor: { id: user.id, username: user.username },
        target: `user:${user.username}`,
        ip: meta.ip,
        detail: { failures, lockedUntil: until.toISOString() },
      });
    }
  }

  async signOut(principal: Principal, meta: RequestMeta): Promise<void> {
    await this.sessions.revoke(principal.sessionId, 'sign_out');
    await this.audit.record({
      action: AuditAction.SignOut,
      result: 'success',
      actor: actorOf(principal),
      target: `session:${principal.sessionId}`,
      ip: meta.ip,
    });
  }

  async changePassword(principal: Principal, current: string, next: string, meta: RequestMeta) {
    const users = this.dataSource.getRepository(AppUser);
    const user = await users.findOneOrFail({ where: { id: principal.userId } });
    if (!(await verifyPassword(current, user.passwordHash))) {
      await this.recordFailure(user, this.clock.now(), meta);
      await this.audit.record({
        action: AuditAction.PasswordChanged,
        result: 'failure',
        actor: actorOf(principal),
        ip: meta.ip,
        detail: { reason: 'wrong_current_password' },
      });
      throw new AppError(ErrorCode.VALIDATION_FAILED, '当前密码不正确。', {
        fields: { currentPassword: '当前密码不正确。' },
      });
    }
    assertAcceptablePassword(next, user, current);
    await users.update(
      { id: user.id },
      {
        passwordHash: await hashPassword(next, { costLog2: this.config.auth.passwordCostLog2 }),
        passwordChangedAt: this.clock.now(),
        mustChangePassword: false,
        demoAccount: false,
      },
    );
    await this.sessions.revokeAllForUser(user.id, 'password_changed', principal.sessionId);
    await this.audit.record({
      action: AuditAction.PasswordChanged,
      result: 'success',
      actor: actorOf(principal),
      target: `user:${user.username}`,
      ip: meta.ip,
    });
    return users.findOneOrFail({ where: { id: user.id } });
  }
}

/** The password policy plus: not the documented demo password, not the current password. */
export function assertAcceptablePassword(
  password: string,
  user: Pick<AppUser, 'username' | 'displayName'>,
  current?: string,
): void {
  const problems = checkPasswordPolicy(password, {
    username: user.username,
    displayName: user.displayName,
  }).map((v) => v.message);
  if (password === DEMO_PASSWORD) problems.push('不能使用演示密码。');
  if (current !== undefined && password === current) problems.push('新密码不能与当前密码相同。');
  if (problems.length) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, problems.join(''), {
      fields: { newPassword: problems },
    });
  }
}
