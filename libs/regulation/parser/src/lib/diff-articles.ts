import { normalizeForComparison } from './normalize';

/** The minimum an article needs for comparison across versions. */
export interface ComparableArticle {
  number: number;
  title?: string | null;
  text: string;
}

export type ArticleChangeKind = 'unchanged' | 'renumbered' | 'changed' | 'added' | 'removed';

export interface ArticleChange {
  kind: ArticleChangeKind;
  /** Article number in the old version (absent for `added`). */
  from?: number;
  /** Article number in the new version (absent for `removed`). */
  to?: number;
  title?: string | null;
}

/**
 * Article-level diff between two versions of a regulation.
 *
 * Matching, in order, each article used at most once:
 * 1. identical wording (after {@link normalizeForComparison}): `unchanged` when the number is
 *    the same, `renumbered` otherwise — the usual effect of inserting or deleting an article;
 * 2. same non-empty 【title】 among the rest: `changed` (wording differs, possibly renumbered);
 * 3. same number among the rest: `changed`;
 * the remaining old articles are `removed`, the remaining new ones `added`.
 *
 * The result is ordered by the new numbering, removed articles placed after their predecessor.
 */
export function diffArticles(
  previous: readonly ComparableArticle[],
  next: readonly ComparableArticle[],
): ArticleChange[] {
  const oldLeft = new Map(previous.map((a) => [a.number, a]));
  const newLeft = new Map(next.map((a) => [a.number, a]));
  const changes: ArticleChange[] = [];
  const match = (kind: ArticleChangeKind, from: ComparableArticle, to: ComparableArticle) => {
    oldLeft.delete(from.number);
    newLeft.delete(to.number);
    changes.push({ kind, from: from.number, to: to.number, title: to.title ?? null });
  };

  // 1. Same wording. Several old articles with one wording: pair them in order.
  const oldByText = groupBy([...oldLeft.values()], (a) => normalizeForComparison(a.text));
  for (const article of next) {
    const candidates = oldByText.get(normalizeForComparison(article.text));
    const from = candidates?.shift();
    if (from) match(from.number === article.number ? 'unchanged' : 'renumbered', from, article);
  }
  // 2. Same title.
  const oldByTitle = groupBy(
    [...oldLeft.values()].filter((a) => a.title),
    (a) => normalizeForComparison(a.title ?? ''),
  );
  for (const article of [...newLeft.values()]) {
    if (!article.title) continue;
    const from = oldByTitle.get(normalizeForComparison(article.title))?.shift();
    if (from && oldLeft.has(from.number)) match('changed', from, article);
  }
  // 3. Same number.
  for (const article of [...newLeft.values()]) {
    const from = oldLeft.get(article.number);
    if (from) match('changed', from, article);
  }
  for (const article of newLeft.values()) {
    changes.push({ kind: 'added', to: article.number, title: article.title ?? null });
  }
  for (const article of oldLeft.values()) {
    changes.push({ kind: 'removed', from: article.number, title: article.title ?? null });
  }
  // Order by position in the new text; a removed article sorts just after its old predecessor.
  const position = (c: ArticleChange) => (c.to !== undefined ? c.to : (c.from ?? 0) - 0.5);
  return changes.sort((a, b) => position(a) - position(b) || (a.from ?? 0) - (b.from ?? 0));
}

function groupBy<T>(values: T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const k = key(value);
    const group = groups.get(k);
    if (group) group.push(value);
    else groups.set(k, [value]);
  }
  return groups;
}
