import { ManifestFormatError } from './manifest';
import { parseProblemsCsv, problemsCsv, PROBLEMS_COLUMNS } from './problems';

const sha = 'd'.repeat(64);

describe('problems.csv', () => {
  it('is written with a Chinese header and Chinese problem names, and reads back', () => {
    const rows = [
      {
        path: 'a.pdf',
        sha256: sha,
        size: 5,
        problem: 'missing' as const,
        detail: '存储中无此文件',
      },
      { path: 'b.pdf', sha256: sha, size: 7, problem: 'corrupt' as const, detail: '哈希不符' },
    ];
    const csv = problemsCsv(rows);
    const text = csv.toString('utf8');
    expect(text.slice(1).split('\r\n')[0]).toBe(PROBLEMS_COLUMNS.join(','));
    expect(text).toContain('存储文件缺失');
    expect(text).toContain('存储文件损坏');
    expect(text).not.toMatch(/,missing,|,corrupt,/);
    expect(parseProblemsCsv(csv)).toEqual(rows);
  });

  it('reads the English problems.csv of older packs', () => {
    const legacy = Buffer.from(
      `\uFEFFpath,sha256,size,problem,detail\r\na.pdf,${sha},5,corrupt,hash mismatch\r\n`,
    );
    expect(parseProblemsCsv(legacy)).toEqual([
      { path: 'a.pdf', sha256: sha, size: 5, problem: 'corrupt', detail: 'hash mismatch' },
    ]);
  });

  it('refuses an unknown problem', () => {
    const bad = Buffer.from(`${PROBLEMS_COLUMNS.join(',')}\r\na.pdf,${sha},5,丢了,x\r\n`);
    expect(() => parseProblemsCsv(bad)).toThrow(ManifestFormatError);
  });
});
