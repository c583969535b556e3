import { CsvSyntaxError, parseCsv } from './csv';
import {
  MANIFEST_COLUMNS,
  ManifestFormatError,
  manifestChecksumFile,
  manifestCsv,
  neutraliseFormula,
  parseManifestChecksumFile,
  parseManifestCsv,
  restoreFormula,
} from './manifest';
import { metadataFor, sha256Hex } from './testing/pack-fixtures';
import type { PackEntryMetadata } from './types';

const HEADER =
  '文件路径,SHA-256,大小（字节）,上传时间（北京时间）,上传人,单位代码,条,款,任务状态,文号';
const LEGACY_HEADER =
  'path,sha256,size,uploaded_at,uploader,unit_code,article,paragraph,task_status,document_number';

function row(overrides: Partial<PackEntryMetadata> = {}): PackEntryMetadata {
  return metadataFor('恩施州/恩施市/第12条/任务-1a2b3c4d/v1-通知.pdf', Buffer.from('x'), overrides);
}

/** The manifest's lines (BOM removed, split on CRLF, the empty string after the last CRLF dropped). */
function lines(csv: Buffer): string[] {
  return csv.toString('utf8').slice(1).split('\r\n').slice(0, -1);
}

describe('manifestCsv', () => {
  it('starts with a UTF-8 BOM and the exact header, and ends every line with CRLF', () => {
    const csv = manifestCsv([row(), row({ path: 'b.pdf' })]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(MANIFEST_COLUMNS.join(',')).toBe(HEADER);
    const text = csv.toString('utf8');
    expect(text.slice(1).startsWith(`${HEADER}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines(csv)).toHaveLength(3);
  });

  it('writes metadata as plain decimals, lower-case hex and Beijing time; null as empty', () => {
    const sha = 'AB'.repeat(32);
    const csv = manifestCsv([
      row({
        path: 'a/b.pdf',
        sha256: sha,
        size: 1234567,
        uploadedAt: new Date('2024-03-05T14:07:08+08:00'),
        paragraph: null,
        documentNumber: null,
      }),
    ]);
    expect(lines(csv)[1]).toBe(
      `a/b.pdf,${sha.toLowerCase()},1234567,2024-03-05 14:07:08,张三,422801,12,,COMPLETED,`,
    );
  });

  it('quotes fields with commas, quotes, CR or LF (RFC 4180) and only those', () => {
    const csv = manifestCsv([
      row({
        path: 'a,b/"c".pdf',
        uploader: 'line1\nline2',
        taskStatus: 'x\ry',
        documentNumber: 'plain',
      }),
    ]);
    const text = csv.toString('utf8');
    expect(text).toContain('"a,b/""c"".pdf",');
    expect(text).toContain(',"line1\nline2",');
    expect(text).toContain(',"x\ry",plain\r\n');
  });

  it('neutralises spreadsheet formulas in text fields only', () => {
    const csv = manifestCsv([
      row({
        path: '=HYPERLINK("http://x")/a.pdf',
        uploader: '+cmd',
        unitCode: '-1',
        taskStatus: '@SUM(A1)',
        documentNumber: '\t=1',
        size: 0,
        paragraph: 0,
      }),
      row({
        path: 'ok.pdf',
        uploader: "'=already quoted",
        documentNumber: '\rx',
        taskStatus: "'plain",
      }),
    ]);
    const [first, second] = parseCsv(csv.toString('utf8').slice(1)).slice(1);
    expect(first).toEqual([
      `'=HYPERLINK("http://x")/a.pdf`,
      expect.stringMatching(/^[0-9a-f]{64}$/),
      '0',
      '2024-03-05 14:07:08',
      "'+cmd",
      "'-1",
      '12',
      '0',
      "'@SUM(A1)",
      "'\t=1",
    ]);
    expect(second?.[4]).toBe("''=already quoted");
    expect(second?.[8]).toBe("'plain");
    expect(second?.[9]).toBe("'\rx");
  });

  it('refuses metadata it cannot write faithfully, naming the path', () => {
    expect(() => manifestCsv([row({ sha256: 'abc' })])).toThrow(/通知\.pdf.*sha256/);
    expect(() => manifestCsv([row({ size: -1 })])).toThrow(/通知\.pdf.*size/);
    expect(() => manifestCsv([row({ size: 1.5 })])).toThrow(/size/);
    expect(() => manifestCsv([row({ article: Number.NaN })])).toThrow(/article/);
    expect(() => manifestCsv([row({ paragraph: -2 })])).toThrow(/paragraph/);
    expect(() => manifestCsv([row({ uploadedAt: new Date('nope') })])).toThrow(/uploadedAt/);
  });

  it('writes just the header for no entries', () => {
    expect(manifestCsv([]).toString('utf8')).toBe(`\uFEFF${HEADER}\r\n`);
  });
});

describe('formula neutralisation', () => {
  const samples = [
    '',
    'a',
    '=1',
    '+1',
    '-1',
    '@a',
    '\t1',
    '\r1',
    "'",
    "'=1",
    "''=1",
    "'a",
    "a'=",
    '=',
    "'''@",
  ];

  it('is exactly reversible', () => {
    for (const sample of samples) expect(restoreFormula(neutraliseFormula(sample))).toBe(sample);
  });

  it('leaves text that needs nothing alone, in both directions', () => {
    for (const sample of ['', 'a', "'a", "a'=", '1=1', '张三']) {
      expect(neutraliseFormula(sample)).toBe(sample);
      expect(restoreFormula(sample)).toBe(sample);
    }
  });
});

describe('parseManifestCsv', () => {
  it('round-trips manifestCsv, tricky text included', () => {
    const rows = [
      row(),
      row({
        path: '=cmd|" /C calc"!A0/a,b.pdf',
        uploader: "'=already",
        unitCode: '@x',
        taskStatus: 'multi\r\nline "status"',
        documentNumber: '-〔2024〕1号',
        paragraph: null,
        size: 0,
        uploadedAt: new Date('1999-12-31T23:59:59.000Z'),
      }),
      row({ path: '\t/x', documentNumber: null, article: 0, paragraph: 0 }),
    ];
    expect(parseManifestCsv(manifestCsv(rows))).toEqual(rows);
  });

  it('keeps the upload time to the second (Beijing time crosses midnight correctly)', () => {
    const [parsed] = parseManifestCsv(
      manifestCsv([row({ uploadedAt: new Date('2026-12-31T16:30:05.987Z') })]),
    );
    expect(parsed?.uploadedAt.toISOString()).toBe('2026-12-31T16:30:05.000Z');
  });

  it('reads the English manifests of packs written before the Chinese header', () => {
    const sha = 'c'.repeat(64);
    const legacy = `\uFEFF${LEGACY_HEADER}\r\na.pdf,${sha},3,2024-03-05T06:07:08.123Z,zhangsan,422801,12,1,VERIFIED,鄂〔2024〕1号\r\n`;
    expect(parseManifestCsv(legacy)).toEqual([
      {
        path: 'a.pdf',
        sha256: sha,
        size: 3,
        uploadedAt: new Date('2024-03-05T06:07:08.123Z'),
        uploader: 'zhangsan',
        unitCode: '422801',
        article: 12,
        paragraph: 1,
        taskStatus: 'VERIFIED',
        documentNumber: '鄂〔2024〕1号',
      },
    ]);
  });

  it('accepts the text without BOM and with LF line ends', () => {
    const text = manifestCsv([row()]).toString('utf8').slice(1).replace(/\r\n/g, '\n');
    expect(parseManifestCsv(text)).toEqual([row()]);
  });

  it('reads an empty document number as null', () => {
    expect(
      parseManifestCsv(manifestCsv([row({ documentNumber: '' })]))[0]?.documentNumber,
    ).toBeNull();
  });

  it.each([
    ['a wrong header', 'path,sha256\r\n', /header/],
    ['an empty file', '', /header/],
    ['a short row', `${HEADER}\r\na.pdf,abc\r\n`, /record 2: 2 fields/],
    ['a bad hash', `${HEADER}\r\na,xyz,1,2024-01-01T00:00:00.000Z,u,1,1,,s,\r\n`, /sha256/],
    [
      'a bad size',
      `${HEADER}\r\na,${'a'.repeat(64)},1e3,2024-01-01T00:00:00.000Z,u,1,1,,s,\r\n`,
      /size is not a count/,
    ],
    [
      'a time without seconds',
      `${HEADER}\r\na,${'a'.repeat(64)},1,2024-01-01 00:00,u,1,1,,s,\r\n`,
      /upload time/,
    ],
    [
      'an impossible date',
      `${HEADER}\r\na,${'a'.repeat(64)},1,2024-02-30 00:00:00,u,1,1,,s,\r\n`,
      /upload time/,
    ],
    ['a mixed header', `${HEADER.replace('文件路径', 'path')}\r\n`, /header/],
    ['an unterminated quote', `${HEADER}\r\n"a,b\r\n`, /unterminated/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseManifestCsv(text)).toThrow(ManifestFormatError);
    expect(() => parseManifestCsv(text)).toThrow(message);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => parseManifestCsv(Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xfe]))).toThrow(/UTF-8/);
  });
});

