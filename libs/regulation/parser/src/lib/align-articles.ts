import { minCostAssignment } from './assignment';
import { normalizeForComparison } from './normalize';

/** The minimum an article needs for comparison across versions. */
export interface ComparableArticle {
  number: number;
  title?: string | null;
  text: string;
}

/**
 * What became of an article between two versions.
 * - `unchanged`: same number, same words;
 * - `renumbered`: same words, other number (an article inserted or deleted before it);
 * - `changed`: one source, words changed (any number);
 * - `merged`: the new article carries the provisions of two or more old articles;
 * - `split`: the new article is one of several that share a single old source;
 * - `added` / `removed`: no counterpart.
 */
export type ArticleChangeKind =
  'unchanged' | 'renumbered' | 'changed' | 'merged' | 'split' | 'added' | 'removed';

export interface ArticleChange {
  kind: ArticleChangeKind;
  /**
   * Article number in the old version (absent for `added`). For `merged`, the main source: the
   * one paired one-to-one, or else the one whose content the new article carries most of.
   */
  from?: number;
  /** Article number in the new version (absent for `removed`). */
  to?: number;
  title?: string | null;
  /** Every old article the new one carries, ascending; `[]` for `added`, `[from]` for `removed`. */
  sources?: number[];
  /**
   * Weighted bigram Dice similarity in [0, 1] between the new article and the text of all its
   * sources taken together (1 = same characters); 0 for `added` and `removed`.
   */
  similarity?: number;
}

export interface AlignArticlesOptions {
  /**
   * Shortest and longest character n-gram compared (letters and digits only). Longer grams make
   * a shared term count for more than its scattered characters. Default `[2, 4]`.
   */
  gramSizes?: readonly [number, number];
  /**
   * Cosine similarity (TF-IDF of the n-grams) at which two articles are paired whatever else
   * their rows and columns hold: the words are largely the same. Default 0.5.
   */
  minSimilarity?: number;
  /**
   * Contrast a weaker pair needs to be paired: how many standard deviations its similarity
   * stands above the other similarities of the old article and of the new one (the average of
   * the two z-scores). A rewrite of the same provision keeps a subject-specific term or two,
   * which makes the pair exceptional for both articles even when the shared words are few.
   * Default 3.
   */
  minContrast?: number;
  /**
   * Cosine similarity below which two articles are never paired, however exceptional: they
   * share nothing worth the name. Default 0.02.
   */
  weakSimilarity?: number;
  /**
   * Cosine similarity and contrast that suffice for two articles that are each other's most
   * exceptional counterpart. In a short text no pair can stand out by `minContrast` standard
   * deviations (the largest z-score among n values is √(n−1)), so mutual preference stands in.
   * Defaults 0.03 and 2.
   */
  mutualSimilarity?: number;
  /** See `mutualSimilarity`. Default 2. */
  mutualContrast?: number;
  /**
   * Admit residual mutual pairs: an old and a new article that are each other's most exceptional
   * counterpart once the anchored articles are set aside, on the evidence of a mutual pair
   * (`mutualSimilarity`, `mutualContrast`). Default true.
   */
  residualMutual?: boolean;
  /**
   * Share of the evidence taken from the closest pair of paragraphs rather than from the whole
   * articles (contrast = (1 − w) × article contrast + w × paragraph contrast). A provision moved
   * into a longer article, or an article grown by new paragraphs, keeps one paragraph close to
   * its source while the whole articles differ. Default 0.5.
   */
  paragraphWeight?: number;
  /**
   * Contrast added to a pair where the anchors expect it: anchors are confident mutual pairs
   * (`anchorContrast`); an old article between two anchors should have its counterpart between
   * their counterparts, provided those are in order (revisions move provisions in blocks and
   * keep their order within a block). Default 1.
   */
  orderWeight?: number;
  /**
   * Contrast and cosine similarity that suffice for a pair that lies where the anchors expect it:
   * text and position agree, so a rewrite that keeps little more than its place and a key term or
   * two is still traced. Defaults 1 and 0.01.
   */
  orderedContrast?: number;
  /** See `orderedContrast`. Default 0.01. */
  orderedSimilarity?: number;
  /**
   * Contrast a mutual pair needs to serve as an anchor: it is then kept in the assignment
   * whatever the alternatives, and marks the order prior. Default 4.
   */
  anchorContrast?: number;
  /**
   * Contrast an unpaired article needs towards its most exceptional counterpart, itself paired,
   * to become a further source of it (merge) or a further target (split). Default 3.5.
   */
  linkContrast?: number;
  /**
   * The same for an article next to the counterpart's partner when that partner prefers the same
   * counterpart: neighbours merged into one article, or one article split into adjacent ones.
   * Default 1.5.
   */
  neighbourContrast?: number;
  /**
   * For such a link, the least share of what the two articles have in common (weighted n-grams)
   * that is absent from the counterpart's own partner. Default 0.25.
   */
  linkNovelty?: number;
  /**
   * Weight of the positional prior (closeness of the relative positions in the two texts) added
   * to the contrast in the assignment. Kept small so that it only breaks ties, e.g. between
   * several identical articles. Default 0.02.
   */
  positionWeight?: number;
  /**
   * Share of an old sentence's content (IDF-weighted n-grams) that must reappear in a new article,
   * beyond what that article's own source accounts for, to make the sentence's article a source
   * of it (merge or split). Default 0.35: a third of what the sentence says.
   */
  sentenceContainment?: number;
  /**
   * How much more of the sentence that new article must carry than the sentence's article's
   * current targets do. Default 0.15.
   */
  sentenceMargin?: number;
  /**
   * Sentences with fewer letters and digits than this (item numbers not counted) are too short
   * to trace. Default 10.
   */
  minSentenceLength?: number;
  /**
   * Link through paragraphs (款, each with its items): a paragraph of an old article that its
   * partner does not carry, and a paragraph of a new article that has no source, which are each
   * other's most exceptional counterpart with the confidence of an anchor (`anchorContrast`),
   * make the old article a source of the new one (a paragraph split off into an article of its
   * own, possibly far away and reworded); the same the other way round for a paragraph of a new
   * article and a paragraph of an old article that has no target (merge). Default true.
   */
  paragraphLinks?: boolean;
}

