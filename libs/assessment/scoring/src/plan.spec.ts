import { DEFAULT_BONUS_CAP, defaultPlan, equalChapterWeights } from './plan';
import { MEASURE_PROBLEM_CODES, PLAN_PROBLEM_CODES, validatePlan } from './validate-plan';
import type { AssessmentPlan } from './types';

const duties = [1, 2, 3, 4, 5, 6, 7].flatMap((chapter) =>
  Array.from({ length: (chapter % 3) + 1 }, (_, i) => ({
    id: `C${chapter}-${i}`,
    chapter,
    name: `第${chapter}章职责${i}`,
  })),
);

describe('defaultPlan', () => {
  it('gives 7 chapters weights summing to exactly 100 (remainder on the last)', () => {
    const plan = defaultPlan(duties);
    const weights = Object.values(plan.chapterWeights);
    expect(weights).toEqual([14.28, 14.28, 14.28, 14.28, 14.28, 14.28, 14.32]);
    expect(weights.reduce((a, w) => a + Math.round(w * 100), 0)).toBe(10000);
    expect(weights.reduce((a, w) => a + w, 0)).toBeCloseTo(100, 10);
    expect(validatePlan(plan)).toEqual([]);
  });

  it('creates one indicator per duty with equal weight and default settings', () => {
    const plan = defaultPlan(duties);
    expect(plan.indicators).toHaveLength(duties.length);
    expect(plan.indicators[0]).toEqual({
      id: 'C1-0',
      name: '第1章职责0',
      chapter: 1,
      weight: 1,
      dutyIds: ['C1-0'],
    });
    expect(plan.indicators.every((i) => i.weight === 1)).toBe(true);
    expect(plan.rules).toEqual({
      verified: 1,
      submitted: 0.5,
      returnedOrInProgress: 0.25,
      notStarted: 0,
      overdueAtCycleEnd: 0,
    });
    expect(plan.deductions).toEqual({ perExtensionBeyondFirst: 0.5, perReturn: 0.5 });
    expect(plan.bonusCap).toBe(DEFAULT_BONUS_CAP);
    expect(plan.bands.map((b) => [b.grade, b.min])).toEqual([
      ['优秀', 90],
      ['良好', 80],
      ['合格', 60],
      ['不合格', 0],
    ]);
  });

  it('uses given chapter weights and only weights chapters that have duties', () => {
    expect(defaultPlan(duties.slice(0, 2), { 1: 100 }).chapterWeights).toEqual({ 1: 100 });
    expect(equalChapterWeights([5, 2, 5, 9])).toEqual({ 2: 33.33, 5: 33.33, 9: 33.34 });
    expect(equalChapterWeights([])).toEqual({});
  });

  it('returns independent copies of the defaults', () => {
    const a = defaultPlan(duties);
    a.rules.verified = 0;
    a.bands[0].min = 1;
    const b = defaultPlan(duties);
    expect(b.rules.verified).toBe(1);
    expect(b.bands[0].min).toBe(90);
  });
});

