import { bigrams, diceSimilarity, suggestDutyMappings } from './duty-mapping-suggestions';

describe('diceSimilarity', () => {
  it('is 1 for the same words whatever the spacing and punctuation width', () => {
    expect(
      diceSimilarity('县级以上人民政府应当加强质量工作。', '县级以上人民政府 应当加强质量工作.'),
    ).toBe(1);
  });

  it('is 0 for texts that share no two consecutive characters', () => {
    expect(diceSimilarity('财政部门保障经费', '统计机构发布数据')).toBe(0);
    expect(diceSimilarity('', '')).toBe(0);
  });

  it('counts bigrams as a multiset (a repeated term counts as often as it is written)', () => {
    expect(bigrams('质量质量')).toEqual(
      new Map([
        ['质量', 2],
        ['量质', 1],
      ]),
    );
    // 2·2 / (3 + 1)
    expect(diceSimilarity('质量质量', '质量')).toBe(2 / 4);
  });

  it('ranks a reworded statement well above an unrelated one of the same text', () => {
    const old = '县级以上人民政府应当加强对质量工作的统筹规划和组织领导';
    const reworded = '县级以上地方人民政府应当加强对质量工作的组织领导，保障质量工作所需经费';
    const unrelated = '县级以上人民政府统计部门应当定期发布质量统计数据';
    expect(diceSimilarity(old, reworded)).toBeGreaterThan(0.6);
    expect(diceSimilarity(old, unrelated)).toBeLessThan(0.4);
  });
});

describe('suggestDutyMappings', () => {
  const old = (id: string, article: number, text: string) => ({ id, article, text });
  const planning = '县级以上人民政府应当将质量工作纳入国民经济和社会发展规划';
  const leadership = '县级以上人民政府应当加强对质量工作的组织领导';
  const funding = '县级以上人民政府应当保障质量工作所需经费';
  const statistics = '统计部门应当定期发布质量统计数据';

  it('pairs each new duty of a changed article with the old duty it rewords, one to one', () => {
    const result = suggestDutyMappings({
      articles: [{ kind: 'changed', to: 5, sources: [4] }],
      previous: [old('o1', 4, planning), old('o2', 4, leadership)],
      next: [
        old('n1', 5, '县级以上地方人民政府应当加强对质量工作的组织领导'),
        old('n2', 5, '县级以上地方人民政府应当将质量工作纳入国民经济和社会发展规划'),
      ],
    });
    expect(result.map((s) => [s.dutyId, s.previousDutyId, s.primary])).toEqual([
      ['n1', 'o2', true],
      ['n2', 'o1', true],
    ]);
    expect(result.every((s) => s.articleChange === 'changed' && s.similarity > 0.8)).toBe(true);
  });

  it('offers both sources of a merge, the better one as primary', () => {
    const result = suggestDutyMappings({
      articles: [{ kind: 'merged', to: 6, sources: [6, 7] }],
      previous: [old('o6', 6, leadership), old('o7', 7, funding)],
      next: [old('n6', 6, '县级以上人民政府应当加强对质量工作的组织领导，保障质量工作所需经费')],
    });
    expect(result).toEqual([
      expect.objectContaining({ dutyId: 'n6', previousDutyId: 'o6', primary: true }),
      expect.objectContaining({ dutyId: 'n6', previousDutyId: 'o7', primary: false }),
    ]);
    expect(result[0].similarity).toBeGreaterThan(result[1].similarity);
  });

  it('continues an old duty in only one part of a split; the other part gets no primary for it', () => {
    const result = suggestDutyMappings({
      articles: [
        { kind: 'split', to: 8, sources: [8] },
        { kind: 'split', to: 9, sources: [8] },
      ],
      previous: [old('o8', 8, leadership)],
      next: [old('n8', 8, leadership), old('n9', 9, '县级以上人民政府应当加强对质量工作的领导')],
    });
    expect(result).toEqual([
      { dutyId: 'n8', previousDutyId: 'o8', articleChange: 'split', similarity: 1, primary: true },
    ]);
  });

  it('compares only with the aligned source articles, and only above the threshold', () => {
    const result = suggestDutyMappings({
      articles: [{ kind: 'changed', to: 3, sources: [3] }],
      previous: [old('o3', 3, statistics), old('o4', 4, leadership)],
      next: [old('n3', 3, leadership), old('n10', 10, leadership)],
    });
    // n3's only source article holds an unrelated statement; n10 is not in a reworked article.
    expect(result).toEqual([]);
    expect(
      suggestDutyMappings(
        {
          articles: [{ kind: 'changed', to: 3, sources: [3] }],
          previous: [old('o3', 3, statistics)],
          next: [old('n3', 3, '统计部门应当发布数据')],
        },
        { minSimilarity: 0.9 },
      ),
    ).toEqual([]);
  });

  it('caps the alternatives per duty and is deterministic on ties', () => {
    const same = '县级以上人民政府应当加强质量工作';
    const input = {
      articles: [{ kind: 'merged' as const, to: 1, sources: [1, 2, 3, 4] }],
      previous: [old('a', 1, same), old('b', 2, same), old('c', 3, same), old('d', 4, same)],
      next: [old('n', 1, same)],
    };
    const result = suggestDutyMappings(input, { maxPerDuty: 2 });
    expect(result.map((s) => [s.previousDutyId, s.primary])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(suggestDutyMappings(input, { maxPerDuty: 2 })).toEqual(result);
  });
});
