import {
  AssessmentPlan,
  defaultPlan,
  rankUnits,
  scoreUnit,
  TaskOutcome,
  UnitInput,
  UnitScore,
} from '@duty/assessment/scoring';
import { ErrorCode } from '@duty/shared/errors';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AssessmentCycle } from '../cycle/assessment-cycle.entity';
import { AppError } from '../graphql/app-error';
import { AssessmentPlanVersion } from './assessment-plan-version.entity';
import { AssessmentResult, AssessmentResultSet } from './assessment-result.entity';

const URGING_COLOUR_ZH: Record<string, string> = { BLUE: '蓝色', ORANGE: '橙色', RED: '红色' };

/** The plan in force for a cycle: the latest saved version, or the default (version 0). */
export interface PlanInForce {
  plan: AssessmentPlan;
  version: number;
  note: string;
  createdBy: string | null;
  createdAt: Date | null;
}

/** A tracked duty of the cycle's regulation version, as indicators refer to it. */
export interface PlanDuty {
  lineageId: string;
  subject: string;
  article: number;
  chapter: number;
  chapterTitle: string;
}

export type RankLevel = 'province' | 'prefecture' | 'county';

export interface RankedUnitScore extends UnitScore {
  unitName: string;
  level: RankLevel;
  parentCode: string | null;
  rank: number;
  /** 不适用: the unit's tasks approved as not applicable, left out of its score (rescaled). */
  notApplicableTasks: number;
}

/** The tracked government duties of a cycle (the ones that became tasks). */
export async function planDuties(manager: EntityManager, cycleId: string): Promise<PlanDuty[]> {
  return manager.query(
    `SELECT d.lineage_id AS "lineageId", d.subject, a.number AS article, c.number AS chapter,
            c.title AS "chapterTitle"
       FROM assessment_cycle y
       JOIN duty d ON d.version_id = y.regulation_version_id AND d.tracked AND d.government_duty
       JOIN regulation_article a ON a.id = d.article_id
       JOIN regulation_chapter c ON c.id = a.chapter_id
      WHERE y.id = $1
      ORDER BY a.number, d.sequence, d.lineage_id`,
    [cycleId],
  );
}

/** One indicator per tracked duty, equal weights within a chapter, equal chapter shares. */
export async function defaultPlanFor(
  manager: EntityManager,
  cycleId: string,
): Promise<AssessmentPlan> {
  const duties = await planDuties(manager, cycleId);
  return defaultPlan(
    duties.map((d) => ({
      id: d.lineageId,
      chapter: d.chapter,
      name: `第${d.article}条 ${d.subject}`,
    })),
  );
}

export async function planInForce(manager: EntityManager, cycleId: string): Promise<PlanInForce> {
  const saved = await manager.findOne(AssessmentPlanVersion, {
    where: { cycleId },
    order: { version: 'DESC' },
  });
  if (saved) {
    return {
      plan: saved.plan,
      version: saved.version,
      note: saved.note,
      createdBy: saved.createdBy,
      createdAt: saved.createdAt,
    };
  }
  return {
    plan: await defaultPlanFor(manager, cycleId),
    version: 0,
    note: '默认方案：每项纳入跟踪的政府职责一个指标，章内等权，各章等分 100 分。',
    createdBy: null,
    createdAt: null,
  };
}

/**
 * Scores every unit with tasks in the cycle as of a day, ranked among units of the same level.
 *
 * The plan's overdue rule is "overdue at the end of the cycle" (年度结束时逾期): it applies once
 * the cycle has ended — when its results are frozen at close (`cycleEnded`), or for a day after
 * its due date — to a task past its due date on that day and neither submitted nor verified.
 * Before the end, a task past its own (earlier) due date is scored by its status like any other
 * (in progress → the in-progress share): it can still be finished in the year, and lateness during
 * the year is pressed by the urging notices (督办单), whose deductions count below.
 * Tasks are read as compact rows (one statement) and scored by the pure scoring library.
 *
 * Measured indicators are scored from `assessment_measure_value` (the reviewer's adjusted value
 * when present, else the unit's reported value); a unit that reported a value is scored even
 * without a task.
 *
 * Tasks approved as not applicable to their unit (不适用) are left out: the unit is scored over
 * its applicable tasks only (an indicator left without a task is excluded and the others are
 * rescaled to 100 by the scoring library), and the number set aside is reported per unit.
 *
 * Staged review scores (`assessment_stage_entry`) override an indicator's computed figure: the
 * latest stage that scored it counts (省级复核 over 市州初审 over 自评; see `scoreUnit`). A unit's
 * self-scores count only while its self-assessment stands submitted: a draft has not been handed
 * in, and a self-assessment returned for correction (退回) is withdrawn until the unit resubmits
 * it — its self-scores do not count while returned, whereas the reviewers' scores (prefecture,
 * provincial) count whatever the unit's state. Adjustments (bonuses, deductions — including
 * on-site deductions and upheld objections) and urging notices apply after, as before.
 */
