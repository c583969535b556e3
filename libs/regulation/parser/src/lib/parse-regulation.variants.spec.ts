import { RegulationParseWarningCode as W } from './errors';
import { listArticles, parseRegulation } from './parse-regulation';
import {
  insertAfterTitle,
  loadSeedText,
  seedTableOfContents,
  structureOf,
  toHalfWidth,
} from '../test-support/regulation-fixtures';
import type { ParsedRegulation } from './types';

const lines = (...l: string[]): string => l.join('\n');
const warningCodes = (r: ParsedRegulation) => r.warnings.map((w) => w.code);

describe('parseRegulation — variants of the seed', () => {
  const seed = loadSeedText();
  const expected = structureOf(parseRegulation(seed));

  it('parses the seed with a TOC, half-width punctuation, CRLF and a BOM to the identical structure', () => {
    const variant = `\ufeff${toHalfWidth(insertAfterTitle(seed, seedTableOfContents())).replace(/\n/gu, '\r\n')}`;
    const parsed = parseRegulation(variant);

    expect(structureOf(parsed)).toEqual(expected);
    expect(parsed.chapters).toHaveLength(7);
    expect(listArticles(parsed)).toHaveLength(42);
    expect(parsed.title).toBe('湖北省质量促进条例(草案)');
    expect(parsed.tableOfContents?.map((e) => [e.kind, e.number, e.title, e.line])).toEqual([
      ['chapter', 1, '总则', 3],
      ['chapter', 2, '基础支撑', 4],
      ['chapter', 3, '创新驱动', 5],
      ['chapter', 4, '品牌引领', 6],
      ['chapter', 5, '保障措施', 7],
      ['chapter', 6, '监督考核', 8],
      ['chapter', 7, '附则', 9],
    ]);
    // Body lines moved down by the 8 TOC lines; the first chapter is the body's, not the TOC's.
    expect(parsed.chapters[0]?.line).toBe(10);
    expect(listArticles(parsed)[0]?.line).toBe(11);
    expect(parsed.warnings).toEqual([]);
    // Half-width text is stored as written, not converted back.
    expect(listArticles(parsed)[4]?.paragraphs[0]?.items[0]?.marker).toBe('(一)');
    expect(listArticles(parsed)[0]?.title).toBe('目的和依据');
  });

  it('parses CR-only line ends', () => {
    expect(structureOf(parseRegulation(seed.replace(/\n/gu, '\r')))).toEqual(expected);
  });

  it('keeps a passing-date line under the title as preamble', () => {
    const dateLine = '（2024年X月X日湖北省第十四届人民代表大会常务委员会第X次会议通过）';
    const parsed = parseRegulation(insertAfterTitle(seed, dateLine));
    expect(parsed.preamble).toEqual([{ text: dateLine, line: 2 }]);
    expect(structureOf(parsed)).toEqual(expected);
    expect(parsed.chapters[0]?.line).toBe(3);
  });

  it('keeps a 草案说明 line and a multi-line amendment record as preamble', () => {
    const block = lines(
      '草案说明：本草案由省市场监督管理局起草。',
      '（2010年7月30日湖北省第十一届人民代表大会常务委员会第十七次会议通过',
      '根据2016年12月1日湖北省第十二届人民代表大会常务委员会第二十五次会议修正）',
    );
    const parsed = parseRegulation(insertAfterTitle(seed, block));
    expect(parsed.preamble?.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(parsed.preamble?.[0]?.text).toBe('草案说明：本草案由省市场监督管理局起草。');
    expect(structureOf(parsed)).toEqual(expected);
  });

  it('joins a （草案） written on the line under the title to the title', () => {
    const parsed = parseRegulation(
      seed.replace('湖北省质量促进条例（草案）', '湖北省质量促进条例\n（草案）'),
    );
    expect(parsed.title).toBe('湖北省质量促进条例（草案）');
    expect(parsed.preamble).toBeUndefined();
  });

  it('accepts spaces inside headings: 第 一 条, 第一章 总 则', () => {
    const spaced = seed
      .replace('第一章  总则', '第 一 章　总　则')
      .replace('第一条【', '第 一 条 【')
      .replace('第四十二条', '第 四 十 二 条');
    expect(structureOf(parseRegulation(spaced))).toEqual(expected);
  });

  it('accepts a text without a title', () => {
    const parsed = parseRegulation(seed.slice(seed.indexOf('\n') + 1));
    expect(parsed.title).toBeUndefined();
    expect(parsed.titleLine).toBeUndefined();
    expect(listArticles(parsed)).toHaveLength(42);
  });

  it('does not duplicate chapters for a TOC with dot leaders and page numbers', () => {
    const toc = lines(
      '目  录',
      '第一章　总　　则……………………1',
      '第二章　基础支撑……………………3',
      '第三章　创新驱动……………………6',
      '第四章　品牌引领……………………8',
      '第五章　保障措施 .......... 10',
      '第六章　监督考核 12',
      '第七章　附　　则……………………15',
    );
    const parsed = parseRegulation(insertAfterTitle(seed, toc));
    expect(structureOf(parsed)).toEqual(expected);
    expect(parsed.tableOfContents?.map((e) => e.title)).toEqual(
      expected.chapters.map((c) => c.title),
    );
    expect(parsed.warnings).toEqual([]);
  });

  it('warns when the TOC does not match the body', () => {
    const toc = seedTableOfContents().replace('第三章　创新驱动', '第三章　科技创新');
    const parsed = parseRegulation(insertAfterTitle(seed, toc));
    expect(structureOf(parsed)).toEqual(expected);
    expect(parsed.warnings.map((w) => [w.code, w.line])).toEqual([
      [W.TOC_MISMATCH, 5],
      [W.TOC_MISMATCH, 45],
    ]);
    expect(parsed.warnings[0]?.message).toBe(
      '第5行：目录中的“第三章 科技创新”在正文中没有对应的标题',
    );
  });

  it('treats chapter headings before the body without a 目录 line as a TOC, with a warning', () => {
    const toc = seedTableOfContents().split('\n').slice(1).join('\n');
    const parsed = parseRegulation(insertAfterTitle(seed, toc));
    expect(structureOf(parsed)).toEqual(expected);
    expect(parsed.tableOfContents).toHaveLength(7);
    expect(warningCodes(parsed)).toEqual([W.TOC_WITHOUT_MARKER]);
  });
});

describe('parseRegulation — sections (节)', () => {
  const text = lines(
    '湖北省产品质量监督条例',
    '目录',
    '第一章 总则',
    '第二章 质量安全',
    '第一节 一般规定',
    '第二节 风险监测',
    '第三章 附则',
    '第一章 总则',
    '第一条 为了加强产品质量监督，制定本条例。',
    '第二条 本条例适用于本省行政区域内的产品质量监督活动。',
    '第二章 质量安全',
    '第三条 本章所称质量安全，是指产品不存在危及人身、财产安全的不合理危险。',
    '第一节 一般规定',
    '第四条 生产者应当对其生产的产品质量负责。',
    '第五条 销售者应当建立并执行进货检查验收制度。',
    '第二节 风险监测',
    '第六条 县级以上人民政府市场监督管理部门应当开展下列工作：',
    '（一）建立产品质量安全风险监测制度；',
    '（二）发布风险预警信息。',
    '第三章 附则',
    '第七条 本条例自2025年1月1日起施行。',
  );
  const parsed = parseRegulation(text);

  it('builds chapters with sections, keeping all articles in the chapter', () => {
    expect(
      parsed.chapters.map((c) => [c.number, c.title, c.articles.map((a) => a.number)]),
    ).toEqual([
      [1, '总则', [1, 2]],
      [2, '质量安全', [3, 4, 5, 6]],
      [3, '附则', [7]],
    ]);
    expect(parsed.chapters[0]?.sections).toBeUndefined();
    expect(parsed.chapters[1]?.sections).toEqual([
      { number: 1, title: '一般规定', line: 13, articleNumbers: [4, 5] },
      { number: 2, title: '风险监测', line: 16, articleNumbers: [6] },
    ]);
    expect(parsed.chapters[2]?.sections).toBeUndefined();
  });

  it('records the section of each article; an article before the first section has none', () => {
    expect(listArticles(parsed).map((a) => a.sectionNumber)).toEqual([
      undefined,
      undefined,
      undefined,
      1,
      1,
      2,
      undefined,
    ]);
    expect(listArticles(parsed)[5]?.paragraphs[0]?.items.map((i) => i.content)).toEqual([
      '建立产品质量安全风险监测制度；',
      '发布风险预警信息。',
    ]);
  });

  it('reads section entries of the TOC without creating chapters or sections from them', () => {
    expect(parsed.tableOfContents?.map((e) => `${e.kind}${e.number}${e.title}`)).toEqual([
      'chapter1总则',
      'chapter2质量安全',
      'section1一般规定',
      'section2风险监测',
      'chapter3附则',
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('restarts section numbers in every chapter', () => {
    const twoChapters = lines(
      '某条例',
      '第一章 总则',
      '第一节 甲',
      '第一条 正文一。',
      '第二节 乙',
      '第二条 正文二。',
      '第二章 分则',
      '第一节 丙',
      '第三条 正文三。',
    );
    const r = parseRegulation(twoChapters);
    expect(r.chapters.map((c) => c.sections?.map((s) => s.number))).toEqual([[1, 2], [1]]);
  });
});

describe('parseRegulation — enacted-style text (no 【titles】)', () => {
  const text = lines(
    '湖北省某某管理条例',
    '（2024年5月30日湖北省第十四届人民代表大会常务委员会第十次会议通过）',
    '目　　录',
    '第一章　总　　则',
    '第二章　监督管理',
    '第三章　附　　则',
    '第一章　总　　则',
    '第一条　为了规范某某管理，根据有关法律、行政法规，结合本省实际，制定本条例。',
    '第二条　有下列情形之一的，由县级以上人民政府有关部门责令改正：',
    '（一）未按照规定建立管理制度的；',
    '（二）拒不履行报告义务的；',
    '（三）法律、法规规定的其他情形。',
    '有前款第一项情形的，可以处一万元以下罚款。',
    '第二章　监督管理',
    '第三条　县级以上人民政府应当加强监督管理。',
    '第三章　附　　则',
    '第四条　本条例自2024年7月1日起施行。',
  );
  const parsed = parseRegulation(text);

  it('parses articles without titles and keeps the preamble', () => {
    expect(parsed.title).toBe('湖北省某某管理条例');
    expect(parsed.preamble?.[0]?.line).toBe(2);
    expect(parsed.chapters.map((c) => c.title)).toEqual(['总则', '监督管理', '附则']);
    expect(listArticles(parsed).map((a) => [a.number, a.title])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, undefined],
      [4, undefined],
    ]);
    expect(listArticles(parsed).every((a) => !('title' in a))).toBe(true);
    expect(parsed.warnings).toEqual([]);
  });

  it('starts a new paragraph after items (有前款第一项情形的…)', () => {
    const a2 = listArticles(parsed)[1];
    expect(a2?.paragraphs.map((p) => [p.number, p.line, p.items.length])).toEqual([
      [1, 9, 3],
      [2, 13, 0],
    ]);
    expect(a2?.paragraphs[1]?.text).toBe('有前款第一项情形的，可以处一万元以下罚款。');
  });
});

describe('parseRegulation — other layouts', () => {
  it('puts the articles of a text without chapters into one implicit chapter', () => {
    const r = parseRegulation(lines('某某规定', '第一条 正文一。', '第二条 正文二。'));
    expect(r.chapters).toEqual([
      {
        number: 0,
        title: '',
        line: 2,
        implicit: true,
        articles: [expect.objectContaining({ number: 1 }), expect.objectContaining({ number: 2 })],
      },
    ]);
  });

  it('reads a heading on its own line with the body on the following lines', () => {
    const r = parseRegulation(
      lines('某某规定', '第一条', '第一款正文。', '第二款正文。', '第二条【标题】', '', '正文。'),
    );
    const [a1, a2] = listArticles(r);
    expect(a1?.paragraphs.map((p) => [p.number, p.text, p.line])).toEqual([
      [1, '第一款正文。', 3],
      [2, '第二款正文。', 4],
    ]);
    expect(a1?.text).toBe('第一款正文。\n第二款正文。');
    expect(a2?.title).toBe('标题');
    expect(a2?.paragraphs[0]?.line).toBe(7);
  });

  it('reads a chapter title written on the line after 第一章', () => {
    const r = parseRegulation(lines('某某规定', '第一章', '总  则', '第一条 正文。'));
    expect(r.chapters[0]?.title).toBe('总则');
    expect(r.chapters[0]?.line).toBe(2);
  });

  it('reads Arabic-numbered headings and items', () => {
    const r = parseRegulation(
      lines('第1章 总则', '第1条 应当：', '(1) 甲；', '（2）乙。', '第2条 正文。'),
    );
    expect(listArticles(r).map((a) => a.number)).toEqual([1, 2]);
    expect(listArticles(r)[0]?.paragraphs[0]?.items.map((i) => i.number)).toEqual([1, 2]);
  });

  it('accepts a heading run into its body when the number is the one expected, with a warning', () => {
    const r = parseRegulation(
      lines(
        '某某规定',
        '第一条为了规范管理，制定本规定。',
        '第二条 本规定所称主体。',
        '第二条规定的主体应当登记。',
      ),
    );
    expect(listArticles(r).map((a) => a.paragraphs.length)).toEqual([1, 2]);
    // `第二条规定的…` is a cross-reference inside article 2, not a new article.
    expect(listArticles(r)[1]?.paragraphs[1]?.text).toBe('第二条规定的主体应当登记。');
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([[W.MISSING_HEADING_SEPARATOR, 2]]);
  });

  it('keeps a cross-reference line starting with an expected number as text', () => {
    const r = parseRegulation(
      lines('第一条 正文。', '第二条第一款规定的情形除外。', '第二条 正文。'),
    );
    expect(listArticles(r)[0]?.paragraphs).toHaveLength(2);
    expect(listArticles(r)).toHaveLength(2);
  });

  it('reads sub-items (目) under items', () => {
    const r = parseRegulation(
      lines(
        '第一条 申请人应当提交下列材料：',
        '（一）身份证明；',
        '（二）经营材料，包括：',
        '1.营业执照；',
        '2．章程；',
        '（三）其他材料，包括：',
        '（1）甲；',
        '（2）乙。',
        '前款材料应当真实。',
        '1.本行不在项之后，是新的一款。',
      ),
    );
    const [p1, p2, p3] = listArticles(r)[0]?.paragraphs ?? [];
    expect(
      p1?.items.map((i) => [i.number, i.subItems.map((s) => [s.number, s.marker, s.content])]),
    ).toEqual([
      [1, []],
      [
        2,
        [
          [1, '1.', '营业执照；'],
          [2, '2．', '章程；'],
        ],
      ],
      [
        3,
        [
          [1, '（1）', '甲；'],
          [2, '（2）', '乙。'],
        ],
      ],
    ]);
    expect(p2?.text).toBe('前款材料应当真实。');
    expect(p3?.text).toBe('1.本行不在项之后，是新的一款。');
    expect(r.warnings).toEqual([]);
  });

  it('warns about a colon paragraph without items, items without a colon, and item gaps', () => {
    const r = parseRegulation(
      lines('第一条 下列事项：', '第二条 下列事项', '（一）甲；', '（三）乙。'),
    );
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([
      [W.COLON_WITHOUT_ITEMS, 1],
      [W.ITEMS_WITHOUT_COLON, 2],
      [W.ITEM_OUT_OF_SEQUENCE, 4],
    ]);
  });

  it('warns about an unclosed title bracket and keeps the text', () => {
    const r = parseRegulation(lines('第一条【目的 为了规范管理，制定本规定。'));
    expect(listArticles(r)[0]?.title).toBeUndefined();
    expect(listArticles(r)[0]?.text).toBe('【目的 为了规范管理，制定本规定。');
    expect(warningCodes(r)).toEqual([W.UNCLOSED_TITLE_BRACKET]);
  });

  it('with strictNumbering: false, reports gaps as warnings (e.g. an excerpt)', () => {
    const r = parseRegulation(lines('第三章 监督', '第十条 正文。', '第十二条 正文。'), {
      strictNumbering: false,
    });
    expect(listArticles(r).map((a) => a.number)).toEqual([10, 12]);
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([
      [W.NUMBERING_GAP, 1],
      [W.NUMBERING_GAP, 2],
      [W.NUMBERING_GAP, 3],
    ]);
  });
});
