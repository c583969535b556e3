import {
  classifyLine,
  classifyTocLine,
  isPreambleLine,
  isTitleStatusLine,
  isTocMarker,
  parseHeadingNumber,
} from './line-patterns';

describe('classifyLine — article headings (条)', () => {
  it('reads number, bracketed title and body; the NBSP separator of the seed is not body', () => {
    expect(classifyLine('第一条【目的和依据】\u00a0\u00a0为了实施质量强国战略。')).toEqual({
      kind: 'article',
      number: 1,
      title: '目的和依据',
      body: '为了实施质量强国战略。',
      separator: 'title',
      looksLikeReference: false,
      unclosedTitle: false,
    });
  });

  it.each([
    ['第 一 百 零 一 条　正文。', 101, undefined, 'whitespace'],
    ['第1条 正文。', 1, undefined, 'whitespace'],
    ['第１２条\u3000正文。', 12, undefined, 'whitespace'],
    ['第五条[标题] 正文。', 5, '标题', 'title'],
    ['第五条［标 题］正文。', 5, '标题', 'title'],
    ['第五条 [标题】正文。', 5, '标题', 'title'],
    ['第五条〔标题〕正文。', 5, '标题', 'title'],
    ['第五条：正文。', 5, undefined, 'colon'],
    ['第五条:正文。', 5, undefined, 'colon'],
    ['第四十二条', 42, undefined, 'end'],
    ['第五条为了规范。', 5, undefined, 'none'],
  ] as const)('%s', (text, number, title, separator) => {
    const cls = classifyLine(text);
    expect(cls).toMatchObject({ kind: 'article', number, separator });
    expect(cls.kind === 'article' && cls.title).toBe(title ?? undefined);
    if (cls.kind === 'article' && separator !== 'end')
      expect(cls.body).toMatch(/正文。|为了规范。/u);
  });

  it('flags cross-references written at the start of a line', () => {
    for (const text of [
      '第五条规定的情形。',
      '第五条第二款所列。',
      '第五条、第六条。',
      '第五条至第七条。',
    ]) {
      expect(classifyLine(text)).toMatchObject({ kind: 'article', looksLikeReference: true });
    }
  });

  it('reports an unclosed title bracket and keeps the text as body', () => {
    expect(classifyLine('第五条【标题 正文。')).toMatchObject({
      kind: 'article',
      unclosedTitle: true,
      body: '【标题 正文。',
    });
  });

  it('reports malformed numbers in headings', () => {
    expect(classifyLine('第十十条 正文。')).toEqual({
      kind: 'invalidNumeral',
      numberText: '十十',
      unit: '条',
    });
    expect(classifyLine('第一二章 总则')).toMatchObject({ kind: 'invalidNumeral', unit: '章' });
  });

  it('recognises unsupported structures', () => {
    expect(classifyLine('第二十条之一 正文。')).toEqual({
      kind: 'unsupported',
      what: 'articleSuffix',
    });
    expect(classifyLine('第一编 总则')).toEqual({ kind: 'unsupported', what: 'part' });
    expect(classifyLine('第一分编 通则')).toEqual({ kind: 'unsupported', what: 'part' });
  });
});

describe('classifyLine — chapter (章) and section (节) headings', () => {
  it.each([
    ['第一章  总则', 1, '总则'],
    ['第一章 总 则', 1, '总则'],
    ['第 一 章　总　则', 1, '总则'],
    ['第七章\u00a0\u00a0附 \u00a0则', 7, '附则'],
    ['第十二章总则', 12, '总则'],
    ['第一章', 1, ''],
  ])('%s is chapter %i %s', (text, number, title) => {
    expect(classifyLine(text)).toEqual({ kind: 'chapter', number, title });
  });

  it('reads sections', () => {
    expect(classifyLine('第二节　质量 安全')).toEqual({
      kind: 'section',
      number: 2,
      title: '质量安全',
    });
  });

  it('treats a sentence that starts with 第X章 as text', () => {
    expect(classifyLine('第三章规定的事项，由省人民政府决定。')).toEqual({ kind: 'text' });
  });
});

