import { gradeOf } from './grade';
import { fromHundredths, toHundredths } from './hundredths';
import { measureShare, measureTargetFor, ResolvedTarget, roundValue } from './measure';
import type {
  AssessmentPlan,
  DeductionItem,
  IndicatorScore,
  MeasureScore,
  MeasureValue,
  OutcomeRule,
  PointsItem,
  ScoringRules,
  TaskScore,
  UnitInput,
  UnitScore,
  UnitTask,
} from './types';
import { countingStage, indexStagedScores, stageEarned } from './staged-score';
import { validatePlan } from './validate-plan';

function ruleFor(task: UnitTask): OutcomeRule {
  if (task.overdueAtCycleEnd) return 'overdue';
  switch (task.status) {
    case 'VERIFIED':
      return 'verified';
    case 'SUBMITTED':
      return 'submitted';
    case 'RETURNED':
    case 'IN_PROGRESS':
      return 'returnedOrInProgress';
    case 'NOT_STARTED':
      return 'notStarted';
  }
}

function fractionFor(rule: OutcomeRule, rules: ScoringRules): number {
  return rule === 'overdue' ? rules.overdueAtCycleEnd : rules[rule];
}

function checkPoints(items: ReadonlyArray<PointsItem>, what: string): void {
  for (const item of items) {
    if (!Number.isFinite(item.points) || item.points < 0) {
      throw new RangeError(`scoreUnit: ${what} points must be finite and ≥ 0, got ${item.points}`);
    }
  }
}

function checkCount(task: UnitTask, key: 'extensionCount' | 'returnCount'): void {
  const n = task[key];
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`scoreUnit: task ${task.taskId} ${key} must be an integer ≥ 0, got ${n}`);
  }
}

/** A measured indicator's share for the unit's value: the adjusted value wins over the reported. */
function scoreMeasure(
  spec: NonNullable<AssessmentPlan['indicators'][number]['measure']>,
  weight: number,
  target: ResolvedTarget,
  value: MeasureValue | undefined,
): MeasureScore {
  const reported = value?.reported ?? null;
  const adjusted = value?.adjusted ?? null;
  const scored = adjusted ?? reported;
  const common = {
    reported: reported === null ? null : roundValue(reported),
    adjusted: adjusted === null ? null : roundValue(adjusted),
    target: target.target,
    floor: target.floor,
    targetFrom: target.from,
  };
  if (scored === null) {
    return { ...common, value: null, source: 'none', rule: 'missing', band: null, fraction: 0 };
  }
  const share = measureShare(spec, weight, target, scored);
  return {
    ...common,
    value: roundValue(scored),
    source: adjusted !== null ? 'adjusted' : 'reported',
    ...share,
  };
}

