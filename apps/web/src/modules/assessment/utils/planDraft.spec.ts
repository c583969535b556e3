import type { AssessmentPlan } from '../graphql/types';
import {
  chapterWeightSum,
  draftFromPlan,
  toSaveInput,
  validatePlanDraft,
  type PlanDraft,
} from './planDraft';

const plan: AssessmentPlan = {
  __typename: 'AssessmentPlan',
  cycleId: 'c1',
  version: 2,
  isDefault: false,
  note: ' 调整 ',
  createdAt: null,
  createdBy: null,
  creator: null,
  bonusCap: 5,
  chapterWeights: [
    { __typename: 'ChapterWeight', chapter: 1, weight: 40 },
    { __typename: 'ChapterWeight', chapter: 2, weight: 60 },
  ],
  rules: {
    __typename: 'ScoringRules',
    verified: 1,
    submitted: 0.5,
    returnedOrInProgress: 0.25,
    notStarted: 0,
    overdueAtCycleEnd: 0,
  },
  deductions: { __typename: 'DeductionRules', perReturn: 0.5, perExtensionBeyondFirst: 0.5 },
  bands: [
    { __typename: 'GradeBand', grade: '优秀', min: 90 },
    { __typename: 'GradeBand', grade: '不合格', min: 0 },
  ],
  indicators: [
    {
      __typename: 'AssessmentIndicator',
      id: 'i1',
      name: '指标一',
      chapter: 1,
      weight: 1,
      dutyIds: ['d1'],
      kind: 'work',
      measure: null,
    },
  ],
};

const draft = (change: (d: PlanDraft) => void = () => undefined) => {
  const d = draftFromPlan(plan);
  change(d);
  return d;
};

describe('validatePlanDraft', () => {
  it('accepts a plan as the server sends it', () => {
    expect(validatePlanDraft(draft())).toEqual([]);
  });

  it('reports chapter weights that do not sum to 100, with the sum', () => {
    const d = draft((x) => (x.chapterWeights[1].weight = 55));
    expect(chapterWeightSum(d)).toBe(95);
    expect(validatePlanDraft(d)).toEqual([{ key: 'chapterSum', values: { sum: 95 } }]);
  });

  it('tolerates floating-point sums such as 33.33 + 33.33 + 33.34', () => {
    const d = draft((x) => {
      x.chapterWeights = [1, 2, 3].map((chapter, i) => ({
        chapter,
        weight: i < 2 ? 33.33 : 33.34,
      }));
    });
    expect(validatePlanDraft(d).filter((p) => p.key === 'chapterSum')).toEqual([]);
  });

  it.each([
    ['a rule above 1', (x: PlanDraft) => (x.rules.submitted = 1.5), 'rule'],
    ['a cleared rule', (x: PlanDraft) => (x.rules.verified = null), 'rule'],
    ['a negative deduction', (x: PlanDraft) => (x.deductions.perReturn = -1), 'deduction'],
    ['a bonus cap above 100', (x: PlanDraft) => (x.bonusCap = 120), 'bonusCap'],
    [
      'bands out of order',
      (x: PlanDraft) => x.bands.splice(1, 0, { grade: '良好', min: 95 }),
      'bandsOrder',
    ],
    ['a lowest band above 0', (x: PlanDraft) => (x.bands[1].min = 10), 'bandsLast'],
    ['an unnamed band', (x: PlanDraft) => (x.bands[0].grade = ' '), 'bandGrade'],
    ['a duplicate band', (x: PlanDraft) => (x.bands[1].grade = '优秀'), 'bandDuplicate'],
    ['no bands', (x: PlanDraft) => (x.bands = []), 'bandsEmpty'],
    [
      'a chapter whose indicators weigh 0',
      (x: PlanDraft) => (x.indicators[0].weight = 0),
      'chapterIndicatorsZero',
    ],
    ['an unnamed indicator', (x: PlanDraft) => (x.indicators[0].name = '  '), 'indicatorName'],
    [
      'an indicator without duties',
      (x: PlanDraft) => (x.indicators[0].dutyIds = []),
      'indicatorEmpty',
    ],
  ])('reports %s', (_, change, key) => {
    expect(validatePlanDraft(draft(change)).map((p) => p.key)).toContain(key);
  });

  it('places each problem at its field, indicators by id', () => {
    const d = draft((x) => {
      x.chapterWeights[0].weight = null;
      x.rules.notStarted = 2;
      x.bands[1].min = 5;
      x.indicators[0].weight = -1;
      x.indicators.push({ id: 'new', name: '', chapter: 2, weight: 1, dutyIds: [], articles: [3] });
    });
    expect(validatePlanDraft(d).map((p) => [p.key, p.path])).toEqual([
      ['chapterWeight', 'chapterWeights.1'],
      ['chapterSum', undefined],
      ['rule', 'rules.notStarted'],
      ['bandsLast', 'bands.1.min'],
      ['indicatorWeight', 'indicators.i1.weight'],
      ['indicatorName', 'indicators.new.name'],
      ['chapterIndicatorsZero', 'chapterWeights.1'],
    ]);
  });
});

