/**
 * Times in exports (CSV, XLSX, pack manifests): Beijing time, `YYYY-MM-DD HH:mm:ss`, the form
 * Excel and WPS read as a date and an office reads without converting from UTC. China has kept
 * UTC+8 without daylight saving since 1991, so the offset is fixed.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export const EXPORT_TIME_ZONE = 'Asia/Shanghai';

/** `2026-12-06 17:05:09` for 2026-12-06T09:05:09Z; '' for null or an invalid date. */
export function formatLocalTime(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const time = (value instanceof Date ? value : new Date(value)).getTime();
  if (!Number.isFinite(time)) return '';
  const iso = new Date(time + OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** The Beijing calendar day `YYYY-MM-DD` of a moment (for file names and date columns). */
export function formatLocalDate(value: Date | string = new Date()): string {
  return formatLocalTime(value).slice(0, 10);
}

/** Reads what formatLocalTime writes (Beijing time); null when it is not that form. */
export function parseLocalTime(text: string): Date | null {
  const match = LOCAL_TIME.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS;
  const date = new Date(utc);
  // Refuse 2026-02-30 and 24:00:00 rather than rolling them over.
  return formatLocalTime(date) === text.trim() ? date : null;
}
