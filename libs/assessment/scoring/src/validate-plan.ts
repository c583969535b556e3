import type { AssessmentPlan, PlanProblem, ScoringRules } from './types';

/** Every code `validatePlan` can report. */
export const PLAN_PROBLEM_CODES = [
  'CHAPTER_WEIGHTS_SUM',
  'CHAPTER_WEIGHT_NEGATIVE',
  'INDICATOR_CHAPTER_UNWEIGHTED',
  'INDICATOR_WEIGHT_NEGATIVE',
  'CHAPTER_INDICATOR_WEIGHTS_ZERO',
  'INDICATOR_ID_DUPLICATE',
  'DUTY_IN_TWO_INDICATORS',
  'RULE_FRACTION_RANGE',
  'DEDUCTION_NEGATIVE',
  'BONUS_CAP_RANGE',
  'BANDS_EMPTY',
  'BANDS_ORDER',
  'BANDS_LAST_MIN',
  'BAND_GRADE_EMPTY',
  'BAND_GRADE_DUPLICATE',
] as const;

export type PlanProblemCode = (typeof PLAN_PROBLEM_CODES)[number];

const SUM_TOLERANCE = 0.001;

const RULE_KEYS: ReadonlyArray<keyof ScoringRules> = [
  'verified',
  'submitted',
  'returnedOrInProgress',
  'notStarted',
  'overdueAtCycleEnd',
];

const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Checks an assessment plan; returns an empty array when the plan is usable by `scoreUnit`. */
export function validatePlan(plan: AssessmentPlan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const add = (code: PlanProblemCode, path: string, message: string) =>
    problems.push({ code, path, message });

  // Chapter weights.
  let sum = 0;
  for (const [chapter, weight] of Object.entries(plan.chapterWeights)) {
    if (!isFiniteNumber(weight) || weight < 0) {
      add(
        'CHAPTER_WEIGHT_NEGATIVE',
        `chapterWeights.${chapter}`,
        `第${chapter}章权重必须为非负数，当前为 ${weight}`,
      );
    }
    sum += isFiniteNumber(weight) ? weight : 0;
  }
  if (Math.abs(sum - 100) > SUM_TOLERANCE) {
    add('CHAPTER_WEIGHTS_SUM', 'chapterWeights', `各章权重之和必须为 100，当前为 ${sum}`);
  }

  // Indicators.
  const seenIds = new Map<string, number>();
  const dutyOwner = new Map<string, string>();
  const chapterTotals = new Map<number, number>();
  plan.indicators.forEach((ind, i) => {
    const path = `indicators.${i}`;
    if (!Object.prototype.hasOwnProperty.call(plan.chapterWeights, ind.chapter)) {
      add(
        'INDICATOR_CHAPTER_UNWEIGHTED',
        `${path}.chapter`,
        `指标“${ind.name}”所属第${ind.chapter}章未设置权重`,
      );
    }
    if (!isFiniteNumber(ind.weight) || ind.weight < 0) {
      add(
        'INDICATOR_WEIGHT_NEGATIVE',
        `${path}.weight`,
        `指标“${ind.name}”的权重必须为非负数，当前为 ${ind.weight}`,
      );
    }
    chapterTotals.set(
      ind.chapter,
      (chapterTotals.get(ind.chapter) ?? 0) + (isFiniteNumber(ind.weight) ? ind.weight : 0),
    );
    if (seenIds.has(ind.id)) {
      add(
        'INDICATOR_ID_DUPLICATE',
        `${path}.id`,
        `指标编号“${ind.id}”重复（与第 ${seenIds.get(ind.id)} 项相同）`,
      );
    } else {
      seenIds.set(ind.id, i);
    }
    ind.dutyIds.forEach((dutyId, j) => {
      const owner = dutyOwner.get(dutyId);
      if (owner !== undefined) {
        add(
          'DUTY_IN_TWO_INDICATORS',
          `${path}.dutyIds.${j}`,
          `职责“${dutyId}”同时属于指标“${owner}”和“${ind.id}”`,
        );
      } else {
        dutyOwner.set(dutyId, ind.id);
      }
    });
  });
  for (const [chapter, total] of chapterTotals) {
    if (!(total > 0)) {
      add(
        'CHAPTER_INDICATOR_WEIGHTS_ZERO',
        `chapterWeights.${chapter}`,
        `第${chapter}章各指标权重之和必须大于 0`,
      );
    }
  }

  // Rules, deductions, bonus cap.
  for (const key of RULE_KEYS) {
    const v = plan.rules[key];
    if (!isFiniteNumber(v) || v < 0 || v > 1) {
      add('RULE_FRACTION_RANGE', `rules.${key}`, `计分比例 ${key} 必须在 0 到 1 之间，当前为 ${v}`);
    }
  }
  for (const key of ['perExtensionBeyondFirst', 'perReturn'] as const) {
    const v = plan.deductions[key];
    if (!isFiniteNumber(v) || v < 0) {
      add('DEDUCTION_NEGATIVE', `deductions.${key}`, `扣分标准 ${key} 不能为负数，当前为 ${v}`);
    }
  }
  if (!isFiniteNumber(plan.bonusCap) || plan.bonusCap < 0 || plan.bonusCap > 100) {
    add('BONUS_CAP_RANGE', 'bonusCap', `加分上限必须在 0 到 100 之间，当前为 ${plan.bonusCap}`);
  }

  // Grade bands.
  if (plan.bands.length === 0) {
    add('BANDS_EMPTY', 'bands', '至少需要一个等次');
  } else {
    const grades = new Set<string>();
    plan.bands.forEach((band, i) => {
      if (band.grade.trim() === '') {
        add('BAND_GRADE_EMPTY', `bands.${i}.grade`, `第 ${i + 1} 个等次名称不能为空`);
      } else if (grades.has(band.grade)) {
        add('BAND_GRADE_DUPLICATE', `bands.${i}.grade`, `等次名称“${band.grade}”重复`);
      } else {
        grades.add(band.grade);
      }
      if (i > 0 && !(band.min < plan.bands[i - 1].min)) {
        add(
          'BANDS_ORDER',
          `bands.${i}.min`,
          `等次须按分数线严格递减排列：“${band.grade}”(${band.min}) 不低于上一等次(${plan.bands[i - 1].min})`,
        );
      }
    });
    const last = plan.bands[plan.bands.length - 1];
    if (last.min !== 0) {
      add(
        'BANDS_LAST_MIN',
        `bands.${plan.bands.length - 1}.min`,
        `最低等次“${last.grade}”的分数线必须为 0，当前为 ${last.min}`,
      );
    }
  }

  return problems;
}
