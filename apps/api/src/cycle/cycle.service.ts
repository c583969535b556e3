import { NotificationService } from '../notification/notification.service';
import {
  cycleClosedNotifications,
  cycleOpenedNotifications,
} from '../notification/task-notifications';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { DataSource, EntityManager } from 'typeorm';
import { freezeResults, markReopened } from '../assessment/assessment-scores';
import { refuseWhileObjectionsPending } from '../assessment/objections/objections-pending';
import { Clock, CLOCK } from '../auth/clock';
import { Principal } from '../auth/principal';
import { jurisdictionOf } from '../access/jurisdiction';
import { isIsoDate, shanghaiDate } from '../common/iso-date';
import { AppError } from '../graphql/app-error';
import { RegulationVersion } from '../regulation/entities/regulation-version.entity';
import { Regulation } from '../regulation/entities/regulation.entity';
import { AssessmentCycle } from './assessment-cycle.entity';
import {
  assertCycleInJurisdiction,
  cycleScopeSql,
  provinceForAction,
  regulationInJurisdiction,
} from './cycle-scope';
import { CycleDutyDueDate } from './cycle-duty-due-date.entity';
import { lockOpenCycle } from './lock-open-cycle';
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
  /**
   * The province (XX0000) the cycle is for: a provincial supervisor's own (default); a system
   * administrator names it when the deployment holds several.
   */
  provinceCode?: string | null;
}

/** A due date for one duty's tasks (by lineage), set when the cycle is opened. */
export interface DutyDueDate {
  dutyLineageId: string;
  dueDate: string;
}

/**
 * Assessment cycles (考核年度), one per province, year and regulation version: created,
 * regenerated and closed by the provincial supervisors of the province; read within the
 * caller's jurisdiction (cycle-scope.ts).
 */