describe('parseCsv', () => {
  it('parses quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","d""e","f\r\ng"\r\n,x,\r\n')).toEqual([
      ['a', 'b,c', 'd"e', 'f\r\ng'],
      ['', 'x', ''],
    ]);
  });

  it('accepts a last record without line end, and a trailing comma', () => {
    expect(parseCsv('a,b\r\nc,')).toEqual([
      ['a', 'b'],
      ['c', ''],
    ]);
  });

  it.each([
    ['a quote inside a field', 'a"b\r\n'],
    ['text after a closing quote', '"a"b\r\n'],
    ['a bare CR', 'a\rb\r\n'],
    ['an unterminated quote', '"abc'],
  ])('refuses %s', (_name, text) => {
    expect(() => parseCsv(text)).toThrow(CsvSyntaxError);
  });
});

describe('manifest.sha256', () => {
  it('is in sha256sum format and parses back', () => {
    const hash = sha256Hex('x');
    const file = manifestChecksumFile(hash);
    expect(file.toString('utf8')).toBe(`${hash}  manifest.csv\n`);
    expect(parseManifestChecksumFile(file)).toBe(hash);
  });

  it('lists problems.csv on a second line when there is one', () => {
    const [manifest, problems] = [sha256Hex('m'), sha256Hex('p')];
    const file = manifestChecksumFile(manifest, [{ name: 'problems.csv', sha256: problems }]);
    expect(file.toString('utf8')).toBe(`${manifest}  manifest.csv\n${problems}  problems.csv\n`);
    expect(parseManifestChecksumFile(file)).toBe(manifest);
    expect(parseManifestChecksumFile(file, 'problems.csv')).toBe(problems);
  });

  it('accepts binary mode, upper case and CRLF; ignores other files', () => {
    const hash = sha256Hex('y');
    const text = `${sha256Hex('z')}  other.csv\r\n${hash.toUpperCase()} *manifest.csv\r\n`;
    expect(parseManifestChecksumFile(Buffer.from(text))).toBe(hash);
    expect(parseManifestChecksumFile(Buffer.from(`${hash}  other.csv\n`))).toBeNull();
  });
});
