import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../access/jurisdiction';
import { Clock, CLOCK } from '../auth/clock';
import { Principal, RequestMeta } from '../auth/principal';
import { entityColumnsSql, hydrateEntity, PositionalParams } from '../common/entity-rows';
import { isIsoDate } from '../common/iso-date';
import { AppError } from '../graphql/app-error';
import { AuditAction, SecurityAuditService } from '../security-audit/security-audit.service';
import { NotificationService } from '../notification/notification.service';
import {
  extensionDecidedNotification,
  formatTaskLabel,
  taskReviewedNotification,
} from '../notification/task-notifications';
import { assertReadyToSubmit, currentEvidenceCountSql, submissionProblem } from './task-submission';
import { capacitiesOn, taskScopeSql } from './task-scope';
import { NewTaskEvent, recordTaskEvents, taskEventInsertFromSql } from './task-events';
import { TaskExtensionRequest } from './task-extension.entity';
import { Task } from './task.entity';
import { findTransition, mayTransition, TaskStatus, TASK_STATUS_ZH } from './task-workflow';
import { personLabels } from '../user/person';

export interface TaskChange {
  taskId: string;
  expectedRowVersion: number;
  progressNote?: string;
  measures?: string;
  status?: TaskStatus;
  reason?: string;
}

export interface LoadedTask extends Task {
  unitParentCode: string | null;
  unitLevel: string;
  cycleState: string;
  /** The label notifications give the task, when `visible` was asked to read it. */
  label?: string;
}

const MAX_NOTE = 10_000;

/**
 * The daily work on tasks: notes, measures, status transitions, extensions and contributions.
 * Every change checks the caller's capacity on that very task, carries the row version the
 * caller read (a stale one is a CONFLICT with the current state: nothing is overwritten), and
 * appends one history event in the same transaction.
 */
