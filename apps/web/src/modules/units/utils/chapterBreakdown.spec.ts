import type { IndicatorScore } from '../graphql/types';
import { chapterBreakdown } from './chapterBreakdown';

const indicator = (
  chapter: number,
  marks: number,
  earned: number,
  review?: { stage: string; computed: number },
): IndicatorScore => ({
  __typename: 'IndicatorScore',
  indicatorId: `i-${chapter}-${marks}-${earned}`,
  name: '指标',
  chapter,
  marks,
  earned,
  stage: review?.stage ?? 'computed',
  computedEarned: review?.computed ?? earned,
});

describe('chapterBreakdown', () => {
  it('sums the indicators of each chapter, in chapter order, with titles when known', () => {
    const rows = chapterBreakdown(
      [indicator(3, 10, 5), indicator(1, 20, 20), indicator(3, 5.55, 0.1), indicator(1, 0.1, 0.2)],
      new Map([[1, '总则']]),
    );
    expect(rows).toEqual([
      {
        chapter: 1,
        title: '总则',
        indicators: 2,
        marks: 20.1,
        earned: 20.2,
        rate: 1.005,
        computed: 20.2,
        reviewed: 0,
      },
      {
        chapter: 3,
        title: undefined,
        indicators: 2,
        marks: 15.55,
        earned: 5.1,
        rate: 0.328,
        computed: 5.1,
        reviewed: 0,
      },
    ]);
  });

  it('counts the indicators a review stage scored, next to what the rule gives', () => {
    const [row] = chapterBreakdown([
      indicator(2, 60, 50, { stage: 'prefecture', computed: 60 }),
      indicator(2, 40, 36, { stage: 'self', computed: 32 }),
      indicator(2, 10, 5),
    ]);
    expect(row).toMatchObject({ earned: 91, computed: 97, reviewed: 2 });
  });

  it('gives a chapter without marks a rate of 0', () => {
    expect(chapterBreakdown([indicator(2, 0, 0)])[0].rate).toBe(0);
    expect(chapterBreakdown([])).toEqual([]);
  });
});
