import { formatDateTime } from './formatDateTime';

describe('formatDateTime', () => {
  it('formats in China Standard Time for each language', () => {
    expect(formatDateTime('2025-01-15T10:30:00.000Z', 'zh-CN')).toBe('2025年1月15日 18:30');
    expect(formatDateTime('2025-01-15T10:30:00.000Z', 'en-US')).toMatch(/January 15, 2025.*18:30/);
  });

  it('shows seconds on request, still in China Standard Time', () => {
    expect(formatDateTime('2025-01-15T16:30:05.000Z', 'zh-CN', { seconds: true })).toBe(
      '2025年1月16日 00:30:05',
    );
  });

  it('returns unparseable input unchanged', () => {
    expect(formatDateTime('not a date', 'zh-CN')).toBe('not a date');
  });
});
