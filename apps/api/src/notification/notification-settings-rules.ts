/** Rules of the notification settings form, shared by the service and its unit test. */

/** A practical email check (local@domain.tld, no spaces, one @); the SMTP server has the last word. */
export function validEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/.test(value);
}

/** "HH:MM" (00:00–23:59) → minutes after midnight; anything else → null. */
export function parseClock(value: string): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Minutes after midnight → "HH:MM"; null stays null. */
export function formatMinutes(minutes: number | null): string | null {
  if (minutes === null || minutes === undefined) return null;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
