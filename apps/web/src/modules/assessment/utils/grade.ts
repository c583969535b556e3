/** Tag colours from the best grade to the worst. */
const BAND_COLORS = ['green', 'blue', 'gold', 'red'] as const;

const KNOWN_GRADES: Record<string, string> = {
  优秀: 'green',
  良好: 'blue',
  合格: 'gold',
  基本合格: 'orange',
  不合格: 'red',
};

/**
 * The colour of a grade: by its place among the plan's bands (best first, the lowest always
 * red), else by the usual grade names, else neutral.
 */
export function gradeColor(grade: string, bands: readonly { grade: string }[] = []): string {
  const index = bands.findIndex((b) => b.grade === grade);
  if (index >= 0) {
    if (index === bands.length - 1 && bands.length > 1) return 'red';
    return BAND_COLORS[Math.min(index, BAND_COLORS.length - 2)];
  }
  return KNOWN_GRADES[grade] ?? 'default';
}
