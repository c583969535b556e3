/**
 * The one rule for rates, dates and times on every page (issue 17 found "18%" next to
 * "17.9%" and "2026-12-31" next to "2026年12月31日" on the same page):
 *
 * - Rates are percentages with exactly one decimal: `18.0%`, `17.9%` (`formatRate`).
 * - Calendar days are the long form of the UI language everywhere a person reads them —
 *   tables, fact lists, sentences and headings alike: `2026年12月31日` / `December 31, 2026`
 *   (`formatDay`). ISO `2026-12-31` is for machines only: URLs, GraphQL variables, files meant
 *   for other programs, and the date pickers' input boxes.
 * - Instants are shown in China Standard Time (all users work in Hubei, whatever the PC says),
 *   in the same long form with the time: `2026年12月31日 18:30` (`formatDateTime`), never as a
 *   raw UTC ISO string.
 */
export { DISPLAY_TIME_ZONE, formatDateTime } from './formatDateTime';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

// Building an Intl formatter costs far more than formatting with one, and a page of tasks
// formats hundreds of dates: one formatter per language and kind, made on first use.
const rateFormats = new Map<string, Intl.NumberFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A rate 0…1 as a percentage with one decimal: `0.179` → `17.9%`, `0.18` → `18.0%`. */
export function formatRate(rate: number, language: string): string {
  let format = rateFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    rateFormats.set(language, format);
  }
  return format.format(rate);
}

/**
 * A calendar day `YYYY-MM-DD` as `2026年12月31日` / `December 31, 2026` (no time zone shift:
 * a due date is a day, not an instant); other text is shown as it came.
 */
export function formatDay(day: string, language: string): string {
  const m = ISO_DAY.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime())) return day;
  let format = dayFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    dayFormats.set(language, format);
  }
  return format.format(date);
}
