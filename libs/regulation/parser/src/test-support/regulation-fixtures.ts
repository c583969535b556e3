/**
 * Test helpers (not part of the library; excluded from tsconfig.lib.json because they use Node).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { normalizeForComparison } from '../lib/normalize';
import type { ParsedRegulation } from '../lib/types';

export const SEED_FILE = join(__dirname, '..', '__fixtures__', 'hubei-quality-promotion-draft.txt');

/** The draft Hubei Province Quality Promotion Regulation exactly as shipped (LF, no BOM). */
export function loadSeedText(): string {
  return readFileSync(SEED_FILE, 'utf8');
}

/** The seed's chapter titles, checked by hand against the text. */
export const SEED_CHAPTERS = [
  { number: 1, title: '总则', firstArticle: 1, lastArticle: 9, line: 2 },
  { number: 2, title: '基础支撑', firstArticle: 10, lastArticle: 17, line: 21 },
  { number: 3, title: '创新驱动', firstArticle: 18, lastArticle: 24, line: 37 },
  { number: 4, title: '品牌引领', firstArticle: 25, lastArticle: 29, line: 47 },
  { number: 5, title: '保障措施', firstArticle: 30, lastArticle: 34, line: 55 },
  { number: 6, title: '监督考核', firstArticle: 35, lastArticle: 41, line: 65 },
  { number: 7, title: '附则', firstArticle: 42, lastArticle: 42, line: 76 },
] as const;

/**
 * The comparable shape of a parsed regulation: numbers, titles, counts and text fingerprints,
 * without line numbers (which legitimately move when blank lines are inserted) and with every
 * text reduced by normalizeForComparison (so that typing conventions do not count).
 */
export function structureOf(regulation: ParsedRegulation) {
  const fp = (s: string | undefined) => (s === undefined ? undefined : normalizeForComparison(s));
  return {
    title: fp(regulation.title),
    chapters: regulation.chapters.map((c) => ({
      number: c.number,
      title: fp(c.title),
      implicit: c.implicit ?? false,
      sections: c.sections?.map((s) => ({
        number: s.number,
        title: fp(s.title),
        articleNumbers: s.articleNumbers,
      })),
      articles: c.articles.map((a) => ({
        number: a.number,
        title: fp(a.title),
        sectionNumber: a.sectionNumber,
        paragraphs: a.paragraphs.map((p) => ({
          number: p.number,
          text: fp(p.text),
          items: p.items.map((i) => ({
            number: i.number,
            text: fp(i.text),
            content: fp(i.content),
            subItems: i.subItems.map((s) => ({ number: s.number, text: fp(s.text) })),
          })),
        })),
      })),
    })),
  };
}

/** Swap full-width punctuation for the half-width forms a careless retyping would produce. */
export const HALF_WIDTH: Readonly<Record<string, string>> = {
  '（': '(',
  '）': ')',
  '：': ':',
  '，': ',',
  '；': ';',
  '【': '[',
  '】': ']',
};

export function toHalfWidth(text: string): string {
  return text.replace(/[（）：，；【】]/gu, (ch) => HALF_WIDTH[ch] ?? ch);
}

/** A table of contents for the seed, as a printed edition would have it. */
export function seedTableOfContents(): string {
  return [
    '目　　录',
    '第一章　总　　则',
    '第二章　基础支撑',
    '第三章　创新驱动',
    '第四章　品牌引领',
    '第五章　保障措施',
    '第六章　监督考核',
    '第七章　附　　则',
  ].join('\n');
}

/** Insert `block` after the first line of `text` (the title line of the seed). */
export function insertAfterTitle(text: string, block: string): string {
  const newline = text.indexOf('\n');
  return `${text.slice(0, newline + 1)}${block}\n${text.slice(newline + 1)}`;
}
