import { normalizeForComparison } from '@duty/regulation/parser';

/** A duty as the suggestion step sees it: its id, its words and the article it sits in. */
export interface MappableDuty {
  id: string;
  /** Article number in its own version. */
  article: number;
  /** The statement's own words (the clause the duty was extracted from). */
  text: string;
}

/** One aligned article of the new version whose wording changed, with its source article(s). */
export interface ReworkedArticle {
  kind: 'changed' | 'merged' | 'split';
  /** Article number in the new version. */
  to: number;
  /** Article numbers in the old version it carries (several for a merge). */
  sources: readonly number[];
}

export interface SuggestDutyMappingsInput {
  articles: readonly ReworkedArticle[];
  /** Duties of the new version that did not carry over automatically. */
  next: readonly MappableDuty[];
  /** Duties of the old version that no duty of the new version carried over. */
  previous: readonly MappableDuty[];
}

export interface SuggestDutyMappingsOptions {
  /** Least bigram Dice similarity for a suggestion. Default 0.4. */
  minSimilarity?: number;
  /** Most suggestions per new duty (its best candidate first). Default 3. */
  maxPerDuty?: number;
}

export interface DutyMappingSuggestion {
  /** The new duty. */
  dutyId: string;
  /** The old duty it may continue. */
  previousDutyId: string;
  /** The aligned article's change kind. */
  articleChange: ReworkedArticle['kind'];
  /** Bigram Dice similarity of the two statements' normalised words, in [0, 1]. */
  similarity: number;
  /**
   * The pair is the best one-to-one match (greedy by similarity across the aligned articles);
   * other suggestions are alternatives a reviewer may prefer (e.g. the second source of a merge).
   */
  primary: boolean;
}

/**
 * Character bigrams (as a multiset) of a normalised text. Chinese has no spaces between words and
 * most terms are two characters long, so bigrams of the characters are a good proxy for words;
 * normalisation removes spacing and folds full-/half-width punctuation, then punctuation is
 * dropped so that a changed comma does not count as a changed word.
 */
export function bigrams(text: string): Map<string, number> {
  const chars = [...normalizeForComparison(text).replace(/[^\p{L}\p{N}]/gu, '')];
  const grams = new Map<string, number>();
  if (chars.length === 1) grams.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i] + chars[i + 1];
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice coefficient of two bigram multisets: 2·|A∩B| / (|A|+|B|); 1 for equal texts. */
export function diceSimilarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const n of ga.values()) sizeA += n;
  for (const [gram, n] of gb) {
    sizeB += n;
    shared += Math.min(n, ga.get(gram) ?? 0);
  }
  if (sizeA + sizeB === 0) return 0;
  return (2 * shared) / (sizeA + sizeB);
}

/**
 * Suggested continuations for the duties of reworded articles (changed, merged, split): every
 * new duty is compared with the old duties of its aligned source article(s) only — never with
 * the rest of the text, which the article alignment has already ruled out.
 *
 * Pairs at or above `minSimilarity` are taken greedily by similarity so that each new and each
 * old duty has at most one *primary* suggestion (a lineage continues in one duty); the other
 * candidates of a new duty are kept as alternatives when their old duty is nobody's primary,
 * so that the reviewer of a merge sees both sources. Ordered by new duty (input order), best first.
 * Ties are broken by input order, so the result is deterministic.
 */
export function suggestDutyMappings(
  input: SuggestDutyMappingsInput,
  options: SuggestDutyMappingsOptions = {},
): DutyMappingSuggestion[] {
  const minSimilarity = options.minSimilarity ?? 0.4;
  const maxPerDuty = options.maxPerDuty ?? 3;
  const articleOf = new Map(input.articles.map((a) => [a.to, a]));
  const previousByArticle = new Map<number, Array<{ duty: MappableDuty; index: number }>>();
  input.previous.forEach((duty, index) => {
    previousByArticle.set(duty.article, [
      ...(previousByArticle.get(duty.article) ?? []),
      { duty, index },
    ]);
  });

  interface Candidate {
    next: MappableDuty;
    nextIndex: number;
    previous: MappableDuty;
    previousIndex: number;
    kind: ReworkedArticle['kind'];
    similarity: number;
  }
  const candidates: Candidate[] = [];
  input.next.forEach((next, nextIndex) => {
    const article = articleOf.get(next.article);
    if (!article) return;
    for (const source of new Set(article.sources)) {
      for (const { duty: previous, index: previousIndex } of previousByArticle.get(source) ?? []) {
        const similarity = round(diceSimilarity(previous.text, next.text));
        if (similarity >= minSimilarity) {
          candidates.push({
            next,
            nextIndex,
            previous,
            previousIndex,
            kind: article.kind,
            similarity,
          });
        }
      }
    }
  });

  const ranked = [...candidates].sort(
    (a, b) =>
      b.similarity - a.similarity || a.nextIndex - b.nextIndex || a.previousIndex - b.previousIndex,
  );
  const primaryOf = new Map<string, Candidate>(); // by new duty id
  const takenPrevious = new Set<string>();
  for (const c of ranked) {
    if (primaryOf.has(c.next.id) || takenPrevious.has(c.previous.id)) continue;
    primaryOf.set(c.next.id, c);
    takenPrevious.add(c.previous.id);
  }

  const byNext = new Map<string, DutyMappingSuggestion[]>();
  for (const c of ranked) {
    const primary = primaryOf.get(c.next.id) === c;
    if (!primary && takenPrevious.has(c.previous.id)) continue;
    const list = byNext.get(c.next.id) ?? [];
    if (list.length >= maxPerDuty && !primary) continue;
    list.push({
      dutyId: c.next.id,
      previousDutyId: c.previous.id,
      articleChange: c.kind,
      similarity: c.similarity,
      primary,
    });
    byNext.set(c.next.id, list);
  }
  return input.next.flatMap((duty) =>
    (byNext.get(duty.id) ?? [])
      .sort((a, b) => Number(b.primary) - Number(a.primary) || b.similarity - a.similarity)
      .slice(0, maxPerDuty),
  );
}

/** Four decimals: stable in storage and in tests, finer than anyone reads. */
function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
