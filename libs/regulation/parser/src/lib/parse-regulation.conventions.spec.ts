/**
 * Drafting and publishing conventions met in real texts, one describe per convention, named as
 * an editor would name it.
 */
import {
  RegulationParseError,
  RegulationParseErrorCode as E,
  RegulationParseWarningCode as W,
} from './errors';
import { listArticles, parseRegulation } from './parse-regulation';
import {
  loadSeedText,
  seedTableOfContents,
  structureOf,
} from '../test-support/regulation-fixtures';
import type { ParsedRegulation } from './types';

const lines = (...l: string[]): string => l.join('\n');
const warnings = (r: ParsedRegulation) => r.warnings.map((w) => [w.code, w.line]);

function parseError(text: string): RegulationParseError {
  try {
    parseRegulation(text);
  } catch (error) {
    if (error instanceof RegulationParseError) return error;
    throw error;
  }
  throw new Error('expected a RegulationParseError');
}

const PASSING = '（2024年5月30日湖北省第十四届人民代表大会常务委员会第十次会议通过）';

describe('目录在题注之前 (contents list before the title / passing-date line)', () => {
  const seed = loadSeedText();
  const [seedTitle = '', ...seedBody] = seed.split('\n');
  const toc = seedTableOfContents();
  const reference = parseRegulation(lines(seedTitle, PASSING, toc, ...seedBody));

  it.each([
    ['目录、标题、题注', lines(toc, seedTitle, PASSING, ...seedBody)],
    ['标题、目录、题注', lines(seedTitle, toc, PASSING, ...seedBody)],
    ['标题、题注、目录 (the usual order)', lines(seedTitle, PASSING, toc, ...seedBody)],
  ])('%s: parses to the same structure, title, 题注 and contents', (_order, text) => {
    const parsed = parseRegulation(text);
    expect(structureOf(parsed)).toEqual(structureOf(reference));
    expect(parsed.title).toBe('湖北省质量促进条例（草案）');
    expect(parsed.preamble?.map((p) => p.text)).toEqual([PASSING]);
    expect(parsed.tableOfContents?.map((e) => e.title)).toEqual(
      reference.tableOfContents?.map((e) => e.title),
    );
    expect(parsed.warnings).toEqual([]);
  });

  it('records the lines where they are: contents first, then title and 题注', () => {
    const parsed = parseRegulation(lines(toc, seedTitle, PASSING, ...seedBody));
    expect(parsed.tableOfContents?.[0]?.line).toBe(2);
    expect(parsed.titleLine).toBe(9);
    expect(parsed.preamble?.[0]?.line).toBe(10);
    expect(parsed.chapters[0]?.line).toBe(11);
  });

  it('accepts a contents list without the 目录 line before the title, with the usual warning', () => {
    const parsed = parseRegulation(lines(...toc.split('\n').slice(1), seedTitle, ...seedBody));
    expect(parsed.title).toBe('湖北省质量促进条例（草案）');
    expect(parsed.tableOfContents).toHaveLength(7);
    expect(warnings(parsed)).toEqual([[W.TOC_WITHOUT_MARKER, 1]]);
  });

  it('keeps a multi-line amendment record and a status line after a leading contents list', () => {
    const parsed = parseRegulation(
      lines(
        '目录',
        '第一章 总则',
        '第二章 附则',
        '湖北省某某条例',
        '（修订草案）',
        '（2010年7月30日通过',
        '2024年5月30日修订）',
        '第一章 总则',
        '第一条 为了规范某某管理，制定本条例。',
        '第二章 附则',
        '第二条 本条例自2025年1月1日起施行。',
      ),
    );
    expect(parsed.title).toBe('湖北省某某条例（修订草案）');
    expect(parsed.preamble?.map((p) => p.line)).toEqual([6, 7]);
    expect(listArticles(parsed)).toHaveLength(2);
    expect(parsed.warnings).toEqual([]);
  });

  it('refuses, naming the line, a second title after the contents list', () => {
    const error = parseError(
      lines('某条例', '目录', '第一章 总则', '另一个标题', '第一章 总则', '第一条 正文。'),
    );
    expect([error.code, error.line]).toEqual([E.UNEXPECTED_TEXT_BEFORE_FIRST_ARTICLE, 4]);
  });

  it('refuses, naming the line, headings resumed after the contents list was closed', () => {
    const error = parseError(
      lines(
        '目录',
        '第一章 总则',
        '某条例',
        '第二章 附则',
        '第一章 总则',
        '第一条 正文。',
        '第二章 附则',
        '第二条 正文。',
      ),
    );
    expect([error.code, error.line]).toEqual([E.UNEXPECTED_TEXT_BEFORE_FIRST_ARTICLE, 4]);
    expect(error.message).toBe(
      '第4行：目录（第2行起）之后已有其他文字，此处又出现目录或章节标题：“第二章 附则” [UNEXPECTED_TEXT_BEFORE_FIRST_ARTICLE]',
    );
  });

  it('refuses a second 目录 line, naming it', () => {
    const error = parseError(
      lines('目录', '第一章 总则', '某条例', '目录', '第一章 总则', '第一条 正文。'),
    );
    expect([error.code, error.line]).toEqual([E.UNEXPECTED_TEXT_BEFORE_FIRST_ARTICLE, 4]);
  });
});

