import { alignArticles, ArticleChange, ComparableArticle } from './align-articles';

/** A small enacted text (no titles), each article on its own subject. */
const base: ComparableArticle[] = [
  '为了规范种子生产经营行为，保护和合理利用种质资源，制定本条例。',
  '县级以上人民政府农业农村主管部门负责本行政区域内种子的监督管理工作。',
  '国家建立种质资源保护制度，种质资源库应当定期更新保存的种质材料。',
  '从事种子生产经营的单位和个人，应当取得种子生产经营许可证，按照许可证载明的范围生产经营。',
  '销售的种子应当加工、分级、包装，附有标签和使用说明，标注品种名称和检疫证明编号。',
  '禁止生产经营假种子和劣种子。假种子是指以非种子冒充种子或者以此种品种种子冒充其他品种种子的。',
  '违反本条例规定，生产经营假种子的，由农业农村主管部门责令停止生产经营，没收违法所得和种子，并处罚款。',
  '本条例自公布之日起施行。',
].map((text, index) => ({ number: index + 1, text }));

/** Renumber consecutively from 1. */
const numbered = (texts: string[]): ComparableArticle[] =>
  texts.map((text, index) => ({ number: index + 1, text }));
const texts = base.map((a) => a.text);
/** kind, from and to (and sources for several), the part a reviewer reads. */
const brief = (changes: ArticleChange[]) =>
  changes.map((c) =>
    [c.kind, c.from ?? '-', c.to ?? '-', (c.sources?.length ?? 0) > 1 ? c.sources : '']
      .join(' ')
      .trim(),
  );

