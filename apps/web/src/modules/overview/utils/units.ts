import type { UnitAnalyticsRow } from '../graphql/types';

/** Whether a GB/T 2260 code names a province-level unit (XX0000). */
export function isProvinceCode(code: string): boolean {
  return /^[1-9]\d0000$/.test(code);
}

/** The province a GB/T 2260 code belongs to: its first two digits, then 0000 (420102 → 420000). */
export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/**
 * Whether a GB/T 2260 code names a prefecture-level unit (…00 but not the province …0000).
 * For the chapter matrix, whose cells carry no level.
 */
export function isPrefectureCode(code: string): boolean {
  return /^\d{4}00$/.test(code) && !code.endsWith('0000');
}

export interface UnitFigures {
  tasks: number;
  verified: number;
  overdue: number;
  evidenceCount: number;
  completionRate: number;
}

/**
 * A province's or prefecture's figures with the units under it (when the API sends them); any
 * other unit's own figures.
 */
export function unitFigures(row: UnitAnalyticsRow): UnitFigures {
  const source = row.withChildren ?? row;
  return {
    tasks: source.tasks,
    verified: source.verified,
    overdue: source.overdue,
    evidenceCount: source.evidenceCount,
    completionRate: source.completionRate,
  };
}
