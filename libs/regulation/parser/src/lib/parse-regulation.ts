/**
 * parseRegulation: Chinese regulation text → {@link ParsedRegulation}.
 *
 * The text is read in three passes over its non-blank lines:
 * 1. classify each line in isolation (line-patterns.ts) and attach a title that sits on its own
 *    line under a bare `第一章` heading;
 * 2. find where the body starts: the first article heading, moved back over the chapter/section
 *    headings that directly precede it — but only back to the LAST chapter heading, because a
 *    table of contents (目录) is itself a run of chapter headings ending right where the body's
 *    `第一章` begins. Everything before the body is front matter (title, preamble, TOC);
 * 3. walk the body with a small state machine: chapter → section → article → paragraph → item.
 *
 * Conventions decided here (see also types.ts):
 * - one non-blank line = one paragraph (款); blank lines carry no meaning;
 * - an item line (（一）…) belongs to the paragraph before it, normally one ending in ：;
 * - a non-item line after items starts the next paragraph;
 * - numbering is checked strictly, because a duplicated or skipped number almost always means
 *   a heading was mistyped and text would otherwise be attached to the wrong article. One
 *   exception: a skipped chapter/section number followed by continuous article numbers means
 *   only the heading line is missing (common in texts copied from web pages): a warning.
 */

import {
  formatLineMessage,
  RegulationParseError,
  RegulationParseErrorCode as E,
  RegulationParseWarningCode as W,
  type RegulationParseErrorCode,
  type RegulationParseWarningCode,
} from './errors';
import {
  classifyLine,
  classifyTocLine,
  closesParenthesis,
  endsWithColon,
  isPlausibleDocumentTitle,
  isPreambleLine,
  isTitleStatusLine,
  opensParenthesis,
  type ArticleHeadingLine,
  type ClassifiedLine,
  type ItemStyle,
} from './line-patterns';
import { normalizeForComparison, removeWhitespace, splitSourceLines } from './normalize';
import { intToChineseNumeral } from './numerals';
import type {
  Article,
  Chapter,
  Item,
  Paragraph,
  ParsedRegulation,
  ParseRegulationOptions,
  ParseWarning,
  PreambleLine,
  Section,
  TocEntry,
} from './types';

interface LogicalLine {
  text: string;
  line: number;
  cls: ClassifiedLine;
}

const label = (n: number, unit: '章' | '节' | '条'): string => `第${intToChineseNumeral(n)}${unit}`;

