/**
 * JIT compilation for the application's sessions (`DATABASE_JIT`). The API's statements are
 * short (dashboard figures from the rollups, list pages, single tasks) and their plan costs are
 * inflated by the row counts of big tables, so the server's default (JIT above cost 100,000)
 * compiles them: about a second per statement at national scale, for nothing. `off` (the
 * default) turns it off per connection; `on` keeps the server's setting; a number keeps JIT on
 * but only above that plan cost (`jit_above_cost`).
 */
export type DatabaseJit = 'off' | 'on' | number;

/** Parses a `DATABASE_JIT` value; null when it is not one. */
export function parseDatabaseJit(text: string): DatabaseJit | null {
  const value = text.trim().toLowerCase();
  if (value === 'off' || value === 'on') return value;
  if (!/^\d{1,15}$/.test(value)) return null;
  const cost = Number(value);
  return cost >= 1 ? cost : null;
}

/** The libpq `options` startup parameter that applies `jit` to each new connection. */
export function jitStartupOptions(jit: DatabaseJit): string | undefined {
  if (jit === 'on') return undefined;
  if (jit === 'off') return '-c jit=off';
  return `-c jit_above_cost=${jit}`;
}

/**
 * The URL with `options` added to its query (after any `options` it already has): pg reads
 * the startup parameters from the URL in preference to the pool's other settings.
 */
export function withStartupOptions(url: string, options: string | undefined): string {
  if (!options) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url; // not a URL pg would parse either: the connection fails with its own message
  }
  const existing = parsed.searchParams.get('options');
  parsed.searchParams.set('options', existing ? `${existing} ${options}` : options);
  return parsed.toString();
}
