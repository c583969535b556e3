/** A calendar day as the date picker gives it (a Dayjs object satisfies this). */
export interface CalendarDay {
  year(): number;
  /** 0-based, as in Date and Dayjs. */
  month(): number;
  date(): number;
}

/** China Standard Time is UTC+8 all year (no daylight saving time). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The instant a day starts in Asia/Shanghai (the display time zone), whatever the PC's zone. */
function startOfShanghaiDay(day: CalendarDay, plusDays = 0): number {
  return Date.UTC(day.year(), day.month(), day.date() + plusDays) - SHANGHAI_OFFSET_MS;
}

/**
 * The picked days as a `from` / `to` filter: from the start of the first day to the last
 * millisecond of the last day, Beijing time (as the log shows its times).
 */
export function shanghaiDayRange(
  first: CalendarDay | null | undefined,
  last: CalendarDay | null | undefined,
): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  if (first) range.from = new Date(startOfShanghaiDay(first)).toISOString();
  if (last) range.to = new Date(startOfShanghaiDay(last, 1) - 1).toISOString();
  return range;
}