@Injectable()
export class TaskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: SecurityAuditService,
    private readonly notifications: NotificationService,
  ) {}

  /**
   * A task the principal may see, or NOT_FOUND (also for tasks of other units). `lock`: the row
   * is locked (FOR UPDATE) by the same statement, for a change that must hold it before reading
   * anything else about the task; `label`: also its label for a notification (formatTaskLabel).
   * One hand-written statement: every task change starts here.
   */
  async visible(
    principal: Principal,
    taskId: string,
    manager: EntityManager = this.dataSource.manager,
    { lock = false, label = false }: { lock?: boolean; label?: boolean } = {},
  ): Promise<LoadedTask> {
    const params = new PositionalParams();
    const id = params.add(taskId);
    const scope = taskScopeSql(principal, (_name, value) => params.add(value));
    const labelColumns = label
      ? ', u.name AS label_unit, a.number AS label_article, d.subject AS label_subject'
      : '';
    const labelJoins = label
      ? `LEFT JOIN duty d ON d.id = t.duty_id
         LEFT JOIN regulation_article a ON a.id = d.article_id`
      : '';
    const rows = (await manager.query(
      `SELECT ${entityColumnsSql(manager.connection, Task, 't')},
              u.parent_code AS unit_parent, u.level AS unit_level, c.state AS cycle_state
              ${labelColumns}
         FROM task t
         JOIN admin_unit u ON u.code = t.unit_code
         JOIN assessment_cycle c ON c.id = t.cycle_id
         ${labelJoins}
        WHERE t.id = ${id} AND ${scope}${lock ? ' FOR UPDATE OF t' : ''}`,
      params.values,
    )) as Array<Record<string, unknown>>;
    const row = rows[0];
    if (!row) throw notFound('任务');
    return Object.assign(hydrateEntity(manager.connection, Task, row), {
      unitParentCode: row.unit_parent as string | null,
      unitLevel: row.unit_level as string,
      cycleState: row.cycle_state as string,
      ...(label
        ? {
            label: formatTaskLabel({
              unit_name: row.label_unit as string,
              article: row.label_article as number,
              subject: row.label_subject as string | null,
            }),
          }
        : {}),
    });
  }

  /**
   * Every change tried in order, each under its own savepoint, so that one failure does not
   * hide the next: when all pass they are committed together, otherwise nothing is (the whole
   * transaction rolls back) and each failure is returned with the index of its change. Used by
   * the spreadsheet upload, which must name every bad row at once. `dryRun`: only check, apply
   * nothing even when all pass.
   */
  async applyOrReportEach(
    principal: Principal,
    changes: TaskChange[],
    meta: RequestMeta,
    { dryRun = false }: { dryRun?: boolean } = {},
  ): Promise<{ saved: Task[]; failures: Array<{ index: number; error: AppError }> }> {
    if (new Set(changes.map((c) => c.taskId)).size !== changes.length) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '同一任务在一次提交中只能出现一次。');
    }
    const failures: Array<{ index: number; error: AppError }> = [];
    const rollback = Symbol('rollback');
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        const results: Task[] = [];
        for (const [index, change] of changes.entries()) {
          await manager.query('SAVEPOINT task_change');
          try {
            results.push(await this.applyOne(manager, principal, change, meta));
            await manager.query('RELEASE SAVEPOINT task_change');
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            await manager.query('ROLLBACK TO SAVEPOINT task_change');
            failures.push({ index, error });
          }
        }
        if (failures.length || dryRun) throw rollback;
        return results;
      });
      return { saved, failures };
    } catch (error) {
      if (error === rollback) return { saved: [], failures };
      throw error;
    }
  }

  /** One or several changes, all or nothing (bulk calls pass several). */
  apply(principal: Principal, changes: TaskChange[], meta: RequestMeta): Promise<Task[]> {
    if (changes.length === 0) return Promise.resolve([]);
    if (new Set(changes.map((c) => c.taskId)).size !== changes.length) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '同一任务在一次提交中只能出现一次。');
    }
    if (changes.length === 1 && standsAlone(changes[0])) {
      // No transaction: the task is read by one statement and changed by one more, which is
      // atomic by itself (the UPDATE, its history row and — by the database's triggers — the
      // rollups, the trend and the hash chain) and applies only to the row version that was
      // read and checked (every writer of a task moves its version). BEGIN and COMMIT would be
      // two more round trips, and the rollup rows the UPDATE locks would stay locked over them.
      return this.applyOne(this.dataSource.manager, principal, changes[0], meta).then((task) => [
        task,
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const results: Task[] = [];
      for (const [index, change] of changes.entries()) {
        try {
          results.push(await this.applyOne(manager, principal, change, meta));
        } catch (error) {
          if (changes.length > 1 && error instanceof AppError) {
            throw new AppError(
              error.extensions.code as ErrorCode,
              `第 ${index + 1} 项：${error.message}`,
              {
                ...((error.extensions.details as object) ?? {}),
                index,
                taskId: change.taskId,
              },
            );
          }
          throw error;
        }
      }
      return results;
    });
  }

  private async applyOne(
    manager: EntityManager,
    principal: Principal,
    change: TaskChange,
    meta: RequestMeta,
  ): Promise<Task> {
    // A submission locks the row before counting its evidence (see assertReadyToSubmit): in
    // the statement that reads it, rather than in one more.
    // A review (退回, 审核通过) notifies the operators: the task's label is read with it.
    const task = await this.visible(principal, change.taskId, manager, {
      lock: change.status === TaskStatus.SUBMITTED,
      label: change.status === TaskStatus.RETURNED || change.status === TaskStatus.VERIFIED,
    });
    const can = capacitiesOn(principal, task);
    assertWritable(task);
    const next: Partial<Task> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const set = <K extends keyof Task>(key: K, value: Task[K]) => {
      if (task[key] === value) return;
      before[key] = task[key];
      after[key] = value;
      next[key] = value;
    };

    if (change.progressNote !== undefined || change.measures !== undefined) {
      if (!can.operator) await this.deny(principal, task, 'edit', meta);
      if (task.status === TaskStatus.VERIFIED || task.status === TaskStatus.SUBMITTED) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `任务${TASK_STATUS_ZH[task.status]}，不能修改进展；如需修改请先由督导退回或重新打开。`,
        );
      }
      if (change.progressNote !== undefined)
        set('progressNote', limit(change.progressNote, 'progressNote'));
      if (change.measures !== undefined) set('measures', limit(change.measures, 'measures'));
    }

    let kind = 'updated';
    let requireEvidence = false;
    if (change.status !== undefined && change.status !== task.status) {
      // An approved 不适用 task is out of the completion rates and the assessment; moving its
      // status would count work that was declared not to apply. Revoking comes first.
      if (task.notApplicableStatus === 'APPROVED') {
        throw new AppError(
          ErrorCode.CONFLICT,
          '该任务已核准为不适用，状态不能再变更；如需恢复办理，请由省级督导撤销不适用。',
          { reason: 'NOT_APPLICABLE' },
        );
      }
      const transition = findTransition(task.status, change.status);
      if (!transition) {
        throw new AppError(
          ErrorCode.VALIDATION_FAILED,
          `不能将任务从“${TASK_STATUS_ZH[task.status]}”改为“${TASK_STATUS_ZH[change.status]}”。`,
          { fields: { status: 'invalid_transition' } },
        );
      }
      if (!mayTransition(can, transition))
        await this.deny(principal, task, `status:${change.status}`, meta);
      const reason = change.reason?.trim();
      if (transition.reason && !reason) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, '退回或重新打开任务必须填写原因。', {
          fields: { reason: '请填写原因。' },
        });
      }
      if (change.status === TaskStatus.SUBMITTED) {
        // The evidence is counted by the statement that submits, under the row lock taken by
        // the read above; the slower way only to name every problem, or before a CONFLICT.
        const candidate = { ...task, ...next };
        if (task.rowVersion === change.expectedRowVersion && candidate.progressNote?.trim()) {
          requireEvidence = true;
        } else {
          await assertReadyToSubmit(manager, candidate, { rowLocked: true });
        }
      }
      set('status', change.status);
      if (change.status === TaskStatus.VERIFIED) set('completedAt', this.clock.now());
      if (task.status === TaskStatus.VERIFIED) set('completedAt', null);
      if (change.status === TaskStatus.RETURNED) next.returnCount = task.returnCount + 1;
      kind = 'status';
    }
    if (Object.keys(after).length === 0) {
      // Nothing would change, but a caller who read an older version must still hear so: a
      // repeated 退回 with its own reason is not done, and the reason would be lost.
      if (task.rowVersion !== change.expectedRowVersion) throw await staleVersion(manager, task);
      return task;
    }
    // Every check above was made on the row as read: a caller who read another version hears so
    // now (the row read is the current one), and the UPDATE below applies only to this version.
    if (task.rowVersion !== change.expectedRowVersion) throw await staleVersion(manager, task);
    if (next.status === TaskStatus.RETURNED || next.status === TaskStatus.VERIFIED) {
      // Before the UPDATE, in its transaction: the rollup rows it locks are held only until the
      // COMMIT that follows it.
      await this.notifications.notify(manager, [
        await taskReviewedNotification(
          manager,
          task,
          next.status,
          change.reason,
          principal.username,
          task.label,
        ),
      ]);
    }
    return this.update(
      manager,
      task,
      change.expectedRowVersion,
      {
        ...next,
        // The review queue's order and its 提交人: now() is the time the event records.
        ...(next.status === TaskStatus.SUBMITTED
          ? { submittedAt: () => 'now()', submittedBy: principal.username }
          : {}),
        updatedBy: principal.username,
      } as unknown as Partial<Task>,
      {
        event: this.event(task, principal, kind, before, after, change.reason, meta),
        requireEvidence: requireEvidence ? { ...task, ...next } : undefined,
      },
    );
  }

  async requestExtension(
    principal: Principal,
    input: { taskId: string; expectedRowVersion: number; newDueDate: string; reason: string },
    meta: RequestMeta,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.visible(principal, input.taskId, manager);
      assertWritable(task);
      if (!capacitiesOn(principal, task).operator)
        await this.deny(principal, task, 'extension:request', meta);
      if (task.status === TaskStatus.VERIFIED)
        throw new AppError(ErrorCode.CONFLICT, '任务已核验，无需延期。');
      if (!isIsoDate(input.newDueDate) || input.newDueDate <= task.dueDate) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, '延期后的日期须晚于当前截止日期。', {
          fields: { newDueDate: '日期无效。' },
        });
      }
      if (!input.reason.trim())
        throw new AppError(ErrorCode.VALIDATION_FAILED, '请填写延期原因。', {
          fields: { reason: '请填写原因。' },
        });
      const pending = await manager.exists(TaskExtensionRequest, {
        where: { taskId: task.id, state: 'pending' },
      });
      if (pending) throw new AppError(ErrorCode.CONFLICT, '该任务已有待审批的延期申请。');
      // Touch the task (row version) so the request is serialised with other changes.
      const saved = await this.update(manager, task, input.expectedRowVersion, {
        updatedBy: principal.username,
      });
      const request = await manager.save(TaskExtensionRequest, {
        taskId: task.id,
        requestedDueDate: input.newDueDate,
        reason: limit(input.reason.trim(), 'reason'),
        state: 'pending' as const,
        requestedBy: principal.username,
        requestedAt: this.clock.now(),
      });
      await recordTaskEvents(manager, [
        this.event(
          task,
          principal,
          'extension_requested',
          { dueDate: task.dueDate },
          { requestedDueDate: input.newDueDate, requestId: request.id },
          input.reason,
          meta,
        ),
      ]);
      return { task: saved, request };
    });
  }

  async decideExtension(
    principal: Principal,
    input: { requestId: string; expectedRowVersion: number; approve: boolean; note?: string },
    meta: RequestMeta,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(TaskExtensionRequest, {
        where: { id: input.requestId },
      });
      if (!request) throw notFound('延期申请');
      const task = await this.visible(principal, request.taskId, manager);
      assertWritable(task);
      if (!capacitiesOn(principal, task).verifier)
        await this.deny(principal, task, 'extension:decide', meta);
      if (request.state !== 'pending') throw new AppError(ErrorCode.CONFLICT, '该延期申请已处理。');
      const changes: Partial<Task> = { updatedBy: principal.username };
      if (input.approve) {
        changes.dueDate = request.requestedDueDate;
        changes.extensionCount = task.extensionCount + 1;
      }
      const saved = await this.update(manager, task, input.expectedRowVersion, changes);
      await manager.update(
        TaskExtensionRequest,
        { id: request.id },
        {
          state: input.approve ? 'approved' : 'refused',
          decidedBy: principal.username,
          decidedAt: this.clock.now(),
          decisionNote: input.note?.trim() || null,
        },
      );
      await recordTaskEvents(manager, [
        this.event(
          task,
          principal,
          'extension_decided',
          { dueDate: task.dueDate, extensionCount: task.extensionCount },
          {
            decision: input.approve ? 'approved' : 'refused',
            dueDate: saved.dueDate,
            extensionCount: saved.extensionCount,
          },
          input.note,
          meta,
        ),
      ]);
      await this.notifications.notify(manager, [
        await extensionDecidedNotification(manager, task, {
          approved: input.approve,
          dueDate: saved.dueDate,
          note: input.note,
          actor: principal.username,
        }),
      ]);
      return {
        task: saved,
        request: await manager.findOneOrFail(TaskExtensionRequest, { where: { id: request.id } }),
      };
    });
  }

  async setContribution(
    principal: Principal,
    input: { taskId: string; note: string },
    meta: RequestMeta,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.visible(principal, input.taskId, manager);
      assertWritable(task);
      const [assist] = await manager.query(
        `SELECT contribution_note FROM task_assist WHERE task_id = $1 AND department_id = $2`,
        [task.id, principal.departmentId],
      );
      if (!assist || principal.unitCode !== task.unitCode)
        await this.deny(principal, task, 'contribution', meta);
      const note = limit(input.note, 'note');
      await manager.query(
        `UPDATE task_assist SET contribution_note = $3, updated_by = $4, updated_at = now() WHERE task_id = $1 AND department_id = $2`,
        [task.id, principal.departmentId, note, principal.username],
      );
      await recordTaskEvents(manager, [
        this.event(
          task,
          principal,
          'contribution',
          { contributionNote: assist.contribution_note },
          { contributionNote: note, departmentId: principal.departmentId },
          null,
          meta,
        ),
      ]);
      return task;
    });
  }

  /**
   * UPDATE … WHERE id AND row_version: the only way a task row changes. `event`: the history row
   * of the change, inserted by the same statement (only when the row is updated). `requireEvidence`:
   * a submission of this task (as it will be): the same statement counts its current evidence and
   * updates only when there is some, else the refusal of assertReadyToSubmit — in a transaction
   * that locked the row in an earlier statement (see assertReadyToSubmit).
   */
  private async update(
    manager: EntityManager,
    task: LoadedTask,
    expected: number,
    changes: Partial<Task>,
    {
      event,
      requireEvidence,
    }: { event?: NewTaskEvent; requireEvidence?: Pick<Task, 'progressNote'> } = {},
  ): Promise<Task> {
    const metadata = manager.connection.getMetadata(Task);
    const { driver } = manager.connection;
    const params = new PositionalParams();
    const sets: string[] = [];
    for (const [property, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`Task has no column for ${property}.`);
      // A function is SQL (now()), as in a query builder's set().
      const sql =
        typeof value === 'function'
          ? (value as () => string)()
          : params.add(driver.preparePersistentValue(value, column));
      sets.push(`${driver.escape(column.databaseName)} = ${sql}`);
    }
    const id = params.add(task.id);
    const ctes = [
      ...(requireEvidence ? [`n AS (SELECT ${currentEvidenceCountSql(id)} AS evidence)`] : []),
      `upd AS (
        UPDATE task SET ${[...sets, 'row_version = row_version + 1', 'updated_at = now()'].join(', ')}
         WHERE id = ${id} AND row_version = ${params.add(expected)}
               ${requireEvidence ? 'AND (SELECT evidence FROM n) > 0' : ''}
        RETURNING *)`,
      ...(event ? [`ev AS (${taskEventInsertFromSql(manager, event, params, 'upd')})`] : []),
    ];
    const rows = (await manager.query(
      `WITH ${ctes.join(', ')}
       ${requireEvidence ? 'SELECT n.evidence AS "__evidence", upd.* FROM n LEFT JOIN upd ON TRUE' : 'SELECT * FROM upd'}`,
      params.values,
    )) as Record<string, unknown>[];
    const row = rows[0];
    if (!row || row.id == null) {
      const problem =
        requireEvidence && row && submissionProblem(requireEvidence, row.__evidence as number);
      if (problem) throw problem;
      throw await staleVersion(
        manager,
        await manager.findOneOrFail(Task, { where: { id: task.id } }),
      );
    }
    return hydrateEntity(manager.connection, Task, row);
  }

  private event(
    task: LoadedTask,
    principal: Principal,
    kind: string,
    before: object | null,
    after: object | null,
    reason: string | null | undefined,
    meta: RequestMeta,
  ): NewTaskEvent {
    return {
      taskId: task.id,
      unitCode: task.unitCode,
      cycleId: task.cycleId,
      actorUsername: principal.username,
      kind,
      before,
      after,
      reason: reason?.trim() || null,
      ip: meta.ip,
    };
  }

  /** Records the refusal in the security audit log and throws FORBIDDEN. */
  async deny(
    principal: Principal,
    task: LoadedTask,
    what: string,
    meta: RequestMeta,
  ): Promise<never> {
    await this.audit.record({
      action: AuditAction.PermissionDenied,
      result: 'denied',
      actor: { id: principal.userId, username: principal.username },
      target: `task:${task.id}`,
      ip: meta.ip,
      detail: { operation: what },
    });
    throw new AppError(ErrorCode.FORBIDDEN, '您不能对该任务执行此操作。');
  }
}