describe('validatePlan', () => {
  const base = (): AssessmentPlan =>
    defaultPlan(
      [
        { id: 'D1', chapter: 1, name: '一' },
        { id: 'D2', chapter: 2, name: '二' },
      ],
      { 1: 60, 2: 40 },
    );
  const codes = (plan: AssessmentPlan) => validatePlan(plan).map((p) => `${p.code}@${p.path}`);

  it('accepts a valid plan and a sum within ±0.001', () => {
    expect(validatePlan(base())).toEqual([]);
    const p = base();
    p.chapterWeights[2] = 40.0009;
    expect(validatePlan(p)).toEqual([]);
  });

  const cases: Array<[string, (p: AssessmentPlan) => void, string[]]> = [
    [
      'CHAPTER_WEIGHTS_SUM',
      (p) => (p.chapterWeights[2] = 40.002),
      ['CHAPTER_WEIGHTS_SUM@chapterWeights'],
    ],
    [
      'CHAPTER_WEIGHT_NEGATIVE',
      (p) => {
        p.chapterWeights = { 1: 110, 2: -10 };
      },
      ['CHAPTER_WEIGHT_NEGATIVE@chapterWeights.2'],
    ],
    [
      'INDICATOR_CHAPTER_UNWEIGHTED',
      (p) => (p.indicators[1].chapter = 3),
      ['INDICATOR_CHAPTER_UNWEIGHTED@indicators.1.chapter'],
    ],
    [
      'INDICATOR_WEIGHT_NEGATIVE',
      (p) => {
        p.indicators.push({ id: 'D3', name: '三', chapter: 1, weight: -0.5, dutyIds: ['D3'] });
      },
      ['INDICATOR_WEIGHT_NEGATIVE@indicators.2.weight'],
    ],
    [
      'CHAPTER_INDICATOR_WEIGHTS_ZERO',
      (p) => (p.indicators[0].weight = 0),
      ['CHAPTER_INDICATOR_WEIGHTS_ZERO@chapterWeights.1'],
    ],
    [
      'INDICATOR_ID_DUPLICATE',
      (p) => (p.indicators[1].id = 'D1'),
      ['INDICATOR_ID_DUPLICATE@indicators.1.id'],
    ],
    [
      'DUTY_IN_TWO_INDICATORS',
      (p) => p.indicators[1].dutyIds.push('D1'),
      ['DUTY_IN_TWO_INDICATORS@indicators.1.dutyIds.1'],
    ],
    [
      'RULE_FRACTION_RANGE',
      (p) => {
        p.rules.submitted = 1.5;
        p.rules.overdueAtCycleEnd = -0.1;
      },
      ['RULE_FRACTION_RANGE@rules.submitted', 'RULE_FRACTION_RANGE@rules.overdueAtCycleEnd'],
    ],
    [
      'DEDUCTION_NEGATIVE',
      (p) => (p.deductions.perReturn = -1),
      ['DEDUCTION_NEGATIVE@deductions.perReturn'],
    ],
    ['BONUS_CAP_RANGE', (p) => (p.bonusCap = 101), ['BONUS_CAP_RANGE@bonusCap']],
    [
      'BANDS_EMPTY',
      (p) => {
        p.bands = [];
      },
      ['BANDS_EMPTY@bands'],
    ],
    ['BANDS_ORDER', (p) => (p.bands[2].min = 80), ['BANDS_ORDER@bands.2.min']],
    ['BANDS_LAST_MIN', (p) => (p.bands[3].min = 10), ['BANDS_LAST_MIN@bands.3.min']],
    ['BAND_GRADE_EMPTY', (p) => (p.bands[1].grade = ' '), ['BAND_GRADE_EMPTY@bands.1.grade']],
    [
      'BAND_GRADE_DUPLICATE',
      (p) => (p.bands[2].grade = '优秀'),
      ['BAND_GRADE_DUPLICATE@bands.2.grade'],
    ],
  ];

  it.each(cases)('reports %s', (_code, mutate, expected) => {
    const p = base();
    mutate(p);
    expect(codes(p)).toEqual(expected);
  });

  it('covers every exported problem code and writes Chinese messages', () => {
    // Measured-indicator codes are covered in measure.spec.ts.
    const measureCodes: readonly string[] = MEASURE_PROBLEM_CODES;
    expect(cases.map((c) => c[0]).sort()).toEqual(
      PLAN_PROBLEM_CODES.filter((c) => !measureCodes.includes(c)).sort(),
    );
    const p = base();
    p.bonusCap = -1;
    expect(validatePlan(p)[0].message).toMatch(/加分上限/);
  });

  it('treats NaN weights and fractions as problems', () => {
    const p = base();
    p.chapterWeights[1] = NaN;
    p.rules.verified = NaN;
    expect(codes(p)).toEqual([
      'CHAPTER_WEIGHT_NEGATIVE@chapterWeights.1',
      'CHAPTER_WEIGHTS_SUM@chapterWeights',
      'RULE_FRACTION_RANGE@rules.verified',
    ]);
  });
});
