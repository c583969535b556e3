import { ArticleChange, ComparableArticle, diffArticles } from './diff-articles';

/** The fields callers of the original diff read; `sources` and `similarity` are tested with alignArticles. */
const legacy = (changes: ArticleChange[]) =>
  changes.map(({ kind, from, to, title }) => ({
    kind,
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
    title,
  }));

const v1: ComparableArticle[] = [
  { number: 1, title: '目的', text: '为了促进质量，制定本条例。' },
  { number: 2, title: '适用范围', text: '本条例适用于本省。' },
  { number: 3, title: '政府职责', text: '县级以上人民政府应当加强质量工作。' },
  { number: 4, title: '企业责任', text: '企业应当落实质量主体责任。' },
];

describe('diffArticles', () => {
  it('reports nothing but unchanged articles for the same text', () => {
    expect(diffArticles(v1, v1).map((c) => c.kind)).toEqual(Array(4).fill('unchanged'));
  });

  it('ignores whitespace and punctuation width', () => {
    const v2 = v1.map((a) => ({ ...a, text: a.text.replace('，', ', ') + '  ' }));
    expect(diffArticles(v1, v2).every((c) => c.kind === 'unchanged')).toBe(true);
  });

  it('detects a changed article, an inserted one and the renumbering after it', () => {
    const v2: ComparableArticle[] = [
      v1[0],
      { number: 2, title: '适用范围', text: '本条例适用于本省行政区域。' },
      { number: 3, title: '定义', text: '本条例所称质量，是指产品质量。' },
      { ...v1[2], number: 4 },
      { ...v1[3], number: 5 },
    ];
    expect(legacy(diffArticles(v1, v2))).toEqual([
      { kind: 'unchanged', from: 1, to: 1, title: '目的' },
      { kind: 'changed', from: 2, to: 2, title: '适用范围' },
      { kind: 'added', to: 3, title: '定义' },
      { kind: 'renumbered', from: 3, to: 4, title: '政府职责' },
      { kind: 'renumbered', from: 4, to: 5, title: '企业责任' },
    ]);
  });

  it('detects a removed article and traces a reworded, renumbered article by its content', () => {
    const v2: ComparableArticle[] = [
      v1[0],
      { number: 2, title: '政府职责', text: '县级以上人民政府应当统筹质量工作。' },
      { ...v1[3], number: 3 },
    ];
    expect(legacy(diffArticles(v1, v2))).toEqual([
      { kind: 'unchanged', from: 1, to: 1, title: '目的' },
      { kind: 'removed', from: 2, title: '适用范围' },
      { kind: 'changed', from: 3, to: 2, title: '政府职责' },
      { kind: 'renumbered', from: 4, to: 3, title: '企业责任' },
    ]);
  });

  // Was `changed 1 → 1`: the number-based diff paired any two articles with the same number.
  // Texts that share no words are not the same provision, whatever their number.
  it('does not pair untitled articles that only share a number (enacted texts)', () => {
    const a = [{ number: 1, text: '甲。' }];
    const b = [{ number: 1, text: '乙。' }];
    expect(legacy(diffArticles(a, b))).toEqual([
      { kind: 'removed', from: 1, title: null },
      { kind: 'added', to: 1, title: null },
    ]);
  });

  it('pairs untitled articles with the same number when the wording was revised', () => {
    const a = [{ number: 1, text: '县级以上人民政府应当加强质量工作。' }];
    const b = [{ number: 1, text: '县级以上地方人民政府应当加强质量工作，建立协调机制。' }];
    expect(legacy(diffArticles(a, b))).toEqual([{ kind: 'changed', from: 1, to: 1, title: null }]);
  });
});
