import type { ArticleChange, ArticleChangeKind } from './align-articles';

/**
 * One line of an alignment label file (`libs/regulation/eval/alignment/<new-text>.tsv`,
 * header `new	old	kind	note`): what a reviewer says became of a new article, or of a
 * removed old one.
 */
export interface AlignmentLabel {
  /** Article number in the new text; `null` for a removed old article (`-`). */
  new: number | null;
  /** Source article numbers in the old text, ascending; `[]` for `added` (`-`). */
  old: number[];
  kind: ArticleChangeKind;
  note: string;
  /** 1-based line in the label file, for error messages. */
  line: number;
}

const KINDS: readonly ArticleChangeKind[] = [
  'unchanged',
  'renumbered',
  'changed',
  'merged',
  'split',
  'added',
  'removed',
];

/** Thrown for a malformed label file; the message names the line. */
export class AlignmentLabelError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`第 ${line} 行：${message}`);
    this.name = 'AlignmentLabelError';
  }
}

/**
 * Parse an alignment label file. Blank lines are skipped; the header line is required. Checks
 * that every row is consistent in itself (`added` has no source, `removed` has no new number,
 * `merged` has two or more sources, the others exactly one) and that no new article appears
 * twice.
 */
export function parseAlignmentLabels(tsv: string): AlignmentLabel[] {
  const lines = tsv.split(/\r\n|\r|\n/u);
  const header = lines[0]?.replace(/^\ufeff/u, '').split('\t');
  if (!header || header[0] !== 'new' || header[1] !== 'old' || header[2] !== 'kind') {
    throw new AlignmentLabelError('表头应为 new、old、kind、note', 1);
  }
  const labels: AlignmentLabel[] = [];
  const seen = new Set<number>();
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    if (raw.trim() === '') return;
    const [newField = '', oldField = '', kindField = '', note = ''] = raw.split('\t');
    const kind = kindField.trim() as ArticleChangeKind;
    if (!KINDS.includes(kind)) throw new AlignmentLabelError(`未知的 kind「${kindField}」`, line);
    const newNumber = newField.trim() === '-' ? null : parseNumber(newField, line);
    const old =
      oldField.trim() === '-'
        ? []
        : oldField
            .split(',')
            .map((part) => parseNumber(part, line))
            .sort((a, b) => a - b);
    const expected = kind === 'added' ? 'none' : kind === 'merged' ? 'several' : 'one';
    const count = old.length === 0 ? 'none' : old.length === 1 ? 'one' : 'several';
    if (count !== expected) {
      throw new AlignmentLabelError(`kind 为 ${kind} 时来源条数不对（${old.length}）`, line);
    }
    if ((kind === 'removed') !== (newNumber === null)) {
      throw new AlignmentLabelError('只有 removed 的 new 列为 -', line);
    }
    if (newNumber !== null) {
      if (seen.has(newNumber)) throw new AlignmentLabelError(`新条文 ${newNumber} 重复`, line);
      seen.add(newNumber);
    }
    labels.push({ new: newNumber, old, kind, note: note.trim(), line });
  });
  return labels;
}

function parseNumber(field: string, line: number): number {
  const value = Number(field.trim());
  if (!Number.isInteger(value) || value <= 0) {
    throw new AlignmentLabelError(`条号「${field}」不是正整数`, line);
  }
  return value;
}

export interface AlignmentMismatch {
  /** New article number, or `null` for a removed old article. */
  new: number | null;
  /** For a removed article: its old number. */
  old?: number;
  expectedSources: number[];
  /** `null` when the alignment has no change for this article at all. */
  actualSources: number[] | null;
  expectedKind: ArticleChangeKind;
  actualKind: ArticleChangeKind | null;
  sourcesCorrect: boolean;
  kindCorrect: boolean;
}

export interface AlignmentScore {
  /** Number of labelled new articles. */
  articles: number;
  /** New articles whose source set equals the label's (`added` = empty set). */
  sourcesCorrect: number;
  /** sourcesCorrect / articles (1 when there is nothing to score). */
  sourceAccuracy: number;
  kindCorrect: number;
  kindAccuracy: number;
  /** Old articles labelled removed, and how many the alignment also left without a target. */
  removed: { labelled: number; found: number; extra: number[] };
  /** Every labelled article (new or removed) where sources or kind differ, in label order. */
  mismatches: AlignmentMismatch[];
}

/** The old articles a change says a new article carries. */
export function sourcesOf(change: ArticleChange): number[] {
  if (change.sources) return [...change.sources].sort((a, b) => a - b);
  return change.from === undefined ? [] : [change.from];
}

/**
 * Compare an alignment with labels. Accuracy is over the new articles: the share whose mapped
 * source set equals the labelled one, and the share whose kind equals the labelled one. Removed
 * articles are reported separately (`removed`) and appear in `mismatches` when missed.
 */
export function scoreAlignment(
  changes: readonly ArticleChange[],
  labels: readonly AlignmentLabel[],
): AlignmentScore {
  const byNew = new Map<number, ArticleChange>();
  const removedOld = new Set<number>();
  for (const change of changes) {
    if (change.to !== undefined) byNew.set(change.to, change);
    else if (change.kind === 'removed' && change.from !== undefined) removedOld.add(change.from);
  }
  const mismatches: AlignmentMismatch[] = [];
  let articles = 0;
  let sourcesCorrect = 0;
  let kindCorrect = 0;
  let removedLabelled = 0;
  let removedFound = 0;
  const labelledRemoved = new Set<number>();
  for (const label of labels) {
    if (label.new === null) {
      removedLabelled++;
      const old = label.old[0];
      labelledRemoved.add(old);
      if (removedOld.has(old)) {
        removedFound++;
        continue;
      }
      const actual = changes.filter((c) => c.to !== undefined && sourcesOf(c).includes(old));
      mismatches.push({
        new: null,
        old,
        expectedSources: label.old,
        actualSources: actual.length ? [old] : null,
        expectedKind: 'removed',
        actualKind: actual[0]?.kind ?? null,
        sourcesCorrect: false,
        kindCorrect: false,
      });
      continue;
    }
    articles++;
    const change = byNew.get(label.new);
    const actualSources = change ? sourcesOf(change) : null;
    const sourcesOk = actualSources !== null && sameSet(actualSources, label.old);
    const kindOk = change?.kind === label.kind;
    if (sourcesOk) sourcesCorrect++;
    if (kindOk) kindCorrect++;
    if (!sourcesOk || !kindOk) {
      mismatches.push({
        new: label.new,
        expectedSources: label.old,
        actualSources,
        expectedKind: label.kind,
        actualKind: change?.kind ?? null,
        sourcesCorrect: sourcesOk,
        kindCorrect: kindOk,
      });
    }
  }
  const extra = [...removedOld].filter((old) => !labelledRemoved.has(old)).sort((a, b) => a - b);
  return {
    articles,
    sourcesCorrect,
    sourceAccuracy: articles === 0 ? 1 : sourcesCorrect / articles,
    kindCorrect,
    kindAccuracy: articles === 0 ? 1 : kindCorrect / articles,
    removed: { labelled: removedLabelled, found: removedFound, extra },
    mismatches,
  };
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}
