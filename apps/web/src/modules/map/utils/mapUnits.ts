import type { MapMetric } from './colourBands';

export interface Figures {
  tasks: number;
  verified: number;
  overdue: number;
  completionRate: number;
}

export interface MapUnit {
  code: string;
  name: string;
  /** province, prefecture or county. */
  level: string;
  parentCode: string | null;
  directlyAdministered: boolean;
  own: Figures;
  /** A prefecture with its counties. */
  withChildren: Figures | null;
  score: { score: number; grade: string; rank: number } | null;
  urging: { blue: number; orange: number; red: number } | null;
}

interface AnalyticsRow {
  unit: {
    code: string;
    name: string;
    level: string;
    parentCode?: string | null;
    directlyAdministered: boolean;
  };
  tasks: number;
  verified: number;
  overdue: number;
  completionRate: number;
  withChildren?: Figures | null;
}

/** Joins the three answers by unit code. */
export function mapUnits(
  rows: readonly AnalyticsRow[],
  scores?: readonly { unitCode: string; score: number; grade: string; rank: number }[],
  urging?: readonly { unitCode: string; blue: number; orange: number; red: number }[],
): MapUnit[] {
  const scoreBy = new Map(scores?.map((s) => [s.unitCode, s]));
  const urgingBy = new Map(urging?.map((u) => [u.unitCode, u]));
  return rows.map((r) => {
    const score = scoreBy.get(r.unit.code);
    const open = urgingBy.get(r.unit.code);
    return {
      code: r.unit.code,
      name: r.unit.name,
      // GraphQL's AdminLevel (PREFECTURE) as the division data spells it (prefecture).
      level: r.unit.level.toLowerCase(),
      parentCode: r.unit.parentCode ?? null,
      directlyAdministered: r.unit.directlyAdministered,
      own: {
        tasks: r.tasks,
        verified: r.verified,
        overdue: r.overdue,
        completionRate: r.completionRate,
      },
      withChildren: r.withChildren
        ? {
            tasks: r.withChildren.tasks,
            verified: r.withChildren.verified,
            overdue: r.withChildren.overdue,
            completionRate: r.withChildren.completionRate,
          }
        : null,
      score: score ? { score: score.score, grade: score.grade, rank: score.rank } : null,
      // Units with tasks but no notice are absent from the counts: none open.
      urging: urging
        ? { blue: open?.blue ?? 0, orange: open?.orange ?? 0, red: open?.red ?? 0 }
        : null,
    };
  });
}

export const openNotices = (u: MapUnit) =>
  u.urging ? u.urging.blue + u.urging.orange + u.urging.red : 0;

/**
 * The value a unit is coloured by. `rollUp`: a prefecture stands for itself and its counties
 * (the boundary map's province view, where counties are not drawn).
 */
export function metricValue(
  unit: MapUnit,
  metric: MapMetric,
  rollUp = false,
  all: readonly MapUnit[] = [],
): number | null {
  if (metric === 'completion') {
    const figures = rollUp && unit.withChildren ? unit.withChildren : unit.own;
    return figures.tasks > 0 ? figures.completionRate : null;
  }
  if (metric === 'score') return unit.score?.score ?? null;
  if (!unit.urging) return null;
  if (!rollUp || unit.level !== 'prefecture') return openNotices(unit);
  return all
    .filter((u) => u.code === unit.code || u.parentCode === unit.code)
    .reduce((sum, u) => sum + openNotices(u), 0);
}
