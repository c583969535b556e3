import type { ArticleChange } from './align-articles';
import { AlignmentLabelError, parseAlignmentLabels, scoreAlignment } from './alignment-eval';

const tsv = [
  'new\told\tkind\tnote',
  '1\t1\tunchanged\t',
  '2\t3,2\tmerged\ttwo duties in one',
  '3\t-\tadded\t',
  '4\t4\tsplit\t',
  '5\t4\tsplit\t',
  '-\t5\tremoved\tobsolete',
  '',
].join('\n');

describe('parseAlignmentLabels', () => {
  it('reads rows, sorts sources and keeps notes', () => {
    const labels = parseAlignmentLabels(tsv);
    expect(labels).toHaveLength(6);
    expect(labels[1]).toEqual({
      new: 2,
      old: [2, 3],
      kind: 'merged',
      note: 'two duties in one',
      line: 3,
    });
    expect(labels[2].old).toEqual([]);
    expect(labels[5]).toMatchObject({ new: null, old: [5], kind: 'removed' });
  });

  it.each([
    ['a missing header', '1\t1\tchanged\t', 1],
    ['an unknown kind', 'new\told\tkind\tnote\n1\t1\tmoved\t', 2],
    ['added with a source', 'new\told\tkind\tnote\n1\t1\tadded\t', 2],
    ['merged with one source', 'new\told\tkind\tnote\n1\t1\tmerged\t', 2],
    ['several sources but not merged', 'new\told\tkind\tnote\n1\t1,2\tchanged\t', 2],
    ['a removed row with a new number', 'new\told\tkind\tnote\n1\t1\tremoved\t', 2],
    ['a new article twice', 'new\told\tkind\tnote\n1\t1\tchanged\t\n1\t2\tchanged\t', 3],
    ['a non-numeric article', 'new\told\tkind\tnote\nx\t1\tchanged\t', 2],
  ])('rejects %s, naming the line', (_, text, line) => {
    expect(() => parseAlignmentLabels(text)).toThrow(AlignmentLabelError);
    try {
      parseAlignmentLabels(text);
    } catch (error) {
      expect((error as AlignmentLabelError).line).toBe(line);
    }
  });
});

describe('scoreAlignment', () => {
  const labels = parseAlignmentLabels(tsv);

  it('scores source sets and kinds over the new articles and lists the misses', () => {
    const changes: ArticleChange[] = [
      { kind: 'unchanged', from: 1, to: 1, sources: [1] },
      // Right sources, wrong kind would not happen here; only one of two sources found:
      { kind: 'changed', from: 3, to: 2, sources: [3] },
      { kind: 'removed', from: 2 },
      { kind: 'added', to: 3, sources: [] },
      { kind: 'split', from: 4, to: 4, sources: [4] },
      // Legacy shape without `sources`: `from` is the source set.
      { kind: 'changed', from: 4, to: 5 },
      { kind: 'removed', from: 5 },
    ];
    const score = scoreAlignment(changes, labels);
    expect(score).toMatchObject({
      articles: 5,
      sourcesCorrect: 4,
      sourceAccuracy: 0.8,
      kindCorrect: 3,
      kindAccuracy: 0.6,
      removed: { labelled: 1, found: 1, extra: [2] },
    });
    expect(score.mismatches.map((m) => [m.new, m.actualKind, m.sourcesCorrect])).toEqual([
      [2, 'changed', false],
      [5, 'changed', true],
    ]);
  });

  it('counts a labelled article missing from the alignment as wrong', () => {
    const score = scoreAlignment([], labels);
    expect(score.sourcesCorrect).toBe(0);
    expect(score.mismatches[0]).toMatchObject({ new: 1, actualSources: null, actualKind: null });
  });
});
