import { formatLocalDate, formatLocalTime, parseLocalTime } from './local-time';

describe('export times (Beijing)', () => {
  it('writes UTC moments as Beijing wall-clock time to the second', () => {
    expect(formatLocalTime(new Date('2026-12-06T09:05:09.987Z'))).toBe('2026-12-06 17:05:09');
    // Past midnight in Beijing while still the previous day in UTC.
    expect(formatLocalTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30:00');
    expect(formatLocalDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(formatLocalTime(null)).toBe('');
    expect(formatLocalTime('not a date')).toBe('');
  });

  it('reads back what it writes and refuses other forms', () => {
    expect(parseLocalTime('2027-01-01 00:30:00')?.toISOString()).toBe('2026-12-31T16:30:00.000Z');
    expect(parseLocalTime('2026-02-30 10:00:00')).toBeNull();
    expect(parseLocalTime('2026-12-06T17:05:09Z')).toBeNull();
    expect(parseLocalTime('2026-12-06 24:00:00')).toBeNull();
  });
});
