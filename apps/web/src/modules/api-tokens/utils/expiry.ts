/** Hubei's offset from UTC (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** The server refuses more than 366 days; the last day offered ends within that. */
export const MAX_EXPIRY_DAYS = 365;

/** Today's calendar day in China (YYYY-MM-DD). */
export function chinaDay(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A token chosen to expire on `day` ends at 24:00 China time that day (ISO instant). */
export function expiryOfDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS - CHINA_OFFSET_MS).toISOString();
}

/** Tomorrow (China time) up to MAX_EXPIRY_DAYS from today. */
export function isSelectableExpiryDay(day: string, now: Date): boolean {
  const today = Date.parse(`${chinaDay(now)}T00:00:00Z`);
  const chosen = Date.parse(`${day}T00:00:00Z`);
  return chosen > today && chosen <= today + MAX_EXPIRY_DAYS * DAY_MS;
}
