import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@duty/shared/errors';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  BindParam,
  jurisdictionOf,
  notFound,
  taskJurisdictionSql,
} from '../../access/jurisdiction';
import { Clock, CLOCK } from '../../auth/clock';
import { Principal } from '../../auth/principal';
import { Role } from '../../auth/role';
import { AssessmentCycle } from '../../cycle/assessment-cycle.entity';
import { AppError } from '../../graphql/app-error';
import { isUuid } from '../../common/uuid';
import { AssessmentAdjustment } from '../assessment-adjustment.entity';
import { assertOpen } from '../assessment.service';
import { drawSample, SampleCandidate, SampleScope } from './onsite-draw';
import { OnsiteFindingEvent, OnsiteItem, OnsiteOutcome, OnsiteSample } from './onsite.entities';

export interface DrawOnsiteSampleInput {
  cycleId: string;
  scope: SampleScope;
  unitCount?: number | null;
  unitShare?: number | null;
  tasksPerUnit: number;
  taskStatuses?: string[] | null;
  unitLevels?: string[] | null;
  deductionPoints: number;
  seed?: string | null;
  reason?: string | null;
}

export interface RecordOnsiteFindingInput {
  itemId: string;
  outcome: OnsiteOutcome;
  note?: string | null;
  evidenceIds?: string[] | null;
}

/** A sampled task as listed: the draw, the task and unit it names, and the finding. */
export interface OnsiteItemView {
  id: string;
  sampleId: string;
  unitCode: string;
  unitName: string;
  groupCode: string;
  unitRank: number;
  taskRank: number;
  unitDrawKey: string;
  taskDrawKey: string;
  taskId: string;
  taskStatus: string;
  article: number;
  dutySubject: string;
  outcome: OnsiteOutcome | null;
  note: string | null;
  evidenceIds: string[];
  recordedBy: string | null;
  recordedAt: Date | null;
  adjustmentId: string | null;
  deductedPoints: number | null;
}

export const ELIGIBLE_STATUSES = ['VERIFIED', 'SUBMITTED'] as const;
const LEVELS = ['province', 'prefecture', 'county'];
const MAX_NOTE = 2000;
const MAX_REASON = 500;
const MAX_EVIDENCE = 20;
const MAX_UNITS = 1000;
const MAX_TASKS_PER_UNIT = 50;
const SEED_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Machine codes of the on-site verification's refusals (problems[].code). */
export const ONSITE_PROBLEM_CODES = [
  'UNIT_COUNT_OR_SHARE',
  'UNIT_COUNT_RANGE',
  'UNIT_SHARE_RANGE',
  'TASKS_PER_UNIT_RANGE',
  'TASK_STATUSES_INVALID',
  'UNIT_LEVELS_INVALID',
  'DEDUCTION_RANGE',
  'SEED_INVALID',
  'REDRAW_REASON_REQUIRED',
  'REASON_TOO_LONG',
  'POPULATION_EMPTY',
  'SAMPLE_CLOSED',
  'NOTE_REQUIRED',
  'NOTE_TOO_LONG',
  'EVIDENCE_TOO_MANY',
  'EVIDENCE_FOREIGN',
  'FINDINGS_INCOMPLETE',
] as const;
export type OnsiteProblemCode = (typeof ONSITE_PROBLEM_CODES)[number];

function invalid(code: OnsiteProblemCode, message: string, path = '', extra = {}): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, message, {
    problems: [{ code, path, message, ...extra }],
  });
}

/**
 * 实地核查 of the Article 40 assessment. A provincial supervisor draws a reproducible sample of
 * units and their verified/submitted tasks for a cycle (the draw: ./onsite-draw.ts); supervisors
 * record a finding per sampled task within their jurisdiction; closing applies the sample's
 * deduction for every discrepancy as an ordinary 扣分 adjustment (read by the live scores and
 * frozen into the result set at cycle close). County operators see their own sampled tasks
 * only once the verification is closed (the sample is not announced beforehand).
 */
