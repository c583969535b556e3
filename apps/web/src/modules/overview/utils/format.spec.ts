import { formatDate, formatNumber, formatPercent } from './format';

describe('format', () => {
  it('formats rates as percentages with exactly one decimal (one rule on every page)', () => {
    expect(formatPercent(0.8532, 'zh-CN')).toBe('85.3%');
    expect(formatPercent(0.18, 'zh-CN')).toBe('18.0%');
    expect(formatPercent(1, 'en-US')).toBe('100.0%');
  });

  it('formats numbers and calendar dates in the UI language', () => {
    expect(formatNumber(1234.5, 'zh-CN')).toBe('1,234.5');
    expect(formatDate('2026-03-01', 'zh-CN')).toBe('2026年3月1日');
    expect(formatDate('2026-03-01', 'en-US')).toBe('March 1, 2026');
    expect(formatDate('2026-03-01', 'zh-CN', 'short')).toBe('3/1');
    expect(formatDate('nonsense', 'zh-CN')).toBe('nonsense');
  });
});
