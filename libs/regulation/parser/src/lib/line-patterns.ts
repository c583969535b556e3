/**
 * Recognition of single lines: headings (章/节/条), items (项), sub-items (目), the 目录 marker and
 * front-matter lines. Everything here looks at one trimmed line in isolation; decisions that need
 * context (is this chapter heading part of the table of contents? does `第五条为了…` start an
 * article?) are made by the parser.
 *
 * The patterns accept both widths of punctuation and whitespace of any width anywhere inside a
 * heading (`第 一 条`, `第一章 总 则` with U+3000 spaces, `(一)`, `（ 一 ）`, `[目的]`), because
 * texts are retyped, OCR'd and pasted from web pages.
 */

import { removeWhitespace, trimOuter, WS_CLASS } from './normalize';
import { MAX_CHINESE_NUMERAL, NUMERAL_CHARS, tryChineseNumeralToInt } from './numerals';

const WS = `[${WS_CLASS}]`;
const NUM = `[${NUMERAL_CHARS}]`;
/** A number that may have whitespace between its characters: `一 百 零 一`. */
const NUMBER = `${NUM}(?:${WS}*${NUM})*`;

const ARTICLE_RE = new RegExp(`^第${WS}*(${NUMBER})${WS}*条`, 'u');
const ARTICLE_SUFFIX_RE = new RegExp(`^第${WS}*${NUMBER}${WS}*条${WS}*之${WS}*${NUM}`, 'u');
const CHAPTER_RE = new RegExp(`^第${WS}*(${NUMBER})${WS}*章(.*)$`, 'u');
const SECTION_RE = new RegExp(`^第${WS}*(${NUMBER})${WS}*节(.*)$`, 'u');
const PART_RE = new RegExp(`^第${WS}*${NUMBER}${WS}*(?:分${WS}*)?编(.*)$`, 'u');

const CN_ITEM_NUM = '[零〇一二两三四五六七八九十百]';
const AR_ITEM_NUM = '[0-9０-９]';
const ITEM_CN_RE = new RegExp(
  `^[（(]${WS}*(${CN_ITEM_NUM}(?:${WS}*${CN_ITEM_NUM})*)${WS}*[）)]`,
  'u',
);
const ITEM_AR_RE = new RegExp(
  `^[（(]${WS}*(${AR_ITEM_NUM}(?:${WS}*${AR_ITEM_NUM})*)${WS}*[）)]`,
  'u',
);
/** ㈠ … ㈩ (U+3220–U+3229): parenthesised ideographs, used by some typesetting for 项. */
const ITEM_CN_SINGLE_RE = /^[\u3220-\u3229]/u;
/** ⑴ … ⒇ (U+2474–U+2487): parenthesised digits. */
const ITEM_AR_SINGLE_RE = /^[\u2474-\u2487]/u;
/** 目: `1.` `1．` `1、` (not followed by another digit, so `1.5倍` is not a sub-item). */
const SUB_ITEM_RE = new RegExp(`^(${AR_ITEM_NUM}+)${WS}*[.．、](?!${WS}*${AR_ITEM_NUM})`, 'u');
/** 目: ① … ⑳ (U+2460–U+2473). */
const SUB_ITEM_CIRCLED_RE = /^[\u2460-\u2473]/u;

/** Sentence punctuation never found in a heading title; a line containing it is body text. */
const SENTENCE_PUNCTUATION_RE = /[。，；：,;:！？!?]/u;
/** Longest plausible chapter/section/regulation title, in characters without whitespace. */
const MAX_HEADING_TITLE_LENGTH = 40;
const MAX_DOCUMENT_TITLE_LENGTH = 80;

/** Title brackets: 【】 in drafts, [] / ［］ when retyped, 〔〕 / 〖〗 in some typesetting. */
const TITLE_OPEN = '【[［〔〖';
const TITLE_CLOSE = '】]］〕〗';
const COLON = ':：';

/** Characters that, right after `第N条` without a separator, show a cross-reference, not a heading. */
const REFERENCE_CONTINUATIONS = new Set([...'第规的、至和或及与所中款项目之前后等以，,。；;）)']);

export type ItemStyle = 'chinese' | 'arabic';

export type ClassifiedLine =
  | { kind: 'blank' }
  | { kind: 'tocMarker' }
  | { kind: 'chapter'; number: number; title: string }
  | { kind: 'section'; number: number; title: string }
  | ArticleHeadingLine
  | { kind: 'item'; number: number; marker: string; content: string; style: ItemStyle }
  | { kind: 'subItem'; number: number; marker: string; content: string }
  | { kind: 'invalidNumeral'; numberText: string; unit: '章' | '节' | '条' }
  | { kind: 'unsupported'; what: 'part' | 'articleSuffix' }
  | { kind: 'text' };

