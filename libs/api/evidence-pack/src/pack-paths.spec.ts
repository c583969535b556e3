import { PackPathRegistry, packPathProblem, packSegment, uniquePackPaths } from './pack-paths';

const codePoints = (text: string): number => Array.from(text).length;
const isWellFormed = (text: string): boolean => !/\p{Cs}/u.test(text);

describe('packSegment', () => {
  it.each([
    ['恩施州', '恩施州'],
    ['任务名 第12条', '任务名 第12条'],
    ['../', '_'],
    ['..', '_'],
    ['.', '_'],
    ['', '_'],
    ['   ', '_'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a_b_c_d_e_f_g_h_i_j'],
    ['a\u0000b\u0007c\u007fd\u0085e', 'abcd e'],
    ['报告\u202Efdp.exe', '报告fdp.exe'],
    ['zero\u200Bwidth\uFEFF', 'zerowidth'],
    ['tab\there\r\nnew  line', 'tab here new line'],
    ['  ..通知.pdf.. ', '通知.pdf'],
    ['e\u0301cole', '\u00e9cole'],
    ['CON', '_CON'],
    ['con.pdf', '_con.pdf'],
    ['lpt1', '_lpt1'],
    ['console.pdf', 'console.pdf'],
    ['lone\uD800surrogate', 'lonesurrogate'],
    ['\u3000全角\u3000空格\u3000', '全角 空格'],
  ])('%j → %j', (input, expected) => {
    expect(packSegment(input)).toBe(expected);
  });

  it('limits the length in characters, keeping the extension', () => {
    const long = `${'关于开展安全生产检查的通知'.repeat(10)}.pdf`;
    const result = packSegment(long);
    expect(codePoints(result)).toBe(60);
    expect(result.endsWith('.pdf')).toBe(true);
    expect(packSegment('a'.repeat(200), 10)).toBe('a'.repeat(10));
  });

  it('never splits a surrogate pair', () => {
    const result = packSegment('😀'.repeat(100), 7);
    expect(result).toBe('😀'.repeat(7));
    expect(isWellFormed(result)).toBe(true);
    expect(isWellFormed(packSegment(`a${'𠀀'.repeat(80)}.pdf`))).toBe(true);
  });

  it('trims dots and spaces left at the end by the cut', () => {
    expect(packSegment('abc.  def', 5)).toBe('abc');
  });

  it('is idempotent', () => {
    const inputs = [
      '../',
      'CON',
      `${'名'.repeat(90)}.docx`,
      ' a . b ',
      'x\u202E.pdf',
      '😀'.repeat(70),
    ];
    for (const input of inputs) {
      for (const max of [1, 3, 5, 60]) {
        const once = packSegment(input, max);
        expect(packSegment(once, max)).toBe(once);
        expect(codePoints(once)).toBeLessThanOrEqual(max);
        expect(packPathProblem(once)).toBeNull();
      }
    }
  });

  it('refuses a maxLength that is not a positive integer', () => {
    expect(() => packSegment('a', 0)).toThrow(RangeError);
    expect(() => packSegment('a', 2.5)).toThrow(RangeError);
  });
});

describe('uniquePackPaths', () => {
  it('numbers later duplicates, case-insensitively, keeping the order', () => {
    expect(uniquePackPaths(['a/报告.pdf', 'b.pdf', 'A/报告.PDF', 'a/报告.pdf'])).toEqual([
      'a/报告.pdf',
      'b.pdf',
      'A/报告 (2).PDF',
      'a/报告 (3).pdf',
    ]);
  });

  it('leaves unique paths unchanged', () => {
    const paths = ['x/1.pdf', 'x/2.pdf', 'y/1.pdf'];
    expect(uniquePackPaths(paths)).toEqual(paths);
  });

  it('never produces a name that another input already has', () => {
    expect(uniquePackPaths(['a.pdf', 'A.pdf', 'a (2).pdf'])).toEqual([
      'a.pdf',
      'A (3).pdf',
      'a (2).pdf',
    ]);
  });

  it('appends the counter to names without extension, dotfiles and dotted directories', () => {
    expect(uniquePackPaths(['v1.2/readme', 'v1.2/README', '.env', '.ENV'])).toEqual([
      'v1.2/readme',
      'v1.2/README (2)',
      '.env',
      '.ENV (2)',
    ]);
  });

  it('inserts before the last extension only', () => {
    expect(uniquePackPaths(['a.tar.gz', 'a.tar.gz'])).toEqual(['a.tar.gz', 'a.tar (2).gz']);
  });

  it('treats NFC and NFD spellings as the same name', () => {
    expect(uniquePackPaths(['\u00e9.pdf', 'e\u0301.pdf'])).toEqual([
      '\u00e9.pdf',
      'e\u0301 (2).pdf',
    ]);
  });
});

describe('packPathProblem and PackPathRegistry', () => {
  it.each([
    ['', /empty/],
    ['/abs.pdf', /segment/],
    ['a//b.pdf', /segment/],
    ['a/../b.pdf', /segment/],
    ['./b.pdf', /segment/],
    ['a/', /segment/],
    ['a\\b.pdf', /backslash/],
    ['C:/x.pdf', /drive/],
    ['a\nb.pdf', /control/],
    ['manifest.csv', /reserved/],
    ['MANIFEST.SHA256', /reserved/],
    ['Problems.csv', /reserved/],
    ['manifest.json', /reserved/],
    ['Manifest.Sig.json', /reserved/],
  ])('refuses %j', (path, problem) => {
    expect(packPathProblem(path)).toMatch(problem);
  });

  it('accepts nested Chinese paths and manifest.csv below the root', () => {
    expect(packPathProblem('恩施州/恩施市/第12条/任务名-1a2b3c4d/v1-通知.pdf')).toBeNull();
    expect(packPathProblem('a/manifest.csv')).toBeNull();
  });

  it('refuses duplicates that differ only in case', () => {
    const registry = new PackPathRegistry();
    registry.add('a/报告.pdf');
    expect(() => registry.add('A/报告.PDF')).toThrow(/Duplicate pack path "A\/报告.PDF"/);
    expect(() => registry.add('../x')).toThrow(/Invalid pack path/);
  });
});
