import {
  alignArticles,
  type ArticleChange,
  type ArticleChangeKind,
  type ComparableArticle,
} from './align-articles';

export type { ArticleChange, ArticleChangeKind, ComparableArticle };

/**
 * Article-level diff between two versions of a regulation, aligned by content (see
 * {@link alignArticles}): unrelated articles that happen to share a number are not paired, and
 * an article moved, reworded, merged or split is still traced to its source.
 *
 * The result is ordered by the new numbering, removed articles placed after the new position
 * of their old predecessor.
 */
export function diffArticles(
  previous: readonly ComparableArticle[],
  next: readonly ComparableArticle[],
): ArticleChange[] {
  return alignArticles(previous, next);
}
