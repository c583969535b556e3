import { DEFAULT_GRADE_BANDS, defaultPlan } from './plan';
import { scoreUnit } from './score-unit';
import type { AssessmentPlan, UnitInput, UnitTask } from './types';

/**
 * Fixture: 5 duties in 2 chapters, chapter weights 60 / 40, default rules
 * (1, 0.5, 0.25, 0, overdue 0), deductions 0.5 / 0.5, bonus cap 5.
 *
 *   I1 (D1, ch.1, weight 2) → 60 × 2/4 = 30 marks
 *   I2 (D2, ch.1, weight 1) → 60 × 1/4 = 15 marks
 *   I3 (D3, ch.1, weight 1) → 60 × 1/4 = 15 marks
 *   I4 (D4, ch.2, weight 1) → 40 × 1/2 = 20 marks
 *   I5 (D5, ch.2, weight 1) → 40 × 1/2 = 20 marks          total 100
 */
function fixturePlan(): AssessmentPlan {
  const plan = defaultPlan(
    [
      { id: 'D1', chapter: 1, name: '职责一' },
      { id: 'D2', chapter: 1, name: '职责二' },
      { id: 'D3', chapter: 1, name: '职责三' },
      { id: 'D4', chapter: 2, name: '职责四' },
      { id: 'D5', chapter: 2, name: '职责五' },
    ],
    { 1: 60, 2: 40 },
  );
  plan.indicators[0].weight = 2;
  return plan;
}

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

describe('scoreUnit — 3-unit hand-computed fixture', () => {
  const plan = fixturePlan();

  it('province: every status, overdue override, extension and return deductions, bonus cap', () => {
    const unit: UnitInput = {
      code: 'PROV',
      tasks: [
        task('t1', 'D1', { status: 'VERIFIED' }), // fraction 1
        task('t2', 'D1', { status: 'SUBMITTED' }), // 0.5 → I1 mean 0.75 × 30 = 22.5
        task('t3', 'D2', { status: 'RETURNED', returnCount: 2 }), // 0.25 × 15 = 3.75; −2 × 0.5 = −1
        task('t4', 'D3', { status: 'IN_PROGRESS', extensionCount: 3 }), // 3.75; −(3−1) × 0.5 = −1
        task('t5', 'D4', { status: 'VERIFIED', overdueAtCycleEnd: true, extensionCount: 1 }), // 0, no ded.
        task('t6', 'D5', { status: 'NOT_STARTED' }), // 0
      ],
      bonuses: [
        { points: 3, reason: '经验推广' },
        { points: 4, reason: '表彰' },
      ], // requested 7, capped at 5
      deductions: [{ points: 0.5, reason: '通报批评' }],
    };
    // base 22.5 + 3.75 + 3.75 + 0 + 0 = 30; 30 − 1 − 1 − 0.5 + 5 = 32.5
    const r = scoreUnit(plan, unit);
    expect(r.score).toBe(32.5);
    expect(r.grade).toBe('不合格');
    expect(r.bonus).toEqual({ requested: 7, applied: 5 });
    expect(r.ignoredTaskIds).toEqual([]);
    expect(r.breakdown.map((b) => [b.indicatorId, b.marks, b.earned])).toEqual([
      ['D1', 30, 22.5],
      ['D2', 15, 3.75],
      ['D3', 15, 3.75],
      ['D4', 20, 0],
      ['D5', 20, 0],
    ]);
    expect(r.breakdown.flatMap((b) => b.tasks)).toEqual([
      { taskId: 't1', status: 'VERIFIED', rule: 'verified', fraction: 1 },
      { taskId: 't2', status: 'SUBMITTED', rule: 'submitted', fraction: 0.5 },
      { taskId: 't3', status: 'RETURNED', rule: 'returnedOrInProgress', fraction: 0.25 },
      { taskId: 't4', status: 'IN_PROGRESS', rule: 'returnedOrInProgress', fraction: 0.25 },
      { taskId: 't5', status: 'VERIFIED', rule: 'overdue', fraction: 0 },
      { taskId: 't6', status: 'NOT_STARTED', rule: 'notStarted', fraction: 0 },
    ]);
    expect(r.deductions).toEqual([
      { points: 1, reason: '被退回 2 次', taskId: 't3' },
      { points: 1, reason: '首次之外延期 2 次', taskId: 't4' },
      { points: 0.5, reason: '通报批评' },
    ]);
  });

  it('prefecture: province-only duty excluded, marks rescaled to 100, clamped at 100', () => {
    const unit: UnitInput = {
      code: 'PREF',
      tasks: [
        // no D1 task → I1 excluded; available 15 + 15 + 20 + 20 = 70, scale 100/70
        task('p2', 'D2'),
        task('p3', 'D3'),
        task('p4', 'D4', { extensionCount: 2 }), // −(2−1) × 0.5 = −0.5
        task('p5', 'D5'),
        task('px', 'D-UNKNOWN', { status: 'NOT_STARTED', returnCount: 9 }), // ignored entirely
      ],
      bonuses: [{ points: 3, reason: '创新' }],
    };
    // base 100 (all verified); 100 − 0.5 + 3 = 102.5 → clamped to 100
    const r = scoreUnit(plan, unit);
    expect(r.score).toBe(100);
    expect(r.grade).toBe('优秀');
    expect(r.ignoredTaskIds).toEqual(['px']);
    expect(r.breakdown.map((b) => b.indicatorId)).toEqual(['D2', 'D3', 'D4', 'D5']);
    expect(r.breakdown[0].planMarks).toBe(15);
    expect(r.breakdown[0].marks).toBeCloseTo(21.428571, 6); // 15 × 100 / 70
    expect(r.breakdown[2].marks).toBeCloseTo(28.571429, 6); // 20 × 100 / 70
    expect(r.breakdown.reduce((a, b) => a + b.marks, 0)).toBeCloseTo(100, 10);
    expect(r.deductions).toEqual([{ points: 0.5, reason: '首次之外延期 1 次', taskId: 'p4' }]);
    expect(r.bonus).toEqual({ requested: 3, applied: 3 });
  });

  it('county: deductions exceed the base, clamped at 0', () => {
    const unit: UnitInput = {
      code: 'CTY',
      tasks: [
        task('c1', 'D1', { status: 'NOT_STARTED' }), // 0
        task('c4', 'D4', { status: 'RETURNED', returnCount: 6 }), // 0.25; −6 × 0.5 = −3
        task('c5', 'D5', { status: 'SUBMITTED', overdueAtCycleEnd: true }), // overdue → 0
      ],
      bonuses: [],
      deductions: [{ points: 10, reason: '重大质量事故' }],
    };
    // available 30 + 20 + 20 = 70; I4 marks 20 × 100/70 = 28.5714…, earned × 0.25 = 7.142857…
    // base 7.14 − 3 − 10 = −5.86 → clamped to 0
    const r = scoreUnit(plan, unit);
    expect(r.score).toBe(0);
    expect(r.grade).toBe('不合格');
    expect(r.breakdown[1].earned).toBeCloseTo(7.142857, 6);
    expect(r.breakdown[2].tasks[0]).toEqual({
      taskId: 'c5',
      status: 'SUBMITTED',
      rule: 'overdue',
      fraction: 0,
    });
    expect(r.deductions.map((d) => d.points)).toEqual([3, 10]);
    expect(r.bonus).toEqual({ requested: 0, applied: 0 });
  });
});

