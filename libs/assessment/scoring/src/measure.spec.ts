import fc from 'fast-check';
import { bandIndexOf, measureShare, measureTargetFor, toValueUnits } from './measure';
import { defaultPlan } from './plan';
import { scoreUnit } from './score-unit';
import type { AssessmentPlan, Indicator, MeasureSpec, UnitInput, UnitTask } from './types';
import { MEASURE_PROBLEM_CODES, PLAN_PROBLEM_CODES, validatePlan } from './validate-plan';

/**
 * Fixture: chapter weights 60 / 40; weights are written as points so marks equal weights.
 *
 *   W1 work (D1)                                          ch.1 weight 30 → 30 marks
 *   W2 work (D2)                                          ch.1 weight 30 → 30 marks
 *   M1 制造业产品质量合格率 %, higher, linear              ch.2 weight 20 → 20 marks
 *        county target 95 floor 90; prefecture target 96 floor 92
 *   M2 质量投诉平均办结时长 天, lower, banded              ch.2 weight 10 → 10 marks
 *        < 5 → 10 | [5, 10) → 6 | [10, 15) → 3 | ≥ 15 → 0; county only (target 5)
 *   M3 主导制定标准数 项, higher, threshold                ch.2 weight 10 → 10 marks
 *        county target 2, province target 10; override for 420103: target 1
 */
const M1: MeasureSpec = {
  unitOfMeasure: '%',
  direction: 'higher',
  scoring: 'linear',
  levels: { county: { target: 95, floor: 90 }, prefecture: { target: 96, floor: 92 } },
};
const M2: MeasureSpec = {
  unitOfMeasure: '天',
  direction: 'lower',
  scoring: 'banded',
  levels: { county: { target: 5 } },
  bands: [
    { min: null, max: 5, points: 10 },
    { min: 5, max: 10, points: 6 },
    { min: 10, max: 15, points: 3 },
    { min: 15, max: null, points: 0 },
  ],
};
const M3: MeasureSpec = {
  unitOfMeasure: '项',
  direction: 'higher',
  scoring: 'threshold',
  levels: { county: { target: 2 }, province: { target: 10 } },
  overrides: [{ unitCode: '420103', target: 1 }],
};

function measured(id: string, name: string, weight: number, measure: MeasureSpec): Indicator {
  return { id, name, chapter: 2, weight, dutyIds: [], kind: 'measure', measure };
}

function fixturePlan(): AssessmentPlan {
  const plan = defaultPlan(
    [
      { id: 'D1', chapter: 1, name: '职责一' },
      { id: 'D2', chapter: 1, name: '职责二' },
    ],
    { 1: 60, 2: 40 },
  );
  plan.indicators = [
    { ...plan.indicators[0], id: 'W1', weight: 30 },
    { ...plan.indicators[1], id: 'W2', weight: 30 },
    measured('M1', '制造业产品质量合格率', 20, M1),
    measured('M2', '质量投诉平均办结时长', 10, M2),
    measured('M3', '主导制定标准数', 10, M3),
  ];
  return plan;
}

function task(taskId: string, dutyId: string, status: UnitTask['status']): UnitTask {
  return { taskId, dutyId, status, overdueAtCycleEnd: false, extensionCount: 0, returnCount: 0 };
}

