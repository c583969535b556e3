import { toValueUnits } from './measure';
import type {
  AssessmentPlan,
  Indicator,
  MeasureTarget,
  PlanProblem,
  ScoringRules,
  UnitLevel,
} from './types';

/** Codes about measured indicators (and indicator kinds), part of PLAN_PROBLEM_CODES. */
export const MEASURE_PROBLEM_CODES = [
  'INDICATOR_KIND_INVALID',
  'MEASURE_SPEC_MISSING',
  'MEASURE_WITH_DUTIES',
  'MEASURE_UNIT_EMPTY',
  'MEASURE_DIRECTION_INVALID',
  'MEASURE_SCORING_INVALID',
  'MEASURE_NO_TARGETS',
  'MEASURE_LEVEL_INVALID',
  'MEASURE_TARGET_INVALID',
  'MEASURE_FLOOR_MISSING',
  'MEASURE_FLOOR_ORDER',
  'MEASURE_OVERRIDE_UNIT_EMPTY',
  'MEASURE_OVERRIDE_DUPLICATE',
  'MEASURE_BANDS_EMPTY',
  'MEASURE_BAND_RANGE',
  'MEASURE_BANDS_OVERLAP',
  'MEASURE_BAND_POINTS_RANGE',
  'MEASURE_BANDS_DIRECTION',
] as const;

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
  ...MEASURE_PROBLEM_CODES,
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

const LEVELS: ReadonlyArray<UnitLevel> = ['province', 'prefecture', 'county'];
const LEVEL_ZH: Record<UnitLevel, string> = {
  province: '省级',
  prefecture: '市州',
  county: '县级',
};
const MAX_UNIT_OF_MEASURE = 20;

type AddProblem = (code: PlanProblemCode, path: string, message: string) => void;

