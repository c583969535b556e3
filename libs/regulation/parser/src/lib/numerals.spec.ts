import fc from 'fast-check';

import {
  chineseNumeralToInt,
  intToChineseNumeral,
  MAX_CHINESE_NUMERAL,
  tryChineseNumeralToInt,
} from './numerals';

describe('Chinese numerals', () => {
  const canonical: [number, string][] = [
    [0, '零'],
    [1, '一'],
    [2, '二'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [42, '四十二'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [105, '一百零五'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [120, '一百二十'],
    [200, '二百'],
    [300, '三百'],
    [305, '三百零五'],
    [999, '九百九十九'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [1260, '一千二百六十'],
    [2024, '二千零二十四'],
    [10_000, '一万'],
    [10_001, '一万零一'],
    [10_010, '一万零一十'],
    [10_100, '一万零一百'],
    [11_000, '一万一千'],
    [100_000, '十万'],
    [110_000, '十一万'],
    [1_000_000, '一百万'],
    [1_100_000, '一百一十万'],
    [MAX_CHINESE_NUMERAL, '九千九百九十九万九千九百九十九'],
  ];

  it.each(canonical)('renders %i as %s and parses it back', (value, numeral) => {
    expect(intToChineseNumeral(value)).toBe(numeral);
    expect(chineseNumeralToInt(numeral)).toBe(value);
  });

  it.each([
    ['一十', 10],
    ['一十一', 11],
    ['两百', 200],
    ['两千零二', 2002],
    ['〇', 0],
    ['一百〇一', 101],
    ['二〇二四', 2024],
    ['一〇〇', 100],
    ['42', 42],
    ['４２', 42],
  ])('accepts the variant %s = %i', (numeral, value) => {
    expect(chineseNumeralToInt(numeral)).toBe(value);
  });

  it.each([
    '',
    '十十',
    '百',
    '一百十',
    '一百一',
    '一千一',
    '一百零',
    '零十',
    '零一',
    '一百零一十',
    '一千零一百',
    '一千一十',
    '一万一百',
    '一万十',
    '万',
    '一万万',
    '二一万',
    '十一二',
    '一二十',
    '第一',
    'abc',
    '1十',
  ])('rejects the malformed numeral %j', (numeral) => {
    expect(tryChineseNumeralToInt(numeral)).toBeUndefined();
    expect(() => chineseNumeralToInt(numeral)).toThrow(RangeError);
  });

  it.each([-1, 1.5, Number.NaN, MAX_CHINESE_NUMERAL + 1])('refuses to render %p', (value) => {
    expect(() => intToChineseNumeral(value)).toThrow(RangeError);
  });

  it('round-trips every integer 0…999 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), (n) => {
        expect(chineseNumeralToInt(intToChineseNumeral(n))).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips exhaustively 0…9999 and randomly up to the maximum', () => {
    for (let n = 0; n <= 9999; n++) {
      if (chineseNumeralToInt(intToChineseNumeral(n)) !== n) throw new Error(`fails at ${n}`);
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_CHINESE_NUMERAL }), (n) => {
        expect(chineseNumeralToInt(intToChineseNumeral(n))).toBe(n);
      }),
    );
  });

  it('renders distinct numerals for distinct numbers (canonical form is unique)', () => {
    const seen = new Set<string>();
    for (let n = 0; n <= 2000; n++) seen.add(intToChineseNumeral(n));
    expect(seen.size).toBe(2001);
  });

  it('never renders 一十 at the start, or a 零 at the end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_CHINESE_NUMERAL }), (n) => {
        const s = intToChineseNumeral(n);
        expect(s.startsWith('一十')).toBe(false);
        expect(s.endsWith('零')).toBe(false);
        expect(s).not.toContain('零零');
      }),
    );
  });
});
