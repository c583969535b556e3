import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { generateTemporaryPassword, hashPassword } from '@duty/api/passwords';
import { ErrorCode } from '@duty/shared/errors';
import { randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AdminUnit } from '../admin-unit/admin-unit.entity';
import { Department } from '../admin-unit/department.entity';
import { Clock, CLOCK } from '../auth/clock';
import { actorOf, Principal, RequestMeta } from '../auth/principal';
import { Role } from '../auth/role';
import { MfaRecoveryCode } from '../auth/mfa-recovery-code.entity';
import { clearedSecondFactor } from '../auth/second-factor.service';
import { SessionService } from '../auth/session.service';
import { normalizeUsername } from '../auth/auth.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppError } from '../graphql/app-error';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import {
  BindRoleInput,
  CreateUserInput,
  UpdateUserProfileInput,
  UserFilterInput,
} from './dto/user.inputs';
import { AppUser } from './user.entity';
import { isSystemActor } from './person';
import { containsPattern, offsetPage } from '../common/query-helpers';
import { isPrivilegedRole, roleChangeRefusal, RoleChangeRefusal } from './role-separation';

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Same rule as CHK_app_user_phone: 0710-8888888, 027 8765 4321, +86 13800000000, …转123. */
const PHONE_PATTERN = /^\+?[0-9][0-9 -]{4,24}([ ]?转[0-9]{1,6})?$/;

function invalidField(field: string, message: string) {
  return new AppError(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: message } });
}

/** Name, office and phone as stored: trimmed, empty office/phone = none, the phone checked. */
export function profileColumns(input: { displayName: string; office?: string; phone?: string }) {
  const displayName = input.displayName.trim().replace(/\s+/g, ' ');
  if (!displayName) throw invalidField('displayName', '请填写姓名。');
  if (displayName.length > 100) throw invalidField('displayName', '姓名不能超过 100 个字。');
  const office = input.office?.trim().replace(/\s+/g, ' ') || null;
  if (office && office.length > 100) throw invalidField('office', '单位/科室不能超过 100 个字。');
  const phone =
    input.phone
      ?.trim()
      .replace(/[（(]/g, '')
      .replace(/[）)]/g, '-')
      .replace(/\s+/g, ' ')
      .replace(/^-+|-+$/g, '') || null;
  if (phone && (phone.length > 32 || !PHONE_PATTERN.test(phone))) {
    throw invalidField(
      'phone',
      '电话号码格式不正确：请填写数字，可含区号连字符、空格或“转”分机号，如 0718-8221234。',
    );
  }
  return { displayName, office, phone };
}

const ROLE_SEPARATION_MESSAGES: Record<RoleChangeRefusal, string> = {
  ADMIN_ACCOUNT_ROLE_FIXED:
    '管理员账户不能改绑为其他角色（三权分立）。如需调整，请停用该账户，另建账户并分配角色。',
  BUSINESS_ACCOUNT_TO_ADMIN:
    '业务账户不能改为管理员角色（三权分立）。管理员须使用单独新建、未分配过角色的账户。',
};

