import { shanghaiDayRange, type CalendarDay } from './dateRange';

const day = (year: number, month: number, date: number): CalendarDay => ({
  year: () => year,
  month: () => month - 1,
  date: () => date,
});

describe('shanghaiDayRange', () => {
  it('spans whole days in Beijing time, as UTC instants', () => {
    expect(shanghaiDayRange(day(2025, 3, 1), day(2025, 3, 2))).toEqual({
      from: '2025-02-28T16:00:00.000Z',
      to: '2025-03-02T15:59:59.999Z',
    });
  });

  it('crosses months and years', () => {
    expect(shanghaiDayRange(day(2025, 1, 1), day(2025, 12, 31))).toEqual({
      from: '2024-12-31T16:00:00.000Z',
      to: '2025-12-31T15:59:59.999Z',
    });
  });

  it('leaves out an open end', () => {
    expect(shanghaiDayRange(null, day(2025, 3, 1))).toEqual({ to: '2025-03-01T15:59:59.999Z' });
    expect(shanghaiDayRange(day(2025, 3, 1), undefined)).toEqual({
      from: '2025-02-28T16:00:00.000Z',
    });
    expect(shanghaiDayRange(null, null)).toEqual({});
  });
});
