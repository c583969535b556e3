import {
  isRegulationParseError,
  RegulationParseError,
  RegulationParseErrorCode,
  regulationParseErrorMessagesZh,
  type RegulationParseErrorCode as Code,
} from './errors';
import { parseRegulation } from './parse-regulation';
import { loadSeedText } from '../test-support/regulation-fixtures';

const lines = (...l: string[]): string => l.join('\n');

function parseError(text: string, options?: Parameters<typeof parseRegulation>[1]) {
  try {
    parseRegulation(text, options);
  } catch (error) {
    if (error instanceof RegulationParseError) return error;
    throw error;
  }
  throw new Error('expected a RegulationParseError');
}

/** Replace one line (1-based) of the seed. */
function seedWithLine(lineNumber: number, replacement: string): string {
  const seedLines = loadSeedText().split('\n');
  seedLines[lineNumber - 1] = replacement;
  return seedLines.join('\n');
}

/** One failing input per error code, with the line the error must point at. */
const cases: Record<Code, { text: string; line: number; message?: string }[]> = {
  NO_ARTICLES: [
    { text: '', line: 1, message: '第1行：读到文末仍未找到任何条文（第X条） [NO_ARTICLES]' },
    { text: lines('湖北省质量促进条例（草案）', '第一章 总则', ''), line: 2 },
    { text: lines('目录', '第一章 总则', '第二章 附则'), line: 3 },
  ],
  DUPLICATE_ARTICLE: [
    {
      // 第六条 (line 16) retyped as 第五条.
      text: seedWithLine(16, '第五条【行业协会】  行业协会应当按照章程建立健全行业经营自律规范。'),
      line: 16,
      message: '第16行：条文编号重复（第五条，已在第9行出现） [DUPLICATE_ARTICLE]',
    },
  ],
  ARTICLE_OUT_OF_SEQUENCE: [
    {
      text: seedWithLine(16, '第七条【行业协会】  行业协会应当按照章程建立健全行业经营自律规范。'),
      line: 16,
      message: '第16行：条文编号不连续（应为第六条，实为第七条） [ARTICLE_OUT_OF_SEQUENCE]',
    },
    { text: lines('某规定', '第二条 正文。'), line: 2 },
    { text: lines('第一条 甲。', '第三条 乙。', '第二条 丙。'), line: 2 },
  ],
  DUPLICATE_CHAPTER: [{ text: seedWithLine(21, '第一章  基础支撑'), line: 21 }],
  CHAPTER_OUT_OF_SEQUENCE: [
    // A skipped chapter whose articles are missing too (a skipped heading alone is a warning).
    {
      text: lines('第一章 总则', '第一条 甲。', '第三章 附则', '第三条 乙。'),
      line: 3,
      message:
        '第3行：章编号不连续（应为第二章，实为第三章），其后的条文编号也不连续（应为第二条，实为第三条），可能缺少整章内容 [CHAPTER_OUT_OF_SEQUENCE]',
    },
    // Going backwards.
    { text: lines('第二章 甲', '第一条 甲。', '第一章 乙', '第二条 乙。'), line: 3 },
  ],
  DUPLICATE_SECTION: [
    {
      text: lines('第一章 总则', '第一节 甲', '第一条 正文。', '第一节 乙', '第二条 正文。'),
      line: 4,
    },
  ],
  SECTION_OUT_OF_SEQUENCE: [
    {
      text: lines('第一章 总则', '第二节 甲', '第二条 正文。'),
      line: 2,
      message:
        '第2行：第一章内节编号不连续（应为第一节，实为第二节），其后的条文编号也不连续（应为第一条，实为第二条），可能缺少整节内容 [SECTION_OUT_OF_SEQUENCE]',
    },
    {
      text: lines(
        '第一章 总则',
        '第一节 甲',
        '第一条 正文。',
        '第三节 乙',
        '第二条 正文。',
        '第二节 丙',
        '第三条 正文。',
      ),
      line: 6,
    },
  ],
  SECTION_OUTSIDE_CHAPTER: [
    { text: lines('某规定', '第一节 一般规定', '第一条 正文。'), line: 2 },
    { text: lines('第一条 正文。', '第一节 一般规定', '第二条 正文。'), line: 2 },
  ],
  ARTICLE_OUTSIDE_CHAPTER: [
    { text: lines('某规定', '第一条 正文。', '第一章 总则', '第二条 正文。'), line: 2 },
  ],
  UNEXPECTED_TEXT_BEFORE_FIRST_ARTICLE: [
    {
      text: lines(
        '湖北省质量促进条例（草案）',
        '为了实施质量强国战略，制定本条例。',
        '第一条 正文。',
      ),
      line: 2,
      message:
        '第2行：第一条之前有无法识别的文字（不是标题、题注或目录）：“为了实施质量强国战略，制定本条例。” [UNEXPECTED_TEXT_BEFORE_FIRST_ARTICLE]',
    },
    // A sentence where the title should be.
    { text: lines('为了实施质量强国战略，制定本条例。', '第一条 正文。'), line: 1 },
    // Stray text inside the table of contents.
    {
      text: lines('某条例', '目录', '第一章 总则', '见下文', '第一章 总则', '第一条 正文。'),
      line: 4,
    },
    // A second title-like line.
    { text: lines('某条例', '另一个标题', '第一条 正文。'), line: 2 },
    // Text between the body's first chapter heading and 第一条.
    { text: lines('某条例', '第一章 总则', '本章说明', '第一条 正文。'), line: 3 },
    // A parenthesis that never closes.
    { text: lines('某条例', '（2024年5月30日通过', '第一条 正文。'), line: 2 },
  ],
  TEXT_OUTSIDE_ARTICLE: [
    {
      text: lines(
        '第一章 总则',
        '第一条 正文。',
        '第二章 分则',
        '本章规定分则事项。',
        '第二条 正文。',
      ),
      line: 4,
    },
    {
      text: lines('第一章 总则', '第一条 正文。', '第二章 分则', '（一）甲；', '第二条 正文。'),
      line: 4,
    },
  ],
  EMPTY_ARTICLE: [
    {
      text: seedWithLine(4, '第二条【适用范围】'),
      line: 4,
      message: '第4行：第二条没有内容 [EMPTY_ARTICLE]',
    },
    { text: lines('第一条 正文。', '第二条【附则】'), line: 2 },
    { text: lines('第一章 总则', '第一条', '第二章 附则', '第二条 正文。'), line: 2 },
  ],
  EMPTY_CHAPTER: [
    {
      text: lines('第一章 总则', '第一条 正文。', '第二章 空章', '第三章 附则', '第二条 正文。'),
      line: 3,
      message: '第3行：第二章（空章）下没有任何条文 [EMPTY_CHAPTER]',
    },
    { text: lines('第一章 总则', '第一条 正文。', '第二章 附则'), line: 3 },
  ],
  EMPTY_SECTION: [
    { text: lines('第一章 总则', '第一节 甲', '第二节 乙', '第一条 正文。'), line: 2 },
  ],
  ITEM_WITHOUT_PARAGRAPH: [
    { text: lines('某规定', '第一条', '（一）甲；', '（二）乙。'), line: 3 },
  ],
  INVALID_NUMERAL: [
    { text: lines('第一条 正文。', '第十十条 正文。'), line: 2 },
    { text: lines('第十十条 正文。'), line: 1 },
    { text: lines('某条例', '目录', '第一二章 总则', '第一章 总则', '第一条 正文。'), line: 3 },
  ],
  UNSUPPORTED_STRUCTURE: [
    { text: lines('第一编 总则', '第一章 一般规定', '第一条 正文。'), line: 1 },
    { text: lines('第一章 一般规定', '第一条 正文。', '第一条之一 正文。'), line: 3 },
  ],
};

