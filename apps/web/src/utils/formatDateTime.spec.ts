import { formatDateTime } from './formatDateTime';

describe('formatDateTime', () => {
  it('formats in China Standard Time for each language', () => {
    expect(formatDateTime('2025-01-15T10:30:00.000Z', 'zh-CN')).toBe('2025年1月15日 18:30');
    expect(formatDateTime('2025-01-15T10:30:00.000Z', 'en-US')).toMatch(/January 15, 2025.*18:30/);
  });

  it('returns unparseable input unchanged', () => {
    expect(formatDateTime('not a date', 'zh-CN')).toBe('not a date');
  });
});
