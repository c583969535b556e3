import { defaultPeriod, fileNameFrom, formatRate, periodKeyOf } from './periods';

describe('bulletin periods', () => {
  it.each([
    ['MONTH', 2026, 10, '2026-11'],
    ['MONTH', 2026, 0, '2026-01'],
    ['QUARTER', 2026, 10, '2026-Q4'],
    ['QUARTER', 2026, 2, '2026-Q1'],
    ['QUARTER', 2026, 3, '2026-Q2'],
  ] as const)('%s of %i-%i is %s', (kind, year, month, key) => {
    expect(periodKeyOf(kind, year, month)).toBe(key);
  });

  it('proposes the period just ended', () => {
    expect(defaultPeriod('MONTH', '2026-12-03')).toEqual({ year: 2026, monthIndex: 10 });
    expect(defaultPeriod('MONTH', '2027-01-05')).toEqual({ year: 2026, monthIndex: 11 });
    expect(defaultPeriod('QUARTER', '2026-12-03')).toEqual({ year: 2026, monthIndex: 6 });
    expect(defaultPeriod('QUARTER', '2027-02-01')).toEqual({ year: 2026, monthIndex: 9 });
  });

  it('formats rates and reads download names', () => {
    expect(formatRate(0.4444)).toBe('44.4%');
    expect(formatRate(1)).toBe('100.0%');
    expect(
      fileNameFrom(`attachment; filename="_.docx"; filename*=UTF-8''%E9%80%9A%E6%8A%A5.docx`),
    ).toBe('通报.docx');
    expect(fileNameFrom('attachment; filename="a.docx"')).toBe('a.docx');
    expect(fileNameFrom(null)).toBeUndefined();
  });
});
