import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../access/jurisdiction';
import { Clock, CLOCK } from '../auth/clock';
import { Principal, RequestMeta } from '../auth/principal';
import { isUuid } from '../common/uuid';
import { AppError } from '../graphql/app-error';
import { NotificationService } from '../notification/notification.service';
import { recordTaskEvents } from '../task/task-events';
import { capacitiesOn } from '../task/task-scope';
import { assertWritable, LoadedTask, TaskService } from '../task/task.service';
import { TaskStatus } from '../task/task-workflow';
import { NotApplicableRequest } from './not-applicable-request.entity';

export const MAX_REASON = 2000;
export const MAX_DOCUMENT_REFERENCE = 200;
export const MAX_PROOF_FILES = 20;

export interface NotApplicableRequestInput {
  taskId: string;
  reason: string;
  documentReference?: string | null;
  evidenceIds?: string[];
}

/**
 * 不适用: an operator asks that a task be set aside for the unit, with a reason and proof
 * (current evidence files of the task and/or a document reference); the supervisor over the
 * unit (verifier capacity) approves or rejects it with a reason; a provincial supervisor may
 * revoke an approval with a reason. An approved task leaves completion rates and the assessment
 * (analytics-sql.ts, assessment-scores.ts). Each step is a history event and a notification.
 */
