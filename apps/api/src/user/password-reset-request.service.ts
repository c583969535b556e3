import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../auth/clock';
import { actorOf, Principal, RequestMeta } from '../auth/principal';
import { Role } from '../auth/role';
import { SessionService } from '../auth/session.service';
import { offsetPage, updateReturning } from '../common/query-helpers';
import { isUuid } from '../common/uuid';
import { AppError } from '../graphql/app-error';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import {
  PasswordResetRequestFilterInput,
  RejectPasswordResetInput,
  RequestPasswordResetInput,
} from './dto/password-reset-request.inputs';
import {
  PasswordResetRequestModel,
  PasswordResetRequestStatusEnum,
} from './dto/password-reset-request.models';
import { PasswordResetRequest } from './password-reset-request.entity';
import { isPrivilegedRole } from './role-separation';
import { UserAdminService } from './user-admin.service';
import { AppUser } from './user.entity';

/** How long a request waits for a decision before it lapses. */
export const PASSWORD_RESET_REQUEST_LIFETIME_MS = 24 * 60 * 60 * 1000;

type Decision = 'approve' | 'reject';

/**
 * Dual control of privileged accounts' password resets (issue 15, finding 1). One
 * administrator requests a reset with a reason and gets no password; a security administrator
 * who is neither the requester nor the account approves it and is shown the temporary password
 * once, or rejects it with a reason; an undecided request lapses after 24 hours. The account
 * must change the password at its next sign-in and its sessions end. Every step, and every
 * refused attempt, is in the security audit log.
 */