describe('measured indicators in scoreUnit — hand-computed', () => {
  const plan = fixturePlan();

  it('the fixture plan is valid', () => {
    expect(validatePlan(plan)).toEqual([]);
  });

  it('county with every function: linear 0.7, banded (lower) 6/10, threshold missed', () => {
    const unit: UnitInput = {
      code: '420102',
      level: 'county',
      tasks: [task('t1', 'D1', 'VERIFIED'), task('t2', 'D2', 'SUBMITTED')],
      bonuses: [],
      measures: [
        { indicatorId: 'M1', reported: 93.5, adjusted: null }, // (93.5 − 90) / 5 = 0.7 → 14
        { indicatorId: 'M2', reported: 7.2, adjusted: null }, // [5, 10) → 6 of 10 → 6
        { indicatorId: 'M3', reported: 1, adjusted: null }, // 1 < 2 → 0
      ],
    };
    // 30 + 15 + 14 + 6 + 0 = 65
    const r = scoreUnit(plan, unit);
    expect(r.score).toBe(65);
    expect(r.breakdown.map((b) => [b.indicatorId, b.kind, b.marks, b.earned])).toEqual([
      ['W1', 'work', 30, 30],
      ['W2', 'work', 30, 15],
      ['M1', 'measure', 20, expect.closeTo(14, 9)],
      ['M2', 'measure', 10, 6],
      ['M3', 'measure', 10, 0],
    ]);
    expect(r.breakdown[2].measure).toEqual({
      value: 93.5,
      source: 'reported',
      reported: 93.5,
      adjusted: null,
      target: 95,
      floor: 90,
      targetFrom: 'level',
      rule: 'linear',
      band: null,
      fraction: 0.7,
    });
    expect(r.breakdown[3].measure).toMatchObject({ rule: 'banded', band: 1, fraction: 0.6 });
    expect(r.breakdown[4].measure).toMatchObject({ rule: 'threshold', fraction: 0, target: 2 });
    expect(r.breakdown[2].tasks).toEqual([]);
  });

  it('the reviewer’s adjusted value wins over the reported one', () => {
    const r = scoreUnit(plan, {
      code: '420102',
      level: 'county',
      tasks: [task('t1', 'D1', 'VERIFIED'), task('t2', 'D2', 'SUBMITTED')],
      bonuses: [],
      measures: [
        { indicatorId: 'M1', reported: 93.5, adjusted: 92.25 }, // (92.25 − 90) / 5 = 0.45 → 9
        { indicatorId: 'M2', reported: 7.2, adjusted: 4.9 }, // < 5 → 10
        { indicatorId: 'M3', reported: 1, adjusted: null },
      ],
    });
    // 30 + 15 + 9 + 10 + 0 = 64
    expect(r.score).toBe(64);
    expect(r.breakdown[2].measure).toMatchObject({
      value: 92.25,
      source: 'adjusted',
      reported: 93.5,
      adjusted: 92.25,
      fraction: 0.45,
    });
    expect(r.breakdown[3].measure).toMatchObject({ band: 0, fraction: 1 });
  });

  it('rescales over applicable indicators; a unit override replaces the level target', () => {
    // 420103 has no task for D2 (W2 excluded): available 30 + 20 + 10 + 10 = 70, scale 100/70.
    // M1 96 ≥ 95 → 20; M2 16 days → last band, 0; M3 1 ≥ override 1 → 10.
    // (30 + 20 + 0 + 10) × 100 / 70 = 85.714… → 85.71
    const r = scoreUnit(plan, {
      code: '420103',
      level: 'county',
      tasks: [task('t1', 'D1', 'VERIFIED')],
      bonuses: [],
      measures: [
        { indicatorId: 'M1', reported: 96, adjusted: null },
        { indicatorId: 'M2', reported: 16, adjusted: null },
        { indicatorId: 'M3', reported: 1, adjusted: null },
      ],
    });
    expect(r.score).toBe(85.71);
    expect(r.breakdown.map((b) => b.indicatorId)).toEqual(['W1', 'M1', 'M2', 'M3']);
    expect(r.breakdown[3].measure).toMatchObject({
      target: 1,
      targetFrom: 'override',
      fraction: 1,
    });
    expect(r.breakdown[2].measure).toMatchObject({ band: 3, fraction: 0 });
  });

  it('a level without a target is not assessed on the indicator; nothing reported earns 0', () => {
    // Prefecture 420100 with no task: only M1 applies (prefecture target 96, floor 92) → 100 marks.
    const half = scoreUnit(plan, {
      code: '420100',
      level: 'prefecture',
      tasks: [],
      bonuses: [],
      measures: [{ indicatorId: 'M1', reported: 94, adjusted: null }], // (94 − 92) / 4 = 0.5
    });
    expect(half.score).toBe(50);
    expect(half.breakdown.map((b) => b.indicatorId)).toEqual(['M1']);
    const none = scoreUnit(plan, { code: '420100', level: 'prefecture', tasks: [], bonuses: [] });
    expect(none.score).toBe(0);
    expect(none.breakdown[0].measure).toMatchObject({
      value: null,
      source: 'none',
      rule: 'missing',
      fraction: 0,
    });
  });

  it('plans without measured indicators score exactly as before (no level needed)', () => {
    const work = defaultPlan([{ id: 'D1', chapter: 1, name: '职责一' }]);
    const r = scoreUnit(work, { code: 'X', tasks: [task('t', 'D1', 'SUBMITTED')], bonuses: [] });
    expect(r.score).toBe(50);
    expect(r.breakdown[0].kind).toBe('work');
  });

  it('refuses a non-finite value', () => {
    expect(() =>
      scoreUnit(plan, {
        code: '420102',
        level: 'county',
        tasks: [],
        bonuses: [],
        measures: [{ indicatorId: 'M1', reported: Number.NaN, adjusted: null }],
      }),
    ).toThrow(RangeError);
  });
});