@Injectable()
export class NotApplicableService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tasks: TaskService,
    private readonly notifications: NotificationService,
  ) {}

  async request(
    principal: Principal,
    input: NotApplicableRequestInput,
    meta: RequestMeta,
  ): Promise<NotApplicableRequest> {
    const reason = required(input.reason, '请填写不适用的理由。');
    const documentReference = input.documentReference?.normalize('NFC').trim() || null;
    if (documentReference && documentReference.length > MAX_DOCUMENT_REFERENCE) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        `文件依据过长（最多 ${MAX_DOCUMENT_REFERENCE} 字）。`,
        { fields: { documentReference: 'too_long' } },
      );
    }
    const evidenceIds = [...new Set(input.evidenceIds ?? [])];
    if (evidenceIds.length > MAX_PROOF_FILES) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, `最多选择 ${MAX_PROOF_FILES} 份佐证材料。`, {
        fields: { evidenceIds: 'too_many' },
      });
    }
    if (evidenceIds.length === 0 && !documentReference) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        '申请不适用须至少提供一份佐证材料或一项文件依据（如文号）。',
        { fields: { evidenceIds: 'required', documentReference: 'required' } },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const task = await this.lockTask(manager, principal, input.taskId);
      assertWritable(task);
      if (!capacitiesOn(principal, task).operator) {
        await this.tasks.deny(principal, task, 'not_applicable:request', meta);
      }
      if (task.status === TaskStatus.VERIFIED || task.status === TaskStatus.SUBMITTED) {
        throw new AppError(
          ErrorCode.CONFLICT,
          task.status === TaskStatus.VERIFIED
            ? '任务已核验，不能再申请不适用。'
            : '任务已提交核验，请待督导处理后再申请不适用。',
        );
      }
      if (task.notApplicableStatus === 'REQUESTED') {
        throw new AppError(ErrorCode.CONFLICT, '该任务已有待审批的不适用申请。');
      }
      if (task.notApplicableStatus === 'APPROVED') {
        throw new AppError(ErrorCode.CONFLICT, '该任务已认定为不适用。');
      }
      if (evidenceIds.length) {
        const valid = evidenceIds.every(isUuid)
          ? ((
              await manager.query(
                `SELECT count(*)::int AS n FROM evidence WHERE task_id = $1 AND id = ANY($2::uuid[])
                    AND withdrawn_at IS NULL AND superseded_by_id IS NULL`,
                [task.id, evidenceIds],
              )
            )[0].n as number)
          : 0;
        if (valid !== evidenceIds.length) {
          throw new AppError(
            ErrorCode.VALIDATION_FAILED,
            '所选佐证材料须为本任务当前有效的文件（未撤回、未被替换）。',
            { fields: { evidenceIds: 'invalid' } },
          );
        }
      }
      const now = this.clock.now();
      const request = manager.create(NotApplicableRequest, {
        taskId: task.id,
        unitCode: task.unitCode,
        cycleId: task.cycleId,
        reason,
        documentReference,
        evidenceIds,
        requestedBy: principal.username,
        requestedAt: now,
        status: 'PENDING' as const,
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        revokedBy: null,
        revokedAt: null,
        revokeReason: null,
      });
      await manager.insert(NotApplicableRequest, request);
      await this.setStatus(manager, task, 'REQUESTED', principal);
      await recordTaskEvents(manager, [
        event(task, principal, 'not_applicable_requested', meta, reason, now, {
          requestId: request.id,
          notApplicableStatus: 'REQUESTED',
          evidenceIds,
          documentReference,
        }),
      ]);
      const label = await taskLabel(manager, task.id);
      await this.notifications.notify(manager, [
        {
          kind: 'APPROVAL_REQUESTED',
          recipients: { supervisorsOf: [task.unitCode] },
          title: `不适用申请待审批：${label}`,
          body: `${principal.displayName || principal.username} 申请认定该任务对本单位不适用。理由：${reason.slice(0, 200)}`,
          link: `/tasks/${task.id}`,
          taskId: task.id,
          unitCode: task.unitCode,
          dedupeKey: `not-applicable:${request.id}:requested`,
        },
      ]);
      return request;
    });
  }

  async decide(
    principal: Principal,
    input: { requestId: string; approve: boolean; reason: string },
    meta: RequestMeta,
  ): Promise<NotApplicableRequest> {
    const reason = required(
      input.reason,
      input.approve ? '请填写同意的理由。' : '请填写驳回的理由。',
    );
    return this.dataSource.transaction(async (manager) => {
      const request = await this.findRequest(manager, input.requestId);
      const task = await this.lockTask(manager, principal, request.taskId);
      assertWritable(task);
      if (!capacitiesOn(principal, task).verifier) {
        await this.tasks.deny(principal, task, 'not_applicable:decide', meta);
      }
      const current = await manager.findOneOrFail(NotApplicableRequest, {
        where: { id: request.id },
      });
      if (current.status !== 'PENDING') {
        throw new AppError(ErrorCode.CONFLICT, '该不适用申请已处理。');
      }
      const now = this.clock.now();
      const status = input.approve ? 'APPROVED' : 'REJECTED';
      await manager.update(
        NotApplicableRequest,
        { id: current.id },
        { status, decidedBy: principal.username, decidedAt: now, decisionReason: reason },
      );
      await this.setStatus(manager, task, status, principal);
      await recordTaskEvents(manager, [
        event(
          task,
          principal,
          'not_applicable_decided',
          meta,
          reason,
          now,
          { requestId: current.id, notApplicableStatus: status },
          { notApplicableStatus: 'REQUESTED' },
        ),
      ]);
      const label = await taskLabel(manager, task.id);
      await this.notifications.notify(manager, [
        {
          kind: 'APPROVAL_DECIDED',
          recipients: {
            usernames: [current.requestedBy],
            unitOperators: [{ unitCode: task.unitCode, departmentId: task.leadDepartmentId }],
          },
          title: `不适用申请${input.approve ? '已同意' : '被驳回'}：${label}`,
          body: `${principal.displayName || principal.username}${input.approve ? '同意' : '驳回'}了不适用申请。理由：${reason.slice(0, 200)}`,
          link: `/tasks/${task.id}`,
          taskId: task.id,
          unitCode: task.unitCode,
          dedupeKey: `not-applicable:${current.id}:decided`,
        },
      ]);
      return manager.findOneOrFail(NotApplicableRequest, { where: { id: current.id } });
    });
  }

  /** A provincial supervisor reverses an approval: the task applies (and counts) again. */
  async revoke(
    principal: Principal,
    input: { requestId: string; reason: string },
    meta: RequestMeta,
  ): Promise<NotApplicableRequest> {
    const reason = required(input.reason, '请填写撤销不适用认定的理由。');
    return this.dataSource.transaction(async (manager) => {
      const request = await this.findRequest(manager, input.requestId);
      const task = await this.lockTask(manager, principal, request.taskId);
      assertWritable(task);
      if (!capacitiesOn(principal, task).provincial) {
        await this.tasks.deny(principal, task, 'not_applicable:revoke', meta);
      }
      const current = await manager.findOneOrFail(NotApplicableRequest, {
        where: { id: request.id },
      });
      if (current.status !== 'APPROVED' || task.notApplicableStatus !== 'APPROVED') {
        throw new AppError(ErrorCode.CONFLICT, '只能撤销当前有效的不适用认定。');
      }
      const now = this.clock.now();
      await manager.update(
        NotApplicableRequest,
        { id: current.id },
        { status: 'REVOKED', revokedBy: principal.username, revokedAt: now, revokeReason: reason },
      );
      await this.setStatus(manager, task, null, principal);
      await recordTaskEvents(manager, [
        event(
          task,
          principal,
          'not_applicable_revoked',
          meta,
          reason,
          now,
          { requestId: current.id, notApplicableStatus: null },
          { notApplicableStatus: 'APPROVED' },
        ),
      ]);
      const label = await taskLabel(manager, task.id);
      await this.notifications.notify(manager, [
        {
          kind: 'APPROVAL_DECIDED',
          recipients: {
            usernames: [current.requestedBy],
            unitOperators: [{ unitCode: task.unitCode, departmentId: task.leadDepartmentId }],
            supervisorsOf: [task.unitCode],
          },
          title: `不适用认定已撤销：${label}`,
          body: `${principal.displayName || principal.username}撤销了该任务的不适用认定，任务重新纳入统计与考核。理由：${reason.slice(0, 200)}`,
          link: `/tasks/${task.id}`,
          taskId: task.id,
          unitCode: task.unitCode,
          dedupeKey: `not-applicable:${current.id}:revoked`,
        },
      ]);
      return manager.findOneOrFail(NotApplicableRequest, { where: { id: current.id } });
    });
  }

  /** The task's requests, newest first (NOT_FOUND outside the jurisdiction). */
  async list(principal: Principal, taskId: string): Promise<NotApplicableRequest[]> {
    if (!isUuid(taskId)) throw notFound('任务');
    const task = await this.tasks.visible(principal, taskId);
    return this.dataSource.manager.find(NotApplicableRequest, {
      where: { taskId: task.id },
      order: { requestedAt: 'DESC', id: 'DESC' },
    });
  }

  private async lockTask(
    manager: EntityManager,
    principal: Principal,
    taskId: string,
  ): Promise<LoadedTask> {
    if (!isUuid(taskId)) throw notFound('任务');
    await manager.query('SELECT 1 FROM task WHERE id = $1 FOR UPDATE', [taskId]);
    return this.tasks.visible(principal, taskId, manager);
  }

  private async findRequest(manager: EntityManager, id: string): Promise<NotApplicableRequest> {
    const request = isUuid(id)
      ? await manager.findOne(NotApplicableRequest, { where: { id } })
      : null;
    if (!request) throw notFound('不适用申请');
    return request;
  }

  /** The task's mirror of its latest request; bumps the row version (others reload). */
  private async setStatus(
    manager: EntityManager,
    task: LoadedTask,
    status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | null,
    principal: Principal,
  ): Promise<void> {
    await manager.query(
      `UPDATE task SET not_applicable_status = $2, row_version = row_version + 1,
              updated_by = $3, updated_at = now() WHERE id = $1`,
      [task.id, status, principal.username],
    );
  }
}

