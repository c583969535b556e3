import fc from 'fast-check';
import { DEFAULT_GRADE_BANDS, DEFAULT_SCORING_RULES } from './plan';
import { scoreUnit } from './score-unit';
import { stagedUnitScore } from './staged-score';
import type { AssessmentPlan, StagedIndicatorInput, UnitInput, UnitTask } from './types';

/**
 * Fixture: chapter weights 60 / 40; default rules (verified 1, submitted ½, returned or in
 * progress ¼, not started 0, overdue 0); deductions 0.5 per return and per extra extension;
 * bonus cap 5.
 *
 *   W1 work (D1)                                 ch.1 weight 2 → 60 × 2/3 = 40 marks
 *   W2 work (D2)                                 ch.1 weight 1 → 60 × 1/3 = 20 marks
 *   M1 合格率 %, higher, linear, county only     ch.2 weight 1 → 40 marks
 *        target 95, floor 90
 */
const plan: AssessmentPlan = {
  chapterWeights: { 1: 60, 2: 40 },
  indicators: [
    { id: 'W1', name: '工作一', chapter: 1, weight: 2, dutyIds: ['D1'] },
    { id: 'W2', name: '工作二', chapter: 1, weight: 1, dutyIds: ['D2'] },
    {
      id: 'M1',
      name: '合格率',
      chapter: 2,
      weight: 1,
      dutyIds: [],
      kind: 'measure',
      measure: {
        unitOfMeasure: '%',
        direction: 'higher',
        scoring: 'linear',
        levels: { county: { target: 95, floor: 90 } },
      },
    },
  ],
  rules: DEFAULT_SCORING_RULES,
  deductions: { perExtensionBeyondFirst: 0.5, perReturn: 0.5 },
  bonusCap: 5,
  bands: [...DEFAULT_GRADE_BANDS],
};

function task(taskId: string, dutyId: string, over: Partial<UnitTask> = {}): UnitTask {
  return {
    taskId,
    dutyId,
    status: 'VERIFIED',
    overdueAtCycleEnd: false,
    extensionCount: 0,
    returnCount: 0,
    ...over,
  };
}

const entry = (
  indicatorId: string,
  self: number | null,
  prefecture: number | null = null,
  provincial: number | null = null,
): StagedIndicatorInput => ({ indicatorId, self, prefecture, provincial });

/**
 * County C1, computed figures:
 *   W1: t1 verified 1, t2 submitted ½ → mean ¾ × 40 = 30
 *   W2: t3 in progress ¼ × 20 = 5 (returned once: −0.5)
 *   M1: reported 93 → (93 − 90) / (95 − 90) = 0.6 × 40 = 24
 */
const county = (over: Partial<UnitInput> = {}): UnitInput => ({
  code: 'C1',
  level: 'county',
  tasks: [
    task('t1', 'D1'),
    task('t2', 'D1', { status: 'SUBMITTED' }),
    task('t3', 'D2', { status: 'IN_PROGRESS', returnCount: 1 }),
  ],
  measures: [{ indicatorId: 'M1', reported: 93, adjusted: null }],
  bonuses: [],
  ...over,
});

