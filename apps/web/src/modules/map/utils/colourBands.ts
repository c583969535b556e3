/** What the map colours by. */
export type MapMetric = 'completion' | 'score' | 'urging';

/** One band of the legend: values in [min, max) (the last band includes its max). */
export interface ColourBand {
  key: string;
  /** Shown in the legend (a range, or a grade name). */
  label: string;
  min: number;
  /** Exclusive upper bound; null: no upper bound. */
  max: number | null;
  fill: string;
  /** Text on the fill (contrast ≥ 4.5:1). */
  text: string;
}

/** Worst to best: red, orange, yellow, light green, green (ColorBrewer RdYlGn, darkened ends). */
const GOOD_SCALE = [
  { fill: '#b2182b', text: '#ffffff' },
  { fill: '#ef8a62', text: '#1f1f1f' },
  { fill: '#fee08b', text: '#1f1f1f' },
  { fill: '#a6d96a', text: '#1f1f1f' },
  { fill: '#1a7837', text: '#ffffff' },
] as const;

/** A unit with nothing to show (no tasks, no score). */
export const NO_DATA = { fill: '#f0f0f0', text: '#595959' } as const;

/** Completion rate (verified / tasks, 0…1) in five 20-point bands. */
export function completionBands(): ColourBand[] {
  return GOOD_SCALE.map((c, i) => ({
    key: `c${i}`,
    label: i === 4 ? '≥ 80%' : `${i * 20}–${(i + 1) * 20}%`,
    min: i * 0.2,
    max: i === 4 ? null : (i + 1) * 0.2,
    ...c,
  }));
}

/**
 * Scores by the grade bands of the cycle's assessment plan (e.g. 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60,
 * 不合格 below): the best grade green, the worst red, the others spread between.
 */
export function scoreBands(grades: readonly { grade: string; min: number }[]): ColourBand[] {
  const ascending = [...grades].sort((a, b) => a.min - b.min);
  const n = ascending.length;
  return ascending.map((g, i) => {
    const colour = GOOD_SCALE[n === 1 ? 4 : Math.round((i * (GOOD_SCALE.length - 1)) / (n - 1))];
    const next = ascending[i + 1];
    return {
      key: `s${i}`,
      label: next ? `${g.grade}（${g.min}–${next.min}）` : `${g.grade}（≥ ${g.min}）`,
      // The lowest band takes every score below its minimum too.
      min: i === 0 ? Number.NEGATIVE_INFINITY : g.min,
      max: next ? next.min : null,
      ...colour,
    };
  });
}

/** Open urging notices (督办单): none is good, many is bad. */
export function urgingBands(): ColourBand[] {
  const ranges: Array<[number, number | null, string]> = [
    [0, 1, '0'],
    [1, 3, '1–2'],
    [3, 6, '3–5'],
    [6, 11, '6–10'],
    [11, null, '> 10'],
  ];
  return ranges.map(([min, max, label], i) => ({
    key: `u${i}`,
    label,
    min,
    max,
    ...GOOD_SCALE[GOOD_SCALE.length - 1 - i],
  }));
}

/** The band of a value; null when the value is missing. */
export function bandOf(bands: readonly ColourBand[], value: number | null): ColourBand | null {
  if (value === null || Number.isNaN(value) || bands.length === 0) return null;
  for (const band of bands) {
    if (value >= band.min && (band.max === null || value < band.max)) return band;
  }
  // Above the top of a bounded scale (e.g. a rate of exactly 1 when the top band ends at 1).
  return value >= bands[bands.length - 1].min ? bands[bands.length - 1] : bands[0];
}