describe('alignArticles (by content)', () => {
  it('reports only unchanged articles for the same text, with similarity 1', () => {
    const changes = alignArticles(base, base);
    expect(changes.every((c) => c.kind === 'unchanged' && c.similarity === 1)).toBe(true);
  });

  it('an inserted article renumbers everything after it (修改决定：增加一条)', () => {
    const next = numbered([
      ...texts.slice(0, 2),
      '县级以上人民政府应当将种业发展纳入国民经济和社会发展规划，安排专项资金扶持育种创新。',
      ...texts.slice(2),
    ]);
    expect(brief(alignArticles(base, next))).toEqual([
      'unchanged 1 1',
      'unchanged 2 2',
      'added - 3',
      'renumbered 3 4',
      'renumbered 4 5',
      'renumbered 5 6',
      'renumbered 6 7',
      'renumbered 7 8',
      'renumbered 8 9',
    ]);
  });

  it('a deleted article is reported after its predecessor, the rest renumbered (删去第三条)', () => {
    const next = numbered([...texts.slice(0, 2), ...texts.slice(3)]);
    expect(brief(alignArticles(base, next))).toEqual([
      'unchanged 1 1',
      'unchanged 2 2',
      'removed 3 -',
      'renumbered 4 3',
      'renumbered 5 4',
      'renumbered 6 5',
      'renumbered 7 6',
      'renumbered 8 7',
    ]);
  });

  it('two articles merged into one carry both sources (第四条、第五条合并)', () => {
    const next = numbered([
      ...texts.slice(0, 3),
      '从事种子生产经营的单位和个人，应当取得种子生产经营许可证。销售的种子应当加工、分级、包装，附有标签和使用说明。',
      ...texts.slice(5),
    ]);
    const changes = alignArticles(base, next);
    expect(brief(changes)).toEqual([
      'unchanged 1 1',
      'unchanged 2 2',
      'unchanged 3 3',
      'merged 4 4 4,5',
      'renumbered 6 5',
      'renumbered 7 6',
      'renumbered 8 7',
    ]);
    const merged = changes[3];
    expect(merged.similarity).toBeGreaterThan(0.5);
    expect(merged.similarity).toBeLessThan(1);
  });

  it('one article split in two: both new articles name the one source (一条拆分为两条)', () => {
    const next = numbered([
      ...texts.slice(0, 5),
      '禁止生产经营假种子和劣种子。',
      '本条例所称假种子，是指以非种子冒充种子或者以此种品种种子冒充其他品种种子的。',
      ...texts.slice(6),
    ]);
    expect(brief(alignArticles(base, next))).toEqual([
      'unchanged 1 1',
      'unchanged 2 2',
      'unchanged 3 3',
      'unchanged 4 4',
      'unchanged 5 5',
      'split 6 6',
      'split 6 7',
      'renumbered 7 8',
      'renumbered 8 9',
    ]);
  });

  it('an article moved to another chapter and reworded is traced to its source', () => {
    // 第三条 (种质资源) moves behind the licence articles and is reworded.
    const next = numbered([
      texts[0],
      texts[1],
      texts[3],
      texts[4],
      '国家建立健全种质资源保护制度，种质资源库、种质资源保护区应当定期繁殖更新保存的种质材料。',
      ...texts.slice(5),
    ]);
    expect(brief(alignArticles(base, next))).toEqual([
      'unchanged 1 1',
      'unchanged 2 2',
      'renumbered 4 3',
      'renumbered 5 4',
      'changed 3 5',
      'unchanged 6 6',
      'unchanged 7 7',
      'unchanged 8 8',
    ]);
  });

  it('traces an article moved and reworded with few shared words but a distinctive term', () => {
    // 第三条 (种质资源) moves behind the penalty and keeps little more than its subject.
    const next = numbered([
      texts[0],
      texts[1],
      ...texts.slice(3, 7),
      '省级财政安排专项资金，扶持建设种质资源库，开展鉴定评价。',
      texts[7],
    ]);
    expect(brief(alignArticles(base, next))).toEqual([
      'unchanged 1 1',
      'unchanged 2 2',
      'renumbered 4 3',
      'renumbered 5 4',
      'renumbered 6 5',
      'renumbered 7 6',
      'changed 3 7',
      'unchanged 8 8',
    ]);
  });

  it('a full rewrite keeping the order pairs every paraphrased article with its source', () => {
    const rewritten = numbered([
      '为加强种业管理，推动育种创新，依据有关法律，结合本省实际，制定本条例。',
      '种子监督工作由县级以上农业农村部门按照职责分工组织实施。',
      '本省对种质资源实行分级保护，资源保存单位须按期繁殖更新。',
      '经营种子须先领取许可证，并在核定范围内开展业务。',
      '出售种子时须附标签及说明书，写明品种名称等信息。',
      '任何人不得经营假、劣种子。以非种子冒充种子的，属于假种子。',
      '经营假种子的，责令停止违法行为，没收种子及违法所得，处以罚款。',
      '本条例自2025年1月1日起实施。',
    ]);
    expect(brief(alignArticles(base, rewritten))).toEqual(
      base.map((a) => `changed ${a.number} ${a.number}`),
    );
  });

  it('does not pair unrelated articles that share a number (全文修订后条号相同、内容无关)', () => {
    const next = numbered([
      texts[0],
      '国家鼓励科研院所与企业联合开展育种技术攻关，支持商业化育种体系建设。',
      ...texts.slice(2),
    ]);
    expect(brief(alignArticles(base, next))).toEqual([
      'unchanged 1 1',
      'removed 2 -',
      'added - 2',
      'unchanged 3 3',
      'unchanged 4 4',
      'unchanged 5 5',
      'unchanged 6 6',
      'unchanged 7 7',
      'unchanged 8 8',
    ]);
  });

  it('pairs identical articles in order when a wording occurs twice (the positional prior breaks the tie)', () => {
    const twice = numbered(['甲单位应当报告。', '乙单位应当报告。', '甲单位应当报告。']);
    const next = numbered(['新增的条文与其他条文无关。', ...twice.map((a) => a.text)]);
    expect(brief(alignArticles(twice, next))).toEqual([
      'added - 1',
      'renumbered 1 2',
      'renumbered 2 3',
      'renumbered 3 4',
    ]);
  });

  it('handles empty versions', () => {
    expect(alignArticles([], [])).toEqual([]);
    expect(brief(alignArticles([], base.slice(0, 1)))).toEqual(['added - 1']);
    expect(brief(alignArticles(base.slice(0, 1), []))).toEqual(['removed 1 -']);
  });

  it('a stricter threshold leaves a light rewrite unpaired (options are honoured)', () => {
    const next = numbered([texts[0], '县级以上地方人民政府农业农村主管部门负责种子监督管理。']);
    const prev = base.slice(0, 2);
    expect(brief(alignArticles(prev, next))[1]).toBe('changed 2 2');
    expect(
      brief(
        alignArticles(prev, next, {
          minSimilarity: 0.95,
          weakSimilarity: 0.95,
          sentenceContainment: 0.95,
        }),
      ),
    ).toContain('added - 2');
  });
});