@Injectable()
export class PasswordResetRequestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly users: UserAdminService,
    private readonly sessions: SessionService,
    private readonly audit: SecurityAuditService,
  ) {}

  /** Security administrators see every request; other administrators only their own. */
  async list(
    viewer: Principal,
    filter: PasswordResetRequestFilterInput = {},
    page = { first: 100, offset: 0 },
  ) {
    await this.expireDue();
    const q = this.dataSource
      .getRepository(PasswordResetRequest)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.target', 'target')
      .orderBy('r.requested_at', 'DESC')
      .addOrderBy('r.id', 'DESC');
    if (viewer.role !== Role.SECURITY_ADMIN) {
      q.andWhere('r.requested_by_id = :me', { me: viewer.userId });
    }
    if (filter.status) q.andWhere('r.status = :status', { status: filter.status.toLowerCase() });
    const { nodes, totalCount } = await offsetPage(q, page);
    return { totalCount, nodes: nodes.map((r) => this.toModel(r, viewer)) };
  }

  async request(actor: Principal, input: RequestPasswordResetInput, meta: RequestMeta) {
    const reason = input.reason.trim();
    if (!reason) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '请填写重置原因。', {
        fields: { reason: '请填写重置原因。' },
      });
    }
    const user = await this.users.target(actor, input.userId);
    if (!isPrivilegedRole(user.role)) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        `用户 ${user.username} 不是特权账户，无须审批：系统管理员可直接重置其密码。`,
        { reason: 'NOT_PRIVILEGED', fields: { userId: '该账户无须审批即可重置密码。' } },
      );
    }
    await this.expireDue();
    const now = this.clock.now();
    const inserted = await this.dataSource
      .getRepository(PasswordResetRequest)
      .createQueryBuilder()
      .insert()
      .values({
        targetUserId: user.id,
        targetRole: user.role,
        reason,
        status: 'pending',
        requestedById: actor.userId,
        requestedBy: actor.username,
        requestedAt: now,
        expiresAt: new Date(now.getTime() + PASSWORD_RESET_REQUEST_LIFETIME_MS),
      })
      // One pending request per account (a partial unique index): a second one is a CONFLICT.
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = inserted.raw[0]?.id as string | undefined;
    if (!id) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `用户 ${user.username} 已有一项待审批的密码重置申请。`,
        { reason: 'RESET_ALREADY_REQUESTED' },
      );
    }
    await this.audit.record({
      action: AuditAction.PasswordResetRequested,
      result: 'success',
      actor: actorOf(actor),
      target: `user:${user.username}`,
      ip: meta.ip,
      detail: { requestId: id, reason, targetRole: user.role },
    });
    return this.toModel(await this.load(id), actor);
  }

  async approve(actor: Principal, requestId: string, meta: RequestMeta) {
    await this.expireDue();
    const request = await this.decidable(actor, requestId, 'approve', meta);
    const target = request.target as AppUser;
    // Hashed before the transaction: scrypt is slow and needs no lock.
    const { temporaryPassword, columns } = await this.users.prepareTemporaryPassword(target);
    const now = this.clock.now();
    const claimed = await this.dataSource.transaction(async (manager) => {
      // The claim decides the race between two approvers, or an approval and a rejection.
      const rows = await updateReturning(
        manager,
        `UPDATE password_reset_request
            SET status = 'approved', decided_by_id = $2, decided_by = $3, decided_at = $4
          WHERE id = $1 AND status = 'pending' AND expires_at > $4
          RETURNING id`,
        [request.id, actor.userId, actor.username, now],
      );
      if (rows.length === 0) return false;
      await manager.getRepository(AppUser).update({ id: target.id }, columns);
      return true;
    });
    if (!claimed) throw await this.noLongerPending(request.id);
    await this.sessions.revokeAllForUser(target.id, 'password_reset');
    await this.audit.record({
      action: AuditAction.PasswordResetApproved,
      result: 'success',
      actor: actorOf(actor),
      target: `user:${target.username}`,
      ip: meta.ip,
      detail: { requestId: request.id, requestedBy: request.requestedBy, reason: request.reason },
    });
    return {
      request: this.toModel(await this.load(request.id), actor),
      user: await this.users.reload(target.id),
      temporaryPassword,
    };
  }

  async reject(actor: Principal, input: RejectPasswordResetInput, meta: RequestMeta) {
    const reason = input.reason.trim();
    if (!reason) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '请填写驳回原因。', {
        fields: { reason: '请填写驳回原因。' },
      });
    }
    await this.expireDue();
    const request = await this.decidable(actor, input.requestId, 'reject', meta);
    const rows = await updateReturning(
      this.dataSource,
      `UPDATE password_reset_request
          SET status = 'rejected', decided_by_id = $2, decided_by = $3, decided_at = $4,
              decision_reason = $5
        WHERE id = $1 AND status = 'pending'
        RETURNING id`,
      [request.id, actor.userId, actor.username, this.clock.now(), reason],
    );
    if (rows.length === 0) throw await this.noLongerPending(request.id);
    await this.audit.record({
      action: AuditAction.PasswordResetRejected,
      result: 'success',
      actor: actorOf(actor),
      target: `user:${request.target?.username}`,
      ip: meta.ip,
      detail: { requestId: request.id, requestedBy: request.requestedBy, reason },
    });
    return this.toModel(await this.load(request.id), actor);
  }

  /**
   * Marks pending requests past their deadline as expired, one audit entry each. Run before
   * every read or decision, so a lapsed request is never approved and never shown as pending;
   * the conditional UPDATE makes concurrent runs record each lapse once.
   */
  async expireDue(): Promise<void> {
    const lapsed = await updateReturning<{ id: string; username: string; requested_by: string }>(
      this.dataSource,
      `UPDATE password_reset_request r
          SET status = 'expired', decided_at = $1
         FROM app_user u
        WHERE r.status = 'pending' AND r.expires_at <= $1 AND u.id = r.target_user_id
        RETURNING r.id, u.username, r.requested_by`,
      [this.clock.now()],
    );
    for (const row of lapsed) {
      await this.audit.record({
        action: AuditAction.PasswordResetExpired,
        result: 'failure',
        target: `user:${row.username}`,
        detail: { requestId: row.id, requestedBy: row.requested_by },
      });
    }
  }

  /** The pending request `actor` may decide; a refusal is audited under the decision's action. */
  private async decidable(
    actor: Principal,
    requestId: string,
    decision: Decision,
    meta: RequestMeta,
  ): Promise<PasswordResetRequest> {
    const request = isUuid(requestId)
      ? await this.dataSource
          .getRepository(PasswordResetRequest)
          .findOne({ where: { id: requestId }, relations: { target: true } })
      : null;
    if (!request) throw new AppError(ErrorCode.NOT_FOUND, '未找到该密码重置申请。');
    const refuse = async (reason: 'OWN_REQUEST' | 'OWN_ACCOUNT', message: string) => {
      await this.audit.record({
        action:
          decision === 'approve'
            ? AuditAction.PasswordResetApproved
            : AuditAction.PasswordResetRejected,
        result: 'denied',
        actor: actorOf(actor),
        target: `user:${request.target?.username}`,
        ip: meta.ip,
        detail: { requestId: request.id, reason: reason.toLowerCase() },
      });
      return new AppError(ErrorCode.FORBIDDEN, message, { reason });
    };
    if (request.requestedById === actor.userId) {
      throw await refuse(
        'OWN_REQUEST',
        '不能审批自己提交的密码重置申请：须由申请人以外的安全管理员审批。',
      );
    }
    if (request.targetUserId === actor.userId) {
      throw await refuse(
        'OWN_ACCOUNT',
        '不能审批重置自己账户密码的申请：须由另一名安全管理员审批。',
      );
    }
    if (request.status !== 'pending') throw await this.noLongerPending(request.id);
    return request;
  }

  private async noLongerPending(requestId: string): Promise<AppError> {
    await this.expireDue(); // a claim refused for the deadline finds the request still pending
    const { status } = await this.load(requestId);
    const message =
      status === 'expired'
        ? '该申请已超过 24 小时未审批，已失效；如仍需重置，请重新申请。'
        : '该申请已有审批结果，请刷新后查看。';
    return new AppError(ErrorCode.CONFLICT, message, {
      reason: 'REQUEST_NOT_PENDING',
      status: status.toUpperCase(),
    });
  }

  private load(id: string) {
    return this.dataSource
      .getRepository(PasswordResetRequest)
      .findOneOrFail({ where: { id }, relations: { target: true } });
  }

  private toModel(r: PasswordResetRequest, viewer: Principal): PasswordResetRequestModel {
    return {
      id: r.id,
      target: r.target as AppUser,
      targetRole: r.targetRole,
      reason: r.reason,
      status: r.status.toUpperCase() as PasswordResetRequestStatusEnum,
      requestedBy: r.requestedBy,
      requestedAt: r.requestedAt,
      expiresAt: r.expiresAt,
      decidedBy: r.decidedBy,
      decidedAt: r.decidedAt,
      decisionReason: r.decisionReason,
      canDecide:
        r.status === 'pending' &&
        viewer.role === Role.SECURITY_ADMIN &&
        viewer.userId !== r.requestedById &&
        viewer.userId !== r.targetUserId,
    };
  }
}