describe('parseRegulation — errors', () => {
  it('has a test case for every error code', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.values(RegulationParseErrorCode).sort());
  });

  describe.each(Object.entries(cases))('%s', (code, examples) => {
    it.each(examples.map((e, i) => ({ ...e, i })))(
      'case $i: reports the code and line $line',
      ({ text, line, message }) => {
        const error = parseError(text);
        expect({ code: error.code, line: error.line }).toEqual({ code, line });
        expect(error.message).toMatch(new RegExp(`^第${line}行：.+ \\[${code}\\]$`, 'u'));
        if (message) expect(error.message).toBe(message);
      },
    );
  });

  it('is a proper Error with a Chinese reason, recognisable by isRegulationParseError', () => {
    const error = parseError('');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RegulationParseError');
    expect(error.reason).toBe('读到文末仍未找到任何条文（第X条）');
    expect(isRegulationParseError(error)).toBe(true);
    expect(isRegulationParseError(new Error('x'))).toBe(false);
  });

  it('has a Chinese description for every code', () => {
    for (const code of Object.values(RegulationParseErrorCode)) {
      expect(regulationParseErrorMessagesZh[code]).toMatch(/[\u4e00-\u9fff]/u);
    }
  });

  it('counts source lines including blank lines and CRLF line ends', () => {
    const error = parseError('\ufeff第一条 正文。\r\n\r\n\r\n第一条 重复。\r\n');
    expect([error.code, error.line]).toEqual([RegulationParseErrorCode.DUPLICATE_ARTICLE, 4]);
  });

  it('keeps duplicates and decreasing numbers errors with strictNumbering: false', () => {
    const nonStrict = { strictNumbering: false };
    const duplicate = parseError(lines('第一条 甲。', '第一条 乙。'), nonStrict);
    expect([duplicate.code, duplicate.line]).toEqual([
      RegulationParseErrorCode.DUPLICATE_ARTICLE,
      2,
    ]);
    const backwards = parseError(lines('第一条 甲。', '第三条 乙。', '第二条 丙。'), nonStrict);
    expect([backwards.code, backwards.line]).toEqual([
      RegulationParseErrorCode.ARTICLE_OUT_OF_SEQUENCE,
      3,
    ]);
    const chapters = parseError(
      lines('第二章 甲', '第一条 甲。', '第一章 乙', '第二条 乙。'),
      nonStrict,
    );
    expect([chapters.code, chapters.line]).toEqual([
      RegulationParseErrorCode.CHAPTER_OUT_OF_SEQUENCE,
      3,
    ]);
  });
});