const DEFAULTS: Required<AlignArticlesOptions> = {
  gramSizes: [2, 4],
  minSimilarity: 0.5,
  minContrast: 3,
  weakSimilarity: 0.02,
  mutualSimilarity: 0.03,
  mutualContrast: 2,
  residualMutual: true,
  paragraphWeight: 0.5,
  orderWeight: 1,
  orderedContrast: 1,
  orderedSimilarity: 0.01,
  anchorContrast: 4,
  linkContrast: 3.5,
  neighbourContrast: 1.5,
  linkNovelty: 0.25,
  positionWeight: 0.02,
  sentenceContainment: 0.35,
  sentenceMargin: 0.15,
  minSentenceLength: 10,
  paragraphLinks: true,
};

/**
 * Align two versions of a regulation by content, not by article number.
 *
 * 1. Every article becomes a TF-IDF vector of the character n-grams of its title and text
 *    (after {@link normalizeForComparison}, punctuation dropped). The inverse document
 *    frequency is taken over the articles of both versions, so the vocabulary every article
 *    shares (人民政府, 主管部门, 应当…) weighs next to nothing and a subject-specific term much,
 *    with no hand-made list of stop words.
 * 2. Similarity: cosine of the vectors, for whole articles and for their closest pair of
 *    paragraphs (a TF-IDF over the paragraphs of both versions). Contrast: how exceptional a
 *    similarity is for both articles (mean of its z-scores in the old article's row and the new
 *    article's column), blended over the two levels (`paragraphWeight`), so that a heavy rewrite
 *    that still stands out for both articles counts as a correspondence.
 * 3. Anchors: mutual-best pairs of high contrast. They are kept in the assignment as they are.
 *    Residual mutual pairs: with the anchors set aside, an old and a new article that are each
 *    other's most exceptional counterpart among the articles left are admitted on the same
 *    evidence as a mutual pair. A rewritten article whose closest counterparts were both taken by
 *    confident pairs (its old neighbour reworded into a new article, say) is otherwise reported
 *    added, and its source removed, although the two still single each other out among the rest.
 * 4. Order prior: an old article between two anchors expects its counterpart in the gap between
 *    their counterparts (when those are in order). A candidate there gains `orderWeight`, and
 *    needs less evidence to be admitted (`orderedContrast`): text and position agree.
 * 5. An optimal one-to-one assignment (Hungarian method) maximises the total contrast (plus
 *    similarity, and a tiny positional tie-break) over the admitted pairs: similar enough, or
 *    exceptional enough, or each other's most exceptional counterpart, or in place.
 * 6. Merges and splits: an unpaired article whose most exceptional counterpart is paired joins
 *    it when it brings content the counterpart's partner lacks (with less evidence next to that
 *    partner: neighbours merged, or one article split into adjacent ones), and containment adds
 *    the links a one-to-one pairing cannot express: an old sentence most of whose content
 *    reappears in a new article its own article is not linked to. Paragraph by paragraph (款
 *    with its items), a confident mutual pair of paragraphs links an article to a counterpart
 *    left without partner when the article's own partner does not carry that paragraph at all.
 *
 * Returns one change per new article (ordered by new number) and one `removed` change per old
 * article without a target, placed after the new position of its nearest preceding old article.
 */