/** Checks one measured indicator (`kind: 'measure'`). */
function validateMeasure(ind: Indicator, path: string, add: AddProblem): void {
  const spec = ind.measure;
  if (!spec) {
    add('MEASURE_SPEC_MISSING', `${path}.measure`, `定量指标“${ind.name}”缺少计量设置`);
    return;
  }
  if (ind.dutyIds.length > 0) {
    add('MEASURE_WITH_DUTIES', `${path}.dutyIds`, `定量指标“${ind.name}”不应关联职责`);
  }
  const uom = typeof spec.unitOfMeasure === 'string' ? spec.unitOfMeasure.trim() : '';
  if (uom === '' || uom.length > MAX_UNIT_OF_MEASURE) {
    add(
      'MEASURE_UNIT_EMPTY',
      `${path}.measure.unitOfMeasure`,
      `定量指标“${ind.name}”须填写计量单位（最多 ${MAX_UNIT_OF_MEASURE} 字）`,
    );
  }
  const directionOk = spec.direction === 'higher' || spec.direction === 'lower';
  if (!directionOk) {
    add(
      'MEASURE_DIRECTION_INVALID',
      `${path}.measure.direction`,
      `定量指标“${ind.name}”的方向须为“越高越好”或“越低越好”`,
    );
  }
  if (!['threshold', 'linear', 'banded'].includes(spec.scoring)) {
    add(
      'MEASURE_SCORING_INVALID',
      `${path}.measure.scoring`,
      `定量指标“${ind.name}”的计分方式须为达标计分、线性计分或分档计分`,
    );
  }

  const checkTarget = (t: MeasureTarget, at: string, label: string) => {
    if (!isFiniteNumber(t.target)) {
      add('MEASURE_TARGET_INVALID', `${at}.target`, `定量指标“${ind.name}”${label}的目标值无效`);
      return;
    }
    if (t.floor !== undefined && t.floor !== null && !isFiniteNumber(t.floor)) {
      add('MEASURE_TARGET_INVALID', `${at}.floor`, `定量指标“${ind.name}”${label}的底线值无效`);
      return;
    }
    if (spec.scoring !== 'linear') return;
    if (t.floor === undefined || t.floor === null) {
      add(
        'MEASURE_FLOOR_MISSING',
        `${at}.floor`,
        `定量指标“${ind.name}”${label}采用线性计分，须设置底线值`,
      );
    } else if (
      directionOk &&
      (spec.direction === 'higher'
        ? !(toValueUnits(t.floor) < toValueUnits(t.target))
        : !(toValueUnits(t.floor) > toValueUnits(t.target)))
    ) {
      add(
        'MEASURE_FLOOR_ORDER',
        `${at}.floor`,
        spec.direction === 'higher'
          ? `定量指标“${ind.name}”${label}越高越好，底线值（${t.floor}）须低于目标值（${t.target}）`
          : `定量指标“${ind.name}”${label}越低越好，底线值（${t.floor}）须高于目标值（${t.target}）`,
      );
    }
  };

  const levels = spec.levels ?? {};
  let targets = 0;
  for (const [level, t] of Object.entries(levels)) {
    if (!t) continue;
    if (!LEVELS.includes(level as UnitLevel)) {
      add('MEASURE_LEVEL_INVALID', `${path}.measure.levels.${level}`, `未知的层级“${level}”`);
      continue;
    }
    targets++;
    checkTarget(t, `${path}.measure.levels.${level}`, `（${LEVEL_ZH[level as UnitLevel]}）`);
  }
  const seenUnits = new Set<string>();
  (spec.overrides ?? []).forEach((o, j) => {
    const at = `${path}.measure.overrides.${j}`;
    const code = typeof o.unitCode === 'string' ? o.unitCode.trim() : '';
    if (code === '') {
      add(
        'MEASURE_OVERRIDE_UNIT_EMPTY',
        `${at}.unitCode`,
        `定量指标“${ind.name}”的单独目标未指定单位`,
      );
      return;
    }
    if (seenUnits.has(code)) {
      add(
        'MEASURE_OVERRIDE_DUPLICATE',
        `${at}.unitCode`,
        `定量指标“${ind.name}”对单位 ${code} 重复设置了单独目标`,
      );
    }
    seenUnits.add(code);
    targets++;
    checkTarget(o, at, `（单位 ${code}）`);
  });
  if (targets === 0) {
    add(
      'MEASURE_NO_TARGETS',
      `${path}.measure.levels`,
      `定量指标“${ind.name}”至少须为一个层级或单位设置目标值`,
    );
  }

  if (spec.scoring !== 'banded') return;
  const bands = spec.bands ?? [];
  if (bands.length === 0) {
    add(
      'MEASURE_BANDS_EMPTY',
      `${path}.measure.bands`,
      `定量指标“${ind.name}”分档计分须至少设置一档`,
    );
    return;
  }
  let rangesOk = true;
  bands.forEach((b, j) => {
    const at = `${path}.measure.bands.${j}`;
    const boundOk = (x: number | null) => x === null || isFiniteNumber(x);
    if (
      !boundOk(b.min) ||
      !boundOk(b.max) ||
      (b.min !== null && b.max !== null && !(toValueUnits(b.min) < toValueUnits(b.max)))
    ) {
      rangesOk = false;
      add('MEASURE_BAND_RANGE', at, `定量指标“${ind.name}”第 ${j + 1} 档的下限须小于上限`);
    }
    if (
      !isFiniteNumber(b.points) ||
      b.points < 0 ||
      !isFiniteNumber(ind.weight) ||
      b.points > ind.weight
    ) {
      add(
        'MEASURE_BAND_POINTS_RANGE',
        `${at}.points`,
        `定量指标“${ind.name}”第 ${j + 1} 档的得分须在 0 到指标分值 ${ind.weight} 之间，当前为 ${b.points}`,
      );
    }
  });
  if (!rangesOk) return;
  // Ranges in ascending order must not overlap, and points must not fall as the value improves.
  const lo = (x: number | null) => (x === null ? -Infinity : toValueUnits(x));
  const hi = (x: number | null) => (x === null ? Infinity : toValueUnits(x));
  const order = bands.map((b, j) => ({ b, j })).sort((x, y) => lo(x.b.min) - lo(y.b.min));
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1];
    const cur = order[k];
    if (lo(cur.b.min) < hi(prev.b.max)) {
      add(
        'MEASURE_BANDS_OVERLAP',
        `${path}.measure.bands.${cur.j}`,
        `定量指标“${ind.name}”第 ${prev.j + 1} 档与第 ${cur.j + 1} 档的区间重叠`,
      );
    } else if (
      directionOk &&
      (spec.direction === 'higher' ? cur.b.points < prev.b.points : cur.b.points > prev.b.points)
    ) {
      add(
        'MEASURE_BANDS_DIRECTION',
        `${path}.measure.bands.${cur.j}`,
        spec.direction === 'higher'
          ? `定量指标“${ind.name}”越高越好，数值更高的档次得分不能更低`
          : `定量指标“${ind.name}”越低越好，数值更高的档次得分不能更高`,
      );
    }
  }
}

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
    const kind = ind.kind ?? 'work';
    if (kind !== 'work' && kind !== 'measure') {
      add('INDICATOR_KIND_INVALID', `${path}.kind`, `指标“${ind.name}”的类型须为职责类或定量类`);
    } else if (kind === 'measure') {
      validateMeasure(ind, path, add);
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
