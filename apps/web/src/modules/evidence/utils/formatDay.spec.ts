import { formatDay } from './formatDay';

describe('formatDay', () => {
  it('shows a calendar day the local way, whatever the PC’s time zone', () => {
    expect(formatDay('2026-02-20', 'zh-CN')).toBe('2026年2月20日');
    expect(formatDay('2026-02-20', 'en-US')).toBe('February 20, 2026');
  });

  it('leaves other text as it is', () => {
    expect(formatDay('2026年', 'zh-CN')).toBe('2026年');
  });
});