export function alignArticles(
  previous: readonly ComparableArticle[],
  next: readonly ComparableArticle[],
  options: AlignArticlesOptions = {},
): ArticleChange[] {
  const opts = { ...DEFAULTS, ...options };
  const oldBags = previous.map(articleBigrams);
  const newBags = next.map(articleBigrams);
  const idf = inverseDocumentFrequency([...oldBags, ...newBags]);
  const oldMass = oldBags.map((b) => mass(b, idf));
  const newMass = newBags.map((b) => mass(b, idf));
  const overlap = overlapMatrix(oldBags, newBags, idf);

  const dice = (i: number, j: number) => {
    const total = oldMass[i] + newMass[j];
    return total === 0 ? 0 : (2 * overlap[i][j]) / total;
  };
  /** Share of old article i's content found in new article j. */
  const oldInNew = (i: number, j: number) => (oldMass[i] === 0 ? 0 : overlap[i][j] / oldMass[i]);

  const model = ngramModel(previous, next, opts.gramSizes);
  const cosine = model.cosine;
  // Evidence of correspondence: how exceptional a pair is as whole articles, blended with how
  // exceptional its closest pair of paragraphs is (a provision moved into a longer article, or
  // an article grown by new paragraphs, still has one paragraph close to its source).
  const articleContrast = contrastMatrix(cosine);
  const paragraphContrast = contrastMatrix(paragraphSimilarity(previous, next, opts.gramSizes));
  const share = Math.min(1, Math.max(0, opts.paragraphWeight));
  const contrast = articleContrast.map((row, i) =>
    row.map((z, j) => (1 - share) * z + share * paragraphContrast[i][j]),
  );
  const bestNew = previous.map((_, i) => argmax(next.length, (j) => contrast[i][j]));
  const bestOld = next.map((_, j) => argmax(previous.length, (i) => contrast[i][j]));
  /** Each other's most exceptional counterpart. */
  const mutual = (i: number, j: number) => bestNew[i] === j && bestOld[j] === i;
  /** A confident mutual pair: taken as is, and a landmark of the order prior. */
  const isAnchor = (i: number, j: number) =>
    mutual(i, j) && (contrast[i][j] >= opts.anchorContrast || cosine[i][j] >= opts.minSimilarity);
  const anchors = bestNew
    .map((j, i): [number, number] => [i, j])
    .filter(([i, j]) => j >= 0 && isAnchor(i, j));
  const inGap = anchorGaps(anchors, previous.length, next.length);
  /** Where the anchors expect i's counterpart: an anchor's own pair, or the gap between. */
  const inOrder = (i: number, j: number) => isAnchor(i, j) || inGap(i, j);
  const residualMutual = opts.residualMutual
    ? residualMutualPairs(contrast, cosine, anchors, opts)
    : new Set<string>();

  // One-to-one assignment over the admitted pairs. A pair not admitted weighs 0, the same as
  // leaving both articles unpaired, so the assignment never prefers it.
  const relative = (index: number, length: number) => (length <= 1 ? 0 : index / (length - 1));
  const score = (i: number, j: number) => contrast[i][j] + (inOrder(i, j) ? opts.orderWeight : 0);
  const weight = previous.map((_, i) =>
    next.map((_, j) => {
      const similarity = cosine[i][j];
      const admitted =
        similarity >= opts.minSimilarity ||
        (similarity >= opts.weakSimilarity && score(i, j) >= opts.minContrast) ||
        ((mutual(i, j) || residualMutual.has(pairKey(i, j))) &&
          similarity >= opts.mutualSimilarity &&
          score(i, j) >= opts.mutualContrast) ||
        (inOrder(i, j) &&
          similarity >= opts.orderedSimilarity &&
          contrast[i][j] >= opts.orderedContrast);
      if (!admitted) return 0;
      const closeness = 1 - Math.abs(relative(i, previous.length) - relative(j, next.length));
      return Math.max(score(i, j), 0) + similarity + opts.positionWeight * closeness;
    }),
  );
  // An anchor weighs more than all other pairs together: it is never traded for two weaker
  // pairs (e.g. an article merged into its anchor's counterpart given, wrongly, another target).
  const anchorBonus = 1 + weight.reduce((sum, row) => sum + Math.max(0, ...row), 0);
  for (const [i, j] of anchors) if (weight[i][j] > 0) weight[i][j] += anchorBonus;
  const assigned = minCostAssignment(weight.map((row) => row.map((w) => -w)));
  const targets = previous.map(() => new Set<number>());
  const sources = next.map(() => new Set<number>());
  const primary = new Map<number, number>(); // new index → its one-to-one old index
  const link = (i: number, j: number) => {
    targets[i].add(j);
    sources[j].add(i);
  };
  assigned.forEach((j, i) => {
    if (j >= 0 && weight[i][j] > 0) {
      link(i, j);
      primary.set(j, i);
    }
  });

  // Merges and splits by contrast: an article left unpaired whose most exceptional counterpart
  // is paired carries part of that counterpart's provisions — provided that a good part of what
  // the two share (`linkNovelty`) is absent from the counterpart's own partner, else it only
  // resembles the partner (two penalty articles worded alike, or a term both happen to use).
  // Weaker evidence (`neighbourContrast`) suffices next door: when the article's neighbour is the
  // counterpart's partner and also prefers the counterpart, the two neighbours were merged (or
  // the one split into adjacent articles), the commonest shape of a merge or split.
  const partnerOfOld = new Map([...primary].map(([j, i]) => [i, j]));
  const novelShare = (part: Bag, whole: Bag, partner: Bag) => {
    const shared = residualOverlap(part, whole, null, model.idf);
    if (shared === 0) return 0;
    const absent: Bag = new Map([...part].filter(([gram]) => !partner.has(gram)));
    return residualOverlap(absent, whole, null, model.idf) / shared;
  };
  const linkable = (i: number, j: number, neighbours: boolean) =>
    cosine[i][j] >= opts.weakSimilarity &&
    score(i, j) >= (neighbours ? opts.neighbourContrast : opts.linkContrast);
  previous.forEach((_, i) => {
    const j = bestNew[i];
    const partner = primary.get(j);
    if (partnerOfOld.has(i) || partner === undefined) return;
    const neighbours = Math.abs(i - partner) === 1 && bestNew[partner] === j;
    if (!linkable(i, j, neighbours)) return;
    const novel = novelShare(model.oldBags[i], model.newBags[j], model.oldBags[partner]);
    if (novel >= opts.linkNovelty) link(i, j);
  });
  next.forEach((_, j) => {
    const i = bestOld[j];
    const partner = partnerOfOld.get(i);
    if (primary.has(j) || partner === undefined) return;
    const neighbours = Math.abs(j - partner) === 1 && bestOld[partner] === i;
    if (!linkable(i, j, neighbours)) return;
    const novel = novelShare(model.newBags[j], model.oldBags[i], model.newBags[partner]);
    if (novel >= opts.linkNovelty) link(i, j);
  });

  if (opts.paragraphLinks) {
    for (const [i, j] of paragraphLinks(previous, next, targets, sources, opts)) link(i, j);
  }

  // Merges and splits, sentence by sentence: an old sentence whose content reappears in a new
  // article its own article is not linked to — content that new article's own source does not
  // already account for, and clearly more of it than in the article's current targets — links
  // the two. Each sentence goes to the one new article that carries most of it.
  const sentences = previous.flatMap((article, i) =>
    sentenceTexts(article.text, opts.minSentenceLength).map((chars) => ({
      i,
      bag: ngrams(chars, opts.gramSizes),
    })),
  );
  // The overlap of a sentence with every new article comes from an inverted index; the share
  // a new article carries beyond its own source is at most that overlap, so the exact shares
  // are computed in decreasing order of overlap until none can beat the best one found.
  const postings = new Map<string, { j: number; count: number }[]>();
  model.newBags.forEach((newBag, j) => {
    for (const [gram, count] of newBag) {
      if ((model.idf.get(gram) ?? 0) <= 0) continue;
      const list = postings.get(gram);
      if (list) list.push({ j, count });
      else postings.set(gram, [{ j, count }]);
    }
  });
  for (const { i, bag } of sentences) {
    const sentenceMass = mass(bag, model.idf);
    if (sentenceMass === 0) continue;
    const carried = (j: number) => {
      const own = primary.get(j);
      const explained = own === undefined || own === i ? null : model.oldBags[own];
      return residualOverlap(bag, model.newBags[j], explained, model.idf) / sentenceMass;
    };
    const overlapWith = new Map<number, number>();
    for (const [gram, count] of bag) {
      const weight = model.idf.get(gram) ?? 0;
      for (const p of postings.get(gram) ?? []) {
        overlapWith.set(p.j, (overlapWith.get(p.j) ?? 0) + Math.min(count, p.count) * weight);
      }
    }
    const byOverlap = [...overlapWith].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    let j = -1;
    let share = 0;
    for (const [candidate, bound] of byOverlap) {
      if (bound / sentenceMass < share) break;
      const value = carried(candidate);
      if (value > share || (value === share && j >= 0 && candidate < j)) {
        j = candidate;
        share = value;
      }
    }
    if (j < 0 || targets[i].has(j)) continue;
    const present = Math.max(
      0,
      ...[...targets[i]].map(
        (t) => residualOverlap(bag, model.newBags[t], null, model.idf) / sentenceMass,
      ),
    );
    if (share >= opts.sentenceContainment && share - present >= opts.sentenceMargin) link(i, j);
  }

  const changes: { change: ArticleChange; position: number }[] = [];
  next.forEach((article, j) => {
    const from = [...sources[j]];
    const title = article.title ?? null;
    if (from.length === 0) {
      changes.push({
        change: { kind: 'added', to: article.number, title, sources: [], similarity: 0 },
        position: j,
      });
      return;
    }
    const main =
      primary.get(j) ?? from.reduce((best, i) => (oldInNew(i, j) > oldInNew(best, j) ? i : best));
    const similarity =
      from.length === 1
        ? dice(from[0], j)
        : combinedDice(
            from.map((i) => oldBags[i]),
            newBags[j],
            idf,
          );
    let kind: ArticleChangeKind;
    if (from.length > 1) kind = 'merged';
    else if (targets[main].size > 1) kind = 'split';
    else if (sameWords(previous[main], article))
      kind = previous[main].number === article.number ? 'unchanged' : 'renumbered';
    else kind = 'changed';
    changes.push({
      change: {
        kind,
        from: previous[main].number,
        to: article.number,
        title,
        sources: from.map((i) => previous[i].number).sort((a, b) => a - b),
        similarity: round(similarity),
      },
      position: j,
    });
  });
  // A removed article goes right after the new position of the nearest preceding old article
  // that has one (or first, when none has).
  let anchor = -1;
  previous.forEach((article, i) => {
    if (targets[i].size > 0) {
      anchor = Math.max(...targets[i]);
      return;
    }
    changes.push({
      change: {
        kind: 'removed',
        from: article.number,
        title: article.title ?? null,
        sources: [article.number],
        similarity: 0,
      },
      position: anchor + 0.5,
    });
  });
  // Array.prototype.sort is stable: removed articles sharing an anchor keep their old order.
  return changes.sort((a, b) => a.position - b.position).map((c) => c.change);
}