export async function computeScores(
  manager: EntityManager,
  cycleId: string,
  asOf: string,
  plan?: PlanInForce,
  options: { cycleEnded?: boolean } = {},
): Promise<{ plan: PlanInForce; scores: RankedUnitScore[] }> {
  const inForce = plan ?? (await planInForce(manager, cycleId));
  const loaded = await loadScoringInputs(manager, cycleId, asOf, options);
  const { notApplicableByUnit } = loaded;
  const scored = scoreLoaded(inForce.plan, loaded);
  const ranks = new Map(
    rankUnits(
      scored.map(({ unit, score }) => ({ code: unit.code, level: unit.level, score: score.score })),
    ).map((r) => [r.code, r.rank]),
  );
  return {
    plan: inForce,
    scores: scored.map(({ unit, score }) => ({
      ...score,
      unitName: unit.name,
      level: unit.level,
      parentCode: unit.parent_code,
      rank: ranks.get(unit.code)!,
      notApplicableTasks: notApplicableByUnit.get(unit.code) ?? 0,
    })),
  };
}

/**
 * The live scores of some units of a cycle (no ranks: ranks need every unit), by the same rule
 * as `computeScores` — for pages that show one unit's or a few units' figures, e.g. the stage
 * pages. Units without anything to score are absent from the map.
 */
export async function liveUnitScores(
  manager: EntityManager,
  cycleId: string,
  asOf: string,
  unitCodes: readonly string[],
  options: { cycleEnded?: boolean; plan?: PlanInForce } = {},
): Promise<Map<string, UnitScore>> {
  const inForce = options.plan ?? (await planInForce(manager, cycleId));
  const scored = scoreLoaded(
    inForce.plan,
    await loadScoringInputs(manager, cycleId, asOf, { cycleEnded: options.cycleEnded, unitCodes }),
  );
  return new Map(scored.map(({ unit, score }) => [unit.code, score]));
}

/** Self-assessment states whose self-scores count (see `scoreUnits`). */
const SELF_SCORES_COUNT = 'submitted';

export interface ScoredUnitRow {
  code: string;
  name: string;
  level: RankLevel;
  parent_code: string | null;
}

/** What `scoreUnit` needs for each unit of a cycle, read from the database. */
export interface LoadedScoringInputs {
  units: Array<{ unit: ScoredUnitRow; input: UnitInput }>;
  notApplicableByUnit: Map<string, number>;
}

/**
 * Reads a cycle's scoring inputs, one statement per kind (tasks, units, adjustments, urging
 * notices, measured values, stage scores), as the pure library's `UnitInput` per unit.
 */
