/** All users work in Hubei, so times are shown in China Standard Time whatever the PC says. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

/**
 * E.g. `2025年1月15日 18:30` (zh-CN) or `January 15, 2025 at 18:30` (en-US); with
 * `{ seconds: true }` (logs) `2025年1月15日 18:30:05`.
 */
// One formatter per language and precision (building one costs far more than using it).
const formats = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(
  value: string | Date,
  language: string,
  { seconds = false }: { seconds?: boolean } = {},
): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const key = `${language}|${seconds}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      dateStyle: 'long',
      timeStyle: seconds ? 'medium' : 'short',
      hourCycle: 'h23',
      timeZone: DISPLAY_TIME_ZONE,
    });
    formats.set(key, format);
  }
  return format.format(date);
}
