import type { PlanIndicatorDraft } from './planDraft';
import {
  articlesOf,
  chapterOfDuties,
  dutyOwners,
  insertIndicator,
  newIndicatorId,
  suggestedIndicatorName,
  type PlanDuty,
} from './planIndicators';

const duty = (lineageId: string, article: number, chapter: number, subject: string): PlanDuty => ({
  __typename: 'Duty',
  id: `v2-${lineageId}`,
  lineageId,
  subject,
  article: {
    __typename: 'Article',
    id: `a${article}`,
    number: article,
    title: article === 14 ? null : `第${article}条主旨`,
    chapter: { __typename: 'Chapter', id: `c${chapter}`, number: chapter, title: `第${chapter}章` },
  },
});

const duties = [
  duty('d1', 3, 1, '建立协调机制'),
  duty('d2', 3, 1, '纳入考核'),
  duty('d3', 12, 2, '建设基础设施'),
  duty('d4', 14, 2, '评审质量奖'),
];

const indicator = (over: Partial<PlanIndicatorDraft> & Pick<PlanIndicatorDraft, 'id'>) => ({
  name: over.id,
  chapter: 1,
  weight: 1,
  dutyIds: [],
  articles: [],
  ...over,
});

describe('articlesOf', () => {
  it('groups the duties by article in the order listed', () => {
    expect(articlesOf(duties)).toEqual([
      { number: 3, title: '第3条主旨', chapter: 1, dutyIds: ['d1', 'd2'] },
      { number: 12, title: '第12条主旨', chapter: 2, dutyIds: ['d3'] },
      { number: 14, title: null, chapter: 2, dutyIds: ['d4'] },
    ]);
  });
});

describe('dutyOwners', () => {
  it('gives each duty its indicator, whole articles included', () => {
    const byDuty = indicator({ id: 'i1', dutyIds: ['d1'] });
    const byArticle = indicator({ id: 'i2', chapter: 2, articles: [12] });
    const owners = dutyOwners([byDuty, byArticle], duties);
    expect([...owners].map(([duty, owner]) => [duty, owner.id])).toEqual([
      ['d1', 'i1'],
      ['d3', 'i2'],
    ]);
  });
});

describe('chapterOfDuties', () => {
  it('is the one chapter of the chosen duties, else undefined', () => {
    expect(chapterOfDuties(['d1', 'd2'], duties)).toBe(1);
    expect(chapterOfDuties(['d1', 'd3'], duties)).toBeUndefined();
    expect(chapterOfDuties([], duties)).toBeUndefined();
  });
});

describe('newIndicatorId', () => {
  it('takes the first free indicator-n', () => {
    expect(newIndicatorId([])).toBe('indicator-1');
    expect(newIndicatorId([{ id: 'indicator-1' }, { id: 'd1' }, { id: 'indicator-3' }])).toBe(
      'indicator-2',
    );
  });
});

describe('suggestedIndicatorName', () => {
  it('names a duty or an article as the default plan names its indicators', () => {
    expect(suggestedIndicatorName({ dutyIds: ['d3', 'd1'] }, duties)).toBe('第12条 建设基础设施');
    expect(suggestedIndicatorName({ article: 3 }, duties)).toBe('第3条 第3条主旨');
    expect(suggestedIndicatorName({ article: 14 }, duties)).toBe('第14条');
    expect(suggestedIndicatorName({ dutyIds: [] }, duties)).toBe('');
  });
});

describe('insertIndicator', () => {
  const list = [
    indicator({ id: 'a', chapter: 1 }),
    indicator({ id: 'b', chapter: 2 }),
    indicator({ id: 'c', chapter: 4 }),
  ];
  it.each([
    [1, 1, ['a', 'new', 'b', 'c']],
    [3, 2, ['a', 'b', 'new', 'c']],
    [5, 3, ['a', 'b', 'c', 'new']],
  ])('puts an indicator of chapter %i after its chapter (position %i)', (chapter, index, ids) => {
    const result = insertIndicator(list, indicator({ id: 'new', chapter }));
    expect(result.index).toBe(index);
    expect(result.indicators.map((i) => i.id)).toEqual(ids);
  });
});
