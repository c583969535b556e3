import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../access/jurisdiction';
import { Clock, CLOCK } from '../auth/clock';
import { Principal, RequestMeta } from '../auth/principal';
import { Department } from '../admin-unit/department.entity';
import { AppError } from '../graphql/app-error';
import { NotificationService } from '../notification/notification.service';
import { recordTaskEvents } from '../task/task-events';
import { capacitiesOn } from '../task/task-scope';
import { assertWritable, LoadedTask, TaskService } from '../task/task.service';
import { TaskStatus } from '../task/task-workflow';
import { applyLeadChanges, departmentNames } from './lead-change';
import { notifyLeadChanges, taskLabels } from './lead-change-notifications';
import { TaskReassignment } from './task-reassignment.entity';

const MAX_REASON = 2000;

/**
 * 签收 and 转办 (issue 16, items 4 and 6). Every operation loads the task through the task
 * scope (NOT_FOUND outside the caller's jurisdiction) and checks the caller's capacity on that
 * very task: the lead department's operator acknowledges and asks; the supervisor over the unit
 * (the verifier) decides and reassigns directly.
 */
@Injectable()
export class TaskAssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tasks: TaskService,
    private readonly notifications: NotificationService,
  ) {}

  /** 转办申请 by the lead department's operator: PENDING until the supervisor decides. */
  requestReassignment(
    principal: Principal,
    input: { taskId: string; toDepartmentId: string; reason: string },
    meta: RequestMeta,
  ): Promise<TaskReassignment> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.visible(principal, input.taskId, manager);
      assertWritable(task);
      if (!capacitiesOn(principal, task).operator) {
        await this.tasks.deny(principal, task, 'reassignment:request', meta);
      }
      const reason = requiredReason(input.reason, 'reason', '请填写转办理由。');
      const target = await this.assertTarget(manager, task, input.toDepartmentId);
      await this.assertNoPending(manager, task.id, '该任务已有待审批的转办申请，请等待督导审批。');
      const request = await manager.save(TaskReassignment, {
        taskId: task.id,
        unitCode: task.unitCode,
        cycleId: task.cycleId,
        kind: 'REQUEST' as const,
        fromDepartmentId: task.leadDepartmentId,
        toDepartmentId: target.id,
        reason,
        requestedBy: principal.username,
        requestedAt: this.clock.now(),
        status: 'PENDING' as const,
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        appliedAt: null,
      });
      const names = await departmentNames(manager, [task.leadDepartmentId, target.id]);
      await recordTaskEvents(manager, [
        {
          taskId: task.id,
          unitCode: task.unitCode,
          cycleId: task.cycleId,
          actorUsername: principal.username,
          kind: 'reassignment_requested',
          before: {
            leadDepartmentId: task.leadDepartmentId,
            leadDepartment: names.get(task.leadDepartmentId) ?? null,
          },
          after: {
            toDepartmentId: target.id,
            toDepartment: target.name,
            requestId: request.id,
          },
          reason,
          ip: meta.ip,
        },
      ]);
      const label = (await taskLabels(manager, [task.id])).get(task.id) ?? '';
      await this.notifications.notify(manager, [
        {
          kind: 'APPROVAL_REQUESTED',
          recipients: { supervisorsOf: [task.unitCode] },
          title: `转办申请待审批：${label}`,
          body: `${principal.displayName}申请将该任务的牵头部门由“${names.get(task.leadDepartmentId) ?? ''}”转为“${target.name}”。理由：${reason}`,
          link: `/tasks/${task.id}`,
          taskId: task.id,
          unitCode: task.unitCode,
          dedupeKey: `reassignment-requested:${request.id}`,
        },
      ]);
      return request;
    });
  }

  /** The supervisor's decision on a 转办申请: approved requests are applied at once. */
  decideReassignment(
    principal: Principal,
    input: { requestId: string; approve: boolean; reason?: string },
    meta: RequestMeta,
  ): Promise<TaskReassignment> {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager
        .createQueryBuilder(TaskReassignment, 'r')
        .setLock('pessimistic_write')
        .where('r.id = :id', { id: input.requestId })
        .getOne();
      if (!request) throw notFound('转办申请');
      // Outside the jurisdiction: the request does not exist for the caller.
      const task = await this.visible(principal, request.taskId, manager, '转办申请');
      assertWritable(task);
      if (!capacitiesOn(principal, task).verifier) {
        await this.tasks.deny(principal, task, 'reassignment:decide', meta);
      }
      if (request.status !== 'PENDING') {
        throw new AppError(ErrorCode.CONFLICT, '该转办申请已处理。', {
          reason: 'ALREADY_DECIDED',
          status: request.status,
        });
      }
      const reason = input.approve
        ? optionalReason(input.reason)
        : requiredReason(input.reason, 'reason', '不同意转办时请填写理由，申请人会看到。');
      if (input.approve) {
        if (task.leadDepartmentId !== request.fromDepartmentId) {
          throw new AppError(
            ErrorCode.CONFLICT,
            '任务的牵头部门在申请后已变更，该申请已不适用，请不同意并说明情况。',
            { reason: 'LEAD_CHANGED' },
          );
        }
        assertNotVerified(task);
      }
      const now = this.clock.now();
      await manager.update(
        TaskReassignment,
        { id: request.id },
        {
          status: input.approve ? 'APPROVED' : 'REJECTED',
          decidedBy: principal.username,
          decidedAt: now,
          decisionReason: reason,
          appliedAt: input.approve ? now : null,
        },
      );
      const names = await departmentNames(manager, [
        request.fromDepartmentId,
        request.toDepartmentId,
      ]);
      await recordTaskEvents(manager, [
        {
          taskId: task.id,
          unitCode: task.unitCode,
          cycleId: task.cycleId,
          actorUsername: principal.username,
          kind: 'reassignment_decided',
          before: { requestId: request.id, status: 'PENDING' },
          after: {
            requestId: request.id,
            decision: input.approve ? 'APPROVED' : 'REJECTED',
            toDepartmentId: request.toDepartmentId,
            toDepartment: names.get(request.toDepartmentId) ?? null,
          },
          reason,
          ip: meta.ip,
        },
      ]);
      const label = (await taskLabels(manager, [task.id])).get(task.id) ?? '';
      if (input.approve) {
        const applied = await applyLeadChanges(
          manager,
          [
            {
              taskId: task.id,
              fromDepartmentId: request.fromDepartmentId,
              toDepartmentId: request.toDepartmentId,
            },
          ],
          {
            actor: principal.username,
            via: 'REQUEST',
            reason: request.reason,
            ip: meta.ip,
            reassignmentId: request.id,
          },
        );
        await notifyLeadChanges(
          this.notifications,
          manager,
          applied,
          '转办申请经督导审批同意',
          `reassigned:${request.id}`,
        );
      }
      await this.notifications.notify(manager, [
        {
          kind: 'APPROVAL_DECIDED',
          recipients: { usernames: [request.requestedBy] },
          title: `转办申请${input.approve ? '已同意' : '未同意'}：${label}`,
          body: input.approve
            ? `督导同意将该任务转由“${names.get(request.toDepartmentId) ?? ''}”牵头办理。${reason ? `意见：${reason}` : ''}`
            : `督导不同意将该任务转由“${names.get(request.toDepartmentId) ?? ''}”牵头办理，理由：${reason}`,
          link: `/tasks/${task.id}`,
          taskId: task.id,
          unitCode: task.unitCode,
          dedupeKey: `reassignment-decided:${request.id}`,
        },
      ]);
      return manager.findOneOrFail(TaskReassignment, { where: { id: request.id } });
    });
  }

  /** 转办 by the supervisor over the unit, directly, with a reason. */
  reassign(
    principal: Principal,
    input: { taskId: string; toDepartmentId: string; reason: string; expectedRowVersion: number },
    meta: RequestMeta,
  ): Promise<TaskReassignment> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.visible(principal, input.taskId, manager);
      assertWritable(task);
      if (!capacitiesOn(principal, task).verifier) {
        await this.tasks.deny(principal, task, 'reassignment:direct', meta);
      }
      if (task.rowVersion !== input.expectedRowVersion) {
        throw new AppError(ErrorCode.CONFLICT, '任务已被他人修改，请刷新后重试；未转办。', {
          reason: 'STALE_ROW_VERSION',
          current: { rowVersion: task.rowVersion, leadDepartmentId: task.leadDepartmentId },
        });
      }
      const reason = requiredReason(input.reason, 'reason', '请填写转办理由。');
      const target = await this.assertTarget(manager, task, input.toDepartmentId);
      await this.assertNoPending(
        manager,
        task.id,
        '该任务有待审批的转办申请，请先审批该申请，再直接转办。',
      );
      const now = this.clock.now();
      const record = await manager.save(TaskReassignment, {
        taskId: task.id,
        unitCode: task.unitCode,
        cycleId: task.cycleId,
        kind: 'DIRECT' as const,
        fromDepartmentId: task.leadDepartmentId,
        toDepartmentId: target.id,
        reason,
        requestedBy: principal.username,
        requestedAt: now,
        status: 'APPLIED' as const,
        decidedBy: principal.username,
        decidedAt: now,
        decisionReason: null,
        appliedAt: now,
      });
      const applied = await applyLeadChanges(
        manager,
        [
          {
            taskId: task.id,
            fromDepartmentId: task.leadDepartmentId,
            toDepartmentId: target.id,
          },
        ],
        {
          actor: principal.username,
          via: 'DIRECT',
          reason,
          ip: meta.ip,
          reassignmentId: record.id,
        },
      );
      if (applied.length !== 1) {
        throw new AppError(ErrorCode.CONFLICT, '任务已被他人修改，请刷新后重试；未转办。', {
          reason: 'STALE_ROW_VERSION',
        });
      }
      await notifyLeadChanges(
        this.notifications,
        manager,
        applied,
        `督导直接转办（理由：${reason}）`,
        `reassigned:${record.id}`,
      );
      return record;
    });
  }

  private async visible(
    principal: Principal,
    taskId: string,
    manager: EntityManager,
    what: string,
  ): Promise<LoadedTask> {
    try {
      return await this.tasks.visible(principal, taskId, manager);
    } catch (error) {
      if (error instanceof AppError && error.extensions.code === ErrorCode.NOT_FOUND) {
        throw notFound(what);
      }
      throw error;
    }
  }

  /** A department of the task's own unit, other than the current lead; the task not yet verified. */
  private async assertTarget(
    manager: EntityManager,
    task: LoadedTask,
    toDepartmentId: string,
  ): Promise<Department> {
    assertNotVerified(task);
    const target = UUID.test(toDepartmentId)
      ? await manager.findOne(Department, { where: { id: toDepartmentId } })
      : null;
    if (!target || target.unitCode !== task.unitCode) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        '只能转办给本单位的其他部门，所选部门不存在或不属于该单位。',
        { fields: { toDepartmentId: 'not_in_unit' } },
      );
    }
    if (target.id === task.leadDepartmentId) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '所选部门已是该任务的牵头部门。', {
        fields: { toDepartmentId: 'same_department' },
      });
    }
    return target;
  }

  private async assertNoPending(
    manager: EntityManager,
    taskId: string,
    message: string,
  ): Promise<void> {
    const pending = await manager.exists(TaskReassignment, {
      where: { taskId, status: 'PENDING' },
    });
    if (pending) throw new AppError(ErrorCode.CONFLICT, message, { reason: 'PENDING_REQUEST' });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function assertNotVerified(task: LoadedTask): void {
  if (task.status === TaskStatus.VERIFIED) {
    throw new AppError(
      ErrorCode.CONFLICT,
      '任务已核验办结，不能转办；如确需调整，请先由省级督导重新打开任务。',
      { reason: 'TASK_VERIFIED' },
    );
  }
}

function requiredReason(value: string | undefined, field: string, message: string): string {
  const reason = value?.trim() ?? '';
  if (!reason)
    throw new AppError(ErrorCode.VALIDATION_FAILED, message, { fields: { [field]: message } });
  if (reason.length > MAX_REASON) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, `理由过长（最多 ${MAX_REASON} 字）。`, {
      fields: { [field]: 'too_long' },
    });
  }
  return reason;
}

function optionalReason(value: string | undefined): string | null {
  const reason = value?.trim();
  if (!reason) return null;
  return requiredReason(reason, 'reason', '');
}