export interface ArticleHeadingLine {
  kind: 'article';
  number: number;
  title?: string;
  /** The body text following the heading on the same line (may be empty). */
  body: string;
  /**
   * How the heading is separated from the body: `none` means the body follows directly
   * (`第五条为了…`), which is also how a cross-reference (`第五条规定的…`) starts; the parser
   * accepts it as a heading only when the number is the one expected next.
   */
  separator: 'title' | 'whitespace' | 'colon' | 'end' | 'none';
  /** True when the next character makes this look like a cross-reference rather than a heading. */
  looksLikeReference: boolean;
  unclosedTitle: boolean;
}

/**
 * Parse the number of a heading or item. Positional Chinese digit strings (一二, 二〇) are
 * rejected here even though {@link tryChineseNumeralToInt} reads them as years do, because
 * `第一二条` is a typo, not article 12. Zero is not a valid heading number, and numbers beyond
 * what intToChineseNumeral renders (used in messages) are rejected too.
 */
export function parseHeadingNumber(numberText: string): number | undefined {
  const s = removeWhitespace(numberText).normalize('NFKC');
  const isArabic = /^[0-9]+$/u.test(s);
  if (!isArabic && s.length > 1 && !/[十百千万]/u.test(s)) return undefined;
  const value = tryChineseNumeralToInt(s);
  return value === undefined || value === 0 || value > MAX_CHINESE_NUMERAL ? undefined : value;
}

/** A heading title is short and has no sentence punctuation; anything else is body text. */
function isPlausibleHeadingTitle(title: string): boolean {
  return title.length <= MAX_HEADING_TITLE_LENGTH && !SENTENCE_PUNCTUATION_RE.test(title);
}

function classifyHeading(
  text: string,
  re: RegExp,
  kind: 'chapter' | 'section',
): ClassifiedLine | undefined {
  const m = re.exec(text);
  if (!m) return undefined;
  const title = removeWhitespace(m[2] ?? '');
  if (!isPlausibleHeadingTitle(title)) return undefined;
  const numberText = m[1] ?? '';
  const number = parseHeadingNumber(numberText);
  if (number === undefined) {
    return { kind: 'invalidNumeral', numberText, unit: kind === 'chapter' ? '章' : '节' };
  }
  return { kind, number, title };
}

function classifyArticle(text: string): ClassifiedLine | undefined {
  const m = ARTICLE_RE.exec(text);
  if (!m) return undefined;
  if (ARTICLE_SUFFIX_RE.test(text)) return { kind: 'unsupported', what: 'articleSuffix' };
  const numberText = m[1] ?? '';
  const rest = text.slice(m[0].length);
  const restTrimmed = trimOuter(rest);
  const first = restTrimmed[0] ?? '';

  let title: string | undefined;
  let body = restTrimmed;
  let separator: ArticleHeadingLine['separator'];
  let unclosedTitle = false;
  if (restTrimmed === '') {
    separator = 'end';
  } else if (TITLE_OPEN.includes(first)) {
    separator = 'title';
    const close = [...restTrimmed].findIndex((ch, i) => i > 0 && TITLE_CLOSE.includes(ch));
    if (close === -1) {
      unclosedTitle = true;
    } else {
      // Titles are BMP-only in practice, but index by code points to stay correct regardless.
      const chars = [...restTrimmed];
      title = removeWhitespace(chars.slice(1, close).join('')) || undefined;
      body = trimOuter(chars.slice(close + 1).join(''));
    }
  } else if (COLON.includes(first)) {
    separator = 'colon';
    body = trimOuter(restTrimmed.slice(1));
  } else if (rest !== restTrimmed) {
    separator = 'whitespace';
  } else {
    separator = 'none';
  }

  const number = parseHeadingNumber(numberText);
  const looksLikeReference = separator === 'none' && REFERENCE_CONTINUATIONS.has(first);
  if (number === undefined) {
    // `第十十条规定…` is a malformed cross-reference at worst; only flag real heading candidates.
    if (looksLikeReference) return undefined;
    return { kind: 'invalidNumeral', numberText, unit: '条' };
  }
  return { kind: 'article', number, title, body, separator, looksLikeReference, unclosedTitle };
}

function classifyItem(text: string): ClassifiedLine | undefined {
  const cn = ITEM_CN_RE.exec(text);
  const ar = cn ? null : ITEM_AR_RE.exec(text);
  const m = cn ?? ar;
  if (m) {
    const number = parseHeadingNumber(m[1] ?? '');
    if (number === undefined) return undefined;
    return {
      kind: 'item',
      number,
      marker: m[0],
      content: trimOuter(text.slice(m[0].length)),
      style: cn ? 'chinese' : 'arabic',
    };
  }
  const first = text.codePointAt(0) ?? 0;
  if (ITEM_CN_SINGLE_RE.test(text) || ITEM_AR_SINGLE_RE.test(text)) {
    const chinese = ITEM_CN_SINGLE_RE.test(text);
    const marker = String.fromCodePoint(first);
    return {
      kind: 'item',
      number: chinese ? first - 0x321f : first - 0x2473,
      marker,
      content: trimOuter(text.slice(marker.length)),
      style: chinese ? 'chinese' : 'arabic',
    };
  }
  return undefined;
}