export async function loadScoringInputs(
  manager: EntityManager,
  cycleId: string,
  asOf: string,
  options: { cycleEnded?: boolean; unitCodes?: readonly string[] } = {},
): Promise<LoadedScoringInputs> {
  const rows: Array<{
    task_id: string;
    lineage_id: string;
    unit_code: string;
    status: TaskOutcome;
    overdue: boolean;
    extension_count: number;
    return_count: number;
  }> = await manager.query(
    `SELECT t.id AS task_id, t.duty_lineage_id AS lineage_id, t.unit_code, t.status,
            (t.due_date < $2::date AND t.status NOT IN ('SUBMITTED', 'VERIFIED')
              AND ($3::boolean OR $2::date > y.due_date)) AS overdue,
            t.extension_count, t.return_count
       FROM task t JOIN assessment_cycle y ON y.id = t.cycle_id
      WHERE t.cycle_id = $1 AND t.retired_at IS NULL
        AND t.not_applicable_status IS DISTINCT FROM 'APPROVED'`,
    [cycleId, asOf, options.cycleEnded ?? false],
  );
  const notApplicable: Array<{ unit_code: string; n: number }> = await manager.query(
    `SELECT unit_code, count(*)::int AS n FROM task
      WHERE cycle_id = $1 AND retired_at IS NULL AND not_applicable_status = 'APPROVED'
      GROUP BY unit_code`,
    [cycleId],
  );
  const notApplicableByUnit = new Map(notApplicable.map((r) => [r.unit_code, r.n]));
  const units: ScoredUnitRow[] = await manager.query(
    `SELECT code, name, level, parent_code FROM admin_unit
        WHERE (code IN (SELECT DISTINCT unit_code FROM task WHERE cycle_id = $1 AND retired_at IS NULL
                         AND not_applicable_status IS DISTINCT FROM 'APPROVED')
           OR code IN (SELECT unit_code FROM assessment_measure_value
                        WHERE cycle_id = $1 AND (reported_value IS NOT NULL OR adjusted_value IS NOT NULL))
           OR code IN (SELECT unit_code FROM assessment_stage_entry
                        WHERE cycle_id = $1 AND (self_score IS NOT NULL OR prefecture_score IS NOT NULL
                                                 OR provincial_score IS NOT NULL)))
          AND ($2::text[] IS NULL OR code = ANY ($2::text[]))
        ORDER BY code`,
    [cycleId, options.unitCodes ? [...options.unitCodes] : null],
  );
  const adjustments: Array<{ unit_code: string; kind: string; points: string; reason: string }> =
    await manager.query(
      `SELECT unit_code, kind, points::text, reason FROM assessment_adjustment
        WHERE cycle_id = $1 AND revoked_at IS NULL AND kind <> 'remark' ORDER BY created_at, id`,
      [cycleId],
    );
  // 三色督办单 issued up to the day (points fixed on each notice when issued; see urging/).
  const urging: Array<{ unit_code: string; number: string; colour: string; points: string }> =
    await manager.query(
      `SELECT unit_code, number, colour, deduction::text AS points FROM urging_notice
        WHERE cycle_id = $1 AND issued_on <= $2::date AND deduction > 0
          AND task_id NOT IN (SELECT id FROM task WHERE cycle_id = $1
                                AND not_applicable_status = 'APPROVED')
        ORDER BY issued_at, seq`,
      [cycleId, asOf],
    );
  // Measured indicators: each unit's reported and adjusted values (the adjusted one is scored).
  const measures: Array<{
    unit_code: string;
    indicator_id: string;
    reported: string | null;
    adjusted: string | null;
  }> = await manager.query(
    `SELECT unit_code, indicator_id, reported_value::text AS reported, adjusted_value::text AS adjusted
       FROM assessment_measure_value WHERE cycle_id = $1`,
    [cycleId],
  );
  // Staged review scores (自评 / 市州初审 / 省级复核) with the unit's self-assessment state.
  const stages: Array<{
    unit_code: string;
    indicator_id: string;
    self: string | null;
    prefecture: string | null;
    provincial: string | null;
    status: string;
  }> = await manager.query(
    `SELECT e.unit_code, e.indicator_id, e.self_score::text AS self,
            e.prefecture_score::text AS prefecture, e.provincial_score::text AS provincial,
            coalesce(s.status, 'draft') AS status
       FROM assessment_stage_entry e
       LEFT JOIN assessment_stage_unit s ON s.cycle_id = e.cycle_id AND s.unit_code = e.unit_code
      WHERE e.cycle_id = $1`,
    [cycleId],
  );
  const measuresByUnit = groupBy(measures, (m) => m.unit_code);
  const tasksByUnit = groupBy(rows, (r) => r.unit_code);
  const adjustmentsByUnit = groupBy(adjustments, (a) => a.unit_code);
  const urgingByUnit = groupBy(urging, (u) => u.unit_code);
  const stagesByUnit = groupBy(stages, (e) => e.unit_code);
  const num = (v: string | null) => (v === null ? null : Number(v));
  const inputs = units.map((unit) => {
    const own = adjustmentsByUnit.get(unit.code) ?? [];
    const input: UnitInput = {
      code: unit.code,
      level: unit.level,
      measures: (measuresByUnit.get(unit.code) ?? []).map((m) => ({
        indicatorId: m.indicator_id,
        reported: num(m.reported),
        adjusted: num(m.adjusted),
      })),
      tasks: (tasksByUnit.get(unit.code) ?? []).map((t) => ({
        taskId: t.task_id,
        dutyId: t.lineage_id,
        status: t.status,
        overdueAtCycleEnd: t.overdue,
        extensionCount: t.extension_count,
        returnCount: t.return_count,
      })),
      staged: (stagesByUnit.get(unit.code) ?? []).map((e) => ({
        indicatorId: e.indicator_id,
        self: e.status === SELF_SCORES_COUNT ? num(e.self) : null,
        prefecture: num(e.prefecture),
        provincial: num(e.provincial),
      })),
      bonuses: own
        .filter((a) => a.kind === 'bonus')
        .map((a) => ({ points: Number(a.points), reason: a.reason })),
      deductions: [
        ...own
          .filter((a) => a.kind === 'deduction')
          .map((a) => ({ points: Number(a.points), reason: a.reason })),
        ...(urgingByUnit.get(unit.code) ?? []).map((u) => ({
          points: Number(u.points),
          reason: `${URGING_COLOUR_ZH[u.colour] ?? u.colour}督办单 ${u.number}`,
        })),
      ],
    };
    return { unit, input };
  });
  return { units: inputs, notApplicableByUnit };
}