/** Letters and digits of an article's title and text, as compared. */
function comparableChars(article: ComparableArticle): string[] {
  return [...normalizeForComparison(`${article.title ?? ''}${article.text}`).replace(NOT_WORD, '')];
}

/** Character n-grams of `lo` to `hi` characters, with their counts. */
function ngrams(chars: readonly string[], [lo, hi]: readonly [number, number]): Bag {
  const bag: Bag = new Map();
  const shortest = Math.max(1, lo);
  const longest = Math.max(shortest, hi);
  for (let k = 0; k < chars.length; k++) {
    let gram = '';
    for (let n = 1; n <= longest && k + n <= chars.length; n++) {
      gram += chars[k + n - 1];
      if (n >= shortest) bag.set(gram, (bag.get(gram) ?? 0) + 1);
    }
  }
  return bag;
}

interface NgramModel {
  oldBags: Bag[];
  newBags: Bag[];
  /**
   * `log((N + 1) / df)` over the N articles of both versions: close to 0 for a gram every
   * article has, yet positive, so that two one-article versions still compare.
   */
  idf: Map<string, number>;
  /** cosine[i][j]: cosine of the TF-IDF vectors (sublinear term frequency) of i and j. */
  cosine: Float64Array[];
}

export function ngramModel(
  previous: readonly ComparableArticle[],
  next: readonly ComparableArticle[],
  sizes: readonly [number, number],
): NgramModel {
  const bags = [...previous, ...next].map((article) => ngrams(comparableChars(article), sizes));
  const df = new Map<string, number>();
  for (const bag of bags) for (const gram of bag.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [gram, count] of df) idf.set(gram, Math.log((bags.length + 1) / count));
  const vectors = bags.map((bag) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [gram, count] of bag) {
      const weight = (1 + Math.log(count)) * (idf.get(gram) ?? 0);
      if (weight <= 0) continue;
      vector.set(gram, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    for (const [gram, weight] of vector) vector.set(gram, weight / norm);
    return vector;
  });
  // A gram of a single article cannot be shared: it only counts in its article's norm.
  const postings = new Map<string, { j: number; weight: number }[]>();
  vectors.slice(previous.length).forEach((vector, j) => {
    for (const [gram, weight] of vector) {
      if (df.get(gram) === 1) continue;
      const list = postings.get(gram);
      if (list) list.push({ j, weight });
      else postings.set(gram, [{ j, weight }]);
    }
  });
  const cosine = vectors.slice(0, previous.length).map((vector) => {
    const row = new Float64Array(next.length);
    for (const [gram, weight] of vector) {
      for (const posting of postings.get(gram) ?? []) row[posting.j] += weight * posting.weight;
    }
    return row;
  });
  return {
    oldBags: bags.slice(0, previous.length),
    newBags: bags.slice(previous.length),
    idf,
    cosine,
  };
}

