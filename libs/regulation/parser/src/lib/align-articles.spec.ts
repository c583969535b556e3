import {
  alignArticles,
  ArticleChange,
  articleParagraphs,
  ComparableArticle,
  residualMutualPairs,
} from './align-articles';

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
          orderedSimilarity: 0.95,
          mutualSimilarity: 0.95,
          sentenceContainment: 0.95,
        }),
      ),
    ).toContain('added - 2');
  });

  /**
   * A longer invented text (a drinking-water source regulation), so that the contrast of a pair
   * (how exceptional its similarity is among the others of its row and column) has room to show.
   */
  const water = numbered([
    '为了加强饮用水水源保护，保障饮用水安全，根据有关法律、行政法规，结合本省实际，制定本条例。',
    '本条例适用于本省行政区域内饮用水水源的划定、保护和管理活动。',
    '县级以上人民政府应当加强对饮用水水源保护工作的领导，将其纳入国民经济和社会发展规划，所需经费列入本级财政预算。',
    '县级以上人民政府生态环境主管部门对饮用水水源保护实施统一监督管理；水行政、自然资源、住房和城乡建设、卫生健康等部门按照各自职责做好相关工作。',
    '饮用水水源保护区分为一级保护区和二级保护区，必要时可以在保护区外围划定准保护区。',
    '保护区的划定方案由县级人民政府提出，报省人民政府批准后公布，并在边界设立明确的地理界标和警示标志。',
    '在饮用水水源一级保护区内，禁止新建、改建、扩建与供水设施和保护水源无关的建设项目，禁止从事网箱养殖、旅游、游泳、垂钓等可能污染水源的活动。',
    '供水单位应当建立水质检测制度，按照国家标准对原水和出厂水进行检测，并向社会公开检测结果。',
    '县级以上人民政府应当组织编制饮用水水源突发环境事件应急预案，储备必要的应急物资，定期开展应急演练。',
    '任何单位和个人发现污染饮用水水源的行为，有权向有关部门举报；查证属实的，给予奖励。',
    '违反本条例规定，在一级保护区内新建与供水设施无关的建设项目的，由生态环境主管部门责令停止违法行为，处十万元以上五十万元以下罚款。',
    '本条例自2025年1月1日起施行。',
  ]);
  const waterTexts = water.map((a) => a.text);
  /** New version: old articles by number, or new text. */
  const revise = (spec: (number | string)[]) =>
    numbered(spec.map((x) => (typeof x === 'number' ? waterTexts[x - 1] : x)));
  /** Only what a reviewer has to look at: the changes other than unchanged and renumbered. */
  const edits = (changes: ArticleChange[]) =>
    brief(changes).filter((line) => !/^(unchanged|renumbered) /u.test(line));

  it('renumbered after an inserted chapter, with a heavy rewrite in its old place between its neighbours (order prior)', () => {
    const rewrite = '边界应当设置界标，其范围须经省级审定。';
    const next = revise([
      1,
      2,
      3,
      4,
      '本省建立跨行政区域饮用水水源协同保护机制，相邻地区共享水质监测数据。',
      '流域上下游地区应当签订联防联控协议，明确各自的责任。',
      '本省设立流域生态补偿资金，对承担保护任务的地区给予补偿。',
      5,
      rewrite,
      ...[7, 8, 9, 10, 11, 12],
    ]);
    const changes = alignArticles(water, next);
    expect(edits(changes)).toEqual(['added - 5', 'added - 6', 'added - 7', 'changed 6 9']);
    expect(brief(changes).filter((line) => line.startsWith('renumbered'))).toHaveLength(7);
  });

  it('a rewrite that keeps its place and a key term or two is traced; the same words elsewhere are not', () => {
    const rewrite = '应对突发水污染事件的预案由各地政府制定并演练。';
    // In place: between the counterparts of its unchanged neighbours, text and position agree.
    expect(
      edits(alignArticles(water, revise([1, 2, 3, 4, 5, 6, 7, 8, rewrite, 10, 11, 12]))),
    ).toEqual(['changed 9 9']);
    // Moved behind the penalty clause the same weak wording is no evidence: removed and added.
    expect(
      edits(alignArticles(water, revise([1, 2, 3, 4, 5, 6, 7, 8, 10, 11, rewrite, 12]))),
    ).toEqual(['removed 9 -', 'added - 11']);
  });

  it('two neighbouring articles merged into one, the second condensed (相邻两条合并)', () => {
    const merged =
      '县级以上人民政府领导饮用水水源保护工作，所需经费列入本级财政预算；生态环境部门统一监督，其他部门按照职责配合。';
    const changes = alignArticles(water, revise([1, 2, merged, ...[5, 6, 7, 8, 9, 10, 11, 12]]));
    expect(edits(changes)).toEqual(['merged 3 3 3,4']);
    expect(changes.some((c) => c.kind === 'removed')).toBe(false);
  });

  it('one article split into adjacent ones, the second piece reworded (一条拆分为相邻两条)', () => {
    const next = revise([
      1,
      2,
      3,
      4,
      5,
      6,
      '在饮用水水源一级保护区内，禁止新建、改建、扩建与供水设施和保护水源无关的建设项目。',
      '一级保护区内不得开展网箱养殖、游泳、垂钓等活动。',
      ...[8, 9, 10, 11, 12],
    ]);
    expect(edits(alignArticles(water, next))).toEqual(['split 7 7', 'split 7 8']);
  });

  /** The water text with its emergency article (9) given three paragraphs. */
  const emergency = [
    '县级以上人民政府应当组织编制饮用水水源突发环境事件应急预案，明确处置流程和责任单位。',
    '供水单位应当储备活性炭、应急净水药剂等应急物资，并定期检查更换。',
    '生态环境主管部门每年至少组织一次跨部门应急演练，演练结果向本级人民政府报告。',
  ];
  const waterWithParagraphs = numbered(
    waterTexts.map((text, index) => (index === 8 ? emergency.join('\n') : text)),
  );

  it('an article split into three consecutive articles, a paragraph each, lightly reworded (一条按款拆分为相邻三条)', () => {
    const next = revise([
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      '县级以上人民政府应当组织编制饮用水水源突发环境事件应急预案，明确处置流程、责任单位和信息报告要求。',
      '供水单位应当储备活性炭、应急净水药剂等应急物资，建立台账并定期检查更换。',
      '生态环境主管部门每年至少组织一次跨部门应急演练，演练结果向本级人民政府报告并向社会公布。',
      10,
      11,
      12,
    ]);
    expect(edits(alignArticles(waterWithParagraphs, next))).toEqual([
      'split 9 9',
      'split 9 10',
      'split 9 11',
    ]);
  });

  it('one paragraph of an article moved out to a later chapter, the rest kept in place (一款移至他章)', () => {
    const next = revise([
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      [emergency[0], emergency[2]].join('\n'),
      10,
      11,
      '供水单位应当储备活性炭、应急净水药剂等应急物资，并定期检查更换，所需费用计入供水成本。',
      12,
    ]);
    expect(edits(alignArticles(waterWithParagraphs, next))).toEqual(['split 9 9', 'split 9 12']);
  });

  it('a new article beside a related one, sharing only the common vocabulary of the text, is added, not a split (新增相关条文)', () => {
    const next = revise([
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      '县级以上人民政府应当建立饮用水水源保护信息平台，向社会公开水源保护的相关信息。',
      9,
      10,
      11,
      12,
    ]);
    expect(edits(alignArticles(water, next))).toEqual(['added - 9']);
  });

  it('three neighbouring articles condensed into one (相邻三条合并为一条)', () => {
    const merged =
      '饮用水水源保护区分为一级保护区和二级保护区，划定方案由县级人民政府提出，报省人民政府批准后公布并设立地理界标；一级保护区内禁止新建与供水设施无关的建设项目，禁止网箱养殖、游泳、垂钓。';
    const changes = alignArticles(water, revise([1, 2, 3, 4, merged, 8, 9, 10, 11, 12]));
    // The main source (`from`) is whichever the one-to-one pairing chose; all three are sources.
    expect(changes.filter((c) => c.kind !== 'unchanged' && c.kind !== 'renumbered')).toEqual([
      expect.objectContaining({ kind: 'merged', to: 5, sources: [5, 6, 7] }),
    ]);
  });

  it('an article moved to the end of the text and reworded keeps its source; the order of the rest is unaffected', () => {
    const moved =
      '供水单位须建立水质检测制度，依照国家标准检测原水和出厂水，检测结果应当向社会公开并报送主管部门。';
    const changes = alignArticles(water, revise([1, 2, 3, 4, 5, 6, 7, 9, 10, 11, moved, 12]));
    expect(edits(changes)).toEqual(['changed 8 11']);
  });

  it('traces a provision moved into a longer new article by its closest paragraph', () => {
    const longer = [
      '本省推动公众参与饮用水水源保护，支持志愿服务组织开展宣传。',
      '任何单位和个人发现污染饮用水水源的行为，有权向有关部门举报；查证属实的，给予奖励。',
      '新闻媒体应当开展水源保护公益宣传，对违法行为进行舆论监督。',
      '学校应当将水源保护知识纳入教育内容。',
    ].join('\n');
    const next = revise([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, longer, 12]);
    expect(edits(alignArticles(water, next))).toEqual(['changed 10 11']);
  });

  /**
   * A seed regulation of fifteen articles, long enough for contrast to show, with one article on
   * seed-testing bodies that borrows the wording of the department article before it.
   */
  const seedFillers = [
    '国家建立种质资源保护制度，种质资源库应当定期更新保存的种质材料。',
    '从事种子生产经营的单位和个人，应当取得种子生产经营许可证，按照许可证载明的范围生产经营。',
    '禁止生产经营假种子和劣种子。假种子是指以非种子冒充种子或者以此种品种种子冒充其他品种种子的。',
    '主要农作物品种在推广前应当通过审定，审定委员会由科研、教学、生产、推广和使用方面的专业人员组成。',
    '向境外提供种质资源的，应当经省级农业农村主管部门审批，并签订利益分享协议。',
    '种子储备由各级财政安排资金，用于发生灾害时的生产需要，储备种子应当定期轮换。',
    '进口种子应当符合进境植物检疫要求，在指定口岸入境并接受隔离试种。',
    '林木良种基地由林业主管部门统一规划，基地建设应当保持相对稳定，不得擅自改变用途。',
    '转基因品种的选育、试验、审定和推广应当进行安全性评价，并采取严格的安全控制措施。',
    '种子使用者因种子质量问题遭受损失的，出售种子的经营者应当予以赔偿，赔偿额包括购种价款和可得利益损失。',
    '育种者对其授权品种享有排他的独占权，未经许可不得生产、繁殖或者销售该授权品种的繁殖材料。',
  ];
  const seedEnd = '本条例自公布之日起施行。';

  /**
   * The water text (emergency article with three paragraphs) with the seed fillers before its
   * last article: enough paragraphs for a paragraph pair to stand out as confidently as an anchor.
   */
  const longWater = () =>
    numbered([
      ...waterWithParagraphs.slice(0, 11).map((a) => a.text),
      ...seedFillers,
      waterTexts[11],
    ]);

  it('a paragraph lifted out of an article into an article of its own elsewhere, reworded, is traced to its article (一款单列为条并改写)', () => {
    const prev = longWater();
    const old = prev.map((a) => a.text);
    const lifted = '自来水企业须备足活性炭与净水药剂，逐月盘点，过期即换。';
    const next = numbered([
      ...old.slice(0, 8),
      [emergency[0], emergency[2]].join('\n'),
      ...old.slice(9, 11),
      lifted,
      ...old.slice(11),
    ]);
    expect(edits(alignArticles(prev, next))).toEqual(['split 9 9', 'split 9 12']);
    // Too reworded for sentence containment: without the paragraph link it is a new article.
    expect(edits(alignArticles(prev, next, { paragraphLinks: false }))).toEqual([
      'changed 9 9',
      'added - 12',
    ]);
  });

  it('a deleted article folded, reworded, into a new paragraph of another article is traced as merged (删去一条并入他条一款)', () => {
    const prev = longWater();
    const old = prev.map((a) => a.text);
    // Old 17 (seed reserve) is deleted; its provision reappears as a third paragraph of article 9.
    expect(old[16]).toContain('种子储备');
    const folded = '各级财政安排资金储备救灾种子，储备的种子定期轮换。';
    const next = numbered(
      old
        .map((text, index) => (index === 8 ? `${text}\n${folded}` : text))
        .filter((_, index) => index !== 16),
    );
    expect(edits(alignArticles(prev, next))).toEqual(['merged 9 9 9,17']);
    expect(edits(alignArticles(prev, next, { paragraphLinks: false }))).toEqual([
      'changed 9 9',
      'removed 17 -',
    ]);
  });

  it('a new article resembling a paragraph that stays in its article is added, not split off (条文新增而原款保留)', () => {
    const prev = longWater();
    const old = prev.map((a) => a.text);
    const next = numbered([
      ...old.slice(0, 11),
      '自来水企业须备足活性炭与净水药剂，逐月盘点，过期即换。',
      ...old.slice(11),
    ]);
    expect(edits(alignArticles(prev, next))).toEqual(['added - 12']);
  });

  it('pairs a moved rewrite whose closest counterparts are both taken by confident pairs (residual mutual pair)', () => {
    // Old 2 borrows the wording of old 1 (the department article), so its closest new article is
    // new 1, old 1's unchanged copy; new 14 shares a term with old 2 only. Once the confident
    // pairs are set aside, old 2 and new 14 single each other out among the articles left.
    const prev = numbered([
      texts[1],
      '农业农村主管部门负责本行政区域内种子检验机构的监督管理工作，提高检验能力。',
      texts[4],
      ...seedFillers,
      seedEnd,
    ]);
    const next = numbered([
      texts[1],
      texts[4],
      ...seedFillers,
      '省人民政府统筹种子检验机构布局，检验结果向社会公布。',
      seedEnd,
    ]);
    const edits = (changes: ArticleChange[]) =>
      brief(changes).filter((line) => !/^(unchanged|renumbered) /u.test(line));
    expect(edits(alignArticles(prev, next))).toEqual(['changed 2 14']);
    // Without the rule the rewrite is reported as one article removed and another added.
    expect(edits(alignArticles(prev, next, { residualMutual: false }))).toEqual([
      'removed 2 -',
      'added - 14',
    ]);
  });
});

