import { NotificationService } from '../notification/notification.service';
import {
  cycleClosedNotifications,
  cycleOpenedNotifications,
} from '../notification/task-notifications';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource } from 'typeorm';
import { freezeResults, markReopened } from '../assessment/assessment-scores';
import { Clock, CLOCK } from '../auth/clock';
import { Principal } from '../auth/principal';
import { isIsoDate, shanghaiDate } from '../common/iso-date';
import { AppError } from '../graphql/app-error';
import { RegulationVersion } from '../regulation/entities/regulation-version.entity';
import { AssessmentCycle } from './assessment-cycle.entity';
import { CycleDutyDueDate } from './cycle-duty-due-date.entity';
import { updateReturning } from '../common/query-helpers';
import { recordTaskEvents } from '../task/task-events';
import { refuseWhileMappingsPending } from './mappings-pending';
import {
  generateTasks,
  GenerationResult,
  planRegeneration,
  RegenerationPlan,
} from './task-generation';

export interface CreateCycleInput {
  year: number;
  regulationVersionId: string;
  title?: string;
  startDate: string;
  dueDate: string;
}

/** A due date for one duty's tasks (by lineage), set when the cycle is opened. */
export interface DutyDueDate {
  dutyLineageId: string;
  dueDate: string;
}

/** Assessment cycles (考核年度): created, regenerated and closed by provincial supervisors. */
@Injectable()
export class CycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  list(): Promise<AssessmentCycle[]> {
    return this.dataSource
      .getRepository(AssessmentCycle)
      .find({ order: { year: 'DESC', createdAt: 'DESC' } });
  }

  async get(id: string): Promise<AssessmentCycle> {
    const cycle = await this.dataSource.getRepository(AssessmentCycle).findOne({ where: { id } });
    if (!cycle) throw new AppError(ErrorCode.NOT_FOUND, '未找到该考核年度。');
    return cycle;
  }

  async create(
    principal: Principal,
    input: CreateCycleInput,
    dutyDueDates: readonly DutyDueDate[] = [],
  ): Promise<{ cycle: AssessmentCycle; generation: GenerationResult }> {
    // Each problem names its field in words a supervisor can act on (the form shows them there).
    const fields: Record<string, string> = {};
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) {
      fields.year = '年度须为 2000 至 2100 之间的整数。';
    }
    if (!isIsoDate(input.startDate)) fields.startDate = '开始日期无效。';
    if (!isIsoDate(input.dueDate)) fields.dueDate = '截止日期无效。';
    else if (!fields.startDate && input.startDate > input.dueDate) {
      fields.dueDate = '截止日期不得早于开始日期。';
    }
    // One message per row (`dutyDueDates.<index>`), the first problem of the row.
    const seen = new Set<string>();
    dutyDueDates.forEach((d, i) => {
      const problem = !isIsoDate(d.dueDate)
        ? '截止日期无效。'
        : isIsoDate(input.startDate) && d.dueDate < input.startDate
          ? '职责的截止日期不得早于考核年度的开始日期。'
          : seen.has(d.dutyLineageId)
            ? '同一职责只能设置一个截止日期。'
            : undefined;
      if (problem) fields[`dutyDueDates.${i}`] = problem;
      seen.add(d.dutyLineageId);
    });
    if (Object.keys(fields).length > 0) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        fields.year && Object.keys(fields).length === 1
          ? '年度无效。'
          : Object.keys(fields).every((f) => f.startsWith('dutyDueDates.'))
            ? '职责的截止日期须为有效日期，不早于开始日期，且每项职责只设一个。'
            : '开始日期和截止日期须为有效日期，且开始不晚于截止。',
        { fields },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const version = await manager.findOne(RegulationVersion, {
        where: { id: input.regulationVersionId },
      });
      if (!version) {
        throw new AppError(ErrorCode.NOT_FOUND, '未找到该法规版本。', {
          fields: { regulationVersionId: '未找到该法规版本。' },
        });
      }
      await refuseWhileMappingsPending(manager, [version.id], {
        subject: '该法规版本',
        action: '生成任务',
        field: 'regulationVersionId',
      });
      const exists = await manager.exists(AssessmentCycle, {
        where: { year: input.year, regulationVersionId: version.id },
      });
      if (exists) {
        const message = `该法规版本 ${input.year} 年度的考核已存在。`;
        throw new AppError(ErrorCode.CONFLICT, message, { fields: { year: message } });
      }
      const cycle = await manager.save(AssessmentCycle, {
        year: input.year,
        regulationVersionId: version.id,
        title:
          input.title?.trim() ||
          `${input.year}年度${version.title.replace(/（草案）$/, '')}实施考核`,
        startDate: input.startDate,
        dueDate: input.dueDate,
        state: 'open' as const,
        createdBy: principal.username,
      });
      if (dutyDueDates.length > 0) {
        // Only duties of the version's tracked government duties get a date: a lineage from
        // elsewhere would be stored without ever dating a task.
        const known: Array<{ lineage_id: string }> = await manager.query(
          `SELECT DISTINCT lineage_id FROM duty
            WHERE version_id = $1 AND tracked AND government_duty AND lineage_id = ANY ($2::uuid[])`,
          [version.id, dutyDueDates.map((d) => d.dutyLineageId)],
        );
        const ok = new Set(known.map((k) => k.lineage_id));
        const unknown = dutyDueDates.findIndex((d) => !ok.has(d.dutyLineageId));
        if (unknown >= 0) {
          const message = '该职责不是此法规版本中纳入跟踪的职责，不能为其设置截止日期。';
          throw new AppError(ErrorCode.VALIDATION_FAILED, message, {
            fields: { [`dutyDueDates.${unknown}`]: message },
          });
        }
        await manager.insert(
          CycleDutyDueDate,
          dutyDueDates.map((d) => ({ cycleId: cycle.id, ...d })),
        );
      }
      // Generated with the per-duty dates: each task's 'created' event records its own.
      const generation = await generateTasks(manager, cycle, principal.username);
      await this.notifications.notify(manager, await cycleOpenedNotifications(manager, cycle));
      return { cycle, generation };
    });
  }

  async regenerate(principal: Principal, cycleId: string): Promise<GenerationResult> {
    return this.dataSource.transaction(async (manager) => {
      const cycle = await manager
        .createQueryBuilder(AssessmentCycle, 'c')
        .setLock('pessimistic_write')
        .where('c.id = :id', { id: cycleId })
        .getOne();
      if (!cycle) throw new AppError(ErrorCode.NOT_FOUND, '未找到该考核年度。');
      if (cycle.state !== 'open')
        throw new AppError(ErrorCode.CONFLICT, '该考核年度已关闭，任务只读。');
      await refuseWhileMappingsPending(manager, [cycle.regulationVersionId], {
        subject: '该法规版本',
        action: '生成任务',
      });
      const generation = await generateTasks(manager, cycle, principal.username);
      // Departments that had no task before hear of theirs (the others were told at opening).
      await this.notifications.notify(manager, await cycleOpenedNotifications(manager, cycle));
      return generation;
    });
  }

  /**
   * What `regenerate` would do now (by duty: tasks added, retired and restored), computed by the
   * same rules in a read-only transaction; refused in the same cases as the regeneration.
   */
  async previewRegeneration(cycleId: string): Promise<RegenerationPlan & { cycleId: string }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const cycle = await manager.findOne(AssessmentCycle, { where: { id: cycleId } });
      if (!cycle) throw new AppError(ErrorCode.NOT_FOUND, '未找到该考核年度。');
      if (cycle.state !== 'open')
        throw new AppError(ErrorCode.CONFLICT, '该考核年度已关闭，任务只读。');
      await refuseWhileMappingsPending(manager, [cycle.regulationVersionId], {
        subject: '该法规版本',
        action: '生成任务',
      });
      return { cycleId, ...(await planRegeneration(manager, cycle)) };
    });
  }

  async setDutyDueDate(
    principal: Principal,
    cycleId: string,
    dutyLineageId: string,
    dueDate: string,
  ): Promise<number> {
    if (!isIsoDate(dueDate)) throw new AppError(ErrorCode.VALIDATION_FAILED, '截止日期无效。');
    return this.dataSource.transaction(async (manager) => {
      const cycle = await manager.findOne(AssessmentCycle, { where: { id: cycleId } });
      if (!cycle) throw new AppError(ErrorCode.NOT_FOUND, '未找到该考核年度。');
      if (cycle.state !== 'open') throw new AppError(ErrorCode.CONFLICT, '该考核年度已关闭。');
      await manager.upsert(CycleDutyDueDate, { cycleId, dutyLineageId, dueDate }, [
        'cycleId',
        'dutyLineageId',
      ]);
      // Tasks not yet extended follow the new default; an approved extension is kept.
      const moved = await updateReturning<{ id: string; unit_code: string; before: string }>(
        manager,
        `UPDATE task t SET due_date = $3, row_version = t.row_version + 1, updated_by = $4, updated_at = now()
           FROM task old
          WHERE old.id = t.id AND t.cycle_id = $1 AND t.duty_lineage_id = $2 AND t.extension_count = 0
            AND t.due_date <> $3 AND t.retired_at IS NULL
         RETURNING t.id, t.unit_code, old.due_date::text AS before`,
        [cycleId, dutyLineageId, dueDate, principal.username],
      );
      await recordTaskEvents(
        manager,
        moved.map((t) => ({
          taskId: t.id,
          unitCode: t.unit_code,
          cycleId,
          actorUsername: principal.username,
          kind: 'due_date',
          before: { dueDate: t.before },
          after: { dueDate },
          reason: '考核年度调整该职责的截止日期',
        })),
      );
      return moved.length;
    });
  }

  /**
   * Closes a cycle: its tasks become read-only and the assessment scores are frozen into a new
   * result set version (计分结果固化), in one transaction.
   */
  async close(principal: Principal, cycleId: string): Promise<AssessmentCycle> {
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const [closed] = await updateReturning<AssessmentCycle>(
        manager,
        `UPDATE assessment_cycle SET state = 'closed', closed_by = $2, closed_at = $3
          WHERE id = $1 AND state = 'open' RETURNING id`,
        [cycleId, principal.username, now],
      );
      if (!closed) {
        await this.get(cycleId);
        throw new AppError(ErrorCode.CONFLICT, '该考核年度已关闭。');
      }
      const cycle = await manager.findOneOrFail(AssessmentCycle, { where: { id: cycleId } });
      await freezeResults(manager, cycle, principal.username, now, shanghaiDate(now));
      await this.notifications.notify(manager, await cycleClosedNotifications(manager, cycle, now));
    });
    return this.get(cycleId);
  }

  /** Reopens a closed cycle (a reason is required); the frozen result set stays, marked reopened. */
  async reopen(principal: Principal, cycleId: string, reason: string): Promise<AssessmentCycle> {
    const why = reason.normalize('NFC').trim();
    if (!why) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '重新打开考核年度须填写原因。', {
        fields: { reason: '请填写原因。' },
      });
    }
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const [reopened] = await updateReturning<AssessmentCycle>(
        manager,
        `UPDATE assessment_cycle SET state = 'open', closed_by = NULL, closed_at = NULL
          WHERE id = $1 AND state = 'closed' RETURNING id`,
        [cycleId],
      );
      if (!reopened) {
        await this.get(cycleId);
        throw new AppError(ErrorCode.CONFLICT, '该考核年度未关闭。');
      }
      await markReopened(manager, cycleId, principal.username, now, why);
    });
    return this.get(cycleId);
  }
}
