/** Timing statistics and the result table of the analytics benchmark (issue 7). Pure. */

/** Milliseconds between two `process.hrtime.bigint()` readings. */
export function elapsedMs(start: bigint, end: bigint = process.hrtime.bigint()): number {
  return Number(end - start) / 1e6;
}

/**
 * The p-th percentile (0 < p ≤ 100) by the nearest-rank method: the smallest sample such that
 * at least p % of the samples are less than or equal to it. Always one of the samples, so a
 * p95 over 50 runs is the 48th fastest run, not an interpolation.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) throw new Error('percentile of no samples');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

export interface TimingSummary {
  runs: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): TimingSummary {
  return {
    runs: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: Math.min(...samples),
    max: Math.max(...samples),
    mean: samples.reduce((sum, x) => sum + x, 0) / samples.length,
  };
}

export interface BenchResult {
  name: string;
  /** Per-run wall times in ms: the HTTP round trip of the GraphQL operation. */
  graphql: TimingSummary;
  /** Per-run wall times in ms: the equivalent plain SQL through one `pg` client. */
  sql: TimingSummary;
}

/** How many times slower the GraphQL p95 is than the SQL p95 (∞ when SQL measured 0). */
export function ratio(result: BenchResult): number {
  return result.sql.p95 > 0 ? result.graphql.p95 / result.sql.p95 : Number.POSITIVE_INFINITY;
}

export const TABLE_HEADER = [
  'query',
  'GraphQL p50 ms',
  'GraphQL p95 ms',
  'SQL p50 ms',
  'SQL p95 ms',
  'ratio (GraphQL p95 / SQL p95)',
] as const;

const ms = (x: number) => x.toFixed(2);

/**
 * A Markdown pipe table (pastes into the issue as is), padded so it also reads in a terminal.
 * The query column is left-aligned, the figures right-aligned.
 */
export function formatTable(results: readonly BenchResult[]): string {
  const rows: string[][] = results.map((r) => [
    r.name,
    ms(r.graphql.p50),
    ms(r.graphql.p95),
    ms(r.sql.p50),
    ms(r.sql.p95),
    Number.isFinite(ratio(r)) ? `${ratio(r).toFixed(1)}×` : '∞',
  ]);
  const all = [[...TABLE_HEADER], ...rows];
  const widths = TABLE_HEADER.map((_, c) => Math.max(...all.map((row) => displayWidth(row[c]))));
  const line = (row: string[]) =>
    `| ${row.map((cell, c) => pad(cell, widths[c], c === 0 ? 'left' : 'right')).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (c === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line([...TABLE_HEADER]), rule, ...rows.map(line)].join('\n');
}

/** The verdict on the target (GraphQL p95 under `targetMs` for every query): reported, not enforced. */
export function targetVerdict(results: readonly BenchResult[], targetMs = 100): string {
  const over = results.filter((r) => !(r.graphql.p95 < targetMs));
  if (!results.length) return 'Target: no queries measured.';
  if (!over.length) {
    const worst = results.reduce((a, b) => (b.graphql.p95 > a.graphql.p95 ? b : a));
    return `Target met: every GraphQL p95 is under ${targetMs} ms (slowest: ${worst.name}, ${ms(worst.graphql.p95)} ms).`;
  }
  return `Target NOT met: GraphQL p95 is ${targetMs} ms or more for ${over.length} of ${results.length} queries: ${over
    .map((r) => `${r.name} (${ms(r.graphql.p95)} ms)`)
    .join(', ')}.`;
}

/** Terminal columns a string takes: East Asian wide characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}