describe('residualMutualPairs', () => {
  const matrix = (rows: number[][]) => rows.map((row) => Float64Array.from(row));
  const similar = matrix([
    [0.9, 0.2, 0.1],
    [0.3, 0.2, 0.1],
    [0.1, 0.1, 0.2],
  ]);
  const opts = { mutualSimilarity: 0.05, mutualContrast: 2 };

  it('finds the pair that is mutual best once the anchored row and column are set aside', () => {
    // Row 1 prefers column 0 and column 1 prefers row 0, both taken by the anchor (0, 0).
    const contrast = matrix([
      [6, 3, 0],
      [4, 2.5, 0],
      [0, 0, 2.2],
    ]);
    expect([...residualMutualPairs(contrast, similar, [[0, 0]], opts)].sort()).toEqual([
      '1:1',
      '2:2',
    ]);
  });

  it('keeps the evidence a mutual pair needs, and sets nothing aside without anchors', () => {
    const weak = matrix([
      [6, 3, 0],
      [4, 1.5, 0],
      [0, 0, 2.2],
    ]);
    expect([...residualMutualPairs(weak, similar, [[0, 0]], opts)]).toEqual(['2:2']);
    // Without anchors, (1, 1) is not mutual: row 1 prefers column 0, which prefers row 0.
    expect([...residualMutualPairs(weak, similar, [], opts)].sort()).toEqual(['0:0', '2:2']);
  });
});

describe('articleParagraphs', () => {
  it('keeps each item (项) with the paragraph (款) that introduces it', () => {
    const text = [
      '财政性资金主要用于下列事项：',
      '（一）基础研究；',
      '(二)人才培养。',
      '',
      '审计机关依法进行监督。',
    ].join('\n');
    expect(articleParagraphs(text)).toEqual([
      '财政性资金主要用于下列事项：\n（一）基础研究；\n(二)人才培养。',
      '审计机关依法进行监督。',
    ]);
  });
});
