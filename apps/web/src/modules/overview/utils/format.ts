import { formatDay, formatRate } from '../../../utils/format';

/** E.g. `85.3%`, `18.0%` (rate 0…1): the app-wide rule, one decimal (utils/format). */
export function formatPercent(rate: number, language: string): string {
  return formatRate(rate, language);
}

/** E.g. `1,234` / `97.5`: numbers in the UI language, at most two decimals. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}

/** A calendar date `YYYY-MM-DD` as `2026年3月1日` / `March 1, 2026`, or as a chart tick `3/1`. */
export function formatDate(
  date: string,
  language: string,
  style: 'long' | 'short' = 'long',
): string {
  if (style === 'long') return formatDay(date, language);
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(language, {
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(parsed);
}
