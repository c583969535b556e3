/**
 * Test-only: turns the seed regulation into ArticleInput[] without the parser library.
 * Format: `第N条【title】  first paragraph`; following lines are further paragraphs (款); lines
 * starting （一）（二）… are items (项) of the preceding paragraph; chapter lines (第N章) and the
 * title line are ignored.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleInput } from '../lib/types';

export const SEED_PATH = join(__dirname, 'hubei-quality-promotion-draft.txt');

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 … 九十九 (enough for article and item numbers of the seed). */
export function chineseNumber(s: string): number {
  if (s === '十') return 10;
  const tenAt = s.indexOf('十');
  if (tenAt < 0) return DIGITS[s];
  const tens = tenAt === 0 ? 1 : DIGITS[s.slice(0, tenAt)];
  const units = tenAt === s.length - 1 ? 0 : DIGITS[s.slice(tenAt + 1)];
  return tens * 10 + units;
}

const ARTICLE = /^第([零〇一二两三四五六七八九十]+)条(?:【([^】]*)】)?\s*(.*)$/;
const ITEM = /^（([一二三四五六七八九十]+)）(.*)$/;
const CHAPTER = /^第([零〇一二两三四五六七八九十]+)章\s*(.*)$/;

export interface SeedArticle extends ArticleInput {
  title?: string;
}

export interface SeedRegulation {
  title: string;
  chapters: Array<{ number: number; title: string; articles: SeedArticle[] }>;
}

/** The seed as the extractor's whole-text input: title, chapters and their articles. */
export function splitChapters(text: string): SeedRegulation {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim());
  const regulation: SeedRegulation = { title: lines.find((l) => l.length > 0) ?? '', chapters: [] };
  const articles = splitRegulation(text);
  let chapter: SeedRegulation['chapters'][number] | undefined;
  for (const line of lines) {
    const c = CHAPTER.exec(line);
    if (c) {
      chapter = { number: chineseNumber(c[1]), title: c[2].replace(/\s/g, ''), articles: [] };
      regulation.chapters.push(chapter);
      continue;
    }
    const a = ARTICLE.exec(line);
    if (a && chapter) {
      const article = articles.find((x) => x.number === chineseNumber(a[1]));
      if (article) chapter.articles.push(article);
    }
  }
  return regulation;
}

export function splitRegulation(text: string): SeedArticle[] {
  const articles: SeedArticle[] = [];
  let current: SeedArticle | undefined;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length === 0 || CHAPTER.test(line)) continue;
    const a = ARTICLE.exec(line);
    if (a) {
      current = { number: chineseNumber(a[1]), title: a[2], paragraphs: [] };
      articles.push(current);
      if (a[3].length > 0) current.paragraphs.push({ number: 1, text: a[3], items: [] });
      continue;
    }
    if (!current) continue; // the regulation's title line
    const item = ITEM.exec(line);
    const paragraph = current.paragraphs[current.paragraphs.length - 1];
    if (item && paragraph) {
      // Items keep their marker, as the parser's Item.text does; the extractor skips it.
      paragraph.items.push({ number: chineseNumber(item[1]), text: line });
    } else {
      current.paragraphs.push({ number: current.paragraphs.length + 1, text: line, items: [] });
    }
  }
  return articles;
}

let cache: SeedArticle[] | undefined;
let regulationCache: SeedRegulation | undefined;

export function seedRegulation(): SeedRegulation {
  regulationCache ??= splitChapters(readFileSync(SEED_PATH, 'utf8'));
  return regulationCache;
}

export function seedArticles(): SeedArticle[] {
  cache ??= splitRegulation(readFileSync(SEED_PATH, 'utf8'));
  return cache;
}

export function seedArticle(number: number): SeedArticle {
  const article = seedArticles().find((a) => a.number === number);
  if (!article) throw new Error(`article ${number} not in seed`);
  return article;
}
