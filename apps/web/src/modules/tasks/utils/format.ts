/** A calendar day `YYYY-MM-DD` as `2025年12月31日` / `December 31, 2025`; other text unchanged. */
export function formatDay(day: string, language: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Bytes as the unit and value to show (`{ unit: 'KB', value: '12.5' }`), localised digits. */
export function fileSizeParts(
  bytes: number,
  language: string,
): { unit: 'B' | 'KB' | 'MB'; value: string } {
  const number = (n: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);
  if (bytes >= 1024 * 1024) return { unit: 'MB', value: number(bytes / 1024 / 1024) };
  if (bytes >= 1024) return { unit: 'KB', value: number(bytes / 1024) };
  return { unit: 'B', value: number(bytes) };
}