@Injectable()
export class CycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  /** The cycles of the caller's jurisdiction (their provinces), newest first. */
  list(principal: Principal | null): Promise<AssessmentCycle[]> {
    const scope = cycleScopeSql(principal, 'c');
    return this.dataSource
      .getRepository(AssessmentCycle)
      .createQueryBuilder('c')
      .where(scope.sql, scope.params)
      .orderBy('c.year', 'DESC')
      .addOrderBy('c.created_at', 'DESC')
      .getMany();
  }

  /** The cycle, if inside the caller's jurisdiction; NOT_FOUND otherwise (as for a missing one). */
  get(principal: Principal | null, id: string): Promise<AssessmentCycle> {
    return assertCycleInJurisdiction(this.dataSource.manager, principal, id);
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
          ? DUE_BEFORE_START
          : isIsoDate(input.dueDate) && d.dueDate > input.dueDate
            ? DUE_AFTER_END
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
            ? '职责的截止日期须为有效日期，在考核年度的起止日期之内，且每项职责只设一个。'
            : '开始日期和截止日期须为有效日期，且开始不晚于截止。',
        { fields },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const provinceCode = (await provinceForAction(manager, principal, input.provinceCode, {
        what: '开设考核年度',
      })) as string;
      const version = await manager.findOne(RegulationVersion, {
        where: { id: input.regulationVersionId },
      });
      const regulation = version
        ? await manager.findOneOrFail(Regulation, { where: { id: version.regulationId } })
        : null;
      // Another province's own regulation is not there for this caller (like a missing one).
      if (
        !version ||
        !regulation ||
        !regulationInJurisdiction(jurisdictionOf(principal), regulation)
      ) {
        throw new AppError(ErrorCode.NOT_FOUND, '未找到该法规版本。', {
          fields: { regulationVersionId: '未找到该法规版本。' },
        });
      }
      if (regulation.ownerProvinceCode !== null && regulation.ownerProvinceCode !== provinceCode) {
        // A national law (owner null) is every province's; a provincial one only its own.
        const message = '该法规为其他省份的地方性法规，只能在其所属省份开设考核年度。';
        throw new AppError(ErrorCode.VALIDATION_FAILED, message, {
          fields: { regulationVersionId: message },
        });
      }
      await refuseWhileMappingsPending(manager, [version.id], {
        subject: '该法规版本',
        action: '生成任务',
        field: 'regulationVersionId',
      });
      const exists = await manager.exists(AssessmentCycle, {
        where: { year: input.year, regulationVersionId: version.id, provinceCode },
      });
      if (exists) {
        const message = `该法规版本 ${input.year} 年度的考核已存在。`;
        throw new AppError(ErrorCode.CONFLICT, message, { fields: { year: message } });
      }
      const cycle = await manager.save(AssessmentCycle, {
        year: input.year,
        regulationVersionId: version.id,
        provinceCode,
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
        const known = await trackedLineages(
          manager,
          version.id,
          dutyDueDates.map((d) => d.dutyLineageId),
        );
        const ok = new Set(known.map((k) => k.lineage_id));
        const unknown = dutyDueDates.findIndex((d) => !ok.has(d.dutyLineageId));
        if (unknown >= 0) {
          throw new AppError(ErrorCode.VALIDATION_FAILED, NOT_A_TRACKED_DUTY, {
            fields: { [`dutyDueDates.${unknown}`]: NOT_A_TRACKED_DUTY },
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
      const cycle = await lockOpenCycle(
        manager,
        cycleId,
        '该考核年度已关闭，任务只读。',
        principal,
      );
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
  async previewRegeneration(
    principal: Principal,
    cycleId: string,
  ): Promise<RegenerationPlan & { cycleId: string }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const cycle = await assertCycleInJurisdiction(manager, principal, cycleId);
      if (cycle.state !== 'open')
        throw new AppError(ErrorCode.CONFLICT, '该考核年度已关闭，任务只读。');
      await refuseWhileMappingsPending(manager, [cycle.regulationVersionId], {
        subject: '该法规版本',
        action: '生成任务',
      });
      return { cycleId, ...(await planRegeneration(manager, cycle)) };
    });
  }

  /**
   * The per-duty due dates of a cycle (按职责设置的截止日期), in regulation order, each with its
   * duty as the cycle's version states it and the cycle's active tasks of that duty: how many,
   * and how many keep an approved extension (they do not follow a changed date).
   */
  async dutyDueDates(principal: Principal, cycleId: string): Promise<CycleDutyDueDateRow[]> {
    await this.get(principal, cycleId);
    const rows: Array<{
      duty_lineage_id: string;
      due_date: string;
      duty_id: string | null;
      article_number: number | null;
      text: string | null;
      tasks: number;
      extended: number;
    }> = await this.dataSource.query(
      `SELECT o.duty_lineage_id, o.due_date::text AS due_date, d.id AS duty_id,
              a.number AS article_number, d.text,
              count(t.id)::int AS tasks, count(t.id) FILTER (WHERE t.extension_count > 0)::int AS extended
         FROM cycle_duty_due_date o
         JOIN assessment_cycle c ON c.id = o.cycle_id
         LEFT JOIN duty d ON d.version_id = c.regulation_version_id AND d.lineage_id = o.duty_lineage_id
         LEFT JOIN regulation_article a ON a.id = d.article_id
         LEFT JOIN task t ON t.cycle_id = o.cycle_id AND t.duty_lineage_id = o.duty_lineage_id
                         AND t.retired_at IS NULL
        WHERE o.cycle_id = $1
        GROUP BY o.duty_lineage_id, o.due_date, d.id, a.number, d.text, d.item_number, d.sequence
        ORDER BY a.number NULLS LAST, d.item_number NULLS FIRST, d.sequence, o.duty_lineage_id`,
      [cycleId],
    );
    return rows.map((r) => ({
      dutyLineageId: r.duty_lineage_id,
      dueDate: r.due_date,
      dutyId: r.duty_id,
      articleNumber: r.article_number,
      text: r.text,
      tasks: r.tasks,
      extended: r.extended,
    }));
  }

  /**
   * Sets (or changes) one duty's due date in an open cycle: the date must lie within the
   * cycle's start and due dates and the duty be one of its version's tracked government duties.
   * Its tasks not yet extended move to the date, each with a `due_date` history entry.
   */
  async setDutyDueDate(
    principal: Principal,
    cycleId: string,
    dutyLineageId: string,
    dueDate: string,
  ): Promise<number> {
    if (!isIsoDate(dueDate)) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '截止日期无效。', {
        fields: { dueDate: '截止日期无效。' },
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const cycle = await lockOpenCycle(manager, cycleId, CLOSED_FOR_DUE_DATES, principal);
      const problem =
        dueDate < cycle.startDate ? DUE_BEFORE_START : dueDate > cycle.dueDate ? DUE_AFTER_END : '';
      if (problem) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, problem, { fields: { dueDate: problem } });
      }
      const known = await trackedLineages(manager, cycle.regulationVersionId, [dutyLineageId]);
      if (known.length === 0) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, NOT_A_TRACKED_DUTY, {
          fields: { dutyLineageId: NOT_A_TRACKED_DUTY },
        });
      }
      await manager.upsert(CycleDutyDueDate, { cycleId, dutyLineageId, dueDate }, [
        'cycleId',
        'dutyLineageId',
      ]);
      return moveDutyTasks(
        manager,
        principal,
        cycleId,
        dutyLineageId,
        dueDate,
        '考核年度调整该职责的截止日期',
      );
    });
  }

  /**
   * Removes one duty's own due date: its tasks not yet extended go back to the cycle's due
   * date, each with a `due_date` history entry. Returns the tasks moved.
   */
  async removeDutyDueDate(
    principal: Principal,
    cycleId: string,
    dutyLineageId: string,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const cycle = await lockOpenCycle(manager, cycleId, CLOSED_FOR_DUE_DATES, principal);
      const removed = await manager.delete(CycleDutyDueDate, { cycleId, dutyLineageId });
      if (!removed.affected) {
        throw new AppError(ErrorCode.NOT_FOUND, '该职责没有单独设置截止日期。');
      }
      return moveDutyTasks(
        manager,
        principal,
        cycleId,
        dutyLineageId,
        cycle.dueDate,
        '考核年度取消该职责单独设置的截止日期，恢复为年度截止日期',
      );
    });
  }

  /**
   * Closes a cycle: its tasks become read-only and the assessment scores are frozen into a new
   * result set version (计分结果固化), in one transaction.
   */
  async close(principal: Principal, cycleId: string): Promise<AssessmentCycle> {
    await this.get(principal, cycleId);
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const [closed] = await updateReturning<AssessmentCycle>(
        manager,
        `UPDATE assessment_cycle SET state = 'closed', closed_by = $2, closed_at = $3
          WHERE id = $1 AND state = 'open' RETURNING id`,
        [cycleId, principal.username, now],
      );
      if (!closed) {
        await this.get(principal, cycleId);
        throw new AppError(ErrorCode.CONFLICT, '该考核年度已关闭。');
      }
      await refuseWhileObjectionsPending(manager, cycleId);
      const cycle = await manager.findOneOrFail(AssessmentCycle, { where: { id: cycleId } });
      await freezeResults(manager, cycle, principal.username, now, shanghaiDate(now));
      await this.notifications.notify(manager, await cycleClosedNotifications(manager, cycle, now));
    });
    return this.get(principal, cycleId);
  }

  /** Reopens a closed cycle (a reason is required); the frozen result set stays, marked reopened. */
  async reopen(principal: Principal, cycleId: string, reason: string): Promise<AssessmentCycle> {
    const why = reason.normalize('NFC').trim();
    if (!why) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, '重新打开考核年度须填写原因。', {
        fields: { reason: '请填写原因。' },
      });
    }
    await this.get(principal, cycleId);
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const [reopened] = await updateReturning<AssessmentCycle>(
        manager,
        `UPDATE assessment_cycle SET state = 'open', closed_by = NULL, closed_at = NULL
          WHERE id = $1 AND state = 'closed' RETURNING id`,
        [cycleId],
      );
      if (!reopened) {
        await this.get(principal, cycleId);
        throw new AppError(ErrorCode.CONFLICT, '该考核年度未关闭。');
      }
      await markReopened(manager, cycleId, principal.username, now, why);
    });
    return this.get(principal, cycleId);
  }
}