/**
 * Scores one unit against a plan, out of 100.
 *
 * 1. Plan marks: an indicator is worth `chapterWeight × weight / Σ(weights of the chapter's
 *    indicators)`, so a plan's indicators are worth 100 in total.
 * 2. Applicability and rescaling: an indicator counts for this unit only if the unit has at least
 *    one task for one of its duties. Indicators without a task are excluded and the remaining
 *    indicators' marks are scaled up by `100 / Σ(their plan marks)`, so the maximum stays 100 — a
 *    county is not penalised for province-only duties (and vice versa). A unit with no applicable
 *    indicator earns 0 base points.
 * 3. Task fraction: `rules.overdueAtCycleEnd` if the task was overdue at cycle end, whatever its
 *    status (rule `'overdue'`); otherwise by status: VERIFIED → `verified`, SUBMITTED →
 *    `submitted`, RETURNED / IN_PROGRESS → `returnedOrInProgress`, NOT_STARTED → `notStarted`.
 *    An indicator with several tasks earns `marks × mean(fractions)`.
 * 4. Rule deductions (points, from the total, one record per task and kind, only for tasks of
 *    applicable indicators): `perExtensionBeyondFirst × (extensionCount − 1)` when
 *    extensionCount > 1, and `perReturn × returnCount`. Zero-point deductions are not recorded.
 * 5. Manual deductions are subtracted as given; bonuses are summed and capped at `bonusCap`.
 * 6. The score is clamped to [0, 100] and rounded to 2 decimals.
 *
 * Arithmetic: base points (sum of unrounded `earned`) are rounded once to integer hundredths,
 * and every deduction/bonus is converted to integer hundredths (half away from zero, after
 * normalising float noise — see `toHundredths`); the total is then added, clamped and divided by
 * 100 in integers, so there is no float drift (e.g. 3 × 33.333… gives exactly 100). `marks` and
 * `earned` in the breakdown are unrounded.
 *
 * Measured indicators (`kind: 'measure'`) apply to a unit that has a target — its own override,
 * else its level's — and are rescaled with the rest. They earn `marks × share`, the share given
 * by the plan's function (threshold / linear / banded, see `measureShare`) for the adjusted value
 * when a reviewer set one, else the reported value; nothing reported earns 0 (rule `missing`).
 *
 * Staged review scores (`unit.staged`: 自评 / 市州初审 / 省级复核, each on the indicator's
 * plan-marks scale) override the rule for an applicable indicator: the latest stage that scored
 * it counts (provincial over prefecture over self; a later 0 is a score), and the indicator
 * earns `min(stageScore, planMarks) × scale` — the same rescaling as computed figures (the min
 * only absorbs two-decimal rounding of full marks). An indicator no stage scored keeps its
 * computed figure (tasks, or measured value). The breakdown records which source counted
 * (`stage`), the stage's score and the computed figure (`computedEarned`) next to it. Staged
 * scores of indicators that do not apply to the unit are ignored. Deductions and bonuses (rule,
 * manual — incl. on-site deductions and upheld objections — and urging notices) apply after.
 *
 * Tasks whose duty is in no indicator are listed in `ignoredTaskIds` and do not affect anything.
 *
 * @throws RangeError if the plan fails `validatePlan`, on negative / non-finite points or counts,
 *   or on a staged score that is not finite or outside 0..planMarks (in hundredths).
 */
