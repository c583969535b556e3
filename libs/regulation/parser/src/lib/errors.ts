/**
 * Parse errors and warnings. Codes are a stable contract (the import UI and API map them to
 * help texts): add new ones, never rename or reuse.
 *
 * The parser fails loudly rather than guess: a regulation is the primary input of the whole
 * system, and a silently merged or skipped article would attach duties to the wrong text.
 */

export const RegulationParseErrorCode = {
  /** The text contains no recognisable article heading (第X条). */
  NO_ARTICLES: 'NO_ARTICLES',
  DUPLICATE_ARTICLE: 'DUPLICATE_ARTICLE',
  /** Article numbers must run 1, 2, 3 … through the whole regulation. */
  ARTICLE_OUT_OF_SEQUENCE: 'ARTICLE_OUT_OF_SEQUENCE',
  DUPLICATE_CHAPTER: 'DUPLICATE_CHAPTER',
  /**
   * Chapter numbers go backwards, or skip a value and the article numbers skip too (text is
   * missing). A skip with continuous articles is the warning CHAPTER_NUMBER_GAP.
   */
  CHAPTER_OUT_OF_SEQUENCE: 'CHAPTER_OUT_OF_SEQUENCE',
  DUPLICATE_SECTION: 'DUPLICATE_SECTION',
  /** Section numbers restart at 第一节 in each chapter and must run 1, 2, 3 … within it. */
  SECTION_OUT_OF_SEQUENCE: 'SECTION_OUT_OF_SEQUENCE',
  /** A 第X节 heading with no enclosing 第X章. */
  SECTION_OUTSIDE_CHAPTER: 'SECTION_OUTSIDE_CHAPTER',
  /** Articles precede the first chapter heading of a text that does have chapters. */
  ARTICLE_OUTSIDE_CHAPTER: 'ARTICLE_OUTSIDE_CHAPTER',
  /** Text before the first article that is neither title, preamble, table of contents nor heading. */
  UNEXPECTED_TEXT_BEFORE_FIRST_ARTICLE: 'UNEXPECTED_TEXT_BEFORE_FIRST_ARTICLE',
  /** Text between a chapter/section heading and the next article heading. */
  TEXT_OUTSIDE_ARTICLE: 'TEXT_OUTSIDE_ARTICLE',
  /** An article heading with no body text. */
  EMPTY_ARTICLE: 'EMPTY_ARTICLE',
  /** A chapter heading in the body with no article before the next chapter heading. */
  EMPTY_CHAPTER: 'EMPTY_CHAPTER',
  EMPTY_SECTION: 'EMPTY_SECTION',
  /** An item line (（一）…) that does not follow a paragraph of the same article. */
  ITEM_WITHOUT_PARAGRAPH: 'ITEM_WITHOUT_PARAGRAPH',
  /** A heading whose number is not a well-formed numeral (第十十条). */
  INVALID_NUMERAL: 'INVALID_NUMERAL',
  /** Structures this parser does not model: 编/分编 (parts), 第X条之一 (inserted articles). */
  UNSUPPORTED_STRUCTURE: 'UNSUPPORTED_STRUCTURE',
} as const;

export type RegulationParseErrorCode =
  (typeof RegulationParseErrorCode)[keyof typeof RegulationParseErrorCode];

export const RegulationParseWarningCode = {
  /** The table of contents does not list exactly the chapters/sections of the body. */
  TOC_MISMATCH: 'TOC_MISMATCH',
  /** Chapter headings before the body were taken as a table of contents without a 目录 line. */
  TOC_WITHOUT_MARKER: 'TOC_WITHOUT_MARKER',
  /** Items (项) or sub-items (目) of a paragraph are not numbered 1, 2, 3 … */
  ITEM_OUT_OF_SEQUENCE: 'ITEM_OUT_OF_SEQUENCE',
  /** A paragraph ends with a colon (：) but no items follow. */
  COLON_WITHOUT_ITEMS: 'COLON_WITHOUT_ITEMS',
  /** Items follow a paragraph that does not end with a colon. */
  ITEMS_WITHOUT_COLON: 'ITEMS_WITHOUT_COLON',
  /** `第五条为了……` — the heading runs into the body without a space or title bracket. */
  MISSING_HEADING_SEPARATOR: 'MISSING_HEADING_SEPARATOR',
  /** `第五条【标题 ……` — a title bracket that is never closed; the text is kept as body. */
  UNCLOSED_TITLE_BRACKET: 'UNCLOSED_TITLE_BRACKET',
  /** With `strictNumbering: false`: chapter/section/article numbers skip a value. */
  NUMBERING_GAP: 'NUMBERING_GAP',
  /**
   * A chapter number is skipped (第三章 … 第五章) but the article numbers run on: the heading
   * line of the skipped chapter is missing from the source, not its articles.
   */
  CHAPTER_NUMBER_GAP: 'CHAPTER_NUMBER_GAP',
  /** As CHAPTER_NUMBER_GAP, for a section (节) number skipped within a chapter. */
  SECTION_NUMBER_GAP: 'SECTION_NUMBER_GAP',
} as const;

export type RegulationParseWarningCode =
  (typeof RegulationParseWarningCode)[keyof typeof RegulationParseWarningCode];

/** Short Chinese descriptions of each error code, for UIs that list codes without a line. */
export const regulationParseErrorMessagesZh: Readonly<Record<RegulationParseErrorCode, string>> = {
  NO_ARTICLES: '未找到任何条文（第X条）。',
  DUPLICATE_ARTICLE: '条文编号重复。',
  ARTICLE_OUT_OF_SEQUENCE: '条文编号不连续。',
  DUPLICATE_CHAPTER: '章编号重复。',
  CHAPTER_OUT_OF_SEQUENCE: '章编号不连续。',
  DUPLICATE_SECTION: '节编号重复。',
  SECTION_OUT_OF_SEQUENCE: '节编号不连续。',
  SECTION_OUTSIDE_CHAPTER: '节不在任何章之内。',
  ARTICLE_OUTSIDE_CHAPTER: '条文位于第一章之前，不属于任何章。',
  UNEXPECTED_TEXT_BEFORE_FIRST_ARTICLE: '第一条之前有无法识别的文字（不是标题、题注或目录）。',
  TEXT_OUTSIDE_ARTICLE: '章节标题与条文之间有不属于任何条的文字。',
  EMPTY_ARTICLE: '条文没有内容。',
  EMPTY_CHAPTER: '章下没有任何条文。',
  EMPTY_SECTION: '节下没有任何条文。',
  ITEM_WITHOUT_PARAGRAPH: '项之前没有所属的款。',
  INVALID_NUMERAL: '编号不是有效的中文数字。',
  UNSUPPORTED_STRUCTURE: '暂不支持的结构（编、分编或“第X条之一”）。',
};

/** Format the user-facing text of a problem found at a source line: `第12行：条文编号重复（第五条）`. */
export function formatLineMessage(line: number, reason: string): string {
  return `第${line}行：${reason}`;
}

export class RegulationParseError extends Error {
  override readonly name = 'RegulationParseError';

  /**
   * @param code stable machine-readable code
   * @param line 1-based source line the problem was found at
   * @param reason Chinese description without the line prefix, e.g. `条文编号重复（第五条）`
   */
  constructor(
    readonly code: RegulationParseErrorCode,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${formatLineMessage(line, reason)} [${code}]`);
  }
}

export function isRegulationParseError(value: unknown): value is RegulationParseError {
  return value instanceof RegulationParseError;
}