describe('toSaveInput', () => {
  it('sends the plan with the version edited and trimmed texts', () => {
    const input = toSaveInput(draft(), 'c1', 2);
    expect(input).toMatchObject({
      cycleId: 'c1',
      expectedVersion: 2,
      chapterWeights: [
        { chapter: 1, weight: 40 },
        { chapter: 2, weight: 60 },
      ],
      bonusCap: 5,
      note: '调整',
      indicators: [{ id: 'i1', name: '指标一', chapter: 1, weight: 1, dutyIds: ['d1'] }],
    });
    expect(JSON.stringify(input)).not.toContain('__typename');
    expect(input.indicators?.[0]).not.toHaveProperty('articles');
  });

  it('sends an indicator of whole articles with its articles, for the server to expand', () => {
    const input = toSaveInput(
      draft((x) =>
        x.indicators.push({
          id: 'indicator-1',
          name: ' 第12条 质量基础设施 ',
          chapter: 2,
          weight: 2,
          dutyIds: [],
          articles: [12],
        }),
      ),
      'c1',
      2,
    );
    expect(input.indicators?.[1]).toEqual({
      id: 'indicator-1',
      name: '第12条 质量基础设施',
      chapter: 2,
      weight: 2,
      dutyIds: [],
      articles: [12],
    });
  });
});

describe('measured indicators in the draft', () => {
  const withMeasure: AssessmentPlan = {
    ...plan,
    indicators: [
      ...plan.indicators,
      {
        __typename: 'AssessmentIndicator',
        id: 'M1',
        name: '制造业产品质量合格率',
        chapter: 1,
        weight: 1,
        dutyIds: [],
        kind: 'measure',
        measure: {
          __typename: 'MeasureSpec',
          unitOfMeasure: '%',
          direction: 'higher',
          scoring: 'linear',
          levels: {
            __typename: 'MeasureLevelTargets',
            province: null,
            prefecture: null,
            county: { __typename: 'MeasureTarget', target: 95, floor: 90 },
          },
          overrides: [{ __typename: 'MeasureOverride', unitCode: '422801', target: 94, floor: 90 }],
          bands: [],
        },
      },
    ],
  };

  it('keeps the measurement through the draft and sends it without __typename', () => {
    const d = draftFromPlan(withMeasure);
    // A measurement covers no duty and is not reported as empty.
    expect(validatePlanDraft(d)).toEqual([]);
    expect(toSaveInput(d, 'c1', 3).indicators![1]).toEqual({
      id: 'M1',
      name: '制造业产品质量合格率',
      chapter: 1,
      weight: 1,
      dutyIds: [],
      kind: 'measure',
      measure: {
        unitOfMeasure: '%',
        direction: 'higher',
        scoring: 'linear',
        levels: { province: null, prefecture: null, county: { target: 95, floor: 90 } },
        overrides: [{ unitCode: '422801', target: 94, floor: 90 }],
        bands: [],
      },
    });
    // Work items are sent as before.
    expect(toSaveInput(d, 'c1', 3).indicators![0]).not.toHaveProperty('kind');
  });
});
