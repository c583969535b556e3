import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkPasswordPolicy,
  configurePasswordHashing,
  HashPasswordOptions,
  hashPassword,
  needsRehash,
  PasswordHashQueueFullError,
  verifyAgainstDummy,
  verifyPassword,
} from '@duty/api/passwords';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, EntityManager } from 'typeorm';
import { updateReturning } from '../common/query-helpers';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppError, rateLimitedError } from '../graphql/app-error';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { AppUser } from '../user/user.entity';
import { DEMO_PASSWORD } from '../user/demo-accounts';
import { Clock, CLOCK } from './clock';
import { Role } from './role';
import { PasswordHistoryEntry } from './password-history.entity';
import { actorOf, Principal, RequestMeta } from './principal';
import { passwordExpired, SessionService } from './session.service';
import type { SecondFactorStep } from './user-session.entity';
import { isThrottleRefusal, SignInThrottle, SignInTicket } from './sign-in-throttle';

/** A password guess counted before its check; lockedUntil is set when it locked the account. */
export interface ClaimedGuess {
  lockedUntil: Date | null;
}

/** One message for unknown user, wrong password, disabled and locked accounts: no account probing. */
export const SIGN_IN_FAILED_MESSAGE = '用户名或密码错误，或账户已被临时锁定。';

/** Sign-in refused by a rate limit, with when to try again (same for every username). */
export function signInThrottledMessage(retryAfterSeconds: number): string {
  const wait =
    retryAfterSeconds < 60
      ? `${retryAfterSeconds} 秒`
      : `${Math.ceil(retryAfterSeconds / 60)} 分钟`;
  return `登录失败次数过多，请 ${wait}后再试。`;
}

/** LOCAL_PASSWORD_SIGN_IN=break-glass and the account is not a break-glass administrator. */
export const PASSWORD_SIGN_IN_DISABLED_MESSAGE =
  '本系统已启用统一身份认证，请点击“统一身份认证登录”。本地密码仅限应急管理员账户使用。';

/** The roles whose accounts may be flagged break-glass. */
const BREAK_GLASS_ROLES: readonly Role[] = [
  Role.SYSTEM_ADMIN,
  Role.SECURITY_ADMIN,
  Role.AUDIT_ADMIN,
];

