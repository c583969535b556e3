import { formatDateTime, formatDay, formatRate } from './format';

describe('the app-wide format rule', () => {
  it('shows every rate with exactly one decimal', () => {
    expect(formatRate(0.179, 'zh-CN')).toBe('17.9%');
    expect(formatRate(0.18, 'zh-CN')).toBe('18.0%');
    expect(formatRate(1, 'en-US')).toBe('100.0%');
    expect(formatRate(0, 'zh-CN')).toBe('0.0%');
  });

  it('shows calendar days in the long form of the UI language, without a time zone shift', () => {
    expect(formatDay('2026-12-31', 'zh-CN')).toBe('2026年12月31日');
    expect(formatDay('2026-01-01', 'en-US')).toBe('January 1, 2026');
    expect(formatDay('2026-12-31T20:00:00.000Z', 'zh-CN')).toBe('2026年12月31日');
    expect(formatDay('不是日期', 'zh-CN')).toBe('不是日期');
  });

  it('shows instants in China Standard Time, never raw UTC', () => {
    // 16:30 UTC is half past midnight the next day in Beijing.
    expect(formatDateTime('2026-12-31T16:30:00Z', 'zh-CN')).toBe('2027年1月1日 00:30');
  });
});
