import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { jurisdictionOf, namedParams, taskJurisdictionSql } from '../access/jurisdiction';
import { Principal } from '../auth/principal';
import { scopeTasks, TASK_READERS } from '../task/task-scope';
import { Task } from '../task/task.entity';
import { TaskService } from '../task/task.service';
import { TaskReassignment } from './task-reassignment.entity';

export interface UnacknowledgedCount {
  unitCode: string;
  unitName: string;
  parentCode: string | null;
  count: number;
  /** The oldest unacknowledged task's creation: how long the unit has left work unclaimed. */
  oldestCreatedAt: Date;
}

/** Read side of 签收 and 转办: counts for supervisors, pending requests, move targets. */
@Injectable()
export class TaskAssignmentQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tasks: TaskService,
  ) {}

  /** The task's 转办 records, newest first (the caller already sees the task). */
  history(taskId: string): Promise<TaskReassignment[]> {
    return this.dataSource
      .getRepository(TaskReassignment)
      .find({ where: { taskId }, order: { requestedAt: 'DESC' } });
  }

  /** The departments a task may move to: the unit's other departments, assisting ones first. */
  async targets(
    principal: Principal,
    taskId: string,
  ): Promise<Array<{ id: string; name: string; kindCode: string; assisting: boolean }>> {
    const task = await this.tasks.visible(principal, taskId);
    const rows: Array<{ id: string; name: string; kind_code: string; assisting: boolean }> =
      await this.dataSource.query(
        `SELECT dep.id, dep.name, dep.kind_code,
                EXISTS (SELECT 1 FROM task_assist a WHERE a.task_id = $2 AND a.department_id = dep.id) AS assisting
           FROM department dep
           LEFT JOIN department_kind k ON k.code = dep.kind_code
          WHERE dep.unit_code = $1 AND dep.id <> $3
          ORDER BY assisting DESC, k.sort_order NULLS LAST, dep.name`,
        [task.unitCode, task.id, task.leadDepartmentId],
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kindCode: r.kind_code,
      assisting: r.assisting,
    }));
  }

  /** 待签收 tasks per unit of a cycle, inside the caller's jurisdiction (most first). */
  async unacknowledgedCounts(
    principal: Principal,
    cycleId: string,
  ): Promise<UnacknowledgedCount[]> {
    if (!principal.role || !TASK_READERS.includes(principal.role)) return [];
    const q = this.dataSource
      .createQueryBuilder(Task, 't')
      .innerJoin('admin_unit', 'u', 'u.code = t.unit_code')
      .select('t.unit_code', 'unit_code')
      .addSelect('u.name', 'unit_name')
      .addSelect('u.parent_code', 'parent_code')
      .addSelect('count(*)::int', 'count')
      .addSelect('min(t.created_at)', 'oldest')
      .where('t.cycle_id = :cycleId AND t.acknowledged_at IS NULL AND t.retired_at IS NULL', {
        cycleId,
      })
      .groupBy('t.unit_code')
      .addGroupBy('u.name')
      .addGroupBy('u.parent_code')
      .orderBy('count(*)', 'DESC')
      .addOrderBy('t.unit_code', 'ASC');
    scopeTasks(q, principal);
    const rows = await q.getRawMany<{
      unit_code: string;
      unit_name: string;
      parent_code: string | null;
      count: number;
      oldest: Date;
    }>();
    return rows.map((r) => ({
      unitCode: r.unit_code,
      unitName: r.unit_name,
      parentCode: r.parent_code,
      count: r.count,
      oldestCreatedAt: r.oldest,
    }));
  }

  /** Pending 转办 requests the caller may decide (supervisors) or has made (operators). */
  async pending(principal: Principal, cycleId?: string): Promise<TaskReassignment[]> {
    if (!principal.role || !TASK_READERS.includes(principal.role)) return [];
    const q = this.dataSource
      .getRepository(TaskReassignment)
      .createQueryBuilder('r')
      .innerJoin('task', 't', 't.id = r.task_id')
      .innerJoin('admin_unit', 'u', 'u.code = t.unit_code')
      .where(`r.status = 'PENDING'`)
      .orderBy('r.requested_at', 'ASC')
      .limit(500);
    const { bind, params } = namedParams();
    q.andWhere(taskJurisdictionSql(jurisdictionOf(principal), bind), params);
    if (cycleId) q.andWhere('r.cycle_id = :cycleId', { cycleId });
    return q.getMany();
  }
}