/** Too many hashes waiting: the server is saturated, not the caller refused. */
export const HASHING_BUSY_MESSAGE = '系统繁忙，请稍后再试。';

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
    private readonly throttle: SignInThrottle,
  ) {
    configurePasswordHashing({
      concurrency: config.auth.passwordHashConcurrency,
      maxQueued: config.auth.passwordHashMaxQueued,
    });
  }

  /**
   * Signs in. In this order, so that the cheap refusals come first: the per-address rate
   * limits (in memory, HTTP 429), the account's disabled and lock state (the guess is claimed
   * in the database before its check, see claimGuess), then the password hash, which waits
   * its turn in the process's hash scheduler (a client that failed recently waits behind
   * clean ones).
   */
  async signIn(usernameInput: string, password: string, meta: RequestMeta) {
    const username = normalizeUsername(usernameInput);
    const admitted = this.throttle.admit(meta.ip, username);
    if (isThrottleRefusal(admitted)) {
      // One audit entry per episode: a looping client must not fill the audit log.
      if (admitted.firstOfEpisode) {
        await this.audit.record({
          action: AuditAction.SignIn,
          result: 'failure',
          actorUsername: username.slice(0, 64),
          ip: meta.ip,
          detail: {
            reason: 'rate_limited',
            scope: admitted.scope,
            retryAfterSeconds: admitted.retryAfterSeconds,
          },
        });
      }
      throw rateLimitedError(
        admitted.retryAfterSeconds,
        signInThrottledMessage(admitted.retryAfterSeconds),
        { scope: admitted.scope },
      );
    }
    try {
      const result = await this.checkAndSignIn(username, password, meta, admitted);
      admitted.settle('success');
      return result;
    } catch (error) {
      if (error instanceof PasswordHashQueueFullError) {
        admitted.settle('void');
        throw rateLimitedError(1, HASHING_BUSY_MESSAGE, { scope: 'server' });
      }
      const refused =
        error instanceof AppError && error.extensions.code === ErrorCode.UNAUTHENTICATED;
      admitted.settle(refused ? 'failure' : 'void');
      throw error;
    }
  }

  private async checkAndSignIn(
    username: string,
    password: string,
    meta: RequestMeta,
    ticket: SignInTicket,
  ) {
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

    const hashCost: HashPasswordOptions = {
      costLog2: this.config.auth.passwordCostLog2,
      schedule: { key: ticket.source, priority: ticket.priority },
    };
    // Every refusal costs one hash, like a real check, so that timing does not tell the cases apart.
    if (!user) {
      await verifyAgainstDummy(password, hashCost);
      throw await fail('unknown_user');
    }
    if (user.disabled) {
      await verifyAgainstDummy(password, hashCost);
      throw await fail('disabled', user);
    }
    const now = this.clock.now();
    const guess = await this.claimGuess(user, now);
    if (!guess) {
      await verifyAgainstDummy(password, hashCost);
      throw await fail('locked', user);
    }
    if (!(await verifyPassword(password, user.passwordHash, hashCost))) {
      await this.confirmFailure(user, guess, meta);
      throw await fail('wrong_password', user);
    }
    if (!this.passwordSignInAllowed(user)) {
      // Checked after the password, so that the refusal tells nothing to someone who lacks it.
      await users.update({ id: user.id }, { failedSignIns: 0, lockedUntil: null });
      await this.audit.record({
        action: AuditAction.PasswordSignInRefused,
        result: 'denied',
        actor: { id: user.id, username: user.username },
        ip: meta.ip,
        detail: { reason: 'break_glass_only' },
      });
      throw new AppError(ErrorCode.FORBIDDEN, PASSWORD_SIGN_IN_DISABLED_MESSAGE, {
        reason: 'PASSWORD_SIGN_IN_DISABLED',
      });
    }

    const rehash = needsRehash(user.passwordHash, this.config.auth.passwordCostLog2)
      ? await hashPassword(password, hashCost)
      : undefined;
    const secondFactor = this.secondFactorStepAfterPassword(user);
    if (secondFactor === 'verify') {
      // The failure count runs on until the code too is right: a caller who knows the password
      // must not get a fresh count of code guesses by signing in again. The claim for this
      // (right) password is given back; had it reached the threshold, the lock is lifted with
      // one guess left, so the next wrong code locks the account again.
      await this.dataSource.query(
        `UPDATE app_user
            SET failed_sign_ins = CASE WHEN $2::boolean THEN $3::int ELSE GREATEST(failed_sign_ins - 1, 0) END,
                locked_until = NULL
                ${rehash ? ', password_hash = $4' : ''}
          WHERE id = $1`,
        [
          user.id,
          guess.lockedUntil !== null,
          this.config.auth.lockoutThreshold - 1,
          ...(rehash ? [rehash] : []),
        ],
      );
    } else {
      await users.update(
        { id: user.id },
        {
          failedSignIns: 0,
          lockedUntil: null,
          ...(secondFactor ? {} : { lastSignInAt: now }),
          ...(rehash ? { passwordHash: rehash } : {}),
        },
      );
    }
    const { token, session } = await this.sessions.create(user, meta, secondFactor);
    const expired = passwordExpired(user, this.config.auth.passwordMaxAgeMs, now);
    await this.audit.record({
      action: AuditAction.SignIn,
      result: 'success',
      actor: { id: user.id, username: user.username },
      target: `session:${session.id}`,
      ip: meta.ip,
      detail:
        secondFactor || expired
          ? {
              ...(secondFactor ? { secondFactor } : {}),
              ...(expired ? { passwordExpired: true } : {}),
            }
          : null,
    });
    return {
      token,
      session,
      user: { ...user, lastSignInAt: secondFactor ? user.lastSignInAt : now },
      secondFactor,
      passwordExpired: expired,
    };
  }

  /**
   * LOCAL_PASSWORD_SIGN_IN=break-glass: people sign in through the identity provider; only
   * administrator accounts flagged break_glass keep their password, for when it is down.
   */
  private passwordSignInAllowed(user: AppUser): boolean {
    if (this.config.signOn.localPasswordSignIn === 'all') return true;
    return user.breakGlass && !!user.role && BREAK_GLASS_ROLES.includes(user.role);
  }

  /** Whether this account must be asked for a second factor: yes when it has one, or must. */
  mfaRequiredFor(user: Pick<AppUser, 'role'>): boolean {
    const { required, requiredRoles } = this.config.auth.mfa;
    return required && !!user.role && requiredRoles.includes(user.role);
  }

  private secondFactorStepAfterPassword(user: AppUser): SecondFactorStep | null {
    if (user.totpEnabled) return 'verify';
    return this.mfaRequiredFor(user) ? 'enrol' : null;
  }

  /**
   * Claims one password guess before the hash is checked: a single UPDATE counts it as a
   * failure and refuses it while the account is locked, so concurrent attempts cannot all read
   * "not locked" and be checked. The threshold-th claim locks the account at once (a right
   * password lifts it again); a claim after the lock has expired starts a new count. Null when
   * the account is locked: the guess must not be checked.
   */
  async claimGuess(user: Pick<AppUser, 'id'>, now: Date): Promise<ClaimedGuess | null> {
    const lockedUntil = new Date(now.getTime() + this.config.auth.lockoutMs);
    const [row] = await updateReturning<{ locked_until: Date | null }>(
      this.dataSource,
      `UPDATE app_user
          SET failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0 ELSE failed_sign_ins + 1 END,
              locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN $3::timestamptz END
        WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $4)
        RETURNING locked_until`,
      [user.id, this.config.auth.lockoutThreshold, lockedUntil, now],
    );
    if (!row) return null;
    return { lockedUntil: row.locked_until ? lockedUntil : null };
  }

  /** A claimed guess was wrong: the count stays; the guess that locked the account is audited. */
  async confirmFailure(
    user: Pick<AppUser, 'id' | 'username'>,
    guess: ClaimedGuess,
    meta: RequestMeta,
  ) {
    if (!guess.lockedUntil) return;
    await this.audit.record({
      action: AuditAction.AccountLocked,
      result: 'success',
      actor: { id: user.id, username: user.username },
      target: `user:${user.username}`,
      ip: meta.ip,
      detail: {
        failures: this.config.auth.lockoutThreshold,
        lockedUntil: guess.lockedUntil.toISOString(),
      },
    });
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
    const hashing: HashPasswordOptions = {
      costLog2: this.config.auth.passwordCostLog2,
      schedule: { key: `user:${user.id}` },
    };
    // The current password is a guess like a sign-in: claimed first, refused while locked.
    const guess = await this.claimGuess(user, this.clock.now());
    if (!guess || !(await verifyPassword(current, user.passwordHash, hashing))) {
      if (guess) await this.confirmFailure(user, guess, meta);
      await this.audit.record({
        action: AuditAction.PasswordChanged,
        result: 'failure',
        actor: actorOf(principal),
        ip: meta.ip,
        detail: { reason: guess ? 'wrong_current_password' : 'locked' },
      });
      const message = guess ? '当前密码不正确。' : '密码错误次数过多，账户已临时锁定，请稍后再试。';
      throw new AppError(ErrorCode.VALIDATION_FAILED, message, {
        fields: { currentPassword: message },
      });
    }
    // The right password: the claimed guess was no failure, whether or not the new one passes.
    await users.update({ id: user.id }, { failedSignIns: 0, lockedUntil: null });
    assertAcceptablePassword(next, user, current);
    await this.assertNotReused(user, next, hashing);
    const passwordHash = await hashPassword(next, hashing);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        AppUser,
        { id: user.id },
        { passwordHash, passwordChangedAt: now, mustChangePassword: false, demoAccount: false },
      );
      await this.remember(manager, user.id, passwordHash, now);
    });
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

  /**
   * Refuses a new password that is the current one or one of the last PASSWORD_HISTORY the
   * user chose. Hashes are salted, so each is checked like a sign-in (at most history + 1
   * scrypt runs, through the hash scheduler).
   */
  private async assertNotReused(user: AppUser, next: string, hashing: HashPasswordOptions) {
    const keep = this.config.auth.passwordHistory;
    const earlier = keep
      ? await this.dataSource.getRepository(PasswordHistoryEntry).find({
          where: { userId: user.id },
          order: { id: 'DESC' },
          take: keep,
        })
      : [];
    const hashes = new Set([user.passwordHash, ...earlier.map((e) => e.passwordHash)]);
    for (const hash of hashes) {
      if (await verifyPassword(next, hash, hashing)) {
        const message = keep
          ? `新密码不能与当前密码或最近 ${keep} 次使用过的密码相同。`
          : '新密码不能与当前密码相同。';
        throw new AppError(ErrorCode.VALIDATION_FAILED, message, {
          fields: { newPassword: [message] },
        });
      }
    }
  }

  /** Adds a chosen password to the user's history and drops what is older than the last N. */
  private async remember(manager: EntityManager, userId: string, hash: string, at: Date) {
    const keep = this.config.auth.passwordHistory;
    if (!keep) return;
    await manager.insert(PasswordHistoryEntry, { userId, passwordHash: hash, changedAt: at });
    await manager.query(
      `DELETE FROM password_history
        WHERE user_id = $1
          AND id NOT IN (SELECT id FROM password_history WHERE user_id = $1 ORDER BY id DESC LIMIT $2)`,
      [userId, keep],
    );
  }
}

/** Parts of the documented demo password: a new password made mostly of them is predictable. */
const DEMO_PASSWORD_WORDS = DEMO_PASSWORD.toLowerCase().match(/\p{L}{3,}/gu) ?? [];

/**
 * The password policy plus: not the documented demo password nor mostly made of its parts
 * (Hubei@Demo2027), not the current password.
 */
export function assertAcceptablePassword(
  password: string,
  user: Pick<AppUser, 'username' | 'displayName'>,
  current?: string,
): void {
  const problems = checkPasswordPolicy(password, {
    username: user.username,
    displayName: user.displayName,
    contextWords: DEMO_PASSWORD_WORDS,
  }).map((v) => v.message);
  if (password === DEMO_PASSWORD) problems.push('不能使用演示密码。');
  if (current !== undefined && password === current) problems.push('新密码不能与当前密码相同。');
  if (problems.length) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, problems.join(''), {
      fields: { newPassword: problems },
    });
  }
}
