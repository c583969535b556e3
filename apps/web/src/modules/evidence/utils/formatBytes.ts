const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** E.g. `512 B`, `1.5 MB` (binary multiples, at most one decimal, localized digits). */
export function formatBytes(bytes: number, language: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = new Intl.NumberFormat(language, {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${digits} ${UNITS[unit]}`;
}
