import { DEFAULT_DEDUCTIONS, DEFAULT_GRADE_BANDS, DEFAULT_SCORING_RULES } from './plan';
import { indicatorPlanMarks, stagedUnitScore } from './staged-score';
import type { AssessmentPlan } from './types';

/** Chapter 1 (60): A weight 1, B weight 2 → 20 and 40 marks; chapter 2 (40): C → 40 marks. */
const plan: AssessmentPlan = {
  chapterWeights: { 1: 60, 2: 40 },
  indicators: [
    { id: 'A', name: 'A', chapter: 1, weight: 1, dutyIds: [] },
    { id: 'B', name: 'B', chapter: 1, weight: 2, dutyIds: [] },
    { id: 'C', name: 'C', chapter: 2, weight: 1, dutyIds: [] },
  ],
  rules: DEFAULT_SCORING_RULES,
  deductions: DEFAULT_DEDUCTIONS,
  bonusCap: 5,
  bands: [...DEFAULT_GRADE_BANDS],
};
const entry = (
  indicatorId: string,
  self: number | null,
  prefecture: number | null = null,
  provincial: number | null = null,
) => ({ indicatorId, self, prefecture, provincial });

describe('stagedUnitScore', () => {
  it('gives each indicator its plan marks', () => {
    expect(Object.fromEntries(indicatorPlanMarks(plan))).toEqual({ A: 20, B: 40, C: 40 });
  });

  it('takes the latest stage that scored each indicator and sums them', () => {
    const result = stagedUnitScore(
      plan,
      ['A', 'B', 'C'],
      [entry('A', 18, 15), entry('B', 40, 30, 35), entry('C', 33.5)],
    );
    expect(result.indicators.map((i) => [i.indicatorId, i.stage, i.stageScore, i.earned])).toEqual([
      ['A', 'prefecture', 15, 15],
      ['B', 'provincial', 35, 35],
      ['C', 'self', 33.5, 33.5],
    ]);
    expect(result.score).toBe(83.5);
  });

  it('rescales to 100 over the applicable indicators; unscored ones earn nothing', () => {
    // A and C apply: 60 marks available → × 100/60. A: 10 → 16.67; C unscored → 0.
    const result = stagedUnitScore(plan, ['A', 'C'], [entry('A', 10), entry('B', 40)]);
    expect(result.indicators.map((i) => [i.indicatorId, i.stage, i.earned])).toEqual([
      ['A', 'self', 16.67],
      ['C', null, 0],
    ]);
    expect(result.score).toBe(16.67);
  });

  it('a provincial score of 0 wins over an earlier stage’s score', () => {
    expect(stagedUnitScore(plan, ['A'], [entry('A', 20, 20, 0)]).score).toBe(0);
  });

  it('refuses a score above the indicator’s marks', () => {
    expect(() => stagedUnitScore(plan, ['A'], [entry('A', 21)])).toThrow(RangeError);
    expect(() => stagedUnitScore(plan, ['A'], [entry('A', 1, null, NaN)])).toThrow(RangeError);
  });

  it('takes the two-decimal plan marks as full marks and rounds the sum once', () => {
    // Chapter 1 (50): three indicators of 16.666… marks; chapter 2 (50): one of 50.
    const thirds: AssessmentPlan = {
      ...plan,
      chapterWeights: { 1: 50, 2: 50 },
      indicators: [
        { id: 'A', name: 'A', chapter: 1, weight: 1, dutyIds: [] },
        { id: 'B', name: 'B', chapter: 1, weight: 1, dutyIds: [] },
        { id: 'C', name: 'C', chapter: 1, weight: 1, dutyIds: [] },
        { id: 'D', name: 'D', chapter: 2, weight: 1, dutyIds: [] },
      ],
    };
    // 3 × 16.666… + 40 = 90 (per-indicator rounding would give 3 × 16.67 + 40 = 90.01).
    const result = stagedUnitScore(
      thirds,
      ['A', 'B', 'C', 'D'],
      [entry('A', 16.67), entry('B', 16.67), entry('C', 16.67), entry('D', 40)],
    );
    expect(result.score).toBe(90);
    expect(result.indicators.map((i) => i.earned)).toEqual([16.67, 16.67, 16.67, 40]);
  });

  it('scores nothing when no indicator applies', () => {
    expect(stagedUnitScore(plan, [], [entry('A', 20)])).toEqual({ score: 0, indicators: [] });
  });
});
