/** Period keys of generateBulletin: `2026-11` for a month, `2026-Q4` for a quarter. */
export type PeriodKind = 'MONTH' | 'QUARTER';

const pad = (n: number) => String(n).padStart(2, '0');

/** The key of the month or quarter that contains `date` (calendar fields as given). */
export function periodKeyOf(kind: PeriodKind, year: number, monthIndex: number): string {
  return kind === 'MONTH'
    ? `${year}-${pad(monthIndex + 1)}`
    : `${year}-Q${Math.floor(monthIndex / 3) + 1}`;
}

/**
 * The period a supervisor most likely reports on, on `today` (YYYY-MM-DD, China time): the
 * month just ended, or the quarter just ended (bulletins are written after the period).
 */
export function defaultPeriod(
  kind: PeriodKind,
  today: string,
): { year: number; monthIndex: number } {
  const [year, month] = today.split('-').map(Number);
  if (kind === 'MONTH') {
    return month === 1 ? { year: year - 1, monthIndex: 11 } : { year, monthIndex: month - 2 };
  }
  const quarterStart = Math.floor((month - 1) / 3) * 3; // month index of this quarter's first month
  return quarterStart === 0
    ? { year: year - 1, monthIndex: 9 }
    : { year, monthIndex: quarterStart - 3 };
}

/** Today's date in China (YYYY-MM-DD). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 0.4567 → 45.7% */
export function formatRate(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The file name a Content-Disposition header proposes (RFC 6266 `filename*` first). */
export function fileNameFrom(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // Fall back to the plain name.
    }
  }
  const plain = /filename="([^"]*)"/i.exec(header);
  return plain?.[1];
}
