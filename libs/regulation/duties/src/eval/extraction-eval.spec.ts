import { LabelFormatError, parseLabels, predictParagraphs, scoreText, totalScore } from '../index';
import { extractArticleDuties } from '../index';

const HEADER = 'key\tkind\tactor\tlevels\tmodality\tdepts\ttracked\tnote';

describe('label files', () => {
  it('parse sets, empty sets and the tracked flag', () => {
    const [row] = parseLabels(
      `${HEADER}\n1.1\timplementation,enforcement\tdepartment\tprovince,county\tmandatory\tmarket_regulation\t1\tnote`,
    );
    expect(row.key).toBe('1.1');
    expect([...row.kind]).toEqual(['implementation', 'enforcement']);
    expect([...row.levels]).toEqual(['province', 'county']);
    expect(row.tracked).toBe(true);
    const [empty] = parseLabels(`${HEADER}\n2.1\tpurpose\t-\t-\t-\t-\t0\t`);
    expect(empty.actor.size).toBe(0);
  });

  it.each([
    ['a wrong header', 'key\tkinds\n', 1],
    ['a bad key', `${HEADER}\n1\timplementation\t-\t-\t-\t-\t0`, 2],
    ['a duplicate key', `${HEADER}\n1.1\tother\t-\t-\t-\t-\t0\n1.1\tother\t-\t-\t-\t-\t0`, 3],
    ['a bad tracked flag', `${HEADER}\n1.1\tother\t-\t-\t-\t-\tyes`, 2],
  ])('refuse %s, naming the line', (_name, tsv, line) => {
    expect(() => parseLabels(tsv)).toThrow(LabelFormatError);
    try {
      parseLabels(tsv);
    } catch (error) {
      expect((error as LabelFormatError).line).toBe(line);
    }
  });
});

describe('scoring against labels', () => {
  const article = {
    number: 1,
    paragraphs: [
      { number: 1, text: '县级以上人民政府应当做好甲工作。', items: [] },
      { number: 2, text: '企业可以开展乙活动。', items: [] },
    ],
  };
  const predictions = predictParagraphs([{ ...article, duties: extractArticleDuties(article) }]);

  it('folds statements into one prediction per paragraph', () => {
    expect(predictions.map((p) => [p.key, [...p.actor], p.tracked])).toEqual([
      ['1.1', ['government'], true],
      ['1.2', ['enterprise'], false],
    ]);
  });

  it('counts true and false positives per (paragraph, value) and names each mismatch', () => {
    const labels = parseLabels(
      [
        HEADER,
        '1.1\timplementation\tgovernment\tprovince,prefecture\tmandatory\t-\t1',
        '1.2\timplementation\tpublic\t-\tdiscretionary\t-\t0',
      ].join('\n'),
    );
    const score = scoreText(labels, predictions);
    expect(score.fields.levels).toMatchObject({ tp: 2, fp: 1, fn: 0 });
    expect(score.fields.actor).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
    expect(score.fields.tracked).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1 });
    expect(score.mismatches.map((m) => [m.key, m.field])).toEqual([
      ['1.1', 'levels'],
      ['1.2', 'actor'],
    ]);
    expect(totalScore([score, score]).actor).toMatchObject({ tp: 2, fp: 2, fn: 2 });
  });

  it('reports label keys with no paragraph, and paragraphs without labels', () => {
    const score = scoreText(
      parseLabels(
        `${HEADER}\n1.1\timplementation\tgovernment\t-\tmandatory\t-\t1\n9.1\tother\t-\t-\t-\t-\t0`,
      ),
      predictions,
    );
    expect(score.missingKeys).toEqual(['9.1']);
    expect(score.unlabelledKeys).toEqual(['1.2']);
  });
});
