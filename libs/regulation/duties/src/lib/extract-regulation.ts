/**
 * Extraction over a whole text: its kind and tier (from title and front matter), its own
 * allocation clauses, then every article with that context.
 */
import { findAllocations } from './allocations';
import { detectTextContext } from './context';
import { DEPARTMENT_KINDS } from './departments';
import { type SkippedText, analyzeArticle } from './extract-duties';
import type {
  Allocations,
  ArticleInput,
  ExtractOptions,
  ExtractedDuty,
  TextContext,
} from './types';

/** The minimal regulation shape (compatible with the parser's ParsedRegulation). */
export interface RegulationInput {
  title?: string;
  preamble?: ReadonlyArray<string | { text: string }>;
  chapters: ReadonlyArray<{
    number: number;
    title: string;
    articles: ReadonlyArray<{
      number: number;
      paragraphs: ReadonlyArray<{
        number: number;
        text: string;
        items: ReadonlyArray<{
          number: number;
          text: string;
          subItems?: ReadonlyArray<{ text: string }>;
        }>;
      }>;
    }>;
  }>;
}

export interface RegulationExtraction {
  context: TextContext;
  allocations: Allocations;
  articles: Array<{
    number: number;
    chapterNumber: number;
    duties: ExtractedDuty[];
    skipped: SkippedText[];
  }>;
}

function articleInput(a: RegulationInput['chapters'][number]['articles'][number]): ArticleInput {
  return {
    number: a.number,
    paragraphs: a.paragraphs.map((p) => ({
      number: p.number,
      text: p.text,
      items: p.items.map((i) => ({
        number: i.number,
        text: [i.text, ...(i.subItems ?? []).map((s) => s.text)].join('\n'),
      })),
    })),
  };
}

/**
 * Extract every article of a text. `options.context` overrides the detected kind and tier (a
 * reviewer who knows better, or a test); `options.allocations` the detected allocation clauses.
 */
export function extractRegulationDuties(
  regulation: RegulationInput,
  options: Omit<ExtractOptions, 'chapterTitle'> = {},
): RegulationExtraction {
  const kinds = options.departments ?? DEPARTMENT_KINDS;
  const context =
    options.context ??
    detectTextContext({
      title: regulation.title,
      preamble: (regulation.preamble ?? []).map((l) => (typeof l === 'string' ? l : l.text)),
    });
  const flat = regulation.chapters.flatMap((c) =>
    c.articles.map((a) => ({ chapter: c, article: articleInput(a) })),
  );
  const allocations =
    options.allocations ??
    findAllocations(
      flat.map((f) => ({ chapterTitle: f.chapter.title, article: f.article })),
      kinds,
      context.tier,
    );
  return {
    context,
    allocations,
    articles: flat.map(({ chapter, article }) => {
      const analysis = analyzeArticle(article, {
        ...options,
        departments: kinds,
        context,
        allocations,
        chapterTitle: chapter.title,
        generalChapter: chapter === regulation.chapters[0] || /总则/.test(chapter.title),
      });
      return { number: article.number, chapterNumber: chapter.number, ...analysis };
    }),
  };
}