function required(raw: string, empty: string): string {
  const text = (raw ?? '').normalize('NFC').trim();
  if (!text) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, empty, { fields: { reason: '请填写理由。' } });
  }
  if (text.length > MAX_REASON) {
    throw new AppError(
      ErrorCode.VALIDATION_FAILED,
      `理由过长（最多 ${MAX_REASON} 字，当前 ${text.length} 字）。`,
      { fields: { reason: 'too_long' } },
    );
  }
  return text;
}

function event(
  task: LoadedTask,
  principal: Principal,
  kind: string,
  meta: RequestMeta,
  reason: string,
  occurredAt: Date,
  after: object,
  before: object | null = { notApplicableStatus: task.notApplicableStatus },
) {
  return {
    taskId: task.id,
    unitCode: task.unitCode,
    cycleId: task.cycleId,
    actorUsername: principal.username,
    kind,
    before,
    after,
    reason,
    ip: meta.ip,
    occurredAt,
  };
}

async function taskLabel(manager: EntityManager, taskId: string): Promise<string> {
  const [row] = await manager.query(
    `SELECT u.name AS unit_name, a.number AS article, d.subject
       FROM task t JOIN admin_unit u ON u.code = t.unit_code
       JOIN duty d ON d.id = t.duty_id JOIN regulation_article a ON a.id = d.article_id
      WHERE t.id = $1`,
    [taskId],
  );
  const subject = String(row.subject ?? '');
  return `第${row.article}条 ${subject.length > 30 ? `${subject.slice(0, 30)}…` : subject}（${row.unit_name}）`;
}