describe('缺失章标题 (a chapter heading missing from a published text)', () => {
  const text = lines(
    '某某条例',
    '第一章 总则',
    '第一条 甲。',
    '第二章 管理',
    '第二条 乙。',
    '第三条 丙。',
    // 第三章 heading lost when the text was copied; its article 第四条 is still there.
    '第四条 丁。',
    '第四章 附则',
    '第五条 戊。',
  );

  it('imports with a CHAPTER_NUMBER_GAP warning at the heading after the gap', () => {
    const parsed = parseRegulation(text);
    expect(parsed.chapters.map((c) => [c.number, c.articles.map((a) => a.number)])).toEqual([
      [1, [1]],
      [2, [2, 3, 4]],
      [4, [5]],
    ]);
    expect(parsed.warnings).toEqual([
      {
        code: W.CHAPTER_NUMBER_GAP,
        line: 8,
        message:
          '第8行：章编号不连续（应为第三章，实为第四章）；条文编号连续，按缺失章标题处理，请核对原文',
      },
    ]);
  });

  it('does the same in the seed with 第二章 retyped as 第三章 and later chapters renumbered', () => {
    const seedLines = loadSeedText().split('\n');
    // Chapters 2…7 become 3…8: the heading of a chapter 2 is "missing".
    const renumbered = seedLines.map((l) =>
      l.replace(/^第([二三四五六七])章/u, (_m, n: string) => {
        const next = { 二: '三', 三: '四', 四: '五', 五: '六', 六: '七', 七: '八' }[n];
        return `第${next}章`;
      }),
    );
    const parsed = parseRegulation(renumbered.join('\n'));
    expect(listArticles(parsed)).toHaveLength(42);
    expect(parsed.chapters.map((c) => c.number)).toEqual([1, 3, 4, 5, 6, 7, 8]);
    expect(warnings(parsed)).toEqual([[W.CHAPTER_NUMBER_GAP, 21]]);
  });

  it('accepts a text whose first chapter heading is 第二章 when articles start at 第一条', () => {
    const parsed = parseRegulation(
      lines('第二章 管理', '第一条 甲。', '第三章 附则', '第二条 乙。'),
    );
    expect(warnings(parsed)).toEqual([[W.CHAPTER_NUMBER_GAP, 1]]);
  });

  it('stays an error at the chapter line when the articles skip too (a whole chapter is missing)', () => {
    const error = parseError(
      lines(
        '第一章 总则',
        '第一条 甲。',
        '第二章 管理',
        '第二条 乙。',
        '第四章 附则',
        '第五条 戊。',
      ),
    );
    expect([error.code, error.line]).toEqual([E.CHAPTER_OUT_OF_SEQUENCE, 5]);
    expect(error.reason).toContain('其后的条文编号也不连续（应为第三条，实为第五条）');
  });

  it('keeps a skipped article number an error even when the chapters are in order', () => {
    const error = parseError(lines('第一章 总则', '第一条 甲。', '第二章 附则', '第三条 乙。'));
    expect([error.code, error.line]).toEqual([E.ARTICLE_OUT_OF_SEQUENCE, 4]);
  });

  it('keeps duplicated and decreasing chapter numbers errors', () => {
    expect(
      parseError(
        lines('第一章 甲', '第一条 甲。', '第三章 乙', '第二条 乙。', '第二章 丙', '第三条 丙。'),
      ).code,
    ).toBe(E.CHAPTER_OUT_OF_SEQUENCE);
    expect(
      parseError(
        lines('第一章 甲', '第一条 甲。', '第三章 乙', '第二条 乙。', '第三章 丙', '第三条 丙。'),
      ).code,
    ).toBe(E.DUPLICATE_CHAPTER);
  });

  it('still reports NUMBERING_GAP (not CHAPTER_NUMBER_GAP) with strictNumbering: false', () => {
    const parsed = parseRegulation(text, { strictNumbering: false });
    expect(warnings(parsed)).toEqual([[W.NUMBERING_GAP, 8]]);
  });
});

describe('缺失节标题 (a section heading missing within a chapter)', () => {
  it('imports with a SECTION_NUMBER_GAP warning when the articles run on', () => {
    const parsed = parseRegulation(
      lines(
        '第一章 总则',
        '第一节 一般规定',
        '第一条 甲。',
        '第三节 监督',
        '第二条 乙。',
        '第二章 附则',
        '第三条 丙。',
      ),
    );
    expect(parsed.chapters[0]?.sections?.map((s) => [s.number, s.articleNumbers])).toEqual([
      [1, [1]],
      [3, [2]],
    ]);
    expect(parsed.warnings.map((w) => [w.code, w.line, w.message])).toEqual([
      [
        W.SECTION_NUMBER_GAP,
        4,
        '第4行：第一章内节编号不连续（应为第二节，实为第三节）；条文编号连续，按缺失节标题处理，请核对原文',
      ],
    ]);
  });

  it('reports a chapter and a section gap before the same article, both by their lines', () => {
    const parsed = parseRegulation(
      lines('第一章 总则', '第一条 甲。', '第三章 管理', '第二节 监督', '第二条 乙。'),
    );
    expect(warnings(parsed)).toEqual([
      [W.CHAPTER_NUMBER_GAP, 3],
      [W.SECTION_NUMBER_GAP, 4],
    ]);
  });
});