describe('scoreUnit — rounding and edge cases', () => {
  it('rounds a rescaled non-terminating score to 2 decimals', () => {
    const r = scoreUnit(fixturePlan(), {
      code: 'X',
      tasks: [
        task('a', 'D2'),
        task('b', 'D3', { status: 'SUBMITTED' }),
        task('c', 'D4'),
        task('d', 'D5'),
      ],
      bonuses: [],
    });
    // (15 + 7.5 + 20 + 20) / 70 × 100 = 89.2857… → 89.29
    expect(r.score).toBe(89.29);
    expect(r.grade).toBe('良好');
  });

  it('has no float drift: three thirds make exactly 100', () => {
    const plan = defaultPlan([
      { id: 'A', chapter: 1, name: 'a' },
      { id: 'B', chapter: 1, name: 'b' },
      { id: 'C', chapter: 1, name: 'c' },
    ]);
    const r = scoreUnit(plan, {
      code: 'X',
      tasks: [task('a', 'A'), task('b', 'B'), task('c', 'C')],
      bonuses: [
        { points: 0.1, reason: 'x' },
        { points: 0.2, reason: 'y' },
      ],
    });
    expect(r.score).toBe(100);
    expect(r.bonus).toEqual({ requested: 0.3, applied: 0.3 });
  });

  it('sums 0.1 + 0.2 style bonuses exactly', () => {
    const r = scoreUnit(fixturePlan(), {
      code: 'X',
      tasks: [task('a', 'D1', { status: 'NOT_STARTED' })],
      bonuses: [
        { points: 0.1, reason: 'x' },
        { points: 0.2, reason: 'y' },
      ],
    });
    expect(r.score).toBe(0.3);
  });

  it('overdue fraction overrides a verified status when configured non-zero', () => {
    const plan = fixturePlan();
    plan.rules.overdueAtCycleEnd = 0.1;
    const r = scoreUnit(plan, {
      code: 'X',
      tasks: [task('a', 'D4', { overdueAtCycleEnd: true })],
      bonuses: [],
    });
    expect(r.breakdown[0].tasks[0].rule).toBe('overdue');
    expect(r.score).toBe(10); // only I4 applies → 100 marks × 0.1
  });

  it('a unit with no applicable task earns 0 base points', () => {
    const r = scoreUnit(fixturePlan(), {
      code: 'X',
      tasks: [],
      bonuses: [{ points: 2, reason: 'b' }],
    });
    expect(r.breakdown).toEqual([]);
    expect(r.score).toBe(2);
  });

  it('rejects an invalid plan and negative points or counts', () => {
    const bad = fixturePlan();
    bad.chapterWeights[2] = 50;
    expect(() => scoreUnit(bad, { code: 'X', tasks: [], bonuses: [] })).toThrow(
      /CHAPTER_WEIGHTS_SUM/,
    );
    const plan = fixturePlan();
    expect(() =>
      scoreUnit(plan, { code: 'X', tasks: [], bonuses: [{ points: -1, reason: 'x' }] }),
    ).toThrow(RangeError);
    expect(() =>
      scoreUnit(plan, {
        code: 'X',
        tasks: [],
        bonuses: [],
        deductions: [{ points: NaN, reason: 'x' }],
      }),
    ).toThrow(RangeError);
    expect(() =>
      scoreUnit(plan, { code: 'X', tasks: [task('a', 'D1', { returnCount: -1 })], bonuses: [] }),
    ).toThrow(RangeError);
  });

  it('uses the plan bands for the grade', () => {
    expect(fixturePlan().bands).toEqual(DEFAULT_GRADE_BANDS);
  });
});