@Injectable()
export class OnsiteVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async draw(principal: Principal, input: DrawOnsiteSampleInput): Promise<OnsiteSample> {
    const params = validateDraw(input);
    return this.dataSource.transaction(async (manager) => {
      const cycle = await this.cycle(manager, input.cycleId, true);
      assertOpen(cycle);
      const current = await manager.findOne(OnsiteSample, {
        where: { cycleId: cycle.id },
        order: { version: 'DESC' },
      });
      if (current?.status === 'closed') {
        throw invalid('SAMPLE_CLOSED', '本年度实地核查已结束，不能重新抽样。', 'cycleId');
      }
      if (current && !params.reason) {
        throw invalid('REDRAW_REASON_REQUIRED', '重新抽样须填写原因（原样本将保留）。', 'reason');
      }
      // Groups when drawing per prefecture: a prefecture with its counties; the province with
      // the counties it administers directly (省直管).
      const population: Array<SampleCandidate> = await manager.query(
        `SELECT t.id AS "taskId", t.unit_code AS "unitCode",
                CASE WHEN u.level = 'county' THEN coalesce(u.parent_code, u.code)
                     ELSE u.code END AS "groupCode"
           FROM task t
           JOIN admin_unit u ON u.code = t.unit_code
          WHERE t.cycle_id = $1 AND t.retired_at IS NULL
            AND t.not_applicable_status IS DISTINCT FROM 'APPROVED'
            AND t.status = ANY($2::varchar[])
            AND (cardinality($3::varchar[]) = 0 OR u.level = ANY($3::varchar[]))`,
        [cycle.id, params.taskStatuses, params.unitLevels],
      );
      if (population.length === 0) {
        throw invalid(
          'POPULATION_EMPTY',
          '没有符合条件的任务可供抽样（请检查任务状态和单位层级）。',
          'taskStatuses',
        );
      }
      const seed = params.seed ?? randomBytes(8).toString('hex');
      const drawn = drawSample(seed, population, params);
      const now = this.clock.now();
      if (current) {
        await manager.update(
          OnsiteSample,
          { id: current.id },
          { status: 'superseded', supersededBy: principal.username, supersededAt: now },
        );
      }
      const sample = manager.create(OnsiteSample, {
        cycleId: cycle.id,
        version: (current?.version ?? 0) + 1,
        status: 'open',
        scope: params.scope,
        unitCount: params.unitCount,
        unitShare: params.unitShare === null ? null : params.unitShare.toFixed(4),
        tasksPerUnit: params.tasksPerUnit,
        taskStatuses: params.taskStatuses,
        unitLevels: params.unitLevels,
        deductionPoints: params.deductionPoints.toFixed(2),
        seed,
        seedGenerated: params.seed === null,
        populationUnits: drawn.populationUnits,
        populationTasks: drawn.populationTasks,
        reason: params.reason,
        drawnBy: principal.username,
        drawnAt: now,
        supersededBy: null,
        supersededAt: null,
        closedBy: null,
        closedAt: null,
      });
      await manager.insert(OnsiteSample, sample);
      const items = drawn.units.flatMap((u) =>
        u.tasks.map((t) => ({
          sampleId: sample.id,
          unitCode: u.unitCode,
          groupCode: u.groupCode,
          taskId: t.taskId,
          unitRank: u.rank,
          taskRank: t.rank,
          unitDrawKey: u.drawKey,
          taskDrawKey: t.drawKey,
        })),
      );
      for (let i = 0; i < items.length; i += 500) {
        await manager.insert(OnsiteItem, items.slice(i, i + 500));
      }
      return manager.findOneOrFail(OnsiteSample, { where: { id: sample.id } });
    });
  }

  async recordFinding(principal: Principal, input: RecordOnsiteFindingInput): Promise<string> {
    const note = input.note?.normalize('NFC').trim() || null;
    const evidenceIds = [...new Set(input.evidenceIds ?? [])];
    if (input.outcome === 'DISCREPANCY' && !note) {
      throw invalid('NOTE_REQUIRED', '核查发现不符的，须说明不符情况。', 'note');
    }
    if (note && note.length > MAX_NOTE) {
      throw invalid('NOTE_TOO_LONG', `核查说明最多 ${MAX_NOTE} 字。`, 'note');
    }
    if (evidenceIds.length > MAX_EVIDENCE) {
      throw invalid('EVIDENCE_TOO_MANY', `每项最多附 ${MAX_EVIDENCE} 份佐证材料。`, 'evidenceIds');
    }
    return this.dataSource.transaction(async (manager) => {
      if (!isUuid(input.itemId)) throw notFound('抽查事项');
      const item = await manager.findOne(OnsiteItem, {
        where: { id: input.itemId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!item || !(await this.mayRecord(manager, principal, item.unitCode))) {
        throw notFound('抽查事项');
      }
      const sample = await manager.findOneOrFail(OnsiteSample, {
        where: { id: item.sampleId },
        lock: { mode: 'pessimistic_read' },
      });
      if (sample.status !== 'open') {
        throw invalid(
          'SAMPLE_CLOSED',
          sample.status === 'closed'
            ? '该实地核查已结束，核查结论不能再修改。'
            : '该样本已被重新抽样取代，请在新样本中记录。',
          'itemId',
        );
      }
      if (evidenceIds.length) {
        const valid =
          evidenceIds.every(isUuid) &&
          (
            await manager.query(
              `SELECT count(*)::int AS n FROM evidence
                WHERE id = ANY($1::uuid[]) AND unit_code = $2 AND cycle_id = $3
                  AND withdrawn_at IS NULL`,
              [evidenceIds, item.unitCode, sample.cycleId],
            )
          )[0].n === evidenceIds.length;
        if (!valid) {
          throw invalid(
            'EVIDENCE_FOREIGN',
            '所选佐证材料须为被抽查单位本年度的有效材料（未撤回）。',
            'evidenceIds',
          );
        }
      }
      const now = this.clock.now();
      await manager.update(
        OnsiteItem,
        { id: item.id },
        {
          outcome: input.outcome,
          note,
          evidenceIds,
          recordedBy: principal.username,
          recordedAt: now,
        },
      );
      await manager.insert(OnsiteFindingEvent, {
        itemId: item.id,
        outcome: input.outcome,
        note,
        evidenceIds,
        actor: principal.username,
        actorRole: principal.role ?? '',
        createdAt: now,
      });
      return item.id;
    });
  }

  /**
   * Closes the verification: every sampled task must have a finding; each discrepancy becomes
   * a 扣分 adjustment of the sample's points on the task's unit, its reason naming the task.
   */
  async close(principal: Principal, sampleId: string): Promise<OnsiteSample> {
    return this.dataSource.transaction(async (manager) => {
      if (!isUuid(sampleId)) throw notFound('实地核查样本');
      const found = await manager.findOne(OnsiteSample, { where: { id: sampleId } });
      if (!found) throw notFound('实地核查样本');
      // The cycle first (as a draw does), so that closing the cycle cannot freeze the scores
      // half-way through; then the sample.
      assertOpen(await this.cycle(manager, found.cycleId, true));
      const sample = await manager.findOneOrFail(OnsiteSample, {
        where: { id: sampleId },
        lock: { mode: 'pessimistic_write' },
      });
      if (sample.status !== 'open') {
        throw invalid(
          'SAMPLE_CLOSED',
          sample.status === 'closed' ? '该实地核查已结束。' : '该样本已被重新抽样取代。',
          'sampleId',
        );
      }
      const items: Array<{
        id: string;
        unit_code: string;
        task_id: string;
        outcome: OnsiteOutcome | null;
        note: string | null;
        article: number;
        subject: string;
      }> = await manager.query(
        `SELECT i.id, i.unit_code, i.task_id, i.outcome, i.note, a.number AS article, d.subject
           FROM assessment_onsite_item i
           JOIN task t ON t.id = i.task_id
           JOIN duty d ON d.id = t.duty_id
           JOIN regulation_article a ON a.id = d.article_id
          WHERE i.sample_id = $1
          ORDER BY i.unit_code, i.task_rank`,
        [sample.id],
      );
      const missing = items.filter((i) => i.outcome === null);
      if (missing.length) {
        throw invalid(
          'FINDINGS_INCOMPLETE',
          `还有 ${missing.length} 项抽查事项未记录核查结论，不能结束核查。`,
          'sampleId',
          { itemIds: missing.map((i) => i.id) },
        );
      }
      const now = this.clock.now();
      for (const item of items.filter((i) => i.outcome === 'DISCREPANCY')) {
        const adjustment = manager.create(AssessmentAdjustment, {
          cycleId: sample.cycleId,
          unitCode: item.unit_code,
          kind: 'deduction',
          points: sample.deductionPoints,
          reason: discrepancyReason(sample.version, item),
          createdBy: principal.username,
          createdAt: now,
        });
        await manager.insert(AssessmentAdjustment, adjustment);
        await manager.update(OnsiteItem, { id: item.id }, { adjustmentId: adjustment.id });
      }
      await manager.update(
        OnsiteSample,
        { id: sample.id },
        { status: 'closed', closedBy: principal.username, closedAt: now },
      );
      return manager.findOneOrFail(OnsiteSample, { where: { id: sample.id } });
    });
  }

  /**
   * The sample versions of a cycle, newest first. County operators see closed ones only (a
   * sample is not announced before the verification is closed).
   */
  async samples(principal: Principal, cycleId: string): Promise<OnsiteSample[]> {
    await this.cycle(this.dataSource.manager, cycleId, false);
    const all = await this.dataSource
      .getRepository(OnsiteSample)
      .find({ where: { cycleId }, order: { version: 'DESC' } });
    return principal.role === Role.COUNTY_OPERATOR ? all.filter((s) => s.status === 'closed') : all;
  }

  /** One sample version; NOT_FOUND for a county operator before it is closed. */
  async sample(principal: Principal, sampleId: string): Promise<OnsiteSample> {
    if (!isUuid(sampleId)) throw notFound('实地核查样本');
    const sample = await this.dataSource
      .getRepository(OnsiteSample)
      .findOne({ where: { id: sampleId } });
    if (!sample || (principal.role === Role.COUNTY_OPERATOR && sample.status !== 'closed')) {
      throw notFound('实地核查样本');
    }
    return sample;
  }

  /**
   * The sampled tasks of a sample within the caller's jurisdiction (a county operator: the
   * tasks of their unit their department leads or assists), by unit then draw order.
   */
  async items(
    principal: Principal,
    sample: OnsiteSample,
    unitCode?: string | null,
  ): Promise<OnsiteItemView[]> {
    const values: unknown[] = [sample.id];
    const bind: BindParam = (_name, value) => {
      values.push(value);
      return `$${values.length}`;
    };
    const scope = taskJurisdictionSql(jurisdictionOf(principal), bind);
    const unit = unitCode ? `AND i.unit_code = ${bind('unitCode', unitCode)}` : '';
    return this.dataSource.query(
      `SELECT i.id, i.sample_id AS "sampleId", i.unit_code AS "unitCode", u.name AS "unitName",
              i.group_code AS "groupCode", i.unit_rank AS "unitRank", i.task_rank AS "taskRank",
              i.unit_draw_key AS "unitDrawKey", i.task_draw_key AS "taskDrawKey",
              i.task_id AS "taskId", t.status AS "taskStatus", a.number AS article,
              d.subject AS "dutySubject", i.outcome, i.note, i.evidence_ids::text[] AS "evidenceIds",
              i.recorded_by AS "recordedBy", i.recorded_at AS "recordedAt",
              i.adjustment_id AS "adjustmentId", adj.points::float8 AS "deductedPoints"
         FROM assessment_onsite_item i
         JOIN task t ON t.id = i.task_id
         JOIN admin_unit u ON u.code = i.unit_code
         JOIN duty d ON d.id = t.duty_id
         JOIN regulation_article a ON a.id = d.article_id
         LEFT JOIN assessment_adjustment adj ON adj.id = i.adjustment_id
        WHERE i.sample_id = $1 AND ${scope} ${unit}
        ORDER BY i.group_code, i.unit_rank, i.task_rank`,
      values,
    );
  }

  /** One sampled task as the caller sees it; NOT_FOUND outside their jurisdiction. */
  async item(principal: Principal, itemId: string): Promise<OnsiteItemView> {
    if (!isUuid(itemId)) throw notFound('抽查事项');
    const item = await this.dataSource.getRepository(OnsiteItem).findOne({ where: { id: itemId } });
    if (!item) throw notFound('抽查事项');
    const sample = await this.sample(principal, item.sampleId);
    const found = (await this.items(principal, sample, item.unitCode)).find((v) => v.id === itemId);
    if (!found) throw notFound('抽查事项');
    return found;
  }

  /** The record of findings on one sampled task, oldest first (same visibility as the task). */
  async findingHistory(principal: Principal, itemId: string): Promise<OnsiteFindingEvent[]> {
    await this.item(principal, itemId);
    return this.dataSource
      .getRepository(OnsiteFindingEvent)
      .find({ where: { itemId }, order: { id: 'ASC' } });
  }

  /** Provincial supervisors record on any unit; a prefecture supervisor on the units under it. */
  private async mayRecord(
    manager: EntityManager,
    principal: Principal,
    unitCode: string,
  ): Promise<boolean> {
    if (principal.role === Role.PROVINCIAL_SUPERVISOR) return true;
    if (principal.role !== Role.PREFECTURE_SUPERVISOR || !principal.unitCode) return false;
    const [unit] = await manager.query(`SELECT code, parent_code FROM admin_unit WHERE code = $1`, [
      unitCode,
    ]);
    return unit?.code === principal.unitCode || unit?.parent_code === principal.unitCode;
  }

  private async cycle(manager: EntityManager, cycleId: string, lock: boolean) {
    const cycle = isUuid(cycleId)
      ? await manager.findOne(AssessmentCycle, {
          where: { id: cycleId },
          ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        })
      : null;
    if (!cycle) throw new AppError(ErrorCode.NOT_FOUND, '未找到该考核年度。');
    return cycle;
  }
}

interface ValidDraw {
  scope: SampleScope;
  unitCount: number | null;
  unitShare: number | null;
  tasksPerUnit: number;
  taskStatuses: string[];
  unitLevels: string[];
  deductionPoints: number;
  seed: string | null;
  reason: string | null;
}

/** Checks a draw's parameters; every problem is reported at once with its machine code. */
export function validateDraw(input: DrawOnsiteSampleInput): ValidDraw {
  const problems: Array<{ code: OnsiteProblemCode; path: string; message: string }> = [];
  const add = (code: OnsiteProblemCode, path: string, message: string) =>
    problems.push({ code, path, message });
  const unitCount = input.unitCount ?? null;
  // Stored with 4 decimals: the draw uses the stored share, so it can be recomputed from the record.
  const unitShare = input.unitShare == null ? null : Math.round(input.unitShare * 10_000) / 10_000;
  if ((unitCount === null) === (unitShare === null)) {
    add('UNIT_COUNT_OR_SHARE', 'unitCount', '请设置抽取单位数或抽取比例（二选一）。');
  } else if (
    unitCount !== null &&
    !(Number.isInteger(unitCount) && unitCount >= 1 && unitCount <= MAX_UNITS)
  ) {
    add('UNIT_COUNT_RANGE', 'unitCount', `抽取单位数须为 1 至 ${MAX_UNITS} 的整数。`);
  } else if (unitShare !== null && !(unitShare > 0 && unitShare <= 1)) {
    add('UNIT_SHARE_RANGE', 'unitShare', '抽取比例须大于 0 且不超过 100%。');
  }
  if (!(
    Number.isInteger(input.tasksPerUnit) &&
    input.tasksPerUnit >= 1 &&
    input.tasksPerUnit <= MAX_TASKS_PER_UNIT
  )) {
    add(
      'TASKS_PER_UNIT_RANGE',
      'tasksPerUnit',
      `每个单位抽取任务数须为 1 至 ${MAX_TASKS_PER_UNIT} 的整数。`,
    );
  }
  const taskStatuses = [...new Set(input.taskStatuses ?? ELIGIBLE_STATUSES)].sort();
  if (
    taskStatuses.length === 0 ||
    !taskStatuses.every((s) => (ELIGIBLE_STATUSES as readonly string[]).includes(s))
  ) {
    add('TASK_STATUSES_INVALID', 'taskStatuses', '只能从已核验、已提交的任务中抽取。');
  }
  const unitLevels = [...new Set(input.unitLevels ?? [])].sort();
  if (!unitLevels.every((l) => LEVELS.includes(l))) {
    add('UNIT_LEVELS_INVALID', 'unitLevels', '单位层级须为 province、prefecture 或 county。');
  }
  const deductionPoints = Math.round(input.deductionPoints * 100) / 100;
  if (!(deductionPoints > 0 && deductionPoints <= 100)) {
    add('DEDUCTION_RANGE', 'deductionPoints', '每项不符的扣分须大于 0 且不超过 100 分。');
  }
  const seed = input.seed?.trim() || null;
  if (seed !== null && !SEED_PATTERN.test(seed)) {
    add('SEED_INVALID', 'seed', '随机种子须为 1 至 64 个字母、数字或 . _ - 字符。');
  }
  const reason = input.reason?.normalize('NFC').trim() || null;
  if (reason && reason.length > MAX_REASON) {
    add('REASON_TOO_LONG', 'reason', `原因最多 ${MAX_REASON} 字。`);
  }
  if (problems.length) {
    throw new AppError(
      ErrorCode.VALIDATION_FAILED,
      `抽样参数有误：${problems.map((p) => p.message).join('')}`,
      { problems },
    );
  }
  return {
    scope: input.scope,
    unitCount,
    unitShare,
    tasksPerUnit: input.tasksPerUnit,
    taskStatuses,
    unitLevels,
    deductionPoints,
    seed,
    reason,
  };
}

/** The adjustment's reason: the sample, the task (article, duty, id) and the finding. */
export function discrepancyReason(
  version: number,
  item: { task_id: string; article: number; subject: string; note: string | null },
): string {
  const note = item.note ?? '';
  const shortNote = note.length > 200 ? `${note.slice(0, 200)}…` : note;
  return `实地核查（第 ${version} 版样本）发现不符：第${item.article}条“${item.subject}”任务（${item.task_id}）——${shortNote}`;
}
