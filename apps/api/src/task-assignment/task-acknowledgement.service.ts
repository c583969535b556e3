import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../auth/clock';
import { Principal, RequestMeta } from '../auth/principal';
import { AppError } from '../graphql/app-error';
import { recordTaskEvents } from '../task/task-events';
import { capacitiesOn } from '../task/task-scope';
import { Task } from '../task/task.entity';
import { assertWritable, TaskService } from '../task/task.service';

/** At most this many tasks in one bulk 签收. */
export const MAX_BULK_ACKNOWLEDGE = 500;

/**
 * 签收: the lead department's operator confirms receipt of a generated or reassigned task.
 * A task is 待签收 while `acknowledged_at` is null; a 转办 resets it.
 */
@Injectable()
export class TaskAcknowledgementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tasks: TaskService,
  ) {}

  /** 签收 of one or several tasks by their lead department; already acknowledged ones stay as they are. */
  acknowledge(principal: Principal, taskIds: string[], meta: RequestMeta): Promise<Task[]> {
    const ids = [...new Set(taskIds)];
    if (ids.length === 0) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '请选择要签收的任务。', {
        fields: { taskIds: 'empty' },
      });
    }
    if (ids.length > MAX_BULK_ACKNOWLEDGE) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        `一次最多签收 ${MAX_BULK_ACKNOWLEDGE} 项任务，请分批签收。`,
        { fields: { taskIds: 'too_many' } },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const results: Task[] = [];
      for (const [index, id] of ids.entries()) {
        try {
          const task = await this.tasks.visible(principal, id, manager);
          assertWritable(task);
          if (!capacitiesOn(principal, task).operator) {
            await this.tasks.deny(principal, task, 'acknowledge', meta);
          }
          if (task.acknowledgedAt) {
            results.push(task);
            continue;
          }
          await manager.query(
            `UPDATE task SET acknowledged_at = $2, acknowledged_by = $3, row_version = row_version + 1,
                    updated_by = $3, updated_at = now()
              WHERE id = $1 AND acknowledged_at IS NULL`,
            [task.id, now, principal.username],
          );
          await recordTaskEvents(manager, [
            {
              taskId: task.id,
              unitCode: task.unitCode,
              cycleId: task.cycleId,
              actorUsername: principal.username,
              kind: 'acknowledged',
              before: { acknowledgedAt: null },
              after: { acknowledgedAt: now.toISOString(), leadDepartmentId: task.leadDepartmentId },
              ip: meta.ip,
            },
          ]);
          results.push(await manager.findOneOrFail(Task, { where: { id: task.id } }));
        } catch (error) {
          if (ids.length > 1 && error instanceof AppError) {
            throw new AppError(
              error.extensions.code as ErrorCode,
              `第 ${index + 1} 项：${error.message}`,
              { ...((error.extensions.details as object) ?? {}), index, taskId: id },
            );
          }
          throw error;
        }
      }
      return results;
    });
  }
}
