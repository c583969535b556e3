import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { belowFloors, evaluateCorpus, formatReport, olderVersion } from './corpus-eval';

const OLD = `甲乙条例
第一条 县级以上人民政府应当做好甲工作。
第二条 企业可以开展乙活动。
`;
const NEW = `甲乙条例
第一条 为了做好甲乙工作，制定本条例。
第二条 县级以上人民政府应当做好甲工作。
第三条 企业可以开展乙活动，并报告有关部门。
`;
const HEADER = 'key\tkind\tactor\tlevels\tmodality\tdepts\ttracked\tnote';

describe('evaluateCorpus (synthetic corpus in a temporary folder)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'corpus-eval-'));
    await Promise.all(['corpus', 'labels', 'alignment'].map((d) => mkdir(join(dir, d))));
    await writeFile(join(dir, 'corpus', 'jiayi-2020.txt'), OLD);
    await writeFile(join(dir, 'corpus', 'jiayi-2024.txt'), NEW);
    await writeFile(
      join(dir, 'labels', 'jiayi-2024.tsv'),
      [
        HEADER,
        '1.1\tpurpose\t-\t-\t-\t-\t0',
        '2.1\timplementation\tgovernment\tprovince,prefecture,county\tmandatory\t-\t1',
        '3.1\timplementation\tenterprise\t-\tdiscretionary\t-\t0',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'alignment', 'jiayi-2024.tsv'),
      'new\told\tkind\tnote\n1\t-\tadded\t\n2\t1\trenumbered\t\n3\t2\tchanged\t\n',
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('scores extraction per field and alignment per pair, and prints both tables', async () => {
    const report = await evaluateCorpus(
      join(dir, 'corpus'),
      join(dir, 'labels'),
      join(dir, 'alignment'),
    );
    expect(report.texts.map((t) => [t.name, t.paragraphs])).toEqual([['jiayi-2024', 3]]);
    expect(report.total.tracked).toMatchObject({ precision: 1, recall: 1 });
    expect(report.total.kind).toMatchObject({ precision: 1, recall: 1 });
    expect(report.pairs).toHaveLength(1);
    expect(report.pairs[0]).toMatchObject({ name: 'jiayi-2024', old: 'jiayi-2020' });
    expect(report.pairs[0].score.sourceAccuracy).toBe(1);
    const table = formatReport(report);
    expect(table).toContain('| jiayi-2024 |');
    expect(table).toContain('jiayi-2020 → jiayi-2024');
    expect(belowFloors(report, { tracked: 0.95, alignment: 0.95 })).toEqual([]);
    expect(belowFloors(report, { alignment: 1.01 })).toHaveLength(1);
  });

  it('refuses a label file without its text', async () => {
    await expect(
      evaluateCorpus(join(dir, 'alignment'), join(dir, 'labels'), join(dir, 'alignment')),
    ).rejects.toThrow(/no text jiayi-2024\.txt/);
  });
});

describe('olderVersion', () => {
  it('finds the latest earlier year of the same name', () => {
    const files = ['a-2010.txt', 'a-2015.txt', 'a-2024.txt', 'b-2012.txt'];
    expect(olderVersion(files, 'a-2024')).toBe('a-2015');
    expect(olderVersion(files, 'a-2010')).toBeUndefined();
    expect(olderVersion(files, 'b')).toBeUndefined();
  });
});
