/** E.g. `85.3%` (rate 0…1), at most one decimal. */
export function formatPercent(rate: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(
    rate,
  );
}

/** E.g. `1,234` / `97.5`: numbers in the UI language, at most two decimals. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}

/** A calendar date `YYYY-MM-DD` as `2026年3月1日` / `March 1, 2026` (no time zone shift). */
export function formatDate(
  date: string,
  language: string,
  style: 'long' | 'short' = 'long',
): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(language, {
    ...(style === 'long' ? { dateStyle: 'long' } : { month: 'numeric', day: 'numeric' }),
    timeZone: 'UTC',
  }).format(parsed);
}
