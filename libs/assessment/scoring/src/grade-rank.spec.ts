import { gradeOf } from './grade';
import { DEFAULT_GRADE_BANDS } from './plan';
import { rankUnits } from './rank-units';

describe('gradeOf', () => {
  it.each([
    [100, '优秀'],
    [90, '优秀'],
    [89.99, '良好'],
    [80, '良好'],
    [79.99, '合格'],
    [60, '合格'],
    [59.99, '不合格'],
    [0, '不合格'],
  ])('%p → %s', (score, grade) => {
    expect(gradeOf(score, DEFAULT_GRADE_BANDS)).toBe(grade);
  });

  it('accepts bands in any order and rejects no bands', () => {
    expect(gradeOf(85, [...DEFAULT_GRADE_BANDS].reverse())).toBe('良好');
    expect(() => gradeOf(50, [])).toThrow(RangeError);
  });
});

describe('rankUnits', () => {
  it('uses competition ranking within each level, ordered by score desc then code', () => {
    const ranked = rankUnits([
      { code: 'C3', level: 'county', score: 70 },
      { code: 'F2', level: 'prefecture', score: 88.5 },
      { code: 'C1', level: 'county', score: 91 },
      { code: 'P', level: 'province', score: 95 },
      { code: 'C4', level: 'county', score: 85 },
      { code: 'C2', level: 'county', score: 85 },
      { code: 'F1', level: 'prefecture', score: 88.5 },
      { code: 'C5', level: 'county', score: 60 },
    ]);
    expect(ranked.map((r) => [r.level, r.code, r.rank])).toEqual([
      ['province', 'P', 1],
      ['prefecture', 'F1', 1],
      ['prefecture', 'F2', 1],
      ['county', 'C1', 1],
      ['county', 'C2', 2],
      ['county', 'C4', 2],
      ['county', 'C3', 4],
      ['county', 'C5', 5],
    ]);
  });

  it('handles an empty list and does not mutate its input', () => {
    expect(rankUnits([])).toEqual([]);
    const input = [
      { code: 'B', level: 'county' as const, score: 1 },
      { code: 'A', level: 'county' as const, score: 2 },
    ];
    rankUnits(input);
    expect(input.map((i) => i.code)).toEqual(['B', 'A']);
  });
});