describe('measureShare', () => {
  const lowerLinear: MeasureSpec = {
    unitOfMeasure: '天',
    direction: 'lower',
    scoring: 'linear',
    levels: { county: { target: 5, floor: 15 } },
  };
  const target = measureTargetFor(lowerLinear, 'X', 'county')!;

  it.each([
    [3, 1], // better than the target
    [5, 1], // at the target
    [8, 0.7], // (8 − 15) / (5 − 15)
    [12.5, 0.25], // (12.5 − 15) / (5 − 15)
    [15, 0], // at the floor
    [20, 0], // worse than the floor
  ])('direction lower, linear 5 (target) … 15 (floor): %p days → %p', (value, share) => {
    expect(measureShare(lowerLinear, 10, target, value).fraction).toBeCloseTo(share, 12);
  });

  it('threshold, lower: at or under the target', () => {
    const spec: MeasureSpec = { ...lowerLinear, scoring: 'threshold' };
    expect(measureShare(spec, 10, target, 5).fraction).toBe(1);
    expect(measureShare(spec, 10, target, 5.0001).fraction).toBe(0);
  });

  it('compares exactly: 0.1 + 0.2 meets a target of 0.3', () => {
    const spec: MeasureSpec = {
      unitOfMeasure: '%',
      direction: 'higher',
      scoring: 'threshold',
      levels: { county: { target: 0.3 } },
    };
    const t = measureTargetFor(spec, 'X', 'county')!;
    expect(0.1 + 0.2 >= 0.3).toBe(true); // float happens to agree here…
    expect(0.1 + 0.2 === 0.3).toBe(false); // …but not on equality; the units do:
    expect(toValueUnits(0.1 + 0.2)).toBe(toValueUnits(0.3));
    expect(measureShare(spec, 1, t, 0.1 + 0.2).fraction).toBe(1);
  });

  it('banded: lower bounds inclusive, upper exclusive; no row → 0', () => {
    const bands = [
      { min: 90, max: 95, points: 3 },
      { min: 95, max: null, points: 5 },
    ];
    expect(bandIndexOf(bands, 95)).toBe(1);
    expect(bandIndexOf(bands, 94.9999)).toBe(0);
    expect(bandIndexOf(bands, 89.9999)).toBeNull();
    const spec: MeasureSpec = {
      unitOfMeasure: '%',
      direction: 'higher',
      scoring: 'banded',
      levels: { county: { target: 95 } },
      bands,
    };
    const t = measureTargetFor(spec, 'X', 'county')!;
    expect(measureShare(spec, 5, t, 92).fraction).toBe(0.6);
    expect(measureShare(spec, 5, t, 80)).toEqual({ rule: 'banded', band: null, fraction: 0 });
  });

  it('property: linear share lies in [0, 1] and never falls as the value improves', () => {
    const higher: MeasureSpec = {
      unitOfMeasure: '%',
      direction: 'higher',
      scoring: 'linear',
      levels: { county: { target: 95, floor: 80 } },
    };
    const th = measureTargetFor(higher, 'X', 'county')!;
    const value = fc.double({ min: -1000, max: 1000, noNaN: true });
    fc.assert(
      fc.property(value, value, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const up = [
          measureShare(higher, 1, th, lo).fraction,
          measureShare(higher, 1, th, hi).fraction,
        ];
        const down = [
          measureShare(lowerLinear, 1, target, lo).fraction,
          measureShare(lowerLinear, 1, target, hi).fraction,
        ];
        return (
          [...up, ...down].every((f) => f >= 0 && f <= 1) && up[0] <= up[1] && down[0] >= down[1]
        );
      }),
      { seed: 20261206, numRuns: 500 },
    );
  });
});

const validationCases: Array<
  [string, Partial<Indicator>, Partial<MeasureSpec> | undefined, string[][]]