/**
 * CONFLICT for a caller who read an older row version, with the current state and who made it
 * (by name and office: the conflict panel says whose change the user ran into).
 */
async function staleVersion(manager: EntityManager, current: Task): Promise<AppError> {
  // On the transaction's connection: a second one from the pool, while this one is held, could
  // wait for ever when as many conflicting changes as the pool has connections arrive at once.
  const updatedByLabel = (await personLabels(manager, [current.updatedBy])).get(current.updatedBy);
  return new AppError(ErrorCode.CONFLICT, '任务已被他人修改，请刷新后重试；您的修改未保存。', {
    current: {
      rowVersion: current.rowVersion,
      status: current.status,
      progressNote: current.progressNote,
      measures: current.measures,
      dueDate: current.dueDate,
      updatedBy: current.updatedBy,
      updatedByLabel: updatedByLabel ?? current.updatedBy,
      updatedAt: current.updatedAt,
    },
  });
}

/**
 * A change that needs no transaction around its read and its write: not a submission (its row
 * lock must be held from a statement before the evidence count), not a review (退回, 审核通过:
 * the notification is written in the same transaction).
 */
function standsAlone(change: TaskChange): boolean {
  return (
    change.status !== TaskStatus.SUBMITTED &&
    change.status !== TaskStatus.RETURNED &&
    change.status !== TaskStatus.VERIFIED
  );
}

/** Open cycle, task not retired: otherwise nothing about the task may change. */
export function assertWritable(task: LoadedTask): void {
  if (task.cycleState !== 'open')
    throw new AppError(ErrorCode.CONFLICT, '该考核年度已关闭，任务只读。');
  if (task.retiredAt)
    throw new AppError(ErrorCode.CONFLICT, '该任务已停用（职责不再纳入跟踪），只读。');
}

function limit(text: string, field: string): string {
  if (text.length > MAX_NOTE) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, `内容过长（最多 ${MAX_NOTE} 字）。`, {
      fields: { [field]: 'too_long' },
    });
  }
  return text;
}