/**
 * similarity[i][j]: the highest cosine between a paragraph (line) of old article i and one of
 * new article j, TF-IDF taken over the paragraphs of both versions.
 */
function paragraphSimilarity(
  previous: readonly ComparableArticle[],
  next: readonly ComparableArticle[],
  sizes: readonly [number, number],
): Float64Array[] {
  const units = (articles: readonly ComparableArticle[]) =>
    articles.flatMap((article, index) =>
      article.text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((text) => ({ index, number: 0, text })),
    );
  const oldUnits = units(previous);
  const newUnits = units(next);
  const { cosine } = ngramModel(oldUnits, newUnits, sizes);
  const best = previous.map(() => new Float64Array(next.length));
  oldUnits.forEach((u, x) => {
    const row = cosine[x];
    newUnits.forEach((v, y) => {
      if (row[y] > best[u.index][v.index]) best[u.index][v.index] = row[y];
    });
  });
  return best;
}

/** The paragraphs (款) of an article: its non-empty lines, each item line joined to its lead-in. */
export function articleParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (paragraphs.length > 0 && ITEM_MARK.test(normalizeForComparison(line))) {
      paragraphs[paragraphs.length - 1] += `\n${line}`;
    } else {
      paragraphs.push(line);
    }
  }
  return paragraphs;
}