const CLOSED_FOR_DUE_DATES = '该考核年度已关闭，截止日期不能再调整。';
const DUE_BEFORE_START = '职责的截止日期不得早于考核年度的开始日期。';
const DUE_AFTER_END = '职责的截止日期不得晚于考核年度的截止日期。';
const NOT_A_TRACKED_DUTY = '该职责不是此法规版本中纳入跟踪的职责，不能为其设置截止日期。';

/** One per-duty due date of a cycle, with its duty in the cycle's version and its tasks. */
export interface CycleDutyDueDateRow {
  dutyLineageId: string;
  dueDate: string;
  /** The duty of the cycle's version with this lineage; null if the version has none. */
  dutyId: string | null;
  articleNumber: number | null;
  text: string | null;
  /** Active tasks of the duty in the cycle. */
  tasks: number;
  /** Of those, tasks with an approved extension (they keep their own date). */
  extended: number;
}

/** Which of `lineages` are tracked government duties of the version (the ones that get tasks). */
async function trackedLineages(
  manager: EntityManager,
  versionId: string,
  lineages: string[],
): Promise<Array<{ lineage_id: string }>> {
  return manager.query(
    `SELECT DISTINCT lineage_id FROM duty
      WHERE version_id = $1 AND tracked AND government_duty AND lineage_id = ANY ($2::uuid[])`,
    [versionId, lineages],
  );
}

/**
 * Moves the duty's active tasks of the cycle to `dueDate`, except those with an approved
 * extension (they keep theirs); one `due_date` history entry per task moved, with the reason.
 */
async function moveDutyTasks(
  manager: EntityManager,
  principal: Principal,
  cycleId: string,
  dutyLineageId: string,
  dueDate: string,
  reason: string,
): Promise<number> {
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
      reason,
    })),
  );
  return moved.length;
}