/**
 * User administration, split along the separated administrator roles: the system administrator
 * creates, disables and resets accounts; the security administrator binds roles and lifts
 * lockouts. Nobody administers their own account here (a self-granted role is impossible);
 * privileged accounts are reset only under dual control (PasswordResetRequestService), and
 * administrator and business roles do not cross in a role change (role-separation.ts).
 */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sessions: SessionService,
    private readonly audit: SecurityAuditService,
  ) {}

  async list(filter: UserFilterInput = {}, page = { first: 100, offset: 0 }) {
    const q = this.dataSource
      .getRepository(AppUser)
      .createQueryBuilder('u')
      .orderBy('u.username', 'ASC');
    if (filter.search?.trim()) {
      const like = containsPattern(filter.search);
      q.andWhere('(u.username ILIKE :like OR u.display_name ILIKE :like OR u.office ILIKE :like)', {
        like,
      });
    }
    if (filter.role) q.andWhere('u.role = :role', { role: filter.role });
    if (filter.disabled !== undefined && filter.disabled !== null) {
      q.andWhere('u.disabled = :disabled', { disabled: filter.disabled });
    }
    return offsetPage(q, page);
  }

  async create(actor: Principal, input: CreateUserInput, meta: RequestMeta) {
    const username = normalizeUsername(input.username);
    if (!USERNAME_PATTERN.test(username)) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        '用户名须为 3–64 位小写字母、数字、点、下划线或连字符，并以字母或数字开头。',
        { fields: { username: '用户名格式不正确。' } },
      );
    }
    if (isSystemActor(username)) {
      // History shows these names as 系统: an account by that name would pass for the system.
      throw new AppError(ErrorCode.CONFLICT, `用户名“${username}”为系统保留，请换一个。`, {
        fields: { username: '该用户名为系统保留。' },
      });
    }
    const { displayName, office, phone } = profileColumns(input);
    const temporaryPassword = generateTemporaryPassword({ username, displayName });
    const users = this.dataSource.getRepository(AppUser);
    const inserted = await users
      .createQueryBuilder()
      .insert()
      .values({
        username,
        displayName,
        office,
        phone,
        passwordHash: await hashPassword(temporaryPassword, {
          costLog2: this.config.auth.passwordCostLog2,
        }),
        passwordChangedAt: this.clock.now(),
        mustChangePassword: true,
        role: null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = inserted.raw[0]?.id as string | undefined;
    if (!id) {
      throw new AppError(ErrorCode.CONFLICT, `用户名“${username}”已被使用。`, {
        fields: { username: '用户名已被使用。' },
      });
    }
    await this.audit.record({
      action: AuditAction.UserCreated,
      result: 'success',
      actor: actorOf(actor),
      target: `user:${username}`,
      ip: meta.ip,
    });
    return { user: await users.findOneOrFail({ where: { id } }), temporaryPassword };
  }

  /**
   * Changes an account's name, office and phone (the system administrator; not one's own here).
   * History rows keep usernames, so every page shows the new name from now on.
   */
  async updateProfile(actor: Principal, input: UpdateUserProfileInput, meta: RequestMeta) {
    const user = await this.target(actor, input.userId);
    const columns = profileColumns(input);
    const before = { displayName: user.displayName, office: user.office, phone: user.phone };
    await this.dataSource.getRepository(AppUser).update({ id: user.id }, columns);
    await this.audit.record({
      action: AuditAction.UserProfileUpdated,
      result: 'success',
      actor: actorOf(actor),
      target: `user:${user.username}`,
      ip: meta.ip,
      detail: { before, after: columns },
    });
    return this.reload(user.id);
  }

  /**
   * Resets the password of an ordinary account (a county operator, or an account without a
   * role) and returns the temporary password. A privileged account is refused: its reset needs
   * a second person (PasswordResetRequestService), so that no administrator alone can obtain
   * another administrator's or a supervisor's credentials.
   */
  async resetPassword(actor: Principal, userId: string, meta: RequestMeta) {
    const user = await this.target(actor, userId);
    if (isPrivilegedRole(user.role)) {
      await this.audit.record({
        action: AuditAction.PasswordReset,
        result: 'denied',
        actor: actorOf(actor),
        target: `user:${user.username}`,
        ip: meta.ip,
        detail: { reason: 'dual_control_required', targetRole: user.role },
      });
      throw new AppError(
        ErrorCode.FORBIDDEN,
        '管理员、督导和审计评估人员账户的密码不能直接重置：请提交重置申请，经安全管理员审批后重置。',
        { reason: 'DUAL_CONTROL_REQUIRED' },
      );
    }
    const { temporaryPassword, columns } = await this.prepareTemporaryPassword(user);
    await this.dataSource.getRepository(AppUser).update({ id: user.id }, columns);
    await this.sessions.revokeAllForUser(user.id, 'password_reset');
    await this.audit.record({
      action: AuditAction.PasswordReset,
      result: 'success',
      actor: actorOf(actor),
      target: `user:${user.username}`,
      ip: meta.ip,
    });
    return { user: await this.reload(user.id), temporaryPassword };
  }

  /** A password nobody knows (random, never shown) and no second factor. */
  private async withdrawnCredentials(): Promise<Partial<AppUser>> {
    return {
      passwordHash: await hashPassword(randomBytes(32).toString('base64url'), {
        costLog2: this.config.auth.passwordCostLog2,
      }),
      passwordChangedAt: this.clock.now(),
      mustChangePassword: true,
      demoAccount: false,
      ...clearedSecondFactor(),
    };
  }

  /**
   * A new temporary password for `user` and the columns that install it: it must be changed
   * at the next sign-in, and a lockout is lifted. The caller writes the columns (possibly in
   * its own transaction) and then ends the user's sessions.
   */
  async prepareTemporaryPassword(user: Pick<AppUser, 'username' | 'displayName'>) {
    const temporaryPassword = generateTemporaryPassword({
      username: user.username,
      displayName: user.displayName,
    });
    const columns = {
      passwordHash: await hashPassword(temporaryPassword, {
        costLog2: this.config.auth.passwordCostLog2,
      }),
      passwordChangedAt: this.clock.now(),
      mustChangePassword: true,
      demoAccount: false,
      failedSignIns: 0,
      lockedUntil: null,
    } satisfies Partial<AppUser>;
    return { temporaryPassword, columns };
  }

  async setDisabled(
    actor: Principal,
    userId: string,
    disabled: boolean,
    reason: string | undefined,
    meta: RequestMeta,
  ) {
    const user = await this.target(actor, userId);
    await this.dataSource.getRepository(AppUser).update({ id: user.id }, { disabled });
    if (disabled) await this.sessions.revokeAllForUser(user.id, 'user_disabled');
    await this.audit.record({
      action: disabled ? AuditAction.UserDisabled : AuditAction.UserEnabled,
      result: 'success',
      actor: actorOf(actor),
      target: `user:${user.username}`,
      ip: meta.ip,
      detail: reason?.trim() ? { reason: reason.trim().slice(0, 500) } : null,
    });
    return this.reload(user.id);
  }

  async bindRole(actor: Principal, input: BindRoleInput, meta: RequestMeta) {
    const user = await this.target(actor, input.userId);
    const refusal = roleChangeRefusal(user.role, input.role);
    if (refusal) {
      await this.audit.record({
        action: AuditAction.RoleBound,
        result: 'denied',
        actor: actorOf(actor),
        target: `user:${user.username}`,
        ip: meta.ip,
        detail: { reason: 'role_separation', rule: refusal, from: user.role, to: input.role },
      });
      throw new AppError(ErrorCode.FORBIDDEN, ROLE_SEPARATION_MESSAGES[refusal], {
        reason: 'ROLE_SEPARATION',
        rule: refusal,
      });
    }
    const binding = await this.validBinding(input);
    const before = {
      role: user.role,
      unitCode: user.unitCode,
      departmentId: user.departmentId,
      scopeProvinceCodes: user.scopeProvinceCodes?.length ? user.scopeProvinceCodes : null,
    };
    const changed =
      before.role !== binding.role ||
      before.unitCode !== binding.unitCode ||
      before.departmentId !== binding.departmentId ||
      (before.scopeProvinceCodes ?? []).join(',') !== (binding.scopeProvinceCodes ?? []).join(',');
    // An account that becomes privileged keeps no credential anyone else may know: the system
    // administrator who created it saw its temporary password (and could have changed it and
    // enrolled a second factor by signing in as it). Its password and second factor are
    // withdrawn; it signs in after a dual-control reset (requested, then approved by the
    // security administrator, who alone sees the new temporary password).
    const withdrawn = changed && isPrivilegedRole(binding.role) && !isPrivilegedRole(before.role);
    if (changed) {
      await this.dataSource.transaction(async (manager) => {
        await manager.update(AppUser, { id: user.id }, binding);
        if (withdrawn) {
          await manager.update(AppUser, { id: user.id }, await this.withdrawnCredentials());
          await manager.delete(MfaRecoveryCode, { userId: user.id });
        }
      });
      await this.sessions.revokeAllForUser(user.id, 'role_changed');
    }
    await this.audit.record({
      action: AuditAction.RoleBound,
      result: 'success',
      actor: actorOf(actor),
      target: `user:${user.username}`,
      ip: meta.ip,
      detail: { before, after: binding, changed, credentialsWithdrawn: withdrawn },
    });
    return this.reload(user.id);
  }

  async unlock(actor: Principal, userId: string, meta: RequestMeta) {
    const user = await this.target(actor, userId);
    await this.dataSource
      .getRepository(AppUser)
      .update({ id: user.id }, { lockedUntil: null, failedSignIns: 0 });
    await this.audit.record({
      action: AuditAction.UserUnlocked,
      result: 'success',
      actor: actorOf(actor),
      target: `user:${user.username}`,
      ip: meta.ip,
    });
    return this.reload(user.id);
  }

  /** The account `actor` administers here: it exists and is not the actor's own (audited). */
  async target(actor: Principal, userId: string): Promise<AppUser> {
    const user = await this.dataSource.getRepository(AppUser).findOne({ where: { id: userId } });
    if (!user) throw new AppError(ErrorCode.NOT_FOUND, '未找到该用户。');
    if (user.id === actor.userId) {
      await this.audit.record({
        action: AuditAction.PermissionDenied,
        result: 'denied',
        actor: actorOf(actor),
        target: `user:${user.username}`,
        detail: { reason: 'self_administration' },
      });
      throw new AppError(
        ErrorCode.FORBIDDEN,
        '不能在用户管理中修改自己的账户；请使用“修改密码”，或请其他管理员操作。',
      );
    }
    return user;
  }

  reload(id: string) {
    return this.dataSource.getRepository(AppUser).findOneOrFail({ where: { id } });
  }

  /**
   * The role binding must match the unit levels: a province for provincial supervisors (the
   * only one when the deployment holds one and none is given), a prefecture for prefecture
   * supervisors, a county-level unit and one of its departments for operators, a province, a
   * prefecture or none for auditors; national supervisors have no unit. The provinces a
   * national supervisor or an auditor without a unit is limited to must exist (none: the whole
   * country).
   */
  private async validBinding(
    input: BindRoleInput,
  ): Promise<Pick<AppUser, 'role' | 'unitCode' | 'departmentId' | 'scopeProvinceCodes'>> {
    const invalid = (field: string, message: string) =>
      new AppError(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: message } });
    const units = this.dataSource.getRepository(AdminUnit);
    const unit = input.unitCode ? await units.findOne({ where: { code: input.unitCode } }) : null;
    if (input.unitCode && !unit)
      throw invalid('unitCode', `未知的行政区划代码 ${input.unitCode}。`);
    const scopeCodes = [...new Set(input.scopeProvinceCodes ?? [])].sort();
    const scopeAllowed =
      input.role === Role.NATIONAL_SUPERVISOR || (input.role === Role.AUDITOR && !unit);
    if (scopeCodes.length && !scopeAllowed) {
      throw invalid(
        'scopeProvinceCodes',
        '只有国家级督导和未绑定单位的审计评估人员可以指定省份范围。',
      );
    }
    const scopeProvinceCodes = scopeCodes.length ? await this.provinces(scopeCodes) : null;
    switch (input.role) {
      case Role.NATIONAL_SUPERVISOR:
        if (input.unitCode)
          throw invalid('unitCode', '国家级督导不绑定单位：可指定若干省份，不填为全国。');
        if (input.departmentId) throw invalid('departmentId', '国家级督导不绑定部门。');
        return { role: input.role, unitCode: null, departmentId: null, scopeProvinceCodes };
      case Role.PROVINCIAL_SUPERVISOR: {
        if (input.departmentId) throw invalid('departmentId', '省级督导不绑定部门。');
        let province = unit;
        if (!province) {
          // One province in the deployment (the common case): no need to pick it.
          const all = await units.find({
            where: { level: 'province' },
            order: { code: 'ASC' },
            take: 2,
          });
          if (all.length !== 1) throw invalid('unitCode', '省级督导须绑定一个省份。');
          province = all[0];
        }
        if (province.level !== 'province') throw invalid('unitCode', '省级督导须绑定一个省份。');
        return {
          role: input.role,
          unitCode: province.code,
          departmentId: null,
          scopeProvinceCodes: null,
        };
      }
      case Role.PREFECTURE_SUPERVISOR:
        if (unit?.level !== 'prefecture') throw invalid('unitCode', '市州督导须绑定一个市（州）。');
        if (input.departmentId) throw invalid('departmentId', '市州督导不绑定部门。');
        return {
          role: input.role,
          unitCode: unit.code,
          departmentId: null,
          scopeProvinceCodes: null,
        };
      case Role.AUDITOR:
        if (unit && unit.level !== 'prefecture' && unit.level !== 'province')
          throw invalid(
            'unitCode',
            '审计评估人员的辖区为一个省份、一个市（州），或不填（全国或指定的若干省份）。',
          );
        if (input.departmentId) throw invalid('departmentId', '审计评估人员不绑定部门。');
        return {
          role: input.role,
          unitCode: unit?.code ?? null,
          departmentId: null,
          scopeProvinceCodes,
        };
      case Role.COUNTY_OPERATOR: {
        // 部门经办人: one department of one unit (mostly county-level; province and prefecture
        // departments have operators for their own tasks too).
        if (!unit) throw invalid('unitCode', '部门经办人须绑定一个单位。');
        const department = input.departmentId
          ? await this.dataSource
              .getRepository(Department)
              .findOne({ where: { id: input.departmentId } })
          : null;
        if (!department || department.unitCode !== unit.code) {
          throw invalid('departmentId', '部门经办人须绑定该单位的一个部门。');
        }
        return {
          role: input.role,
          unitCode: unit.code,
          departmentId: department.id,
          scopeProvinceCodes: null,
        };
      }
      default:
        if (input.unitCode || input.departmentId)
          throw invalid('unitCode', '管理员角色的范围为全部辖区，不绑定单位或部门。');
        return { role: input.role, unitCode: null, departmentId: null, scopeProvinceCodes: null };
    }
  }

  /** The given codes, each an existing province unit (sorted, without repeats). */
  private async provinces(codes: string[]): Promise<string[]> {
    const found = await this.dataSource
      .getRepository(AdminUnit)
      .find({ where: { code: In(codes), level: 'province' } });
    const known = new Set(found.map((u) => u.code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length) {
      const message = `不是省份的行政区划代码：${unknown.join('、')}。`;
      throw new AppError(ErrorCode.VALIDATION_FAILED, message, {
        fields: { scopeProvinceCodes: message },
      });
    }
    return codes;
  }
}