/**
 * Links between articles that one of their paragraphs (款) establishes where the articles as
 * wholes were paired elsewhere. A revision often lifts one paragraph out of an article into an
 * article of its own (or folds a deleted article into a paragraph of another): the article's
 * partner then carries the other paragraphs, and the lifted paragraph is matched, paragraph to
 * paragraph, by an article that otherwise has no counterpart. Required, to stay clear of two
 * paragraphs that merely share the common vocabulary of the text:
 * - the two paragraphs are each other's most exceptional counterpart among all the paragraphs of
 *   both versions, with the contrast of an anchor (`anchorContrast`);
 * - the article on the far side has no counterpart at all yet (an otherwise unexplained new or
 *   removed article);
 * - the paragraph is not carried by the partners of its own article: its contrast with each of
 *   their paragraphs is not above the average (z ≤ 0), so the link adds a provision rather than
 *   duplicating one.
 */
function paragraphLinks(
  previous: readonly ComparableArticle[],
  next: readonly ComparableArticle[],
  targets: readonly ReadonlySet<number>[],
  sources: readonly ReadonlySet<number>[],
  opts: Pick<Required<AlignArticlesOptions>, 'gramSizes' | 'anchorContrast'>,
): [number, number][] {
  const units = (articles: readonly ComparableArticle[]) =>
    articles.flatMap((article, index) =>
      articleParagraphs(article.text).map((text) => ({ index, number: 0, text })),
    );
  const oldUnits = units(previous);
  const newUnits = units(next);
  if (oldUnits.length === 0 || newUnits.length === 0) return [];
  const contrast = contrastMatrix(ngramModel(oldUnits, newUnits, opts.gramSizes).cosine);
  const bestNew = oldUnits.map((_, x) => argmax(newUnits.length, (y) => contrast[x][y]));
  const bestOld = newUnits.map((_, y) => argmax(oldUnits.length, (x) => contrast[x][y]));
  const links: [number, number][] = [];
  oldUnits.forEach((unit, x) => {
    const y = bestNew[x];
    if (y < 0 || bestOld[y] !== x || contrast[x][y] < opts.anchorContrast) return;
    const i = unit.index;
    const j = newUnits[y].index;
    if (targets[i].has(j)) return;
    // Split: old article i is paired, new article j has no source, and i's partners do not
    // carry this paragraph.
    if (targets[i].size > 0 && sources[j].size === 0) {
      const carried = newUnits.some(
        (other, z) => targets[i].has(other.index) && contrast[x][z] > 0,
      );
      if (!carried) links.push([i, j]);
    }
    // Merge: new article j is paired, old article i has no target, and j's sources do not carry
    // this paragraph of j.
    if (sources[j].size > 0 && targets[i].size === 0) {
      const carried = oldUnits.some(
        (other, z) => sources[j].has(other.index) && contrast[z][y] > 0,
      );
      if (!carried) links.push([i, j]);
    }
  });
  return links;
}

