import { AssessmentPlan } from '@duty/assessment/scoring';
import { ErrorCode } from '@duty/shared/errors';
import { EntityManager } from 'typeorm';
import { Principal } from '../../auth/principal';
import { AssessmentCycle } from '../../cycle/assessment-cycle.entity';
import { AppError } from '../../graphql/app-error';
import { planInForce } from '../assessment-scores';
import {
  ASSESSMENT_STAGES,
  AssessmentScoreChange,
  AssessmentStage,
  AssessmentStageEntry,
  AssessmentStageUnit,
  AssessmentStageWindow,
  ScoreChangeAction,
} from './assessment-stage.entities';
import {
  applicableIndicators,
  invalid,
  Problem,
  ScopedUnit,
  STAGE_ZH,
  UnitStageIndicator,
} from './assessment-stage.rules';

/*
 * Reads and writes of the staged assessment shared by its services, inside their transactions.
 */

/** All problems of an input in one VALIDATION_FAILED. */
export function problemsError(problems: Problem[]): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, problems.map((p) => p.message).join(''), {
    problems,
  });
}

export function stageWindows(
  manager: EntityManager,
  cycleId: string,
): Promise<AssessmentStageWindow[]> {
  return manager
    .find(AssessmentStageWindow, { where: { cycleId } })
    .then((rows) =>
      rows.sort((a, b) => ASSESSMENT_STAGES.indexOf(a.stage) - ASSESSMENT_STAGES.indexOf(b.stage)),
    );
}

/** Self-assessment is closed for good once the preliminary review has closed. */
export function selfClosed(
  windows: Map<AssessmentStage, AssessmentStageWindow>,
  now: Date,
): boolean {
  const review = windows.get('PREFECTURE_REVIEW');
  return !!review && now.getTime() >= review.closesAt.getTime();
}

/**
 * Self-assessment is open from its window's start until the preliminary review closes;
 * after its own window closes a submission is late, not refused.
 */
export async function assertSelfOpen(
  manager: EntityManager,
  cycleId: string,
  now: Date,
): Promise<AssessmentStageWindow> {
  const windows = new Map((await stageWindows(manager, cycleId)).map((w) => [w.stage, w]));
  const self = windows.get('SELF_ASSESSMENT');
  if (!self) throw invalid('STAGE_NOT_SCHEDULED', '尚未安排自评阶段的时间。', 'stage');
  if (now.getTime() < self.opensAt.getTime()) {
    throw invalid('STAGE_NOT_OPEN', '自评阶段尚未开始。', 'stage');
  }
  if (selfClosed(windows, now)) {
    throw invalid('STAGE_CLOSED', '市州初审已截止，自评不能再修改或提交。', 'stage');
  }
  return self;
}

export async function assertStageOpen(
  manager: EntityManager,
  cycleId: string,
  stage: AssessmentStage,
  now: Date,
): Promise<AssessmentStageWindow> {
  const window = await manager.findOne(AssessmentStageWindow, { where: { cycleId, stage } });
  if (!window) {
    throw invalid('STAGE_NOT_SCHEDULED', `尚未安排“${STAGE_ZH[stage]}”阶段的时间。`, 'stage');
  }
  if (now.getTime() < window.opensAt.getTime()) {
    throw invalid('STAGE_NOT_OPEN', `“${STAGE_ZH[stage]}”阶段尚未开始。`, 'stage');
  }
  if (now.getTime() >= window.closesAt.getTime()) {
    throw invalid('STAGE_CLOSED', `“${STAGE_ZH[stage]}”阶段已截止。`, 'stage');
  }
  return window;
}

export async function findCycle(manager: EntityManager, cycleId: string): Promise<AssessmentCycle> {
  const cycle = await manager.findOne(AssessmentCycle, { where: { id: cycleId } });
  if (!cycle) throw new AppError(ErrorCode.NOT_FOUND, '未找到该考核年度。');
  return cycle;
}

export async function findUnit(manager: EntityManager, code: string): Promise<ScopedUnit | null> {
  const [unit] = await manager.query(
    `SELECT u.code, u.name, u.level, u.parent_code AS "parentCode", p.level AS "parentLevel"
       FROM admin_unit u LEFT JOIN admin_unit p ON p.code = u.parent_code
      WHERE u.code = $1`,
    [code],
  );
  return unit ?? null;
}

/** The duty lineages each unit has tasks for in the cycle (what makes a work item apply). */
export async function unitDuties(
  manager: EntityManager,
  cycleId: string,
  codes: string[],
): Promise<Map<string, Set<string>>> {
  const rows: Array<{ unit: string; duties: string[] }> = await manager.query(
    `SELECT unit_code AS unit, array_agg(DISTINCT duty_lineage_id::text) AS duties
       FROM task WHERE cycle_id = $1 AND unit_code = ANY($2) GROUP BY unit_code`,
    [cycleId, codes],
  );
  return new Map(rows.map((r) => [r.unit, new Set(r.duties)]));
}

export async function applicableFor(
  manager: EntityManager,
  cycleId: string,
  plan: AssessmentPlan,
  unit: ScopedUnit,
): Promise<Omit<UnitStageIndicator, 'entry'>[]> {
  const duties = await unitDuties(manager, cycleId, [unit.code]);
  return applicableIndicators(plan, unit, duties.get(unit.code) ?? new Set());
}

export async function applicableIndicator(
  manager: EntityManager,
  cycleId: string,
  unit: ScopedUnit,
  indicatorId: string,
): Promise<Omit<UnitStageIndicator, 'entry'>> {
  const { plan } = await planInForce(manager, cycleId);
  const found = (await applicableFor(manager, cycleId, plan, unit)).find(
    (i) => i.indicatorId === indicatorId,
  );
  if (!found) {
    throw invalid(
      'INDICATOR_NOT_APPLICABLE',
      '考核方案中没有适用于该单位的这项指标。',
      'indicatorId',
    );
  }
  return found;
}

/** The unit's state row, created on first use and locked for this transaction. */
export async function lockUnit(
  manager: EntityManager,
  cycleId: string,
  unitCode: string,
): Promise<AssessmentStageUnit> {
  await manager.query(
    `INSERT INTO assessment_stage_unit (cycle_id, unit_code) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [cycleId, unitCode],
  );
  return manager.findOneOrFail(AssessmentStageUnit, {
    where: { cycleId, unitCode },
    lock: { mode: 'pessimistic_write' },
  });
}

export function lockEntry(
  manager: EntityManager,
  cycleId: string,
  unitCode: string,
  indicatorId: string,
): Promise<AssessmentStageEntry | null> {
  return manager.findOne(AssessmentStageEntry, {
    where: { cycleId, unitCode, indicatorId },
    lock: { mode: 'pessimistic_write' },
  });
}

export async function recordChange(
  manager: EntityManager,
  principal: Principal,
  change: {
    cycleId: string;
    unitCode: string;
    indicatorId: string | null;
    stage: AssessmentStage;
    action: ScoreChangeAction;
    beforeScore: string | null;
    afterScore: string | null;
    reason: string | null;
    detail: Record<string, string | number | boolean | null>;
    occurredAt: Date;
  },
): Promise<void> {
  await manager.insert(AssessmentScoreChange, {
    ...change,
    actor: principal.username,
    actorRole: principal.role ?? '',
  });
}