function classifySubItem(text: string): ClassifiedLine | undefined {
  const m = SUB_ITEM_RE.exec(text);
  if (m) {
    const number = parseHeadingNumber(m[1] ?? '');
    if (number === undefined) return undefined;
    return { kind: 'subItem', number, marker: m[0], content: trimOuter(text.slice(m[0].length)) };
  }
  if (SUB_ITEM_CIRCLED_RE.test(text)) {
    const first = text.codePointAt(0) ?? 0;
    const marker = String.fromCodePoint(first);
    return {
      kind: 'subItem',
      number: first - 0x245f,
      marker,
      content: trimOuter(text.slice(marker.length)),
    };
  }
  return undefined;
}

/** Classify one trimmed line. */
export function classifyLine(text: string): ClassifiedLine {
  if (text === '') return { kind: 'blank' };
  if (isTocMarker(text)) return { kind: 'tocMarker' };
  if (text.startsWith('第')) {
    const part = PART_RE.exec(text);
    if (part && isPlausibleHeadingTitle(removeWhitespace(part[1] ?? ''))) {
      return { kind: 'unsupported', what: 'part' };
    }
    const heading =
      classifyHeading(text, CHAPTER_RE, 'chapter') ??
      classifyHeading(text, SECTION_RE, 'section') ??
      classifyArticle(text);
    if (heading) return heading;
  }
  return classifyItem(text) ?? classifySubItem(text) ?? { kind: 'text' };
}

/** `目录` / `目  录` (spaces of any width inside) / `目次`. */
export function isTocMarker(text: string): boolean {
  const key = removeWhitespace(text).normalize('NFKC');
  return key === '目录' || key === '目次';
}

/**
 * Whether a line can be a document title: short, no sentence punctuation. Callers check first
 * that it is not a heading.
 */
export function isPlausibleDocumentTitle(text: string): boolean {
  const key = removeWhitespace(text);
  return (
    key.length > 0 &&
    key.length <= MAX_DOCUMENT_TITLE_LENGTH &&
    !SENTENCE_PUNCTUATION_RE.test(key) &&
    !/^[（(]/u.test(key)
  );
}

/** `（草案）`, `(征求意见稿)`, `（修订草案）` on a line of its own under the title. */
export function isTitleStatusLine(text: string): boolean {
  return (
    /^[（(][^（()）]{0,20}[）)]$/u.test(removeWhitespace(text)) && /草案|稿|征求意见/u.test(text)
  );
}

const DATE_RE = new RegExp(`[0-9０-９〇○零一二三四五六七八九XＸxｘ×]{4}${WS}*年`, 'u');
const NOTE_RE = new RegExp(
  `^(?:草案说明|起草说明|修改说明|说明|注|附注|备注|编者按)(?:${WS}|[:：]|$)`,
  'u',
);
const ANNOUNCEMENT_NUMBER_RE = new RegExp(`^第${WS}*${NUMBER}${WS}*号$`, 'u');

/**
 * Front-matter lines that may sit between the title and the body: the passing/amendment record
 * (usually in parentheses), a date line, a 说明 (explanatory) line, or the announcement header
 * (…公告 / 第X号) of a promulgated text.
 */
export function isPreambleLine(text: string): boolean {
  const key = removeWhitespace(text);
  if (/^[（(].*[）)]$/u.test(key)) return true;
  if (DATE_RE.test(text) && key.includes('月')) return true;
  if (NOTE_RE.test(text)) return true;
  if (key.endsWith('公告') || ANNOUNCEMENT_NUMBER_RE.test(text)) return true;
  return false;
}

/** The start of a multi-line parenthesised preamble (opens but does not close on this line). */
export function opensParenthesis(text: string): boolean {
  return /^[（(]/u.test(text) && !/[）)]$/u.test(text);
}

export function closesParenthesis(text: string): boolean {
  return /[）)]$/u.test(text);
}

/** A paragraph that introduces items ends with a colon (：). */
export function endsWithColon(text: string): boolean {
  return /[:：]$/u.test(text);
}

const TOC_LEADER_RE = new RegExp(
  `^(.*?)(?:${WS}*[.．·…‥⋯]{2,}${WS}*[0-9０-９]*|${WS}+[0-9０-９]+)$`,
  'u',
);

/**
 * Classify a table-of-contents line: a chapter/section heading, possibly followed by dot leaders
 * and a page number (`第一章 总则……1`).
 */
export function classifyTocLine(text: string): ClassifiedLine {
  if (!text.startsWith('第')) return classifyLine(text);
  const stripped = TOC_LEADER_RE.exec(text)?.[1] ?? text;
  const classified = classifyLine(trimOuter(stripped));
  return classified.kind === 'chapter' || classified.kind === 'section'
    ? classified
    : classifyLine(text);
}
