import fc from 'fast-check';
import { displayText, extensionOf } from './file-name';
import { FALLBACK_FILE_NAME, sanitizeFileName } from './index';

describe('sanitizeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\x\\报告.pdf', '报告.pdf'],
    ['C:报告.pdf', '报告.pdf'],
    ['\\\\server\\share\\整改方案.docx', '整改方案.docx'],
    ['/var/tmp/upload/..\\..\\佐证材料.ofd', '佐证材料.ofd'],
    ['a/b\\c/考核表.xlsx', '考核表.xlsx'],
    ['报\u0000告\u0007\u001f\u007f\u0085\u009f.pdf', '报告.pdf'],
    ['行\r\n政\t区划.pdf', '行政区划.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['\u202Atext\u202C\u2066x\u2069\u200E\u200F\u061C.pdf', 'textx.pdf'],
    ['zero\u200Bwidth\u200C\u200D\u2060\uFEFF.png', 'zerowidth.png'],
    ['  ..会议纪要.pdf. . ', '会议纪要.pdf'],
    ['.bashrc', 'bashrc'],
    ['\u3000报告\u3000.pdf', '报告\u3000.pdf'],
    ['e\u0301te\u0301.pdf', 'été.pdf'],
    ['a<b>c:d"e|f?g*h.pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['console.log', 'console.log'],
    ['file.pdf:Zone.Identifier', 'file.pdf_Zone.Identifier'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it.each([
    '',
    '.',
    '..',
    '...',
    '   ',
    '/',
    '\\',
    'a/..',
    'dir/',
    'C:',
    '\u202E',
    '\u200B..\u200B',
  ])('falls back for %j', (input) => {
    expect(sanitizeFileName(input)).toBe(FALLBACK_FILE_NAME);
    expect(FALLBACK_FILE_NAME).toBe('未命名文件');
  });

  it('composes NFD to NFC', () => {
    const nfd = 'Cafe\u0301 资料.pdf';
    expect(sanitizeFileName(nfd)).toBe('Café 资料.pdf');
    expect(sanitizeFileName(nfd).normalize('NFC')).toBe(sanitizeFileName(nfd));
    expect(sanitizeFileName(nfd)).toHaveLength(11); // é is one code unit
  });

  it('shortens long names to 200 UTF-16 units, keeping the extension', () => {
    const long = `${'关于进一步加强安全生产工作的通知'.repeat(30)}.docx`;
    const short = sanitizeFileName(long);
    expect(short).toHaveLength(200);
    expect(short.endsWith('.docx')).toBe(true);
    expect(short.startsWith('关于进一步加强')).toBe(true);
  });

  it('honours maxLength, and never splits a surrogate pair or a grapheme cluster', () => {
    expect(sanitizeFileName('abcdefghij.pdf', 8)).toBe('abcd.pdf');
    expect(sanitizeFileName('😀😀😀.png', 7)).toBe('😀.png');
    expect(sanitizeFileName('e\u0301e\u0301e\u0301.pdf', 6)).toBe('éé.pdf');
    expect(sanitizeFileName('👍🏽👍🏽.jpg', 8)).toBe('👍🏽.jpg');
    expect(sanitizeFileName('abc   def.pdf', 8)).toBe('abc.pdf'); // trailing spaces of the cut base
  });

  it('does not treat a long or odd suffix as an extension', () => {
    const name = `report.${'x'.repeat(40)}`;
    expect(sanitizeFileName(name, 20)).toBe(`report.${'x'.repeat(13)}`);
    expect(sanitizeFileName('第一版. 最终稿', 5)).toBe('第一版'); // cut, then the dot trimmed
  });

  it('rejects a maxLength that is not a positive integer', () => {
    expect(() => sanitizeFileName('a.pdf', 0)).toThrow(RangeError);
    expect(() => sanitizeFileName('a.pdf', 1.5)).toThrow(RangeError);
  });

  // Names built from the characters that matter here, plus arbitrary Unicode.
  const tricky = fc.constantFrom(
    '/',
    '\\',
    '.',
    '..',
    ' ',
    ':',
    'C:',
    '\u0000',
    '\u001f',
    '\u007f',
    '\u0085',
    '\u202E',
    '\u2066',
    '\u200B',
    '\u200D',
    '\uFEFF',
    '\u2028',
    '\u0301',
    'e',
    '报',
    '告',
    '😀',
    '\uD800',
    '\uDC00',
    'CON',
    'nul',
    '.pdf',
    '.docx',
    '*',
    '?',
    '"',
    '<',
    '\u3000',
    '\u00A0',
    'a',
  );
  const names = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(tricky, { maxLength: 60 }).map((parts) => parts.join('')),
    fc
      .array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 5 })), { maxLength: 120 })
      .map((parts) => parts.join('')),
  );

  it('never returns separators, control or invisible characters, and is idempotent', () => {
    fc.assert(
      fc.property(
        names,
        fc.option(fc.integer({ min: 1, max: 260 }), { nil: undefined }),
        (name, max) => {
          const clean = sanitizeFileName(name, max);
          expect(clean).not.toMatch(/[/\\]/);
          expect(clean).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u);
          expect(clean).not.toMatch(/^[\s.]|[\s.]$/u);
          expect(clean).not.toMatch(/[<>:"|?*]/);
          expect(['', '.', '..']).not.toContain(clean);
          expect(clean.length).toBeLessThanOrEqual(max ?? 200);
          expect(clean).toBe(clean.normalize('NFC'));
          expect(sanitizeFileName(clean, max)).toBe(clean);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps ordinary names unchanged', () => {
    const ordinary = fc
      .tuple(
        fc.stringMatching(
          /^[A-Za-z0-9\u4e00-\u9fa5][A-Za-z0-9 _\-（）\u4e00-\u9fa5]{0,40}[A-Za-z0-9\u4e00-\u9fa5]$/,
        ),
        fc.constantFrom('.pdf', '.ofd', '.docx', '.xlsx', '.doc', '.xls', '.jpg', '.png'),
      )
      .map(([base, extension]) => base + extension)
      .filter((name) => !/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name));
    fc.assert(fc.property(ordinary, (name) => sanitizeFileName(name) === name));
  });
});

describe('displayText and extensionOf', () => {
  it('quotes untrusted names without invisible characters, cut with an ellipsis', () => {
    expect(displayText('a\u202Eb\u0000c')).toBe('abc');
    expect(displayText('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('extracts a lower-case extension', () => {
    expect(extensionOf('报告.PDF')).toBe('.pdf');
    expect(extensionOf('../x/archive.tar.gz')).toBe('.gz');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('.pdf')).toBe('');
  });
});
