import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { generateTemporaryPassword, hashPassword } from '@duty/api/passwords';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource } from 'typeorm';
import { AdminUnit } from '../admin-unit/admin-unit.entity';
import { Department } from '../admin-unit/department.entity';
import { Clock, CLOCK } from '../auth/clock';
import { actorOf, Principal, RequestMeta } from '../auth/principal';
import { Role } from '../auth/role';
import { SessionService } from '../auth/session.service';
import { normalizeUsername } from '../auth/auth.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppError } from '../graphql/app-error';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { BindRoleInput, CreateUserInput, UserFilterInput } from './dto/user.inputs';
import { AppUser } from './user.entity';
import { containsPattern, offsetPage } from '../common/query-helpers';

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/**
 * User administration, split along the separated administrator roles: the system administrator
 * creates, disables and resets accounts; the security administrator binds roles and lifts
 * lockouts. Nobody administers their own account here (a self-granted role is impossible).
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
      q.andWhere('(u.username ILIKE :like OR u.display_name ILIKE :like)', { like });
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
    const displayName = input.displayName.trim();
    if (!displayName) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '请填写姓名。', {
        fields: { displayName: '请填写姓名。' },
      });
    }
    const temporaryPassword = generateTemporaryPassword({ username, displayName });
    const users = this.dataSource.getRepository(AppUser);
    const inserted = await users
      .createQueryBuilder()
      .insert()
      .values({
        username,
        displayName,
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

  async resetPassword(actor: Principal, userId: string, meta: RequestMeta) {
    const user = await this.target(actor, userId);
    const temporaryPassword = generateTemporaryPassword({
      username: user.username,
      displayName: user.displayName,
    });
    await this.dataSource.getRepository(AppUser).update(
      { id: user.id },
      {
        passwordHash: await hashPassword(temporaryPassword, {
          costLog2: this.config.auth.passwordCostLog2,
        }),
        passwordChangedAt: this.clock.now(),
        mustChangePassword: true,
        demoAccount: false,
        failedSignIns: 0,
        lockedUntil: null,
      },
    );
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
    const binding = await this.validBinding(input);
    const before = { role: user.role, unitCode: user.unitCode, departmentId: user.departmentId };
    const changed =
      before.role !== binding.role ||
      before.unitCode !== binding.unitCode ||
      before.departmentId !== binding.departmentId;
    if (changed) {
      await this.dataSource.getRepository(AppUser).update({ id: user.id }, binding);
      await this.sessions.revokeAllForUser(user.id, 'role_changed');
    }
    await this.audit.record({
      action: AuditAction.RoleBound,
      result: 'success',
      actor: actorOf(actor),
      target: `user:${user.username}`,
      ip: meta.ip,
      detail: { before, after: binding, changed },
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

  private async target(actor: Principal, userId: string): Promise<AppUser> {
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

  private reload(id: string) {
    return this.dataSource.getRepository(AppUser).findOneOrFail({ where: { id } });
  }

  /** The role binding must match the unit levels: a prefecture for prefecture supervisors, a county-level unit and one of its departments for operators. */
  private async validBinding(
    input: BindRoleInput,
  ): Promise<Pick<AppUser, 'role' | 'unitCode' | 'departmentId'>> {
    const invalid = (field: string, message: string) =>
      new AppError(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: message } });
    const unit = input.unitCode
      ? await this.dataSource.getRepository(AdminUnit).findOne({ where: { code: input.unitCode } })
      : null;
    if (input.unitCode && !unit)
      throw invalid('unitCode', `未知的行政区划代码 ${input.unitCode}。`);
    switch (input.role) {
      case Role.PREFECTURE_SUPERVISOR:
        if (unit?.level !== 'prefecture') throw invalid('unitCode', '市州督导须绑定一个市（州）。');
        if (input.departmentId) throw invalid('departmentId', '市州督导不绑定部门。');
        return { role: input.role, unitCode: unit.code, departmentId: null };
      case Role.AUDITOR:
        if (unit && unit.level !== 'prefecture')
          throw invalid('unitCode', '审计评估人员的辖区为全省（不填）或一个市（州）。');
        if (input.departmentId) throw invalid('departmentId', '审计评估人员不绑定部门。');
        return { role: input.role, unitCode: unit?.code ?? null, departmentId: null };
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
        return { role: input.role, unitCode: unit.code, departmentId: department.id };
      }
      default:
        if (input.unitCode || input.departmentId)
          throw invalid('unitCode', '该角色的辖区为全省，不绑定单位或部门。');
        return { role: input.role, unitCode: null, departmentId: null };
    }
  }
}