describe('classifyLine — items (项) and sub-items (目)', () => {
  it.each([
    ['（一）建立健全；', 1, '（一）', 'chinese'],
    ['(一)建立健全；', 1, '(一)', 'chinese'],
    ['（一)建立健全；', 1, '（一)', 'chinese'],
    ['（ 十一 ）建立健全；', 11, '（ 十一 ）', 'chinese'],
    ['（1）建立健全；', 1, '（1）', 'arabic'],
    ['(１２) 建立健全；', 12, '(１２)', 'arabic'],
    ['㈢建立健全；', 3, '㈢', 'chinese'],
    ['⑵建立健全；', 2, '⑵', 'arabic'],
  ])('%s', (text, number, marker, style) => {
    expect(classifyLine(text)).toEqual({
      kind: 'item',
      number,
      marker,
      content: '建立健全；',
      style,
    });
  });

  it.each([
    ['1.规范', 1, '1.'],
    ['2．规范', 2, '2．'],
    ['3、规范', 3, '3、'],
    ['①规范', 1, '①'],
  ])('sub-item %s', (text, number, marker) => {
    expect(classifyLine(text)).toEqual({ kind: 'subItem', number, marker, content: '规范' });
  });

  it('does not take parenthesised words or decimals for numbering', () => {
    expect(classifyLine('（注）本条所称。')).toEqual({ kind: 'text' });
    expect(classifyLine('（十十）规范。')).toEqual({ kind: 'text' });
    expect(classifyLine('1.5倍以上罚款。')).toEqual({ kind: 'text' });
  });
});

describe('front-matter helpers', () => {
  it('recognises the table-of-contents marker', () => {
    expect(classifyLine('目　　录')).toEqual({ kind: 'tocMarker' });
    expect(isTocMarker('目 次')).toBe(true);
    expect(isTocMarker('目录如下')).toBe(false);
  });

  it('strips dot leaders and page numbers from table-of-contents lines', () => {
    expect(classifyTocLine('第一章　总　则……………1')).toEqual({
      kind: 'chapter',
      number: 1,
      title: '总则',
    });
    expect(classifyTocLine('第二章 基础支撑 .......... 12')).toEqual({
      kind: 'chapter',
      number: 2,
      title: '基础支撑',
    });
    expect(classifyTocLine('第一节 一般规定 3')).toEqual({
      kind: 'section',
      number: 1,
      title: '一般规定',
    });
  });

  it.each([
    '（2024年X月X日湖北省第十四届人民代表大会常务委员会第X次会议通过）',
    '(2010年7月30日通过 根据2016年12月1日修正)',
    '2024年5月30日湖北省第十四届人民代表大会常务委员会第十次会议通过',
    '草案说明：本草案根据有关法律起草。',
    '说明 本稿供征求意见使用',
    '湖北省人民代表大会常务委员会公告',
    '第十二号',
  ])('%s is a preamble line', (text) => {
    expect(isPreambleLine(text)).toBe(true);
  });

  it.each(['为了实施质量强国战略，制定本条例。', '湖北省质量促进条例', '说明书'])(
    '%s is not a preamble line',
    (text) => {
      expect(isPreambleLine(text)).toBe(false);
    },
  );

  it('recognises a title status line', () => {
    expect(isTitleStatusLine('（草案）')).toBe(true);
    expect(isTitleStatusLine('(征求意见稿)')).toBe(true);
    expect(isTitleStatusLine('（修订草案）')).toBe(true);
    expect(isTitleStatusLine('（2024年5月30日通过）')).toBe(false);
  });
});

describe('parseHeadingNumber', () => {
  it('accepts Chinese and Arabic numbers but not positional digit strings or zero', () => {
    expect(parseHeadingNumber('四 十 二')).toBe(42);
    expect(parseHeadingNumber('４２')).toBe(42);
    expect(parseHeadingNumber('一二')).toBeUndefined();
    expect(parseHeadingNumber('零')).toBeUndefined();
    expect(parseHeadingNumber('0')).toBeUndefined();
    expect(parseHeadingNumber('123456789')).toBeUndefined();
  });
});