> = [
  [
    'spec missing',
    { measure: undefined },
    undefined,
    [['MEASURE_SPEC_MISSING', 'indicators.2.measure']],
  ],
  [
    'duties on a measurement',
    { dutyIds: ['D9'] },
    {},
    [['MEASURE_WITH_DUTIES', 'indicators.2.dutyIds']],
  ],
  [
    'blank unit of measure',
    {},
    { unitOfMeasure: ' ' },
    [['MEASURE_UNIT_EMPTY', 'indicators.2.measure.unitOfMeasure']],
  ],
  [
    'bad direction',
    {},
    { direction: 'up' as never },
    [['MEASURE_DIRECTION_INVALID', 'indicators.2.measure.direction']],
  ],
  [
    'bad scoring',
    {},
    { scoring: 'curve' as never },
    [['MEASURE_SCORING_INVALID', 'indicators.2.measure.scoring']],
  ],
  [
    'no target anywhere',
    {},
    { levels: {} },
    [['MEASURE_NO_TARGETS', 'indicators.2.measure.levels']],
  ],
  [
    'unknown level',
    {},
    { levels: { town: { target: 1, floor: 0 } } as never },
    [
      ['MEASURE_LEVEL_INVALID', 'indicators.2.measure.levels.town'],
      ['MEASURE_NO_TARGETS', 'indicators.2.measure.levels'],
    ],
  ],
  [
    'target not a number',
    {},
    { levels: { county: { target: Number.NaN, floor: 1 } } },
    [['MEASURE_TARGET_INVALID', 'indicators.2.measure.levels.county.target']],
  ],
  [
    'linear without a floor',
    {},
    { levels: { county: { target: 95 } } },
    [['MEASURE_FLOOR_MISSING', 'indicators.2.measure.levels.county.floor']],
  ],
  [
    'higher: floor above target',
    {},
    { levels: { county: { target: 90, floor: 95 } } },
    [['MEASURE_FLOOR_ORDER', 'indicators.2.measure.levels.county.floor']],
  ],
  [
    'lower: floor below target',
    {},
    { direction: 'lower', levels: { county: { target: 95, floor: 90 } } },
    [['MEASURE_FLOOR_ORDER', 'indicators.2.measure.levels.county.floor']],
  ],
  [
    'override twice for one unit',
    {},
    {
      overrides: [
        { unitCode: '420102', target: 96, floor: 91 },
        { unitCode: '420102', target: 97, floor: 91 },
      ],
    },
    [['MEASURE_OVERRIDE_DUPLICATE', 'indicators.2.measure.overrides.1.unitCode']],
  ],
  [
    'override without a unit',
    {},
    { overrides: [{ unitCode: '', target: 1, floor: 0 }] },
    [['MEASURE_OVERRIDE_UNIT_EMPTY', 'indicators.2.measure.overrides.0.unitCode']],
  ],
  [
    'banded without rows',
    {},
    { scoring: 'banded', bands: [] },
    [['MEASURE_BANDS_EMPTY', 'indicators.2.measure.bands']],
  ],
  [
    'band min ≥ max',
    {},
    { scoring: 'banded', bands: [{ min: 5, max: 5, points: 1 }] },
    [['MEASURE_BAND_RANGE', 'indicators.2.measure.bands.0']],
  ],
  [
    'band points above the weight (20)',
    {},
    { scoring: 'banded', bands: [{ min: null, max: null, points: 21 }] },
    [['MEASURE_BAND_POINTS_RANGE', 'indicators.2.measure.bands.0.points']],
  ],
  [
    'overlapping bands',
    {},
    {
      scoring: 'banded',
      bands: [
        { min: 90, max: 96, points: 10 },
        { min: 95, max: null, points: 20 },
      ],
    },
    [['MEASURE_BANDS_OVERLAP', 'indicators.2.measure.bands.1']],
  ],
  [
    'higher is better but a higher band earns less',
    {},
    {
      scoring: 'banded',
      bands: [
        { min: 90, max: 95, points: 20 },
        { min: 95, max: null, points: 10 },
      ],
    },
    [['MEASURE_BANDS_DIRECTION', 'indicators.2.measure.bands.1']],
  ],
];

describe('validatePlan — measured indicators', () => {
  const codes = (ind: Partial<Indicator>, measure?: Partial<MeasureSpec>) => {
    const plan = fixturePlan();
    plan.indicators[2] = {
      ...plan.indicators[2],
      ...ind,
      measure:
        ind.measure === undefined && !('measure' in ind) ? { ...M1, ...measure } : ind.measure,
    };
    return validatePlan(plan).map((p) => [p.code, p.path]);
  };

  it.each(validationCases)('%s', (_label, ind, measure, expected) => {
    expect(codes(ind, measure)).toEqual(expected);
  });

  it('an unknown indicator kind', () => {
    expect(codes({ kind: 'survey' as never }, {})).toEqual([
      ['INDICATOR_KIND_INVALID', 'indicators.2.kind'],
    ]);
  });

  it('the cases above cover every measured-indicator code, all in PLAN_PROBLEM_CODES', () => {
    const covered = new Set([
      'INDICATOR_KIND_INVALID',
      ...validationCases.flatMap((c) => c[3].map((e) => e[0])),
    ]);
    expect([...covered].sort()).toEqual([...MEASURE_PROBLEM_CODES].sort());
    expect(PLAN_PROBLEM_CODES).toEqual(expect.arrayContaining([...MEASURE_PROBLEM_CODES]));
  });
});