/**
 * contrast[i][j]: mean of the z-scores of similarity[i][j] within row i and within column j.
 * A row or column with a single entry, or with no spread, contributes 0.
 */
export function contrastMatrix(similarity: readonly Float64Array[]): Float64Array[] {
  const rows = similarity.length;
  const cols = rows === 0 ? 0 : similarity[0].length;
  const stats = (values: readonly number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const spread = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    return { mean, spread };
  };
  const rowStats = similarity.map((row) => stats([...row]));
  const colStats = Array.from({ length: cols }, (_, j) => stats(similarity.map((row) => row[j])));
  const z = (value: number, { mean, spread }: { mean: number; spread: number }) =>
    spread > 1e-9 ? (value - mean) / spread : 0;
  return similarity.map((row, i) =>
    row.map((value, j) => (z(value, rowStats[i]) + z(value, colStats[j])) / 2),
  );
}

const pairKey = (i: number, j: number) => `${i}:${j}`;

/**
 * The pairs that are each other's most exceptional counterpart (highest contrast) once the
 * anchored articles of both versions are set aside, with at least the evidence of a mutual pair
 * (`mutualSimilarity`, `mutualContrast`). One round only: the anchors are confident, the pairs
 * found here are not, so they do not in turn set aside further articles.
 */
export function residualMutualPairs(
  contrast: readonly Float64Array[],
  cosine: readonly Float64Array[],
  anchors: readonly [number, number][],
  opts: Pick<Required<AlignArticlesOptions>, 'mutualSimilarity' | 'mutualContrast'>,
): Set<string> {
  const rows = contrast.length;
  const cols = rows === 0 ? 0 : contrast[0].length;
  const takenOld = new Set(anchors.map(([i]) => i));
  const takenNew = new Set(anchors.map(([, j]) => j));
  const freeBestOld = Array.from({ length: cols }, (_, j) =>
    argmax(rows, (i) => (takenOld.has(i) ? -Infinity : contrast[i][j])),
  );
  const pairs = new Set<string>();
  for (let i = 0; i < rows; i++) {
    if (takenOld.has(i)) continue;
    const j = argmax(cols, (col) => (takenNew.has(col) ? -Infinity : contrast[i][col]));
    if (j < 0 || takenNew.has(j) || freeBestOld[j] !== i) continue;
    if (cosine[i][j] >= opts.mutualSimilarity && contrast[i][j] >= opts.mutualContrast) {
      pairs.add(pairKey(i, j));
    }
  }
  return pairs;
}

/**
 * Whether the anchors around old article i place its counterpart at new article j: j lies in the
 * gap of unanchored new articles between the counterpart of the nearest anchor before i and that
 * of the nearest anchor after i (the start or end of the text when there is none). Revisions move
 * provisions in blocks (an article or chapter inserted, a chapter moved), so an article's
 * counterpart lies between its neighbours' counterparts even when the text as a whole is
 * reordered; where the two neighbours' counterparts are not in order, there is no such gap.
 * An anchor's own article lies in no gap: it has its counterpart.
 */
function anchorGaps(
  anchors: readonly [number, number][],
  rows: number,
  cols: number,
): (i: number, j: number) => boolean {
  const own = Array<number>(rows).fill(-1);
  const anchoredNew = Array<boolean>(cols).fill(false);
  for (const [i, j] of anchors) {
    own[i] = j;
    anchoredNew[j] = true;
  }
  // The anchored new article before / after each new article (-1 / cols for none).
  const newBefore = Array<number>(cols).fill(-1);
  const newAfter = Array<number>(cols).fill(cols);
  for (let j = 0, last = -1; j < cols; j++) {
    newBefore[j] = last;
    if (anchoredNew[j]) last = j;
  }
  for (let j = cols - 1, first = cols; j >= 0; j--) {
    newAfter[j] = first;
    if (anchoredNew[j]) first = j;
  }
  // The counterpart of the nearest anchor before / after each old article (-1 / cols for none).
  const oldBefore = Array<number>(rows).fill(-1);
  const oldAfter = Array<number>(rows).fill(cols);
  for (let i = 0, last = -1; i < rows; i++) {
    oldBefore[i] = last;
    if (own[i] >= 0) last = own[i];
  }
  for (let i = rows - 1, first = cols; i >= 0; i--) {
    oldAfter[i] = first;
    if (own[i] >= 0) first = own[i];
  }
  return (i, j) =>
    own[i] < 0 && !anchoredNew[j] && oldBefore[i] === newBefore[j] && oldAfter[i] === newAfter[j];
}