describe('scoreUnit with staged review scores', () => {
  it('without stages, every indicator counts its computed figure', () => {
    const r = scoreUnit(plan, county());
    // 30 + 5 + 24 = 59; − 0.5 (return) = 58.5
    expect(r.score).toBe(58.5);
    expect(
      r.breakdown.map((b) => [b.indicatorId, b.stage, b.stageScore, b.earned, b.computedEarned]),
    ).toEqual([
      ['W1', 'computed', null, 30, 30],
      ['W2', 'computed', null, 5, 5],
      ['M1', 'computed', null, 24, 24],
    ]);
  });

  it('the latest stage that scored an indicator counts; unscored ones keep the computed figure', () => {
    const r = scoreUnit(
      plan,
      county({
        staged: [
          entry('W1', 35, 32), // prefecture 32 over self 35
          entry('M1', 38, null, 36.5), // provincial 36.5 over self 38 (no prefecture score)
          // W2: no stage → computed 5
        ],
        deductions: [{ points: 2, reason: '实地核查发现不符' }],
        bonuses: [{ points: 1.5, reason: '异议成立' }],
      }),
    );
    // base 32 + 5 + 36.5 = 73.5; − 0.5 (return) − 2 (on-site) + 1.5 (bonus) = 72.5
    expect(r.score).toBe(72.5);
    expect(r.grade).toBe('合格');
    expect(
      r.breakdown.map((b) => [b.indicatorId, b.stage, b.stageScore, b.earned, b.computedEarned]),
    ).toEqual([
      ['W1', 'prefecture', 32, 32, 30],
      ['W2', 'computed', null, 5, 5],
      ['M1', 'provincial', 36.5, 36.5, 24],
    ]);
    // The measured value and the tasks stay in the breakdown next to the stage score.
    expect(r.breakdown[2].measure).toMatchObject({ value: 93, rule: 'linear', fraction: 0.6 });
    expect(r.breakdown[0].tasks.map((t) => t.fraction)).toEqual([1, 0.5]);
    expect(r.deductions.map((d) => d.points)).toEqual([0.5, 2]);
  });

  it('a later stage’s 0 is a score and wins', () => {
    const r = scoreUnit(plan, county({ staged: [entry('W1', 40, 40, 0)] }));
    // 0 + 5 + 24 − 0.5 = 28.5
    expect(r.score).toBe(28.5);
    expect(r.breakdown[0]).toMatchObject({ stage: 'provincial', stageScore: 0, earned: 0 });
  });

  it('rescales stage scores like computed ones and rounds the base once', () => {
    // A prefecture-level unit: M1 has no prefecture target, so W1 and W2 apply (60 marks),
    // scale 100/60. W1 prefecture 32 × 5/3 = 53.333…; W2 computed ¼ × 20 × 5/3 = 8.333…;
    // base 61.666… → 61.67 (rounding each indicator first would give 53.33 + 8.33 = 61.66).
    const r = scoreUnit(plan, {
      code: 'P1',
      level: 'prefecture',
      tasks: [task('t1', 'D1'), task('t3', 'D2', { status: 'IN_PROGRESS' })],
      bonuses: [],
      staged: [entry('W1', null, 32), entry('M1', 40, 40, 40)],
    });
    expect(r.score).toBe(61.67);
    expect(r.breakdown.map((b) => b.indicatorId)).toEqual(['W1', 'W2']);
    expect(r.breakdown[0].earned).toBeCloseTo(53.3333, 4);
    expect(r.breakdown[0].computedEarned).toBeCloseTo(66.6667, 4);
  });

  it('takes a stage score equal to the two-decimal plan marks as full marks', () => {
    // Chapter 1 (50): three indicators of 16.666… marks; chapter 2 (50): one of 50 marks.
    const thirds: AssessmentPlan = {
      ...plan,
      chapterWeights: { 1: 50, 2: 50 },
      indicators: [
        { id: 'A', name: 'A', chapter: 1, weight: 1, dutyIds: ['DA'] },
        { id: 'B', name: 'B', chapter: 1, weight: 1, dutyIds: ['DB'] },
        { id: 'C', name: 'C', chapter: 1, weight: 1, dutyIds: ['DC'] },
        { id: 'D', name: 'D', chapter: 2, weight: 1, dutyIds: ['DD'] },
      ],
    };
    const unit = (staged: StagedIndicatorInput[]): UnitInput => ({
      code: 'X',
      tasks: ['DA', 'DB', 'DC', 'DD'].map((d) => task(d, d, { status: 'NOT_STARTED' })),
      bonuses: [],
      staged,
    });
    // 3 × 16.666… + 40 = 90.00 exactly (uncapped 3 × 16.67 + 40 would be 90.01)
    const full = scoreUnit(
      thirds,
      unit([entry('A', 16.67), entry('B', 16.67), entry('C', 16.67), entry('D', 40)]),
    );
    expect(full.score).toBe(90);
    expect(() => scoreUnit(thirds, unit([entry('A', 16.68)]))).toThrow(RangeError);
  });

  it('refuses invalid staged scores with RangeError', () => {
    for (const bad of [NaN, Infinity, -0.01, 40.01]) {
      expect(() => scoreUnit(plan, county({ staged: [entry('W1', bad)] }))).toThrow(RangeError);
      expect(() => scoreUnit(plan, county({ staged: [entry('W1', 1, null, bad)] }))).toThrow(
        /W1 provincial score/,
      );
    }
    expect(() => scoreUnit(plan, county({ staged: [entry('W2', 20.01)] }))).toThrow(RangeError);
  });

  it('ignores staged scores of indicators that do not apply or are not in the plan', () => {
    const r = scoreUnit(plan, {
      code: 'P1',
      level: 'prefecture',
      tasks: [task('t1', 'D1')],
      bonuses: [],
      staged: [entry('W2', 20), entry('M1', 40), entry('GONE', 99)],
    });
    // Only W1 applies (verified): 100; W2 and M1 stay out despite their stage scores.
    expect(r.score).toBe(100);
    expect(r.breakdown.map((b) => [b.indicatorId, b.stage])).toEqual([['W1', 'computed']]);
  });

  it('agrees with stagedUnitScore when every applicable indicator was stage-scored', () => {
    const score = fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(score, score, score), { minLength: 3, maxLength: 3 }), (s) => {
        const marks = [40, 20, 40];
        const staged = (['W1', 'W2', 'M1'] as const).map((id, i) =>
          entry(
            id,
            // hundredths within the indicator's marks; self always present
            ((s[i][0] ?? 0) / 2000) * marks[i],
            s[i][1] === null ? null : (s[i][1] / 2000) * marks[i],
            s[i][2] === null ? null : (s[i][2] / 2000) * marks[i],
          ),
        );
        const rounded = staged.map((e) => ({
          ...e,
          self: e.self === null ? null : Math.round(e.self * 100) / 100,
          prefecture: e.prefecture === null ? null : Math.round(e.prefecture * 100) / 100,
          provincial: e.provincial === null ? null : Math.round(e.provincial * 100) / 100,
        }));
        const live = scoreUnit(plan, {
          code: 'C1',
          level: 'county',
          tasks: [task('t1', 'D1'), task('t3', 'D2')],
          bonuses: [],
          staged: rounded,
        });
        const view = stagedUnitScore(plan, ['W1', 'W2', 'M1'], rounded);
        expect(live.score).toBe(view.score);
        expect(live.breakdown.map((b) => b.stage)).toEqual(view.indicators.map((i) => i.stage));
      }),
      { numRuns: 200 },
    );
  });
});
