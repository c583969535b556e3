/**
 * The structured form of a regulation (法规) as produced by {@link parseRegulation}.
 *
 * Hierarchy, following Chinese legislative drafting conventions (立法技术规范):
 * 章 chapter → (节 section) → 条 article → 款 paragraph → 项 item → 目 sub-item.
 *
 * Every node records the 1-based `line` of the source text it came from so that reviewers can
 * jump from any extracted duty back to the exact line of the regulation.
 *
 * All text fields hold the source characters verbatim (only the outer whitespace of each line is
 * trimmed); use `normalizeForComparison` to compare text across versions. Titles (of the
 * regulation, chapters, sections and articles) are labels and have all whitespace removed, so
 * that `第一章 总 则` yields the title `总则`.
 */

import type { RegulationParseWarningCode } from './errors';

/** A line of front matter kept verbatim, e.g. the passing-date line under the title. */
export interface PreambleLine {
  text: string;
  line: number;
}

/** One entry of the table of contents (目录) printed before the body. */
export interface TocEntry {
  kind: 'chapter' | 'section';
  number: number;
  /** Whitespace removed; dot leaders and page numbers stripped. */
  title: string;
  line: number;
}

/** 目 — a sub-item under an item, written `1.` / `1．` / `①`, or `（1）` under `（一）` items. */
export interface SubItem {
  number: number;
  /** The numbering as written, e.g. `1.` or `（1）`. */
  marker: string;
  /** The whole source line, marker included (so that no character of the article is lost). */
  text: string;
  /** The text after the marker. */
  content: string;
  line: number;
}

/** 项 — an enumerated item, one source line starting with `（一）`, `(一)`, `（1）`, `㈠` … */
export interface Item {
  number: number;
  /** The numbering as written, e.g. `（一）` or `(1)`. */
  marker: string;
  /** The whole source line, marker included (so that no character of the article is lost). */
  text: string;
  /** The text after the marker, e.g. `建立健全质量管理体系……；`. */
  content: string;
  line: number;
  subItems: SubItem[];
}

/** 款 — a paragraph of an article: one source line, plus the items (项) that follow it. */
export interface Paragraph {
  /** 1-based within the article (第一款, 第二款 …). */
  number: number;
  text: string;
  line: number;
  items: Item[];
}

/** 条 — an article. */
export interface Article {
  /** Article numbers run continuously through the whole regulation (not per chapter). */
  number: number;
  /** The bracketed title (【目的和依据】) of drafts; enacted texts have none. */
  title?: string;
  /** Line of the heading `第一条`. */
  line: number;
  /** Number of the section (节) the article belongs to, when its chapter has sections. */
  sectionNumber?: number;
  /**
   * The article body as written: the text after the heading on the heading line, then every
   * following line of the article, each trimmed of outer whitespace, joined with `\n`.
   */
  text: string;
  paragraphs: Paragraph[];
}

/** 节 — a section inside a chapter. Its articles are listed in the chapter; see `articleNumbers`. */
export interface Section {
  /** 1-based within the chapter: sections restart at 第一节 in every chapter. */
  number: number;
  title: string;
  line: number;
  /** The numbers of the chapter's articles that belong to this section, in order. */
  articleNumbers: number[];
}

/** 章 — a chapter. */
export interface Chapter {
  number: number;
  title: string;
  line: number;
  /**
   * `true` for the single synthetic chapter (number 0, empty title) that holds the articles of a
   * regulation written without any 第X章 headings.
   */
  implicit?: boolean;
  /** Present only when the chapter is divided into sections (第X节). */
  sections?: Section[];
  /** Every article of the chapter in order, whether or not it belongs to a section. */
  articles: Article[];
}

/** A non-fatal observation about the source text that a reviewer may want to look at. */
export interface ParseWarning {
  code: RegulationParseWarningCode;
  line: number;
  message: string;
}

export interface ParsedRegulation {
  /** e.g. `湖北省质量促进条例（草案）`; absent when the text starts directly with the body. */
  title?: string;
  titleLine?: number;
  /** Front-matter lines between the title and the body: passing date, 草案说明, etc. */
  preamble?: PreambleLine[];
  /** The table of contents, when the text has one (it never produces chapters of its own). */
  tableOfContents?: TocEntry[];
  chapters: Chapter[];
  warnings: ParseWarning[];
}

export interface ParseRegulationOptions {
  /**
   * When `true` (the default), chapter, section and article numbers must run 1, 2, 3 … without
   * gaps; a gap is an `…_OUT_OF_SEQUENCE` error. When `false`, gaps (e.g. an excerpt starting at
   * 第十条) are reported as warnings instead. Duplicated or decreasing numbers are always errors.
   * Even when `true`, a skipped chapter or section number followed by the next article number
   * in sequence is only a warning (CHAPTER_NUMBER_GAP / SECTION_NUMBER_GAP): the heading line is
   * missing, not the text.
   */
  strictNumbering?: boolean;
}