/** Scores loaded inputs with the pure library (no database). */
export function scoreLoaded(
  plan: AssessmentPlan,
  loaded: LoadedScoringInputs,
): Array<{ unit: ScoredUnitRow; score: UnitScore }> {
  return loaded.units.map(({ unit, input }) => ({ unit, score: scoreUnit(plan, input) }));
}

/**
 * Freezes the scores of a cycle being closed into a new result set version (inside the caller's
 * transaction): who, when, the plan version, and a SHA-256 over the result rows.
 */
export async function freezeResults(
  manager: EntityManager,
  cycle: AssessmentCycle,
  closedBy: string,
  closedAt: Date,
  asOf: string,
): Promise<AssessmentResultSet> {
  // Closing is the end of the cycle: the overdue rule applies, whatever the day.
  const { plan, scores } = await computeScores(manager, cycle.id, asOf, undefined, {
    cycleEnded: true,
  });
  const [{ next }] = await manager.query(
    `SELECT coalesce(max(version), 0) + 1 AS next FROM assessment_result_set WHERE cycle_id = $1`,
    [cycle.id],
  );
  const rows = scores
    .map((s) => ({
      unitCode: s.code,
      rankLevel: s.level,
      score: s.score.toFixed(2),
      grade: s.grade,
      rank: s.rank,
      detail: s as unknown as Record<string, unknown>,
    }))
    .sort((a, b) => a.unitCode.localeCompare(b.unitCode));
  const set = manager.create(AssessmentResultSet, {
    cycleId: cycle.id,
    version: next,
    planVersion: plan.version,
    closedBy,
    closedAt,
    asOf,
    rowsSha256: resultRowsHash(rows),
  });
  await manager.insert(AssessmentResultSet, set);
  for (let i = 0; i < rows.length; i += 200) {
    await manager.insert(
      AssessmentResult,
      rows.slice(i, i + 200).map((r) => ({ ...r, resultSetId: set.id })) as never,
    );
  }
  return set;
}

/** SHA-256 over the result rows (unit, level, score, grade, rank), one line each, by unit code. */
export function resultRowsHash(
  rows: Array<{ unitCode: string; rankLevel: string; score: string; grade: string; rank: number }>,
): string {
  const hash = createHash('sha256');
  for (const r of [...rows].sort((a, b) => a.unitCode.localeCompare(b.unitCode))) {
    hash.update(`${r.unitCode}\t${r.rankLevel}\t${r.score}\t${r.grade}\t${r.rank}\n`);
  }
  return hash.digest('hex');
}

/** Marks the latest result set of a cycle being reopened (a reason is required). */
export async function markReopened(
  manager: EntityManager,
  cycleId: string,
  by: string,
  at: Date,
  reason: string,
): Promise<void> {
  const latest = await manager.findOne(AssessmentResultSet, {
    where: { cycleId },
    order: { version: 'DESC' },
  });
  if (!latest) return;
  if (latest.reopenedAt) {
    throw new AppError(ErrorCode.CONFLICT, '该考核结果已被重新打开过。');
  }
  await manager.update(
    AssessmentResultSet,
    { id: latest.id },
    { reopenedAt: at, reopenedBy: by, reopenReason: reason },
  );
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