export function scoreUnit(plan: AssessmentPlan, unit: UnitInput): UnitScore {
  const problems = validatePlan(plan);
  if (problems.length > 0) {
    throw new RangeError(
      `scoreUnit: invalid plan (${problems.map((p) => `${p.code} at ${p.path}`).join('; ')})`,
    );
  }
  const manual = unit.deductions ?? [];
  checkPoints(unit.bonuses, 'bonus');
  checkPoints(manual, 'deduction');
  unit.tasks.forEach((t) => {
    checkCount(t, 'extensionCount');
    checkCount(t, 'returnCount');
  });
  const values = new Map<string, MeasureValue>();
  for (const m of unit.measures ?? []) {
    for (const v of [m.reported, m.adjusted]) {
      if (v !== null && !Number.isFinite(v)) {
        throw new RangeError(`scoreUnit: measure ${m.indicatorId} value must be finite, got ${v}`);
      }
    }
    values.set(m.indicatorId, m);
  }

  // Plan marks per indicator.
  const chapterTotals = new Map<number, number>();
  for (const ind of plan.indicators) {
    chapterTotals.set(ind.chapter, (chapterTotals.get(ind.chapter) ?? 0) + ind.weight);
  }
  const dutyToIndicator = new Map<string, number>();
  plan.indicators.forEach((ind, i) => ind.dutyIds.forEach((d) => dutyToIndicator.set(d, i)));

  // Group the unit's tasks by indicator.
  const tasksByIndicator = new Map<number, UnitTask[]>();
  const ignoredTaskIds: string[] = [];
  for (const task of unit.tasks) {
    const i = dutyToIndicator.get(task.dutyId);
    if (i === undefined) {
      ignoredTaskIds.push(task.taskId);
      continue;
    }
    const list = tasksByIndicator.get(i) ?? [];
    list.push(task);
    tasksByIndicator.set(i, list);
  }

  const planMarksOf = (i: number): number => {
    const ind = plan.indicators[i];
    return (plan.chapterWeights[ind.chapter] * ind.weight) / (chapterTotals.get(ind.chapter) ?? 1);
  };
  const staged = indexStagedScores(
    'scoreUnit',
    new Map(plan.indicators.map((ind, i) => [ind.id, planMarksOf(i)])),
    unit.staged ?? [],
  );
  /** The counting source of an applicable indicator, given its computed figure. */
  const counted = (
    id: string,
    planMarks: number,
    computedEarned: number,
  ): Pick<IndicatorScore, 'earned' | 'stage' | 'stageScore' | 'computedEarned'> => {
    const stage = countingStage(staged.get(id));
    return stage
      ? {
          earned: stageEarned(stage.score, planMarks, scale),
          stage: stage.stage,
          stageScore: stage.score,
          computedEarned,
        }
      : { earned: computedEarned, stage: 'computed', stageScore: null, computedEarned };
  };
  // A measured indicator applies when the unit has a target (its own or its level's).
  const targets = new Map<number, ResolvedTarget>();
  plan.indicators.forEach((ind, i) => {
    if (ind.kind !== 'measure' || !ind.measure) return;
    const target = measureTargetFor(ind.measure, unit.code, unit.level);
    if (target) targets.set(i, target);
  });
  const applicable = plan.indicators
    .map((_, i) => i)
    .filter((i) => tasksByIndicator.has(i) || targets.has(i));
  const available = applicable.reduce((acc, i) => acc + planMarksOf(i), 0);
  const scale = available > 0 ? 100 / available : 0;

  const breakdown: IndicatorScore[] = [];
  const deductions: DeductionItem[] = [];
  let base = 0;
  for (const i of applicable) {
    const target = targets.get(i);
    if (target) {
      const ind = plan.indicators[i];
      const measure = scoreMeasure(ind.measure!, ind.weight, target, values.get(ind.id));
      const planMarks = planMarksOf(i);
      const marks = planMarks * scale;
      const score = counted(ind.id, planMarks, marks * measure.fraction);
      base += score.earned;
      breakdown.push({
        indicatorId: ind.id,
        kind: 'measure',
        marks,
        planMarks,
        ...score,
        tasks: [],
        measure,
      });
      continue;
    }
    const tasks = tasksByIndicator.get(i) ?? [];
    const taskScores: TaskScore[] = tasks.map((t) => {
      const rule = ruleFor(t);
      return { taskId: t.taskId, status: t.status, rule, fraction: fractionFor(rule, plan.rules) };
    });
    const mean = taskScores.reduce((acc, t) => acc + t.fraction, 0) / taskScores.length;
    const planMarks = planMarksOf(i);
    const marks = planMarks * scale;
    const score = counted(plan.indicators[i].id, planMarks, marks * mean);
    base += score.earned;
    breakdown.push({
      indicatorId: plan.indicators[i].id,
      kind: 'work',
      marks,
      planMarks,
      ...score,
      tasks: taskScores,
    });

    for (const t of tasks) {
      if (t.extensionCount > 1 && plan.deductions.perExtensionBeyondFirst > 0) {
        const extra = t.extensionCount - 1;
        deductions.push({
          points: fromHundredths(toHundredths(plan.deductions.perExtensionBeyondFirst * extra)),
          reason: `首次之外延期 ${extra} 次`,
          taskId: t.taskId,
        });
      }
      if (t.returnCount > 0 && plan.deductions.perReturn > 0) {
        deductions.push({
          points: fromHundredths(toHundredths(plan.deductions.perReturn * t.returnCount)),
          reason: `被退回 ${t.returnCount} 次`,
          taskId: t.taskId,
        });
      }
    }
  }
  for (const d of manual) {
    deductions.push({ points: fromHundredths(toHundredths(d.points)), reason: d.reason });
  }

  const requestedH = unit.bonuses.reduce((acc, b) => acc + toHundredths(b.points), 0);
  const appliedH = Math.min(requestedH, toHundredths(plan.bonusCap));
  const deductedH = deductions.reduce((acc, d) => acc + toHundredths(d.points), 0);
  const totalH = toHundredths(base) - deductedH + appliedH;
  const score = fromHundredths(Math.min(10000, Math.max(0, totalH)));

  return {
    code: unit.code,
    score,
    grade: gradeOf(score, plan.bands),
    breakdown,
    deductions,
    bonus: { requested: fromHundredths(requestedH), applied: fromHundredths(appliedH) },
    ignoredTaskIds,
  };
}
