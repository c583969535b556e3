import { buildCsv, csvField, UTF8_BOM } from './csv';

describe('csv', () => {
  it('quotes fields with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvField('普通文字')).toBe('普通文字');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('回车\r\n换行')).toBe('"回车\r\n换行"');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    // The rule all exports share: an existing apostrophe before a formula gets one more.
    expect(csvField("'=1")).toBe("''=1");
    // A real number is a number, not text to defuse.
    expect(csvField(-1)).toBe('-1');
  });

  it('starts with a BOM, keeps the header order and ends lines with CRLF', () => {
    const csv = buildCsv(
      ['时间', '操作人', '原因'],
      [
        ['2026-03-01 10:00:05', 'enshi', '材料不全,请补充'],
        ['2026-03-02 09:00:00', 'province', null],
      ],
    );
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '时间,操作人,原因',
      '2026-03-01 10:00:05,enshi,"材料不全,请补充"',
      '2026-03-02 09:00:00,province,',
      '',
    ]);
  });

  it('is only a BOM and a header row without rows', () => {
    expect(buildCsv(['a', 'b'], [])).toBe(`${UTF8_BOM}a,b\r\n`);
  });
});
