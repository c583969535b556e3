import type { GradeBand } from './types';

/**
 * The grade of the highest band whose `min` is ≤ score. Bands may be given in any order. A score
 * below every band's min gets the lowest band (cannot happen with a valid plan, whose last min is 0).
 */
export function gradeOf(score: number, bands: ReadonlyArray<GradeBand>): string {
  if (bands.length === 0) throw new RangeError('gradeOf: no grade bands');
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  const band = sorted.find((b) => score >= b.min) ?? sorted[sorted.length - 1];
  return band.grade;
}