type Bag = Map<string, number>;

/** Letters and digits only: punctuation says nothing about which provision a text carries. */
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
/** An item number opening a sentence (（一）, 1., 一、), after normalisation: not content. */
const ITEM_MARK = /^\s*(?:\([一二三四五六七八九十百\d]+\)|[一二三四五六七八九十百\d]+[、.])/u;

function articleBigrams(article: ComparableArticle): Bag {
  const chars = comparableChars(article);
  const bag: Bag = new Map();
  if (chars.length === 1) bag.set(chars[0], 1);
  for (let k = 0; k + 1 < chars.length; k++) {
    const gram = chars[k] + chars[k + 1];
    bag.set(gram, (bag.get(gram) ?? 0) + 1);
  }
  return bag;
}

/** Sentences (split at 。；！？ and line ends) of at least `minLength` letters and digits. */
function sentenceTexts(text: string, minLength: number): string[][] {
  return text
    .split(/(?<=[。；;！!？?])|\n/u)
    .map((sentence) => [
      ...normalizeForComparison(sentence).replace(ITEM_MARK, '').replace(NOT_WORD, ''),
    ])
    .filter((chars) => chars.length >= Math.max(2, minLength));
}

/**
 * Weighted overlap of `part` with `whole`, counting only the occurrences of `whole` that
 * `explained` (when given) does not already contain.
 */
function residualOverlap(
  part: Bag,
  whole: Bag,
  explained: Bag | null,
  idf: Map<string, number>,
): number {
  let shared = 0;
  for (const [gram, count] of part) {
    const available = (whole.get(gram) ?? 0) - (explained?.get(gram) ?? 0);
    if (available > 0) shared += Math.min(count, available) * (idf.get(gram) ?? 0);
  }
  return shared;
}

function inverseDocumentFrequency(bags: readonly Bag[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const bag of bags) for (const gram of bag.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  const idf = new Map<string, number>();
  // Smoothed, always positive: a bigram found in every article still counts a little.
  for (const [gram, count] of df) idf.set(gram, Math.log(1 + bags.length / count));
  return idf;
}

function mass(bag: Bag, idf: Map<string, number>): number {
  let total = 0;
  for (const [gram, count] of bag) total += count * (idf.get(gram) ?? 0);
  return total;
}

/** overlap[i][j] = Σ over shared bigrams of min(count) × idf, through an inverted index. */
function overlapMatrix(
  oldBags: readonly Bag[],
  newBags: readonly Bag[],
  idf: Map<string, number>,
): Float64Array[] {
  const postings = new Map<string, { j: number; count: number }[]>();
  newBags.forEach((bag, j) => {
    for (const [gram, count] of bag) {
      const list = postings.get(gram);
      if (list) list.push({ j, count });
      else postings.set(gram, [{ j, count }]);
    }
  });
  return oldBags.map((bag) => {
    const row = new Float64Array(newBags.length);
    for (const [gram, count] of bag) {
      const weight = idf.get(gram) ?? 0;
      for (const posting of postings.get(gram) ?? []) {
        row[posting.j] += Math.min(count, posting.count) * weight;
      }
    }
    return row;
  });
}

function combinedDice(parts: readonly Bag[], bag: Bag, idf: Map<string, number>): number {
  const union: Bag = new Map();
  for (const part of parts) for (const [g, c] of part) union.set(g, (union.get(g) ?? 0) + c);
  let shared = 0;
  for (const [gram, count] of bag) {
    shared += Math.min(count, union.get(gram) ?? 0) * (idf.get(gram) ?? 0);
  }
  const total = mass(union, idf) + mass(bag, idf);
  return total === 0 ? 0 : (2 * shared) / total;
}

function sameWords(a: ComparableArticle, b: ComparableArticle): boolean {
  return normalizeForComparison(a.text) === normalizeForComparison(b.text);
}

function argmax(length: number, score: (index: number) => number): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let k = 0; k < length; k++) {
    const s = score(k);
    if (s > bestScore) {
      best = k;
      bestScore = s;
    }
  }
  return best;
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