/** The first characters of a line, for error messages. */
function excerpt(text: string): string {
  const chars = [...text];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}……` : text;
}

function fail(code: RegulationParseErrorCode, line: number, reason: string): never {
  throw new RegulationParseError(code, line, reason);
}

class Warnings {
  readonly list: ParseWarning[] = [];

  add(code: RegulationParseWarningCode, line: number, reason: string): void {
    this.list.push({ code, line, message: formatLineMessage(line, reason) });
  }
}

/**
 * Pass 1: classify, and fold a chapter/section title written on the line after a bare
 * `第一章` heading into that heading.
 */
function toLogicalLines(text: string): LogicalLine[] {
  const lines = splitSourceLines(text).filter((l) => l.text !== '');
  const out: LogicalLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const current = lines[i];
    if (!current) continue;
    const cls = classifyTocLine(current.text);
    const next = lines[i + 1];
    if ((cls.kind === 'chapter' || cls.kind === 'section') && cls.title === '' && next) {
      const nextCls = classifyLine(next.text);
      if (nextCls.kind === 'text' && isPlausibleDocumentTitle(next.text)) {
        const title = removeWhitespace(next.text);
        if ([...title].length <= 40) {
          out.push({ ...current, cls: { ...cls, title } });
          i++;
          continue;
        }
      }
    }
    out.push({ ...current, cls });
  }
  return out;
}

/** Whether an article-heading-shaped line really starts an article (see ArticleHeadingLine). */
function isArticleStart(cls: ArticleHeadingLine, lastNumber: number, strict: boolean): boolean {
  if (cls.separator !== 'none') return true;
  if (cls.looksLikeReference) return false;
  return strict ? cls.number === lastNumber + 1 : cls.number > lastNumber;
}

/** Lines that the body pass must see (and report) even before the first real article. */
function isBodyCandidate(cls: ClassifiedLine, strict: boolean): boolean {
  if (cls.kind === 'article') return isArticleStart(cls, 0, strict);
  return (cls.kind === 'invalidNumeral' && cls.unit === '条') || cls.kind === 'unsupported';
}

/** Pass 2: index of the first body line (see the module comment). */
function locateBodyStart(lines: readonly LogicalLine[], firstArticle: number): number {
  let start = firstArticle;
  for (let i = firstArticle - 1; i >= 0; i--) {
    const kind = lines[i]?.cls.kind;
    if (kind === 'chapter') return i;
    if (kind !== 'section') break;
    start = i;
  }
  return start;
}

interface FrontMatter {
  title?: string;
  titleLine?: number;
  preamble: PreambleLine[];
  toc?: TocEntry[];
}

/**
 * Front matter: title, status line, 题注/preamble and table of contents. The contents list may
 * stand before the title, between the title and the 题注, or after the 题注 (all three occur in
 * published compilations); it must be one unbroken run of headings, and a title is accepted
 * after it only while no title or preamble line has been seen.
 */
function parseFrontMatter(lines: readonly LogicalLine[], warnings: Warnings): FrontMatter {
  const front: FrontMatter = { preamble: [] };
  let state: 'start' | 'afterTitle' | 'preamble' | 'toc' | 'afterToc' = 'start';
  let openParenthesis = false;

  for (const { text, line, cls } of lines) {
    const unexpected = (): never =>
      fail(
        E.UNEXPECTED_TEXT_BEFORE_FIRST_ARTICLE,
        line,
        `第一条之前有无法识别的文字（不是标题、题注或目录）：“${excerpt(text)}”`,
      );

    if (openParenthesis) {
      // Inside a multi-line （…） record, e.g. a passing date followed by amendment dates.
      front.preamble.push({ text, line });
      openParenthesis = !closesParenthesis(text);
      continue;
    }
    if (cls.kind === 'invalidNumeral') {
      fail(E.INVALID_NUMERAL, line, `“${excerpt(text)}”中的编号“${cls.numberText}”不是有效的数字`);
    }
    if (cls.kind === 'unsupported') unsupported(cls.what, text, line);
    if (cls.kind === 'tocMarker') {
      if (front.toc) tocInterrupted(text, line, front.toc);
      state = 'toc';
      front.toc = [];
      continue;
    }
    if (cls.kind === 'chapter' || cls.kind === 'section') {
      if (!front.toc) {
        front.toc = [];
        warnings.add(W.TOC_WITHOUT_MARKER, line, '正文之前的章节标题按目录处理（没有“目录”字样）');
      } else if (state !== 'toc') {
        tocInterrupted(text, line, front.toc);
      }
      state = 'toc';
      front.toc.push({ kind: cls.kind, number: cls.number, title: cls.title, line });
      continue;
    }
    if (state === 'toc') {
      // A `目录` line followed directly by text is not a contents list.
      if (front.toc?.length === 0) unexpected();
      state = 'afterToc';
    }

    const titleAllowed =
      state === 'start' ||
      (state === 'afterToc' && front.title === undefined && front.preamble.length === 0);
    if (titleAllowed && cls.kind === 'text' && isPlausibleDocumentTitle(text)) {
      front.title = removeWhitespace(text);
      front.titleLine = line;
      state = 'afterTitle';
    } else if (state === 'afterTitle' && front.title !== undefined && isTitleStatusLine(text)) {
      // `湖北省质量促进条例` / `（草案）` on two lines: the status belongs to the title.
      front.title += removeWhitespace(text);
      state = 'preamble';
    } else if (opensParenthesis(text)) {
      front.preamble.push({ text, line });
      openParenthesis = true;
      state = 'preamble';
    } else if (isPreambleLine(text)) {
      front.preamble.push({ text, line });
      state = 'preamble';
    } else {
      unexpected();
    }
  }
  if (openParenthesis) {
    const opening = front.preamble.findLast((p) => opensParenthesis(p.text));
    fail(
      E.UNEXPECTED_TEXT_BEFORE_FIRST_ARTICLE,
      opening?.line ?? 1,
      '题注的括号没有闭合，一直延续到正文',
    );
  }
  return front;
}

/** A second contents list, or headings resumed after the list was closed by other text. */
function tocInterrupted(text: string, line: number, toc: readonly TocEntry[]): never {
  const start = toc[0]?.line;
  return fail(
    E.UNEXPECTED_TEXT_BEFORE_FIRST_ARTICLE,
    line,
    `目录${start === undefined ? '' : `（第${start}行起）`}之后已有其他文字，此处又出现目录或章节标题：“${excerpt(text)}”`,
  );
}

function unsupported(what: 'part' | 'articleSuffix', text: string, line: number): never {
  return fail(
    E.UNSUPPORTED_STRUCTURE,
    line,
    what === 'part'
      ? `暂不支持编、分编结构：“${excerpt(text)}”`
      : `暂不支持“第X条之一”形式的条文编号：“${excerpt(text)}”`,
  );
}

/** Pass 3: the body state machine. */
class BodyParser {
  readonly chapters: Chapter[] = [];
  private chapter?: Chapter;
  private section?: Section;
  private article?: Article;
  private articleLines: string[] = [];
  private paragraph?: Paragraph;
  /** The item that the next sub-item (目) line would belong to; cleared by any other line. */
  private item?: Item;
  private itemStyle?: ItemStyle;
  private lastArticle = 0;
  private readonly articleLinesByNumber = new Map<number, number>();
  private readonly chapterLinesByNumber = new Map<number, number>();
  /** Chapter/section numbering gaps waiting for the next article (see checkNumber). */
  private readonly pendingHeadingGaps: Array<{
    kind: '章' | '节';
    code: RegulationParseErrorCode;
    line: number;
    reason: string;
  }> = [];

  constructor(
    private readonly strict: boolean,
    private readonly warnings: Warnings,
  ) {}

  parse(lines: readonly LogicalLine[]): Chapter[] {
    for (const l of lines) this.accept(l);
    this.closeArticle();
    this.closeSection();
    this.closeChapter();
    // Unreachable in practice (a heading without articles is EMPTY_CHAPTER/SECTION first).
    const gap = this.pendingHeadingGaps[0];
    if (gap) fail(gap.code, gap.line, gap.reason);
    return this.chapters;
  }

  private accept({ text, line, cls }: LogicalLine): void {
    switch (cls.kind) {
      case 'chapter':
        return this.startChapter(cls.number, cls.title, line);
      case 'section':
        return this.startSection(cls.number, cls.title, line);
      case 'article':
        if (isArticleStart(cls, this.lastArticle, this.strict)) {
          return this.startArticle(cls, text, line);
        }
        return this.addParagraph(text, line);
      case 'invalidNumeral':
        return fail(
          E.INVALID_NUMERAL,
          line,
          `“${excerpt(text)}”中的编号“${cls.numberText}”不是有效的数字`,
        );
      case 'unsupported':
        return unsupported(cls.what, text, line);
      case 'item':
        return this.addItem(cls, text, line);
      case 'subItem':
        if (this.item) return this.addSubItem(cls, text, line);
        return this.addParagraph(text, line);
      default:
        return this.addParagraph(text, line);
    }
  }

  /**
   * Duplicate → error; gap → error (strict) or warning; going backwards → error. `previous` is
   * the last number seen at this level, 0 at the start.
   */
  private checkNumber(
    kind: '章' | '节' | '条',
    number: number,
    previous: number,
    line: number,
    firstSeenAt: number | undefined,
    context = '',
  ): void {
    const codes = {
      章: [E.DUPLICATE_CHAPTER, E.CHAPTER_OUT_OF_SEQUENCE, '章'],
      节: [E.DUPLICATE_SECTION, E.SECTION_OUT_OF_SEQUENCE, '节'],
      条: [E.DUPLICATE_ARTICLE, E.ARTICLE_OUT_OF_SEQUENCE, '条文'],
    } as const;
    const [duplicate, outOfSequence, noun] = codes[kind];
    if (firstSeenAt !== undefined) {
      fail(
        duplicate,
        line,
        `${noun}编号重复（${label(number, kind)}，已在第${firstSeenAt}行出现）`,
      );
    }
    const expected = previous + 1;
    if (number === expected) return;
    const reason = `${context}${noun}编号不连续（应为${label(expected, kind)}，实为${label(number, kind)}）`;
    if (this.strict && number > expected && kind !== '条') {
      // Published texts copied from web pages sometimes lose a heading line. Articles number
      // through the whole text, so the next article decides: if it continues the numbering,
      // only the heading is missing (a warning); if not, text is missing too (an error).
      this.pendingHeadingGaps.push({ kind, code: outOfSequence, line, reason });
      return;
    }
    if (this.strict || number < expected) fail(outOfSequence, line, reason);
    this.warnings.add(W.NUMBERING_GAP, line, reason);
  }

  /** Settles the heading gaps seen since the last article, given the next article's number. */
  private settleHeadingGaps(articleNumber: number): void {
    const expected = this.lastArticle + 1;
    for (const gap of this.pendingHeadingGaps) {
      if (articleNumber !== expected) {
        fail(
          gap.code,
          gap.line,
          `${gap.reason}，其后的条文编号也不连续（应为${label(expected, '条')}，实为${label(articleNumber, '条')}），可能缺少整${gap.kind}内容`,
        );
      }
      this.warnings.add(
        gap.kind === '章' ? W.CHAPTER_NUMBER_GAP : W.SECTION_NUMBER_GAP,
        gap.line,
        `${gap.reason}；条文编号连续，按缺失${gap.kind}标题处理，请核对原文`,
      );
    }
    this.pendingHeadingGaps.length = 0;
  }

  private startChapter(number: number, title: string, line: number): void {
    this.closeArticle();
    this.closeSection();
    this.closeChapter();
    const implicit = this.chapters.find((c) => c.implicit);
    const firstOrphan = implicit?.articles[0];
    if (firstOrphan) {
      fail(
        E.ARTICLE_OUTSIDE_CHAPTER,
        firstOrphan.line,
        `${label(firstOrphan.number, '条')}位于第一个章标题（第${line}行）之前，不属于任何章`,
      );
    }
    const previous = this.chapters.at(-1)?.number ?? 0;
    this.checkNumber('章', number, previous, line, this.chapterLinesByNumber.get(number));
    this.chapterLinesByNumber.set(number, line);
    this.chapter = { number, title, line, articles: [] };
    this.chapters.push(this.chapter);
  }

  private startSection(number: number, title: string, line: number): void {
    this.closeArticle();
    this.closeSection();
    const chapter = this.chapter;
    if (!chapter || chapter.implicit) {
      fail(E.SECTION_OUTSIDE_CHAPTER, line, `${label(number, '节')}不在任何章之内`);
    }
    const sections = (chapter.sections ??= []);
    const existing = sections.find((s) => s.number === number);
    this.checkNumber(
      '节',
      number,
      sections.at(-1)?.number ?? 0,
      line,
      existing?.line,
      `${label(chapter.number, '章')}内`,
    );
    this.section = { number, title, line, articleNumbers: [] };
    sections.push(this.section);
  }

  private startArticle(cls: ArticleHeadingLine, text: string, line: number): void {
    this.closeArticle();
    this.settleHeadingGaps(cls.number);
    this.checkNumber(
      '条',
      cls.number,
      this.lastArticle,
      line,
      this.articleLinesByNumber.get(cls.number),
    );
    this.articleLinesByNumber.set(cls.number, line);
    this.lastArticle = cls.number;

    if (!this.chapter) {
      // A regulation without 第X章 headings: one synthetic chapter keeps the tree uniform.
      this.chapter = { number: 0, title: '', line, implicit: true, articles: [] };
      this.chapters.push(this.chapter);
    }
    const article: Article = {
      number: cls.number,
      ...(cls.title !== undefined && { title: cls.title }),
      line,
      text: '',
      paragraphs: [],
    };
    if (this.section) {
      article.sectionNumber = this.section.number;
      this.section.articleNumbers.push(cls.number);
    }
    this.chapter.articles.push(article);
    this.article = article;
    this.articleLines = [];

    if (cls.separator === 'none') {
      this.warnings.add(
        W.MISSING_HEADING_SEPARATOR,
        line,
        `${label(cls.number, '条')}与正文之间没有空格或标题：“${excerpt(text)}”`,
      );
    }
    if (cls.unclosedTitle) {
      this.warnings.add(
        W.UNCLOSED_TITLE_BRACKET,
        line,
        `${label(cls.number, '条')}的标题括号没有闭合，按正文处理`,
      );
    }
    if (cls.body !== '') this.addParagraph(cls.body, line);
  }

  private requireArticle(text: string, line: number): Article {
    if (!this.article) {
      fail(E.TEXT_OUTSIDE_ARTICLE, line, `“${excerpt(text)}”位于章节标题与条文之间，不属于任何条`);
    }
    return this.article;
  }

  private addParagraph(text: string, line: number): void {
    const article = this.requireArticle(text, line);
    this.articleLines.push(text);
    this.paragraph = { number: article.paragraphs.length + 1, text, line, items: [] };
    article.paragraphs.push(this.paragraph);
    this.item = undefined;
    this.itemStyle = undefined;
  }

  private addItem(
    cls: Extract<ClassifiedLine, { kind: 'item' }>,
    text: string,
    line: number,
  ): void {
    this.requireArticle(text, line);
    const paragraph = this.paragraph;
    if (!paragraph) {
      fail(E.ITEM_WITHOUT_PARAGRAPH, line, `项“${cls.marker}”之前没有所属的款`);
    }
    // `（1）` lines under `（一）` items are sub-items (目) of the preceding item.
    if (this.item && this.itemStyle !== cls.style) {
      this.addSubItem({ number: cls.number, marker: cls.marker, content: cls.content }, text, line);
      return;
    }
    this.articleLines.push(text);
    const expected = paragraph.items.length + 1;
    if (cls.number !== expected) {
      this.warnings.add(
        W.ITEM_OUT_OF_SEQUENCE,
        line,
        `项编号不连续（应为第${intToChineseNumeral(expected)}项，实为“${cls.marker}”）`,
      );
    }
    const item: Item = {
      number: cls.number,
      marker: cls.marker,
      text,
      content: cls.content,
      line,
      subItems: [],
    };
    paragraph.items.push(item);
    this.item = item;
    this.itemStyle ??= cls.style;
  }

  private addSubItem(
    cls: { number: number; marker: string; content: string },
    text: string,
    line: number,
  ): void {
    const item = this.item;
    if (!item) return this.addParagraph(text, line);
    this.articleLines.push(text);
    const expected = item.subItems.length + 1;
    if (cls.number !== expected) {
      this.warnings.add(
        W.ITEM_OUT_OF_SEQUENCE,
        line,
        `目编号不连续（应为${expected}，实为“${cls.marker}”）`,
      );
    }
    item.subItems.push({
      number: cls.number,
      marker: cls.marker,
      text,
      content: cls.content,
      line,
    });
  }

  private closeArticle(): void {
    const article = this.article;
    if (!article) return;
    if (article.paragraphs.length === 0) {
      fail(E.EMPTY_ARTICLE, article.line, `${label(article.number, '条')}没有内容`);
    }
    article.text = this.articleLines.join('\n');
    for (const p of article.paragraphs) {
      if (p.items.length === 0 && endsWithColon(p.text)) {
        this.warnings.add(W.COLON_WITHOUT_ITEMS, p.line, `款以冒号结尾，但其后没有项`);
      } else if (p.items.length > 0 && !endsWithColon(p.text)) {
        this.warnings.add(W.ITEMS_WITHOUT_COLON, p.line, `款后列有项，但款未以冒号结尾`);
      }
    }
    this.article = undefined;
    this.paragraph = undefined;
    this.item = undefined;
    this.itemStyle = undefined;
  }

  private closeSection(): void {
    const section = this.section;
    if (section && section.articleNumbers.length === 0) {
      fail(
        E.EMPTY_SECTION,
        section.line,
        `${label(section.number, '节')}（${section.title}）下没有任何条文`,
      );
    }
    this.section = undefined;
  }

  private closeChapter(): void {
    const chapter = this.chapter;
    if (chapter && chapter.articles.length === 0) {
      fail(
        E.EMPTY_CHAPTER,
        chapter.line,
        `${label(chapter.number, '章')}（${chapter.title}）下没有任何条文`,
      );
    }
    this.chapter = undefined;
  }
}

/** Compare the table of contents with the body's headings; differences become warnings. */
function checkToc(
  toc: readonly TocEntry[],
  chapters: readonly Chapter[],
  warnings: Warnings,
): void {
  const key = (kind: string, chapter: number, number: number, title: string): string =>
    `${kind}|${chapter}|${number}|${normalizeForComparison(title)}`;

  const tocKeys = new Set<string>();
  let tocChapter = 0;
  const tocEntries = toc.map((e) => {
    if (e.kind === 'chapter') tocChapter = e.number;
    const k = key(e.kind, tocChapter, e.number, e.title);
    tocKeys.add(k);
    return { entry: e, key: k };
  });

  const bodyKeys = new Set<string>();
  const bodyEntries: { key: string; line: number; text: string }[] = [];
  for (const c of chapters) {
    if (c.implicit) continue;
    const ck = key('chapter', c.number, c.number, c.title);
    bodyKeys.add(ck);
    bodyEntries.push({ key: ck, line: c.line, text: `${label(c.number, '章')} ${c.title}` });
    for (const s of c.sections ?? []) {
      const sk = key('section', c.number, s.number, s.title);
      bodyKeys.add(sk);
      bodyEntries.push({ key: sk, line: s.line, text: `${label(s.number, '节')} ${s.title}` });
    }
  }

  for (const { entry, key: k } of tocEntries) {
    if (!bodyKeys.has(k)) {
      const unit = entry.kind === 'chapter' ? '章' : '节';
      warnings.add(
        W.TOC_MISMATCH,
        entry.line,
        `目录中的“${label(entry.number, unit)} ${entry.title}”在正文中没有对应的标题`,
      );
    }
  }
  for (const b of bodyEntries) {
    if (!tocKeys.has(b.key)) {
      warnings.add(W.TOC_MISMATCH, b.line, `正文中的“${b.text}”未列入目录`);
    }
  }
}

/**
 * Parse the text of a Chinese regulation into chapters, sections, articles, paragraphs and items.
 *
 * @throws RegulationParseError when the text has no articles, numbering is duplicated or out of
 *   sequence, or text appears where no structure allows it (see RegulationParseErrorCode).
 */
export function parseRegulation(
  text: string,
  options: ParseRegulationOptions = {},
): ParsedRegulation {
  const strict = options.strictNumbering ?? true;
  const warnings = new Warnings();
  const lines = toLogicalLines(text);

  const firstArticle = lines.findIndex((l) => isBodyCandidate(l.cls, strict));
  if (firstArticle === -1) {
    fail(E.NO_ARTICLES, lines.at(-1)?.line ?? 1, '读到文末仍未找到任何条文（第X条）');
  }
  const bodyStart = locateBodyStart(lines, firstArticle);
  const front = parseFrontMatter(lines.slice(0, bodyStart), warnings);
  const chapters = new BodyParser(strict, warnings).parse(lines.slice(bodyStart));
  if (front.toc) checkToc(front.toc, chapters, warnings);

  // Keep the warning order stable by source line, so that UIs can list them top to bottom.
  const sortedWarnings = [...warnings.list].sort((a, b) => a.line - b.line);
  return {
    ...(front.title !== undefined && { title: front.title, titleLine: front.titleLine }),
    ...(front.preamble.length > 0 && { preamble: front.preamble }),
    ...(front.toc && { tableOfContents: front.toc }),
    chapters,
    warnings: sortedWarnings,
  };
}

/** All articles of a parsed regulation in order, across chapters. */
export function listArticles(regulation: ParsedRegulation): Article[] {
  return regulation.chapters.flatMap((c) => c.articles);
}
