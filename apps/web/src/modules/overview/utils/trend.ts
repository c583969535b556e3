import type { TrendPoint } from '../graphql/types';

/** Days between two YYYY-MM-DD dates (b − a). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The default share of elapsed time a unit must have completed to be on schedule. */
export const ON_SCHEDULE_THRESHOLD = 0.7;

export interface TrendRow {
  date: string;
  /** Completion, 0…1. */
  completion: number;
  /** Where completion should be to be on schedule: threshold × elapsed share of the cycle. */
  expected: number;
  verified: number;
  tasks: number;
}

/** The trend with the on-schedule line of `behindSchedule` (threshold × elapsed fraction). */
export function trendRows(
  points: readonly TrendPoint[],
  cycle: { startDate: string; dueDate: string },
  threshold = ON_SCHEDULE_THRESHOLD,
): TrendRow[] {
  const span = daysBetween(cycle.startDate, cycle.dueDate);
  return points.map((p) => {
    const elapsed =
      span <= 0
        ? Number(p.date >= cycle.startDate)
        : Math.min(Math.max(daysBetween(cycle.startDate, p.date) / span, 0), 1);
    return {
      date: p.date,
      completion: p.completionRate,
      expected: Math.round(threshold * elapsed * 10_000) / 10_000,
      verified: p.verified,
      tasks: p.tasks,
    };
  });
}
